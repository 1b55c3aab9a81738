"""The history shows what a person reads: labels, names, yes/no; never codes or ids."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template

from sprida.core.history import history_for
from sprida.core.models import Organisation
from sprida.grants.models import ApplicationStatus
from sprida.grants.tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_a_choice_shows_its_label_and_a_related_record_its_name(orgs) -> None:
    application: Any = ApplicationFactory(status=ApplicationStatus.SUBMITTED)
    application.status = ApplicationStatus.DECIDED
    application.applicant = Organisation.objects.get(name="Region Jämtland Härjedalen")
    application.save()

    [newest, _created] = history_for(application)
    shown = {c.field: (str(c.old), str(c.new)) for c in newest.changes}
    assert shown["Status"] == (
        str(ApplicationStatus.SUBMITTED.label),
        str(ApplicationStatus.DECIDED.label),
    )
    assert shown["Sökande"] == ("Region Örebro län", "Region Jämtland Härjedalen")
    for old, new in shown.values():
        assert old not in {"submitted", "decided"} and not old.isdigit()
        assert new not in {"submitted", "decided"} and not new.isdigit()


def test_two_histories_on_one_page_have_headings_with_their_own_ids(orgs) -> None:
    first: Any = ApplicationFactory()
    second: Any = ApplicationFactory()
    html = Template("{% load sprida %}{% history_table a %}{% history_table b %}").render(
        Context({"a": first, "b": second})
    )
    assert f'id="history-application-{first.pk}"' in html
    assert f'id="history-application-{second.pk}"' in html

"""The row version: every save moves it on; a claim from a stale version is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.core.versioning import StaleEditError, claim_version, etag, versions_in
from sprida.grants.models import Measure
from sprida.grants.tests.factories import make_measure


@pytest.fixture
def measure(orgs) -> Measure:
    return make_measure(title="Taligenkänning")


def test_every_save_moves_the_version_on(measure) -> None:
    assert measure.row_version == 1
    measure.title = "Ny titel"
    measure.save()
    measure.save(update_fields=["title"])
    assert measure.row_version == 3
    assert Measure.objects.get(pk=measure.pk).row_version == 3
    assert measure.history.order_by("-history_id")[0].row_version == 3


def test_a_save_from_an_old_copy_still_moves_the_version_past_the_newest(measure) -> None:
    old = Measure.objects.get(pk=measure.pk)
    measure.save()
    measure.save()
    old.save()  # no precondition: today's behaviour, but the version never goes back
    assert Measure.objects.get(pk=measure.pk).row_version == 4 == old.row_version


def test_claim_from_the_loaded_version_once(measure, people) -> None:
    first = Measure.objects.get(pk=measure.pk)
    second = Measure.objects.get(pk=measure.pk)
    claim_version(first, 1)
    first.title = "Först"
    first._history_user = people["editor"]  # type: ignore[attr-defined]
    first.save()
    with pytest.raises(StaleEditError) as refused:
        claim_version(second, 1)
    assert refused.value.current.title == "Först" and refused.value.current.row_version == 2
    assert refused.value.saved_by == "alice" and refused.value.saved_at is not None
    assert Measure.objects.get(pk=measure.pk).title == "Först"


def test_claim_on_a_removed_record_is_refused(measure) -> None:
    copy = Measure.objects.get(pk=measure.pk)
    measure.delete()
    with pytest.raises(StaleEditError) as refused:
        claim_version(copy, 1)
    assert refused.value.current is None


def test_entity_tags(measure) -> None:
    assert etag(measure) == '"v1"'
    assert versions_in('"v1"') == {1}
    assert versions_in('W/"v7", "v3"') == {7, 3}
    assert versions_in("*") is None
    assert versions_in('"abc", v2, ""') == set()


@given(st.text(max_size=40))
def test_any_if_match_header_parses_without_error(header: str) -> None:
    result = versions_in(header)
    assert result is None or all(isinstance(v, int) and v >= 0 for v in result)


def test_the_history_does_not_show_the_row_version_as_a_change(measure) -> None:
    from sprida.core.history import history_for

    measure.title = "Ny titel"
    measure.save()
    measure.save()
    changes = [c.field for entry in history_for(measure) for c in entry.changes]
    assert changes == ["Rubrik"]

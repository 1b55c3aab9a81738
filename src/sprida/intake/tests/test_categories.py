"""The confirming person chooses a measure's category; the form suggests one."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import ValidationError

from sprida.grants.models import Measure, MeasureCategory
from sprida.grants.tests.factories import ApplicationFactory, MeasureFactory
from sprida.intake.categories import suggested_categories
from sprida.intake.confirm import proposal_confirm
from sprida.intake.review_data import forms_for

from .test_confirm import form_post, receive

SEED = "002_955509009a8a4522.txt"
UNPLACED = "Virtuella vårdrum för personer med kronisk sjukdom i hemmet"


def _similar_measure_elsewhere(orgs) -> None:
    application = ApplicationFactory(applicant=orgs["jamtland-harjedalen"])
    MeasureFactory(
        application=application,
        title="Virtuella vårdrum för kroniskt sjuka personer",
        category=MeasureCategory.objects.get(slug="egenmonitorering"),
    )


def test_a_title_without_its_category_words_gets_the_category_of_similar_measures(
    people, orgs
) -> None:
    _similar_measure_elsewhere(orgs)
    categories = list(MeasureCategory.objects.all())
    found = suggested_categories(
        [UNPLACED, "Införande av AI-baserad taligenkänning", "Helt okänt ämne"],
        categories,
        user=people["officer"],
    )
    assert [c.slug if c else None for c in found] == [
        "egenmonitorering",
        "ai-taligenkanning",
        None,
    ]


def test_the_form_suggests_and_the_chosen_category_is_kept(
    client, people, orgs, django_capture_on_commit_callbacks
) -> None:
    _similar_measure_elsewhere(orgs)
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    data["measures"][0]["title"] = UNPLACED
    measures = forms_for(data, user=officer)["measures"]
    assert measures.forms[0].initial["category"] == "egenmonitorering"

    document.proposal.data = data
    document.proposal.save()
    post = form_post(data)
    post["measures-1-category"] = "ai-assistenter"  # the person chooses another category
    client.force_login(officer)
    assert client.post(f"/dokument/{document.pk}/", post).status_code == 302
    chosen = dict(
        Measure.objects.filter(application__documents=document).values_list(
            "title", "category__slug"
        )
    )
    assert chosen[UNPLACED] == "egenmonitorering"
    assert chosen["Införande av egenmonitorering"] == "ai-assistenter"


def test_the_api_without_a_category_takes_the_same_suggestion(
    people, orgs, django_capture_on_commit_callbacks
) -> None:
    _similar_measure_elsewhere(orgs)
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    data["measures"][0]["title"] = UNPLACED
    application = proposal_confirm(by=officer, document=document, data=data)
    category = application.measures.get(title=UNPLACED).category
    assert category is not None and category.slug == "egenmonitorering"


def test_an_unknown_category_is_refused_and_nothing_is_saved(
    people, django_capture_on_commit_callbacks
) -> None:
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    data["measures"][0]["category"] = "finns-inte"
    with pytest.raises(ValidationError, match="finns-inte"):
        proposal_confirm(by=officer, document=document, data=data)
    assert not Measure.objects.exists()

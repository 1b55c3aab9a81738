"""Every choice list in every form lists only what its user may see (issue #11, finding 2).

The forms are discovered, not listed: every module of the project is imported and every form
class defined in it is built for Charlie, an editor in Region Jämtland Härjedalen, in a world
where Region Örebro län and SKR hold rows Charlie must not see. A ModelChoiceField or
ModelMultipleChoiceField that offers one of them fails the test, and so does a form with such
a field that cannot be built for a user at all.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from django import forms
from django.db import models

import sprida
from sprida.core.access import EVERYTHING, SYSTEM, AccessRules, restrict
from sprida.core.forms import ChoicesForUser
from sprida.core.models import Organisation
from sprida.enablement import services as enablement
from sprida.enablement.forms import DossierForm
from sprida.enablement.models import Dossier, GroupMember, WorkingGroup
from sprida.grants.models import ApplicationStatus, MeasureCategory
from sprida.grants.tests.factories import MeasureDecisionFactory
from sprida.spreading import services as spreading
from sprida.spreading.models import Solution

SKIPPED_MODULES = ("sprida.settings", "sprida.wsgi")


def _project_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(sprida.__path__, "sprida."):
        parts = info.name.split(".")
        if "tests" in parts or "migrations" in parts or info.name.startswith(SKIPPED_MODULES):
            continue
        names.append(info.name)
    return names


def _subclasses(cls: type[Any]) -> set[type[Any]]:
    found: set[type[Any]] = set()
    for sub in cls.__subclasses__():
        found.add(sub)
        found |= _subclasses(sub)
    return found


def project_form_classes() -> list[type[forms.BaseForm]]:
    for name in _project_modules():
        importlib.import_module(name)
    classes = [
        cls
        for cls in _subclasses(forms.BaseForm)
        if cls.__module__.startswith("sprida.") and ".tests" not in cls.__module__
    ]
    return sorted(classes, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


FORM_CLASSES = project_form_classes()


@pytest.fixture
def world(people, orgs) -> dict[str, Any]:
    """Rows Charlie (Jämtland) may not see, of every kind a choice list offers."""
    line = MeasureDecisionFactory(
        decision__published=False,
        measure__application__status=ApplicationStatus.DECIDED,
    )
    solution = spreading.solution_create(
        by=SYSTEM, owner=orgs["orebro"], title="Örebros utkast", summary="Opublicerad."
    )
    published = spreading.solution_create(
        by=SYSTEM, owner=orgs["orebro"], title="Örebros lösning", summary="Publicerad."
    )
    Solution.objects.filter(pk=published.pk).update(published=True)
    dossier = enablement.dossier_create(
        by=people["coordinator"],
        title="Utkast till underlag",
        slug="utkast-till-underlag",
        purpose="Ej publicerat.",
    )
    group = enablement.group_create(by=people["coordinator"], name="Nationell grupp", slug="grupp")
    seat = enablement.group_member_add(
        by=people["coordinator"], group=group, person=people["editor"], organisation=orgs["orebro"]
    )
    return {
        "line": line,
        "measure": line.measure,
        "decision": line.decision,
        "solution": solution,
        "published": published,
        "dossier": dossier,
        "group": group,
        "seat": seat,
    }


def _arguments(world: dict[str, Any], user: Any) -> dict[str, Any]:
    """What a form's constructor may ask for, by parameter name: the widest there is, so a
    form that does not restrict what it is handed shows it."""
    return {
        "user": user,
        "applicants": Organisation.objects.all(),
        "organisations": Organisation.objects.all(),
        "owners": Organisation.objects.all(),
        "regions": Organisation.objects.all(),
        "parts": Organisation.objects.all(),
        "measure_choices": [(1, "Åtgärd 1 i dokumentet")],  # rows of the proposal, not the database
        "decision": world["decision"],
        "measure": world["measure"],
        "groups": WorkingGroup.objects.all(),
        "dossiers": Dossier.objects.all(),
        "members": GroupMember.objects.all(),
        "kind": "progress",
    }


def build(cls: type[forms.BaseForm], world: dict[str, Any], user: Any) -> forms.BaseForm:
    known = _arguments(world, user)
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(cls).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name in known:
            kwargs[name] = known[name]
        elif param.default is inspect.Parameter.empty:
            raise AssertionError(
                f"{cls.__qualname__} needs {name!r}: teach _arguments() how to build it"
            )
    if issubclass(cls, ChoicesForUser):
        kwargs["user"] = user
    return cls(**kwargs)


def _choice_fields(form: forms.BaseForm) -> dict[str, forms.ModelChoiceField]:
    return {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, forms.ModelChoiceField)
    }


def _buildable(cls: type[forms.BaseForm]) -> bool:
    meta = getattr(cls, "_meta", None)
    return not (issubclass(cls, forms.BaseModelForm) and getattr(meta, "model", None) is None)


def test_the_walk_finds_the_forms_with_choice_lists() -> None:
    names = {cls.__qualname__ for cls in FORM_CLASSES}
    assert {"DossierForm", "SolutionForm", "ConditionForm", "TimeForm", "SearchForm"} <= names
    assert len(FORM_CLASSES) >= 40


def _leaks(cls: type[forms.BaseForm], world: dict[str, Any], user: Any) -> list[str]:
    form = build(cls, world, user)
    fields = _choice_fields(form)
    if fields and not isinstance(form, ChoicesForUser):
        return [f"{cls.__qualname__} lists database rows but is not built for a user"]
    problems = []
    for name, field in fields.items():
        assert field.queryset is not None
        model = field.queryset.model
        visible = restrict(model._default_manager.all(), user).values("pk")
        leaked = list(field.queryset.exclude(pk__in=visible))
        if leaked:
            problems.append(f"{cls.__module__}.{cls.__qualname__}.{name} offers {leaked}")
    return problems


def test_every_choice_list_offers_only_rows_the_user_may_see(world, people) -> None:
    """One world for every form (building it per form would cost minutes)."""
    problems: list[str] = []
    for who in ("stranger", "viewer"):
        for cls in FORM_CLASSES:
            if _buildable(cls):
                problems += _leaks(cls, world, people[who])
    assert not problems, "\n".join(problems)


def _public_to_all(model: type[models.Model]) -> bool:
    rules: AccessRules = model.access_rules  # type: ignore[attr-defined]
    return rules.public is not None and (not rules.public or rules.public == EVERYTHING)


def test_the_world_hides_rows_of_every_kind_a_choice_list_offers(world, people) -> None:
    """Else the test above would pass without proving anything for that kind of row."""
    charlie = people["stranger"]
    offered: set[type[models.Model]] = set()
    for cls in FORM_CLASSES:
        if _buildable(cls):
            form = build(cls, world, people["admin"])
            offered |= {f.queryset.model for f in _choice_fields(form).values() if f.queryset}
    assert offered
    for model in offered:
        if _public_to_all(model):
            continue
        every = model._default_manager.count()
        assert restrict(model._default_manager.all(), charlie).count() < every, model.__name__


# The finding itself, with the cast of every access test -----------------------------------------


def test_the_dossier_form_hides_another_regions_unpublished_solution(world, people) -> None:
    for who in ("stranger", "coordinator"):
        offered = set(DossierForm(user=people[who]).fields["solutions"].queryset)  # type: ignore[attr-defined]
        assert world["solution"] not in offered, who
        assert world["published"] in offered, who


def test_the_owner_sees_their_own_unpublished_solution_in_the_list(world, people) -> None:
    offered = set(DossierForm(user=people["editor"]).fields["solutions"].queryset)  # type: ignore[attr-defined]
    assert world["solution"] in offered


def test_a_posted_hidden_choice_is_refused_as_if_it_did_not_exist(world, people) -> None:
    form = DossierForm(
        {
            "title": "Nytt",
            "slug": "nytt-underlag",
            "purpose": "Syfte.",
            "solutions": [world["solution"].pk],
        },
        user=people["stranger"],
    )
    assert not form.is_valid()
    assert "solutions" in form.errors


def test_category_lists_stay_whole_for_everyone(world, people) -> None:
    form = DossierForm(user=people["stranger"])
    assert form.fields["category"].queryset.count() == MeasureCategory.objects.count()  # type: ignore[attr-defined]


def test_a_time_form_offers_only_seats_of_the_users_own_organisation(world, people) -> None:
    from sprida.enablement.forms import TimeForm

    form = TimeForm(members=GroupMember.objects.all(), user=people["stranger"])
    assert world["seat"] not in set(form.fields["membership"].queryset)  # type: ignore[attr-defined]
    form = TimeForm(
        {"membership": world["seat"].pk, "month": "2026-01", "hours": "2"},
        members=GroupMember.objects.all(),
        user=people["stranger"],
    )
    assert not form.is_valid()
    assert list(form.errors) == ["membership"]  # the month and hours were fine

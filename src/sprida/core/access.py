"""Who may see and change what. Every view, endpoint and selector asks here.

Each domain model declares `access_rules = AccessRules(...)`: which organisation owns a row,
which organisations share it, which rows are private to the owner (drafts), which are
public, and which national roles may change it. The functions below turn those
declarations into querysets and yes/no answers, so the rules live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

Action = Literal["view", "change"]
M = TypeVar("M", bound=models.Model)

VIEWER, EDITOR, ADMIN = 1, 2, 3
COORDINATOR, FUNDER = "coordinator", "funder"
NOTHING = Q(pk__in=[])
# An explicit "every row": Django drops an empty Q() when it is combined with |.
EVERYTHING = Q(pk__isnull=False)


@dataclass(frozen=True)
class AccessRules:
    owner: str = ""  # lookup from the model to its owning Organisation; "" = owned by nobody
    participants: str = ""  # lookup to organisations that may read shared, non-private rows
    private: Q | None = None  # rows only the owner (and site admins) may see, e.g. drafts
    public: Q | None = None  # rows anyone may see, signed in or not
    national_read: bool = True  # coordinators and delegation officers read all non-private rows
    national_write: frozenset[str] = frozenset()  # national roles that may change any row
    owner_write: bool = True  # False where only national roles write, e.g. the funder's decisions
    locked: Q | None = None  # rows no one may change, e.g. submitted reports


class HasAccessRules(Protocol):
    access_rules: AccessRules


@dataclass
class Actor:
    """What one user is, computed once per request."""

    authenticated: bool = False
    site_admin: bool = False
    org_ranks: dict[int, int] = field(default_factory=dict)
    national_roles: frozenset[str] = frozenset()

    def orgs(self, min_rank: int = VIEWER) -> list[int]:
        return [org for org, rank in self.org_ranks.items() if rank >= min_rank]

    @property
    def is_coordinator(self) -> bool:
        return COORDINATOR in self.national_roles

    @property
    def is_funder(self) -> bool:
        return FUNDER in self.national_roles

    @property
    def is_national(self) -> bool:
        return bool(self.national_roles)


def actor_for(user: Any) -> Actor:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Actor()
    cached = getattr(user, "_sprida_actor", None)
    if cached is not None:
        return cached
    from sprida.accounts.models import ROLE_RANK, Membership, Role

    ranks: dict[int, int] = {}
    national: set[str] = set()
    memberships = Membership.objects.filter(user=user).values_list(
        "organisation_id", "role", "organisation__national_role"
    )
    for org_id, role, national_role in memberships:
        ranks[org_id] = ROLE_RANK[Role(role)]
        if national_role:
            national.add(national_role)
    actor = Actor(
        authenticated=True,
        site_admin=bool(user.is_superuser),
        org_ranks=ranks,
        national_roles=frozenset(national),
    )
    user._sprida_actor = actor
    return actor


def forget_actor(user: Any) -> None:
    """Drop the cached actor, e.g. after memberships changed within one request or test."""
    if hasattr(user, "_sprida_actor"):
        del user._sprida_actor


def _rules(model: type[models.Model]) -> AccessRules:
    rules = getattr(model, "access_rules", None)
    if not isinstance(rules, AccessRules):
        raise TypeError(f"{model.__name__} declares no access_rules")
    return rules


def _in(model: type[models.Model], lookup: str, org_ids: list[int]) -> Q:
    if not lookup or not org_ids:
        return NOTHING
    if "__" in lookup or model._meta.get_field(lookup).many_to_many:
        # A subquery keeps multi-valued joins from duplicating rows.
        pks = model._default_manager.filter(**{f"{lookup}__in": org_ids}).values("pk")
        return Q(pk__in=pks)
    return Q(**{f"{lookup}__in": org_ids})


def _public_q(rules: AccessRules) -> Q:
    if rules.public is None:
        return NOTHING
    return rules.public or EVERYTHING


def view_q(model: type[models.Model], user: Any) -> Q:
    rules, actor = _rules(model), actor_for(user)
    if actor.site_admin:
        return EVERYTHING
    shared = ~rules.private if rules.private is not None else EVERYTHING
    q = _public_q(rules)
    if not actor.authenticated:
        return q
    if not rules.owner and rules.public is None:
        q = EVERYTHING  # reference data without an owner: every signed-in user reads it
    q |= _in(model, rules.owner, actor.orgs(VIEWER))
    if rules.participants:
        q |= _in(model, rules.participants, actor.orgs(VIEWER)) & shared
    if rules.national_read and actor.is_national:
        q |= shared
    return q


def change_q(model: type[models.Model], user: Any) -> Q:
    rules, actor = _rules(model), actor_for(user)
    if not actor.authenticated:
        return NOTHING
    if actor.site_admin or rules.national_write & actor.national_roles:
        q = EVERYTHING
    elif rules.owner_write:
        q = _in(model, rules.owner, actor.orgs(EDITOR))
    else:
        return NOTHING
    if rules.locked is not None:
        q &= ~rules.locked
    return q


def restrict(
    queryset: models.QuerySet[M], user: Any, action: Action = "view"
) -> models.QuerySet[M]:
    """The rows of `queryset` that `user` may see (or change)."""
    q = view_q(queryset.model, user) if action == "view" else change_q(queryset.model, user)
    return queryset.filter(q)


def can(user: Any, action: Action, obj: models.Model) -> bool:
    manager = type(obj)._default_manager
    return restrict(manager.filter(pk=obj.pk), user, action).exists()


def can_view(user: Any, obj: models.Model) -> bool:
    return can(user, "view", obj)


def can_change(user: Any, obj: models.Model) -> bool:
    return can(user, "change", obj)


def get_for_user(
    queryset: models.QuerySet[M], user: Any, action: Action = "view", **lookup: Any
) -> M:
    """The object, or 404 if the user may not see it, or 403 if they may see but not change it."""
    obj = restrict(queryset, user, "view").filter(**lookup).first()
    if obj is None:
        raise Http404
    if action == "change" and not can_change(user, obj):
        raise PermissionDenied
    return obj


def may_act_for(
    user: Any, organisation_id: int | None, *, national: frozenset[str] = frozenset()
) -> bool:
    """May the user create or change records on behalf of this organisation?"""
    actor = actor_for(user)
    if actor.site_admin or national & actor.national_roles:
        return True
    return organisation_id is not None and actor.org_ranks.get(organisation_id, 0) >= EDITOR


def member_organisations(user: Any, min_rank: int = VIEWER) -> list[int]:
    return actor_for(user).orgs(min_rank)

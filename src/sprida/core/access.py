"""Who may see and change what. Every view, endpoint, form, selector and service asks here.

Each domain model declares `access_rules = AccessRules(...)`: which organisation owns a row,
which organisations share it, whose part of a joint effort it records (that part's editors
write it), which rows are private to the owner (drafts), which are
public, and which national roles may change it. The functions below turn those
declarations into querysets and yes/no answers, so the rules live in one place. The roles
themselves (a member's role in an organisation, an organisation's national role) and the
SYSTEM actor are defined here too, so no other module spells them out.

This module imports no model: the models import it for their declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypeAlias, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

Action = Literal["view", "change"]
M = TypeVar("M", bound=models.Model)


class Role(models.TextChoices):
    """A person's role in one organisation; each includes the ones before it."""

    VIEWER = "viewer", _("Läsare")
    EDITOR = "editor", _("Redaktör")
    ADMIN = "admin", _("Administratör")

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def at_least(cls, role: Role) -> list[Role]:
        """The roles that include `role`, e.g. for `Membership.objects.filter(role__in=...)`."""
        return [r for r in cls if r.rank >= role.rank]


_RANKS: Final = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


class NationalRole(models.TextChoices):
    """What a national body does for all regions."""

    NONE = "", _("Ingen")
    COORDINATOR = "coordinator", _("Nationell samordnare")
    FUNDER = "funder", _("Bidragsgivare")


COORDINATOR: Final = NationalRole.COORDINATOR
FUNDER: Final = NationalRole.FUNDER
NOTHING = Q(pk__in=[])
# An explicit "every row": Django drops an empty Q() when it is combined with |.
EVERYTHING = Q(pk__isnull=False)


class SystemActor:
    """The author of records no person entered: demo loaders, commands an operator runs.

    It may do what a site administrator may, and is recorded in history as no user."""

    is_authenticated: Final = False
    is_active: Final = True
    pk: Final = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM: Final = SystemActor()
# Whoever asks: a signed-in user, the anonymous visitor, or the system itself.
Who: TypeAlias = "AbstractBaseUser | AnonymousUser | SystemActor | None"


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
    # Lookup to the organisation whose part of a joint effort the row records. Where set, that
    # organisation's editors (not the owner's) change the row, and its members read it.
    part: str = ""


class HasAccessRules(Protocol):
    access_rules: AccessRules


@dataclass(frozen=True)
class Actor:
    """What one user is, computed once per request.

    `national_roles` are read rights (any member of a national body); `national_writer` holds
    the national roles the user may also write for (editor or admin in that body)."""

    authenticated: bool = False
    site_admin: bool = False
    org_ranks: dict[int, int] = field(default_factory=dict)
    national_roles: frozenset[str] = frozenset()
    national_writer: frozenset[str] = frozenset()

    def orgs(self, min_role: Role = Role.VIEWER) -> list[int]:
        return [org for org, rank in self.org_ranks.items() if rank >= min_role.rank]

    def has_role(self, organisation_id: int | None, role: Role) -> bool:
        return self.org_ranks.get(organisation_id or 0, 0) >= role.rank

    def writes_for(self, national: frozenset[str]) -> bool:
        """May the user write as one of these national roles (or as site admin)?"""
        return self.site_admin or bool(national & self.national_writer)

    @property
    def is_coordinator(self) -> bool:
        return COORDINATOR in self.national_roles

    @property
    def is_funder(self) -> bool:
        return FUNDER in self.national_roles

    @property
    def is_national(self) -> bool:
        return bool(self.national_roles)


ANONYMOUS: Final = Actor()
SYSTEM_ACTOR: Final = Actor(authenticated=True, site_admin=True)


def actor_for(user: Who) -> Actor:
    if user is SYSTEM:
        return SYSTEM_ACTOR
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_sprida_actor", None)
    if cached is not None:
        return cached
    ranks: dict[int, int] = {}
    national: set[str] = set()
    writer: set[str] = set()
    # Through the reverse relation, so this module needs no import of the accounts models.
    memberships = user.memberships.values_list(  # type: ignore[union-attr]
        "organisation_id", "role", "organisation__national_role"
    )
    for org_id, role, national_role in memberships:
        ranks[org_id] = Role(role).rank
        if national_role:
            national.add(national_role)
            if Role(role).rank >= Role.EDITOR.rank:
                writer.add(national_role)
    actor = Actor(
        authenticated=True,
        site_admin=bool(user.is_superuser),  # type: ignore[union-attr]
        org_ranks=ranks,
        national_roles=frozenset(national),
        national_writer=frozenset(writer),
    )
    user._sprida_actor = actor  # type: ignore[union-attr]
    return actor


def forget_actor(user: Any) -> None:
    """Drop the cached actor, e.g. after memberships changed within one request or test."""
    if hasattr(user, "_sprida_actor"):
        del user._sprida_actor


def author(by: Who) -> Any:
    """The user to record in history for a write by `by` (None for the system or anonymous)."""
    return by if getattr(by, "is_authenticated", False) else None


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


def view_q(model: type[models.Model], user: Who) -> Q:
    rules, actor = _rules(model), actor_for(user)
    if actor.site_admin:
        return EVERYTHING
    shared = ~rules.private if rules.private is not None else EVERYTHING
    q = _public_q(rules)
    if not actor.authenticated:
        return q
    if not rules.owner and rules.public is None:
        q = EVERYTHING  # reference data without an owner: every signed-in user reads it
    q |= _in(model, rules.owner, actor.orgs(Role.VIEWER))
    if rules.part:
        q |= _in(model, rules.part, actor.orgs(Role.VIEWER)) & shared
    if rules.participants:
        q |= _in(model, rules.participants, actor.orgs(Role.VIEWER)) & shared
    if rules.national_read and actor.is_national:
        q |= shared
    return q


def change_q(model: type[models.Model], user: Who) -> Q:
    rules, actor = _rules(model), actor_for(user)
    if not actor.authenticated:
        return NOTHING
    if actor.writes_for(rules.national_write):
        q = EVERYTHING
    elif rules.owner_write:
        q = _in(model, rules.part or rules.owner, actor.orgs(Role.EDITOR))
    else:
        return NOTHING
    if rules.locked is not None:
        q &= ~rules.locked
    return q


def restrict(
    queryset: models.QuerySet[M], user: Who, action: Action = "view"
) -> models.QuerySet[M]:
    """The rows of `queryset` that `user` may see (or change)."""
    q = view_q(queryset.model, user) if action == "view" else change_q(queryset.model, user)
    return queryset.filter(q)


def can(user: Who, action: Action, obj: models.Model) -> bool:
    manager = type(obj)._default_manager
    return restrict(manager.filter(pk=obj.pk), user, action).exists()


def can_view(user: Who, obj: models.Model) -> bool:
    return can(user, "view", obj)


def can_change(user: Who, obj: models.Model) -> bool:
    return can(user, "change", obj)


def get_for_user(
    queryset: models.QuerySet[M], user: Who, action: Action = "view", **lookup: Any
) -> M:
    """The object, or 404 if the user may not see it, or 403 if they may see but not change it."""
    obj = restrict(queryset, user, "view").filter(**lookup).first()
    if obj is None:
        raise Http404
    if action == "change" and not can_change(user, obj):
        raise PermissionDenied
    return obj


def may_act_for(
    user: Who, organisation_id: int | None, *, national: frozenset[str] = frozenset()
) -> bool:
    """May the user create or change records on behalf of this organisation?

    Editors and admins act for their own organisations; the national roles in `national`
    (and site admins) act for every organisation."""
    actor = actor_for(user)
    return actor.writes_for(national) or actor.has_role(organisation_id, Role.EDITOR)


def may_create(user: Who, model: type[models.Model], organisation_id: int | None) -> bool:
    """May the user create a record of this kind owned by (or about, or the part of) this
    organisation?

    Read from the model's rules: its national writers create for anyone, and where owners
    write, the organisation's editors create for it."""
    rules, actor = _rules(model), actor_for(user)
    if actor.writes_for(rules.national_write):
        return True
    return rules.owner_write and actor.has_role(organisation_id, Role.EDITOR)


def acting_q(user: Who, model: type[models.Model] | None = None) -> Q:
    """The organisations (a filter on Organisation) the user may create records for.

    Without a model: the organisations where the user is an editor or admin (every one for
    site admins). With one: also every organisation when the user writes nationally for it."""
    actor = actor_for(user)
    national = _rules(model).national_write if model is not None else frozenset()
    if actor.writes_for(national):
        return EVERYTHING
    if model is not None and not _rules(model).owner_write:
        return NOTHING
    return Q(pk__in=actor.orgs(Role.EDITOR))


def holds_wide_power(user: Who) -> bool:
    """Whose sign-in may be required to take a second factor: site administrators (and anyone
    who may open the admin) and the funder's officers, whose accounts reach every region's
    records or decide the grants. Region members and coordinators are not among them; the
    SYSTEM actor never signs in."""
    if user is SYSTEM:
        return False
    actor = actor_for(user)
    if not actor.authenticated:
        return False
    return actor.site_admin or actor.is_funder or bool(getattr(user, "is_staff", False))

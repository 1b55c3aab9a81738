"""Single sign-on through a region's OpenID Connect provider (enabled by OIDC_ENABLED=1).

A user is matched on the provider's `sub`; a new user gets a viewer membership in the
organisation whose org number the provider sends in the `organisation_number` claim
(configurable with OIDC_ORG_CLAIM). Higher roles are given in Sprida by an administrator.
"""

from __future__ import annotations

import os
from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from sprida.accounts.models import Membership, User
from sprida.core.access import Role
from sprida.core.models import Organisation
from sprida.core.orgnumber import format_org_number


def organisation_from_claims(claims: dict[str, Any]) -> Organisation | None:
    raw = claims.get(os.environ.get("OIDC_ORG_CLAIM", "organisation_number"))
    if not raw:
        return None
    return Organisation.objects.filter(org_number=format_org_number(str(raw))).first()


def user_from_claims(claims: dict[str, Any]) -> User:
    """Create or update the user the claims describe, with a viewer membership for a new one."""
    subject = str(claims["sub"])
    user = User.objects.filter(oidc_subject=subject).first()
    created = user is None
    if user is None:
        base = (claims.get("preferred_username") or claims.get("email") or subject)[:140]
        username, n = base, 1
        while User.objects.filter(username=username).exists():
            n += 1
            username = f"{base}-{n}"
        user = User(username=username, oidc_subject=subject)
        user.set_unusable_password()
    user.email = claims.get("email", user.email) or ""
    user.first_name = claims.get("given_name", user.first_name) or ""
    user.last_name = claims.get("family_name", user.last_name) or ""
    user.save()
    organisation = organisation_from_claims(claims)
    if created and organisation is not None:
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": Role.VIEWER}
        )
    return user


class RegionOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(oidc_subject=str(claims.get("sub", "")))

    def create_user(self, claims: dict[str, Any]) -> User:
        return user_from_claims(claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user_from_claims(claims)

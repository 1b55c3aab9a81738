"""Every grant page renders for every role, and exports its tables."""

from django.urls import reverse

from sprida.grants.models import Application, Decision

ROLES = ["editor", "viewer", "stranger", "coordinator", "officer", "admin"]


def test_pages_render(client, people, national) -> None:
    for who in ROLES:
        _pages_render(client, people, who)


def _pages_render(client, people, who) -> None:
    client.force_login(people[who])
    decision = Decision.objects.get(application__applicant__slug="orebro")
    urls = [
        reverse("grants:overview"),
        reverse("grants:portfolio"),
        reverse("grants:deadlines"),
        reverse("grants:region", args=["orebro"]),
        reverse("grants:region", args=["skr"]),
        reverse("grants:region_deadlines", args=["orebro"]),
        reverse("grants:programme", args=["effektiv-halso-och-sjukvard"]),
        reverse("grants:decision", args=[decision.pk]),
        "/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (who, url)


def test_application_pages_render_for_owner(client, people, national) -> None:
    client.force_login(people["editor"])
    app = Application.objects.get(applicant__slug="orebro")
    for url in [
        reverse("grants:application", args=[app.pk]),
        reverse("grants:application_create") + "?applicant=orebro",
    ]:
        assert client.get(url).status_code == 200, url


def test_officer_forms_render(client, people, national) -> None:
    client.force_login(people["officer"])
    decision = Decision.objects.get(application__applicant__slug="orebro")
    jamtland = Application.objects.get(applicant__slug="jamtland-harjedalen")
    for url in [
        reverse("grants:decision_edit", args=[decision.pk]),
        reverse("grants:decision_create", args=[jamtland.pk]),
        reverse("grants:condition_create", args=[decision.pk]),
        reverse("grants:budget_create", args=["effektiv-halso-och-sjukvard"]),
        reverse("grants:application", args=[jamtland.pk]),
    ]:
        assert client.get(url).status_code == 200, url

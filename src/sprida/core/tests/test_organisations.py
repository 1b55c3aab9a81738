import pytest

from sprida.core.models import Organisation, Region
from sprida.core.orgnumber import luhn_valid
from sprida.core.services import organisations_load


@pytest.mark.django_db
def test_load_is_complete_and_idempotent() -> None:
    assert organisations_load() == (23, 0)
    assert organisations_load() == (0, 23)
    assert Region.objects.count() == 21
    assert Organisation.objects.get(slug="skr").national_role == "coordinator"
    assert Organisation.objects.get(slug="effektivitetsdelegationen").national_role == "funder"


@pytest.mark.django_db
def test_every_org_number_passes_luhn() -> None:
    organisations_load()
    for org in Organisation.objects.all():
        assert luhn_valid(org.org_number), org
    assert Region.objects.get(slug="orebro").org_number == "232100-0164"


def test_region_cannot_hold_a_national_role(orgs: dict) -> None:
    from django.db import IntegrityError, transaction

    region = orgs["orebro"]
    region.national_role = "funder"
    with pytest.raises(IntegrityError), transaction.atomic():
        region.save()


def test_organisations_page_is_public(client, orgs) -> None:
    response = client.get("/organisationer/")
    assert response.status_code == 200
    assert "Region Örebro län" in response.content.decode()

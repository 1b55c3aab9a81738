import pytest

from sprida.grants.demo import generated_load, seed_records_load
from sprida.grants.models import Application, Decision


@pytest.fixture
def seeded(orgs):
    """The three source documents as records."""
    return seed_records_load()


@pytest.fixture
def orebro_decision(seeded) -> Decision:
    return Decision.objects.get(application__applicant__slug="orebro")


@pytest.fixture
def jamtland_application(seeded) -> Application:
    return Application.objects.get(applicant__slug="jamtland-harjedalen")


@pytest.fixture
def joint_application(seeded) -> Application:
    return Application.objects.get(joint=True)


@pytest.fixture
def national(seeded):
    """Seed records plus generated demo data for every other region."""
    return generated_load()

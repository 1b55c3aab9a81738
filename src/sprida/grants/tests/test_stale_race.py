"""Two saves from the same version at the same moment, in two database connections: exactly
one wins. On PostgreSQL the second UPDATE waits for the first transaction's row lock and then
finds the version moved on; SQLite serialises writers on its database lock."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import connection, connections, transaction

from sprida.core.versioning import StaleEditError
from sprida.grants import services
from sprida.grants.models import Measure
from sprida.grants.tests.factories import make_application, make_measure

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_saves_from_one_version_one_wins(people) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs two real concurrent connections (PostgreSQL)")
    measure = make_measure(application=make_application(status="draft", submitted_on=None))
    barrier = threading.Barrier(2)
    outcome: dict[str, Any] = {}

    def save(title: str) -> None:
        try:
            copy = Measure.objects.get(pk=measure.pk)
            barrier.wait()
            with transaction.atomic():
                services.measure_update(
                    by=people["editor"], measure=copy, expected_version=1, title=title
                )
                time.sleep(0.3)  # hold the row: the other save must wait, then be refused
            outcome[title] = "saved"
        except StaleEditError:
            outcome[title] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcome.values()) == ["refused", "saved"], outcome
    stored = Measure.objects.get(pk=measure.pk)
    winner = next(title for title, result in outcome.items() if result == "saved")
    assert stored.title == winner and stored.row_version == 2

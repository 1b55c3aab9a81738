"""The endpoints read what the UI shows and write through the same services."""

from __future__ import annotations

from typing import Any

from sprida.core.access import restrict
from sprida.core.models import Organisation
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    Measure,
    MeasureCategory,
    Programme,
)


def test_lists_page_filter_and_sort(api_as, grants) -> None:
    api = api_as("editor")
    everything = api.get("/api/v1/applications").json()
    titles = {item["title"] for item in everything["items"]}
    assert titles == {"Örebro beslutad", "Örebro opublicerad", "Utkast"}
    assert everything["count"] == 3 and everything["limit"] == 50 and everything["offset"] == 0

    first = api.get("/api/v1/applications", limit=1, ordering="title").json()
    second = api.get("/api/v1/applications", limit=1, offset=1, ordering="title").json()
    assert first["count"] == 3 and len(first["items"]) == 1
    assert first["items"][0]["title"] == "Utkast"
    assert second["items"][0]["title"] == "Örebro beslutad"

    drafts = api.get("/api/v1/applications", status="draft").json()
    assert [a["title"] for a in drafts["items"]] == ["Utkast"]
    assert api.get("/api/v1/applications", q="opublicerad").json()["count"] == 1
    assert api.get("/api/v1/applications", region="jamtland-harjedalen").json()["count"] == 0


def test_application_detail_shape(api_as, grants) -> None:
    item = api_as("editor").get(f"/api/v1/applications/{grants['decided'].pk}").json()
    assert item["applicant"]["slug"] == "orebro"
    assert item["status"] == "decided" and item["measure_count"] == 1
    assert item["applied_total"] == 12_000_000


def test_decision_detail_has_lines_and_amounts(api_as, grants) -> None:
    decision = grants["decision"]
    item = api_as("viewer").get(f"/api/v1/decisions/{decision.pk}").json()
    assert item["granted_sek"] == 10_000_000 and item["rejected_sek"] == 2_000_000
    (line,) = item["lines"]
    assert line["measure_id"] == grants["measure"].pk and line["outcome"] == "partially_granted"


def test_payouts_and_deadlines_lists(api_as, grants) -> None:
    api = api_as("viewer")
    payouts = api.get("/api/v1/payouts", decision=grants["decision"].pk).json()
    assert [p["amount_sek"] for p in payouts["items"]] == [10_000_000]
    deadlines = api.get("/api/v1/deadlines", open="true", region="orebro").json()
    assert {d["id"] for d in deadlines["items"]} == {
        grants["deadline"].pk,
        grants["hidden_deadline"].pk,
    }


def test_reference_lists_are_what_access_allows(api_as, grants, people) -> None:
    user = people["stranger"]
    api = api_as("stranger")
    regions = restrict(Organisation.objects.filter(kind="region"), user)
    answer = api.get("/api/v1/organisations", kind="region", limit=500).json()
    assert {o["slug"] for o in answer["items"]} == {o.slug for o in regions}
    categories = restrict(MeasureCategory.objects.all(), user)
    assert api.get("/api/v1/categories").json()["count"] == categories.count()
    programmes = restrict(Programme.objects.all(), user)
    assert api.get("/api/v1/programmes").json()["count"] == programmes.count()


def test_editor_creates_changes_submits_and_withdraws(api_as, grants) -> None:
    api = api_as("editor")
    created = api.post(
        "/api/v1/applications", {"applicant": "orebro", "title": "Ny ansökan", "applied_sek": 5}
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    application = Application.objects.get(pk=pk)
    assert application.status == ApplicationStatus.DRAFT
    assert application.history.first().history_user.username == "alice"

    measure = api.post(
        "/api/v1/measures",
        {
            "application": pk,
            "title": "Taligenkänning",
            "category": "ai-taligenkanning",
            "applied_sek": 3_000_000,
            "year_amounts": [
                {"year": 2025, "applied_sek": 1_000_000},
                {"year": 2026, "applied_sek": 2_000_000},
            ],
        },
    )
    assert measure.status_code == 201, measure.content
    assert [y["year"] for y in measure.json()["year_amounts"]] == [2025, 2026]

    changed = api.patch(f"/api/v1/applications/{pk}", {"title": "Ny ansökan (rättad)"})
    assert changed.status_code == 200 and changed.json()["title"] == "Ny ansökan (rättad)"
    submitted = api.post(f"/api/v1/applications/{pk}/submit", {"submitted_on": "2025-06-12"})
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    withdrawn = api.post(f"/api/v1/applications/{pk}/withdraw")
    assert withdrawn.json()["status"] == "withdrawn"


def test_business_rules_answer_422_with_the_reason(api_as, grants) -> None:
    api = api_as("editor")
    draft = grants["draft"]
    Measure.objects.filter(application=draft).delete()
    response = api.post(f"/api/v1/applications/{draft.pk}/submit", {"submitted_on": "2025-06-12"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "rule_violated" and body["detail"]
    assert response["Content-Type"] == "application/problem+json"

    amounts = api.post(
        "/api/v1/measures",
        {
            "application": draft.pk,
            "title": "Fel summa",
            "applied_sek": 100,
            "year_amounts": [{"year": 2025, "applied_sek": 60}, {"year": 2026, "applied_sek": 60}],
        },
    )
    assert amounts.status_code == 422 and "120" in amounts.json()["detail"].replace(" ", "")
    assert not Measure.objects.filter(title="Fel summa").exists()


def test_measure_with_a_decision_cannot_be_deleted(api_as, grants) -> None:
    response = api_as("editor").delete(f"/api/v1/measures/{grants['measure'].pk}")
    assert response.status_code in {403, 422}
    assert Measure.objects.filter(pk=grants["measure"].pk).exists()
    draft_measure = grants["draft_measure"]
    assert api_as("editor").delete(f"/api/v1/measures/{draft_measure.pk}").status_code == 204
    assert not Measure.objects.filter(pk=draft_measure.pk).exists()


def test_officer_marks_payout_paid_and_deadline_done(api_as, grants) -> None:
    api = api_as("officer")
    paid = api.post(f"/api/v1/payouts/{grants['payout'].pk}/paid", {"paid_on": "2025-12-01"})
    assert paid.status_code == 200 and paid.json()["status"] == "paid"
    done = api.post(f"/api/v1/deadlines/{grants['deadline'].pk}/done", {"done_on": "2026-11-20"})
    assert done.status_code == 200 and done.json()["done_on"] == "2026-11-20"


def test_list_query_count_does_not_grow(api_as, grants, django_assert_max_num_queries) -> None:
    from sprida.grants.tests import factories as f

    api = api_as("officer")
    api.get("/api/v1/decisions")  # warm the token's last-used write
    with django_assert_max_num_queries(12):
        small: Any = api.get("/api/v1/decisions").json()
    for _ in range(5):
        f.MeasureDecisionFactory()
    with django_assert_max_num_queries(12):
        large: Any = api.get("/api/v1/decisions").json()
    assert large["count"] == small["count"] + 5


def test_effects_read_and_record(api_as, grants) -> None:
    api = api_as("editor")
    indicator = api.get(f"/api/v1/indicators/{grants['indicator'].pk}").json()
    assert indicator["baseline_value"] == "12.5" and indicator["unit"] == "minuter"
    values = api.get("/api/v1/measurements", indicator=grants["indicator"].pk).json()["items"]
    assert [v["value"] for v in values] == ["9.25"]
    recorded = api.post(
        "/api/v1/measurements",
        {"indicator": grants["indicator"].pk, "period": "2026-01-01", "value": 8},
    )
    assert recorded.status_code == 201 and recorded.json()["value"] == "8"
    values = api.get("/api/v1/measurements", indicator=grants["indicator"].pk).json()["items"]
    assert [v["value"] for v in values] == ["8"]  # the same period is replaced, not added
    costs = api.get("/api/v1/costs", measure=grants["measure"].pk).json()["items"]
    assert [c["amount_sek"] for c in costs] == [250_000]
    reports = api.get("/api/v1/reports", decision=grants["decision"].pk).json()["items"]
    assert [r["kind"] for r in reports] == ["progress"]


def test_document_upload_and_confirm(api_as, grants) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = api_as("editor")
    text = "Beslut om statsbidrag till Region Örebro län. Beviljat belopp 5 000 000 kr.\n".encode()

    def upload(name: str, data: bytes, who: str = "editor") -> Any:
        client = api_as(who)
        return client.client.post(
            "/api/v1/documents",
            {"file": SimpleUploadedFile(name, data)},
            headers=client.headers,
        )

    first = upload("beslut.txt", text)
    assert first.status_code == 201, first.content
    document = first.json()
    assert document["owner"]["slug"] == "orebro" and document["original_name"] == "beslut.txt"
    assert upload("beslut.txt", text).status_code == 200  # the same bytes: the same document
    refused = upload("bild.exe", b"MZ\x90\x00" * 50)
    assert refused.status_code in {415, 422} and refused.json()["code"] in {
        "unsupported_type",
        "wrong_type",
    }
    assert upload("annat.txt", b"annan text " * 20, who="viewer").status_code == 403

    detail = api.get(f"/api/v1/documents/{document['id']}").json()
    assert detail["id"] == document["id"] and "steps" in detail
    assert api_as("stranger").get(f"/api/v1/documents/{document['id']}").status_code == 404
    if detail["proposal"] is None:  # extraction runs after commit, which tests never reach
        confirm = api.post(f"/api/v1/documents/{document['id']}/confirm", {})
        assert confirm.status_code == 409 and confirm.json()["code"] == "no_proposal"

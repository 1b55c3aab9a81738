"""The HTML site's access matrix: every URL name × who asks × GET and POST, answer written out.

Columns, in order (access_world.WHO): Örebro's editor (Alice), Örebro's viewer (Bob), an
editor of another region (Charlie, Jämtland Härjedalen), the national coordinator at SKR
(Sam), the delegation's officer (Dana), and a visitor who is not signed in. The records belong
to Region Örebro län unless the row says otherwise; dossiers and working groups are SKR's.

Answers:
    200    the page (for a POST: the form again, e.g. with its errors)
    400    the form again with its errors, answered as a bad request
    403    signed in and may see the record, but may not do this
    404    the record is not there for this person (or the address names nothing)
    405    the method is not allowed here
    login  302 to the sign-in page
    done   302 elsewhere: for a POST, it was carried out (checked where a row has an effect)
    kept   302 elsewhere, and the row's effect did not happen (refused with a message)

A POST without `data` sends an empty form: it shows who gets as far as the form. Rows with
`data` send a valid one and check that the change happened exactly for the `done` answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from sprida.effects.models import CostDocument, Indicator
from sprida.enablement.models import DossierAdoption
from sprida.grants.models import Application, ApplicationStatus, Condition, Measure
from sprida.spreading.models import CollaborationGroup, SolutionMeasure

World = dict[str, Any]
Kwargs = Callable[[World], dict[str, Any]]
Body = Callable[[World], dict[str, Any]]
Effect = Callable[[World], bool]


def _empty(world: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Row:
    name: str
    kwargs: Kwargs
    get: str
    post: str
    variant: str = ""  # tells two rows for one URL name apart
    data: Body = _empty
    effect: Effect | None = None  # did the POST change what it should?
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}[{self.variant}]" if self.variant else self.name


# Arguments of the address, from the world ------------------------------------------------------


def pk(key: str, name: str = "pk", **extra: Any) -> Kwargs:
    return lambda world: {name: world[key].pk, **extra}


def slug(key: str, name: str = "slug") -> Kwargs:
    return lambda world: {name: world[key].slug}


def fixed(**kwargs: Any) -> Kwargs:
    return lambda world: kwargs


def version(key: str, **extra: Any) -> Kwargs:
    return lambda world: {"slug": world["dossier"].slug, "number": world[key].number, **extra}


def record(kind: str, key: str) -> Kwargs:
    return lambda world: {"kind": kind, "pk": world[key].pk}


def item(kind: str, key: str) -> Kwargs:
    return lambda world: {**version("draft_version")(world), "kind": kind, "pk": world[key].pk}


NONE = fixed()

# Valid forms, and what each changes ------------------------------------------------------------


def SUBMIT(world: World) -> dict[str, Any]:
    return {"submitted_on": "2025-06-12"}


def SUBMITTED(world: World) -> bool:
    return Application.objects.get(pk=world["draft"].pk).status == ApplicationStatus.SUBMITTED


def WITHDRAWN(world: World) -> bool:
    return Application.objects.get(pk=world["submitted"].pk).status == ApplicationStatus.WITHDRAWN


def MEASURE_GONE(world: World) -> bool:
    return not Measure.objects.filter(pk=world["draft_measure"].pk).exists()


def REVOKED(world: World) -> bool:
    world["token"].refresh_from_db()
    return world["token"].revoked_at is not None


def CONDITION(world: World) -> dict[str, Any]:
    return {"text": "Ska rapporteras kvartalsvis.", "line": world["line"].pk}


def CONDITION_CHANGED(world: World) -> bool:
    return Condition.objects.get(pk=world["condition"].pk).text == "Ska rapporteras kvartalsvis."


def INDICATOR(world: World) -> dict[str, Any]:
    indicator = world["indicator"]
    return {
        "name": "Dokumentationstid per vårdkontakt",
        "definition": indicator.definition,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline_value": "12,5",
        "baseline_on": "2025-01-01",
        "data_source": indicator.data_source,
        "frequency": indicator.frequency,
        "benefit_type": indicator.benefit_type,
    }


def INDICATOR_CHANGED(world: World) -> bool:
    name = Indicator.objects.get(pk=world["indicator"].pk).name
    return name == "Dokumentationstid per vårdkontakt"


def COST_DOCUMENT(world: World) -> dict[str, Any]:
    pdf = b"%PDF-1.4 kvitto\n%%EOF\n"
    return {"file": SimpleUploadedFile("kvitto.pdf", pdf, "application/pdf")}


def COST_DOCUMENTED(world: World) -> bool:
    return CostDocument.objects.filter(cost=world["cost"], name="kvitto.pdf").exists()


def GROUP(world: World) -> dict[str, Any]:
    orebro = world["orgs"]["orebro"].pk
    return {"title": "Taligenkänning tillsammans", "owner": orebro, "published": "on"}


def GROUP_MADE(world: World) -> bool:
    return CollaborationGroup.objects.filter(title="Taligenkänning tillsammans").exists()


def LINK(world: World) -> dict[str, Any]:
    return {"measure": world["measure"].pk, "role": "implements"}


def LINKED(world: World) -> bool:
    return SolutionMeasure.objects.filter(solution=world["solution"]).exists()


def MEETING(world: World) -> dict[str, Any]:
    return {"action": "meeting", "meeting-held_on": "2026-03-02", "meeting-title": "Uppstart"}


def MET(world: World) -> bool:
    return world["group"].meetings.filter(title="Uppstart").exists()


def ADOPT(world: World) -> dict[str, Any]:
    return {"region": world["orgs"]["jamtland-harjedalen"].pk, "adopted_on": "2026-02-01"}


def ADOPTED(world: World) -> bool:
    return DossierAdoption.objects.filter(region__slug="jamtland-harjedalen").exists()


# The matrix ------------------------------------------------------------------------------------
#        columns: Alice (Örebro editor), Bob (Örebro viewer), Charlie, Sam, Dana, anonymous
# fmt: off
ROWS: list[Row] = [
    Row("admin_login", NONE,
        note="the admin's own sign-in form is never used: everyone signs in through Sprida's",
        get= "login login login login login login",
        post="login login login login login login"),
    Row("admin:index", NONE,
        note="one sample of the admin, which only staff enter (none of these people are)",
        get= "login login login login login login",
        post="login login login login login login"),
    Row("accounts:login", NONE,
        note="someone signed in is sent on from the sign-in page",
        get= "done  done  done  done  done  200",
        post="done  done  done  done  done  200"),
    Row("accounts:login_code", NONE,
        note="no password given first: back to the sign-in page",
        get= "login login login login login login",
        post="login login login login login login"),
    Row("accounts:two_factor", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("accounts:two_factor_setup", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("accounts:recovery_codes_renew", NONE,
        get= "405   405   405   405   405   login",
        post="400   400   400   400   400   login"),
    Row("accounts:two_factor_disable", NONE,
        get= "405   405   405   405   405   login",
        post="400   400   400   400   400   login"),
    Row("accounts:logout", NONE,
        get= "405   405   405   405   405   405",
        post="done  done  done  done  done  done"),
    Row("accounts:profile", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("accounts:api_tokens", NONE,
        get= "done  done  done  done  done  done",
        post="done  done  done  done  done  done"),
    Row("accounts:password_change", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("accounts:password_change_done", NONE,
        get= "200   200   200   200   200   login",
        post="405   405   405   405   405   login"),
    Row("accounts:password_reset", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("accounts:password_reset_done", NONE,
        get= "200   200   200   200   200   200",
        post="405   405   405   405   405   405"),
    Row("accounts:password_reset_confirm", fixed(uidb64="MQ", token="ogiltig"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("accounts:password_reset_complete", NONE,
        get= "200   200   200   200   200   200",
        post="405   405   405   405   405   405"),
    Row("api:tokens", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("api:token_revoke", pk("token"), effect=REVOKED,
        get= "405   405   405   405   405   login",
        post="done  404   404   404   404   login"),
    Row("core:home", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("core:organisations", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("core:accessibility", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("core:healthz", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("set_language", NONE,
        get= "done  done  done  done  done  done",
        post="done  done  done  done  done  done"),
    Row("search:search", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("grants:overview", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("grants:portfolio", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("grants:deadlines", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("grants:region", fixed(slug="orebro"),
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("grants:region_deadlines", fixed(slug="orebro"),
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("grants:programme", slug("programme"),
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("grants:budget_create", slug("programme"),
        get= "403   403   403   403   200   login",
        post="403   403   403   403   200   login"),
    Row("grants:application_create", NONE,
        note="the delegation decides on applications and never makes one",
        get= "200   403   200   200   403   login",
        post="200   403   200   200   403   login"),
    Row("grants:application", pk("draft"), variant="draft",
        get= "200   200   404   404   404   login",
        post="200   200   404   404   404   login"),
    Row("grants:application", pk("decided"), variant="decided",
        get= "200   200   404   200   200   login",
        post="200   200   404   200   200   login"),
    Row("grants:application_edit", pk("draft"),
        get= "200   403   404   404   404   login",
        post="200   403   404   404   404   login"),
    Row("grants:application_submit", pk("draft"), data=SUBMIT, effect=SUBMITTED,
        get= "200   403   404   404   404   login",
        post="done  403   404   404   404   login"),
    Row("grants:application_withdraw", pk("submitted"), effect=WITHDRAWN,
        get= "405   405   405   405   405   login",
        post="done  403   404   403   403   login"),
    Row("grants:measure_create", pk("draft"),
        get= "200   403   404   404   404   login",
        post="200   403   404   404   404   login"),
    Row("grants:decision_create", pk("submitted"),
        note="only the delegation decides; Charlie does not see Örebro's application at all",
        get= "403   403   404   403   200   login",
        post="403   403   404   403   200   login"),
    Row("grants:measure_edit", pk("draft_measure"),
        get= "200   403   404   404   404   login",
        post="200   403   404   404   404   login"),
    Row("grants:measure_delete", pk("draft_measure"), effect=MEASURE_GONE,
        get= "405   405   405   405   405   login",
        post="done  403   404   404   404   login"),
    Row("grants:decision", pk("decision"),
        note="a published decision is a public document",
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("grants:decision_edit", pk("decision"),
        get= "403   403   403   403   200   login",
        post="403   403   403   403   200   login"),
    Row("grants:condition_create", pk("decision"),
        get= "403   403   403   403   200   login",
        post="403   403   403   403   200   login"),
    Row("grants:condition_edit", pk("condition"), data=CONDITION, effect=CONDITION_CHANGED,
        get= "403   403   403   403   200   login",
        post="403   403   403   403   done  login"),
    Row("intake:documents", NONE,
        note="no file chosen: the form again, with 400",
        get= "200   200   200   200   200   login",
        post="400   403   400   400   400   login"),
    Row("intake:document", pk("document"),
        get= "200   200   404   404   404   login",
        post="200   200   404   404   404   login"),
    Row("intake:progress", pk("document"),
        get= "200   200   404   404   404   login",
        post="200   200   404   404   404   login"),
    Row("intake:original", pk("document"),
        get= "200   200   404   404   404   login",
        post="200   200   404   404   404   login"),
    Row("intake:reprocess", pk("document"),
        get= "405   405   405   405   405   login",
        post="done  403   404   404   404   login"),
    Row("effects:overview", NONE,
        get= "200   200   200   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:national", NONE,
        get= "200   200   200   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:measure", pk("measure"),
        note="follow-up is for the region and national bodies; spreading shows the measure",
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:status_add", pk("measure"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:indicator_add", pk("measure"),
        get= "200   403   404   403   403   login",
        post="200   403   404   403   403   login"),
    Row("effects:effect_add", pk("measure"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:cost_add", pk("measure"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:cost_document_add", pk("cost"), data=COST_DOCUMENT, effect=COST_DOCUMENTED,
        get= "200   403   404   403   403   login",
        post="done  403   404   403   403   login"),
    Row("effects:cost_document", pk("cost_document"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:indicator", pk("indicator"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:indicator_edit", pk("indicator"), data=INDICATOR, effect=INDICATOR_CHANGED,
        get= "200   403   404   403   403   login",
        post="done  403   404   403   403   login"),
    Row("effects:measurement_add", pk("indicator"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:measurement_import", pk("indicator"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:measurement_csv", pk("indicator"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:report_start", pk("decision", "decision_pk"),
        get= "405   405   405   405   405   login",
        post="done  403   403   403   403   login"),
    Row("effects:report", pk("report"),
        get= "200   200   404   404   404   login",
        post="done  403   404   404   404   login"),
    Row("effects:report_submit", pk("report"),
        get= "200   403   404   404   404   login",
        post="200   403   404   404   404   login"),
    Row("effects:report_correct", pk("submitted_report"),
        get= "405   405   405   405   405   login",
        post="done  403   404   403   403   login"),
    Row("effects:report_print", pk("report"),
        get= "200   200   404   404   404   login",
        post="405   405   405   405   405   login"),
    Row("effects:report_download", pk("report", fmt="docx"),
        get= "200   200   404   404   404   login",
        post="405   405   405   405   405   login"),
    Row("effects:decision_accounting", pk("decision"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:region_accounting", fixed(slug="orebro"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:changes", NONE,
        get= "200   200   200   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:change_new", pk("decision", "decision_pk"),
        get= "200   403   404   403   403   login",
        post="200   403   404   403   403   login"),
    Row("effects:change", pk("change"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:change_answer", pk("change"),
        get= "405   405   405   405   405   login",
        post="403   403   404   403   400   login"),
    Row("effects:condition", pk("condition"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:condition_fulfilment", pk("condition"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:condition_evidence_add", pk("condition"),
        get= "405   405   405   405   405   login",
        post="400   403   404   403   403   login"),
    Row("effects:condition_acknowledge", pk("condition"),
        get= "405   405   405   405   405   login",
        post="403   403   404   403   400   login"),
    Row("effects:condition_evidence", pk("evidence"),
        get= "200   200   404   200   200   login",
        post="405   405   405   405   405   login"),
    Row("effects:record_edit", record("status", "status"), variant="status",
        get= "200   403   404   403   403   login",
        post="200   403   404   403   403   login"),
    Row("effects:record_edit", record("kostnad", "cost"), variant="kostnad",
        get= "200   403   404   403   403   login",
        post="200   403   404   403   403   login"),
    Row("effects:record_remove", record("effekt", "effect"), variant="effekt",
        get= "200   403   404   403   403   login",
        post="200   403   404   403   403   login"),
    Row("spreading:catalogue", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:solution_create", NONE,
        get= "200   403   200   200   200   login",
        post="200   403   200   200   200   login"),
    Row("spreading:solution", slug("solution"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:solution_edit", slug("solution"),
        get= "200   403   403   200   403   login",
        post="200   403   403   200   403   login"),
    Row("spreading:solution_maturity", slug("solution"),
        get= "405   405   405   405   405   login",
        post="done  403   403   done  403   login"),
    Row("spreading:adoption_record", slug("solution"),
        get= "405   405   405   405   405   login",
        post="done  403   done  done  403   login"),
    Row("spreading:solution_link", slug("solution"), data=LINK, effect=LINKED,
        note="the measure is public (its decision is): seen by all, linked by its region and SKR",
        get= "405   405   405   405   405   login",
        post="done  403   403   done  403   login"),
    Row("spreading:yaml", slug("solution"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:json", slug("solution"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:measure", pk("measure"),
        note="a measure of a published decision is public",
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:partners", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:partners_category", slug("category", "category"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:group_create", slug("category", "category"), data=GROUP, effect=GROUP_MADE,
        note="Örebro convenes: only Alice and Sam may choose it; the form refuses the others",
        get= "405   405   405   405   405   login",
        post="done  403   kept  done  kept  login"),
    Row("spreading:groups", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("spreading:seminars", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("enablement:dossiers", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("enablement:dossier_create", NONE,
        get= "403   403   403   200   403   login",
        post="403   403   403   200   403   login"),
    Row("enablement:requirements", NONE,
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("enablement:matrix", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("enablement:adoption", pk("adoption"),
        get= "200   200   404   200   200   login",
        post="200   200   404   200   200   login"),
    Row("enablement:adoption_action", pk("adoption", action="deviation"),
        get= "405   405   405   405   405   login",
        post="done  403   404   403   403   login"),
    Row("enablement:groups", NONE,
        get= "200   200   200   200   200   login",
        post="403   403   403   200   403   login"),
    Row("enablement:group", slug("group"), data=MEETING, effect=MET,
        note="Örebro sits in SKR's group, Jämtland Härjedalen does not",
        get= "200   200   404   200   200   login",
        post="403   403   404   done  403   login"),
    Row("enablement:time", NONE,
        note="only a member's own organisation records the member's hours",
        get= "200   200   200   200   200   login",
        post="200   403   403   403   403   login"),
    Row("enablement:compensation", NONE,
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("enablement:effects", NONE,
        get= "200   200   200   200   200   login",
        post="200   403   200   403   403   login"),
    Row("enablement:dossier", slug("dossier"),
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("enablement:adopt", slug("dossier"), data=ADOPT, effect=ADOPTED,
        note="for Jämtland Härjedalen: only Charlie acts for it",
        get= "405   405   405   405   405   login",
        post="kept  403   done  403   403   login"),
    Row("enablement:diff", slug("dossier"),
        note="one version visible sends on to the dossier; Sam also sees the draft version 2",
        get= "done  done  done  200   done  login",
        post="done  done  done  200   done  login"),
    Row("enablement:transparency", slug("dossier"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("enablement:transparency_json", slug("dossier"),
        get= "200   200   200   200   200   200",
        post="200   200   200   200   200   200"),
    Row("enablement:version", version("version"), variant="published",
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("enablement:version", version("draft_version"), variant="draft",
        get= "404   404   404   200   404   login",
        post="404   404   404   200   404   login"),
    Row("enablement:version_edit", version("draft_version"),
        get= "404   404   404   200   404   login",
        post="404   404   404   200   404   login"),
    Row("enablement:aiact", version("draft_version"),
        get= "404   404   404   200   404   login",
        post="404   404   404   200   404   login"),
    Row("enablement:checks", version("draft_version"),
        get= "404   404   404   200   404   login",
        post="404   404   404   done  404   login"),
    Row("enablement:docx", version("version"),
        get= "200   200   200   200   200   login",
        post="200   200   200   200   200   login"),
    Row("enablement:version_action", version("draft_version", action="submit"),
        get= "405   405   405   405   405   login",
        post="404   404   404   done  404   login"),
    Row("enablement:item_add", version("draft_version", kind="risk"),
        get= "405   405   405   405   405   login",
        post="404   404   404   done  404   login"),
    Row("enablement:item_delete", item("risk", "draft_risk"),
        get= "405   405   405   405   405   login",
        post="404   404   404   done  404   login"),
]
# fmt: on

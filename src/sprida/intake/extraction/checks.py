"""Consistency warnings, in Swedish, naming the numbers that do not add up."""

from __future__ import annotations

import re

from .amounts import format_sek
from .document import Document
from .result import ExtractionResult
from .shares import SHARE_LIKE, share_of

# A sentence that grants an amount: "Bidrag beviljas med …", "beviljar Region X bidrag med …".
_GRANTS = re.compile(r"\bbevilja(?:s|r|t|de)?\b", re.IGNORECASE)
_NOT_GRANT = re.compile(r"^\s*(?:per år|om året|årligen)|\binte\b", re.IGNORECASE)


def unread_grants(doc: Document, result: ExtractionResult) -> list[str]:
    """Amounts granted in a sentence that became neither the decision's total nor any measure's
    amount: a reworded sentence the rules did not understand must not lose a grant silently."""
    if result.document_type != "decision" or result.decision is None:
        return []
    known = {m.value for m in (result.decision.granted_sek, result.decision.applied_sek) if m}
    for measure in result.measures:
        known |= {a.value for a in (measure.granted_sek, measure.applied_sek) if a}
    known |= {payout.amount_sek for payout in result.payouts}
    if result.programme and result.programme.budget_sek_per_year:
        known.add(result.programme.budget_sek_per_year.value)
    warnings = []
    for sentence in doc.sentences:
        cue = _GRANTS.search(sentence.text)
        if cue is None or _NOT_GRANT.search(sentence.text[: cue.start()]):
            continue
        for amount in doc.amounts(sentence):
            after = sentence.text[amount.end :]
            if (
                amount.start > cue.start()
                and amount.value not in known
                and not _NOT_GRANT.match(after)
            ):
                warnings.append(
                    f"Beloppet {format_sek(amount.value)} i meningen ”{sentence.text}” har inte "
                    "kunnat knytas till beslutet eller någon åtgärd. Kontrollera beloppen."
                )
    return warnings


def unread_shares(doc: Document, result: ExtractionResult) -> list[str]:
    """A share of the applied amount ('två femtedelar av det sökta beloppet') that no rule could
    read, or that no measure and not the decision took up: the grant may be read wrong."""
    if result.document_type != "decision" or result.decision is None:
        return []
    partial = any(m.outcome == "partially_granted" for m in result.measures) or (
        result.decision.outcome is not None and result.decision.outcome.value == "partially_granted"
    )
    warnings = []
    for sentence in doc.sentences:
        if not SHARE_LIKE.search(sentence.text):
            continue
        share = share_of(sentence.text)
        if share is None:
            warnings.append(
                f"Meningen ”{sentence.text}” anger en andel av det sökta beloppet som inte har "
                "kunnat läsas. Kontrollera beviljat och avslaget belopp."
            )
        elif 0 < share < 1 and not partial:
            warnings.append(
                f"Andelen av det sökta beloppet i meningen ”{sentence.text}” har inte kunnat "
                "knytas till beslutet eller någon åtgärd. Kontrollera beloppen."
            )
    return warnings


def check_result(result: ExtractionResult) -> list[str]:
    warnings: list[str] = []
    if result.document_type == "decision":
        for measure in result.measures:
            if measure.outcome in ("granted", "partially_granted") and measure.granted_sek is None:
                warnings.append(
                    f"Åtgärden ”{measure.title.value}” saknar beviljat belopp. Fyll i beloppet "
                    "innan förslaget bekräftas."
                )
    decision = result.decision
    granted = decision.granted_sek.value if decision and decision.granted_sek else None
    if decision and decision.applied_sek and decision.granted_sek and decision.rejected_sek:
        applied, rejected = decision.applied_sek.value, decision.rejected_sek.value
        assert granted is not None
        if granted + rejected != applied:
            warnings.append(
                f"Beviljat {format_sek(granted)} + avslaget {format_sek(rejected)} = "
                f"{format_sek(granted + rejected)} stämmer inte med ansökt belopp "
                f"{format_sek(applied)}."
            )
    for measure in result.measures:
        a, g, r = measure.applied_sek, measure.granted_sek, measure.rejected_sek
        if a and g and r and g.value + r.value != a.value:
            warnings.append(
                f"Åtgärden ”{measure.title.value}”: beviljat {format_sek(g.value)} + avslaget "
                f"{format_sek(r.value)} = {format_sek(g.value + r.value)} stämmer inte med "
                f"ansökt belopp {format_sek(a.value)}."
            )
    grants = [m.granted_sek.value for m in result.measures if m.granted_sek is not None]
    if granted is not None and grants and all(m.granted_sek is not None for m in result.measures):
        total = sum(grants)
        if total != granted:
            warnings.append(
                f"Summan av beviljade belopp per åtgärd, {format_sek(total)}, stämmer inte med "
                f"beslutets beviljade belopp {format_sek(granted)}."
            )
    if granted is not None and result.payouts:
        paid = sum(p.amount_sek for p in result.payouts)
        if paid != granted:
            years = ", ".join(f"{p.year}: {format_sek(p.amount_sek)}" for p in result.payouts)
            warnings.append(
                f"Utbetalningarna ({years}) blir sammanlagt {format_sek(paid)}, men beviljat "
                f"belopp är {format_sek(granted)}."
            )
    decided = result.dates.get("decision")
    if decided:
        for deadline in result.deadlines:
            if deadline.due <= decided.value:
                warnings.append(
                    f"Tidsfristen {deadline.due.isoformat()} ({_KIND_SV[deadline.kind]}) ligger "
                    f"inte efter beslutsdatum {decided.value.isoformat()}."
                )
    return warnings


_KIND_SV = {
    "implementation": "genomförande",
    "progress_report": "delredovisning",
    "final_report": "slutredovisning",
}

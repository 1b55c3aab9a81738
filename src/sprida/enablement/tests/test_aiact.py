"""The AI Act questionnaire on each path: prohibited, high-risk (MDR, Annex III), exception,
transparency only, minimal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sprida.enablement.aiact import (
    ANNEX_III_AREAS,
    EXCEPTIONS,
    PROHIBITED_PRACTICES,
    TRANSPARENCY_DUTIES,
    AIActResult,
    Answers,
    classify,
    validate,
)


def test_prohibited_practice_decides_alone() -> None:
    answers = Answers(
        prohibited_practices=["emotion_workplace"],
        annex_i_legislation="mdr",
        mdr_class="IIb",
        transparency=["interacts_with_people"],
    )
    result, reasons = classify(answers)
    assert result == AIActResult.PROHIBITED
    assert any("art. 5.1 f" in reason for reason in reasons)


def test_mdr_class_iia_device_is_high_risk() -> None:
    result, reasons = classify(Answers(annex_i_legislation="mdr", mdr_class="IIa"))
    assert result == AIActResult.HIGH_RISK
    assert any("klass IIa" in reason and "anmält organ" in reason for reason in reasons)


def test_mdr_class_i_device_is_not_high_risk_through_annex_i() -> None:
    result, reasons = classify(Answers(annex_i_legislation="mdr", mdr_class="I"))
    assert result == AIActResult.MINIMAL_RISK
    assert any("utan krav på anmält organ" in reason for reason in reasons)


def test_ivdr_class_b_is_high_risk() -> None:
    assert classify(Answers(annex_i_legislation="ivdr", ivdr_class="B"))[0] == AIActResult.HIGH_RISK


def test_annex_iii_area_without_exception_is_high_risk() -> None:
    result, reasons = classify(Answers(annex_iii_areas=["emergency_triage"]))
    assert result == AIActResult.HIGH_RISK
    assert any("art. 6.2" in reason for reason in reasons)


def test_justified_art_6_3_exception_takes_the_system_out_of_high_risk() -> None:
    answers = Answers(
        annex_iii_areas=["public_services"],
        exceptions=["preparatory"],
        justifications={"preparatory": "Sammanställer underlag som en sjuksköterska bedömer."},
    )
    assert validate(answers) == []
    result, reasons = classify(answers)
    assert result == AIActResult.MINIMAL_RISK
    assert any("Sammanställer underlag" in reason for reason in reasons)
    assert any("art. 6.4" in reason for reason in reasons)


def test_exception_without_justification_is_refused_and_not_applied() -> None:
    answers = Answers(annex_iii_areas=["public_services"], exceptions=["preparatory"])
    assert any("skriftlig motivering" in error for error in validate(answers))
    result, reasons = classify(answers)
    assert result == AIActResult.HIGH_RISK
    assert any("saknar motivering" in reason for reason in reasons)


def test_profiling_rules_out_the_exceptions() -> None:
    answers = Answers(
        annex_iii_areas=["public_services"],
        exceptions=["narrow_procedural"],
        justifications={"narrow_procedural": "Sorterar remisser."},
        profiling=True,
    )
    assert classify(answers)[0] == AIActResult.HIGH_RISK


def test_transparency_duty_only_is_limited_risk() -> None:
    result, reasons = classify(Answers(transparency=["interacts_with_people"]))
    assert result == AIActResult.LIMITED_RISK
    assert any("art. 50.1" in reason for reason in reasons)


def test_nothing_ticked_is_minimal_risk() -> None:
    result, reasons = classify(Answers())
    assert result == AIActResult.MINIMAL_RISK
    assert reasons[-1].startswith("Resultat: minimal risk")


def test_high_risk_keeps_the_transparency_duties_in_the_reasons() -> None:
    result, reasons = classify(
        Answers(annex_i_legislation="mdr", mdr_class="III", transparency=["generates_content"])
    )
    assert result == AIActResult.HIGH_RISK
    assert any("art. 50.2" in reason for reason in reasons)


def test_validation_names_what_is_missing() -> None:
    assert any("MDR" in e for e in validate(Answers(annex_i_legislation="mdr")))
    assert any(
        "bilaga III" in e
        for e in validate(Answers(exceptions=["preparatory"], justifications={"preparatory": "x"}))
    )
    assert validate(Answers(prohibited_practices=["nonsense"])) == ["Okända svar: nonsense."]


def test_answers_round_trip_through_json() -> None:
    answers = Answers(annex_iii_areas=["education"], justifications={"preparatory": "x"})
    assert Answers.from_dict({**answers.to_dict(), "obsolete": 1}) == answers


answers_strategy = st.builds(
    Answers,
    prohibited_practices=st.lists(st.sampled_from(sorted(PROHIBITED_PRACTICES)), unique=True),
    annex_i_legislation=st.sampled_from(["none", "mdr", "ivdr", "other"]),
    mdr_class=st.sampled_from(["", "I", "IIa", "IIb", "III"]),
    ivdr_class=st.sampled_from(["", "A", "B", "C", "D"]),
    other_notified_body=st.booleans(),
    annex_iii_areas=st.lists(st.sampled_from(sorted(ANNEX_III_AREAS)), unique=True),
    exceptions=st.lists(st.sampled_from(sorted(EXCEPTIONS)), unique=True),
    justifications=st.dictionaries(st.sampled_from(sorted(EXCEPTIONS)), st.text(max_size=20)),
    profiling=st.booleans(),
    transparency=st.lists(st.sampled_from(sorted(TRANSPARENCY_DUTIES)), unique=True),
)


@given(answers_strategy)
def test_classification_invariants(answers: Answers) -> None:
    result, reasons = classify(answers)
    assert reasons and all(isinstance(reason, str) for reason in reasons)
    if answers.prohibited_practices:
        assert result == AIActResult.PROHIBITED
    elif answers.annex_i_legislation == "mdr" and answers.mdr_class in {"IIa", "IIb", "III"}:
        assert result == AIActResult.HIGH_RISK
    elif result == AIActResult.LIMITED_RISK:
        assert answers.transparency
    # Adding transparency duties leaves prohibited and high-risk alone and lifts minimal.
    more = Answers.from_dict({**answers.to_dict(), "transparency": sorted(TRANSPARENCY_DUTIES)})
    lifted = {AIActResult.MINIMAL_RISK: AIActResult.LIMITED_RISK}
    assert classify(more)[0] == lifted.get(result, result)

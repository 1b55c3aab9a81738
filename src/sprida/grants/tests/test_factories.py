from sprida.grants.models import MeasureDecision
from sprida.grants.tests.factories import MeasureDecisionFactory, PayoutFactory


def test_factories_build_a_consistent_decision(orgs) -> None:
    line: MeasureDecision = MeasureDecisionFactory()  # type: ignore[assignment]
    assert line.measure.application == line.decision.application
    payout = PayoutFactory(decision=line.decision)
    assert payout.amount_sek == line.granted_sek == line.decision.granted_sek

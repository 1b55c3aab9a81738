from sprida.grants.models.application import Application, ApplicationStatus, CaseNumber
from sprida.grants.models.decision import (
    Condition,
    Deadline,
    DeadlineKind,
    Decision,
    MeasureDecision,
    Outcome,
    Payout,
    PayoutStatus,
    ReminderSent,
)
from sprida.grants.models.measure import Measure, MeasureCategory, MeasureYearAmount
from sprida.grants.models.programme import Programme, ProgrammeBudget

__all__ = [
    "Application",
    "ApplicationStatus",
    "CaseNumber",
    "Condition",
    "Deadline",
    "DeadlineKind",
    "Decision",
    "Measure",
    "MeasureCategory",
    "MeasureDecision",
    "MeasureYearAmount",
    "Outcome",
    "Payout",
    "PayoutStatus",
    "Programme",
    "ProgrammeBudget",
    "ReminderSent",
]

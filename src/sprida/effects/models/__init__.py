from sprida.effects.models.changes import ChangeAnswer, ChangeNotification, ChangeOutcome
from sprida.effects.models.conditions import (
    ConditionEvidence,
    ConditionFulfilment,
    FulfilmentStage,
)
from sprida.effects.models.costs import Cost, CostDocument, CostKind, staff_cost_sek
from sprida.effects.models.indicators import (
    BenefitType,
    Direction,
    Frequency,
    Indicator,
    Measurement,
)
from sprida.effects.models.records import (
    EffectCategory,
    ImplementationStage,
    ImplementationStatus,
    QualitativeEffect,
)
from sprida.effects.models.reports import (
    Report,
    ReportKind,
    ReportLockedError,
    ReportSection,
    ReportStatus,
)
from sprida.effects.models.tracked import TrackedMeasure

__all__ = [
    "BenefitType",
    "ChangeAnswer",
    "ChangeNotification",
    "ChangeOutcome",
    "ConditionEvidence",
    "ConditionFulfilment",
    "Cost",
    "CostDocument",
    "CostKind",
    "Direction",
    "EffectCategory",
    "Frequency",
    "FulfilmentStage",
    "ImplementationStage",
    "ImplementationStatus",
    "Indicator",
    "Measurement",
    "QualitativeEffect",
    "Report",
    "ReportKind",
    "ReportLockedError",
    "ReportSection",
    "ReportStatus",
    "TrackedMeasure",
    "staff_cost_sek",
]

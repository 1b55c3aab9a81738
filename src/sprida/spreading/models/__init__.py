from sprida.spreading.models.adoption import Adoption, AdoptionStatus
from sprida.spreading.models.collaboration import (
    CollaborationGroup,
    CollaborationMember,
    Seminar,
    SeminarPresentation,
)
from sprida.spreading.models.solution import (
    MATURITY_ORDER,
    Maturity,
    MaturityChange,
    MeasureRole,
    ProcurementForm,
    Solution,
    SolutionContact,
    SolutionMeasure,
    SolutionResource,
    SolutionType,
    maturity_rank,
)

__all__ = [
    "MATURITY_ORDER",
    "Adoption",
    "AdoptionStatus",
    "CollaborationGroup",
    "CollaborationMember",
    "Maturity",
    "MaturityChange",
    "MeasureRole",
    "ProcurementForm",
    "Seminar",
    "SeminarPresentation",
    "Solution",
    "SolutionContact",
    "SolutionMeasure",
    "SolutionResource",
    "SolutionType",
    "maturity_rank",
]

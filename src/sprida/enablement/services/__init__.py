"""Write operations for the shared dossiers, region adoption and the working groups."""

from sprida.enablement.services.adoption import (
    adoption_approval_add,
    adoption_create,
    adoption_deviation_add,
    adoption_upgrade,
)
from sprida.enablement.services.dossiers import (
    aiact_assessment_save,
    benefit_add,
    coordinator_organisation,
    dossier_create,
    item_delete,
    requirement_check_set,
    requirements_load,
    review_record,
    risk_add,
    training_add,
    version_new,
    version_publish,
    version_reopen,
    version_submit,
    version_update,
)
from sprida.enablement.services.groups import (
    group_create,
    group_member_add,
    local_effect_record,
    meeting_add,
    time_record,
)

__all__ = [
    "adoption_approval_add",
    "adoption_create",
    "adoption_deviation_add",
    "adoption_upgrade",
    "aiact_assessment_save",
    "benefit_add",
    "coordinator_organisation",
    "dossier_create",
    "group_create",
    "group_member_add",
    "item_delete",
    "local_effect_record",
    "meeting_add",
    "requirement_check_set",
    "requirements_load",
    "review_record",
    "risk_add",
    "time_record",
    "training_add",
    "version_new",
    "version_publish",
    "version_reopen",
    "version_submit",
    "version_update",
]

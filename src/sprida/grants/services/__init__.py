"""Write operations for grants: applications, measures, decisions, payouts, conditions, deadlines.

Every write checks who may make it, keeps the rules in `rules.py` (a violation is refused with
a message that names the numbers) and runs in one transaction, so nothing is half saved.
"""

from sprida.grants.services.applications import (
    APPLICATION_FIELDS,
    MEASURE_FIELDS,
    application_create,
    application_submit,
    application_update,
    application_withdraw,
    case_number_set,
    categories_load,
    may_apply_for,
    measure_create,
    measure_delete,
    measure_update,
    programme_budget_add,
)
from sprida.grants.services.decisions import (
    DecisionData,
    LineData,
    PayoutData,
    condition_save,
    deadline_mark_done,
    deadlines_sync,
    decision_data_from,
    decision_findings,
    decision_record,
    decision_resolve,
    decision_update,
    payout_mark_paid,
    report_deadline_meet,
)

__all__ = [
    "APPLICATION_FIELDS",
    "MEASURE_FIELDS",
    "DecisionData",
    "LineData",
    "PayoutData",
    "application_create",
    "application_submit",
    "application_update",
    "application_withdraw",
    "case_number_set",
    "categories_load",
    "condition_save",
    "deadline_mark_done",
    "deadlines_sync",
    "decision_data_from",
    "decision_findings",
    "decision_record",
    "decision_resolve",
    "decision_update",
    "may_apply_for",
    "measure_create",
    "measure_delete",
    "measure_update",
    "payout_mark_paid",
    "programme_budget_add",
    "report_deadline_meet",
]

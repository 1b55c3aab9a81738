from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sprida.core.admin_versions import VersionCheckedAdmin
from sprida.effects.models import (
    ChangeAnswer,
    ChangeNotification,
    ConditionEvidence,
    ConditionFulfilment,
    Cost,
    CostDocument,
    ImplementationStatus,
    Indicator,
    Measurement,
    QualitativeEffect,
    Report,
    ReportSection,
)


@admin.register(ImplementationStatus)
class ImplementationStatusAdmin(VersionCheckedAdmin):
    list_display = ["measure", "stage", "status_on", "is_demo"]
    list_filter = ["stage", "is_demo"]
    search_fields = ["measure__title", "comment", "units"]
    raw_id_fields = ["measure", "entered_by"]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    raw_id_fields = ["entered_by"]


@admin.register(Indicator)
class IndicatorAdmin(VersionCheckedAdmin):
    list_display = ["name", "measure", "unit", "direction", "baseline_value", "target_value"]
    list_filter = ["direction", "benefit_type", "frequency", "is_demo"]
    search_fields = ["name", "measure__title", "kolada_kpi"]
    raw_id_fields = ["measure"]
    inlines = [MeasurementInline]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "entered_by"]
    list_filter = ["is_demo"]
    search_fields = ["indicator__name", "comment"]
    raw_id_fields = ["indicator", "entered_by"]


@admin.register(QualitativeEffect)
class QualitativeEffectAdmin(VersionCheckedAdmin):
    list_display = ["measure", "category", "observed_on", "source"]
    list_filter = ["category", "is_demo"]
    search_fields = ["statement", "source", "measure__title"]
    raw_id_fields = ["measure", "entered_by"]


class CostDocumentInline(admin.TabularInline):
    model = CostDocument
    extra = 0
    raw_id_fields = ["uploaded_by"]


@admin.register(Cost)
class CostAdmin(VersionCheckedAdmin):
    list_display = ["measure", "year", "kind", "description", "amount_sek"]
    list_filter = ["year", "kind", "is_demo"]
    search_fields = ["description", "measure__title"]
    raw_id_fields = ["measure", "entered_by"]
    inlines = [CostDocumentInline]


@admin.register(CostDocument)
class CostDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "cost", "content_type", "size_bytes", "uploaded_at"]
    search_fields = ["name"]
    raw_id_fields = ["cost", "uploaded_by"]


@admin.register(Report)
class ReportAdmin(VersionCheckedAdmin):
    """Read-only once submitted: the model refuses changes, so the admin does not offer them."""

    list_display = ["decision", "kind", "version", "status", "submitted_at", "is_demo"]
    list_filter = ["kind", "status", "is_demo"]
    raw_id_fields = ["decision", "corrects", "created_by", "submitted_by"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_submitted:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_submitted:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(ReportSection)
class ReportSectionAdmin(SimpleHistoryAdmin):
    list_display = ["report", "measure"]
    raw_id_fields = ["report", "measure"]


@admin.register(ChangeNotification)
class ChangeNotificationAdmin(SimpleHistoryAdmin):
    list_display = ["decision", "measure", "filed_at", "filed_by"]
    search_fields = ["what", "why", "decision__application__applicant__name"]
    raw_id_fields = ["decision", "measure", "filed_by"]


@admin.register(ChangeAnswer)
class ChangeAnswerAdmin(SimpleHistoryAdmin):
    list_display = ["notification", "outcome", "answered_at", "answered_by"]
    list_filter = ["outcome"]
    raw_id_fields = ["notification", "answered_by"]


class ConditionEvidenceInline(admin.TabularInline):
    model = ConditionEvidence
    extra = 0
    raw_id_fields = ["uploaded_by"]


@admin.register(ConditionFulfilment)
class ConditionFulfilmentAdmin(SimpleHistoryAdmin):
    list_display = ["condition", "stage", "updated_at", "updated_by"]
    list_filter = ["stage"]
    raw_id_fields = ["condition", "updated_by"]
    inlines = [ConditionEvidenceInline]


@admin.register(ConditionEvidence)
class ConditionEvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "fulfilment", "uploaded_at"]
    raw_id_fields = ["fulfilment", "uploaded_by"]

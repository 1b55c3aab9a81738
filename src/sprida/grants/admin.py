from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sprida.core.admin_versions import VersionCheckedAdmin
from sprida.grants import models as m


class BudgetInline(admin.TabularInline):
    model = m.ProgrammeBudget
    extra = 0


@admin.register(m.Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "regulation", "administering_body"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BudgetInline]


@admin.register(m.ProgrammeBudget)
class ProgrammeBudgetAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "first_year", "last_year", "amount_sek_per_year", "source"]
    list_filter = ["programme"]


class CaseNumberInline(admin.TabularInline):
    model = m.CaseNumber
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(m.Application)
class ApplicationAdmin(VersionCheckedAdmin):
    list_display = ["title", "applicant", "joint", "status", "submitted_on", "is_demo"]
    list_filter = ["status", "joint", "is_demo", "programme"]
    search_fields = ["title", "applicant__name", "case_numbers__number"]
    filter_horizontal = ["participants"]
    list_select_related = ["applicant"]
    inlines = [CaseNumberInline]


@admin.register(m.CaseNumber)
class CaseNumberAdmin(SimpleHistoryAdmin):
    list_display = ["number", "organisation", "application"]
    search_fields = ["number"]
    list_select_related = ["organisation", "application"]


@admin.register(m.MeasureCategory)
class MeasureCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


class YearAmountInline(admin.TabularInline):
    model = m.MeasureYearAmount
    extra = 0


@admin.register(m.Measure)
class MeasureAdmin(VersionCheckedAdmin):
    list_display = ["title", "application", "category", "applied_sek", "other_state_funding"]
    list_filter = ["category", "other_state_funding"]
    search_fields = ["title", "application__title", "application__applicant__name"]
    list_select_related = ["application", "category"]
    inlines = [YearAmountInline]


@admin.register(m.MeasureYearAmount)
class MeasureYearAmountAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "year", "applied_sek"]
    list_select_related = ["measure"]


class LineInline(admin.TabularInline):
    model = m.MeasureDecision
    extra = 0
    raw_id_fields = ["measure"]


class PayoutInline(admin.TabularInline):
    model = m.Payout
    extra = 0


@admin.register(m.Decision)
class DecisionAdmin(VersionCheckedAdmin):
    list_display = ["application", "decided_on", "outcome", "granted_sek", "published"]
    list_filter = ["outcome", "published", "decided_on"]
    search_fields = ["application__title", "application__applicant__name", "case_number"]
    list_select_related = ["application"]
    inlines = [LineInline, PayoutInline]


@admin.register(m.MeasureDecision)
class MeasureDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "outcome", "granted_sek", "rejected_sek", "share_percent"]
    list_filter = ["outcome"]
    list_select_related = ["measure"]


@admin.register(m.Condition)
class ConditionAdmin(VersionCheckedAdmin):
    list_display = ["__str__", "decision", "due_on", "fulfilled"]
    list_filter = ["fulfilled"]


@admin.register(m.Payout)
class PayoutAdmin(SimpleHistoryAdmin):
    list_display = ["decision", "year", "amount_sek", "status", "paid_on"]
    list_filter = ["status", "year"]


@admin.register(m.Deadline)
class DeadlineAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "decision", "kind", "due_on", "done_on"]
    list_filter = ["kind"]


@admin.register(m.ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["deadline", "stage", "sent_at"]
    list_filter = ["stage"]

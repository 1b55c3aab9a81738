from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sprida.core.admin_versions import VersionCheckedAdmin
from sprida.enablement import models as m


class VersionContentInline(admin.TabularInline):
    extra = 0


class RiskInline(VersionContentInline):
    model = m.RiskItem


class BenefitInline(VersionContentInline):
    model = m.BenefitItem


class TrainingInline(VersionContentInline):
    model = m.TrainingModule


@admin.register(m.Dossier)
class DossierAdmin(SimpleHistoryAdmin):
    list_display = ["title", "category", "owner", "current_version", "is_demo"]
    list_filter = ["is_demo", "category"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["reviewers"]


@admin.register(m.DossierVersion)
class DossierVersionAdmin(VersionCheckedAdmin):
    list_display = ["dossier", "number", "status", "published_at"]
    list_filter = ["status"]
    search_fields = ["dossier__title"]
    inlines = [BenefitInline, RiskInline, TrainingInline]


@admin.register(m.Requirement)
class RequirementAdmin(SimpleHistoryAdmin):
    list_display = ["urn", "version", "title", "area", "section", "is_current"]
    list_filter = ["area", "section", "is_current"]
    search_fields = ["urn", "title"]


@admin.register(m.DossierAdoption)
class DossierAdoptionAdmin(SimpleHistoryAdmin):
    list_display = ["dossier", "region", "version", "adopted_on", "is_demo"]
    list_filter = ["region", "is_demo"]


@admin.register(m.WorkingGroup)
class WorkingGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "owner", "active", "is_demo"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(m.TimeContribution)
class TimeContributionAdmin(SimpleHistoryAdmin):
    list_display = ["person", "organisation", "group", "month", "hours"]
    list_filter = ["organisation", "group"]
    date_hierarchy = "month"


@admin.register(m.CompensationRate)
class CompensationRateAdmin(SimpleHistoryAdmin):
    list_display = ["valid_from", "hourly_rate_sek", "note"]


@admin.register(m.SectionEffort)
class SectionEffortAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "hours"]


for model in (
    m.BenefitItem,
    m.RiskItem,
    m.TrainingModule,
    m.RequirementCheck,
    m.AIActAssessment,
    m.Review,
    m.AdoptionDeviation,
    m.AdoptionApproval,
    m.GroupMember,
    m.Meeting,
    m.LocalEffect,
):
    admin.site.register(model, SimpleHistoryAdmin)

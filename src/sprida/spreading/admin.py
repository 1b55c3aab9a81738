from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from sprida.core.admin_versions import VersionCheckedAdmin
from sprida.spreading import models as m


class ContactInline(admin.TabularInline):
    model = m.SolutionContact
    extra = 0


class ResourceInline(admin.TabularInline):
    model = m.SolutionResource
    extra = 0


class MeasureLinkInline(admin.TabularInline):
    model = m.SolutionMeasure
    extra = 0
    raw_id_fields = ["measure"]


@admin.register(m.Solution)
class SolutionAdmin(VersionCheckedAdmin):
    list_display = ["title", "owner", "solution_type", "maturity", "published", "is_demo"]
    list_filter = ["maturity", "solution_type", "published", "is_demo", "category"]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    # Maturity moves only through the evidence check (spreading.services.solution_set_maturity).
    readonly_fields = ["maturity"]
    inlines = [ContactInline, ResourceInline, MeasureLinkInline]


@admin.register(m.SolutionContact)
class SolutionContactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "role", "email", "solution"]
    search_fields = ["name", "email"]


@admin.register(m.SolutionResource)
class SolutionResourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "solution", "url"]


@admin.register(m.SolutionMeasure)
class SolutionMeasureAdmin(SimpleHistoryAdmin):
    list_display = ["solution", "measure", "role"]
    list_filter = ["role"]
    raw_id_fields = ["measure"]


@admin.register(m.MaturityChange)
class MaturityChangeAdmin(SimpleHistoryAdmin):
    list_display = ["solution", "from_level", "to_level", "changed_by", "changed_at"]
    list_filter = ["to_level"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(m.Adoption)
class AdoptionAdmin(SimpleHistoryAdmin):
    list_display = ["solution", "region", "status", "since", "contact_name"]
    list_filter = ["status", "region"]


class MemberInline(admin.TabularInline):
    model = m.CollaborationMember
    extra = 0


@admin.register(m.CollaborationGroup)
class CollaborationGroupAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner", "category", "published"]
    inlines = [MemberInline]
    filter_horizontal = ["measures"]


@admin.register(m.CollaborationMember)
class CollaborationMemberAdmin(SimpleHistoryAdmin):
    list_display = ["group", "organisation", "contact_name", "joined_on"]


class PresentationInline(admin.TabularInline):
    model = m.SeminarPresentation
    extra = 0
    raw_id_fields = ["measure"]


@admin.register(m.Seminar)
class SeminarAdmin(SimpleHistoryAdmin):
    list_display = ["title", "held_on", "organiser", "published"]
    inlines = [PresentationInline]


@admin.register(m.SeminarPresentation)
class SeminarPresentationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "presenter", "organisation", "seminar"]

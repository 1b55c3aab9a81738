from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sprida.core.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "national_role", "org_number", "county_code", "seat"]
    list_filter = ["kind", "national_role"]
    search_fields = ["name", "slug", "org_number"]
    prepopulated_fields = {"slug": ["name"]}

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sprida.search.models import SearchEntry


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin):
    """Read-only: the index is derived data, rebuilt with `sprida reindex`."""

    list_display = ["kind", "object_id", "title", "owner", "public", "private", "indexed_at"]
    list_filter = ["kind", "public", "private"]
    search_fields = ["title"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

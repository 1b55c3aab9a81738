from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sprida.intake.models import Document, Proposal


class ProposalInline(admin.StackedInline):
    model = Proposal
    extra = 0
    readonly_fields = [
        "data",
        "spans",
        "warnings",
        "confirmed_data",
        "confirmed_by",
        "confirmed_at",
    ]
    can_delete = False


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "document_type",
        "region",
        "owner",
        "status",
        "uploaded_at",
        "is_demo",
    ]
    list_filter = ["status", "document_type", "is_demo"]
    search_fields = ["title", "original_name", "sha256"]
    raw_id_fields = ["owner", "region", "uploaded_by", "application"]
    readonly_fields = ["sha256", "media_type", "size_bytes", "page_count", "steps", "uploaded_at"]
    exclude = ["text", "page_offsets"]
    inlines = [ProposalInline]


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ["document", "confirmed_by", "confirmed_at"]
    raw_id_fields = ["document", "confirmed_by"]
    readonly_fields = ["spans"]

"""The admin site shows document control for the quality office; changes to a version's state go
through the portal's pages (and services), so versions are read-only here."""

from django.contrib import admin
from guardian.admin import GuardedModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Acknowledgement, Document, DocumentReview, QualityObjective, ReviewDecision, Version


@admin.register(Document)
class DocumentAdmin(GuardedModelAdmin, SimpleHistoryAdmin):
    list_display = ("code", "title", "type", "level", "owner", "next_review_date", "review_state", "is_public")
    list_filter = ("type", "level", "review_state", "is_public")
    list_select_related = ("owner",)
    search_fields = ("code", "title")
    filter_horizontal = ("applies_to", "clauses")
    autocomplete_fields = ("owner",)
    readonly_fields = ("next_review_date", "review_state", "review_notified")


class DecisionInline(admin.TabularInline):
    model = ReviewDecision
    extra = 0
    can_delete = False
    readonly_fields = ("person", "role", "decision", "comment", "decided_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Version)
class VersionAdmin(SimpleHistoryAdmin):
    list_display = ("document", "revision", "status", "effective_date", "published_at")
    list_filter = ("status",)
    list_select_related = ("document",)
    search_fields = ("document__code", "document__title")
    inlines = [DecisionInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Version._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Acknowledgement)
class AcknowledgementAdmin(SimpleHistoryAdmin):
    list_display = ("version", "person", "acknowledged_at")
    list_select_related = ("version__document", "person")
    search_fields = ("person__username", "person__last_name", "version__document__code")


@admin.register(DocumentReview)
class DocumentReviewAdmin(SimpleHistoryAdmin):
    list_display = ("document", "outcome", "reviewed_by", "reviewed_at")
    list_select_related = ("document", "reviewed_by")


@admin.register(QualityObjective)
class QualityObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ("title", "owner", "target", "deadline", "status")
    list_filter = ("status",)
    list_select_related = ("owner",)

"""The admin site shows audits and improvement to the quality office, read-only: every change
goes through the portal's pages and services, which enforce the workflows and keep the history.
Checklist templates, reusable sets of questions, are kept here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Audit, AuditProgramme, ChecklistTemplate, Finding, ManagementReview, Nonconformity


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditProgramme)
class AuditProgrammeAdmin(ReadOnlyAdmin):
    list_display = ("year", "status", "approved_by", "approved_at")
    list_select_related = ("approved_by",)


@admin.register(Audit)
class AuditAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "status", "planned_start", "lead_auditor")
    list_filter = ("status", "kind")
    list_select_related = ("lead_auditor",)
    search_fields = ("title",)


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "audit", "unit", "nonconformity")
    list_filter = ("kind",)
    list_select_related = ("audit", "unit", "nonconformity")


@admin.register(Nonconformity)
class NonconformityAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "unit", "source", "severity", "state", "detected_on")
    list_filter = ("state", "source", "severity")
    list_select_related = ("unit",)
    search_fields = ("number", "title")


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "responsible", "due_date", "state")
    list_filter = ("state", "kind")
    list_select_related = ("responsible",)


@admin.register(ManagementReview)
class ManagementReviewAdmin(ReadOnlyAdmin):
    list_display = ("year", "state", "meeting_date")


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)

"""The admin site shows the process register to the quality office; cards change through the
portal's pages (and services), so they are read-only here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import KPI, Card, MatrixEntry, Measurement, Process


@admin.register(Process)
class ProcessAdmin(SimpleHistoryAdmin):
    list_display = ("code", "kind", "owner", "leader", "next_review_date", "review_state")
    list_filter = ("kind", "review_state")
    list_select_related = ("owner", "leader")
    search_fields = ("code",)
    filter_horizontal = ("scope", "clauses")
    autocomplete_fields = ("owner", "leader")
    readonly_fields = ("next_review_date", "review_state", "review_notified")


@admin.register(Card)
class CardAdmin(SimpleHistoryAdmin):
    list_display = ("process", "revision", "status", "approved_by", "approved_at")
    list_filter = ("status",)
    list_select_related = ("process", "approved_by")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(KPI)
class KPIAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "process", "frequency", "target", "status", "overdue")
    list_filter = ("status", "overdue", "frequency")
    list_select_related = ("process",)
    readonly_fields = ("status", "overdue", "last_value", "last_period_start")


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ("kpi", "period_start", "value", "entered_by")
    list_select_related = ("kpi", "entered_by")
    date_hierarchy = "period_start"

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MatrixEntry)
class MatrixEntryAdmin(SimpleHistoryAdmin):
    list_display = ("process", "unit", "role")
    list_filter = ("role",)
    list_select_related = ("process", "unit")

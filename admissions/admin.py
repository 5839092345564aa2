"""The admin site shows the admission campaigns, programmes, quotas and rounds to the quality
office, read-only: the committee works in the portal, whose services enforce the rules and keep
the history. Applicants' personal data and documents are deliberately not in the admin: only the
committee sees them, in the portal."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Campaign, Programme, Quota, Round


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class QuotaInline(admin.TabularInline):
    model = Quota
    fields = ("form", "funding", "places", "min_diploma_grade")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ("name", "academic_year", "opens_on", "closes_on")


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "campaign", "faculty", "professional_field", "language")
    list_filter = ("campaign",)
    list_select_related = ("campaign", "faculty")
    inlines = [QuotaInline]


@admin.register(Round)
class RoundAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "campaign", "status", "ranking_on", "publication_on", "enrolment_deadline")
    list_filter = ("campaign", "status")
    list_select_related = ("campaign",)
    exclude = ("input_file",)

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdmin
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import Membership, OrganisationalUnit, Report, StandardClause, User


@admin.register(User)
class PortalUserAdmin(SimpleHistoryAdmin, UserAdmin):
    fieldsets = UserAdmin.fieldsets + ((None, {"fields": ("language",)}),)
    list_display = ("username", "first_name", "last_name", "email", "is_active", "is_staff")
    list_filter = ("groups", "is_active", "is_staff")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(OrganisationalUnit)
class OrganisationalUnitAdmin(TreeAdmin, GuardedModelAdmin, SimpleHistoryAdmin):
    form = movenodeform_factory(OrganisationalUnit)
    list_display = ("name", "short_name", "kind", "head")
    list_select_related = ("head",)
    search_fields = ("name", "short_name")
    autocomplete_fields = ["head"]
    inlines = [MembershipInline]


@admin.register(StandardClause)
class StandardClauseAdmin(admin.ModelAdmin):
    list_display = ("framework", "code", "title_in_language")
    ordering = ("framework", "sort_key")
    list_filter = ("framework",)
    search_fields = ("code", "title_en")

    @admin.display(description=_("title"), ordering="title_en")
    def title_in_language(self, clause):
        return clause.title

    def has_change_permission(self, request, obj=None):
        return False  # the catalogue is shipped as data (qms/data/standards.json)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ("kind", "status", "requested_by", "created_at", "finished_at")
    list_filter = ("kind", "status")
    list_select_related = ("requested_by",)
    readonly_fields = ("kind", "language", "status", "requested_by", "created_at", "finished_at", "file", "error")

    def has_add_permission(self, request):
        return False


admin.site.site_header = _("Quality portal administration")
admin.site.site_title = _("Quality portal administration")
admin.site.index_title = _("Accounts, units and records")

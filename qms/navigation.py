"""The main navigation, by role. Each app adds its entries to NAVIGATION."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import STAFF_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url_name: str
    roles: frozenset  # the roles that see it; empty means everyone signed in
    needs: str = ""  # an extra condition: "is_staff" for the admin site
    description: str = ""  # one line on the home page card

    def visible_to(self, user) -> bool:
        if self.roles and not (user.roles & self.roles):
            return False
        if self.needs == "is_staff":
            return user.is_staff
        return True


NAVIGATION = [
    NavItem("home", _("Home"), "home", frozenset()),
    NavItem(
        "dashboard",
        _("Dashboard"),
        "dashboard",
        frozenset({Role.RECTORATE, Role.QUALITY_OFFICER, Role.UNIT_HEAD}),
        description=_(
            "How the quality system stands: objectives, KPIs, nonconformities, audits, documents, admissions."
        ),
    ),
    NavItem(
        "organisation",
        _("Organisation"),
        "units:list",
        STAFF_ROLES,
        description=_("The university's faculties, departments and services, their heads and members."),
    ),
    NavItem(
        "documents",
        _("Documents"),
        "policies:document-list",
        STAFF_ROLES,
        description=_("The quality policy and controlled documents: read, acknowledge, draft and approve."),
    ),
    NavItem(
        "processes",
        _("Processes"),
        "processes:process-list",
        STAFF_ROLES,
        description=_("Process cards, KPIs, the functional matrix and the process map."),
    ),
    NavItem(
        "audits",
        _("Audits"),
        "audits:index",
        STAFF_ROLES,
        description=_("Internal audits, nonconformities and their actions, the management review."),
    ),
    NavItem(
        "admissions",
        _("Admissions"),
        "admissions:index",
        frozenset({Role.ADMISSIONS_COMMITTEE, Role.RECTORATE, Role.QUALITY_OFFICER}),
        description=_("The master's admission: programmes and places, verification, ranking rounds, enrolment."),
    ),
    NavItem(
        "my-application",
        _("My application"),
        "admissions:my-application",
        frozenset({Role.APPLICANT}),
        description=_("Your master's application: data, preferences, documents, status and results."),
    ),
    NavItem(
        "my-unit",
        _("My unit"),
        "units:mine",
        frozenset({Role.UNIT_HEAD}),
        description=_("The unit you head and its members."),
    ),
    NavItem(
        "reports",
        _("Reports"),
        "reports:list",
        frozenset({Role.QUALITY_OFFICER, Role.RECTORATE, Role.UNIT_HEAD, Role.AUDITOR, Role.ADMISSIONS_COMMITTEE}),
        description=_("Registers and reports as PDF and XLSX, built by the portal's workers, ready to download."),
    ),
    NavItem(
        "admin",
        _("Administration"),
        "admin:index",
        frozenset({Role.QUALITY_OFFICER}),
        needs="is_staff",
        description=_("Accounts, roles, units and the history of every change."),
    ),
]


def navigation_for(user, current_path: str) -> list[dict]:
    if not user.is_authenticated:
        return []
    items = []
    for item in NAVIGATION:
        if item.visible_to(user):
            url = reverse(item.url_name)
            active = current_path == url if url == "/" else current_path.startswith(url)
            items.append(
                {"key": item.key, "label": item.label, "url": url, "active": active, "description": item.description}
            )
    return items

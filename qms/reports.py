"""The reports of the `qms` app (see `qms.reporting`): the organisational structure."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import pdf
from .models import OrganisationalUnit, Report
from .reporting import ReportType, register
from .roles import Role
from .selectors import unit_tree_with_members


def file_name(title: str, fmt: str, *parts) -> str:
    """`<title>-<parts>-<today>.<fmt>`, in the report's language (unicode letters kept)."""
    stem = "-".join(str(part) for part in (title, *parts) if part not in (None, ""))
    return f"{slugify(stem, allow_unicode=True)}-{timezone.localdate():%Y-%m-%d}.{fmt}"


def organisation_structure(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    units = list(unit_tree_with_members())
    root = units[0] if units else None
    content = pdf.render_pdf(
        "qms/pdf/organisation_structure.html",
        {
            "title": _("Organisational structure"),
            "organisation": root.name if root else "",
            "units": units,
            "kinds": OrganisationalUnit.Kind,
        },
    )
    return file_name(_("Organisational structure"), fmt), content


register(
    ReportType(
        kind=Report.Kind.ORGANISATION_STRUCTURE,
        label=gettext_lazy("Organisational structure"),
        description=gettext_lazy("Every unit with its head and members."),
        build=organisation_structure,
        readers=(Role.QUALITY_OFFICER, Role.RECTORATE, Role.UNIT_HEAD),
        section="organisation",
        order=90,
    )
)


# --- the rectorate's dashboard (qms.dashboard) --------------------------------------------------
# Appended after the organisational structure; its imports stay with it.

from django import forms  # noqa: E402

from .dashboard import AREAS, dashboard_charts, dashboard_figures  # noqa: E402
from .reporting import UnitChoiceForm, params_unit, year_choices  # noqa: E402

DASHBOARD = "dashboard"


class DashboardReportForm(UnitChoiceForm):
    """The year and, optionally, a unit (a unit head chooses one of theirs)."""

    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, choices=year_choices)
    field_order = ["year", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


def dashboard_subject(params: dict) -> str:
    year = params.get("year") or timezone.localdate().year
    unit = OrganisationalUnit.objects.filter(pk=params["unit"]).first() if params.get("unit") else None
    return f"{unit.name}, {year}" if unit is not None else str(year)


def dashboard_pdf(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    """The dashboard as it stands for the year and unit of the params, whoever asked: computed
    as a reader of everything. The admission figures only for the whole university (a unit's
    report is read by its heads, who do not see admission statistics)."""
    year = int(params.get("year") or timezone.localdate().year)
    unit = params_unit(params)
    figures = dashboard_figures(user=None, year=year, unit=unit, with_admissions=unit is None)
    progress(1, 2)
    root = OrganisationalUnit.objects.get_first_root_node()
    title = _("Quality system dashboard")
    content = pdf.render_pdf(
        "qms/pdf/dashboard.html",
        {
            "title": title,
            "organisation": root.name if root else "",
            "figures": figures,
            "charts": dashboard_charts(figures),
            "areas": AREAS,
            "links": False,
        },
    )
    progress(2, 2)
    return file_name(title, fmt, unit.short_name or unit.name if unit else "", year), content


register(
    ReportType(
        kind=DASHBOARD,
        label=gettext_lazy("Quality system dashboard"),
        description=gettext_lazy(
            "Quality objectives, process KPIs, nonconformities, audits, documents and, for the whole university, "
            "admissions, for a year and a unit, as on the dashboard page."
        ),
        build=dashboard_pdf,
        readers=(Role.RECTORATE, Role.QUALITY_OFFICER),
        unit_readers=True,
        form_class=DashboardReportForm,
        subject=dashboard_subject,
        section="dashboard",
        order=10,
    )
)

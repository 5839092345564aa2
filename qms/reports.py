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

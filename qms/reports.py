"""What each kind of report contains. Each renderer returns (file name, bytes)."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import pdf
from .models import OrganisationalUnit, Report
from .selectors import unit_tree_with_members


def organisation_structure_pdf():
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
    return f"{slugify(_('Organisational structure'), allow_unicode=True)}-{timezone.localdate():%Y-%m-%d}.pdf", content


RENDERERS = {
    Report.Kind.ORGANISATION_STRUCTURE: organisation_structure_pdf,
}

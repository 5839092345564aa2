"""The reports of document control (see `qms.reporting`): the register of controlled documents,
as a PDF or a spreadsheet, for the whole university or one unit's subtree."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qms import pdf
from qms.models import OrganisationalUnit
from qms.reporting import XLSX_OPTIONS, ReportType, UnitChoiceForm, params_unit, register, unit_name
from qms.reports import file_name
from qms.roles import Role

from .selectors import document_register


def _organisation() -> str:
    root = OrganisationalUnit.objects.get_first_root_node()
    return root.name if root else ""


def _headers():
    return [
        (_("Code"), 12),
        (_("Title"), 44),
        (_("Type"), 22),
        (_("Level"), 30),
        (_("Owner unit"), 30),
        (_("Owner"), 24),
        (_("Current revision"), 10),
        (_("Effective date"), 13),
        (_("Next review"), 13),
        (_("Review state"), 16),
        (_("Acknowledged"), 13),
        (_("People required"), 13),
        (_("Acknowledgement rate"), 14),
    ]


def document_register_xlsx(rows: list[dict], title: str, progress) -> bytes:
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, XLSX_OPTIONS)
    header = workbook.add_format({"bold": True, "bg_color": "#EEF2F7", "border": 1, "text_wrap": True, "valign": "top"})
    text = workbook.add_format({"text_wrap": True, "valign": "top"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    percent = workbook.add_format({"num_format": "0%", "valign": "top"})
    number = workbook.add_format({"valign": "top"})
    sheet = workbook.add_worksheet("".join("-" if char in "[]:*?/\\" else char for char in str(title))[:31])
    headers = _headers()
    for column, (label, width) in enumerate(headers):
        sheet.write_string(0, column, str(label), header)
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    total = len(rows)
    for index, row in enumerate(rows, start=1):
        document, version = row["document"], row["version"]
        sheet.write_string(index, 0, document.code, text)
        sheet.write_string(index, 1, document.title, text)
        sheet.write_string(index, 2, str(document.get_type_display()), text)
        sheet.write_string(index, 3, str(document.get_level_display()), text)
        sheet.write_string(index, 4, document.owner_unit.name, text)
        sheet.write_string(index, 5, str(document.owner), text)
        if version is not None:
            sheet.write_number(index, 6, version.revision, number)
            sheet.write_datetime(index, 7, version.effective_date, date)
            sheet.write_number(index, 10, row["acknowledged"], number)
            sheet.write_number(index, 11, row["required"], number)
        if document.next_review_date:
            sheet.write_datetime(index, 8, document.next_review_date, date)
        sheet.write_string(index, 9, str(document.get_review_state_display()), text)
        if row["rate"] is not None:
            sheet.write_number(index, 12, row["rate"], percent)
        if index % 100 == 0:
            progress(index, total)
    sheet.autofilter(0, 0, max(total, 1), len(headers) - 1)
    workbook.close()
    return output.getvalue()


def build_document_register(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    unit = params_unit(params)
    title = _("Document register")
    rows = document_register(unit)
    progress(1, 3)
    if fmt == "xlsx":
        content = document_register_xlsx(rows, title, progress)
    else:
        content = pdf.render_pdf(
            "policies/pdf/document_register.html",
            {
                "title": title,
                "organisation": _organisation(),
                "unit": unit,
                "rows": rows,
                "today": timezone.localdate(),
            },
        )
    progress(3, 3)
    return file_name(title, fmt, unit.name if unit else ""), content


register(
    ReportType(
        kind="document_register",
        label=gettext_lazy("Document register"),
        description=gettext_lazy(
            "Every controlled document: its owner, the revision in force, the next review and the share of "
            "the people concerned who have acknowledged it."
        ),
        build=build_document_register,
        formats=("pdf", "xlsx"),
        readers=(Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR),
        unit_readers=True,
        form_class=UnitChoiceForm,
        subject=unit_name,
        section="documents",
        order=20,
    )
)

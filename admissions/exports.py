"""Spreadsheet exports of the admission portal (XlsxWriter, rows streamed in constant memory)."""

import io

from django.utils.translation import gettext as _

from . import selectors
from .models import Round

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet_name(label: str, used: set) -> str:
    """A valid and unique sheet name: at most 31 characters, none of []:*?/\\."""
    name = "".join("-" if char in "[]:*?/\\" else char for char in str(label)).strip("'")[:31] or "Sheet"
    base, number = name, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


def round_lists_xlsx(round: Round) -> bytes:
    """A round's lists for the committee: a "Lists" sheet with one row per admitted applicant
    (every quota, in order of merit) and a "Quotas" sheet with places, admitted and last score.
    Numbers are written as numbers, text never as a formula."""
    import xlsxwriter

    lists = selectors.round_lists(round, with_names=True)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    header = workbook.add_format({"bold": True, "bg_color": "#EEF2F7", "border": 1, "valign": "top"})
    score = workbook.add_format({"num_format": "0.000"})

    used = set()
    sheet = workbook.add_worksheet(_sheet_name(_("Lists"), used))
    quotas_sheet = workbook.add_worksheet(_sheet_name(_("Quotas"), used))

    headers = [
        (_("Programme code"), 12),
        (_("Programme"), 40),
        (_("Form of study"), 14),
        (_("Funding"), 18),
        (_("Place"), 8),
        (_("Application number"), 18),
        (_("Last name"), 20),
        (_("First name"), 24),
        (_("Name in Latin"), 24),
        (_("Score"), 10),
        (_("Preference"), 11),
        (_("Held seat"), 10),
    ]
    for column, (title, width) in enumerate(headers):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, str(title), header)
    sheet.freeze_panes(1, 0)
    yes = _("yes")
    row_index = 0
    for row, results in lists:
        quota = row.quota
        programme = quota.programme
        for result in results:
            row_index += 1
            applicant = result.application.applicant
            sheet.write_string(row_index, 0, programme.code)
            sheet.write_string(row_index, 1, programme.label)
            sheet.write_string(row_index, 2, str(quota.get_form_display()))
            sheet.write_string(row_index, 3, str(quota.get_funding_display()))
            if result.merit is not None:
                sheet.write_number(row_index, 4, result.merit)
            sheet.write_string(row_index, 5, result.application.number)
            sheet.write_string(row_index, 6, applicant.last_name)
            sheet.write_string(row_index, 7, " ".join(n for n in (applicant.first_name, applicant.middle_name) if n))
            sheet.write_string(row_index, 8, applicant.latin_name)
            if result.score is not None:
                sheet.write_number(row_index, 9, float(result.score), score)
            if result.preference is not None:
                sheet.write_number(row_index, 10, result.preference)
            if result.held:
                sheet.write_string(row_index, 11, yes)
    sheet.autofilter(0, 0, max(row_index, 1), len(headers) - 1)

    quota_headers = [
        (_("Programme code"), 12),
        (_("Programme"), 40),
        (_("Form of study"), 14),
        (_("Funding"), 18),
        (_("Places"), 8),
        (_("Admitted"), 10),
        (_("Last admitted score"), 18),
    ]
    for column, (title, width) in enumerate(quota_headers):
        quotas_sheet.set_column(column, column, width)
        quotas_sheet.write_string(0, column, str(title), header)
    quotas_sheet.freeze_panes(1, 0)
    for index, (row, _results) in enumerate(lists, start=1):
        quota = row.quota
        quotas_sheet.write_string(index, 0, quota.programme.code)
        quotas_sheet.write_string(index, 1, quota.programme.label)
        quotas_sheet.write_string(index, 2, str(quota.get_form_display()))
        quotas_sheet.write_string(index, 3, str(quota.get_funding_display()))
        quotas_sheet.write_number(index, 4, row.places)
        quotas_sheet.write_number(index, 5, row.admitted)
        if row.last_score is not None:
            quotas_sheet.write_number(index, 6, float(row.last_score), score)
    workbook.close()
    return output.getvalue()

"""Spreadsheet exports of the admission portal (XlsxWriter, in memory), built by a worker as
reports (`admissions.reports`):

- `round_lists_xlsx`: a round's lists with names, for the committee;
- `enrolment_order_xlsx`: the enrolled per programme, form and funding (the rector's order);
- `statistics_xlsx`: a campaign's figures, without personal data.

Each sheet has a bold, frozen header row with an autofilter; numbers are written as numbers,
dates as dates, and text never as a formula or a link."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from qms.reporting import XLSX_OPTIONS, xlsx_sheet_name

from . import selectors
from .models import Application, Campaign, Round

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def no_progress(done: int, total: int) -> None:
    return None


def _workbook(output):
    import xlsxwriter

    workbook = xlsxwriter.Workbook(output, XLSX_OPTIONS)
    header = workbook.add_format({"bold": True, "bg_color": "#EEF2F7", "border": 1, "valign": "top"})
    return workbook, header


def _header(sheet, headers, header_format) -> None:
    """The header row (bold, frozen) and the column widths."""
    for column, (title, width) in enumerate(headers):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, str(title), header_format)
    sheet.freeze_panes(1, 0)


def _autofilter(sheet, rows: int, headers) -> None:
    sheet.autofilter(0, 0, max(rows, 1), len(headers) - 1)


def _quota_cells(sheet, row_index: int, quota) -> None:
    sheet.write_string(row_index, 0, quota.programme.code)
    sheet.write_string(row_index, 1, quota.programme.label)
    sheet.write_string(row_index, 2, str(quota.get_form_display()))
    sheet.write_string(row_index, 3, str(quota.get_funding_display()))


def _quota_headers():
    return [(_("Programme code"), 12), (_("Programme"), 40), (_("Form of study"), 14), (_("Funding"), 18)]


def round_lists_xlsx(round: Round, progress=no_progress) -> bytes:
    """A round's lists for the committee: a "Lists" sheet with one row per admitted applicant
    (every quota, in order of merit) and a "Quotas" sheet with places, admitted and last score.
    `progress` is told after each quota."""
    lists = selectors.round_lists(round, with_names=True)
    output = io.BytesIO()
    workbook, header = _workbook(output)
    score = workbook.add_format({"num_format": "0.000"})

    used = set()
    sheet = workbook.add_worksheet(xlsx_sheet_name(_("Lists"), used))
    quotas_sheet = workbook.add_worksheet(xlsx_sheet_name(_("Quotas"), used))

    headers = [
        *_quota_headers(),
        (_("Place"), 8),
        (_("Application number"), 18),
        (_("Last name"), 20),
        (_("First name"), 24),
        (_("Name in Latin"), 24),
        (_("Score"), 10),
        (_("Preference"), 11),
        (_("Held seat"), 10),
    ]
    _header(sheet, headers, header)
    yes = _("yes")
    row_index = 0
    for done, (row, results) in enumerate(lists, start=1):
        quota = row.quota
        for result in results:
            row_index += 1
            applicant = result.application.applicant
            _quota_cells(sheet, row_index, quota)
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
        progress(done, len(lists))
    _autofilter(sheet, row_index, headers)

    quota_headers = [
        *_quota_headers(),
        (_("Places"), 8),
        (pgettext("count", "Admitted"), 10),
        (_("Last admitted score"), 18),
    ]
    _header(quotas_sheet, quota_headers, header)
    for index, (row, _results) in enumerate(lists, start=1):
        _quota_cells(quotas_sheet, index, row.quota)
        quotas_sheet.write_number(index, 4, row.places)
        quotas_sheet.write_number(index, 5, row.admitted)
        if row.last_score is not None:
            quotas_sheet.write_number(index, 6, float(row.last_score), score)
    _autofilter(quotas_sheet, len(lists), quota_headers)
    workbook.close()
    return output.getvalue()


def enrolment_order_xlsx(campaign: Campaign) -> bytes:
    """The list for the rector's order of enrolment: one row per enrolled applicant, grouped by
    programme, form and funding and numbered within each group, as in the PDF."""
    groups = selectors.enrolment_order(campaign)
    output = io.BytesIO()
    workbook, header = _workbook(output)
    score = workbook.add_format({"num_format": "0.000"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet(xlsx_sheet_name(pgettext("count", "Enrolled"), set()))
    headers = [
        *_quota_headers(),
        ("№", 6),
        (_("Application number"), 18),
        (_("Last name"), 20),
        (_("First name"), 24),
        (_("Name in Latin"), 24),
        (_("Score"), 10),
        (_("Round"), 10),
        (_("Enrolled on"), 12),
    ]
    _header(sheet, headers, header)
    row_index = 0
    for quota, applications in groups:
        for number, application in enumerate(applications, start=1):
            row_index += 1
            applicant = application.applicant
            _quota_cells(sheet, row_index, quota)
            sheet.write_number(row_index, 4, number)
            sheet.write_string(row_index, 5, application.number)
            sheet.write_string(row_index, 6, applicant.last_name)
            sheet.write_string(row_index, 7, " ".join(n for n in (applicant.first_name, applicant.middle_name) if n))
            sheet.write_string(row_index, 8, applicant.latin_name)
            if application.admitted_score is not None:
                sheet.write_number(row_index, 9, float(application.admitted_score), score)
            if application.admitted_round is not None:
                sheet.write_number(row_index, 10, application.admitted_round.number)
            if application.enrolled_at is not None:
                sheet.write_datetime(row_index, 11, timezone.localtime(application.enrolled_at).date(), date)
    _autofilter(sheet, row_index, headers)
    workbook.close()
    return output.getvalue()


def statistics_xlsx(campaign: Campaign) -> bytes:
    """The figures of the statistics page, one sheet each: totals, applications by state,
    programmes (as first preference and anywhere in the list) and quotas (places, taken, last
    admitted score). Counts only: no name, no application number."""
    figures = selectors.campaign_statistics(campaign)
    output = io.BytesIO()
    workbook, header = _workbook(output)
    score = workbook.add_format({"num_format": "0.000"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd", "align": "left"})
    used = set()

    totals = workbook.add_worksheet(xlsx_sheet_name(_("Totals"), used))
    totals_headers = [(_("Figure"), 40), (_("Value"), 30)]
    _header(totals, totals_headers, header)
    rows = [
        (_("Campaign"), campaign.name),
        (_("Academic year"), campaign.academic_year),
        (_("Applications submitted"), figures["submitted"]),
        (_("Places"), figures["places"]),
        (_("Places taken"), figures["taken"]),
        (_("Confirmed or enrolled"), figures["enrolled"]),
    ]
    published = figures["round"]
    if published is not None:
        rows.append((_("Last admitted scores of"), str(published)))
    for index, (label, value) in enumerate(rows, start=1):
        totals.write_string(index, 0, str(label))
        if isinstance(value, int):
            totals.write_number(index, 1, value)
        else:
            totals.write_string(index, 1, str(value))
    if published is not None and published.published_at is not None:
        index = len(rows) + 1
        totals.write_string(index, 0, _("Published on"))
        totals.write_datetime(index, 1, timezone.localtime(published.published_at).date(), date)

    states = workbook.add_worksheet(xlsx_sheet_name(_("States"), used))
    states_headers = [(_("State"), 34), (_("Applications"), 14)]
    _header(states, states_headers, header)
    for index, (value, label) in enumerate(Application.Status.choices, start=1):
        states.write_string(index, 0, str(label))
        states.write_number(index, 1, figures["statuses"].get(value, 0))
    _autofilter(states, len(Application.Status.choices), states_headers)

    programmes = workbook.add_worksheet(xlsx_sheet_name(_("Programmes"), used))
    programme_headers = [
        (_("Programme code"), 12),
        (_("Programme"), 40),
        (_("First preference"), 16),
        (_("Anywhere in the list"), 20),
        (_("Places"), 8),
        (_("Taken"), 8),
        (_("Confirmed or enrolled"), 20),
    ]
    _header(programmes, programme_headers, header)
    for index, row in enumerate(figures["programmes"], start=1):
        programmes.write_string(index, 0, row["programme"].code)
        programmes.write_string(index, 1, row["programme"].label)
        for column, key in enumerate(("first_preference", "applications", "places", "taken", "enrolled"), start=2):
            programmes.write_number(index, column, row[key])
    _autofilter(programmes, len(figures["programmes"]), programme_headers)

    quotas = workbook.add_worksheet(xlsx_sheet_name(_("Quotas"), used))
    quota_headers = [
        *_quota_headers(),
        (_("Places"), 8),
        (_("Taken"), 8),
        (_("Confirmed or enrolled"), 20),
        (_("Last admitted score"), 18),
    ]
    _header(quotas, quota_headers, header)
    index = 0
    for row in figures["programmes"]:
        for item in row["quotas"]:
            index += 1
            _quota_cells(quotas, index, item["quota"])
            quotas.write_number(index, 4, item["places"])
            quotas.write_number(index, 5, item["taken"])
            quotas.write_number(index, 6, item["enrolled"])
            if item["last_score"] is not None:
                quotas.write_number(index, 7, float(item["last_score"]), score)
    _autofilter(quotas, index, quota_headers)
    workbook.close()
    return output.getvalue()

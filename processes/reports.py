"""The reports of the process register (see `qms.reporting`): the register itself (PDF, XLSX),
every current process card in one PDF, and the evidence matrix of ISO 9001 clauses and ESG
standards (PDF, XLSX).

A report is shared by everyone who may read its kind, whoever asked for it: its content does not
depend on the person (the evidence matrix lists every document, audit and nonconformity, as the
quality office sees it)."""

import io

from django import forms
from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from qms import pdf
from qms.i18n import languages_of, translated
from qms.models import OrganisationalUnit, StandardClause
from qms.reporting import (
    XLSX_OPTIONS,
    ReportParamsForm,
    ReportType,
    params_unit,
    register,
    unit_name,
    xlsx_sheet_name,
)
from qms.reports import file_name
from qms.roles import Role

from . import selectors
from .models import KPI, Flow

Framework = StandardClause.Framework

READERS = (Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR, Role.PROCESS_OWNER, Role.UNIT_HEAD)


def _organisation() -> str:
    root = OrganisationalUnit.objects.get_first_root_node()
    return root.name if root else ""


def _formats(workbook) -> dict:
    return {
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#EEF2F7", "border": 1, "text_wrap": True, "valign": "top"}
        ),
        "text": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "heading": workbook.add_format({"text_wrap": True, "valign": "top", "bold": True}),
        "gap": workbook.add_format({"text_wrap": True, "valign": "top", "bg_color": "#FFF3CD"}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "number": workbook.add_format({"valign": "top"}),
    }


def _header_row(sheet, headers, style) -> None:
    for column, (title, width) in enumerate(headers):
        sheet.write_string(0, column, str(title), style)
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)


# --- the process register ----------------------------------------------------------------------


def process_register_rows() -> list:
    """The register's processes (`selectors.process_register`) with their active KPIs counted by
    status, and `current` (the current card or None). A fixed number of queries."""
    active = Q(kpis__active=True)
    processes = list(
        selectors.process_register().annotate(
            kpis_on_target=Count("kpis", filter=active & Q(kpis__status=KPI.Status.ON_TARGET), distinct=True),
            kpis_no_data=Count("kpis", filter=active & Q(kpis__status=KPI.Status.NO_DATA), distinct=True),
        )
    )
    for process in processes:
        process.current = process.current_cards[0] if process.current_cards else None
        process.approved_on = (
            timezone.localtime(process.current.approved_at).date()
            if process.current and process.current.approved_at
            else None
        )
    return processes


def _register_headers():
    return [
        (_("Code"), 10),
        (_("Process"), 40),
        (_("Kind"), 20),
        (_("Process owner"), 24),
        (_("Process leader"), 24),
        (_("Card revision"), 10),
        (_("Approved on"), 12),
        (_("Next review"), 12),
        (_("Review state"), 16),
        (_("Active KPIs"), 10),
        (_("On target"), 10),
        (_("At risk"), 10),
        (_("Off target"), 10),
        (_("No measurement yet"), 13),
        (_("Measurement overdue"), 13),
    ]


def process_register_xlsx(processes: list, title: str, progress) -> bytes:
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, XLSX_OPTIONS)
    style = _formats(workbook)
    sheet = workbook.add_worksheet(xlsx_sheet_name(title, set()))
    headers = _register_headers()
    _header_row(sheet, headers, style["header"])
    total = len(processes)
    for index, process in enumerate(processes, start=1):
        for column, value in enumerate(
            [process.code, translated(process.name), process.get_kind_display(), process.owner, process.leader]
        ):
            sheet.write_string(index, column, str(value), style["text"])
        if process.current is not None:
            sheet.write_number(index, 5, process.current.revision, style["number"])
        if process.approved_on:
            sheet.write_datetime(index, 6, process.approved_on, style["date"])
        if process.next_review_date:
            sheet.write_datetime(index, 7, process.next_review_date, style["date"])
        sheet.write_string(index, 8, str(process.get_review_state_display()), style["text"])
        counts = [process.kpi_count, process.kpis_on_target, process.kpis_at_risk, process.kpis_off]
        counts += [process.kpis_no_data, process.kpis_overdue]
        for column, value in enumerate(counts, start=9):
            sheet.write_number(index, column, value, style["number"])
        if index % 100 == 0:
            progress(index, total)
    sheet.autofilter(0, 0, max(total, 1), len(headers) - 1)
    workbook.close()
    return output.getvalue()


def build_process_register(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    title = _("Process register")
    processes = process_register_rows()
    progress(1, 3)
    if fmt == "xlsx":
        content = process_register_xlsx(processes, title, progress)
    else:
        content = pdf.render_pdf(
            "processes/pdf/process_register.html",
            {"title": title, "organisation": _organisation(), "processes": processes},
        )
    progress(3, 3)
    return file_name(title, fmt), content


# --- every current card ------------------------------------------------------------------------


class ProcessCardsForm(ReportParamsForm):
    """An optional unit: the cards of the processes in which it has a role in the functional matrix."""

    unit = forms.ModelChoiceField(
        queryset=OrganisationalUnit.objects.none(),
        required=False,
        label=gettext_lazy("Unit"),
        empty_label=gettext_lazy("All processes"),
        help_text=gettext_lazy("Only the processes in which the unit has a role in the functional matrix."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrganisationalUnit.objects.order_by("path")
        self.fields["unit"].label_from_instance = lambda unit: ("— " * (unit.depth - 1)) + unit.name


def card_entry(process, language: str) -> dict:
    """What `templates/processes/pdf/_card_body.html` shows of a process read by
    `selectors.process_cards_bundle`, in `language` when the card has it, else the portal's
    language, else any (no query)."""
    card = process.current
    activities, inputs, outputs, texts = [], [], [], [process.name]
    if card is not None:
        activities = list(card.activities.all())
        flows = list(card.flows.all())
        inputs = [flow for flow in flows if flow.direction == Flow.Direction.INPUT]
        outputs = [flow for flow in flows if flow.direction == Flow.Direction.OUTPUT]
        texts = [card.purpose, card.evaluation_criteria, card.monitoring_methods]
        texts += [activity.name for activity in activities] + [flow.name for flow in flows]
    available = languages_of(*texts)
    language = next((code for code in (language, settings.LANGUAGE_CODE, *available) if code in available), language)
    return {
        "process": process,
        "card": card,
        "language": language,
        "process_name": translated(process.name, language),
        "scope": process.scope_units,
        "activities": activities,
        "inputs": inputs,
        "outputs": outputs,
        "kpis": process.active_kpis,
    }


def build_process_cards(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    unit = params_unit(params)
    title = _("Process cards")
    processes = selectors.process_cards_bundle(unit)
    total = len(processes) + 1  # the last step, laying out the PDF, is the longest
    language = get_language()
    entries = []
    for index, process in enumerate(processes, start=1):
        entries.append(card_entry(process, language))
        progress(index, total)
    content = pdf.render_pdf(
        "processes/pdf/cards.html",
        {"title": title, "organisation": _organisation(), "unit": unit, "entries": entries},
    )
    return file_name(title, fmt, unit.name if unit else ""), content


# --- the evidence matrix ------------------------------------------------------------------------


class EvidenceMatrixForm(ReportParamsForm):
    framework = forms.ChoiceField(
        choices=[("", gettext_lazy("ISO 9001:2015 and ESG 2015")), *Framework.choices],
        required=False,
        label=gettext_lazy("Framework"),
    )


def evidence_subject(params: dict) -> str:
    return str(dict(Framework.choices).get(params.get("framework", ""), ""))


def _framework(params: dict) -> str:
    framework = params.get("framework", "") or ""
    if framework not in Framework.values:
        framework = ""
    return framework


def _gap_status(row) -> str:
    if row["gap"]:
        return _("Nothing linked")
    if not row["linked"]:
        return _("Covered in sub-clauses")
    return ""


def evidence_matrix_xlsx(sections: list[dict], progress) -> bytes:
    """A sheet per framework: a row per clause with its processes, documents, audits, open
    nonconformities and whether it is a gap."""
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, XLSX_OPTIONS)
    style = _formats(workbook)
    headers = [
        (_("Code"), 10),
        (_("Clause or standard"), 48),
        (_("Processes"), 48),
        (_("Documents"), 48),
        (_("Audits"), 10),
        (_("Open nonconformities"), 14),
        (_("Gap"), 22),
    ]
    used = set()
    for done, section in enumerate(sections, start=1):
        sheet = workbook.add_worksheet(xlsx_sheet_name(section["label"], used))
        _header_row(sheet, headers, style["header"])
        for index, row in enumerate(section["rows"], start=1):
            clause = row["clause"]
            if row["gap"]:
                cell = style["gap"]
            else:
                cell = style["heading"] if row["has_children"] and row["linked"] else style["text"]
            values = [
                clause.code,
                clause.title,
                "\n".join(f"{p.code} {translated(p.name)}" for p in row["processes"]),
                "\n".join(f"{d.code} {d.title}" for d in row["documents"]),
                row["audits"],
                row["open_ncs"],
                _gap_status(row),
            ]
            for column, value in enumerate(values):
                if isinstance(value, int):
                    sheet.write_number(index, column, value, cell)
                else:
                    sheet.write_string(index, column, str(value), cell)
        sheet.autofilter(0, 0, max(len(section["rows"]), 1), len(headers) - 1)
        progress(done, len(sections) + 1)
    workbook.close()
    return output.getvalue()


def build_evidence_matrix(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    framework = _framework(params)
    title = _("Evidence matrix")
    sections = selectors.evidence_sections(None, framework)
    progress(1, 3)
    if fmt == "xlsx":
        content = evidence_matrix_xlsx(sections, progress)
    else:
        content = pdf.render_pdf(
            "processes/pdf/evidence_matrix.html",
            {"title": title, "organisation": _organisation(), "sections": sections},
        )
    return file_name(title, fmt, framework), content


register(
    ReportType(
        kind="process_register",
        label=gettext_lazy("Process register"),
        description=gettext_lazy(
            "Every process with its owner and leader, the card in force, the next review and its KPIs by status."
        ),
        build=build_process_register,
        formats=("pdf", "xlsx"),
        readers=READERS,
        section="processes",
        order=30,
    )
)

register(
    ReportType(
        kind="process_cards",
        label=gettext_lazy("Process cards"),
        description=gettext_lazy(
            "The current card of every process, or of the processes in which a unit has a role, in one PDF "
            "with a contents list."
        ),
        build=build_process_cards,
        formats=("pdf",),
        readers=READERS,
        form_class=ProcessCardsForm,
        subject=unit_name,
        section="processes",
        order=31,
    )
)

register(
    ReportType(
        kind="evidence_matrix",
        label=gettext_lazy("Evidence matrix"),
        description=gettext_lazy(
            "For each ISO 9001 clause and ESG standard: the processes, documents, audits and open "
            "nonconformities linked to it, and the gaps."
        ),
        build=build_evidence_matrix,
        formats=("pdf", "xlsx"),
        # Those who read every document and audit: the matrix names them all, whoever asks.
        readers=(Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR),
        form_class=EvidenceMatrixForm,
        subject=evidence_subject,
        section="processes",
        order=32,
    )
)

"""What the register gives out: the process map (a page and an SVG file), the evidence matrix of
ISO 9001 clauses and ESG standards (a page and an XLSX file), and the PDF of a process card."""

import io

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qms.i18n import translated
from qms.models import OrganisationalUnit, StandardClause
from qms.permissions import require_university_staff

from ..models import Card, Process
from ..permissions import get_card_for_user
from ..processmap import band_labels, kind_colours, process_map_data, render_process_map
from .register import card_context

Framework = StandardClause.Framework


# --- the process map --------------------------------------------------------------------------


def _map_svg() -> tuple[str, list, set]:
    processes, edges = process_map_data()
    svg = render_process_map(processes, edges, link=lambda process: process.get_absolute_url())
    return svg, processes, edges


def process_map(request):
    require_university_staff(request.user)
    svg, processes, edges = _map_svg()
    by_id = {process.pk: process for process in processes}
    suppliers, consumers = {}, {}
    links = [(s, c) for s, c in edges if s != c and s in by_id and c in by_id]
    for supplier, consumer in sorted(links, key=lambda edge: (by_id[edge[0]].code, by_id[edge[1]].code)):
        suppliers.setdefault(consumer, []).append(by_id[supplier])
        consumers.setdefault(supplier, []).append(by_id[consumer])
    labels = band_labels()
    legend = [
        {"label": labels[kind], "fill": kind_colours(kind)[0], "colour": kind_colours(kind)[2]} for kind in labels
    ]
    rows = [
        {"process": p, "suppliers": suppliers.get(p.pk, []), "consumers": consumers.get(p.pk, [])} for p in processes
    ]
    return render(
        request,
        "processes/process_map.html",
        {
            # The SVG is built by processes.processmap, which escapes every text it puts in.
            "svg": mark_safe(svg),  # noqa: S308
            "legend": legend,
            "rows": rows,
            "process_count": len(processes),
            "link_count": len(links),
        },
    )


def process_map_svg(request):
    require_university_staff(request.user)
    svg, _processes, _edges = _map_svg()
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="process-map.svg"'
    return response


# --- the evidence matrix --------------------------------------------------------------------


def _framework(request) -> str:
    value = request.GET.get("framework", "")
    return value if value in Framework.values else ""


def _documents_for(user):
    """The documents the reader may open, each knowing whether a revision is in force."""
    from policies.models import Document, Version
    from policies.selectors import READ_ALL_ROLES, documents_visible_to

    documents = Document.objects.all()
    if not user.has_role(*READ_ALL_ROLES):
        documents = documents.filter(pk__in=documents_visible_to(user).values("pk"))
    in_force = Version.objects.filter(document=OuterRef("pk"), status=Version.Status.PUBLISHED)
    return documents.annotate(in_force=Exists(in_force)).order_by("code")


def _audit_evidence(user) -> tuple[dict, dict]:
    """Per clause: the audits that took it as a criterion and the open nonconformities against
    it, counting only those the reader may see. Two queries."""
    from audits.models import Nonconformity
    from audits.permissions import audits_visible_to, nonconformities_visible_to

    audits = dict(
        audits_visible_to(user)
        .filter(clauses__isnull=False)
        .values_list("clauses")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    open_ncs = dict(
        nonconformities_visible_to(user)
        .filter(clause__isnull=False)
        .exclude(state=Nonconformity.State.CLOSED)
        .values_list("clause")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return audits, open_ncs


def evidence_sections(user, framework: str = "") -> list[dict]:
    """Per framework, a row per clause or standard with the processes and the documents linked
    to it. A row is a gap when nothing is linked to it nor to any of its sub-clauses. Three
    queries, whatever the number of clauses, processes and documents."""
    current = Card.objects.filter(process=OuterRef("pk"), status=Card.Status.CURRENT)
    clauses = (
        StandardClause.objects.filter(framework__in=[framework] if framework else Framework.values)
        .annotate(document_count=Count("documents", distinct=True))
        .prefetch_related(
            Prefetch("processes", queryset=Process.objects.annotate(has_current=Exists(current)).order_by("code")),
            Prefetch("documents", queryset=_documents_for(user)),
        )
        .order_by("framework", "sort_key")
    )
    audits, open_ncs = _audit_evidence(user)
    rows = []
    for clause in clauses:
        processes, documents = list(clause.processes.all()), list(clause.documents.all())
        rows.append(
            {
                "clause": clause,
                "processes": processes,
                "documents": documents,
                "hidden_documents": max(clause.document_count - len(documents), 0),
                "linked": bool(processes) or clause.document_count > 0,
                "audits": audits.get(clause.pk, 0),
                "open_ncs": open_ncs.get(clause.pk, 0),
            }
        )
    by_id = {row["clause"].pk: row for row in rows}
    for row in rows:
        row.update(depth=1, has_children=False, covered_below=False)
    for row in rows:  # parents come before their children (ordered by sort key)
        parent = by_id.get(row["clause"].parent_id)
        if parent is not None:
            row["depth"] = parent["depth"] + 1
            parent["has_children"] = True
    for row in rows:
        if row["linked"]:
            parent = by_id.get(row["clause"].parent_id)
            while parent is not None and not parent["covered_below"]:
                parent["covered_below"] = True
                parent = by_id.get(parent["clause"].parent_id)
    for row in rows:
        row["gap"] = not row["linked"] and not row["covered_below"]
        row["indent"] = (1, 3, 5)[min(row["depth"] - 1, 2)]  # Bootstrap ps-* classes

    labels = dict(Framework.choices)
    sections = []
    for value in [framework] if framework else Framework.values:
        section_rows = [row for row in rows if row["clause"].framework == value]
        sections.append(
            {
                "framework": value,
                "label": labels[value],
                "rows": section_rows,
                "gaps": sum(row["gap"] for row in section_rows),
            }
        )
    return sections


def evidence_matrix(request):
    require_university_staff(request.user)
    framework = _framework(request)
    return render(
        request,
        "processes/evidence_matrix.html",
        {
            "sections": evidence_sections(request.user, framework),
            "framework": framework,
            "frameworks": Framework.choices,
        },
    )


def _sheet_name(label: str, used: set) -> str:
    name = "".join("-" if char in "[]:*?/\\" else char for char in str(label)).strip("'")[:31] or "Sheet"
    base, number = name, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


def evidence_matrix_xlsx(request):
    import xlsxwriter

    require_university_staff(request.user)
    framework = _framework(request)
    sections = evidence_sections(request.user, framework)

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    header = workbook.add_format({"bold": True, "bg_color": "#EEF2F7", "border": 1, "text_wrap": True, "valign": "top"})
    text = workbook.add_format({"text_wrap": True, "valign": "top"})
    heading = workbook.add_format({"text_wrap": True, "valign": "top", "bold": True})
    gap = workbook.add_format({"text_wrap": True, "valign": "top", "bg_color": "#FFF3CD"})
    headers = [_("Code"), _("Clause or standard"), _("Processes"), _("Documents"), _("Audits"),
               _("Open nonconformities"), _("Gap")]  # fmt: skip
    widths = [10, 48, 48, 48, 10, 14, 22]
    used = set()
    for section in sections:
        sheet = workbook.add_worksheet(_sheet_name(section["label"], used))
        for column, (title, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.write_string(0, column, str(title), header)
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
        for index, row in enumerate(section["rows"], start=1):
            clause = row["clause"]
            documents = [f"{d.code} {d.title}" for d in row["documents"]]
            if row["hidden_documents"]:
                documents.append(_("%(count)s more that you cannot open") % {"count": row["hidden_documents"]})
            if row["gap"]:
                status, cell = _("Nothing linked"), gap
            elif not row["linked"]:
                status, cell = _("Covered in sub-clauses"), text
            else:
                status, cell = "", heading if row["has_children"] else text
            values = [
                clause.code,
                clause.title,
                "\n".join(f"{p.code} {translated(p.name)}" for p in row["processes"]),
                "\n".join(documents),
                row["audits"],
                row["open_ncs"],
                status,
            ]
            for column, value in enumerate(values):
                if isinstance(value, int):
                    sheet.write_number(index, column, value, cell)
                else:
                    sheet.write_string(index, column, str(value), cell)
        sheet.autofilter(0, 0, max(len(section["rows"]), 1), len(headers) - 1)
    workbook.close()

    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    suffix = f"-{framework}" if framework else ""
    response["Content-Disposition"] = (
        f'attachment; filename="evidence-matrix{suffix}-{timezone.localdate():%Y-%m-%d}.xlsx"'
    )
    return response


# --- the card PDF ---------------------------------------------------------------------------


def card_pdf(request, pk):
    """A card revision laid out as in the quality manual: header block, purpose, responsibility,
    scope, activity table, process data and the process's KPIs. Texts in `?lang=` when the card
    has them, else the reader's language, else the portal's, else any."""
    from qms.pdf import render_pdf

    card = get_card_for_user(request.user, pk)
    process = card.process
    requested = request.GET.get("lang")
    requested = requested if requested in dict(settings.LANGUAGES) else None
    context = card_context(card, requested)
    available = context["languages"]
    language = next(
        (code for code in (requested, get_language(), settings.LANGUAGE_CODE, *available) if code in available),
        requested or get_language(),
    )
    root = OrganisationalUnit.objects.get_first_root_node()
    context.update(
        {
            "title": f"{process.code} {translated(process.name, language)}",
            "organisation": root.name if root else "",
            "process": process,
            "language": language,
            "process_name": translated(process.name, language),
            "parent": process.parent,
            "scope": process.scope.order_by("path"),
            "kpis": process.kpis.filter(active=True).order_by("id"),
        }
    )
    content = render_pdf("processes/pdf/card.html", context)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"{slugify(process.code) or 'process'}-card-{card.revision}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

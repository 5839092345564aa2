"""What the register gives out: the process map (a page and an SVG file), the evidence matrix of
ISO 9001 clauses and ESG standards (a page; its PDF and XLSX are reports built by a worker, see
`processes.reports`), and the PDF of a process card."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

from qms.i18n import translated
from qms.models import OrganisationalUnit, StandardClause
from qms.permissions import require_university_staff

from .. import selectors
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


def evidence_matrix(request):
    require_university_staff(request.user)
    framework = _framework(request)
    return render(
        request,
        "processes/evidence_matrix.html",
        {
            "sections": selectors.evidence_sections(request.user, framework),
            "framework": framework,
            "frameworks": Framework.choices,
        },
    )


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

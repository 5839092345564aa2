"""The process map, drawn on the server as SVG.

Processes stand in three horizontal bands (management, core, support), in a grid that wraps to
as many rows as a band needs. An arrow goes from the process that supplies an input to the
process whose current card takes it; the arrows are gentle curves that bow to the left of their
direction, so that two processes feeding each other get two distinct arrows. Nothing is sorted
topologically, so cycles are fine.

The SVG uses presentation attributes only (no `<style>`, no `style=`): it can be put inline in a
page under the portal's CSP as well as served as a file. The same input always gives the same
output.
"""

import math
import textwrap
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from qms.i18n import translated

from .models import Card, Flow, Process
from .selectors import kind_rank

Kind = Process.Kind

# Geometry, in viewBox units.
MARGIN = 8
BAND_PAD = 16
BAND_LABEL = 34
BAND_GAP = 18
BOX_W = 180
BOX_H = 80
GAP_X = 40
GAP_Y = 40
COLUMNS = 5
INNER_W = COLUMNS * BOX_W + (COLUMNS - 1) * GAP_X
WIDTH = INNER_W + 2 * BAND_PAD + 2 * MARGIN
EMPTY_BAND_H = 30

# Text, in viewBox units: rough average glyph widths of a sans-serif face.
FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"
CODE_SIZE = 13
CODE_CHAR_W = 8.2
NAME_SIZE = 11
NAME_CHARS = 26
NAME_LINES = 3
PARENT_SIZE = 9
PARENT_CHAR_W = 5.6
TEXT_PAD = 8

ARROW_COLOUR = "#5c6670"
INK = "#212529"
MUTED = "#6c757d"

KIND_ORDER = [Kind.MANAGEMENT, Kind.CORE, Kind.SUPPORT]
#: Per kind: band fill, band border, box border and code colour.
PALETTE = {
    Kind.MANAGEMENT: ("#eef3fb", "#c5d6ee", "#1f5fa8"),
    Kind.CORE: ("#edf7ee", "#c3e0c5", "#2e7d32"),
    Kind.SUPPORT: ("#fdf5e8", "#ecd4ad", "#a85d00"),
}


def band_labels() -> dict:
    return {
        Kind.MANAGEMENT: _("Management processes"),
        Kind.CORE: _("Core processes"),
        Kind.SUPPORT: _("Support processes"),
    }


def kind_colours(kind) -> tuple[str, str, str]:
    return PALETTE.get(kind, PALETTE[Kind.SUPPORT])


def process_map_data() -> tuple[list[Process], set[tuple[int, int]]]:
    """Every process (management, core, support; by code) and the (supplier id, consumer id)
    pairs from the inputs of current cards. Two queries, whatever the size of the register."""
    processes = list(Process.objects.select_related("parent").order_by(kind_rank(), "code", "pk"))
    edges = set(
        Flow.objects.filter(
            direction=Flow.Direction.INPUT, supplier__isnull=False, card__status=Card.Status.CURRENT
        ).values_list("supplier_id", "card__process_id")
    )
    return processes, edges


def _n(value: float) -> str:
    """A coordinate with at most one decimal, always written the same way."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _truncate(text: str, chars: int) -> str:
    chars = max(chars, 2)
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def name_lines(name: str, chars: int = NAME_CHARS, lines: int = NAME_LINES) -> list[str]:
    """The name wrapped to at most `lines` lines of about `chars` characters, "…" when cut."""
    name = " ".join(name.split())
    if not name:
        return []
    return textwrap.wrap(name, width=chars, max_lines=lines, placeholder="…", break_long_words=True) or [
        _truncate(name, chars)
    ]


def _svg_open(width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="process-map-title process-map-desc" '
        f'class="process-map" font-family="{escape(FONT)}">',
        f'<title id="process-map-title">{escape(title)}</title>',
        f'<desc id="process-map-desc">{escape(desc)}</desc>',
    ]


def render_empty_map() -> str:
    width, height = 600, 80
    parts = _svg_open(width, height, _("Process map"), _("There are no processes in the register yet."))
    parts += [
        f'<rect x="1" y="1" width="{width - 2}" height="{height - 2}" rx="8" fill="#f8f9fa" stroke="#dee2e6"/>',
        f'<text x="{width // 2}" y="{height // 2 + 5}" text-anchor="middle" font-size="15" fill="{MUTED}">'
        f"{escape(_('There are no processes in the register yet.'))}</text>",
        "</svg>",
    ]
    return "\n".join(parts)


def _layout(processes: list) -> tuple[list[dict], dict[int, tuple[float, float]], float]:
    """The bands (with their boxes) and the top-left corner of each process's box."""
    by_kind = {kind: [] for kind in KIND_ORDER}
    for process in processes:
        by_kind.get(process.kind, by_kind[Kind.SUPPORT]).append(process)
    labels = band_labels()
    bands, positions = [], {}
    y = MARGIN
    for kind in KIND_ORDER:
        members = by_kind[kind]
        rows = math.ceil(len(members) / COLUMNS)
        content_h = rows * BOX_H + (rows - 1) * GAP_Y if rows else EMPTY_BAND_H
        height = BAND_LABEL + content_h + BAND_PAD
        for index, process in enumerate(members):
            row, column = divmod(index, COLUMNS)
            in_row = min(COLUMNS, len(members) - row * COLUMNS)
            row_w = in_row * BOX_W + (in_row - 1) * GAP_X
            left = MARGIN + BAND_PAD + (INNER_W - row_w) / 2
            positions[process.pk] = (left + column * (BOX_W + GAP_X), y + BAND_LABEL + row * (BOX_H + GAP_Y))
        bands.append({"kind": kind, "label": labels[kind], "y": y, "height": height, "members": members})
        y += height + BAND_GAP
    return bands, positions, y - BAND_GAP + MARGIN


def _exit_point(corner, towards) -> tuple[float, float]:
    """Where the ray from the centre of the box at `corner` towards `towards` leaves the box."""
    cx, cy = corner[0] + BOX_W / 2, corner[1] + BOX_H / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    scale = min(
        (BOX_W / 2) / abs(dx) if dx else math.inf,
        (BOX_H / 2) / abs(dy) if dy else math.inf,
    )
    if scale == math.inf:
        return cx, cy
    return cx + dx * scale, cy + dy * scale


def _edge_path(source, target) -> str:
    """A quadratic curve from box to box that bows to the left of its direction."""
    sx, sy = source[0] + BOX_W / 2, source[1] + BOX_H / 2
    tx, ty = target[0] + BOX_W / 2, target[1] + BOX_H / 2
    dx, dy = tx - sx, ty - sy
    length = math.hypot(dx, dy) or 1.0
    bow = min(max(0.2 * length, 22.0), 110.0)
    control = ((sx + tx) / 2 + dy / length * bow, (sy + ty) / 2 - dx / length * bow)
    start = _exit_point(source, control)
    end = _exit_point(target, control)
    return f"M{_n(start[0])},{_n(start[1])} Q{_n(control[0])},{_n(control[1])} {_n(end[0])},{_n(end[1])}"


def _box(process, corner, parent_code: str, url: str | None) -> list[str]:
    _fill, _border, colour = kind_colours(process.kind)
    x, y = corner
    name = translated(process.name)
    tooltip = f"{process.code} {name}".strip()
    if parent_code:
        tooltip += " — " + _("sub-process of %(code)s") % {"code": parent_code}
    parts = []
    if url:
        # text-decoration-none: in a page, the stylesheet's link underline would reach the box texts.
        parts.append(f'<a href={quoteattr(url)} class="text-decoration-none">')
    parts.append(f'<g data-process="{process.pk}">')
    parts.append(f"<title>{escape(tooltip)}</title>")
    parts.append(
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#ffffff" '
        f'stroke="{colour}" stroke-width="1.6"/>'
    )
    available = BOX_W - 2 * TEXT_PAD
    if parent_code:
        parent_label = "↑ " + _truncate(parent_code, 12)
        parts.append(
            f'<text x="{_n(x + BOX_W - TEXT_PAD)}" y="{_n(y + 18)}" text-anchor="end" font-size="{PARENT_SIZE}" '
            f'fill="{MUTED}">{escape(parent_label)}</text>'
        )
        available -= len(parent_label) * PARENT_CHAR_W + 6
    code = _truncate(process.code, int(available // CODE_CHAR_W))
    parts.append(
        f'<text x="{_n(x + TEXT_PAD)}" y="{_n(y + 19)}" font-size="{CODE_SIZE}" font-weight="bold" '
        f'fill="{colour}">{escape(code)}</text>'
    )
    lines = name_lines(name)
    if lines:
        parts.append(f'<text x="{_n(x + TEXT_PAD)}" y="{_n(y + 37)}" font-size="{NAME_SIZE}" fill="{INK}">')
        for index, line in enumerate(lines):
            dy = "0" if index == 0 else "14"
            parts.append(f'<tspan x="{_n(x + TEXT_PAD)}" dy="{dy}">{escape(line)}</tspan>')
        parts.append("</text>")
    parts.append("</g>")
    if url:
        parts.append("</a>")
    return parts


def render_process_map(
    processes: Iterable, edges: Iterable[tuple[int, int]], *, link: Callable = lambda process: None
) -> str:
    """The map as an `<svg>` string. `edges` are (supplier id, consumer id) pairs; repeated
    pairs, self-references and pairs naming a process not on the map are left out. `link(process)`
    gives the URL a box points to, or None."""
    processes = sorted(
        {process.pk: process for process in processes}.values(),
        key=lambda p: (KIND_ORDER.index(p.kind) if p.kind in KIND_ORDER else len(KIND_ORDER), p.code, p.pk),
    )
    if not processes:
        return render_empty_map()
    by_id = {process.pk: process for process in processes}
    arrows = sorted({(s, c) for s, c in edges if s != c and s in by_id and c in by_id})
    bands, positions, height = _layout(processes)

    parts = _svg_open(
        WIDTH,
        math.ceil(height),
        _("Process map"),
        _(
            "The processes of the university as management, core and support processes. An arrow goes from the "
            "process that supplies an input to the process that uses it."
        ),
    )
    parts += [
        "<defs>",
        '<marker id="process-map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto">',
        f'<path d="M0,0 L10,5 L0,10 z" fill="{ARROW_COLOUR}"/>',
        "</marker>",
        "</defs>",
    ]
    for band in bands:
        fill, border, _colour = kind_colours(band["kind"])
        parts.append(f'<g data-band="{band["kind"]}">')
        parts.append(
            f'<rect x="{MARGIN}" y="{_n(band["y"])}" width="{WIDTH - 2 * MARGIN}" height="{_n(band["height"])}" '
            f'rx="8" fill="{fill}" stroke="{border}"/>'
        )
        parts.append(
            f'<text x="{MARGIN + BAND_PAD}" y="{_n(band["y"] + 23)}" font-size="15" font-weight="bold" '
            f'fill="{INK}">{escape(str(band["label"]))}</text>'
        )
        if not band["members"]:
            parts.append(
                f'<text x="{MARGIN + BAND_PAD}" y="{_n(band["y"] + BAND_LABEL + 18)}" font-size="12" '
                f'fill="{MUTED}">{escape(_("No processes of this kind yet."))}</text>'
            )
        parts.append("</g>")

    paths = {edge: _edge_path(positions[edge[0]], positions[edge[1]]) for edge in arrows}
    parts.append(f'<g fill="none" stroke="{ARROW_COLOUR}" stroke-width="1.6">')
    for supplier, consumer in arrows:
        parts.append(
            f'<path d="{paths[supplier, consumer]}" marker-end="url(#process-map-arrow)" '
            f'data-edge="{supplier}-{consumer}">'
            f"<title>{escape(f'{by_id[supplier].code} → {by_id[consumer].code}')}</title></path>"
        )
    parts.append("</g>")

    for process in processes:
        parent = by_id.get(process.parent_id) if process.parent_id else None
        if process.parent_id and parent is None:  # a parent left off the map (select_related it)
            parent = getattr(process, "parent", None)
        parts += _box(process, positions[process.pk], parent.code if parent else "", link(process))

    # The arrows again, faint, over the boxes: an arrow that passes under a box shows through it,
    # so it is not taken for an arrow that ends there.
    if arrows:
        parts.append(
            f'<g fill="none" stroke="{ARROW_COLOUR}" stroke-width="1.2" stroke-opacity="0.3" '
            'pointer-events="none" aria-hidden="true">'
        )
        parts += [f'<path d="{paths[edge]}"/>' for edge in arrows]
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)

"""Small charts drawn on the server as SVG markup, the same in a page and in a PDF.

Every function returns an `<svg>` element as a safe string that a template puts inline. The
markup follows the portal's strict CSP and WeasyPrint's SVG renderer: presentation attributes
only (fill, stroke, font-size...), no `style=` attribute and no `<style>` element, no script, no
external resource. Each chart says what it shows to assistive technology (`role="img"`, an
`aria-label` and a `<title>`), and draws its labels and values as text, so that no colour has
to be told apart to read it (traffic lights carry their status in words next to the dot).

Every text that comes from the caller is escaped here; numbers are written in the active
language's format. An optional `href` per row or segment makes it a link in the page; PDFs
pass none.
"""

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"
INK = "#212529"
MUTED = "#6c757d"
TRACK = "#e9ecef"
BLUE = "#0d6efd"
GREEN = "#198754"
AMBER = "#e0a800"
RED = "#dc3545"
GREY = "#adb5bd"

#: The colours of a traffic light by name; KPI statuses map onto them in `qms.dashboard`.
LIGHTS = {"green": GREEN, "amber": AMBER, "red": RED, "grey": GREY}

#: Rough average glyph width of a sans-serif face, as a share of the font size.
CHAR_WIDTH = 0.58


def _n(value: float) -> str:
    """A coordinate with at most one decimal, always written the same way."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def fmt(value, decimals: int | None = None) -> str:
    """A number in the active language's format: whole numbers without decimals."""
    if value is None:
        return "—"
    if decimals is None:
        decimals = 0 if float(value) == int(float(value)) else 1
    return number_format(round(Decimal(str(value)), decimals), decimals)


def text_width(text: str, font_size: float, *, bold: bool = False) -> float:
    """An estimate of the width of `text`, on the generous side (Cyrillic capitals are wide)."""
    return len(text) * font_size * (CHAR_WIDTH + (0.08 if bold else 0.0))


def truncate(text: str, chars: int) -> str:
    chars = max(chars, 2)
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _svg(width: float, height: float, label: str, body: Iterable[str], *, css: str = "") -> SafeString:
    classes = " ".join(part for part in ("qms-chart", css) if part)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(classes)}" width="{_n(width)}" '
        f'height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-label="{escape(label)}" '
        f'font-family="{escape(FONT)}">'
    )
    # Every caller-supplied text in `body` went through escape(); numbers and colours are ours.
    return mark_safe(head + f"<title>{escape(label)}</title>" + "".join(body) + "</svg>")  # noqa: S308


def _link(href: str | None, content: str) -> str:
    return f'<a href="{escape(href)}">{content}</a>' if href else content


def _text(x: float, y: float, text: str, *, size: float = 12, fill: str = INK, anchor: str = "start", bold=False):
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{fill}" text-anchor="{anchor}"{weight}>'
        f"{escape(text)}</text>"
    )


# --- horizontal bars --------------------------------------------------------------------------


def bar_chart(
    rows: Sequence[dict],
    *,
    label: str,
    series: Sequence[tuple[str, str]] | None = None,
    width: int = 520,
    max_value: float | None = None,
    row_height: int = 24,
    font_size: int = 12,
    empty_text: str = "—",
) -> SafeString:
    """Horizontal bars, one row per item: its label, its bar and its value.

    `rows` are dicts with `label`, either `value` (one bar) or `values` (stacked segments in the
    order of `series`), optionally `value_label` (the text drawn after the bar; the total by
    default) and `href`. `series` are (name, colour) pairs; with more than one, a legend is
    drawn above the bars. Bar lengths are proportional to the values, the longest total (or
    `max_value`) filling the bar area."""
    series = list(series or [(label, BLUE)])
    prepared = []
    for row in rows:
        values = [float(v or 0) for v in (row["values"] if "values" in row else [row.get("value")])]
        total = sum(values)
        prepared.append(
            {
                "label": str(row.get("label", "")),
                "values": values,
                "total": total,
                "text": str(row["value_label"]) if row.get("value_label") is not None else fmt(total),
                "href": row.get("href"),
            }
        )
    scale_max = float(max_value) if max_value else max((row["total"] for row in prepared), default=0.0)
    # The label column fits the longest label, up to 40% of the width; longer ones are cut with "…".
    chars = min(max((len(row["label"]) for row in prepared), default=0), int(width * 0.4 / (font_size * CHAR_WIDTH)))
    label_w = text_width("x" * chars, font_size, bold=True) + 8
    value_w = max((text_width(row["text"], font_size, bold=True) for row in prepared), default=0) + 10
    bar_x = label_w
    bar_w = max(width - label_w - value_w, 20)
    legend_h = row_height if len(series) > 1 else 0
    height = legend_h + max(len(prepared), 1) * row_height + 4
    body = []
    if legend_h:
        x = 0.0
        for name, colour in series:
            body.append(f'<rect x="{_n(x)}" y="{_n(legend_h / 2 - 5)}" width="10" height="10" fill="{colour}"/>')
            body.append(_text(x + 14, legend_h / 2 + 4, name, size=font_size - 1, fill=MUTED))
            x += 14 + text_width(name, font_size - 1) + 16
    if not prepared:
        body.append(_text(0, legend_h + row_height * 0.7, empty_text, size=font_size, fill=MUTED))
    bar_h = row_height * 0.6
    for index, row in enumerate(prepared):
        top = legend_h + index * row_height
        mid = top + row_height / 2
        parts = [
            f"<title>{escape(row['label'])}: {escape(row['text'])}</title>",
            _text(0, mid + font_size * 0.35, truncate(row["label"], chars), size=font_size),
        ]
        x = bar_x
        for value, (_name, colour) in zip(row["values"], series, strict=False):
            length = bar_w * value / scale_max if scale_max > 0 else 0.0
            if length > 0:
                parts.append(
                    f'<rect x="{_n(x)}" y="{_n(mid - bar_h / 2)}" width="{_n(length)}" height="{_n(bar_h)}" '
                    f'fill="{colour}"/>'
                )
            x += length
        parts.append(_text(x + 4, mid + font_size * 0.35, row["text"], size=font_size, bold=True))
        body.append(_link(row["href"], "<g>" + "".join(parts) + "</g>"))
    return _svg(width, height, label, body, css="qms-chart-bars")


# --- a share, as a bar ------------------------------------------------------------------------


def progress_bar(
    percent: float | None,
    *,
    label: str,
    width: int = 260,
    height: int = 20,
    colour: str = BLUE,
    text: str | None = None,
    href: str | None = None,
) -> SafeString:
    """A share as a filled track with its value written after it ("72%"). `percent` None
    draws an empty track and "—" (nothing to measure yet)."""
    value_text = text if text is not None else ("—" if percent is None else f"{fmt(percent)}%")
    text_w = text_width(value_text, 12, bold=True) + 10
    track_w = max(width - text_w, 20)
    share = 0.0 if percent is None else min(max(float(percent), 0.0), 100.0) / 100
    body = [f'<rect x="0" y="2" width="{_n(track_w)}" height="{_n(height - 4)}" rx="3" fill="{TRACK}"/>']
    if share > 0:
        body.append(
            f'<rect x="0" y="2" width="{_n(track_w * share)}" height="{_n(height - 4)}" rx="3" fill="{colour}"/>'
        )
    body.append(_text(track_w + 6, height / 2 + 4, value_text, size=12, bold=True))
    return _svg(width, height, f"{label}: {value_text}", [_link(href, "<g>" + "".join(body) + "</g>")],
                css="qms-chart-progress")  # fmt: skip


# --- a traffic light ---------------------------------------------------------------------------


def traffic_light(
    light: str, *, label: str, text: str = "", size: int = 14, href: str | None = None, font_size: int = 12
) -> SafeString:
    """A coloured dot (`light` is green, amber, red or grey) with `text` written next to it,
    so that the status reads without telling the colours apart."""
    colour = LIGHTS.get(light, GREY)
    radius = size / 2
    width = size + (6 + text_width(text, font_size) if text else 0) + 2
    height = max(size, font_size + 4) + 2
    body = [
        f'<circle cx="{_n(radius + 1)}" cy="{_n(height / 2)}" r="{_n(radius)}" fill="{colour}" stroke="{INK}" '
        f'stroke-width="0.5"/>'
    ]
    if text:
        body.append(_text(size + 6, height / 2 + font_size * 0.35, text, size=font_size))
    return _svg(width, height, label, [_link(href, "<g>" + "".join(body) + "</g>")], css="qms-chart-light")


# --- a trend ----------------------------------------------------------------------------------


def sparkline(
    values: Sequence,
    *,
    label: str,
    width: int = 140,
    height: int = 30,
    target=None,
    colour: str = INK,
    show_last: bool = True,
) -> SafeString:
    """The last values of a series (oldest first) as a line, the latest as a dot and written
    after it; `target` as a dashed line."""
    points = [float(v) for v in values if v is not None]
    last_text = fmt(values[-1]) if points else "—"
    text_w = text_width(last_text, 11, bold=True) + 8 if show_last else 0
    line_w = max(width - text_w, 20)
    pad = 3
    scale = points + ([float(target)] if target is not None else [])
    low, high = (min(scale), max(scale)) if scale else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1

    def y_of(value):
        return pad + (height - 2 * pad) * (1 - (value - low) / (high - low))

    step = (line_w - 2 * pad) / (len(points) - 1) if len(points) > 1 else 0
    coordinates = [(pad + i * step if len(points) > 1 else line_w / 2, y_of(v)) for i, v in enumerate(points)]
    body = []
    if target is not None:
        y = y_of(float(target))
        body.append(
            f'<line x1="0" y1="{_n(y)}" x2="{_n(line_w)}" y2="{_n(y)}" stroke="{MUTED}" stroke-width="1" '
            f'stroke-dasharray="3 2"/>'
        )
    if len(coordinates) > 1:
        path = " ".join(f"{_n(x)},{_n(y)}" for x, y in coordinates)
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
    if coordinates:
        x, y = coordinates[-1]
        body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.5" fill="{colour}"/>')
    else:
        body.append(
            f'<line x1="0" y1="{_n(height / 2)}" x2="{_n(line_w)}" y2="{_n(height / 2)}" stroke="{GREY}" '
            f'stroke-width="1"/>'
        )
    if show_last:
        body.append(_text(line_w + 4, height / 2 + 4, last_text, size=11, bold=True))
    return _svg(width, height, label, body, css="qms-chart-spark")


# --- shares of a whole, as a ring ---------------------------------------------------------------


def donut(
    segments: Sequence[dict],
    *,
    label: str,
    size: int = 110,
    centre_text: str | None = None,
    legend_width: int = 190,
    font_size: int = 12,
) -> SafeString:
    """Shares of a whole as a ring, with a legend of names and values beside it. `segments` are
    dicts with `label`, `value`, `colour` and optionally `href` (on the legend line)."""
    total = sum(float(s.get("value") or 0) for s in segments)
    radius = size / 2 - 10
    circumference = 2 * math.pi * radius
    centre = size / 2
    row_h = font_size + 8
    height = max(size, len(segments) * row_h + 4)
    cy = height / 2
    body = [
        f'<circle cx="{_n(centre)}" cy="{_n(cy)}" r="{_n(radius)}" fill="none" stroke="{TRACK}" stroke-width="16"/>'
    ]
    offset = 0.0
    for segment in segments:
        value = float(segment.get("value") or 0)
        if total <= 0 or value <= 0:
            continue
        length = circumference * value / total
        body.append(
            f'<circle cx="{_n(centre)}" cy="{_n(cy)}" r="{_n(radius)}" fill="none" stroke="{segment["colour"]}" '
            f'stroke-width="16" stroke-dasharray="{_n(length)} {_n(circumference - length)}" '
            f'stroke-dashoffset="{_n(-offset)}" transform="rotate(-90 {_n(centre)} {_n(cy)})">'
            f"<title>{escape(segment['label'])}: {escape(fmt(value))}</title></circle>"
        )
        offset += length
    body.append(
        _text(centre, cy + font_size * 0.4, centre_text if centre_text is not None else fmt(total), size=16, bold=True,
              anchor="middle")
    )  # fmt: skip
    top = cy - len(segments) * row_h / 2
    for index, segment in enumerate(segments):
        y = top + index * row_h + row_h / 2
        line = (
            f'<rect x="{_n(size + 10)}" y="{_n(y - 5)}" width="10" height="10" fill="{segment["colour"]}"/>'
            + _text(size + 26, y + font_size * 0.35, f"{segment['label']}: {fmt(segment.get('value') or 0)}",
                    size=font_size)
        )  # fmt: skip
        body.append(_link(segment.get("href"), "<g>" + line + "</g>"))
    return _svg(size + 10 + legend_width, height, label, body, css="qms-chart-donut")

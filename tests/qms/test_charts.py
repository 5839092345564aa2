"""The server-side SVG charts: valid XML, every label escaped, lengths proportional to the
values, accessible, and nothing the strict CSP would refuse."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.safestring import SafeString

from qms import charts

SVG = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert(\"x\")</script> & 'quotes'"


def parse(markup) -> ET.Element:
    assert isinstance(markup, SafeString)
    return ET.fromstring(str(markup))  # noqa: S314 -- our own markup, parsed to check it


def texts(root) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def bars(root) -> list[ET.Element]:
    """The bars of a bar chart: the rects inside its rows (the legend's swatches are outside)."""
    return [rect for group in root.iter(f"{SVG}g") for rect in group.iter(f"{SVG}rect")]


ALL_CHARTS = [
    lambda label: charts.bar_chart([{"label": label, "value": 3}], label=label),
    lambda label: charts.bar_chart(
        [{"label": label, "values": [1, 2], "href": "/x/?a=1&b=2"}], label=label, series=[(label, "red"), ("b", "blue")]
    ),
    lambda label: charts.progress_bar(40, label=label, href="/x/?a=1&b=2"),
    lambda label: charts.traffic_light("amber", label=label, text=label),
    lambda label: charts.sparkline([1, 3, 2], label=label, target=2),
    lambda label: charts.donut([{"label": label, "value": 2, "colour": "#000"}], label=label),
]


@pytest.mark.parametrize("draw", ALL_CHARTS)
def test_every_chart_is_valid_svg_with_its_labels_escaped_and_an_accessible_name(draw):
    markup = draw(NASTY)
    root = parse(markup)  # raises on invalid XML
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label").startswith(NASTY)
    assert root.find(f"{SVG}title").text.startswith(NASTY)
    assert "<script" not in markup and "&lt;script&gt;" in markup
    assert NASTY in " ".join(texts(root)) + root.get("aria-label")


@pytest.mark.parametrize("draw", ALL_CHARTS)
def test_charts_use_presentation_attributes_only_so_that_the_strict_csp_lets_them_through(draw):
    markup = str(draw("label"))
    root = parse(markup)
    assert "style=" not in markup and "<style" not in markup and "<script" not in markup
    assert all("style" not in element.attrib for element in root.iter())
    assert "http://" not in markup.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_bar_lengths_are_proportional_to_the_values_and_the_values_are_written():
    root = parse(
        charts.bar_chart(
            [{"label": "Faculty A", "value": 10}, {"label": "Faculty B", "value": 5}, {"label": "None", "value": 0}],
            label="Open",
            width=400,
        )
    )
    widths = [float(rect.get("width")) for rect in bars(root)]
    assert len(widths) == 2  # a zero draws no bar
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.02)
    assert {"Faculty A", "Faculty B", "None", "10", "5", "0"} <= set(texts(root))


def test_stacked_segments_add_up_to_the_bar_of_the_total_with_a_legend():
    root = parse(
        charts.bar_chart(
            [{"label": "A", "values": [1, 3], "value_label": "4 (1 overdue)"}, {"label": "B", "values": [0, 2]}],
            label="Open",
            series=[("overdue", charts.RED), ("on time", charts.BLUE)],
        )
    )
    segments = [(rect.get("fill"), float(rect.get("width"))) for rect in bars(root)]
    overdue_a, on_time_a, on_time_b = segments
    assert overdue_a[0] == charts.RED and on_time_a[0] == charts.BLUE
    assert on_time_a[1] == pytest.approx(3 * overdue_a[1], rel=0.02)
    assert overdue_a[1] + on_time_a[1] == pytest.approx(2 * on_time_b[1], rel=0.02)
    assert "4 (1 overdue)" in texts(root)
    assert {"overdue", "on time"} <= set(texts(root))  # the legend


def test_max_value_fixes_the_scale_of_percentages():
    root = parse(charts.bar_chart([{"label": "DP 01", "value": 25}], label="Rate", max_value=100, width=300))
    (bar,) = bars(root)
    svg_width = float(root.get("width"))
    assert float(bar.get("width")) < svg_width / 3  # a quarter of the bar area


def test_a_row_with_a_link_wraps_its_bar_in_an_anchor_with_the_ampersand_escaped():
    markup = str(charts.bar_chart([{"label": "A", "value": 1, "href": "/list/?state=open&unit=3"}], label="x"))
    assert 'href="/list/?state=open&amp;unit=3"' in markup
    assert parse(charts.bar_chart([], label="x", empty_text="Nothing")).find(f".//{SVG}text").text == "Nothing"


def test_long_labels_are_cut_with_an_ellipsis_and_kept_whole_in_the_row_title():
    long = "Department of Silicate Technology and Building Materials"
    root = parse(charts.bar_chart([{"label": long, "value": 1}], label="x", width=300))
    drawn = texts(root)[0]
    assert drawn.endswith("…") and len(drawn) < len(long)
    assert any(long in (title.text or "") for title in root.iter(f"{SVG}title"))


def test_progress_bar_fills_the_share_of_its_track_and_writes_the_percentage():
    root = parse(charts.progress_bar(25, label="Audits completed", width=300))
    track, fill = root.iter(f"{SVG}rect")
    assert float(fill.get("width")) == pytest.approx(float(track.get("width")) / 4, rel=0.01)
    assert "25%" in texts(root)
    assert root.get("aria-label") == "Audits completed: 25%"


def test_progress_bar_without_data_draws_an_empty_track_and_a_dash_and_clamps_beyond_100():
    empty = parse(charts.progress_bar(None, label="Rate"))
    assert len(list(empty.iter(f"{SVG}rect"))) == 1 and "—" in texts(empty)
    full = parse(charts.progress_bar(140, label="Rate"))
    track, fill = full.iter(f"{SVG}rect")
    assert fill.get("width") == track.get("width")


def test_traffic_light_takes_its_colour_and_says_its_status_in_words():
    root = parse(charts.traffic_light("red", label="Off target", text="Off target: 3"))
    assert root.find(f".//{SVG}circle").get("fill") == charts.RED
    assert texts(root) == ["Off target: 3"]
    assert parse(charts.traffic_light("unknown", label="?")).find(f".//{SVG}circle").get("fill") == charts.GREY


def test_sparkline_draws_the_values_in_order_rising_upwards_with_the_last_one_written():
    root = parse(charts.sparkline([Decimal("1"), Decimal("2"), Decimal("4")], label="Trend", target=3))
    points = [tuple(map(float, pair.split(","))) for pair in root.find(f"{SVG}polyline").get("points").split()]
    xs, ys = zip(*points, strict=True)
    assert list(xs) == sorted(xs)
    assert ys[0] > ys[1] > ys[2]  # SVG's y grows downwards: a rising series climbs
    assert (ys[0] - ys[1]) * 2 == pytest.approx(ys[1] - ys[2], rel=0.02)  # +1 then +2
    assert root.find(f"{SVG}line").get("stroke-dasharray")  # the target
    assert texts(root) == ["4"]


def test_sparkline_of_no_values_is_a_flat_line_and_a_dash():
    root = parse(charts.sparkline([], label="Trend"))
    assert root.find(f"{SVG}polyline") is None and texts(root) == ["—"]


def test_donut_segments_share_the_ring_in_proportion_and_the_legend_gives_the_values():
    root = parse(
        charts.donut(
            [
                {"label": "Current", "value": 3, "colour": charts.GREEN},
                {"label": "Due", "value": 1, "colour": charts.AMBER},
                {"label": "Overdue", "value": 0, "colour": charts.RED},
            ],
            label="Review",
        )
    )
    arcs = [c for c in root.iter(f"{SVG}circle") if c.get("stroke-dasharray")]
    lengths = [float(c.get("stroke-dasharray").split()[0]) for c in arcs]
    assert len(arcs) == 2 and lengths[0] == pytest.approx(3 * lengths[1], rel=0.02)
    assert {"4", "Current: 3", "Due: 1", "Overdue: 0"} <= set(texts(root))


def test_numbers_are_written_in_the_active_language():
    with translation.override("bg"):
        root = parse(charts.sparkline([Decimal("1.5"), Decimal("2.5")], label="Trend"))
    assert texts(root) == ["2,5"]

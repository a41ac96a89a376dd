"""The results chart's markup: segments told apart without colour, the legend inside the picture."""

import re
from types import SimpleNamespace

from toolkit.assessment.blocks import Statement
from toolkit.assessment.services import LevelCount, StatementResult, Stats
from toolkit.templatetags.assessment_tags import results_chart


def _results(shares: list[list[float]], labels: list[str]):
    levels = [SimpleNamespace(value=value, label=label) for value, label in enumerate(labels, start=1)]
    rows = [
        StatementResult(
            statement=Statement(
                key=f"s{n}", text=f"Väittämä {n}", help_text="", tool_ids=(), group_index=0, number=n
            ),
            stats=Stats(
                levels=[
                    LevelCount(value=value, label=label, count=0, share=share)
                    for (value, label), share in zip(enumerate(labels, start=1), row, strict=True)
                ],
                n=3,
                mean=2.0,
                spread=0.5,
                discuss=False,
            ),
        )
        for n, row in enumerate(shares, start=1)
    ]
    page = SimpleNamespace(scale=SimpleNamespace(level_list=lambda: levels))
    return SimpleNamespace(statements=rows, page=page)


def test_adjacent_segments_have_a_separator_and_their_own_patterns():
    svg = str(
        results_chart(_results([[1 / 3, 1 / 3, 1 / 3], [0, 0, 1]], ["ei vielä", "osittain", "hyvin"]), "c")
    )
    # Row 1 has three segments, so two separators where they meet; row 2 is one whole segment.
    separators = re.findall(
        r'<line x1="([\d.]+)" x2="\1" y1="(\d+)" y2="\d+" class="chart__separator"/>', svg
    )
    assert [(round(float(x)), int(y)) for x, y in separators] == [(184, 10), (324, 10)]
    fills = re.findall(r'<rect x="[\d.]+" y="(\d+)" width="[\d.]+" height="20" fill="url\(#c-p(\d)\)"/>', svg)
    assert fills == [("10", "0"), ("10", "1"), ("10", "2"), ("40", "2")]
    # Three patterns, each different; the top level is the solid one.
    patterns = re.findall(r'<pattern id="c-p\d".*?</pattern>', svg)
    assert len(set(patterns)) == 3 and "chart__swatch--solid" in patterns[2]


def test_the_legend_wraps_inside_the_picture_for_a_long_scale():
    labels = ["ei lainkaan", "vähän", "osittain", "suurelta osin", "täysin ja pysyvästi"]
    svg = str(results_chart(_results([[0.2] * 5], labels), "c"))
    width, height = map(int, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())
    items = re.findall(r'<text x="(\d+)" y="(\d+)" class="chart__legend">([^<]+)</text>', svg)
    assert len(items) == 5
    rows = sorted({int(y) for _x, y, _text in items})
    assert len(rows) == 2  # wrapped onto a second line instead of running out of the picture
    for x, y, text in items:
        assert int(x) + len(text) * 7.5 <= width and int(y) < height, (x, text)


def test_texts_are_escaped_as_format_html_escapes_them():
    # The chart is built as a string: a scale level's label (edited in the admin) and the chart's id are text.
    svg = str(results_chart(_results([[0.5, 0.5]], ['<b>"ei" & </b>', "hyvin's"]), 'c"<'))
    assert "<b>" not in svg and '"ei"' not in svg and "hyvin's" not in svg and 'c"<' not in svg
    assert "1 &lt;b&gt;&quot;ei&quot; &amp; &lt;/b&gt;</text>" in svg
    assert "2 hyvin&#x27;s</text>" in svg
    assert 'id="c&quot;&lt;"' in svg and 'fill="url(#c&quot;&lt;-p1)"' in svg

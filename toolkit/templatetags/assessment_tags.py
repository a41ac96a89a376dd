"""Server-rendered SVG for the assessment tools: the growing plant of a scale level and the results chart."""

from __future__ import annotations

import functools

from django import template
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from toolkit.assessment.forms import StartRoundForm

register = template.Library()

PALETTE = ["#8a3b12", "#a86400", "#5f7d1c", "#2e7d32", "#1b5e20"]


def level_colour(position: int, count: int) -> str:
    if count <= 1:
        return PALETTE[-1]
    index = round(position * (len(PALETTE) - 1) / (count - 1))
    return PALETTE[index]


@register.simple_tag
def plant_svg(position: int, count: int) -> str:
    """A plant that grows with the level: position 0 is a seed, the top level flowers. Decorative.

    The same two numbers draw the same plant: a form shows each level's plant once per statement, so each is
    built once per process (a few scales' levels: a small cache)."""
    return _plant_svg(position, count)


@functools.lru_cache(maxsize=128)
def _plant_svg(position: int, count: int) -> str:
    count = max(count, 1)
    growth = (position + 1) / count
    ground = 44
    stem_top = ground - round(6 + 28 * growth)
    leaves = []
    pairs = max(0, min(position + 1, 4) - (1 if position == 0 else 0))
    for i in range(pairs):
        y = ground - 8 - i * 7
        if y <= stem_top + 2:
            break
        leaves.append((y,))
    parts = [
        format_html('<path class="plant__stem" d="M20 {} L20 {}"/>', ground, stem_top),
        format_html_join(
            "",
            '<path class="plant__leaf" d="M20 {0} q-9 -2 -11 -8 q8 0 11 8z"/>'
            '<path class="plant__leaf" d="M20 {0} q9 -4 11 -10 q-8 1 -11 10z"/>',
            leaves,
        ),
    ]
    if position == count - 1 and count > 1:
        parts.append(format_html('<circle class="plant__flower" cx="20" cy="{}" r="4.5"/>', stem_top))
    elif position == 0:
        parts.append(format_html('<ellipse class="plant__seed" cx="20" cy="{}" rx="3" ry="2.2"/>', stem_top))
    return format_html(
        '<svg class="plant" viewBox="0 0 40 52" width="40" height="52" aria-hidden="true" focusable="false">'
        '<path class="plant__pot" d="M9 44 h22 l-3 8 h-16z"/>{}</svg>',
        format_html_join("", "{}", ((part,) for part in parts)),
    )


def _num(value: float | None, digits: int = 2) -> str:
    """A mean or a share with `digits` decimals in the reader's language: 1,88 in Finnish and Swedish, 1.88 in
    English (Django's locale formats)."""
    if value is None:
        return "–"
    return number_format(round(value, digits), digits)  # Django cuts the decimals; a mean is rounded


register.filter("decimal", _num)


@register.filter
def percent(share: float) -> str:
    return f"{round(share * 100)} %"


# One fill pattern per scale level, so that neighbouring segments differ in more than colour (WCAG 1.4.1,
# 1.4.11): the top level is solid, the others cycle through hatching, dots, stripes and a grid. Marks are
# drawn in white on the level's colour; under forced colours the CSS redraws them in system colours.
PATTERN_MARKS = [
    '<path class="chart__mark" d="M-2 2 l4 -4 M0 8 l8 -8 M6 10 l4 -4" stroke="#fff" stroke-width="1.6"/>',
    '<circle class="chart__mark chart__mark--dot" cx="4" cy="4" r="1.6" fill="#fff"/>',
    '<path class="chart__mark" d="M0 2 h8 M0 6 h8" stroke="#fff" stroke-width="1.2"/>',
    '<path class="chart__mark" d="M0 0 l8 8 M8 0 l-8 8" stroke="#fff" stroke-width="1.2"/>',
]
LEGEND_CHAR_W = 7.5  # a generous average advance of the 13-unit legend font, so items never overlap


def pattern_mark(position: int, count: int) -> str:
    """The marks of a level's fill pattern; "" for the solid top level."""
    if position == count - 1:
        return ""
    return PATTERN_MARKS[position % len(PATTERN_MARKS)]


def _chart_svg(chart_id: str, css_class: str, width, height, title: str, description: str, body: str) -> str:
    """A chart's picture as screen readers meet it: an image named by its title and described by its
    description (both escaped here); `body` is markup the caller has built with every text escaped."""
    cid = conditional_escape(chart_id)
    return mark_safe(  # noqa: S308 (title and description escaped here, the body by the caller)
        f'<svg class="{css_class}" id="{cid}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc"><title id="{cid}-title">{conditional_escape(title)}</title>'
        f'<desc id="{cid}-desc">{conditional_escape(description)}</desc>{body}</svg>'
    )


def _chart_defs(chart_id: str, levels) -> str:
    """One fill pattern per level. Built as a string: format_html per element cost a fifth of a results page's
    chart; every text is escaped here as format_html would (the marks and colours are constants above)."""
    cid = conditional_escape(chart_id)
    count = len(levels)
    patterns = []
    for position in range(count):
        mark = pattern_mark(position, count)
        solid = "" if mark else " chart__swatch--solid"
        patterns.append(
            f'<pattern id="{cid}-p{position}" patternUnits="userSpaceOnUse" width="8" height="8">'
            f'<rect class="chart__swatch{solid}" width="8" height="8" fill="{level_colour(position, count)}"/>'
            f"{mark}</pattern>"
        )
    return mark_safe(f"<defs>{''.join(patterns)}</defs>")  # noqa: S308 (escaped above)


def _chart_legend(chart_id: str, levels, left: int, right: int, top: int) -> tuple[str, int]:
    """The legend items left to right, wrapping to a new line when the next would not fit: any scale length
    fits the picture. Returns the markup and the height it takes."""
    cid = conditional_escape(chart_id)
    items = []
    x, y = left, top
    for position, level in enumerate(levels):
        text = f"{level.value} {level.label}"
        item_w = 20 + round(len(text) * LEGEND_CHAR_W)
        if x > left and x + item_w > right:
            x, y = left, y + 22
        items.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="url(#{cid}-p{position})" class="chart__key"/>'
            f'<text x="{x + 20}" y="{y + 12}" class="chart__legend">{conditional_escape(text)}</text>'
        )
        x += item_w + 24
    return mark_safe("".join(items)), y - top + 22  # noqa: S308 (escaped above)


@register.simple_tag
def results_chart(results, chart_id: str = "chart") -> str:
    """A horizontal stacked bar per statement: the share of each level, with the mean written at the end.

    Rows are labelled with the statements' numbers; the template lists the numbered statements beside the
    chart, and the same numbers are in the tables below. The SVG has a title and a description for screen
    readers. Each level has its own fill pattern and white separators part adjacent segments.

    The markup is built as a string (each text escaped as format_html would): format_html per element was most
    of the chart's time.
    """
    rows = results.statements
    levels = results.page.scale.level_list()
    # A consensus round has one agreed rating per statement: it is written as that rating, not as a mean.
    consensus = getattr(results, "is_consensus", False)
    label_w, bar_w, value_w, row_h, top = 44, 420, 70, 30, 10
    width = label_w + bar_w + value_w
    cid = conditional_escape(chart_id)
    bars = []
    for index, result in enumerate(rows):
        y = top + index * row_h
        x = 0.0
        segments, separators = [], []
        for position, level in enumerate(result.stats.levels):
            w = round(bar_w * level.share, 1)
            if w > 0:
                if x > 0:
                    separators.append(
                        f'<line x1="{label_w + x}" x2="{label_w + x}" y1="{y}" y2="{y + 20}" '
                        'class="chart__separator"/>'
                    )
                segments.append(
                    f'<rect x="{label_w + x}" y="{y}" width="{w}" height="20" fill="url(#{cid}-p{position})"/>'
                )
            x += w
        number = conditional_escape(result.statement.number or index + 1)
        value = conditional_escape(_num(result.stats.mean, 0 if consensus else 2))
        bars.append(
            f'<g><text x="0" y="{y + 15}" class="chart__label">{number}.</text>{"".join(segments)}'
            f'{"".join(separators)}<rect x="{label_w}" y="{y}" width="{bar_w}" height="20" class="chart__frame"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 15}" class="chart__value">{value}</text></g>'
        )
    legend, legend_h = _chart_legend(chart_id, levels, label_w, width, top + row_h * len(rows) + 4)
    height = top + row_h * len(rows) + 4 + legend_h + 6
    if consensus:
        description = " ".join(
            (
                _("Väittämä %(number)s: sovittu arvio %(rating)s.")
                if result.stats.mean is not None
                else _("Väittämä %(number)s: ei sovittua arviota.")
            )
            % {"number": result.statement.number or index + 1, "rating": _num(result.stats.mean, 0)}
            for index, result in enumerate(rows)
        )
    else:
        description = " ".join(
            _("Väittämä %(number)s: keskiarvo %(mean)s, vastauksia %(n)s.")
            % {
                "number": result.statement.number or index + 1,
                "mean": _num(result.stats.mean),
                "n": result.stats.n,
            }
            for index, result in enumerate(rows)
        )
    return _chart_svg(
        chart_id,
        "chart",
        width,
        height,
        _("Arvioiden jakauma väittämittäin"),
        description,
        f"{_chart_defs(chart_id, levels)}{''.join(bars)}{legend}",
    )


@register.filter
def round_when(value) -> str:
    """When a round was started, as the language writes a moment: "maanantai 7.12.2026 klo 9.00",
    "måndag 7.12.2026 kl. 9.00", "Monday 7 December 2026, 9:00" (valoa/formats)."""
    moment = timezone.localtime(value)
    return f"{date_format(moment, 'l')} {date_format(moment, 'DATETIME_FORMAT')}"


def round_label(assessment_round) -> str:
    """A round of the trend as a reader tells it from the others: when, and how it was done."""
    return _("%(when)s, %(mode)s") % {
        "when": round_when(assessment_round.created_at),
        "mode": assessment_round.get_mode_display(),
    }


register.filter("round_label", round_label)


@register.simple_tag
def trend_chart(series, results, chart_id: str = "trend") -> str:
    """One mode's rounds as horizontal bars of their overall result, oldest first, on the scale's axis.

    Rows carry the round's number in its series; the table beside the chart names each round with its date,
    time and mode, and the SVG's description says the same for screen readers. A consensus series is worded
    as the team's agreed ratings (their average over the statements), an anonymous one as the mean.
    """
    levels = results.page.scale.level_list()
    high = max((level.value for level in levels), default=1) or 1
    label_w, bar_w, value_w, row_h, top, axis_h = 44, 420, 70, 30, 10, 22
    width = label_w + bar_w + value_w
    rows = []
    # Built as strings (the rounds' numbers and means need no escaping; texts are escaped below).
    for index, point in enumerate(series.points):
        y = top + index * row_h
        w = round(bar_w * (point.score or 0) / high, 1)
        rows.append(
            f'<g><text x="0" y="{y + 15}" class="chart__label">{index + 1}.</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="20" class="chart__trend-bar"/>'
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="20" class="chart__frame"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 15}" class="chart__value">'
            f"{conditional_escape(_num(point.score))}</text></g>"
        )
    axis_y = top + row_h * len(series.points)
    ticks = []
    for level in levels:
        x = label_w + round(bar_w * level.value / high, 1)
        ticks.append(
            f'<line x1="{x}" x2="{x}" y1="{top - 4}" y2="{axis_y}" class="chart__tick"/>'
            f'<text x="{x}" y="{axis_y + 14}" class="chart__legend" text-anchor="middle">'
            f"{conditional_escape(level.value)}</text>"
        )
    if series.is_consensus:
        template = _("Kierros %(number)s, %(label)s: sovittu arvio keskimäärin %(score)s%(phase)s.")
    else:
        template = _("Kierros %(number)s, %(label)s: keskiarvo %(score)s%(phase)s.")
    description = " ".join(
        template
        % {
            "number": index + 1,
            "label": round_label(point.assessment_round),
            "score": _num(point.score),
            "phase": (_(", vaihe %(phase)s") % {"phase": point.phase}) if point.phase else "",
        }
        for index, point in enumerate(series.points)
    )
    title = (
        _("Sovitut arviot kierroksittain (yhdessä sopien)")
        if series.is_consensus
        else _("Keskiarvo kierroksittain (%(mode)s)") % {"mode": series.mode_label}
    )
    return _chart_svg(
        chart_id,
        "chart chart--trend",
        width,
        axis_y + axis_h,
        title,
        description,
        "".join(ticks) + "".join(rows),
    )


@register.simple_tag
def qr_svg(url: str, title: str) -> str:
    # segno escapes the title and emits no scripts, styles or external references (CSP-safe).
    return mark_safe(qr_svg_markup(str(url), str(title)))  # noqa: S308


@functools.lru_cache(maxsize=256)
def qr_svg_markup(url: str, title: str) -> str:
    """A link's QR code as inline SVG. Encoding one was half of the facilitation screen's CPU time, on every
    load of it (and of the round's facilitator page); the code is a pure function of the link and its title,
    so each process keeps the last few hundred."""
    import segno

    return segno.make(url, micro=False).svg_inline(scale=4, omitsize=True, title=title, svgclass="qr")


@register.filter
def get_item(mapping, key):
    if not mapping:
        return None
    return mapping.get(key)


@register.simple_tag
def start_round_form(form: StartRoundForm | None = None) -> StartRoundForm:
    """The team's start form: the view's bound one after an error, else a new one (the page model makes none)."""
    return form or StartRoundForm()

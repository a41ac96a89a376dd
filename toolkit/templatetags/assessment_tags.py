"""Server-rendered SVG for the assessment tools: the growing plant of a scale level and the results chart."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()

PALETTE = ["#8a3b12", "#a86400", "#5f7d1c", "#2e7d32", "#1b5e20"]


def level_colour(position: int, count: int) -> str:
    if count <= 1:
        return PALETTE[-1]
    index = round(position * (len(PALETTE) - 1) / (count - 1))
    return PALETTE[index]


@register.simple_tag
def plant_svg(position: int, count: int) -> str:
    """A plant that grows with the level: position 0 is a seed, the top level flowers. Decorative."""
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
    if value is None:
        return "–"
    return f"{value:.{digits}f}".replace(".", ",")


register.filter("fi_number", _num)


@register.filter
def percent(share: float) -> str:
    return f"{round(share * 100)} %"


@register.simple_tag
def results_chart(results, chart_id: str = "chart") -> str:
    """A horizontal stacked bar per statement: the share of each level, with the mean written at the end.

    The same numbers are in the table next to it; the SVG has a title and a description for screen readers.
    """
    rows = results.statements
    levels = results.page.scale.level_list()
    label_w, bar_w, value_w, row_h, top = 44, 420, 70, 30, 10
    width = label_w + bar_w + value_w
    height = top + row_h * len(rows) + 40
    bars = []
    for index, result in enumerate(rows):
        y = top + index * row_h
        x = label_w
        segments = []
        for position, level in enumerate(result.stats.levels):
            w = round(bar_w * level.share, 1)
            if w > 0:
                segments.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="20" fill="{}"/>',
                        x,
                        y,
                        w,
                        level_colour(position, len(levels)),
                    )
                )
            x += w
        bars.append(
            format_html(
                '<g><text x="0" y="{}" class="chart__label">{}.</text>{}'
                '<rect x="{}" y="{}" width="{}" height="20" class="chart__frame"/>'
                '<text x="{}" y="{}" class="chart__value">{}</text></g>',
                y + 15,
                index + 1,
                format_html_join("", "{}", ((segment,) for segment in segments)),
                label_w,
                y,
                bar_w,
                label_w + bar_w + 8,
                y + 15,
                _num(result.stats.mean),
            )
        )
    legend_y = top + row_h * len(rows) + 14
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="14" height="14" fill="{}"/><text x="{}" y="{}" class="chart__legend">{}</text>',
        (
            (
                label_w + position * 140,
                legend_y,
                level_colour(position, len(levels)),
                label_w + position * 140 + 20,
                legend_y + 12,
                f"{level.value} {level.label}",
            )
            for position, level in enumerate(levels)
        ),
    )
    description = " ".join(
        _("Väittämä %(number)s: keskiarvo %(mean)s, vastauksia %(n)s.")
        % {"number": index + 1, "mean": _num(result.stats.mean), "n": result.stats.n}
        for index, result in enumerate(rows)
    )
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{bars}{legend}</svg>',
        id=chart_id,
        w=width,
        h=height,
        title=_("Arvioiden jakauma väittämittäin"),
        desc=description,
        bars=format_html_join("", "{}", ((bar,) for bar in bars)),
        legend=legend,
    )


@register.simple_tag
def qr_svg(url: str, title: str) -> str:
    import segno
    from django.utils.safestring import mark_safe

    # segno escapes the title and emits no scripts, styles or external references (CSP-safe).
    return mark_safe(  # noqa: S308
        segno.make(url, micro=False).svg_inline(scale=4, omitsize=True, title=title, svgclass="qr")
    )


@register.filter
def get_item(mapping, key):
    if not mapping:
        return None
    return mapping.get(key)

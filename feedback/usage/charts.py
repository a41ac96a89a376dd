"""An accessible horizontal bar chart in SVG, drawn on the server like the assessment results' chart
(toolkit/templatetags/assessment_tags.py): role="img" with a title and a description that reads out every
value, and the same figures in the table beside it. A value hidden by the k-threshold has no bar and is
written "< 10", as in the table."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from feedback.usage.cells import num, too_few

LABEL_W, BAR_W, VALUE_W, ROW_H, TOP = 190, 360, 90, 26, 8
LABEL_CHARS = 26
# A blue with at least 3:1 contrast against the admin's light and dark backgrounds (WCAG 1.4.11).
BAR_FILL = "#3b73b0"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(*, chart_id: str, title: str, labels: list[str], values: list[int | None]) -> SafeString | None:
    """One bar per row, scaled to the largest value shown. None when there is nothing to draw."""
    if not labels:
        return None
    texts = [num(value) if value is not None else too_few() for value in values]
    largest = max((value for value in values if value is not None), default=0) or 1
    rows = []
    for index, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        y = TOP + index * ROW_H
        width = round(BAR_W * (value or 0) / largest, 1)
        rows.append(
            format_html(
                '<g><text x="{}" y="{}" text-anchor="end" fill="currentColor">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="16" fill="{}"/>'
                '<text x="{}" y="{}" fill="currentColor">{}</text></g>',
                LABEL_W - 8,
                y + 13,
                _short(label),
                LABEL_W,
                y,
                width,
                BAR_FILL,
                LABEL_W + width + 6,
                y + 13,
                text,
            )
        )
    height = TOP * 2 + ROW_H * len(labels)
    description = "; ".join(
        _("%(label)s: %(value)s") % {"label": label, "value": text}
        for label, text in zip(labels, texts, strict=True)
    )
    return format_html(
        '<svg class="usage-chart" id="{id}" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{id}-title {id}-desc" font-size="13">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{rows}</svg>',
        id=chart_id,
        w=LABEL_W + BAR_W + VALUE_W,
        h=height,
        title=title,
        desc=description,
        rows=format_html_join("", "{}", ((row,) for row in rows)),
    )

"""The assessment's CSV export: a round's results as counts and figures, never one respondent's answers.

UTF-8 with BOM, `;`-separated, decimal comma (what Finnish Excel opens); cells that could start a formula are
defused (toolkit.common.spreadsheet), like the workbook's export.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from toolkit.assessment.services import Results
from toolkit.common.spreadsheet import CSV_BOM, csv_safe


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def results_csv(results: Results) -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    levels = results.page.scale.level_list()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            _("Ryhmä"),
            _("Väittämä"),
            _("Tunniste"),
            *[f"{level.value} {level.label}" for level in levels],
            _("Vastauksia"),
            _("Keskiarvo"),
            _("Hajonta"),
            _("Keskustelkaa tästä ensin"),
            _("Edellinen keskiarvo"),
            _("Muutos"),
        ]
    )
    for group in results.groups:
        for result in group.statements:
            writer.writerow(
                [
                    csv_safe(group.group.heading),
                    csv_safe(result.statement.text),
                    result.statement.key,
                    *[level.count for level in result.stats.levels],
                    result.stats.n,
                    number(result.stats.mean),
                    number(result.stats.spread),
                    _("kyllä") if result.stats.discuss else "",
                    number(result.previous_mean),
                    number(result.delta),
                ]
            )
        writer.writerow(
            [
                csv_safe(group.group.heading),
                _("Koko osio"),
                "",
                *[level.count for level in group.stats.levels],
                group.stats.n,
                number(group.stats.mean),
                number(group.stats.spread),
                _("kyllä") if group.stats.discuss else "",
                "",
                "",
            ]
        )
    writer.writerow(
        [
            _("Kokonaistulos"),
            results.phase or "",
            "",
            *["" for _level in levels],
            results.response_count,
            number(results.score),
        ]
    )
    return out.getvalue()

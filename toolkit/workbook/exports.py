"""The workbook's CSV export: a session's answers as a spreadsheet the team can keep."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.common.spreadsheet import CSV_BOM, csv_safe
from toolkit.workbook.models import WorkbookSession
from toolkit.workbook.services import Workbook, workbook_answers


def workbook_session_csv(*, session: WorkbookSession, workbook: Workbook) -> bytes:
    """The session's answers as CSV: UTF-8 with a BOM, so that Excel shows ä and ö correctly."""
    answers = workbook_answers(session=session)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Osa"), _("Nro"), _("Kysymys"), _("Vastaus"), _("Muokattu")])
    for section in workbook.sections:
        for question in section.questions:
            answer = answers.get(question.key)
            writer.writerow(
                [
                    csv_safe(section.title),
                    question.number,
                    csv_safe(question.text),
                    csv_safe(answer.text if answer else ""),
                    timezone.localtime(answer.updated_at).strftime("%Y-%m-%d %H:%M") if answer else "",
                ]
            )
    return (CSV_BOM + buffer.getvalue()).encode("utf-8")

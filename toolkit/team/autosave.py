"""The server side of progressive saving: one JSON convention for the workbook's answers and the consensus
assessment's ratings, read by static/js/autosave.js (docs/team-space.md, "Progressive saving").

JSON is chosen by the request's `Accept` header alone; without it the views answer with pages, as any form.
"""

from __future__ import annotations

from datetime import datetime

from django.http import JsonResponse
from django.utils import timezone
from django.utils.formats import time_format


def saved_time(moment: datetime) -> str:
    """When an answer was saved, as the language being read writes a time ("9.05", "9:05"): the script shows
    it as is ("Tallennettu klo 9.05", "Saved at 9:05")."""
    return time_format(timezone.localtime(moment))


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def saved(*, version: int | str, value: str, saved_at: datetime, done: int, total: int) -> JsonResponse:
    return JsonResponse(
        {
            "status": "saved",
            "version": version,
            "value": value,
            "saved_at": saved_time(saved_at),
            "progress": {"done": done, "total": total},
        }
    )


def invalid(errors: dict[str, list[str]]) -> JsonResponse:
    """Field name -> its messages (Finnish), the shape of Django's `form.errors`."""
    return JsonResponse(
        {
            "status": "invalid",
            "errors": {name: [str(m) for m in messages] for name, messages in errors.items()},
        },
        status=400,
    )


def conflict(*, version: int | str, value: str, mine: str) -> JsonResponse:
    """Nothing was written: `value` is what the server holds now, `mine` what this page sent."""
    return JsonResponse({"status": "conflict", "version": version, "value": value, "mine": mine}, status=409)


def gone(message: str, *, status: int = 404) -> JsonResponse:
    return JsonResponse({"status": "gone", "message": str(message)}, status=status)

"""The facilitation mode's data: blocks of timed steps, as the template and static/js/facilitate.js read them.

The contract (docs/facilitation.md):

    {"title": str, "key": str,
     "blocks": [{"title": str, "minutes": int, "note": str,
                 "steps": [{"title": str, "minutes": int, "group": str, "instruction": str}]}]}

A tool is one block with its steps; a meeting plan is many blocks, a tool's block nesting the tool's steps and an
own block (opening, break, own topic) having no steps, which counts as one step. All texts are plain text (the
script and the template escape them); `key` names the browser's saved timer state, so it must differ between
tools and plans.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from toolkit.tools.values import duration_text

_BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|ul|ol|blockquote)>", re.IGNORECASE)
_ITEM = re.compile(r"<li(?:\s[^>]*)?>", re.IGNORECASE)


def rich_text_to_plain(source: str) -> str:
    """A rich-text field's HTML as plain lines: paragraphs and list items on their own lines, items bulleted.

    Works on the stored source (no link expansion, so no queries); the screen shows text, never markup."""
    text = _ITEM.sub("\n• ", source or "")
    text = _BREAKS.sub("\n", text)
    text = html.unescape(strip_tags(text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def tool_steps(tool_page) -> list[dict[str, Any]]:
    """A tool card's steps: an untitled step is called by its number, as on the card's numbered list."""
    steps = []
    for number, block in enumerate((b for b in tool_page.steps if b.block_type == "step"), 1):
        value = block.value
        text = value.get("text")
        steps.append(
            {
                "title": value.get("title") or _("Työvaihe %(n)s") % {"n": number},
                "minutes": int(value.get("minutes") or 0),
                "group": value.grouping_label(),
                "instruction": rich_text_to_plain(getattr(text, "source", text or "")),
            }
        )
    return steps


def tool_blocks(tool_page) -> dict[str, Any]:
    """One tool as facilitation data: one block with the tool's steps. A tool without steps is one step of its
    whole duration, its intro as the instruction."""
    steps = tool_steps(tool_page)
    minutes = sum(step["minutes"] for step in steps) if steps else int(tool_page.duration_minutes or 0)
    return {
        "title": tool_page.title,
        "key": f"tool-{tool_page.pk}",
        "blocks": [tool_block(tool_page, steps=steps, minutes=minutes)],
    }


def fit_steps(steps: list[dict[str, Any]], minutes: int) -> list[dict[str, Any]]:
    """The steps scaled to take `minutes` in all, so that the plan, its agenda, its calendar file and the timer
    show one total (a tool block set to 25 min runs 25 min, not the tool's 30).

    Each step gets its share of `minutes` in proportion to its own minutes, in whole minutes (the largest
    remainders get the minutes left over, earlier steps first on a tie), and at least one minute while another
    step has more than one. A step whose minutes changed keeps what the tool planned in `planned_minutes`, so the
    list can say which steps were shortened or lengthened. Steps that already add up are returned as they are.
    A pure function: the same inputs always give the same steps."""
    minutes = max(0, int(minutes))
    own = [max(0, int(step.get("minutes") or 0)) for step in steps]
    if not steps or sum(own) == minutes:
        return [dict(step) for step in steps]
    weights = own if sum(own) else [1] * len(steps)
    shares = [minutes * w // sum(weights) for w in weights]  # whole numbers: no rounding drift
    order = sorted(range(len(steps)), key=lambda i: (-(minutes * weights[i] % sum(weights)), i))
    for i in order[: minutes - sum(shares)]:
        shares[i] += 1
    # No step shrinks to nothing while another has minutes to spare: the largest gives one (the later on a tie).
    while 0 in shares and max(shares) > 1:
        largest = max(range(len(shares)), key=lambda i: (shares[i], i))
        shares[largest] -= 1
        shares[shares.index(0)] += 1
    fitted = []
    for step, planned, new in zip(steps, own, shares, strict=True):
        fitted.append({**step, "minutes": new, **({"planned_minutes": planned} if new != planned else {})})
    return fitted


def tool_block(tool_page, *, steps: list | None = None, minutes: int | None = None, note: str = "") -> dict:
    """A tool's block, also for a meeting plan: its steps nested, scaled to the block's `minutes` when given
    (fit_steps)."""
    steps = tool_steps(tool_page) if steps is None else steps
    if minutes is None:
        minutes = sum(step["minutes"] for step in steps) if steps else int(tool_page.duration_minutes or 0)
    else:
        steps = fit_steps(steps, minutes)
    return {
        "title": tool_page.title,
        "minutes": minutes,
        "note": note or ("" if steps else tool_page.intro or ""),
        "steps": steps,
    }


def step_minutes(data: dict[str, Any]) -> list[int]:
    """The minutes of each step the timer walks through, in order, as static/js/facilitate.js flattens them: a
    block's steps, or the block itself when it has none."""
    minutes = []
    for block in data["blocks"]:
        steps = block.get("steps") or []
        if steps:
            minutes.extend(int(step["minutes"]) for step in steps)
        else:
            minutes.append(int(block["minutes"]))
    return minutes


def _offset(minutes: int, start: datetime.datetime | None) -> str:
    if start is not None:
        return f"{start + datetime.timedelta(minutes=minutes):%H.%M}"
    hours, rest = divmod(minutes, 60)
    return f"{hours}:{rest:02d}"


def facilitation_context(
    data: dict[str, Any],
    *,
    back_url: str,
    back_label: str,
    start: datetime.datetime | None = None,
) -> dict[str, Any]:
    """The context of templates/toolkit/facilitate/facilitate.html: the data (for the script) and the same as
    rows with start and end times (for the list that shows without JavaScript and prints). Times are offsets
    from the start (0:05) unless a start time is given (14.05)."""
    rows = []
    at = 0
    for block in data["blocks"]:
        steps = block.get("steps") or []
        block_start = at
        step_rows = []
        for step in steps:
            step_rows.append(
                {**step, "start": _offset(at, start), "end": _offset(at + step["minutes"], start)}
            )
            at += step["minutes"]
        if not steps:
            at += block["minutes"]
        rows.append(
            {
                **block,
                "minutes": at - block_start,
                "start": _offset(block_start, start),
                "end": _offset(at, start),
                "steps": step_rows,
            }
        )
    return {
        "facilitation": data,
        "rows": rows,
        "total_minutes": at,
        "total_text": duration_text(at),
        "back_url": back_url,
        "back_label": back_label,
    }

"""The rule that proposes a meeting plan from an assessment round: a pure function, no database.

docs/meetings.md describes it for teams and editors, docs/decisions/009-team-experiments-and-the-suggestion-rule.md
says why; tests/toolkit/meetings/test_suggest.py pins it on fixed inputs in fi, sv and en. Keep the three in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MIN_TOPIC_MINUTES = 10  # leftover time shorter than this goes to the decision (or the closing) instead
MAX_TOOLS = 2
FOLLOW_UP_MINUTES_EACH = 5
FOLLOW_UP_MAX_MINUTES = 15


@dataclass(frozen=True)
class ToolOption:
    id: int
    title: str
    minutes: int
    group_min: int = 1
    group_max: int | None = None
    # A check-in tool (its slug names one in some language): the opening is the meeting's one check-in.
    check_in: bool = False

    def fits_group(self, size: int) -> bool:
        return self.group_min <= size and (self.group_max is None or size <= self.group_max)


@dataclass(frozen=True)
class WeakStatement:
    """One of the weakest statements of the round, weakest first, with the tools recommended for it."""

    number: int
    text: str
    tools: tuple[ToolOption, ...] = ()


@dataclass(frozen=True)
class SuggestedBlock:
    kind: str  # MeetingBlock.Kind values: "avaus", "tyokalu", "aihe", "lopetus"
    title: str
    minutes: int
    note: str = ""
    tool_id: int | None = None
    results: bool = False  # the block that goes through the round's results (the plan links its slides)


def frame_minutes(minutes: int) -> int:
    """The check-in's, the closing's, the results' and the decision's length each: 5 min in a meeting shorter
    than an hour, else 10."""
    return 5 if minutes < 60 else 10


def _numbers(statements: Sequence[WeakStatement]) -> str:
    return ", ".join(str(statement.number) for statement in statements)


def suggest_blocks(
    *,
    minutes: int,
    group_size: int,
    weak: Sequence[WeakStatement],
    phase_tools: Sequence[ToolOption] = (),
    follow_ups: Sequence[str] = (),
    results: bool = True,
) -> list[SuggestedBlock]:
    """The blocks, in this order, adding up to exactly `minutes` (when it is at least twice the frame):

    1. one check-in (the opening);
    2. the follow-up of `follow_ups`, the running experiments whose follow-up date has come (5 min each, at most
       15), when there are any;
    3. a results block (when `results`: the plan links it to the round's slides);
    4. at most two tools, each for a weakest statement in turn (the first of its recommended tools that fits
       the group and the time left and is not a check-in), its note naming that statement; then, while time
       and the limit allow, tools of the team's phase, their note saying so;
    5. any leftover of at least 10 min as a discussion of the weakest statements no tool was chosen for (with
       less time, the results block's note asks to talk them through there);
    6. a decision block (choose or adjust an experiment), which also takes a shorter leftover;
    7. the closing, last.

    When time is short, the frame blocks are kept first: the decision, then the results, then the follow-up
    (shortened to what is left); the tools take what remains. A check-in tool is never suggested: the opening
    is already one, and one would otherwise sit beside it.
    """
    frame = frame_minutes(minutes)
    if minutes < 2 * frame:
        return [SuggestedBlock(kind="aihe", title=_("Keskustelu"), minutes=minutes)]
    free = minutes - 2 * frame

    def take(wanted: int) -> int:
        nonlocal free
        got = min(wanted, free)
        free -= got
        return got

    decision = take(frame)
    results_minutes = take(frame) if results else 0
    follow_up = take(min(FOLLOW_UP_MINUTES_EACH * len(follow_ups), FOLLOW_UP_MAX_MINUTES))

    picked: list[tuple[ToolOption, str]] = []
    seen: set[int] = set()
    covered: set[int] = set()

    def usable(tool: ToolOption) -> bool:
        return (
            tool.id not in seen
            and not tool.check_in
            and tool.fits_group(group_size)
            and 0 < tool.minutes <= free
        )

    for statement in weak:
        if len(picked) == MAX_TOOLS:
            break
        tool = next((tool for tool in statement.tools if usable(tool)), None)
        if tool is None:
            continue
        seen.add(tool.id)
        covered.add(statement.number)
        free -= tool.minutes
        note = _("Valittu väittämälle %(number)s: %(text)s") % {
            "number": statement.number,
            "text": statement.text,
        }
        picked.append((tool, note))
    for tool in phase_tools:
        if len(picked) == MAX_TOOLS:
            break
        if usable(tool):
            seen.add(tool.id)
            free -= tool.minutes
            picked.append((tool, _("Valittu tiiminne vaiheen työkaluista.")))

    blocks = [SuggestedBlock(kind="avaus", title=_("Avaus ja kuulumiskierros"), minutes=frame)]
    if follow_up:
        blocks.append(
            SuggestedBlock(
                kind="aihe",
                title=_("Kokeilujen seuranta"),
                minutes=follow_up,
                note=_("Miten kokeilu on sujunut, ja mitä siitä on opittu? %(titles)s")
                % {"titles": "; ".join(follow_ups)},
            )
        )
    if results_minutes:
        note = ""
        if weak:
            note = ngettext(
                "Käykää läpi arvioinnin tulokset. Heikoimmaksi arvioitu väittämä: %(numbers)s.",
                "Käykää läpi arvioinnin tulokset. Heikoimmaksi arvioidut väittämät: %(numbers)s.",
                len(weak),
            ) % {"numbers": _numbers(weak)}
            uncovered = [statement for statement in weak if statement.number not in covered]
            if uncovered and free < MIN_TOPIC_MINUTES:
                # No tool and no discussion block of their own: they are talked through here.
                note += " " + _(
                    "Keskustelkaa erityisesti väittämistä, joille ei ole työkalua: %(numbers)s."
                ) % {"numbers": _numbers(uncovered)}
        blocks.append(
            SuggestedBlock(
                kind="aihe", title=_("Arvioinnin tulokset"), minutes=results_minutes, note=note, results=True
            )
        )
    blocks += [
        SuggestedBlock(kind="tyokalu", title=tool.title, minutes=tool.minutes, tool_id=tool.id, note=note)
        for tool, note in picked
    ]
    if free >= MIN_TOPIC_MINUTES:
        uncovered = [statement for statement in weak if statement.number not in covered]
        note = "\n".join(
            _("Väittämä %(number)s: %(text)s") % {"number": s.number, "text": s.text} for s in uncovered
        )
        blocks.append(SuggestedBlock(kind="aihe", title=_("Keskustelu"), minutes=free, note=note))
        free = 0
    if decision:
        blocks.append(
            SuggestedBlock(
                kind="aihe",
                title=_("Päätös: valitaan tai säädetään kokeilu"),
                minutes=decision + free,
                note=_(
                    "Mitä kokeilemme seuraavaksi, kuka pitää huolta ja milloin seuraamme? Kirjatkaa kokeilu työtilan Kokeilut-sivulle."
                ),
            )
        )
    blocks.append(SuggestedBlock(kind="lopetus", title=_("Yhteenveto ja seuraavat askeleet"), minutes=frame))
    return blocks

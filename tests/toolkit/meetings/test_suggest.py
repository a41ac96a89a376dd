"""The suggestion rule of docs/meetings.md on fixed inputs: no database, in Finnish, Swedish and English."""

import pytest
from django.utils import translation

from toolkit.meetings.suggest import SuggestedBlock, ToolOption, WeakStatement, suggest_blocks

RETRO = ToolOption(id=1, title="Retrospektiivi", minutes=45, group_min=3, group_max=12)
PAIRS = ToolOption(id=2, title="Parihaastattelu", minutes=20, group_min=2, group_max=None)
BIG = ToolOption(id=3, title="Tulevaisuustyöpaja", minutes=120, group_min=5)
SMALL = ToolOption(id=4, title="Pikapalaute", minutes=10, group_min=1, group_max=4)
PHASE = ToolOption(id=5, title="Vaiheen työkalu", minutes=30, group_min=1)
CHECK_IN = ToolOption(id=6, title="Check-in ja check-out", minutes=15, check_in=True)
MAP = ToolOption(id=7, title="Vuorovaikutuskartta", minutes=20)

# The case of issue 26: the weakest statements 9, 12 and 2; statement 9's only tool is a check-in.
ISSUE_CASE = [
    WeakStatement(number=9, text="Kerromme toisillemme kuulumisemme", tools=(CHECK_IN,)),
    WeakStatement(number=12, text="Palaute on säännöllistä", tools=(CHECK_IN, PAIRS)),
    WeakStatement(number=2, text="Kokeilemme rohkeasti", tools=(RETRO, MAP)),
]


def shape(blocks):
    return [(b.kind, b.tool_id, b.minutes) for b in blocks]


def test_the_issue_case_in_finnish():
    with translation.override("fi"):
        blocks = suggest_blocks(minutes=60, group_size=6, weak=ISSUE_CASE)
    # 60 − 10 − 10 = 40: decision 10, results 10; 20 left: statement 9 has only a check-in (never suggested),
    # statement 12's PAIRS (20) fits, nothing for statement 2 any more.
    assert shape(blocks) == [
        ("avaus", None, 10),
        ("aihe", None, 10),
        ("tyokalu", 2, 20),
        ("aihe", None, 10),
        ("lopetus", None, 10),
    ]
    opening, results, tool, decision, closing = blocks
    assert opening.title == "Avaus ja kuulumiskierros"
    assert results.results and results.title == "Arvioinnin tulokset"
    assert results.note == (
        "Käykää läpi arvioinnin tulokset. Heikoimmaksi arvioidut väittämät: 9, 12, 2. "
        "Keskustelkaa erityisesti väittämistä, joille ei ole työkalua: 9, 2."
    )
    # The tool's note names the statement it was chosen for (12), not the weakest one.
    assert tool.note == "Valittu väittämälle 12: Palaute on säännöllistä"
    assert decision.title == "Päätös: valitaan tai säädetään kokeilu"
    assert closing.title == "Yhteenveto ja seuraavat askeleet"


def test_the_issue_case_in_swedish():
    with translation.override("sv"):
        blocks = suggest_blocks(minutes=60, group_size=6, weak=ISSUE_CASE)
    assert shape(blocks)[2] == ("tyokalu", 2, 20)
    assert blocks[0].title == "Inledning och lägesrunda"
    assert blocks[1].title == "Bedömningens resultat"
    assert blocks[2].note == "Valt för påstående 12: Palaute on säännöllistä"
    assert blocks[3].title == "Beslut: välj eller justera ett försök"


def test_the_issue_case_in_english_never_puts_the_check_in_tool_in_the_meeting():
    with translation.override("en"):
        blocks = suggest_blocks(minutes=60, group_size=6, weak=ISSUE_CASE)
    assert CHECK_IN.id not in [b.tool_id for b in blocks]
    assert [b.title for b in blocks] == [
        "Opening and check-in round",
        "Assessment results",
        "Parihaastattelu",
        "Decision: choose or adjust an experiment",
        "Summary and next steps",
    ]
    assert blocks[2].note == "Chosen for statement 12: Palaute on säännöllistä"


def test_running_experiments_due_are_followed_up_right_after_the_opening():
    blocks = suggest_blocks(
        minutes=90, group_size=6, weak=ISSUE_CASE, follow_ups=["Aamupalaverit seisten", "Palautekierros"]
    )
    # 90 − 20 = 70: decision 10, results 10, follow-up 2 × 5 = 10; 40 left: PAIRS (20) for 12, MAP (20) for 2.
    assert shape(blocks) == [
        ("avaus", None, 10),
        ("aihe", None, 10),
        ("aihe", None, 10),
        ("tyokalu", 2, 20),
        ("tyokalu", 7, 20),
        ("aihe", None, 10),
        ("lopetus", None, 10),
    ]
    assert blocks[1].title == "Kokeilujen seuranta"
    assert "Aamupalaverit seisten; Palautekierros" in blocks[1].note
    assert blocks[4].note == "Valittu väittämälle 2: Kokeilemme rohkeasti"


def test_follow_up_is_at_most_fifteen_minutes():
    blocks = suggest_blocks(
        minutes=120, group_size=6, weak=[], follow_ups=["a", "b", "c", "d"], results=False
    )
    assert blocks[1].title == "Kokeilujen seuranta" and blocks[1].minutes == 15


def test_leftover_of_ten_minutes_or_more_is_a_discussion_of_the_statements_without_a_tool():
    weak = [WeakStatement(number=4, text="Jaamme osaamista", tools=(SMALL,)), *ISSUE_CASE[:1]]
    blocks = suggest_blocks(minutes=60, group_size=3, weak=weak)
    # 40 − 20 = 20: SMALL (10) for 4, the check-in is skipped; 10 left: a discussion of statement 9.
    assert shape(blocks) == [
        ("avaus", None, 10),
        ("aihe", None, 10),
        ("tyokalu", 4, 10),
        ("aihe", None, 10),
        ("aihe", None, 10),
        ("lopetus", None, 10),
    ]
    assert (
        blocks[3].title == "Keskustelu" and blocks[3].note == "Väittämä 9: Kerromme toisillemme kuulumisemme"
    )


def test_leftover_shorter_than_ten_minutes_goes_to_the_decision():
    weak = [WeakStatement(number=1, text="A", tools=(RETRO,))]
    blocks = suggest_blocks(minutes=85, group_size=6, weak=weak)
    # 85 − 20 = 65: decision 10, results 10, RETRO 45; 0 left. At 90: 5 left goes to the decision.
    assert shape(blocks)[-2] == ("aihe", None, 10)
    longer = suggest_blocks(minutes=90, group_size=6, weak=weak)
    assert shape(longer)[-2] == ("aihe", None, 15)


def test_group_size_and_time_rule_tools_out_and_the_phase_tools_fill_in():
    weak = [WeakStatement(number=1, text="A", tools=(SMALL, BIG))]
    blocks = suggest_blocks(minutes=90, group_size=8, weak=weak, phase_tools=[PHASE])
    assert [(b.tool_id, b.note) for b in blocks if b.kind == "tyokalu"] == [
        (5, "Valittu tiiminne vaiheen työkaluista.")
    ]


def test_a_tool_recommended_twice_is_taken_once_and_at_most_two_tools():
    weak = [WeakStatement(number=n, text=str(n), tools=(PAIRS, RETRO, PHASE)) for n in (1, 2, 3)]
    blocks = suggest_blocks(minutes=240, group_size=6, weak=weak, phase_tools=[PAIRS])
    assert [b.tool_id for b in blocks if b.kind == "tyokalu"] == [2, 1]
    assert sum(b.minutes for b in blocks) == 240


def test_too_short_a_meeting_is_one_discussion():
    assert suggest_blocks(minutes=8, group_size=6, weak=ISSUE_CASE) == [
        SuggestedBlock(kind="aihe", title="Keskustelu", minutes=8)
    ]


@pytest.mark.parametrize("minutes", [10, 15, 20, 30, 45, 60, 75, 90, 120, 480])
@pytest.mark.parametrize("follow_ups", [[], ["Kokeilu"], ["a", "b", "c", "d"]])
def test_the_blocks_always_fill_the_time_exactly_in_the_order(minutes, follow_ups):
    weak = [*ISSUE_CASE, WeakStatement(number=5, text="B", tools=(SMALL, BIG))]
    blocks = suggest_blocks(
        minutes=minutes, group_size=6, weak=weak, phase_tools=[PHASE, BIG], follow_ups=follow_ups
    )
    assert sum(b.minutes for b in blocks) == minutes
    assert all(b.minutes > 0 for b in blocks)
    assert blocks[0].kind == "avaus" and blocks[-1].kind == "lopetus"
    assert [b.kind for b in blocks].count("avaus") == 1
    assert not any(b.tool_id == CHECK_IN.id for b in blocks)
    titles = [b.title for b in blocks]
    order = ["Avaus ja kuulumiskierros", "Kokeilujen seuranta", "Arvioinnin tulokset"]
    present = [t for t in order if t in titles]
    assert titles[: len(present)] == present
    if "Päätös: valitaan tai säädetään kokeilu" in titles:
        assert titles[-2] == "Päätös: valitaan tai säädetään kokeilu"

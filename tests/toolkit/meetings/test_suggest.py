"""The suggestion rule of docs/meetings.md on fixed inputs: no database."""

import pytest

from toolkit.meetings.suggest import SuggestedBlock, ToolOption, suggest_blocks

RETRO = ToolOption(id=1, title="Retrospektiivi", minutes=45, group_min=3, group_max=12)
PAIRS = ToolOption(id=2, title="Parihaastattelu", minutes=20, group_min=2, group_max=None)
BIG = ToolOption(id=3, title="Tulevaisuustyöpaja", minutes=120, group_min=5)
SMALL = ToolOption(id=4, title="Pikapalaute", minutes=10, group_min=1, group_max=4)
PHASE = ToolOption(id=5, title="Vaiheen työkalu", minutes=30, group_min=1)


def shape(blocks):
    return [(b.kind, b.tool_id, b.minutes) for b in blocks]


def test_sixty_minutes_skips_a_tool_too_long_and_gives_the_rest_to_a_topic():
    blocks = suggest_blocks(minutes=60, group_size=6, weak_tools=[RETRO, PAIRS], phase_tools=[PHASE])
    # 60 − 10 − 10 = 40 free: RETRO (45) does not fit, PAIRS (20) does, PHASE (30) no longer does; the 20
    # minutes left become a discussion.
    assert shape(blocks) == [
        ("avaus", None, 10),
        ("tyokalu", 2, 20),
        ("aihe", None, 20),
        ("lopetus", None, 10),
    ]
    assert sum(b.minutes for b in blocks) == 60
    assert blocks[0].title == "Avaus ja kuulumiskierros"


def test_leftover_shorter_than_ten_minutes_goes_to_the_closing():
    blocks = suggest_blocks(minutes=70, group_size=6, weak_tools=[RETRO, PAIRS], phase_tools=[])
    # 50 free: RETRO (45), 5 left: too short for a topic.
    assert shape(blocks) == [("avaus", None, 10), ("tyokalu", 1, 45), ("lopetus", None, 15)]


def test_ninety_minutes_takes_two_tools_in_order_and_a_topic_for_the_rest():
    blocks = suggest_blocks(
        minutes=90,
        group_size=6,
        weak_tools=[PAIRS, RETRO],
        phase_tools=[PHASE],
        focus="Palaute on säännöllistä",
    )
    # 90 − 10 − 10 = 70 free: PAIRS (20) then RETRO (45), 5 left goes to the closing.
    assert shape(blocks) == [
        ("avaus", None, 10),
        ("tyokalu", 2, 20),
        ("tyokalu", 1, 45),
        ("lopetus", None, 15),
    ]
    assert blocks[1].note == "Heikoimmaksi arvioitu väittämä: Palaute on säännöllistä"


def test_thirty_minutes_short_frame_and_the_phase_tool_when_weak_tools_do_not_fit():
    blocks = suggest_blocks(minutes=30, group_size=6, weak_tools=[RETRO, BIG], phase_tools=[PAIRS])
    assert shape(blocks) == [("avaus", None, 5), ("tyokalu", 2, 20), ("lopetus", None, 5)]


def test_group_size_rules_tools_out():
    # SMALL is for at most 4 people, BIG for at least 5; a group of 8 gets neither.
    blocks = suggest_blocks(minutes=60, group_size=8, weak_tools=[SMALL], phase_tools=[PHASE])
    assert shape(blocks) == [
        ("avaus", None, 10),
        ("tyokalu", 5, 30),
        ("aihe", None, 10),
        ("lopetus", None, 10),
    ]
    assert shape(suggest_blocks(minutes=60, group_size=3, weak_tools=[SMALL], phase_tools=[])) == [
        ("avaus", None, 10),
        ("tyokalu", 4, 10),
        ("aihe", None, 30),
        ("lopetus", None, 10),
    ]


def test_no_tool_fits_the_whole_middle_is_a_discussion_of_the_weakest_statement():
    blocks = suggest_blocks(
        minutes=45, group_size=6, weak_tools=[BIG], phase_tools=[], focus="Kokeilemme rohkeasti"
    )
    assert blocks == [
        SuggestedBlock(kind="avaus", title="Avaus ja kuulumiskierros", minutes=5),
        SuggestedBlock(
            kind="aihe",
            title="Keskustelu",
            minutes=35,
            note="Heikoimmaksi arvioitu väittämä: Kokeilemme rohkeasti",
        ),
        SuggestedBlock(kind="lopetus", title="Yhteenveto ja seuraavat askeleet", minutes=5),
    ]


def test_a_tool_recommended_twice_is_taken_once_and_at_most_two_tools():
    blocks = suggest_blocks(
        minutes=240, group_size=6, weak_tools=[PAIRS, PAIRS, RETRO, PHASE], phase_tools=[PAIRS]
    )
    assert [b.tool_id for b in blocks if b.kind == "tyokalu"] == [2, 1]
    assert sum(b.minutes for b in blocks) == 240


@pytest.mark.parametrize("minutes", [15, 30, 45, 60, 75, 90, 120, 480])
def test_the_blocks_always_fill_the_time_exactly(minutes):
    blocks = suggest_blocks(
        minutes=minutes, group_size=6, weak_tools=[RETRO, PAIRS, SMALL], phase_tools=[PHASE, BIG]
    )
    assert sum(b.minutes for b in blocks) == minutes
    assert all(b.minutes > 0 for b in blocks)
    assert blocks[0].kind == "avaus" and blocks[-1].kind == "lopetus"

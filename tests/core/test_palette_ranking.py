"""The command palette's ranking, without Qt: prefix, word start, inside, scattered, section."""

from __future__ import annotations

from desktop_chat.core.palette import PaletteEntry, fuzzy_match, rank


def test_prefix_then_word_start_then_inside_then_scattered_then_section() -> None:
    entries = [
        PaletteEntry("scattered", "Nowhere else we go", "App"),
        PaletteEntry("inside", "Renew the key", "App"),
        PaletteEntry("word", "Open a new tab", "App"),
        PaletteEntry("prefix", "New chat", "App"),
        PaletteEntry("section", "Quit", "Newcomers"),
        PaletteEntry("none", "Stop", "App"),
    ]
    assert [e.action_id for e, _ in rank("new", entries)] == [
        "prefix",
        "word",
        "inside",
        "scattered",
        "section",
    ]


def test_matches_are_case_insensitive_and_give_the_letters_to_highlight() -> None:
    assert fuzzy_match("REGEN", "Regenerate the last reply") is not None
    match = fuzzy_match("regen", "Regenerate the last reply")
    assert match is not None and match.positions == (0, 1, 2, 3, 4)
    scattered = fuzzy_match("nc", "New chat")
    assert scattered is not None and scattered.tier == 3
    assert scattered.positions == (0, 4)  # word starts are preferred
    assert fuzzy_match("xyz", "New chat") is None

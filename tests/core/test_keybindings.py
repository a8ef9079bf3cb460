"""The user's shortcuts: the normaliser, the conflict rules, and the file (no Qt here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_chat.core.keybindings import (
    conflicts,
    effective,
    is_shortcut,
    load_overrides,
    minimal,
    normalize,
    reset,
    save_overrides,
    shortcuts_path,
)


@dataclass(frozen=True)
class Act:
    id: str
    title: str
    shortcuts: tuple[str, ...]
    scope: str = "window"


# A few rows shaped like ui.keymap's (that table is checked against these rules in the UI tests).
ACTIONS = (
    Act("send", "Send the message", ("Return",), "composer"),
    Act("newline", "New line in the message", ("Shift+Return",), "composer"),
    Act("edit_last", "Edit the last question", ("Up",), "composer"),
    Act("stop", "Stop the reply", ("Esc",)),
    Act("regenerate", "Regenerate the last reply", ("Ctrl+R",)),
    Act("new_chat", "New chat", ("Ctrl+N",)),
    Act("search", "Search conversations", ("Ctrl+K",)),
    Act("palette", "Command palette", ("Ctrl+Shift+P",)),
    Act("help", "Keyboard shortcuts", ("F1", "Ctrl+/")),
    Act("settings", "Settings…", ("Ctrl+,",)),
)


# section: the normaliser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ctrl+Shift+P", "Ctrl+Shift+P"),
        ("shift+ctrl+p", "Ctrl+Shift+P"),
        ("SHIFT + CTRL + p", "Ctrl+Shift+P"),
        ("Meta+Alt+Shift+Ctrl+X", "Meta+Ctrl+Alt+Shift+X"),  # Qt's own order
        ("control+option+k", "Ctrl+Alt+K"),
        ("Cmd+K", "Ctrl+K"),  # portable text: Ctrl is Cmd on macOS
        ("Enter", "Return"),
        ("ctrl+enter", "Ctrl+Return"),
        ("Escape", "Esc"),
        ("delete", "Del"),
        ("PageUp", "PgUp"),
        ("f3", "F3"),
        ("shift+f3", "Shift+F3"),
        ("space", "Space"),
        ("Ctrl+,", "Ctrl+,"),
        ("Ctrl++", "Ctrl++"),
        ("+", "+"),
        ("Ctrl+Shift+;", "Ctrl+Shift+;"),
        ("Shift+Backtab", "Shift+Tab"),
        ("ctrl+k, ctrl+c", "Ctrl+K, Ctrl+C"),
        ("Ctrl+,, Ctrl+X", "Ctrl+,, Ctrl+X"),
    ],
)
def test_normalize_gives_one_spelling(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "Ctrl+", "Ctrl+Shift", "Hyper+X", "Shift"])
def test_normalize_refuses_what_is_not_a_shortcut(text: str) -> None:
    with pytest.raises(ValueError):
        normalize(text)
    assert not is_shortcut(text)


def test_shifted_symbols_are_not_caught() -> None:
    """Documented limit: which symbol Shift gives depends on the keyboard layout."""
    assert normalize("Ctrl+Shift+;") != normalize("Ctrl+:")


# section: effective shortcuts


def test_effective_takes_overrides_and_keeps_defaults() -> None:
    bindings = effective(ACTIONS, {"regenerate": ["Ctrl+T"], "help": [], "gone": ["Ctrl+G"]})
    assert bindings["regenerate"] == ("Ctrl+T",)
    assert bindings["help"] == ()
    assert bindings["new_chat"] == ("Ctrl+N",)
    assert "gone" not in bindings
    assert list(bindings) == [a.id for a in ACTIONS]


def test_minimal_drops_overrides_that_repeat_the_default() -> None:
    overrides = {"regenerate": ("ctrl+r",), "help": ("F1",), "new_chat": ("Ctrl+T",)}
    assert minimal(ACTIONS, overrides) == {"help": ("F1",), "new_chat": ("Ctrl+T",)}


# section: conflicts


def test_the_sample_table_has_no_conflict() -> None:
    assert conflicts(ACTIONS, {}) == []


def test_a_taken_key_is_refused_with_the_action_that_has_it() -> None:
    assert conflicts(ACTIONS, {"new_chat": ["Ctrl+R"]}) == [
        "Ctrl+R is already “Regenerate the last reply”."
    ]


def test_keys_are_compared_normalised() -> None:
    assert conflicts(ACTIONS, {"new_chat": ["shift+ctrl+p"]}) == [
        "Ctrl+Shift+P is already “Command palette”."
    ]
    assert conflicts(ACTIONS, {"new_chat": ["Enter"]}) != []


def test_key_text_shows_the_key_as_the_ui_wants() -> None:
    reasons = conflicts(ACTIONS, {"new_chat": ["Ctrl+R"]}, key_text=lambda k: f"[{k}]")
    assert reasons == ["[Ctrl+R] is already “Regenerate the last reply”."]


def test_current_overrides_count_and_a_freed_key_can_be_taken() -> None:
    current = {"regenerate": ("Ctrl+T",)}
    assert conflicts(ACTIONS, {"new_chat": ["Ctrl+R"]}, current) == []
    assert conflicts(ACTIONS, {"search": ["Ctrl+T"]}, current) == [
        "Ctrl+T is already “Regenerate the last reply”."
    ]


def test_resetting_to_a_default_that_was_given_away_is_refused() -> None:
    current = {"regenerate": ("Ctrl+T",), "new_chat": ("Ctrl+R",)}
    assert conflicts(ACTIONS, {"regenerate": ["Ctrl+R"]}, current) == [
        "Ctrl+R is already “New chat”."
    ]


def test_two_proposed_actions_on_one_key() -> None:
    assert conflicts(ACTIONS, {"new_chat": ["Ctrl+T"], "search": ["ctrl+t"]}) == [
        "Ctrl+T is given to both “New chat” and “Search conversations”."
    ]


def test_an_empty_list_means_no_shortcut_and_is_allowed() -> None:
    assert conflicts(ACTIONS, {"stop": [], "help": []}) == []


def test_composer_keys_cannot_go_to_window_actions() -> None:
    """Return, Shift+Return and Up belong to the message box's own actions."""
    assert conflicts(ACTIONS, {"new_chat": ["Shift+Return"]}) == [
        "Shift+Return is already “New line in the message”."
    ]
    reasons = conflicts(ACTIONS, {"new_chat": ["Up"]})
    assert "Up moves the cursor in the message box; it cannot be used for “New chat”." in reasons
    assert "Up is already “Edit the last question”." in reasons


def test_window_keys_cannot_go_to_composer_actions() -> None:
    assert conflicts(ACTIONS, {"send": ["Ctrl+N"]}) == ["Ctrl+N is already “New chat”."]


def test_text_editing_keys_are_refused_for_window_actions_even_when_free() -> None:
    free_return = {"send": ("Ctrl+Return",)}
    assert conflicts(ACTIONS, {"new_chat": ["Return"]}, free_return) == [
        "Return starts a new line or presses the focused button; it cannot be used for “New chat”."
    ]
    assert conflicts(ACTIONS, {"search": ["Ctrl+V"]}) == [
        "Ctrl+V pastes; it cannot be used for “Search conversations”."
    ]
    assert conflicts(ACTIONS, {"new_chat": ["Ctrl+Shift+Tab"]}) == []


def test_composer_actions_may_use_editing_keys() -> None:
    """The message box decides when they apply (Up edits only in an empty box)."""
    assert conflicts(ACTIONS, {"edit_last": ["Down"]}) == []
    assert conflicts(ACTIONS, {"send": ["Ctrl+Return"]}) == []


def test_a_plain_character_types_text() -> None:
    assert conflicts(ACTIONS, {"new_chat": ["n"]}) == [
        "N types text; add Ctrl or Alt to use it for “New chat”."
    ]
    assert conflicts(ACTIONS, {"new_chat": ["Shift+N"]}) != []
    assert conflicts(ACTIONS, {"new_chat": ["Space"]}) != []
    assert conflicts(ACTIONS, {"new_chat": ["Alt+N"]}) == []


def test_one_key_twice_for_one_action() -> None:
    assert conflicts(ACTIONS, {"help": ["F1", "f1"]}) == [
        "F1 is listed twice for “Keyboard shortcuts”."
    ]


def test_a_key_that_starts_another_multi_key_shortcut() -> None:
    assert conflicts(ACTIONS, {"new_chat": ["Ctrl+K, Ctrl+N"]}) == [
        "Ctrl+K, Ctrl+N begins with Ctrl+K, already “Search conversations”."
    ]
    current = {"new_chat": ("Ctrl+T, Ctrl+N",)}
    assert conflicts(ACTIONS, {"search": ["Ctrl+T"]}, current) == [
        "Ctrl+T starts Ctrl+T, Ctrl+N, already “New chat”."
    ]


def test_text_that_is_not_a_shortcut_is_refused() -> None:
    assert conflicts(ACTIONS, {"new_chat": ["Hyper+N"]}) == [
        "“Hyper+N” is not a shortcut: “Hyper” is not a modifier key."
    ]


# section: the file


def test_no_file_means_no_overrides(core_home: Path) -> None:
    assert load_overrides(ACTIONS) == ({}, [])
    assert shortcuts_path() == core_home / "config" / "shortcuts.json"


def test_save_then_load(core_home: Path) -> None:
    path = save_overrides({"regenerate": ("Ctrl+T",), "help": ()})
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "version": 1,
        "shortcuts": {"help": [], "regenerate": ["Ctrl+T"]},
    }
    assert load_overrides(ACTIONS) == ({"regenerate": ("Ctrl+T",), "help": ()}, [])
    assert [p.name for p in path.parent.iterdir()] == ["shortcuts.json"]  # no temp file left


def test_save_refuses_what_is_not_a_shortcut(core_home: Path) -> None:
    with pytest.raises(ValueError):
        save_overrides({"regenerate": ("Ctrl+",)})
    assert not shortcuts_path().exists()


def test_a_corrupt_file_is_kept_aside_and_the_defaults_used(core_home: Path) -> None:
    path = shortcuts_path()
    path.write_text("{not json", encoding="utf-8")
    overrides, problems = load_overrides(ACTIONS)
    assert overrides == {}
    assert problems[0] == "The shortcuts file is not valid; using the default shortcuts."
    kept = [p for p in path.parent.iterdir() if p.name.startswith("shortcuts.json.bad-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert str(kept[0]) in problems[1]
    assert not path.exists()


@pytest.mark.parametrize(
    "data",
    [[], {"shortcuts": {}}, {"version": "1", "shortcuts": {}}, {"version": 1, "shortcuts": []}],
)
def test_a_file_of_the_wrong_shape_is_corrupt(core_home: Path, data: object) -> None:
    shortcuts_path().write_text(json.dumps(data), encoding="utf-8")
    overrides, problems = load_overrides(ACTIONS)
    assert overrides == {} and "not valid" in problems[0]


def test_refused_entries_are_dropped_the_rest_kept_and_the_file_rewritten(
    core_home: Path,
) -> None:
    path = shortcuts_path()
    table = {
        "regenerate": ["Ctrl+T"],
        "gone": ["Ctrl+G"],
        "new_chat": ["Ctrl+T"],  # conflicts with the line above
        "search": "Ctrl+J",  # not a list
        "stop": ["Ctrl+"],  # not a shortcut
        "help": [],
    }
    path.write_text(json.dumps({"version": 1, "shortcuts": table}), encoding="utf-8")
    overrides, problems = load_overrides(ACTIONS)
    assert overrides == {"regenerate": ("Ctrl+T",), "help": ()}
    assert problems[:4] == [
        "There is no action “gone”; its shortcuts were ignored.",
        "The shortcuts of “New chat” were ignored: Ctrl+T is already “Regenerate the last reply”.",
        "The shortcuts of “Search conversations” must be a list of texts; ignored.",
        "“Ctrl+” for “Stop the reply” is not a shortcut; ignored.",
    ]
    assert problems[4].startswith("The old file was kept as ")
    assert json.loads(path.read_text(encoding="utf-8"))["shortcuts"] == {
        "regenerate": ["Ctrl+T"],
        "help": [],
    }
    assert load_overrides(ACTIONS) == (overrides, [])


def test_a_newer_file_is_read_and_said_so(core_home: Path) -> None:
    data = {"version": 2, "shortcuts": {"regenerate": ["Ctrl+T"]}}
    shortcuts_path().write_text(json.dumps(data), encoding="utf-8")
    overrides, problems = load_overrides(ACTIONS)
    assert overrides == {"regenerate": ("Ctrl+T",)}
    assert problems[0] == "The shortcuts file comes from a newer version of the app."


def test_without_the_table_only_the_shape_is_checked(core_home: Path) -> None:
    save_overrides({"gone": ("Ctrl+G",), "new_chat": ("Ctrl+R",)})
    assert load_overrides() == ({"gone": ("Ctrl+G",), "new_chat": ("Ctrl+R",)}, [])


def test_reset_forgets_every_override(core_home: Path) -> None:
    save_overrides({"regenerate": ("Ctrl+T",)})
    reset()
    assert not shortcuts_path().exists()
    assert load_overrides(ACTIONS) == ({}, [])
    reset()  # nothing to forget is fine

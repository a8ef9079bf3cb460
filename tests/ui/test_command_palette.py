"""The command palette, driven by keys: fuzzy search, Enter runs, Esc closes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QWidget

from desktop_chat.core.keymap import ACTIONS
from desktop_chat.core.palette import PaletteEntry, palette_entries
from desktop_chat.ui.command_palette import CommandPalette, native_text, shortcut_texts

# The palette is a Qt.Popup: Qt raises it and grabs the keyboard, which the offscreen platform
# cannot do, and says so. Not our bug (the real X server does both).
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support grabbing the keyboard", "This plugin does not support raise"
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: Any) -> QMainWindow:
    win = QMainWindow()
    win.setCentralWidget(QPlainTextEdit())
    win.resize(1000, 700)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_palette(qtbot: Any, window: QWidget, entries: list[PaletteEntry]) -> CommandPalette:
    palette = CommandPalette(entries, window)
    qtbot.addWidget(palette)
    palette.popup()
    qtbot.waitExposed(palette)
    return palette


@pytest.fixture
def palette(qtbot: Any, window: QMainWindow) -> CommandPalette:
    entries = palette_entries(ACTIONS, enabled=lambda action_id: action_id != "continue")
    return open_palette(qtbot, window, entries)


def test_an_empty_query_lists_every_action_in_table_order(palette: CommandPalette) -> None:
    assert palette.visible_ids() == [a.id for a in ACTIONS]


def test_typing_regen_ranks_regenerate_first(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClicks(palette.search, "regen")
    assert palette.visible_ids()[0] == "regenerate"
    entry = palette.current_entry()
    assert entry is not None and entry.title == "Regenerate the last reply"


def test_the_focus_is_in_the_search_box(palette: CommandPalette) -> None:
    assert palette.search.hasFocus()


# section: keys


def test_enter_emits_triggered_and_closes(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClicks(palette.search, "regen")
    with qtbot.waitSignal(palette.triggered, timeout=1000) as blocker:
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert blocker.args == ["regenerate"]
    assert not palette.isVisible()


def test_esc_closes_without_running_anything(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClicks(palette.search, "regen")
    with qtbot.assertNotEmitted(palette.triggered):
        qtbot.keyClick(palette.search, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_its_own_shortcut_closes_it(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClick(palette.search, Qt.Key.Key_P, CTRL | SHIFT)
    assert not palette.isVisible()


def test_up_and_down_choose_and_wrap_around(qtbot: Any, palette: CommandPalette) -> None:
    ids = palette.visible_ids()
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    assert palette.current_entry() == palette_entries(ACTIONS)[1]
    qtbot.keyClick(palette.search, Qt.Key.Key_Up)
    qtbot.keyClick(palette.search, Qt.Key.Key_Up)
    current = palette.current_entry()
    assert current is not None and current.action_id == ids[-1]
    with qtbot.waitSignal(palette.triggered, timeout=1000) as blocker:
        qtbot.keyClick(palette.search, Qt.Key.Key_Enter)
    assert blocker.args == [ids[-1]]


def test_a_disabled_entry_is_listed_but_does_not_run(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClicks(palette.search, "continue a cut")
    assert palette.visible_ids() == ["continue"]
    entry = palette.current_entry()
    assert entry is not None and not entry.enabled
    with qtbot.assertNotEmitted(palette.triggered):
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert palette.isVisible()


def test_the_first_enabled_match_is_chosen(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClicks(palette.search, "co")
    assert palette.visible_ids()[0] == "continue"  # disabled: listed first, not chosen
    current = palette.current_entry()
    assert current is not None and current.enabled


def test_no_match_says_so_and_enter_does_nothing(qtbot: Any, palette: CommandPalette) -> None:
    qtbot.keyClicks(palette.search, "zzzz")
    assert palette.visible_ids() == []
    assert palette.empty.isVisible() and not palette.list.isVisible()
    with qtbot.assertNotEmitted(palette.triggered):
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    qtbot.keyClick(palette.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(palette.search, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(palette.search, Qt.Key.Key_Delete)
    assert len(palette.visible_ids()) == len(ACTIONS)


# section: what it shows


def test_each_row_says_its_shortcut(palette: CommandPalette) -> None:
    rows = {
        palette.list.item(i).data(Qt.ItemDataRole.UserRole).action_id: palette.list.item(i)
        for i in range(palette.list.count())
    }
    spoken = rows["regenerate"].data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"Regenerate the last reply, {native_text('Ctrl+R')}"
    assert (
        rows["help"]
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .endswith(f"{native_text('F1')} or {native_text('Ctrl+/')}")
    )
    assert rows["continue"].data(Qt.ItemDataRole.AccessibleTextRole).endswith("unavailable now")


def test_the_shortcuts_in_force_are_shown(qtbot: Any, window: QMainWindow) -> None:
    entries = palette_entries(ACTIONS, {"regenerate": ("Ctrl+T",), "stop": ()})
    by_id = {e.action_id: e for e in entries}
    assert by_id["regenerate"].shortcuts == ("Ctrl+T",)
    assert shortcut_texts(by_id["stop"]) == []
    assert by_id["new_chat"].shortcuts == ("Ctrl+N",)


def test_opens_600_wide_centred_near_the_top(palette: CommandPalette, window: QMainWindow) -> None:
    assert palette.width() == 600
    frame = window.geometry()
    assert abs(palette.geometry().center().x() - frame.center().x()) <= 1
    assert frame.top() < palette.geometry().top() < frame.top() + 100


def test_every_part_has_an_accessible_name(palette: CommandPalette) -> None:
    for widget in [palette, palette.search, palette.list, palette.empty]:
        assert widget.accessibleName()
    description = palette.search.accessibleDescription()
    assert description.startswith("Send the message")  # the chosen row, read aloud

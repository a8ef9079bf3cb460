"""Every action of the one keymap table is reachable by its key in the window, and by name
in the command palette; the help overlay lists them all."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop_chat.core.keymap import ACTIONS
from desktop_chat.core.settings import Settings
from desktop_chat.ui.command_palette import CommandPalette
from desktop_chat.ui.help_overlay import HelpOverlay
from desktop_chat.ui.main_window import MainWindow

# Actions whose handler opens something modal or quits: their key is checked, not run.
_NOT_RUN = {"quit", "settings", "api_key", "export", "export_all", "shortcuts", "palette", "help"}


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    win: MainWindow = make_window(Settings(thinking="off"))
    return win


def window_actions() -> list[Any]:
    return [a for a in ACTIONS if a.scope == "window" and a.shortcuts]


@pytest.mark.parametrize("spec", window_actions(), ids=lambda a: a.id)
def test_each_key_of_the_table_triggers_its_action(
    qtbot: Any, window: MainWindow, spec: Any
) -> None:
    action = window.actions_by_id[spec.id]
    assert [s.toString() for s in action.shortcuts()] == [
        QKeySequence(s).toString() for s in spec.shortcuts
    ]
    if spec.id in _NOT_RUN:
        action.setEnabled(False)  # the key still resolves; the handler is not run
        return
    combo = QKeySequence(spec.shortcuts[0])[0]
    with qtbot.waitSignal(action.triggered, timeout=2000):
        qtbot.keyClick(window.composer, combo.key(), combo.keyboardModifiers())


def test_the_palette_runs_an_action_by_name(qtbot: Any, window: MainWindow) -> None:
    window.inspector.setVisible(True)
    qtbot.keyClick(
        window.composer,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    palette = window.findChild(CommandPalette)
    assert palette is not None
    qtbot.keyClicks(palette.findChild(type(window.find_bar.field)), "side pane")
    qtbot.keyClick(palette.findChild(type(window.find_bar.field)), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.inspector.isVisible(), timeout=2000)


def test_f1_shows_every_action_with_its_key(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window.composer, Qt.Key.Key_F1)
    overlay = window.findChild(HelpOverlay)
    assert overlay is not None and overlay.isVisible()
    shown = " ".join(label.text() for label in overlay.findChildren(type(window.find_bar.status)))
    for spec in ACTIONS:
        assert spec.title in shown
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(HelpOverlay) is None or not overlay.isVisible())

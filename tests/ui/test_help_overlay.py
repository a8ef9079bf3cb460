"""The shortcut help overlay: every action of the keymap, by section, closed by keys."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow

from desktop_chat.core.keymap import ACTIONS
from desktop_chat.core.palette import palette_entries
from desktop_chat.ui.command_palette import native_text
from desktop_chat.ui.help_overlay import HelpOverlay


class Window(QMainWindow):
    """A window with a text box and the window shortcuts the overlay must not set off."""

    def __init__(self) -> None:
        super().__init__()
        self.box = QLineEdit(self)
        self.box.setAccessibleName("Box")
        self.setCentralWidget(self.box)
        self.fired: list[str] = []
        for spec in ACTIONS:
            if spec.scope == "window":
                action = QAction(spec.title, self)
                action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
                action.triggered.connect(lambda _=False, i=spec.id: self.fired.append(i))
                self.addAction(action)


@pytest.fixture
def window(qtbot: Any) -> Window:
    win = Window()
    win.resize(1000, 800)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.box.setFocus()
    return win


@pytest.fixture
def overlay(qtbot: Any, window: Window) -> HelpOverlay:
    help_overlay = HelpOverlay(palette_entries(ACTIONS), window)
    help_overlay.open()
    qtbot.waitUntil(help_overlay.hasFocus)
    return help_overlay


def test_lists_every_action_with_its_shortcuts(overlay: HelpOverlay) -> None:
    assert list(overlay.rows) == [a.id for a in ACTIONS]
    for action in ACTIONS:
        title, caps = overlay.rows[action.id]
        assert title.text() == action.title
        assert [cap.text() for cap in caps] == [native_text(s) for s in action.shortcuts]
        assert all(cap.isVisible() for cap in caps)
    _, help_caps = overlay.rows["help"]
    assert [c.text() for c in help_caps] == [native_text("F1"), native_text("Ctrl+/")]


def test_groups_by_section_in_table_order(overlay: HelpOverlay) -> None:
    sections = list(dict.fromkeys(a.section for a in ACTIONS))
    assert list(overlay.section_boxes) == sections
    for action in ACTIONS:
        title, _ = overlay.rows[action.id]
        assert title.parent() is overlay.section_boxes[action.section]
    for name, box in overlay.section_boxes.items():
        headings = [w.text() for w in box.children() if w.objectName() == "help_section_heading"]
        assert headings == [name]


def test_shows_the_shortcuts_in_force(qtbot: Any, window: Window) -> None:
    entries = palette_entries(ACTIONS, {"regenerate": ("Ctrl+T",), "stop": ()})
    overlay = HelpOverlay(entries, window)
    overlay.open()
    assert [c.text() for c in overlay.rows["regenerate"][1]] == [native_text("Ctrl+T")]
    title, caps = overlay.rows["stop"]
    assert caps == [] and title.accessibleName() == "Stop the reply: no shortcut"


def test_covers_the_window_and_follows_its_size(
    qtbot: Any, window: Window, overlay: HelpOverlay
) -> None:
    assert overlay.geometry() == window.rect()
    window.resize(900, 640)
    qtbot.waitUntil(lambda: overlay.geometry() == window.rect())
    assert window.rect().contains(overlay.panel.geometry())


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_esc_f1_and_ctrl_slash_close_it_and_nothing_else_runs(
    qtbot: Any, window: Window, overlay: HelpOverlay, key: Qt.Key, modifiers: Any
) -> None:
    with qtbot.waitSignal(overlay.closed, timeout=1000):
        qtbot.keyClick(overlay, key, modifiers)
    assert not overlay.isVisible()
    assert window.fired == []  # Esc did not stop a reply, F1 did not open help again
    assert window.box.hasFocus()  # the focus went back where it was


def test_a_click_closes_it(qtbot: Any, overlay: HelpOverlay) -> None:
    with qtbot.waitSignal(overlay.closed, timeout=1000):
        qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()


def test_tab_keeps_the_focus_on_it(qtbot: Any, overlay: HelpOverlay) -> None:
    qtbot.keyClick(overlay, Qt.Key.Key_Tab)
    assert overlay.hasFocus() and overlay.isVisible()


def test_a_short_window_scrolls_by_keys(qtbot: Any, window: Window) -> None:
    window.resize(QSize(900, 360))
    overlay = HelpOverlay(palette_entries(ACTIONS), window)
    overlay.open()
    bar = overlay.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(overlay, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(overlay, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(overlay, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_has_an_accessible_name_and_a_focus_ring(overlay: HelpOverlay) -> None:
    assert overlay.accessibleName() == "Keyboard shortcuts"
    assert overlay.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert overlay.rows["regenerate"][0].accessibleName() == (
        f"Regenerate the last reply: {native_text('Ctrl+R')}"
    )

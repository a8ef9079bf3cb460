"""What assistive technology gets: announcements of a reply's end, errors and retries (never
one per delta), named controls, the side pane's figures, and the chat's font size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.ui.announcer import spoken_text
from desktop_chat.ui.main_window import MainWindow


def ask(qtbot: Any, window: MainWindow, text: str) -> None:
    qtbot.keyClicks(window.composer, text)
    qtbot.keyClick(window.composer, Qt.Key.Key_Return)


def test_a_finished_reply_is_announced_once_with_its_text(qtbot: Any, make_window: Any) -> None:
    window: MainWindow = make_window(Settings(thinking="off"))
    said: list[tuple[str, bool]] = []
    window.announcer.announced.connect(lambda text, assertive: said.append((text, assertive)))
    deltas: list[str] = []
    window.controller.text_delta.connect(lambda _i, text: deltas.append(text))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000) as finished:
        ask(qtbot, window, "Hello there")
    message = finished.args[0]
    assert len(deltas) > 5  # it streamed in many pieces...
    assert said == [(f"Claude replied: {spoken_text(message.text)}", False)]  # ...said once
    assert "You said: “Hello there”. I'm the offline demo" in said[0][0]  # words, no Markdown


def test_an_error_is_announced_at_once(qtbot: Any, make_window: Any) -> None:
    window: MainWindow = make_window(Settings(thinking="off"))
    said: list[tuple[str, bool]] = []
    window.announcer.announced.connect(lambda text, assertive: said.append((text, assertive)))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000):
        ask(qtbot, window, "demo:http529 hello")
    assert said and said[0][1] is True and said[0][0].startswith("The reply failed: ")
    assert "overloaded" in said[0][0]


def test_a_retry_countdown_is_announced_when_it_starts_not_every_second(
    qtbot: Any, make_window: Any
) -> None:
    window: MainWindow = make_window(Settings(thinking="off"), retries=True)
    window.controller.retry_policy = RetryPolicy(base_s=2.2, jitter=0)
    said: list[str] = []
    window.announcer.announced.connect(lambda text, _assertive: said.append(text))
    ticks: list[str] = []
    window.controller.retry_countdown.connect(ticks.append)
    ask(qtbot, window, "demo:error_event_once hello")
    qtbot.waitUntil(lambda: len(ticks) >= 3 and ticks[-1] == "", timeout=15000)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10000)
    countdowns = [text for text in said if "Retrying" in text]
    assert len([t for t in ticks if t]) >= 2 and len(countdowns) == 1
    assert said[-1].startswith("Claude replied: ")


def test_the_side_pane_figures_are_named_and_carry_their_values(
    qtbot: Any, make_window: Any
) -> None:
    window: MainWindow = make_window(Settings(thinking="off"))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000):
        ask(qtbot, window, "Hello there")
    stop = window.inspector.values["stop_reason"]
    tokens = window.inspector.values["output_tokens"]
    assert (stop.accessibleName(), stop.accessibleDescription()) == ("Stop reason", "end_turn")
    assert tokens.accessibleName() == "Output tokens"
    assert int(tokens.accessibleDescription().replace(",", "")) > 0


def test_the_chat_text_grows_and_shrinks_with_keys_and_is_remembered(
    qtbot: Any, make_window: Any
) -> None:
    from desktop_chat.core.settings import load_settings

    window: MainWindow = make_window(Settings(thinking="off"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # (window shortcuts need an active window)
    usual = window.chat_view.font().pointSizeF()
    for _ in range(3):
        qtbot.keyClick(window.composer, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.chat_view.font().pointSizeF() == round(usual) + 3
    assert window.composer.font().pointSizeF() == round(usual) + 3
    qtbot.keyClick(window.composer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert load_settings()[0].chat_font_pt == round(usual) + 2  # kept for the next start

    again: MainWindow = make_window(load_settings()[0])
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    assert again.chat_view.font().pointSizeF() == round(usual) + 2
    qtbot.keyClick(again.composer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.chat_view.font().pointSizeF() == usual
    assert load_settings()[0].chat_font_pt == 0


def unnamed_controls(root: Any) -> list[str]:
    """Every focusable control under ``root`` that a screen reader could not name."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QKeySequenceEdit,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    kinds = (
        QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
        QPlainTextEdit, QTextEdit,
    )  # fmt: skip
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        owner, inside = widget.parent(), False
        while owner is not None:
            inside = inside or isinstance(owner, (QAbstractSpinBox, QComboBox, QKeySequenceEdit))
            owner = owner.parent()
        if inside:
            continue  # the parts of a spin box, a combo box or a key editor: named by it
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_control_of_the_window_and_its_dialogs_has_a_name(
    qtbot: Any, make_window: Any
) -> None:
    from desktop_chat.core.keymap import ACTIONS
    from desktop_chat.core.models import FALLBACK_MODELS
    from desktop_chat.ui.key_dialog import KeyDialog
    from desktop_chat.ui.settings_dialog import SettingsDialog
    from desktop_chat.ui.shortcuts_editor import ShortcutsEditor

    window: MainWindow = make_window(Settings(thinking="off"), store=True, drafts=True)
    roots = [
        window,
        SettingsDialog(Settings(), FALLBACK_MODELS),
        KeyDialog(lambda _key: None),
        ShortcutsEditor(ACTIONS),
    ]
    for root in roots[1:]:
        qtbot.addWidget(root)
    assert {type(r).__name__: unnamed_controls(r) for r in roots} == {
        type(r).__name__: [] for r in roots
    }


def test_tab_goes_through_the_window_from_left_to_right(qtbot: Any, make_window: Any) -> None:
    window: MainWindow = make_window(Settings(thinking="off"), store=True, drafts=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.composer.setFocus()
    qtbot.waitUntil(window.composer.hasFocus)
    order = []
    for _ in range(6):
        focused = window.focusWidget()
        order.append(focused.accessibleName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert order == [
        "Message",
        "Reply details",
        "Search conversations",
        "New chat",
        "Conversation",
        "Message",
    ]


def test_the_message_list_says_who_wrote_what_and_how_it_stands(
    qtbot: Any, make_window: Any
) -> None:
    window: MainWindow = make_window(Settings(thinking="off"))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000):
        ask(qtbot, window, "demo:http529 hello")
    listed = window.message_list
    rows = [
        (listed.item(i).text(), listed.item(i).data(Qt.ItemDataRole.AccessibleDescriptionRole))
        for i in range(listed.count())
    ]
    assert rows[0] == ("You: demo:http529 hello", "sent")
    assert rows[1][0].startswith("Claude: ") and rows[1][1] == "failed"
    assert listed.accessibleName() == "Messages"
    assert listed.focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab never stops in it

"""Regenerate, edit and resend, continue, flip variants, copy: by keys, against the server."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_chat.core.conversation import Status
from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    return win


def send(qtbot: Any, win: MainWindow, text: str) -> Any:
    qtbot.keyClicks(win.composer, text)
    return finish(qtbot, win, lambda: qtbot.keyClick(win.composer, Qt.Key.Key_Return))


def finish(qtbot: Any, win: MainWindow, action: Any) -> Any:
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000) as blocker:
        action()
    qtbot.waitUntil(lambda: not win.controller.busy, timeout=3000)
    return blocker.args[0]


def test_ctrl_r_regenerates_and_alt_arrows_flip_between_variants(
    qtbot: Any, window: MainWindow
) -> None:
    first = send(qtbot, window, "Tell me about tea")
    second = finish(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_R, CTRL))

    conversation = window.controller.conversation
    assert second.id != first.id and second.parent_id == first.parent_id
    assert [m.id for m in conversation.path()][-1] == second.id
    assert "Variant 2 of 2" in window.chat_view.toPlainText()

    qtbot.keyClick(window.composer, Qt.Key.Key_Left, ALT)
    assert conversation.path()[-1].id == first.id
    assert "Variant 1 of 2" in window.chat_view.toPlainText()
    qtbot.keyClick(window.composer, Qt.Key.Key_Right, ALT)
    assert conversation.path()[-1].id == second.id

    saved = window.controller.store.load(conversation.id)  # type: ignore[union-attr]
    assert {m.id for m in saved.messages} >= {first.id, second.id}
    assert saved.current_id == second.id


def test_up_edits_the_last_question_and_keeps_the_old_turns_as_a_branch(
    qtbot: Any, window: MainWindow, api_server: Any
) -> None:
    send(qtbot, window, "What is 2+2?")
    old_question, old_reply = window.controller.conversation.path()

    qtbot.keyClick(window.composer, Qt.Key.Key_Up)
    assert window.composer.toPlainText() == "What is 2+2?"
    qtbot.keyClick(window.composer, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.composer, Qt.Key.Key_Backspace)
    qtbot.keyClicks(window.composer, "3?")
    new_reply = finish(qtbot, window, lambda: qtbot.keyClick(window.composer, Qt.Key.Key_Return))

    conversation = window.controller.conversation
    question, reply = conversation.path()
    assert question.text == "What is 2+3?" and reply.id == new_reply.id
    assert question.parent_id == old_question.parent_id  # a sibling: a branch
    assert {old_question.id, old_reply.id} <= {m.id for m in conversation.messages}
    sent = api_server.requests[-1].body["messages"]
    assert [m["content"][0]["text"] for m in sent] == ["What is 2+3?"]
    assert "Version 2 of 2" in window.chat_view.toPlainText()


def test_esc_cancels_an_edit_without_sending(qtbot: Any, window: MainWindow) -> None:
    send(qtbot, window, "Hello there")
    qtbot.keyClick(window.composer, Qt.Key.Key_Up)
    qtbot.keyClick(window.composer, Qt.Key.Key_Escape)
    assert window.composer.toPlainText() == ""
    assert len(window.controller.conversation.messages) == 2


def test_ctrl_shift_enter_continues_a_reply_cut_at_max_tokens(
    qtbot: Any, window: MainWindow
) -> None:
    window.controller.settings.max_tokens = 20
    cut = send(qtbot, window, "Explain monads")
    assert cut.stop_reason == "max_tokens"
    assert "Ctrl+Shift+Enter continues" in window.chat_view.toPlainText()

    window.controller.settings.max_tokens = 4000
    whole = finish(
        qtbot, window, lambda: qtbot.keyClick(window.composer, Qt.Key.Key_Return, CTRL | SHIFT)
    )

    path = window.controller.conversation.path()
    assert len(path) == 2 and path[-1].id == cut.id  # one reply, carried on
    assert whole.status is Status.COMPLETE and whole.stop_reason == "end_turn"
    assert whole.text.startswith(cut.text.rstrip()) and len(whole.text) > len(cut.text) + 100
    join = len(cut.text.rstrip())
    assert whole.text[join : join + 2] != "  "  # the cut's trailing space is not doubled
    assert "Ctrl+Shift+Enter continues" not in window.chat_view.toPlainText()
    saved = window.controller.store.load(window.controller.conversation.id)  # type: ignore[union-attr]
    assert saved.messages[-1].text == whole.text


def test_copy_last_reply_and_last_code_block(qtbot: Any, window: MainWindow) -> None:
    reply = send(qtbot, window, "demo:markdown show me code")
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == reply.text
    qtbot.keyClick(window, Qt.Key.Key_Semicolon, CTRL | SHIFT)
    copied = QGuiApplication.clipboard().text()
    assert copied and "```" not in copied and copied in reply.text


def test_ctrl_f_finds_text_in_the_conversation(qtbot: Any, window: MainWindow) -> None:
    send(qtbot, window, "Find the word pineapple later")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "pineapple")
    assert window.chat_view.textCursor().selectedText() == "pineapple"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.composer.hasFocus()

"""The chat window driven by keys, against the embedded server through the real SDK."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_chat.core.conversation import Conversation, Status
from desktop_chat.core.settings import Settings
from desktop_chat.ui.controller import ChatController
from desktop_chat.ui.main_window import MainWindow


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    win: MainWindow = make_window()
    return win


def send(qtbot: Any, win: MainWindow, text: str) -> Any:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000) as blocker:
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    return blocker.args[0]


def test_enter_sends_and_the_reply_and_its_figures_appear(qtbot: Any, window: MainWindow) -> None:
    message = send(qtbot, window, "What is a monad?")

    assert message.status is Status.COMPLETE
    shown = window.chat_view.toPlainText()
    assert "What is a monad?" in shown
    words = [w for w in message.text.split() if w.isalpha() and len(w) > 6]
    assert words and all(w in shown for w in words)  # rendered: the words, not the markup
    assert window.composer.toPlainText() == ""
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=2000)
    assert "Enter to send" in window.composer.placeholderText()
    values = {k: v.text() for k, v in window.inspector.values.items()}
    assert values["stop_reason"] == "end_turn"
    assert int(values["input_tokens"].replace(",", "")) > 0
    assert int(values["output_tokens"].replace(",", "")) > 0
    assert values["ttft"].endswith(" ms")
    assert float(values["tps"]) > 0
    assert values["request_id"].startswith("req_")
    thinking = [s for s in window.inspector.sections.values() if s.objectName() == "thinking"]
    assert thinking and thinking[0].body.toPlainText() == message.content[0]["thinking"]


def test_shift_enter_breaks_the_line_and_whitespace_is_not_sent(
    qtbot: Any, window: MainWindow, api_server: Any
) -> None:
    before = len(api_server.requests)
    qtbot.keyClicks(window.composer, "   ")
    qtbot.keyClick(window.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert window.composer.toPlainText() == "   \n"
    assert len(api_server.requests) == before
    assert window.controller.conversation.messages == []


def test_esc_stops_the_reply_and_keeps_what_arrived(
    qtbot: Any, window: MainWindow, api_server: Any
) -> None:
    window.controller.settings.thinking = "off"
    qtbot.keyClicks(window.composer, "demo:slow tell me a long story")
    qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: len(window.chat_view.toPlainText().partition("Claude")[2].strip()) > 10,
        timeout=10000,
    )
    with qtbot.waitSignal(window.controller.reply_finished, timeout=3000) as blocker:
        qtbot.keyClick(window.composer, Qt.Key.Key_Escape)
    message = blocker.args[0]

    assert message.status is Status.INTERRUPTED
    assert message.text and message.text in window.chat_view.toPlainText().replace("\n", "")
    assert "Stopped" in window.chat_view.toPlainText()
    assert not window.controller.busy


def test_a_fault_mid_stream_is_said_in_the_window_with_the_text_kept(
    qtbot: Any, window: MainWindow
) -> None:
    message = send(qtbot, window, "demo:drop hello")

    assert message.status is Status.ERROR
    assert message.text
    shown = window.chat_view.toPlainText()
    assert "The connection dropped in the middle of the reply" in shown
    assert "Traceback" not in shown


def test_a_follow_up_continues_the_conversation(
    qtbot: Any, window: MainWindow, api_server: Any
) -> None:
    first = send(qtbot, window, "First question")
    second = send(qtbot, window, "Second question")

    assert second.status is Status.COMPLETE
    sent = api_server.requests[-1].body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "user"]
    assert sent[1]["content"] == first.content


def test_without_a_key_the_window_says_how_to_add_one(
    qtbot: Any, qt_loop: asyncio.AbstractEventLoop
) -> None:
    ready: asyncio.Future[None] = qt_loop.create_future()
    ready.set_result(None)  # start-up finished: the SDK loaded, and no key was found
    controller = ChatController(Conversation(), Settings(), lambda: None, ready)
    win = MainWindow(controller)
    qtbot.addWidget(win)
    qtbot.keyClicks(win.composer, "hello")
    qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ANTHROPIC_API_KEY" in win.chat_view.toPlainText(), timeout=3000)
    assert "Ctrl+Shift+K" in win.chat_view.toPlainText()
    assert win.composer.toPlainText() == "hello"  # nothing typed is lost
    assert controller.conversation.messages == []


def test_choices_made_in_settings_reach_the_request(
    qtbot: Any, window: MainWindow, api_server: Any
) -> None:
    from desktop_chat.ui.settings_dialog import SettingsDialog

    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.model_combo.setFocus()
    dialog.model_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.model_combo.lineEdit(), "claude-opus-4-8")  # takes a budget
    dialog.thinking.setCurrentIndex(dialog.thinking.findData("enabled"))
    dialog.thinking_budget.lineEdit().selectAll()
    qtbot.keyClicks(dialog.thinking_budget.lineEdit(), "2048")
    dialog.effort.setCurrentIndex(dialog.effort.findData("low"))
    qtbot.keyClicks(dialog.system_prompt, "Answer like a pirate.")
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)

    send(qtbot, window, "Hello")

    body = api_server.requests[-1].body
    assert body["model"] == "claude-opus-4-8"
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert body["output_config"] == {"effort": "low"}
    assert body["system"] == "Answer like a pirate."


@pytest.mark.parametrize(
    ("scenario", "words", "keeps_text"),
    [
        ("error_event", "The API is overloaded right now.", True),
        ("api_error_event", "The API had an internal error.", True),
        ("drop", "The connection dropped in the middle of the reply.", True),
        ("stall", "The reply stalled: no data arrived in time.", True),
        ("no_stop", "The connection ended before the reply was complete.", True),
        ("malformed", "The API sent a response this app could not read.", True),
        ("http401", "The API key was not accepted.", False),
        ("http429", "Rate limit reached", False),
        ("http529", "The API is overloaded right now.", False),
        ("http500", "The API failed (HTTP 500).", False),
    ],
)
def test_every_fault_ends_with_plain_words_in_the_window(
    qtbot: Any, window: MainWindow, scenario: str, words: str, keeps_text: bool
) -> None:
    window.controller.settings.timeout_s = 1.0
    window.controller.settings.max_retries = 0
    message = send(qtbot, window, f"demo:{scenario} hello")

    shown = window.chat_view.toPlainText()
    assert words in shown
    assert "Traceback" not in shown and "test-key" not in shown
    assert message.status in (Status.ERROR, Status.INTERRUPTED)
    if keeps_text:
        last_word = message.text.split()[-1].strip("`*_.,") if message.text else ""
        assert last_word and last_word in shown  # drawn, Markdown marks aside


def test_a_second_send_while_the_first_starts_is_refused(qtbot: Any, window: MainWindow) -> None:
    assert window.controller.send("first")
    assert not window.controller.send("second")  # before the first turn's task even ran
    with qtbot.waitSignal(window.controller.reply_finished, timeout=10000):
        pass
    assert [m.text for m in window.controller.conversation.messages if m.role == "user"] == [
        "first"
    ]

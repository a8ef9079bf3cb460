"""After a stream fails, the app retries by itself with a visible countdown; Esc cancels."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_chat.core.conversation import Status
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    win: MainWindow = make_window(Settings(thinking="off"), retries=True)
    return win


def test_an_overload_mid_reply_is_retried_after_a_countdown(qtbot: Any, window: MainWindow) -> None:
    window.controller.retry_policy = RetryPolicy(base_s=1.2, jitter=0)
    countdowns: list[str] = []
    window.controller.retry_countdown.connect(countdowns.append)
    replies: list[Any] = []
    window.controller.reply_finished.connect(lambda message, _s: replies.append(message))

    qtbot.keyClicks(window.composer, "demo:error_event_once hello")
    qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(replies) == 2, timeout=15000)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=3000)

    failed, retried = replies
    assert failed.status is Status.ERROR and failed.text  # kept, as a variant
    assert retried.status is Status.COMPLETE
    assert any("Retrying in 2 s" in c or "Retrying in 1 s" in c for c in countdowns)
    assert "Esc" in countdowns[0] and countdowns[-1] == ""
    conversation = window.controller.conversation
    assert conversation.siblings(retried) == [failed, retried]
    assert conversation.path()[-1] is retried


def test_esc_cancels_the_wait_and_says_how_to_retry(qtbot: Any, window: MainWindow) -> None:
    window.controller.retry_policy = RetryPolicy(base_s=30, jitter=0)
    qtbot.keyClicks(window.composer, "demo:error_event hello")
    qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Retrying in" in window.statusBar().currentMessage(), timeout=10000)

    qtbot.keyClick(window.composer, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not window.controller.busy, timeout=3000)
    assert "Retry cancelled" in window.chat_view.toPlainText()
    assert "Retrying" not in window.statusBar().currentMessage()
    assert len(window.controller.conversation.messages) == 2


def test_errors_that_retrying_cannot_fix_say_what_to_do(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClicks(window.composer, "demo:http413 a very long request")
    with qtbot.waitSignal(window.controller.reply_finished, timeout=10000):
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=3000)
    shown = window.chat_view.toPlainText()
    assert "too large" in shown and "Start a new conversation" in shown

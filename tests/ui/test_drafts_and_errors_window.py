"""What is typed survives a restart; oversize text is refused whole; a bug is shown, once."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt

from desktop_chat.core import app_log
from desktop_chat.core.drafts import DraftStore
from desktop_chat.core.settings import Settings
from desktop_chat.core.turn import Turn


@pytest.fixture
def new_window(make_window: Any) -> Any:
    return lambda: make_window(Settings(thinking="off"), drafts=True)


def test_the_draft_survives_a_restart(qtbot: Any, new_window: Any) -> None:
    first = new_window()
    qtbot.keyClicks(first.composer, "half a thought")
    qtbot.waitUntil(lambda: DraftStore().load("") == "half a thought", timeout=3000)
    first.close()

    second = new_window()  # the app started again

    assert second.composer.toPlainText() == "half a thought"


def test_a_sent_message_leaves_no_draft(qtbot: Any, new_window: Any) -> None:
    win = new_window()
    qtbot.keyClicks(win.composer, "hello")
    with qtbot.waitSignal(win.controller.reply_finished, timeout=10000):
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.wait(400)
    assert DraftStore().load("") == ""
    assert DraftStore().load(win.controller.conversation.id) == ""


def test_text_over_the_limit_is_refused_and_kept(qtbot: Any, new_window: Any) -> None:
    win = new_window()
    huge = "x" * (17 * 1024 * 1024)  # one line, as minified JSON would be
    paste = QMimeData()
    paste.setText(huge)
    win.composer.insertFromMimeData(paste)  # what Ctrl+V does
    assert win.composer.toPlainText() == "[Pasted text #1: 17 MB, 1 line]"  # not laid out
    qtbot.keyClick(win.composer, Qt.Key.Key_Return)

    assert win.controller.conversation.messages == []
    assert win.composer.message_text() == huge  # kept, whole
    assert "17 MB" in win.chat_view.toPlainText()


def test_a_large_paste_is_sent_whole(qtbot: Any, new_window: Any, api_server: Any) -> None:
    win = new_window()
    paste = QMimeData()
    paste.setText("word " * 200_000)  # 1 MB on one line
    qtbot.keyClicks(win.composer, "Summarise: ")
    win.composer.insertFromMimeData(paste)
    assert len(win.composer.toPlainText()) < 100
    with qtbot.waitSignal(win.controller.reply_finished, timeout=20000):
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    sent = api_server.requests[-1].body["messages"][-1]["content"][0]["text"]
    assert sent == "Summarise: " + "word " * 200_000


@pytest.fixture
def hooks() -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    app_log.errors.reset()


def test_a_bug_in_an_async_slot_is_shown_once_and_the_window_lives_on(
    qtbot: Any,
    new_window: Any,
    hooks: None,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    win = new_window()
    loop = asyncio.get_event_loop()
    app_log.install_hooks(win.unhandled_error.emit, loop)  # as the app does
    request.addfinalizer(lambda: loop.set_exception_handler(None))
    calls = 0

    async def broken(*_args: Any) -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("a bug in the turn")

    monkeypatch.setattr(Turn, "_ask", broken)
    for text in ("one", "two"):
        qtbot.keyClicks(win.composer, text)
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not win.controller.busy, timeout=3000)

    shown = win.chat_view.toPlainText()
    assert calls == 2
    assert shown.count("Something went wrong (RuntimeError: a bug in the turn)") == 1
    monkeypatch.undo()
    qtbot.keyClicks(win.composer, "three")
    with qtbot.waitSignal(win.controller.reply_finished, timeout=10000):
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)

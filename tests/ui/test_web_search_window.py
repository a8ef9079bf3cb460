"""A demo web-search answer in the window: its sources shown, and the follow-up question
sends the whole reply back unchanged. ``DESKTOP_CHAT_SCREENSHOT=path.png`` saves the window."""

from __future__ import annotations

import json
import os
from typing import Any

from PySide6.QtCore import Qt

from desktop_chat.core.conversation import Status
from desktop_chat.ui.main_window import MainWindow


def send(qtbot: Any, win: MainWindow, text: str) -> Any:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000) as blocker:
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.controller.busy, timeout=5000)
    return blocker.args[0]


def test_a_web_search_answer_shows_its_sources_and_goes_back_whole(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    window = make_window()
    window.resize(1100, 760)
    reply = send(qtbot, window, "Which rivers flow through Zurich? demo:web_search")

    assert reply.status is Status.COMPLETE
    shown = window.chat_view.toPlainText()
    assert "The Limmat flows out of Lake Zürich[1], and the Sihl joins it" in shown
    assert "Sources" in shown and "Limmat - Wikipedia — en.wikipedia.org" in shown
    if path := os.environ.get("DESKTOP_CHAT_SCREENSHOT"):
        window.grab().save(path)

    send(qtbot, window, "And how long is the Limmat?")

    sent = api_server.requests[-1].body["messages"]
    assert json.dumps(sent[1]["content"]) == json.dumps(reply.content)

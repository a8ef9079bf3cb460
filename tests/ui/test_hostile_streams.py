"""A server that floods, or sends one enormous paragraph: the window stays usable, nothing lost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.settings import Settings
from desktop_chat.demo.flood import FloodServer
from desktop_chat.ui import streaming_text
from desktop_chat.ui.chat_view import ChatView
from desktop_chat.ui.main_window import MainWindow


@pytest.fixture
def flood() -> Iterator[FloodServer]:
    server = FloodServer().start()
    yield server
    server.stop()


def test_keys_and_esc_work_while_a_server_floods(
    qtbot: Any, make_window: Any, flood: FloodServer
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"))
    win.controller.api.base_url = flood.base_url
    qtbot.keyClicks(win.composer, "Flood me")
    qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(win.chat_view.toPlainText()) > 20_000, timeout=10_000)
    # Typing goes into the box while the reply pours in...
    qtbot.keyClicks(win.composer, "still here")
    assert win.composer.toPlainText() == "still here"
    # ...and Esc stops it, keeping every character that arrived.
    with qtbot.waitSignal(win.controller.reply_finished, timeout=5000) as stopped:
        qtbot.keyClick(win.composer, Qt.Key.Key_Escape)
    message: Message = stopped.args[0]
    assert message.status is Status.INTERRUPTED
    assert message.text.startswith("flood flood") and len(message.text) > 20_000
    assert win.chat_view.copy_last_reply()
    assert len(win.chat_view.last_reply_text() or "") == len(message.text)


def test_an_endless_paragraph_is_drawn_in_bounded_pieces(
    view_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streaming_text, "DRAW_CAP", 200_000)
    view: ChatView = view_factory()
    text = "word " * 60_000  # 300 KB with no paragraph break
    view.begin_reply()
    view.on_block_started(0, "text")
    stream = None
    for start in range(0, len(text), 1000):
        view.on_text_delta(0, text[start : start + 1000])
        view._on_frame()
        stream = view._reply.texts[0] if view._reply else stream
        assert stream is not None
        # A frame rewrites only the piece being received, never the whole paragraph.
        drawn = view.document().characterCount()
        assert drawn <= streaming_text.DRAW_CAP + 1_000
    view.on_text_block_done(0, text)
    view.end_reply(Message(role="assistant", content=[{"type": "text", "text": text}]))
    shown = view.toPlainText()
    assert "more of this part of the reply are not drawn here" in shown
    assert text[:100_000] in shown.replace("\n", "")  # drawn as it came, in pieces
    assert view.last_reply_text() == text  # copied and kept whole

"""A careful user's bad day, in the window: odd characters, a silent server, a key in an error,
a tiny window. Each is said plainly, and nothing is lost."""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_chat.core.conversation import Status
from desktop_chat.core.redaction import remember
from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MINIMUM_SIZE, MainWindow


def ask(qtbot: Any, win: MainWindow, text: str, timeout: int = 15000) -> Any:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=timeout) as done:
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.controller.busy, timeout=3000)
    return done.args[0]


def test_a_lone_surrogate_neither_loses_the_reply_nor_wedges_the_conversation(
    qtbot: Any, make_window: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    odd = ask(qtbot, win, "demo:lone_surrogate")
    assert odd.status is Status.COMPLETE and "\ufffd" in odd.text
    assert "\ufffd" in win.chat_view.toPlainText()
    after = ask(qtbot, win, "And the next question?")  # the conversation goes on
    assert after.status is Status.COMPLETE
    store = win.controller.store
    assert store is not None
    saved = store.load(win.controller.conversation.id).path()
    assert saved[1].text == odd.text and saved[3].text == after.text
    assert win.controller.unsaved is None


@pytest.fixture
def silent_server() -> Any:
    """Answers with the headers of a stream, then says nothing."""
    sock = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _ = sock.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n")
                done.wait(30)

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    done.set()
    sock.close()


def test_a_silent_server_is_said_to_be_silent_and_esc_stops_waiting(
    qtbot: Any, make_window: Any, silent_server: str
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"))
    win.status._silence.setInterval(300)  # (15 s in the app)
    win.controller.api.base_url = silent_server
    qtbot.keyClicks(win.composer, "Anyone there?")
    qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Nothing has arrived yet" in win.statusBar().currentMessage(), timeout=5000
    )
    assert "Esc stops waiting" in win.statusBar().currentMessage()
    with qtbot.waitSignal(win.controller.reply_finished, timeout=5000) as stopped:
        qtbot.keyClick(win.composer, Qt.Key.Key_Escape)
    assert stopped.args[0].status is Status.INTERRUPTED


def test_an_api_key_in_a_servers_words_is_not_shown(qtbot: Any, make_window: Any) -> None:
    secret = "sk-ant-api03-" + "x" * 40  # assembled: no key-shaped literal in the repository
    remember(secret)
    win: MainWindow = make_window(Settings(thinking="off"))
    win.controller.notice.emit(f"The API's reason: key {secret} is invalid", True)
    win.status.show(f"failed with {secret}")
    assert secret not in win.chat_view.toPlainText()
    assert secret not in win.statusBar().currentMessage()
    assert "[redacted]" in win.chat_view.toPlainText()


def test_the_window_cannot_be_shrunk_until_the_chat_is_unreadable(
    qtbot: Any, make_window: Any
) -> None:
    win: MainWindow = make_window()
    win.resize(100, 100)
    assert (win.width(), win.height()) >= MINIMUM_SIZE
    assert win.chat_view.width() >= 300

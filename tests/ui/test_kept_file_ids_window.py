"""A large document's Files API id is kept in the store: after a restart it is not uploaded
again; and when the server no longer has the file (deleted between turns), the question
still goes: the id is dropped, the file sent afresh, and the user's turn kept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import anthropic
import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl

from desktop_chat.core.conversation import Status
from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import attachment_samples as samples

MB = 1024 * 1024


@pytest.fixture
def new_window(make_window: Any) -> Any:
    return lambda: make_window(Settings(thinking="off"), store=True)


@pytest.fixture
def server_files(api_server: Any) -> Any:
    """The real client, on the demo's Files API (to delete a file behind the app's back)."""
    with anthropic.Anthropic(
        api_key="test-key", base_url=api_server.base_url, max_retries=0
    ) as client:
        yield client.files


def ask(qtbot: Any, win: MainWindow, text: str) -> Any:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000) as done:
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    if done.args[0].status is not Status.COMPLETE:  # a retry follows the refused request
        qtbot.waitUntil(lambda: not win.controller.busy, timeout=15000)
    return win.controller.conversation.path()[-1]


def ask_with_report(qtbot: Any, win: MainWindow, tmp_path: Path, text: str) -> str:
    report = tmp_path / "report.pdf"
    report.write_bytes(samples.pdf(5, pad=6 * MB))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    win.composer.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: len(win.attaching.chips.chips) == 1, timeout=10000)
    qtbot.waitUntil(lambda: win.attaching.intake.busy == 0, timeout=10000)
    ask(qtbot, win, text)
    return str(win.controller.conversation.id)


def routes(requests: list[Any]) -> list[tuple[str, str]]:
    return [(r.method, r.path.rsplit("/", 1)[0] if "/v1/files/" in r.path else r.path)
            for r in requests]  # fmt: skip


def test_the_file_id_is_kept_across_a_restart(
    qtbot: Any, new_window: Any, api_server: Any, tmp_path: Path
) -> None:
    first = new_window()
    conversation = ask_with_report(qtbot, first, tmp_path, "Summarise the report")
    first.close()

    second = new_window()  # the app started again
    second.commands.on_open_conversation(conversation)
    before = len(api_server.requests)
    reply = ask(qtbot, second, "And the second page?")
    assert reply.status is Status.COMPLETE
    # Checked once with the server, not uploaded again.
    assert routes(api_server.requests[before:]) == [
        ("GET", "/v1/files"),
        ("POST", "/v1/messages"),
    ]
    before = len(api_server.requests)
    ask(qtbot, second, "And the third?")
    assert routes(api_server.requests[before:]) == [("POST", "/v1/messages")]


def test_a_file_deleted_on_the_server_is_sent_again_and_the_question_kept(
    qtbot: Any, new_window: Any, api_server: Any, tmp_path: Path, server_files: Any
) -> None:
    win = new_window()
    ask_with_report(qtbot, win, tmp_path, "Summarise the report")
    old_id = api_server.requests[-1].body["messages"][0]["content"][0]["source"]["file_id"]
    server_files.delete(old_id)  # between turns, behind the app's back

    before = len(api_server.requests)
    reply = ask(qtbot, win, "And the second page?")
    sent = api_server.requests[before:]
    assert routes(sent) == [
        ("POST", "/v1/messages"),
        ("POST", "/v1/files"),
        ("POST", "/v1/messages"),
    ]
    # The first named the deleted file (the server refused it: "File not found").
    assert sent[0].body["messages"][0]["content"][0]["source"]["file_id"] == old_id
    new_id = sent[2].body["messages"][0]["content"][0]["source"]["file_id"]
    assert new_id != old_id
    assert reply.status is Status.COMPLETE
    path = win.controller.conversation.path()
    assert [m.role for m in path] == ["user", "assistant", "user", "assistant"]
    assert path[2].text == "And the second page?"
    assert all(m.status is not Status.ERROR for m in path)


def test_after_a_restart_a_file_gone_from_the_server_is_uploaded_again(
    qtbot: Any, new_window: Any, api_server: Any, tmp_path: Path, server_files: Any
) -> None:
    first = new_window()
    conversation = ask_with_report(qtbot, first, tmp_path, "Summarise the report")
    old_id = api_server.requests[-1].body["messages"][0]["content"][0]["source"]["file_id"]
    first.close()
    server_files.delete(old_id)

    second = new_window()
    second.commands.on_open_conversation(conversation)
    before = len(api_server.requests)
    reply = ask(qtbot, second, "And the second page?")
    assert routes(api_server.requests[before:]) == [
        ("GET", "/v1/files"),  # 404: gone
        ("POST", "/v1/files"),
        ("POST", "/v1/messages"),
    ]
    assert reply.status is Status.COMPLETE

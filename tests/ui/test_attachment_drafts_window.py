"""Attachments belong to the draft of the conversation they were added in: switching away
keeps them with it, switching back brings them back, a new chat starts with none, and they
survive a restart (their bytes are blobs in the store, the draft names them)."""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl

from desktop_chat.core.drafts import NEW_CHAT, DraftStore
from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import attachment_samples as samples


@pytest.fixture
def new_window(make_window: Any) -> Any:
    return lambda: make_window(Settings(thinking="off"), store=True, drafts=True)


def attach(qtbot: Any, win: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    before = len(win.attaching.chips.chips)
    win.composer.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: len(win.attaching.chips.chips) == before + len(paths), timeout=10000)


def names(win: MainWindow) -> list[str]:
    return [a.name for a in win.attaching.chips.attachments()]


def send(qtbot: Any, win: MainWindow, text: str) -> str:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=10000):
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    return win.controller.conversation.id


def settle(qtbot: Any, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.attaching.intake.busy == 0, timeout=10000)


def test_chips_stay_with_their_conversation(
    qtbot: Any, new_window: Any, tmp_path: Path, api_server: Any
) -> None:
    win = new_window()
    paper, notes = tmp_path / "paper.pdf", tmp_path / "notes.txt"
    paper.write_bytes(samples.pdf(3))
    notes.write_bytes(b"for the second chat only\n")
    first = send(qtbot, win, "hello")
    attach(qtbot, win, paper)
    qtbot.keyClicks(win.composer, "what does it say?")

    win.commands.on_new_chat()  # a new chat starts with none
    assert names(win) == []
    assert win.composer.toPlainText() == ""
    second = send(qtbot, win, "another")
    attach(qtbot, win, notes)

    win.commands.on_open_conversation(first)  # back: its own chip, its own text
    settle(qtbot, win)
    assert names(win) == ["paper.pdf"]
    assert win.composer.toPlainText() == "what does it say?"

    win.commands.on_open_conversation(second)
    settle(qtbot, win)
    assert names(win) == ["notes.txt"]

    win.commands.on_open_conversation(first)
    settle(qtbot, win)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=10000):
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    sent = api_server.requests[-1].body["messages"][-1]["content"]
    assert [b["type"] for b in sent] == ["document", "text"]  # the PDF went here, not .txt
    assert sent[0]["source"]["data"] == base64.b64encode(samples.pdf(3)).decode()
    assert names(win) == []
    qtbot.waitUntil(lambda: DraftStore().load_draft(first) == ("", []), timeout=3000)
    assert DraftStore().load_draft(second)[1][0]["name"] == "notes.txt"


def test_a_quick_switch_back_and_forth_mixes_no_chips(
    qtbot: Any, new_window: Any, tmp_path: Path
) -> None:
    win = new_window()
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_bytes(b"one\n")
    two.write_bytes(b"two\n")
    first = send(qtbot, win, "hello")
    attach(qtbot, win, one)
    win.commands.on_new_chat()
    second = send(qtbot, win, "again")
    attach(qtbot, win, two)
    for _ in range(3):  # switching before the chips are read back
        win.commands.on_open_conversation(first)
        win.commands.on_open_conversation(second)
    settle(qtbot, win)
    qtbot.wait(50)
    assert names(win) == ["two.txt"]
    win.commands.on_open_conversation(first)
    settle(qtbot, win)
    assert names(win) == ["one.txt"]


def test_chips_survive_a_restart_and_are_sent(
    qtbot: Any, new_window: Any, tmp_path: Path, api_server: Any
) -> None:
    first = new_window()
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(samples.pdf(2))
    attach(qtbot, first, paper)
    qtbot.keyClicks(first.composer, "summarise")
    qtbot.waitUntil(lambda: len(DraftStore().load_draft(NEW_CHAT)[1]) == 1, timeout=3000)
    first.close()
    paper.unlink()  # the original is gone: the store has the bytes

    second = new_window()  # the app started again
    settle(qtbot, second)
    qtbot.waitUntil(lambda: names(second) == ["paper.pdf"], timeout=5000)
    assert second.composer.toPlainText() == "summarise"
    assert "2 pages" in second.attaching.chips.chips[0].facts_label.text()
    with qtbot.waitSignal(second.controller.reply_finished, timeout=10000):
        qtbot.keyClick(second.composer, Qt.Key.Key_Return)
    sent = api_server.requests[-1].body["messages"][-1]["content"]
    assert sent[0]["source"]["data"] == base64.b64encode(samples.pdf(2)).decode()


def test_chips_wait_for_the_store_when_drafts_come_first(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    from desktop_chat.core.store import Store

    first = make_window(Settings(thinking="off"), store=True, drafts=True)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"kept\n")
    attach(qtbot, first, notes)
    qtbot.waitUntil(lambda: len(DraftStore().load_draft(NEW_CHAT)[1]) == 1, timeout=3000)
    first.close()

    # As the app starts: the drafts are attached before the store is open.
    second = make_window(Settings(thinking="off"), drafts=True)
    assert names(second) == []
    second.composer.setFocus()
    qtbot.keyClicks(second.composer, "typed before the store opened")
    qtbot.wait(400)  # a draft saved meanwhile keeps the attachment
    assert len(DraftStore().load_draft(NEW_CHAT)[1]) == 1
    store = Store.open()
    try:
        second.attach_store(store)
        settle(qtbot, second)
        qtbot.waitUntil(lambda: names(second) == ["notes.txt"], timeout=5000)
    finally:
        second.close()
        store.close()


def test_a_file_attached_before_the_store_opened_is_kept_in_it(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    from desktop_chat.core.store import Store
    from desktop_chat.core.store_blobs import read_blob

    win = make_window(Settings(thinking="off"), drafts=True)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"early\n")
    attach(qtbot, win, notes)
    sha = win.attaching.chips.attachments()[0].sha256
    store = Store.open()
    try:
        win.attach_store(store)
        qtbot.waitUntil(lambda: read_blob(store.path, sha) == b"early\n", timeout=5000)
    finally:
        win.close()
        store.close()

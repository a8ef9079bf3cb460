"""Attachments in the window: the chips row, pasting and dropping, sending to the demo, what
is refused and why (the typed text kept), the transcript's cards, and the image viewer."""

from __future__ import annotations

import base64
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QImage

from desktop_chat.core.attachments import prepare
from desktop_chat.core.conversation import Status
from desktop_chat.core.models import ModelInfo
from desktop_chat.core.settings import Settings
from desktop_chat.core.transcript_import import import_json
from desktop_chat.ui.attachment_chips import AttachmentChips
from desktop_chat.ui.image_viewer import ImageViewer
from desktop_chat.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import attachment_samples as samples


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    return make_window(Settings(thinking="off"), store=True)


def attach_files(qtbot: Any, window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    before = len(window.attaching.chips.chips)
    window.composer.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: window.attaching.intake.busy == 0, timeout=10000)
    qtbot.waitUntil(lambda: len(window.attaching.chips.chips) >= before, timeout=2000)


def red_image(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    return image


def test_pasted_image_and_dropped_pdf_are_sent_as_the_api_blocks(
    qtbot: Any, window: MainWindow, api_server: Any, tmp_path: Path
) -> None:
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(samples.pdf(12))
    mime = QMimeData()
    mime.setImageData(red_image(2000, 1000))  # a screenshot: scaled to 1568 px first
    qtbot.keyClicks(window.composer, "What do these show?")
    window.composer.insertFromMimeData(mime)
    attach_files(qtbot, window, paper)
    chips = window.attaching.chips
    qtbot.waitUntil(lambda: len(chips.chips) == 2, timeout=5000)
    assert window.composer.toPlainText() == "What do these show?"
    assert "1568\u00d7784 px" in chips.chips[0].facts_label.text()
    assert "12 pages" in chips.chips[1].facts_label.text()

    with qtbot.waitSignal(window.controller.reply_finished, timeout=10000) as done:
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    reply = done.args[0]
    assert reply.status is Status.COMPLETE
    sent = api_server.requests[-1].body["messages"][-1]["content"]
    assert [b["type"] for b in sent] == ["image", "document", "text"]
    assert sent[0]["source"]["media_type"] == "image/png"
    assert QImage.fromData(base64.b64decode(sent[0]["source"]["data"])).size().width() == 1568
    assert sent[1] == {
        "type": "document",
        "source": {
            "type": "base64",
            "media_type": "application/pdf",
            "data": base64.b64encode(samples.pdf(12)).decode(),
        },
        "title": "paper.pdf",
        "citations": {"enabled": True},
    }
    assert "an image of 1568\u00d7784 px" in reply.text and "a 12-page PDF" in reply.text
    assert chips.chips == [] and window.composer.toPlainText() == ""
    shown = window.chat_view.toPlainText()
    assert "paper.pdf" in shown and "12 pages" in shown

    # Reopened from the store (as after a restart): the blocks rebuilt from the blobs.
    store = window.controller.store
    assert store is not None
    again = store.load(window.controller.conversation.id)
    question = next(m for m in again.messages if m.role == "user")
    assert [b["source"]["type"] for b in question.content[:2]] == ["blob", "blob"]
    assert window.controller.blobs.read(question.content[1]["source"]["sha256"]) == samples.pdf(12)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a valid image"),
        ("cut.png", samples.png(64, 64)[:60], "cannot be decoded"),
        ("secret.pdf", samples.pdf(2, encrypted=True), "encrypted"),
        ("tool.bin", samples.BINARY, "neither an image"),
    ],
)
def test_a_refused_file_says_why_sends_nothing_and_keeps_the_text(
    qtbot: Any, window: MainWindow, api_server: Any, tmp_path: Path, name: str, data: bytes,
    reason: str,
) -> None:  # fmt: skip
    path = tmp_path / name
    path.write_bytes(data)
    qtbot.keyClicks(window.composer, "please read this")
    before = len(api_server.requests)
    attach_files(qtbot, window, path)
    qtbot.waitUntil(lambda: reason in window.chat_view.toPlainText(), timeout=3000)
    assert window.attaching.chips.chips == []
    assert window.composer.toPlainText() == "please read this"
    assert len(api_server.requests) == before


def test_a_200_mb_file_is_refused_without_reading_it(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    huge = tmp_path / "disk.img"
    with huge.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse
    qtbot.keyClicks(window.composer, "typed")
    attach_files(qtbot, window, huge)
    qtbot.waitUntil(lambda: "disk.img is 200" in window.chat_view.toPlainText(), timeout=3000)
    assert window.composer.toPlainText() == "typed"


def test_an_image_to_a_model_without_vision_is_refused_and_nothing_sent(
    qtbot: Any, window: MainWindow, api_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    blind = ModelInfo(
        id="claude-blind-1",
        display_name="Blind",
        capabilities={"image_input": {"supported": False}},
    )
    monkeypatch.setattr("desktop_chat.core.models.known_models", lambda _url=None: [blind])
    window.controller.settings.model = "claude-blind-1"
    window.attaching.chips.add(prepare("shot.png", samples.png(10, 10)))
    qtbot.keyClicks(window.composer, "what is this?")
    before = len(api_server.requests)
    qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "does not take images" in window.chat_view.toPlainText(), timeout=3000)
    assert len(api_server.requests) == before
    assert window.composer.toPlainText() == "what is this?"
    assert len(window.attaching.chips.chips) == 1
    assert window.controller.conversation.messages == []


@pytest.mark.parametrize("cites", [True, False])
def test_documents_ask_for_citations_only_when_the_model_lists_them(
    qtbot: Any, window: MainWindow, api_server: Any, monkeypatch: pytest.MonkeyPatch, cites: bool
) -> None:
    model = window.controller.settings.model
    info = ModelInfo(id=model, display_name="M", capabilities={"citations": {"supported": cites}})
    monkeypatch.setattr("desktop_chat.core.models.known_models", lambda _url=None: [info])
    window.attaching.chips.add(prepare("notes.txt", samples.TEXT))
    with qtbot.waitSignal(window.controller.bill.draft_counted, timeout=5000):
        qtbot.keyClicks(window.composer, "what is this?")  # the meter counts the draft
    counted = [r for r in api_server.requests if r.path == "/v1/messages/count_tokens"]
    assert ("citations" in counted[-1].body["messages"][-1]["content"][0]) is cites
    with qtbot.waitSignal(window.controller.reply_finished, timeout=10000):
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    document = api_server.requests[-1].body["messages"][-1]["content"][0]
    assert document["type"] == "document"
    assert ("citations" in document) is cites
    if cites:
        assert document["citations"] == {"enabled": True}


def test_chips_are_reached_and_removed_by_keyboard(qtbot: Any, window: MainWindow) -> None:
    chips: AttachmentChips = window.attaching.chips
    window.activateWindow()
    qtbot.waitActive(window)
    chips.add(prepare("a.png", samples.png(4, 4)))
    chips.add(prepare("b.pdf", samples.pdf(3)))
    chips.add(prepare("a-again.png", samples.png(4, 4)))  # the same bytes: one chip
    assert [c.attachment.name for c in chips.chips] == ["a.png", "b.pdf"]
    assert "3 pages" in chips.chips[1].facts_label.text()
    assert "tokens" in chips.chips[1].facts_label.text()
    qtbot.keyClicks(window.composer, "kept")
    qtbot.keyClick(window.composer, Qt.Key.Key_Backtab)  # the chips come before the box
    assert chips.chips[-1].hasFocus()
    qtbot.keyClick(chips.chips[-1], Qt.Key.Key_Backtab)
    assert chips.chips[0].hasFocus()
    with qtbot.waitSignal(chips.open_requested) as opened:
        qtbot.keyClick(chips.chips[0], Qt.Key.Key_Return)
    assert opened.args[0].name == "a.png"
    viewer = window.attaching.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    chips.chips[0].setFocus()
    qtbot.keyClick(chips.chips[0], Qt.Key.Key_Delete)
    assert [c.attachment.name for c in chips.chips] == ["b.pdf"]
    assert chips.chips[0].hasFocus()
    qtbot.keyClick(chips.chips[0], Qt.Key.Key_Backspace)
    assert chips.chips == [] and chips.isHidden()
    assert window.composer.hasFocus() and window.composer.toPlainText() == "kept"


def test_the_image_viewer_fits_zooms_and_closes_on_esc(qtbot: Any) -> None:
    viewer = ImageViewer(red_image(3000, 2000), "big.png")
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    fitted = viewer.shown_scale
    assert fitted < 1 and viewer.label.width() <= viewer.area.viewport().width()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.shown_scale == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.label.width() == 3000
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.shown_scale == pytest.approx(fitted)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_a_large_pdf_is_uploaded_once_and_sent_by_file_id(
    qtbot: Any, window: MainWindow, api_server: Any, tmp_path: Path
) -> None:
    big = tmp_path / "report.pdf"
    big.write_bytes(samples.pdf(5, pad=6 * 1024 * 1024))
    attach_files(qtbot, window, big)
    qtbot.waitUntil(lambda: len(window.attaching.chips.chips) == 1, timeout=5000)
    qtbot.keyClicks(window.composer, "Summarise the report")
    before = len(api_server.requests)
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000) as done:
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    assert "a 5-page PDF called “report.pdf”" in done.args[0].text
    sent = api_server.requests[before:]
    assert [(r.method, r.path) for r in sent] == [("POST", "/v1/files"), ("POST", "/v1/messages")]
    block = sent[1].body["messages"][-1]["content"][0]
    file_id = block["source"]["file_id"]
    assert block == {
        "type": "document",
        "source": {"type": "file", "file_id": file_id},
        "title": "report.pdf",
        "citations": {"enabled": True},
    }

    before = len(api_server.requests)
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000):
        qtbot.keyClicks(window.composer, "And the second page?")
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    later = api_server.requests[before:]
    assert [r.path for r in later] == ["/v1/messages"]  # not uploaded again
    assert later[0].body["messages"][0]["content"][0]["source"]["file_id"] == file_id


def test_cards_open_the_viewer_or_a_copy_and_editing_brings_the_chips_back(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr("desktop_chat.ui.attaching.open_externally", opened.append)
    image = prepare("photo.png", samples.png(300, 200))
    paper = prepare("paper.pdf", samples.pdf(3))
    window.attaching.chips.add(image)
    window.attaching.chips.add(paper)
    qtbot.keyClicks(window.composer, "Look")
    with qtbot.waitSignal(window.controller.reply_finished, timeout=10000):
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)

    window.chat_view.on_anchor_clicked(QUrl(f"attachment:{image.sha256}"))
    viewer = window.attaching.viewer
    assert viewer is not None and viewer.isVisible() and viewer.windowTitle() == "photo.png"
    viewer.close()
    window.chat_view.on_anchor_clicked(QUrl(f"attachment:{paper.sha256}"))
    assert len(opened) == 1 and Path(opened[0].toLocalFile()).read_bytes() == paper.data

    qtbot.keyClick(window.composer, Qt.Key.Key_Up)  # edit the question: its files come back
    qtbot.waitUntil(lambda: len(window.attaching.chips.chips) == 2, timeout=5000)
    assert [c.attachment.sha256 for c in window.attaching.chips.chips] == [
        image.sha256,
        paper.sha256,
    ]
    assert window.composer.toPlainText() == "Look"


def test_an_imported_image_gets_its_thumbnail_made_and_kept(qtbot: Any, window: MainWindow) -> None:
    store = window.controller.store
    assert store is not None
    data = samples.png(400, 300)
    transcript = {
        "format": "desktop-chat-transcript",
        "version": 1,
        "conversations": [
            {
                "id": "imported",
                "title": "Imported",
                "created_at": 1.0,
                "messages": [
                    {
                        "id": "q1",
                        "role": "user",
                        "created_at": 1.0,
                        "content": [
                            {
                                "type": "image",
                                "source": {
                                    "type": "base64",
                                    "media_type": "image/png",
                                    "data": base64.b64encode(data).decode(),
                                },
                            },
                            {"type": "text", "text": "What is this?"},
                        ],
                    }
                ],
            }
        ],
    }
    import_json(store, json.dumps(transcript))
    with qtbot.waitSignal(window.chat_view.thumbnails.made, timeout=5000):
        window.controller.open_conversation("imported")
    sha = prepare("x.png", data).sha256
    assert window.chat_view.thumbnails.image(sha) is not None
    db = sqlite3.connect(store.path)
    try:
        (thumb,) = db.execute("SELECT thumbnail FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
    finally:
        db.close()
    assert thumb is not None and QImage.fromData(thumb).width() == 96

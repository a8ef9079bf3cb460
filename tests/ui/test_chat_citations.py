"""Citations in the chat: numbered markers, the quote on hover or focus, a list of sources,
and a source opened in the browser only on a click or Enter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl
from test_chat_view import anchor_point

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.stream import TurnSnapshot
from desktop_chat.ui import chat_view
from desktop_chat.ui.chat_view import ChatView

WEB = {
    "type": "web_search_result_location",
    "url": "https://en.wikipedia.org/wiki/Limmat",
    "title": "Limmat - Wikipedia",
    "cited_text": "The Limmat is a river in Switzerland.",
    "encrypted_index": "Eo8B",
}
DOC = {
    "type": "page_location",
    "cited_text": "Costs fell by 3 percent.",
    "document_index": 1,
    "document_title": None,
    "start_page_number": 2,
    "end_page_number": 4,
}
EVIL = {"type": "web_search_result_location", "url": "javascript:alert(1)", "title": "evil"}
ANSWER = Message(
    role="assistant",
    content=[
        {"type": "text", "text": "Here is what I found. "},
        {"citations": [WEB], "text": "The Limmat flows out of the lake", "type": "text"},
        {"type": "text", "text": ", while "},
        {"citations": [DOC, EVIL], "text": "costs fell", "type": "text"},
        {"type": "text", "text": "."},
    ],
    stop_reason="end_turn",
)


def anchors(widget: ChatView) -> dict[str, tuple[str, str]]:
    """Each link's text -> (address, tooltip)."""
    out: dict[str, tuple[str, str]] = {}
    block = widget.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                out.setdefault(it.fragment().text(), (fmt.anchorHref(), fmt.toolTip()))
            it += 1
        block = block.next()
    return out


def test_a_cited_answer_reads_as_one_text_with_markers_and_its_sources(
    view: ChatView,
) -> None:
    view.show_conversation([Message.user("Rivers?"), ANSWER])
    text = view.toPlainText()

    assert (
        "Here is what I found. The Limmat flows out of the lake[1], while costs fell[2][3]." in text
    )
    assert "Sources" in text
    assert "Limmat - Wikipedia — en.wikipedia.org" in text
    assert "(document 2, pages 2\u20133)" in text
    links = anchors(view)
    assert links["[1]"] == (WEB["url"], WEB["cited_text"])  # the quote on hover
    assert links["[2]"] == ("cite:2", DOC["cited_text"])
    assert links["[3]"][0] == "cite:3"  # a javascript: address is never a link
    assert links["Limmat - Wikipedia"][0] == WEB["url"]
    assert "evil" in text and "evil" not in links


def test_a_source_opens_only_on_click_or_enter(
    qtbot: Any,
    view: ChatView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    opened: list[QUrl] = []
    monkeypatch.setattr(chat_view, "open_link", opened.append)
    view.show_conversation([ANSWER])
    view.toPlainText()  # drawn
    qtbot.mouseMove(view.viewport(), anchor_point(view, "[1]"))
    assert opened == []  # hovering opens nothing

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, "[1]"))
    assert [u.toString() for u in opened] == [WEB["url"]]

    view.setFocus()
    view.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the first link: the marker [1]
    assert view.textCursor().selectedText() == "[1]"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [u.toString() for u in opened] == [WEB["url"]] * 2
    view.on_anchor_clicked(QUrl("cite:2"))  # a document has no address: nothing opens
    assert len(opened) == 2


def test_a_streamed_cited_reply_is_drawn_with_its_sources_when_it_ends(
    view: ChatView,
) -> None:
    view.begin_reply()
    for index, block in enumerate(ANSWER.content):
        view.on_block_started(index, "text")
        view.on_text_delta(index, block["text"])
        view.on_text_block_done(index, block["text"])
    message = TurnSnapshot(content=[dict(b) for b in ANSWER.content]).to_message(Status.COMPLETE)
    view.end_reply(message)

    assert "out of the lake[1], while" in view.toPlainText()
    assert view.toPlainText().count("Sources") == 1

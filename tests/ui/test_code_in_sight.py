"""In a flood, code is written without its colours and coloured when it comes in sight: the
user never sees a plain box, and once scrolled through, the reply is the reply written at
once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextDocument
from test_chat_view import reply
from test_chat_view_markdown import structure

from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.demo.tokens import split_text
from desktop_chat.ui import live_reply
from desktop_chat.ui.chat_view import ChatView

TEXT = "\n\n".join([MARKDOWN_DOCUMENT] * 5)


@pytest.fixture
def view(qtbot: Any) -> ChatView:
    widget = ChatView()
    widget.resize(760, 560)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def flood(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every frame is a flood's (text comes faster than any rate)."""
    monkeypatch.setattr(live_reply, "FLOOD_CHARS_PER_S", -1)


def colours(document: QTextDocument) -> list[tuple[str, str, int]]:
    """Every run of text with its colour and weight (Pygments' colours are foregrounds)."""
    out = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            out.append((fragment.text(), fmt.foreground().color().name(), fmt.fontWeight()))
            it += 1
        block = block.next()
    return out


def in_sight(view: ChatView) -> list[Any]:
    """The boxes waiting for their colours that are in sight."""
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    layout = view.document().documentLayout()
    return [
        box
        for box in view._codes.uncoloured
        if layout.frameBoundingRect(box.frame).bottom() >= top
        and layout.frameBoundingRect(box.frame).top() <= bottom
    ]


def stream_checking(view: ChatView, text: str, frame_every: int) -> list[int]:
    """Stream ``text`` a frame every ``frame_every`` deltas; after each frame, how many
    boxes in sight are plain (the paint that follows would show them)."""
    plain_in_sight = []
    view.begin_reply()
    view.on_block_started(0, "text")
    for number, piece in enumerate(split_text(text)):
        view.on_text_delta(0, piece)
        if number % frame_every == 0:
            view._on_frame()
            plain_in_sight.append(len(in_sight(view)))
    view.on_text_block_done(0, text)
    view.end_reply(reply(text))
    return plain_in_sight


def written_at_once(qtbot: Any, text: str) -> ChatView:
    at_once = ChatView()
    at_once.resize(760, 560)
    qtbot.addWidget(at_once)
    at_once.show_conversation([reply(text)])
    return at_once


def scroll_through(view: ChatView) -> None:
    bar = view.verticalScrollBar()
    bar.setValue(0)
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())


@pytest.mark.usefixtures("flood")
def test_code_out_of_sight_is_coloured_when_scrolled_to(qtbot: Any, view: ChatView) -> None:
    plain_in_sight = stream_checking(view, TEXT, frame_every=1000)

    assert not any(plain_in_sight)  # no paint ever shows a plain box
    waiting = len(view._codes.uncoloured)
    assert waiting  # boxes scrolled past in the flood wait for their colours
    at_once = written_at_once(qtbot, TEXT)
    assert view.toPlainText() == at_once.toPlainText()  # the same text meanwhile
    assert colours(view.document()) != colours(at_once.document())

    scroll_through(view)

    assert view._codes.uncoloured == []
    assert structure(view.document()) == structure(at_once.document())
    assert colours(view.document()) == colours(at_once.document())


@pytest.mark.usefixtures("flood")
def test_a_taller_window_colours_what_it_shows(view: ChatView) -> None:
    stream_checking(view, TEXT, frame_every=1000)
    waiting = len(view._codes.uncoloured)
    assert waiting

    view.resize(760, 4000)

    assert len(view._codes.uncoloured) < waiting
    assert in_sight(view) == []


def test_at_a_model_s_pace_code_is_coloured_as_it_is_written(
    qtbot: Any, view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_reply, "FLOOD_CHARS_PER_S", float("inf"))  # no text comes faster
    stream_checking(view, TEXT, frame_every=1000)

    assert view._codes.uncoloured == []
    at_once = written_at_once(qtbot, TEXT)
    assert colours(view.document()) == colours(at_once.document())


@pytest.mark.usefixtures("flood")
def test_boxes_drawn_again_are_forgotten(view: ChatView) -> None:
    stream_checking(view, TEXT, frame_every=1000)
    assert view._codes.uncoloured

    view._redraw()  # as a change of theme does: every box is written with its colours

    assert view._codes.uncoloured == []
    scroll_through(view)  # nothing left to colour, and no box of the old document touched

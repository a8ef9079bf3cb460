"""In a flood, code is written without its colours, and coloured as soon as someone can look
at it: when the flood stops (or stalls), when the view is scrolled away from the bottom the
flood writes at, when a taller window shows more; once scrolled through, the reply is the
reply written at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextDocument, QTextFrame
from test_chat_view import reply
from test_chat_view_markdown import structure

from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.demo.tokens import split_text
from desktop_chat.ui import code_in_sight, live_reply
from desktop_chat.ui.chat_view import ChatView
from desktop_chat.ui.markdown_writer import CODE_PROPERTY

TEXT = "\n\n".join([MARKDOWN_DOCUMENT] * 5)


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


def boxes(frame: QTextFrame) -> list[QTextFrame]:
    found = []
    for child in frame.childFrames():
        if child.frameFormat().property(CODE_PROPERTY) is not None:
            found.append(child)
        found.extend(boxes(child))
    return found


def plain_in_sight(view: ChatView) -> int:
    """How many code boxes in sight wait for their colours (a paint now shows them plain)."""
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    layout = view.document().documentLayout()
    return sum(
        1
        for box in boxes(view.document().rootFrame())
        if box.frameFormat().property(CODE_PROPERTY) in view._codes.uncoloured
        and layout.frameBoundingRect(box).bottom() >= top
        and layout.frameBoundingRect(box).top() <= bottom
    )


def stream_part(view: ChatView, text: str, frame_every: int = 1000) -> None:
    """Stream ``text`` (the reply goes on), a frame every ``frame_every`` deltas and at the
    end."""
    view.begin_reply()
    view.on_block_started(0, "text")
    for number, piece in enumerate(split_text(text)):
        view.on_text_delta(0, piece)
        if number % frame_every == 0:
            view._on_frame()
    view._on_frame()


def end(view: ChatView, text: str) -> None:
    view.on_text_block_done(0, text)
    view.end_reply(reply(text))


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


def just_after_code_box(text: str, number: int) -> str:
    """``text`` up to a few words after its ``number``-th code block (so the box is in
    sight at the bottom)."""
    at = -4
    for _ in range(number):
        opening = text.index("```", at + 4)
        at = text.index("```\n", opening + 3)  # its closing fence
    return text[: at + 4] + "\nAnd then"


@pytest.mark.usefixtures("flood")
def test_a_flood_s_code_is_coloured_when_it_ends_and_when_scrolled_to(
    qtbot: Any, view: ChatView
) -> None:
    stream_part(view, TEXT)
    assert len(view._codes.uncoloured) >= 10  # written plain: Pygments never ran for them
    end(view, TEXT)

    assert plain_in_sight(view) == 0  # what shows when it ends is coloured
    assert view._codes.uncoloured  # the boxes scrolled past wait for their colours
    at_once = written_at_once(qtbot, TEXT)
    assert view.toPlainText() == at_once.toPlainText()  # the same text meanwhile
    assert colours(view.document()) != colours(at_once.document())

    scroll_through(view)

    assert view._codes.uncoloured == {}
    assert structure(view.document()) == structure(at_once.document())
    assert colours(view.document()) == colours(at_once.document())


@pytest.mark.usefixtures("flood")
def test_a_flood_that_stalls_shows_its_code_coloured(qtbot: Any, view: ChatView) -> None:
    stream_part(view, just_after_code_box(TEXT, 2))
    assert plain_in_sight(view) >= 1  # the flood goes on (as far as anyone knows)

    qtbot.waitUntil(lambda: plain_in_sight(view) == 0, timeout=code_in_sight.SETTLE_MS * 4)


@pytest.mark.usefixtures("flood")
def test_scrolling_up_in_a_flood_colours_what_comes_in_sight(view: ChatView) -> None:
    stream_part(view, just_after_code_box(TEXT, 10))

    bar = view.verticalScrollBar()
    assert plain_in_sight(view) >= 1  # the flood goes on, followed at the bottom
    for value in range(bar.maximum() - bar.pageStep() // 2, -1, -bar.pageStep()):
        bar.setValue(value)
        assert plain_in_sight(view) == 0  # coloured before the paint that shows them


@pytest.mark.usefixtures("flood")
def test_a_taller_window_colours_what_it_shows(view: ChatView) -> None:
    stream_part(view, TEXT)
    end(view, TEXT)
    waiting = len(view._codes.uncoloured)
    assert waiting

    view.resize(760, 4000)

    assert len(view._codes.uncoloured) < waiting
    assert plain_in_sight(view) == 0


def test_at_a_model_s_pace_code_is_coloured_as_it_is_written(
    qtbot: Any, view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_reply, "FLOOD_CHARS_PER_S", float("inf"))  # no text comes faster
    stream_part(view, TEXT)
    assert view._codes.uncoloured == {}
    end(view, TEXT)

    at_once = written_at_once(qtbot, TEXT)
    assert colours(view.document()) == colours(at_once.document())


@pytest.mark.usefixtures("flood")
def test_boxes_drawn_again_are_forgotten(view: ChatView) -> None:
    stream_part(view, TEXT)
    end(view, TEXT)
    assert view._codes.uncoloured

    view._redraw()  # as a change of theme does: every box is written with its colours

    assert view._codes.uncoloured == {}
    scroll_through(view)  # nothing left to colour, and no box of the old document touched


@pytest.mark.usefixtures("flood")
def test_a_block_written_anew_when_it_ends_is_coloured_like_the_rest(
    qtbot: Any, view: ChatView
) -> None:
    stream_part(view, TEXT)
    # The block as it ended is not what streamed (the API never does this; a view must
    # still show what it got): it is written again, with colours.
    whole = TEXT + "\n\nAnd one more line."
    end(view, whole)

    scroll_through(view)

    assert view.toPlainText().endswith("And one more line.")
    assert colours(view.document()) == colours(written_at_once(qtbot, whole).document())

"""An open paragraph that only grew is extended, not drawn again: it must look, at every
frame, as the same text drawn in one go (markers split across deltas included)."""

from __future__ import annotations

from typing import Any

import pytest
from test_chat_view_markdown import structure

from desktop_chat.core.conversation import Message
from desktop_chat.demo.tokens import split_text
from desktop_chat.ui.chat_view import ChatView

TEXTS = [
    "Plain words, then more words; and some more - to the end of it. Then: more",
    "Now **bo" + "ld** and *it" + "alic* and `co" + "de` and ~~gone~~ here",
    "A snake_case_name and a * lone star and 2 * 3 = 6 and a_b_",
    "Spaces   inside  and at the end   then more",
    "See www.example.com and https://example.com/x and me@example.com too",
    "Entities &amp; and &am" + "p; split, a \\* escape, a [link](https://x.y) after",
    "日本語の文章、句読点。そして **強調** も",
    "A paragraph\n\nand the next one, split" + "\n" + "\n" + "at the break",
    "Text before\n```python\nx = 1\n```\nafter the fence",
    "Text that ends a heading\n# Heading\nthen text",
    "Words and a line\n- a list item\n- another",
    "Text _under_ and a trailing ** star",
    "A [link](page) then words, a [ref] and <https://x.y> after",
    "Ends with a line break  \nand goes on",
    "Lines wrapped\nby hand, as some\nwriters do \nwith one space\n  or indented\nthen text",
    "A line\nthen **bold\nacross** the break\nand a list:\n1. item",
    "A line\n\nA new paragraph\n> a quote\nafter it",
    "A line\nwww.example.com\nand mail\nme@x.org then",
]


def shown(qtbot: Any) -> ChatView:
    view = ChatView()
    view.resize(700, 500)
    qtbot.addWidget(view)
    return view


def drawn_in_one_go(view: ChatView, text: str) -> list[tuple[Any, ...]]:
    view.clear_transcript()
    view.begin_reply()
    view.on_text_delta(0, text)
    view._on_frame()
    return structure(view.document())


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("cut", ["chars", "words"])
def test_each_frame_shows_what_the_text_so_far_shows_drawn_at_once(
    qtbot: Any, text: str, cut: str
) -> None:
    view, reference = shown(qtbot), shown(qtbot)
    pieces = list(text) if cut == "chars" else split_text(text)
    view.begin_reply()
    so_far = ""
    for piece in pieces:
        so_far += piece
        view.on_text_delta(0, piece)
        view._on_frame()
        assert structure(view.document()) == drawn_in_one_go(reference, so_far), so_far
    view.on_text_block_done(0, text)
    view.end_reply(Message(role="assistant", content=[{"type": "text", "text": text}]))
    at_once = shown(qtbot)
    at_once.show_conversation([Message(role="assistant", content=[{"type": "text", "text": text}])])
    assert structure(view.document()) == structure(at_once.document())
    assert view.toPlainText() == at_once.toPlainText()


def test_a_paragraph_that_only_grows_is_extended_not_drawn_again(qtbot: Any) -> None:
    view = shown(qtbot)
    view.begin_reply()
    for piece in split_text("Words that only grow, word after word, for a while, no markup"):
        view.on_text_delta(0, piece)
        view._on_frame()
    assert view._reply is not None
    stream = view._reply.texts[0]
    assert stream.tail_draws == 1
    assert stream.tail_grown > 10
    assert view.toPlainText().endswith("word after word, for a while, no markup")
    for piece in split_text(" and **bold**"):
        view.on_text_delta(0, piece)
        view._on_frame()
    assert stream.tail_draws > 1  # a marker: drawn again
    assert view.toPlainText().endswith("no markup and bold")

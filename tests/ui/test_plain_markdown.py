"""A plain heading is written without Qt's parser, and looks exactly as Qt draws it; anything
Markdown could read more into goes through the parser."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument, QTextFormat
from test_chat_view_markdown import piece_by_piece, qt_at_once, structure

from desktop_chat.ui import markdown_writer
from desktop_chat.ui.markdown_writer import CodeBook, MarkdownWriter, Output
from desktop_chat.ui.plain_markdown import plain_heading
from desktop_chat.ui.theme import Theme

PLAIN = [
    "# A tour of Markdown rendering",
    "## Why stream at all",
    "### Closing notes, one by one.",
    "#### 日本語と中文",
    "##### Stop reasons at a glance?",
    "###### 1. Numbers, commas; and 'quotes' = \"fine\"",
]
NOT_PLAIN = [
    "#Title",  # no space: a paragraph
    "####### Seven",  # a paragraph
    "# Title #",  # closing marks
    "# Title ",
    "#  Title",
    "# two  spaces",
    "# *emphasis*",
    "# `code`",
    "# a [link](x)",
    "# www.example.com",
    "# mail a@b.example",
    "# AT&amp;T",
    "# under_score",
    "# one\ntwo",
    "# tab\there",
    "#",
    "# ",
    " # indented",
    "Title\n===",
]


def properties(fmt: QTextFormat) -> dict[int, Any]:
    found = dict(fmt.properties())
    found.pop(QTextFormat.Property.ObjectIndex.value, None)
    return found


def everything(document: QTextDocument) -> list[Any]:
    """Every block's text and formats, and every run's, property by property."""
    out: list[Any] = []
    block = document.begin()
    while block.isValid():
        runs = []
        it = block.begin()
        while not it.atEnd():
            runs.append((it.fragment().text(), properties(it.fragment().charFormat())))
            it += 1
        out.append(
            (block.text(), properties(block.blockFormat()), properties(block.charFormat()), runs)
        )
        block = block.next()
    return out


@pytest.mark.parametrize("source", PLAIN)
def test_a_plain_heading_is_written_as_parsing_it_writes_it(
    qapp: Any, source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plain_heading(source) is not None
    texts = (source, f"{source}\n\nA paragraph after it.", f"Before it.\n\n{source}")
    written = [everything(piece_by_piece(text, decorate=True)) for text in texts]
    monkeypatch.setattr(markdown_writer, "plain_heading", lambda _source: None)
    assert written == [everything(piece_by_piece(text, decorate=True)) for text in texts]
    assert structure(piece_by_piece(texts[2])) == structure(qt_at_once(texts[2]))


@pytest.mark.parametrize("source", NOT_PLAIN)
def test_what_markdown_could_read_more_into_is_parsed(qapp: Any, source: str) -> None:
    assert plain_heading(source) is None
    assert structure(piece_by_piece(source)) == structure(qt_at_once(source))


def test_a_plain_heading_is_not_parsed(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = markdown_writer.QTextDocument

    class Counting(real):  # type: ignore[misc, valid-type]
        def setMarkdown(self, text: str, *args: Any) -> None:
            parsed.append(text)
            super().setMarkdown(text, *args)

    document = QTextDocument()
    writer = MarkdownWriter(Theme.from_palette(QPalette()), CodeBook())
    writer.write(Output(QTextCursor(document), fill=True), "## Warm")  # the level's formats
    monkeypatch.setattr(markdown_writer, "QTextDocument", Counting)

    writer.write(Output(QTextCursor(document), fill=False), "## Why stream at all")
    writer.write(Output(QTextCursor(document), fill=False), "## Why *stream*")

    assert parsed == ["## Why *stream*"]

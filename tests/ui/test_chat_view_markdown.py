"""Markdown written piece by piece looks like Markdown written at once.

The structure of a document (blocks, their formats, lists, table cells, formatted runs) is
compared, so a difference in anything drawn shows up, not only in the words.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument, QTextFormat

from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.ui.markdown_writer import MARKDOWN_FEATURES, CodeBook, MarkdownWriter, Output
from desktop_chat.ui.theme import Theme

P = QTextFormat.Property
_BLOCK_PROPERTIES = (
    P.HeadingLevel,
    P.BlockTopMargin,
    P.BlockBottomMargin,
    P.BlockLeftMargin,
    P.BlockRightMargin,
    P.BlockIndent,
    P.BlockAlignment,
    P.BlockQuoteLevel,
    P.BlockCodeLanguage,
    P.BlockCodeFence,
    P.BlockTrailingHorizontalRulerWidth,
    P.BlockNonBreakableLines,
)


def structure(document: QTextDocument) -> list[tuple[Any, ...]]:
    """Every block in order: text, block format, list place, table cell, formatted runs."""
    out: list[tuple[Any, ...]] = []
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        properties = tuple(
            (p.name, fmt.property(p.value)) for p in _BLOCK_PROPERTIES if fmt.hasProperty(p.value)
        )
        text_list = block.textList()
        place = None
        if text_list is not None:
            # (Qt's importer leaves a task item's check mark on the blocks after its list,
            # where nothing draws it; so only list items' marks count.)
            place = (
                text_list.format().style(),
                text_list.format().indent(),
                text_list.itemNumber(block),
                fmt.property(P.BlockMarker.value),
            )
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        cell = None
        if table is not None:
            found = table.cellAt(cursor)
            cell = (found.row(), found.column())
        runs = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char = fragment.charFormat()
            runs.append(
                (
                    fragment.text(),
                    char.fontWeight(),
                    char.fontItalic(),
                    char.fontStrikeOut(),
                    char.anchorHref(),
                    tuple(char.fontFamilies() or ()),
                )
            )
            it += 1
        out.append((block.text(), properties, place, cell, tuple(runs)))
        block = block.next()
    return out


def qt_at_once(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setMarkdown(text, MARKDOWN_FEATURES)
    return document


def piece_by_piece(text: str, *, decorate: bool = False) -> QTextDocument:
    document = QTextDocument()
    writer = MarkdownWriter(Theme.from_palette(QPalette()), CodeBook(), decorate=decorate)
    writer.write_text(Output(QTextCursor(document), fill=True), text)
    return document


CASES = [
    "para\n\n|a|b|\n|-|-:|\n|1|2|\n\nafter",
    "|a|\n|-|\n|1|\n\n|b|\n|-|\n|2|",
    "|a|\n|-|\n|1|\n\n---\n\n> q",
    "# H\npara\n## H2\n\n### H3",
    "- a\n- b\n\n- c\n\n  more c\n\ntext",
    "1. a\n\n   ```js\n   x\n\n   y\n   ```\n2. b\n\n3) other list",
    "text\n```\ncode\n```\nmore\n\n~~~\ntilde\n~~~",
    "> q\n\n> r\n> > nested\n\n- [x] done\n- [ ] not done\n\nafter the task list",
    "x\n\n---\n\ny\n\n***",
    "hard  \nbreak and `code` and **bold _both_** ~~gone~~ https://auto.link",
    "See [one][1] and [two][x].\n\n[1]: https://one.example\n\nMiddle\n\n[x]: https://x.example",
    "```\nunclosed\n\ncode",
    "    indented\n\n    code\n\nnot code",
    "Setext\n===\n\nand\n---\n\n1. x\n   1. y\n      - z\n\n   back in x",
    "<b>raw html</b> and <script>alert(1)</script>\n\n<div>\n\nblock</div>",
    "日本語の文章。\n\n中文也应该能正确显示。",
]


@pytest.mark.parametrize("text", [MARKDOWN_DOCUMENT, *CASES], ids=["demo", *map(str, range(16))])
def test_writing_a_text_piece_by_piece_is_writing_it_at_once(qapp: Any, text: str) -> None:
    assert structure(piece_by_piece(text)) == structure(qt_at_once(text))


def test_code_is_drawn_in_a_box_with_colours_and_a_copy_link(qapp: Any) -> None:
    document = piece_by_piece("Before\n\n```python\ndef f():\n    return 1\n```", decorate=True)
    texts = [row[0] for row in structure(document)]
    assert texts[:4] == ["Before", "python   Copy ", "def f():", "    return 1"]
    runs = structure(document)[2][4]
    assert [r[0] for r in runs] == ["def", " ", "f", "():"]  # highlighted: a run per token
    assert any(r[4] == "copy-code:0" for r in structure(document)[1][4])
    assert document.rootFrame().childFrames()[0].frameFormat().background().style() != 0


def test_an_image_is_a_link_to_its_address_and_never_an_image(qapp: Any) -> None:
    text = "![a cat](https://example.com/cat.png) ![secret](file:///etc/passwd)"
    document = piece_by_piece(text, decorate=True)
    block = document.begin()
    assert block.text() == "[image: a cat] [image: secret]"
    runs = structure(document)[0][4]
    assert runs[0][4] == "https://example.com/cat.png"
    assert all(r[4] == "" for r in runs[1:])  # a file: image is not even a link


def test_a_table_still_streaming_is_drawn_as_rows_not_as_a_table(qapp: Any) -> None:
    # Adding a table (a frame) makes Qt scan the whole document: the open block, drawn again
    # at every frame, shows its table as aligned text instead.
    document = QTextDocument()
    writer = MarkdownWriter(Theme.from_palette(QPalette()), CodeBook())
    out = Output(QTextCursor(document), fill=False)
    writer.write(out, "| Name | Year |\n|---|--:|\n| Python | 1991 |\n| Ru", preview=True)
    assert document.rootFrame().childFrames() == []
    assert [line for line in document.toPlainText().split("\n") if line] == [
        "Name   │ Year",
        "───────┼─────",
        "Python │ 1991",
        "Ru",
    ]

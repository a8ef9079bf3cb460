"""Markdown into the transcript's ``QTextDocument``: parsed by Qt, copied in, block by block.

Qt parses each piece of Markdown (md4c, GitHub dialect, raw HTML off) into a scratch
document; the writer then copies its blocks, lists and tables to the transcript at a cursor.
``QTextCursor.insertMarkdown`` would do the copy in one call, but it merges the first block
into the cursor's block and carries that block's format over (a paragraph after a heading
becomes a heading), so pieces written one after another would not look like the whole text
written at once. Copying by hand also lets the writer:

- draw fenced code in a framed box with Pygments colours and a "Copy" link above it;
- give links the palette's link colour and their address as a tooltip;
- show images as a link to their address instead of loading them (model output is data).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QBrush,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextLength,
    QTextList,
    QTextTable,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.markdown_blocks import reference_definitions, split_blocks
from desktop_chat.ui.code_highlight import CodeHighlighter, Run, lexer_for
from desktop_chat.ui.plain_markdown import heading_formats, plain_heading
from desktop_chat.ui.theme import Theme

MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
COPY_CODE_SCHEME = "copy-code"
# Set on a code box's frame format: the number of its code in the CodeBook.
CODE_PROPERTY = QTextFormat.Property.UserProperty.value + 1
_CODE_LANGUAGE = QTextFormat.Property.BlockCodeLanguage.value
_WEB = ("http:", "https:")


@dataclass
class CodeBook:
    """The code of every code box drawn, by number: what a "Copy" link copies; and the boxes
    written without their colours (``MarkdownWriter.colour_later``): their language, by
    number."""

    codes: list[str] = field(default_factory=list)
    uncoloured: dict[int, str] = field(default_factory=dict)

    def add(self, code: str) -> int:
        self.codes.append(code)
        return len(self.codes) - 1

    def get(self, number: int) -> str | None:
        return self.codes[number] if 0 <= number < len(self.codes) else None

    def clear(self) -> None:
        self.codes.clear()
        self.uncoloured.clear()


class Output:
    """Where writing goes: a cursor at the end of a block, and whether that block is an
    empty one to fill (a document's first block, or the one Qt adds after a frame) rather
    than one to write after.
    """

    def __init__(self, cursor: QTextCursor, *, fill: bool) -> None:
        self.cursor = cursor
        self.fill = fill

    def block(self, block_format: QTextBlockFormat, char_format: QTextCharFormat) -> None:
        """Start a block with these formats."""
        if self.fill:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
            self.fill = False
        else:
            self.cursor.insertBlock(block_format, char_format)

    def leave(self, frame: QTextFrame) -> None:
        """Continue after ``frame``, in the empty block Qt keeps there."""
        self.cursor = frame.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.fill = True


class MarkdownWriter:
    """Writes Markdown at an :class:`Output`.

    ``decorate=False`` copies Qt's own rendering as it is (code as plain blocks, links as Qt
    colours them): the tests compare that with ``QTextDocument.setMarkdown``.
    """

    def __init__(self, theme: Theme, codes: CodeBook, *, decorate: bool = True) -> None:
        self.theme = theme
        self.codes = codes
        self.decorate = decorate
        self.highlighter = CodeHighlighter(theme.code_style, theme.code_format())
        self.pieces_written = 0  # every call of write(): tests count renders with it
        # Code boxes are written without their colours (and listed in ``codes.uncoloured``):
        # in a flood, code scrolls past unread, and Pygments is most of what writing it costs.
        self.colour_later = False
        self._preview = False
        self.drew_rows = False  # the last write() drew a table as rows (a preview)

    # section: writing

    def write_text(self, out: Output, text: str) -> None:
        """A whole Markdown text, cut as streaming cuts it (so both look the same)."""
        definitions = reference_definitions(text)
        # Each piece needs the definitions to resolve its links, as the whole text would.
        suffix = "\n\n" + "\n".join(definitions) if definitions else ""
        for block in split_blocks(text):
            self.write(out, block.source + suffix)

    def write(self, out: Output, source: str, *, preview: bool = False) -> None:
        """One piece of Markdown (one block or more), after what ``out`` holds.

        ``preview``: the piece is still streaming and will be written again. Tables are then
        drawn as aligned rows of text: a table is a frame, and each frame Qt adds or removes
        makes it scan the whole document (``QTextDocumentPrivate::scan_frames``), which a
        table drawn again at every frame would do at every frame.
        """
        self.pieces_written += 1
        self._preview = preview and self.decorate
        self.drew_rows = False
        if (heading := plain_heading(source)) is not None:
            block_format, char_format, words_format = heading_formats(heading[0], MARKDOWN_FEATURES)
            out.block(block_format, char_format)
            out.cursor.insertText(heading[1], words_format)
            return
        scratch = QTextDocument()
        scratch.setMarkdown(source, MARKDOWN_FEATURES)
        items = _children(scratch.rootFrame())
        if items and _is_bare(items[0]) and (len(items) == 1 or not out.fill):
            # Qt leaves the first block empty when the text starts with a table or a rule,
            # and a text of only link definitions is one empty block: it stands for the block
            # the writing starts in, which is used only when it is an empty one to fill.
            items = items[1:]
        self._write_items(out, items)

    def open_code_box(
        self, out: Output, language: str, number: int, *, indent: float
    ) -> QTextFrame:
        """The frame of a code box and its "Copy" line; ``out`` is left inside it."""
        box = QTextFrameFormat()
        box.setBackground(self.theme.code_background)
        box.setBorder(1)
        box.setBorderBrush(QBrush(self.theme.code_border))
        box.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        box.setPadding(8)
        box.setTopMargin(4)
        box.setBottomMargin(6)
        box.setLeftMargin(indent)
        box.setProperty(CODE_PROPERTY, number)
        if out.fill:
            # insertFrame() keeps the block it is called in before the frame: use it up.
            out.fill = False
        frame = out.cursor.insertFrame(box)
        out.cursor = frame.firstCursorPosition()
        out.fill = True
        label = QTextCharFormat()
        label.setForeground(self.theme.dim)
        size = out.cursor.document().defaultFont().pointSizeF()
        if size > 0:
            label.setFontPointSize(size * 0.85)
        out.block(QTextBlockFormat(), label)
        if language:
            out.cursor.insertText(f"{language}   ", label)
        link = QTextCharFormat(label)
        link.setAnchor(True)
        link.setAnchorHref(f"{COPY_CODE_SCHEME}:{number}")
        link.setToolTip(translate("MarkdownWriter", "Copy the code"))
        out.cursor.insertText(translate("MarkdownWriter", "Copy"), link)
        out.cursor.insertText(" ", label)  # so typing after the link does not extend it
        return frame

    def code_line(self, out: Output, runs: list[Run]) -> None:
        """One line of code in the open code box."""
        out.block(QTextBlockFormat(), self.highlighter.base)
        for text, fmt in runs:
            out.cursor.insertText(text, fmt)

    # section: copying Qt's rendering

    def _write_items(self, out: Output, items: list[QTextBlock | QTextFrame]) -> None:
        lists: dict[int, QTextList] = {}
        at = 0
        while at < len(items):
            item = items[at]
            if isinstance(item, QTextTable):
                if self._preview:
                    self._write_table_rows(out, item)
                else:
                    self._write_table(out, item)
            elif isinstance(item, QTextFrame):
                self._write_items(out, _children(item))  # md4c makes none; keep the text
            elif self.decorate and _is_code(item):
                code: list[QTextBlock] = []
                while at < len(items):
                    line = items[at]
                    if not isinstance(line, QTextBlock) or not _is_code(line):
                        break
                    code.append(line)
                    at += 1
                self._write_code(out, code)
                continue
            else:
                self._write_block(out, item, lists)
            at += 1

    def _write_block(self, out: Output, block: QTextBlock, lists: dict[int, QTextList]) -> None:
        block_format = block.blockFormat()
        # The list a block belongs to is an object of the scratch document: not ours.
        block_format.clearProperty(QTextFormat.Property.ObjectIndex.value)
        out.block(block_format, block.charFormat())
        source_list = block.textList()
        if source_list is not None:
            key = source_list.objectIndex()
            if key in lists:
                lists[key].add(out.cursor.block())
            else:
                lists[key] = out.cursor.createList(source_list.format())
        self._write_fragments(out.cursor, block)

    def _write_fragments(self, cursor: QTextCursor, block: QTextBlock) -> None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                self._write_image(cursor, fmt)
            elif not self.decorate:
                cursor.insertText(fragment.text(), fmt)
            else:
                if fmt.isAnchor():
                    fmt.setForeground(self.theme.link)
                    fmt.setFontUnderline(True)
                    if not fmt.toolTip():
                        fmt.setToolTip(fmt.anchorHref())
                elif fmt.fontFixedPitch():
                    fmt.setBackground(self.theme.code_background)
                    fmt.setFontFamilies([self.theme.code_family, "monospace"])
                cursor.insertText(fragment.text(), fmt)
            it += 1

    def _write_image(self, cursor: QTextCursor, fmt: QTextCharFormat) -> None:
        """An image as words, linked to its address if it is on the web; never loaded."""
        image = fmt.toImageFormat()
        source = image.name()
        alt = str(image.property(QTextFormat.Property.ImageAltText.value) or "")
        text = (
            translate("MarkdownWriter", "[image: {alt}]").format(alt=alt)
            if alt
            else translate("MarkdownWriter", "[image]")
        )
        words = QTextCharFormat()
        words.setForeground(self.theme.dim)
        if source.lower().startswith(_WEB):
            words.setAnchor(True)
            words.setAnchorHref(source)
            words.setToolTip(source)
            words.setFontUnderline(True)
        cursor.insertText(text, words)

    def _write_table(self, out: Output, table: QTextTable) -> None:
        fmt = table.format()
        if self.decorate:
            fmt.setBorderBrush(QBrush(self.theme.code_border))
            # Qt's importer draws an "outset" border: its light edges vanish on a light base.
            fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            fmt.setCellPadding(5)
            fmt.setWidth(QTextLength(QTextLength.Type.VariableLength, 0))
        if out.fill:
            out.fill = False
        copy = out.cursor.insertTable(table.rows(), table.columns(), fmt)
        for row in range(table.rows()):
            for column in range(table.columns()):
                source = table.cellAt(row, column)
                cell = Output(copy.cellAt(row, column).firstCursorPosition(), fill=True)
                lists: dict[int, QTextList] = {}
                it = source.begin()
                while not it.atEnd():
                    block = it.currentBlock()
                    if block.isValid():
                        self._write_block(cell, block, lists)
                    it += 1
        out.leave(copy)

    def _write_table_rows(self, out: Output, table: QTextTable) -> None:
        """A table as rows of aligned monospace text (see ``write(preview=True)``)."""
        self.drew_rows = True
        rows = [
            [_cell_text(table, row, column) for column in range(table.columns())]
            for row in range(table.rows())
        ]
        widths = [max(_width(row[c]) for row in rows) for c in range(table.columns())]
        header = 1  # a GitHub table always has its header row
        bold = QTextCharFormat(self.highlighter.base)
        bold.setFontWeight(QFont.Weight.Bold)
        for number, row in enumerate(rows):
            out.block(QTextBlockFormat(), self.highlighter.base)
            while len(row) > 1 and not row[-1]:
                row = row[:-1]  # cells still to come
            cells = [cell + " " * (widths[c] - _width(cell)) for c, cell in enumerate(row)]
            out.cursor.insertText(
                " │ ".join(cells).rstrip(), bold if number < header else self.highlighter.base
            )
            if number == header - 1:
                out.block(QTextBlockFormat(), self.highlighter.base)
                out.cursor.insertText("─┼─".join("─" * w for w in widths), self.highlighter.base)

    def _write_code(self, out: Output, blocks: list[QTextBlock]) -> None:
        first = blocks[0].blockFormat()
        language = str(first.property(_CODE_LANGUAGE) or "")
        code = "\n".join(block.text() for block in blocks)
        indent = first.indent() * (out.cursor.document().indentWidth()) + first.leftMargin()
        number = self.codes.add(code)
        frame = self.open_code_box(out, language, number, indent=indent)
        if self.colour_later and not self._preview and lexer_for(language) is not None:
            for runs in self.highlighter.plain(code):
                self.code_line(out, runs)
            self.codes.uncoloured[number] = language
        else:
            for runs in self.highlighter.lines(code, language):
                self.code_line(out, runs)
        out.leave(frame)

    def colour(self, box: QTextFrame) -> None:
        """Give a code box written without its colours its colours: its lines (all but the
        "Copy" line) are written again, in one edit."""
        number = box.frameFormat().property(CODE_PROPERTY)
        language = self.codes.uncoloured.pop(number)
        cursor = box.firstCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.beginEditBlock()
        try:
            cursor.setPosition(box.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            out = Output(cursor, fill=False)
            for runs in self.highlighter.lines(self.codes.codes[number], language):
                self.code_line(out, runs)
        finally:
            cursor.endEditBlock()


def _children(frame: QTextFrame) -> list[QTextBlock | QTextFrame]:
    items: list[QTextBlock | QTextFrame] = []
    it = frame.begin()
    while not it.atEnd():
        child = it.currentFrame()
        items.append(child if child is not None else it.currentBlock())
        it += 1
    return items


def _is_bare(item: QTextBlock | QTextFrame) -> bool:
    """An empty block with no format of its own."""
    return (
        isinstance(item, QTextBlock)
        and item.length() <= 1
        and item.blockFormat().propertyCount() == 0
    )


def _cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    if cell.row() != row or cell.column() != column:
        return ""  # covered by a cell that spans it (a row still missing its last cells)
    cursor = QTextCursor(table.document())
    cursor.setPosition(cell.firstPosition())
    cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return " ".join(cursor.selectedText().split())


def _width(text: str) -> int:
    """Columns ``text`` takes in a monospace font (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _is_code(block: QTextBlock) -> bool:
    return block.blockFormat().hasProperty(_CODE_LANGUAGE)

"""One text block of a reply, drawn while it streams: finished Markdown blocks once, the open
one again at each frame.

The block's region of the document is, in order:

- the finished blocks, each written once when it finished, and never touched again;
- the open block (the *tail*), removed and written again at each frame;
- or, while a fenced code block streams, its box: each code line is added once when it is
  whole (coloured on its own), and only the line being received is drawn again. When the
  fence closes, the lines are coloured again as a whole, in the same box, so that
  multi-line strings and comments get their right colours.

So the work of a frame is the size of the open block, not of the reply, and nothing is
drawn per delta: :meth:`StreamingText.append` only records text. A frame writes finished
blocks until its deadline (at least one block): when text comes faster than that, the rest
waits for the next frame, and the open block is drawn once they are written, so a frame never
holds keys and paints back for long.

An open block longer than ``LONG_TAIL`` (a hostile server's endless paragraph, or one huge
delta) is drawn as plain text instead, in pieces of ``PIECE`` characters, each its own
paragraph: a frame writes only what is new (at most ``FRAME_CHARS``), and stops at
``DRAW_CAP`` with a note; the whole text is still kept, copied and saved.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFrame

from desktop_chat.core.i18n import translate
from desktop_chat.core.markdown_blocks import BlockSplitter, MarkdownBlock, OpenFence, code_blocks
from desktop_chat.ui.code_highlight import Run, lexer_for
from desktop_chat.ui.locale_format import data_size
from desktop_chat.ui.markdown_writer import MarkdownWriter, Output
from desktop_chat.ui.plain_markdown import MARKUP

LONG_TAIL = 16_000  # characters of an open block beyond which it is drawn as plain pieces
PIECE = 4_000  # characters per plain piece: a frame writes again at most the last one
FRAME_CHARS = 200_000  # characters of a long block drawn per frame at most
DRAW_CAP = 1_000_000  # characters of one block drawn at all


@dataclass
class _CodeBox:
    """The box of a fenced code block that is still streaming."""

    frame: QTextFrame
    number: int
    language: str
    lines_drawn: int  # of OpenFence.lines, the opening fence included
    line_start: QTextCursor  # where the line being received begins
    runs: list[list[Run]] = field(default_factory=list)  # of each whole line drawn


@dataclass
class StreamingText:
    """Draws one streaming text block into ``document``, from where ``start`` is.

    Attributes:
        finished: the sources of the blocks written as finished, in order (tests read it).
        tail_draws: how many times the open block was drawn.
    """

    document: QTextDocument
    writer: MarkdownWriter
    start: Output
    finished: list[str] = field(default_factory=list)
    tail_draws: int = 0
    _parts: list[str] = field(default_factory=list)
    _splitter: BlockSplitter = field(default_factory=BlockSplitter)
    _committed: QTextCursor | None = None
    _committed_fill: bool = False
    _committed_formats: tuple[QTextBlockFormat, QTextCharFormat] | None = None
    _begin: QTextCursor | None = None
    _begin_fill: bool = False
    _box: _CodeBox | None = None
    _drawn_tail: str = ""
    _end_fill: bool = False
    _tail_rows: bool = False  # the tail holds a table drawn as rows: not the finished look
    _plain_tail: bool = False  # the tail as drawn is one paragraph that plain text can extend
    tail_grown: int = 0  # how many times the open block was extended instead of drawn again
    _dirty: bool = False
    _sealed: bool = False
    _long: int | None = None  # long mode: characters of the open block drawn as whole pieces
    _long_start: QTextCursor | None = None  # where the piece being received begins
    _backlog: list[MarkdownBlock] = field(default_factory=list)  # finished, not written yet

    def __post_init__(self) -> None:
        self._begin = _pinned(self.start.cursor)
        self._begin_fill = self.start.fill
        self._commit(self.start)

    @property
    def text(self) -> str:
        """All the text received so far."""
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    @property
    def end_fill(self) -> bool:
        """The document ends in an empty block to write into (after a frame)."""
        return self._end_fill

    @property
    def dirty(self) -> bool:
        """Text arrived since the last frame."""
        return self._dirty

    def append(self, text: str) -> None:
        """Record streamed text; it is drawn at the next :meth:`draw`."""
        self._parts.append(text)
        self._splitter.feed(text)
        self._dirty = True

    def draw(self, deadline: float | None = None, *, colour_later: bool = False) -> None:
        """Draw what arrived since the last frame. With a ``deadline`` (``perf_counter``),
        finished blocks are written until it passes (one at least), and the rest are left for
        the next draw. ``colour_later``: code is written without its colours, and its boxes
        are listed to be coloured (``MarkdownWriter.colour_later``)."""
        self._dirty = False
        self.writer.colour_later = colour_later
        try:
            self._draw(deadline)
        finally:
            self.writer.colour_later = False

    def _draw(self, deadline: float | None) -> None:
        finished = self._backlog + self._splitter.take_finished()
        self._backlog = []
        fence = self._splitter.open_fence
        tail = "" if fence is not None else self._splitter.open_source
        if self._long is not None:
            if not finished:
                self._draw_long(tail, FRAME_CHARS)
                return
            # The long block ended: draw the rest of it, and go on as usual after it.
            source = finished.pop(0).source
            self._draw_long(source, DRAW_CAP)
            end = QTextCursor(self.document)
            end.movePosition(QTextCursor.MoveOperation.End)
            self._commit(Output(end, fill=False))
            self.finished.append(source)
            self._long = self._long_start = None
            self._drawn_tail = ""
            if not finished and (fence is not None or not tail):
                self._end_fill = False
                if fence is not None:
                    self._dirty = True  # the fence that follows: drawn at the next frame
                return
        elif not finished and fence is None and len(tail) > LONG_TAIL and self._box is None:
            self._begin_long()
            self._draw_long(tail, FRAME_CHARS)
            return
        if self._box is not None and finished and finished[0].fenced_code:
            self._close_code_box(finished.pop(0))
        elif (
            finished
            and self._box is None
            and finished[0].source == self._drawn_tail != ""
            and not self._tail_rows
        ):
            # The open block, as last drawn, is the block that finished: it stays as it is.
            end = QTextCursor(self.document)
            end.movePosition(QTextCursor.MoveOperation.End)
            self._commit(Output(end, fill=self._end_fill))
            self.finished.append(finished.pop(0).source)
            self._drawn_tail = ""
        if not finished and fence is not None and self._box is not None:
            self._draw_code_lines(fence)
            return
        if not finished and fence is None and self._box is None and tail == self._drawn_tail:
            return
        if not finished and fence is None and self._box is None and self._grow_tail(tail):
            return
        cursor = self._cursor_at_committed()
        cursor.beginEditBlock()
        try:
            self._remove_after_committed(cursor)
            out = Output(cursor, fill=self._committed_fill)
            for at, block in enumerate(finished):
                if at and deadline is not None and time.perf_counter() >= deadline:
                    self._backlog = finished[at:]  # and the open block is drawn after them
                    break
                self.writer.write(out, block.source)
                self.finished.append(block.source)
            self._commit(out)
            self._box = None
            if self._backlog:
                self._drawn_tail = ""
                self._end_fill = out.fill
                self._dirty = True
                return
            self._drawn_tail = tail
            if fence is not None:
                self._open_code_box(out, fence)
            elif tail:
                self.tail_draws += 1
                blocks, fill = self.document.blockCount(), out.fill
                self.writer.write(out, tail, preview=True)
                self._tail_rows = self.writer.drew_rows
                one_block = self.document.blockCount() - blocks == (0 if fill else 1)
                self._plain_tail = one_block and not self._tail_rows and _plain_paragraph(tail)
            # After a code box, the document ends in the empty block Qt keeps after it.
            self._end_fill = True if fence is not None else out.fill
        finally:
            cursor.endEditBlock()

    def finish(self, text: str) -> None:
        """The block is complete and ``text`` is all of it: draw the rest, once.

        If what streamed is not ``text`` (it cannot happen with the API, but a view must not
        show something else), or the text defines link references that earlier blocks use,
        the block is written again from ``text`` in one go.
        """
        self._splitter.finish()
        self._dirty = True
        self.draw()
        if self._sealed:
            return
        if self.text != text or self._splitter.has_reference_definitions:
            cursor = _unpinned(self._begin)
            cursor.beginEditBlock()
            try:
                cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                self.writer.write_text(Output(cursor, fill=self._begin_fill), text)
            finally:
                cursor.endEditBlock()
            self._parts = [text]

    def seal(self) -> Output:
        """Freeze what is drawn (something is about to be written after it); return where
        writing continues. Text that still arrives is drawn after that, as a new start.
        """
        self._dirty = True
        self.draw()
        end = QTextCursor(self.document)
        end.movePosition(QTextCursor.MoveOperation.End)
        self._splitter = BlockSplitter()
        self._box = None
        self._drawn_tail = ""
        self._sealed = True
        return Output(end, fill=self._end_fill)

    def resume_at(self, out: Output) -> None:
        """Continue drawing at ``out`` (after :meth:`seal` and what was written after)."""
        self._commit(out)

    # section: an open paragraph that only grew

    def _grow_tail(self, tail: str) -> bool:
        """Add what is new of the open paragraph at its end, when that is how the whole of it
        looks (see :func:`_extends_plainly`); False if it must be drawn again."""
        drawn = self._drawn_tail
        if not (self._plain_tail and drawn and tail.startswith(drawn)):
            return False
        if not _extends_plainly(drawn, tail[len(drawn) :]):
            return False
        # Spaces at the end of a paragraph are not drawn: they are, once text follows them.
        old, new = _shown(drawn), _shown(tail)
        if len(new) > len(old):
            end = QTextCursor(self.document)
            end.movePosition(QTextCursor.MoveOperation.End)
            end.insertText(new[len(old) :])  # in the format of the character before
        self._drawn_tail = tail
        self.tail_grown += 1
        return True

    # section: a long open block, drawn as plain pieces

    def _begin_long(self) -> None:
        """Take back the open block's Markdown preview; it is drawn in pieces from now on."""
        cursor = self._cursor_at_committed()
        cursor.beginEditBlock()
        try:
            self._remove_after_committed(cursor)
            if not self._committed_fill:
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        finally:
            cursor.endEditBlock()
        self._long = 0
        self._long_start = _pinned(cursor)
        self._drawn_tail = ""

    def _draw_long(self, text: str, budget: int) -> None:
        """Write what is new of ``text`` (at most ``budget`` characters more), piece by piece;
        only the piece being received is written again."""
        assert self._long is not None
        cursor = _unpinned(self._long_start)
        cursor.beginEditBlock()
        try:
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            stop = min(len(text), DRAW_CAP, self._long + budget)
            plain = QTextCharFormat()
            while stop - self._long >= PIECE:
                cursor.insertText(text[self._long : self._long + PIECE], plain)
                cursor.insertBlock(QTextBlockFormat(), plain)
                self._long += PIECE
                self._long_start = _pinned(cursor)
            cursor.insertText(text[self._long : stop], plain)
            if stop >= DRAW_CAP and len(text) > DRAW_CAP:
                # Past the cap only this note is written again, with what is not drawn.
                more = len(text) - DRAW_CAP
                if stop > self._long:
                    cursor.insertBlock(QTextBlockFormat(), plain)
                cursor.insertText(
                    translate(
                        "StreamingText",
                        "[{more} more of this part of the reply are not drawn here; they are "
                        "kept: copy the reply or export it to read them.]",
                    ).format(more=data_size(more)),
                    plain,
                )
            elif stop < len(text):
                self._dirty = True  # more than a frame's worth: the rest at the next frames
        finally:
            cursor.endEditBlock()
        self._end_fill = False

    # section: internals

    def _commit(self, out: Output) -> None:
        self._committed = _pinned(out.cursor)
        self._committed_fill = out.fill
        self._committed_formats = (out.cursor.blockFormat(), out.cursor.blockCharFormat())

    def _cursor_at_committed(self) -> QTextCursor:
        return _unpinned(self._committed)

    def _remove_after_committed(self, cursor: QTextCursor) -> None:
        """Remove what is drawn after the committed part (``cursor`` is there)."""
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if self._committed_formats is not None:
            # Removing from the end of an empty block gives it the format of the last block
            # removed: give it its own back.
            cursor.setBlockFormat(self._committed_formats[0])
            cursor.setBlockCharFormat(self._committed_formats[1])

    def _open_code_box(self, out: Output, fence: OpenFence) -> None:
        number = self.writer.codes.add("")
        frame = self.writer.open_code_box(out, fence.language, number, indent=0.0)
        self._box = _CodeBox(frame, number, fence.language, 1, _pinned(out.cursor))
        self._draw_code_lines(fence, out)

    def _close_code_box(self, block: MarkdownBlock) -> None:
        """The streaming code block closed: colour it as a whole, in the box it streamed in.

        The box stays: only its lines are written again (adding or removing a frame makes
        Qt scan the whole document; see ``MarkdownWriter.write``).
        """
        box = self._box
        assert box is not None
        found = code_blocks(block.source)
        code = found[0].code if found else ""
        later = self.writer.colour_later and lexer_for(box.language) is not None
        if later:  # the lines drawn stay (coloured or not); the box is coloured later
            lines = self.writer.highlighter.plain(code)
            self.writer.codes.uncoloured[box.number] = box.language
        else:
            lines = self.writer.highlighter.lines(code, box.language)
        # The lines coloured alike on their own and as a whole stay as they are drawn: only
        # the lines from the first that differs are written again.
        same = 0
        for drawn, runs in zip(box.runs, lines, strict=False):
            if not (_same_text(drawn, runs) if later else _same_runs(drawn, runs)):
                break
            same += 1
        header = box.frame.firstCursorPosition()
        if same:
            block_number = header.blockNumber() + same
            header = QTextCursor(self.document.findBlockByNumber(block_number))
        header.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        header.beginEditBlock()
        try:
            header.setPosition(box.frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            header.removeSelectedText()
            out = Output(header, fill=False)
            for runs in lines[same:]:
                self.writer.code_line(out, runs)
            self.writer.codes.codes[box.number] = code
            out.leave(box.frame)
            self._commit(out)
        finally:
            header.endEditBlock()
        self.finished.append(block.source)
        self._box = None
        self._drawn_tail = ""
        self._end_fill = True

    def _draw_code_lines(self, fence: OpenFence, out: Output | None = None) -> None:
        box = self._box
        assert box is not None
        cursor = _unpinned(box.line_start)
        cursor.beginEditBlock()
        try:
            if out is None:
                cursor.setPosition(box.frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                out = Output(cursor, fill=False)
            lines = fence.lines
            highlighter = self.writer.highlighter
            if box.lines_drawn < len(lines):
                # The lines whole since the last frame, coloured in one go (Pygments' set-up
                # costs more than a short line's colouring).
                new = "\n".join(lines[box.lines_drawn :])
                if self.writer.colour_later:
                    new_lines = highlighter.plain(new)  # coloured when the box closes
                else:
                    new_lines = highlighter.lines(new, box.language)
                for runs in new_lines:
                    self.writer.code_line(out, runs)
                    box.runs.append(runs)
                box.lines_drawn = len(lines)
                self.writer.codes.codes[box.number] = "\n".join(lines[1:])
                box.line_start = _pinned(out.cursor)
            if fence.partial:
                self.tail_draws += 1
                self.writer.code_line(out, [(fence.partial, highlighter.base)])
        finally:
            cursor.endEditBlock()


def _plain_paragraph(source: str) -> bool:
    """``source`` starts a paragraph (not a list, heading, quote or code) whose lines all
    go on it (see :func:`_soft_breaks`)."""
    return source[:1].isalpha() and _soft_breaks(source)


def _soft_breaks(text: str) -> bool:
    """Every line break in ``text`` is followed by a letter, and not preceded by a space
    (two would break the line): the line goes on the paragraph, after a space."""
    if "\r" in text:
        return False
    at = text.find("\n")
    while at != -1:
        if not text[at + 1 : at + 2].isalpha() or text[at - 1 : at] in ("", " "):
            return False
        at = text.find("\n", at + 1)
    return True


def _shown(source: str) -> str:
    """The text a plain paragraph's ``source`` shows: its line breaks as spaces, without the
    spaces at its end."""
    return source.replace("\n", " ").rstrip(" ")


def _extends_plainly(source: str, added: str) -> bool:
    """Drawing ``source + added`` gives what ``source`` gave, with what ``added`` shows after
    it in the format of its last character (plain text: no link, emphasis or code ends there).

    True when ``added`` holds no markup character (line breaks aside, see
    :func:`_soft_breaks`), and ``source`` (a plain paragraph, spaces at its end aside) ends in
    none: then no emphasis, code span or link can open or close anew, no delimiter before
    changes sides. Autolinks and entities need no markup character where the text is added:
    the last word must hold none of theirs.
    """
    visible = source.rstrip(" ")
    if not visible or visible[-1] in MARKUP or "\r" in added:
        return False
    if any(c in MARKUP and c != "\n" for c in added):
        return False
    if "\n" in added and not _soft_breaks(visible[-1] + source[len(visible) :] + added):
        return False
    word = visible.rsplit(None, 1)[-1]
    return not any(c in word for c in ":@&") and "www." not in (word + added).lower()


def _same_text(drawn: list[Run], runs: list[Run]) -> bool:
    return "".join(text for text, _ in drawn) == "".join(text for text, _ in runs)


def _same_runs(drawn: list[Run], runs: list[Run]) -> bool:
    """The same text in the same formats (the highlighter's formats are shared objects)."""
    return len(drawn) == len(runs) and all(
        a[0] == b[0] and a[1] is b[1] for a, b in zip(drawn, runs, strict=True)
    )


def _pinned(cursor: QTextCursor) -> QTextCursor:
    """A copy of ``cursor`` that stays put when text is inserted where it is."""
    pinned = QTextCursor(cursor)
    pinned.clearSelection()
    pinned.setKeepPositionOnInsert(True)
    return pinned


def _unpinned(pinned: QTextCursor | None) -> QTextCursor:
    """A cursor to write with, where ``pinned`` is."""
    assert pinned is not None
    cursor = QTextCursor(pinned)
    cursor.setKeepPositionOnInsert(False)
    # Text inserted at a pinned cursor moves its anchor, not its position: drop the anchor.
    cursor.clearSelection()
    return cursor

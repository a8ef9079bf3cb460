"""The transcript's entries, the part of them drawn in the view's document, and the reply
streaming into it.

Entries from ``first_drawn`` up to ``drawn_until`` are in the document. Those before wait
to be scrolled up to (:meth:`TranscriptDocument.draw_older`), those after to the next turn
of the event loop (:meth:`TranscriptDocument.draw_waiting`). Each drawing covers about one
budget of characters, so work follows what is on screen, not the conversation's length.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
)

from desktop_chat.ui.live_reply import LiveReply
from desktop_chat.ui.markdown_writer import CODE_PROPERTY, CodeBook, Output
from desktop_chat.ui.streaming_text import StreamingText
from desktop_chat.ui.transcript_entries import (
    ENTRY_PROPERTY,
    Entry,
    EntryPainter,
    message_text,
    text_may_hold,
)


@contextmanager
def edit_block(cursor: QTextCursor) -> Iterator[None]:
    """Group edits: the document is laid out once, at the end, not after each one."""
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


class TranscriptDocument:
    """Entries, what of them is drawn, and the live reply; ``painter`` draws them (it is
    replaced when the theme changes)."""

    def __init__(self, document: QTextDocument, painter: EntryPainter, codes: CodeBook) -> None:
        self.document = document
        self.painter = painter
        self.codes = codes
        self.entries: list[Entry] = []
        # Blocks are stamped with their entry's index minus the entries put before all the
        # others since (``prepend``), so that stamps stay right as the list grows up.
        self.prepended = 0
        self.first_drawn = 0  # entries before this one are not in the document (yet)
        self.drawn_until = 0  # entries from this one on wait to be drawn
        self.end_fill = True  # the document ends in an empty block to write into
        self.reply: LiveReply | None = None  # the reply streaming now
        self._setup_document()

    def _setup_document(self) -> None:
        self.document.setDocumentMargin(16)
        # A read-only view: an undo stack would keep every frame's edit of a streaming reply.
        self.document.setUndoRedoEnabled(False)

    def clear(self) -> None:
        self._clear_document()
        self.entries.clear()
        self.first_drawn = self.drawn_until = self.prepended = 0
        self.reply = None

    def _clear_document(self) -> None:
        self.document.clear()
        self._setup_document()
        self.codes.clear()
        self.end_fill = True

    def stamp(self, number: int) -> int:
        """What entry ``number``'s first block carries."""
        return number - self.prepended

    def entry_number(self, block: QTextBlock) -> int | None:
        """The index in ``entries`` of the entry that starts at ``block``, if one does."""
        stamp = block.blockFormat().property(ENTRY_PROPERTY)
        if not isinstance(stamp, int):
            return None
        number = stamp + self.prepended
        return number if 0 <= number < len(self.entries) else None

    def entry_before(self, block: QTextBlock) -> Entry | None:
        """The entry that ``block`` is part of (the last one starting at or before it)."""
        while block.isValid():
            number = self.entry_number(block)
            if number is not None:
                return self.entries[number]
            block = block.previous()
        return None

    def message_start(self, block: QTextBlock, step: int) -> QTextBlock | None:
        """The first block of the message after (``step`` > 0) or before ``block``."""
        block = block.previous() if step < 0 else block.next()
        while block.isValid():
            number = self.entry_number(block)
            if number is not None and self.entries[number].message is not None:
                return block
            block = block.previous() if step < 0 else block.next()
        return None

    def code_in(self, frame: QTextFrame | None) -> str | None:
        """The code of the code block that ``frame`` is, or is inside of."""
        while frame is not None:
            number = frame.frameFormat().property(CODE_PROPERTY)
            if isinstance(number, int):
                return self.codes.get(number)
            frame = frame.parentFrame()
        return None

    def entry_text(self, entry: Entry) -> str:
        """An entry's text as Markdown (the streaming reply's so far)."""
        reply = self.reply
        if entry.live and reply is not None and entry is self.entries[reply.entry]:
            return reply.text
        if entry.message is None:
            return entry.note
        return message_text(entry.message)

    def reply_texts(self) -> Iterator[str]:
        """The replies' texts as Markdown, the last first."""
        for entry in reversed(self.entries):
            if entry.live or (entry.message is not None and entry.message.role == "assistant"):
                yield self.entry_text(entry)

    def older_match(self, exp: QRegularExpression | str, *, exact: bool) -> int | None:
        """The last entry not drawn yet whose text may match, or None."""
        if self.first_drawn == 0:
            return None
        if not isinstance(exp, str):
            return 0  # a regular expression: look everywhere
        for number in range(self.first_drawn - 1, -1, -1):
            if text_may_hold(self.entry_text(self.entries[number]), exp, exact=exact):
                return number
        return None

    def end(self) -> Output:
        """Where appending goes: the end of the document."""
        cursor = QTextCursor(self.document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return Output(cursor, fill=self.end_fill or self.document.isEmpty())

    def append_drawn(self, entry: Entry) -> int:
        """Add an entry the caller draws now (nothing may wait); returns its index."""
        self.entries.append(entry)
        self.drawn_until = len(self.entries)
        return len(self.entries) - 1

    def prepend(self, older: list[Entry]) -> None:
        """Entries that come before all the others; drawn when scrolled up to."""
        self.entries[0:0] = older
        count = len(older)
        self.prepended += count
        if self.drawn_until:  # (nothing drawn yet: the end is drawn first, as usual)
            self.first_drawn += count
            self.drawn_until += count
        if self.reply is not None:
            self.reply.entry += count

    def write_note(self, out: Output, text: str, *, error: bool, number: int | None) -> None:
        stamp = None if number is None else self.stamp(number)
        self.painter.write_note(out, text, error=error, stamp=stamp)

    def draw_waiting(self, budget: int) -> bool:
        """Draw the entries that wait, or the last ``budget`` of them when nothing is drawn
        yet; True when something was drawn."""
        if self.drawn_until >= len(self.entries):
            return False
        if self.drawn_until == 0:
            self.first_drawn = self.drawn_until = self.budget_start(len(self.entries), budget)
        out = self.end()
        with edit_block(out.cursor):
            self._write_entries(out, self.drawn_until, len(self.entries))
        self.end_fill = out.fill
        self.drawn_until = len(self.entries)
        return True

    def budget_start(self, end: int, budget: int) -> int:
        """The first of the entries before ``end`` that one drawing budget covers."""
        start, size = end, 0
        while start > 0 and (size < budget or end - start < 2):
            start -= 1
            size += self.entries[start].size
        return start

    def draw_older(self, budget: int, down_to: int | None = None) -> None:
        """Draw a batch of the entries above what is drawn (down to entry ``down_to`` at
        least)."""
        start = self.budget_start(self.first_drawn, budget)
        if down_to is not None:
            start = min(start, down_to)
        cursor = QTextCursor(self.document)
        with edit_block(cursor):
            # A new, empty first block to write into; what was first follows it unchanged.
            first = self.document.begin()
            cursor.insertBlock(first.blockFormat(), first.charFormat())
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            cursor.setBlockFormat(QTextBlockFormat())
            cursor.setBlockCharFormat(QTextCharFormat())
            self._write_entries(Output(cursor, fill=True), start, self.first_drawn)
        self.first_drawn = start

    def redraw(self) -> None:
        """Draw the drawn entries again (the theme changed)."""
        self._clear_document()
        out = self.end()
        with edit_block(out.cursor):
            self._write_entries(out, self.first_drawn, self.drawn_until)
        self.end_fill = out.fill

    def _write_entries(self, out: Output, start: int, stop: int) -> None:
        for number in range(start, stop):
            self.painter.write_entry(out, self.entries[number], self.stamp(number))

    # section: the live reply

    def begin_reply(self) -> None:
        """A reply starts streaming at the end (what waited is drawn, no reply is open)."""
        entry = self.append_drawn(Entry(live=True))
        out = self.end()
        with edit_block(out.cursor):
            self.painter.write_header(out, self.stamp(entry), "Claude", assistant=True)
        self.end_fill = out.fill
        self.reply = LiveReply(entry)

    def start_text(self, index: int) -> None:
        reply = self.reply
        assert reply is not None
        for other in list(reply.open):  # one text block streams at a time; close the last
            self.finish_text(other, reply.texts[other].text)
        if index in reply.texts:  # the same block again (should not happen): keep it apart
            reply.texts[index].finish(reply.texts[index].text)
        reply.texts[index] = StreamingText(self.document, self.painter.writer, self.end())
        reply.open.add(index)

    def finish_text(self, index: int, text: str) -> None:
        """The text block is complete: draw what is left of it, once."""
        reply = self.reply
        if reply is None:
            return
        if index not in reply.texts:
            if not text:
                return
            self.start_text(index)
        if index not in reply.open:
            return
        stream = reply.texts[index]
        reply.open.discard(index)
        stream.finish(text)
        self.end_fill = stream.end_fill

    def close_reply(self) -> None:
        """The reply ends (a block cut short is drawn as it arrived)."""
        reply = self.reply
        assert reply is not None
        for index in list(reply.open):
            self.finish_text(index, reply.texts[index].text)
        self.reply = None

    def write_note_now(self, text: str, *, error: bool, number: int | None) -> None:
        """A note at the end, now (a streaming text block is frozen first, and goes on
        after the note)."""
        stream = self.reply.open_stream() if self.reply is not None else None
        out = stream.seal() if stream is not None else self.end()
        with edit_block(out.cursor):
            self.write_note(out, text, error=error, number=number)
        self.end_fill = out.fill
        if stream is not None:
            stream.resume_at(out)

"""The transcript: messages as one rich-text document, the streaming reply drawn in place.

Drawing stays fast however long the reply or the conversation:

- While a reply streams, a text delta is only recorded (:class:`StreamingText`); at most
  once per frame (16 ms) the Markdown blocks that finished are written, once and for good,
  and only the block still open is written again. Work per frame is the size of that open
  block: not of the reply, not of the conversation.
- A conversation opens with only its last messages drawn (about three screens); older ones
  are drawn, a batch at a time, as the user scrolls up. ``show_message`` itself is lazy, so
  a caller that shows 200 messages one by one pays for the last few only.

Model output is data: raw HTML in Markdown is shown as text, images are never loaded (a
link to them is shown instead), and a link opens, in the system browser, only when the user
activates it; the view never navigates.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRegularExpression, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QPaintEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from desktop_chat.core.citations import SourceList, cited_markdown, has_citations, sources_markdown
from desktop_chat.core.conversation import Block, Message, Status
from desktop_chat.core.markdown_blocks import code_blocks
from desktop_chat.core.redaction import redact
from desktop_chat.core.tool_cards import call_line, is_tool_results, result_lines
from desktop_chat.ui import code_highlight
from desktop_chat.ui.markdown_writer import (
    CODE_PROPERTY,
    COPY_CODE_SCHEME,
    CodeBook,
    MarkdownWriter,
    Output,
)
from desktop_chat.ui.streaming_text import StreamingText
from desktop_chat.ui.theme import Theme

FRAME_MS = 16
WARM_UP_DELAY_MS = 2000  # after the first paint: make the common syntax highlighters
# How much of a conversation is drawn at a time (characters of message text): the last
# part when it opens, then one more part each time the user scrolls near the top.
DRAW_BUDGET = 24_000
# Set on a message's first block: its number in the transcript.
ENTRY_PROPERTY = QTextFormat.Property.UserProperty.value + 2
_WEB_SCHEMES = ("http", "https", "mailto")
_MARKS = str.maketrans("", "", "*_`~#>|")

_STOP_WORDS = {
    "max_tokens": "The reply reached the max_tokens limit and was cut here.",
    "stop_sequence": "The reply stopped at a stop sequence.",
    "tool_use": "Claude asked to use a tool; this app does not run tools.",
    "pause_turn": "The API paused this turn; send a message to let it continue.",
    "refusal": "Claude declined to continue this reply.",
    "model_context_window_exceeded": "The conversation filled the model's context window.",
}


def open_link(url: QUrl) -> None:
    """Open ``url`` in the system browser (tests replace this hook)."""
    QDesktopServices.openUrl(url)


@dataclass
class _Entry:
    """One thing in the transcript: a message, a note, or the reply streaming now."""

    message: Message | None = None
    note: str = ""
    error: bool = False
    live: bool = False

    @property
    def size(self) -> int:
        """About how much drawing it takes (characters)."""
        if self.message is None:
            return len(self.note) + 80
        return len(self.message.text) + 80


@dataclass
class _Reply:
    """The reply streaming now: its entry, and its text blocks by content index."""

    entry: int
    texts: dict[int, StreamingText] = field(default_factory=dict)
    open: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts[i].text for i in sorted(self.texts) if self.texts[i].text)


def message_text(message: Message) -> str:
    """What copying a message copies: its text blocks (Markdown as written)."""
    texts = [str(b.get("text", "")) for b in message.content if b.get("type") == "text"]
    return "\n\n".join(t for t in texts if t)


def outcome_note(message: Message) -> tuple[str, bool] | None:
    """How a reply ended, in words, and whether that is an error; None for a plain end."""
    if message.status is Status.ERROR:
        return message.error or "The reply failed.", True
    if message.status is Status.INTERRUPTED:
        return message.error or "Stopped. The partial reply is kept.", False
    if message.stop_reason in _STOP_WORDS:
        words = _STOP_WORDS[message.stop_reason]
        if message.stop_reason == "refusal" and message.stop_details:
            explanation = message.stop_details.get("explanation")
            if explanation:
                words += f" ({explanation})"
        return words, False
    return None


class ChatView(QTextBrowser):
    """Read-only transcript.

    Signals:
        first_painted(): the view painted for the first time (start-up timing).
        copied(str): something went to the clipboard; what, in words ("Code copied").
    """

    first_painted = Signal()
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_view")
        self.setAccessibleName("Conversation")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Long words and code lines wrap instead of widening the whole transcript.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._setup_document()
        self._painted = False
        self._theme = Theme.from_palette(self.palette())
        self._codes = CodeBook()
        self._writer = MarkdownWriter(self._theme, self._codes)
        self._entries: list[_Entry] = []
        # Blocks are stamped with their entry's index minus the entries put before all the
        # others since (``prepend_older``), so that stamps stay right as the list grows up.
        self._prepended = 0
        self._first_drawn = 0  # entries before this one are not in the document (yet)
        self._drawn_until = 0  # entries from this one on wait to be drawn
        self._end_fill = True  # the document ends in an empty block to write into
        self._reply: _Reply | None = None
        self._deferred_notes: list[tuple[str, bool]] = []  # said while a reply streamed
        self._stick_to_bottom = True
        self._redraw_pending = False
        self.frames_drawn = 0
        self._last_frame = 0.0
        self._frame_cost = 0.0
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.timeout.connect(self._on_frame)
        self._frame_pending = False
        self._lazy_timer = QTimer(self)
        self._lazy_timer.setSingleShot(True)
        self._lazy_timer.setInterval(0)
        self._lazy_timer.timeout.connect(self._draw_waiting)
        self._older_timer = QTimer(self)
        self._older_timer.setSingleShot(True)
        self._older_timer.setInterval(0)
        self._older_timer.timeout.connect(self._draw_older)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.highlighted.connect(self.on_link_highlighted)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)

    def _setup_document(self) -> None:
        document = self.document()
        document.setDocumentMargin(16)
        # A read-only view: an undo stack would keep every frame's edit of a streaming reply.
        document.setUndoRedoEnabled(False)

    # section: Qt overrides

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            # Not at once: start-up has its own work in the background (the SDK loads), and
            # a conversation opened right now makes the lexers it needs itself.
            QTimer.singleShot(WARM_UP_DELAY_MS, code_highlight.warm_up)

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        # Never load images or other resources that model output names (remote or local).
        return None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not hasattr(self, "_writer"):
            return  # still in __init__
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            theme = Theme.from_palette(self.palette())
            if theme != self._theme:
                self._theme = theme
                self._writer = MarkdownWriter(theme, self._codes)
                if self._reply is not None:
                    self._redraw_pending = True  # after the reply: its drawing is in flight
                else:
                    self._redraw()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        entry = self._entry_at(event.pos())
        code = self._code_at(event.pos())
        if entry is not None or code is not None:
            menu.addSeparator()
        if code is not None:
            menu.addAction("Copy code block").triggered.connect(
                lambda: self._copy(code, "Code copied")
            )
        if entry is not None:
            text = self._entry_text(entry)
            menu.addAction("Copy message").triggered.connect(
                lambda: self._copy(text, "Message copied")
            )
        menu.exec(event.globalPos())
        menu.deleteLater()

    def toPlainText(self) -> str:
        """The transcript as shown (messages not drawn yet, far up, are not in it)."""
        self._draw_waiting()
        return super().toPlainText()

    # section: slots

    def on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == COPY_CODE_SCHEME:
            number = url.path()
            code = self._codes.get(int(number)) if number.isdigit() else None
            if code is not None:
                self._copy(code, "Code copied")
        elif scheme in _WEB_SCHEMES:
            open_link(url)

    def on_link_highlighted(self, url: QUrl) -> None:
        """A link reached by Tab shows its tooltip (a citation's quote) as hovering would."""
        cursor = self.textCursor()
        tip = cursor.charFormat().toolTip() if cursor.hasSelection() and url.isValid() else ""
        if tip:
            rect = self.cursorRect(cursor)
            QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), tip, self)

    # section: building the transcript

    def clear_transcript(self) -> None:
        self._frame_timer.stop()
        self._frame_pending = False
        self._lazy_timer.stop()
        self._older_timer.stop()
        self.document().clear()
        self._setup_document()
        self._codes.clear()
        self._entries.clear()
        self._first_drawn = self._drawn_until = self._prepended = 0
        self._deferred_notes.clear()
        self._end_fill = True
        self._reply = None
        self._stick_to_bottom = True

    def show_conversation(self, messages: list[Message]) -> None:
        """Show these messages instead of what is shown: the last ones now, the rest on
        scrolling up."""
        self.clear_transcript()
        self._entries.extend(_Entry(message=m) for m in messages)
        self._draw_waiting()

    def show_message(self, message: Message) -> None:
        """Append a whole message (history, or the user's just-sent question).

        Drawn at the next turn of the event loop, so showing many in a row costs only the
        ones that end up on screen.
        """
        self._entries.append(_Entry(message=message))
        if message.role == "user":
            self._stick_to_bottom = True
        if not self._lazy_timer.isActive():
            self._lazy_timer.start()

    def show_path(self, items: list[tuple[Message, tuple[str, ...]]]) -> None:
        """Show these messages, each with its notes, instead of what is shown (the last ones
        are drawn now, the rest on scrolling up)."""
        self.clear_transcript()
        for message, notes in items:
            self._entries.append(_Entry(message=message))
            self._entries.extend(_Entry(note=note) for note in notes)
        self._draw_waiting()

    def prepend_older(self, items: list[tuple[Message, tuple[str, ...]]]) -> None:
        """Messages that come before all those shown (the rest of a long conversation,
        read after its end was drawn); drawn when scrolled up to, like the others."""
        older: list[_Entry] = []
        for message, notes in items:
            older.append(_Entry(message=message))
            older.extend(_Entry(note=note) for note in notes)
        if not older:
            return
        self._entries[0:0] = older
        count = len(older)
        self._prepended += count
        if self._drawn_until:  # (nothing drawn yet: the end is drawn first, as usual)
            self._first_drawn += count
            self._drawn_until += count
        if self._reply is not None:
            self._reply.entry += count

    def on_reply_started(self, _continuing: bool = False) -> None:
        self.begin_reply()

    def begin_reply(self) -> None:
        self._draw_waiting()
        if self._reply is not None:  # a reply that never ended: close it as it stands
            self._close_reply()
        self._stick_to_bottom = True
        entry = self._add_entry(_Entry(live=True))
        out = self._end()
        with _edit_block(out.cursor):
            self._write_header(out, entry, "Claude", assistant=True)
        self._end_fill = out.fill
        self._reply = _Reply(entry)
        self._scroll_to_bottom()

    def on_block_started(self, index: int, block_type: str, _block: object = None) -> None:
        if self._reply is None:
            self.begin_reply()
        assert self._reply is not None
        if block_type == "text":
            self._start_text(index)
        elif block_type == "tool_use":  # (a server tool is run by the API itself)
            name = (_block or {}).get("name", "?") if isinstance(_block, dict) else "?"
            self._write_note_now(f"Tool call: {name} (its arguments arrive in the side pane)")

    def on_text_delta(self, index: int, text: str) -> None:
        if self._reply is None or index not in self._reply.open:
            self.on_block_started(index, "text")
        assert self._reply is not None
        self._reply.texts[index].append(text)
        self._schedule_frame()

    def on_block_stopped(self, index: int, block: dict[str, Any]) -> None:
        if block.get("type") == "text":
            self.on_text_block_done(index, str(block.get("text", "")))

    def on_text_block_done(self, index: int, text: str) -> None:
        """The text block is complete: draw what is left of it, once."""
        reply = self._reply
        if reply is None:
            return
        if index not in reply.texts:
            if not text:
                return
            self._start_text(index)
        if index not in reply.open:
            return
        stream = reply.texts[index]
        reply.open.discard(index)
        stream.finish(text)
        self._end_fill = stream.end_fill

    def end_reply(self, message: Message, notes: tuple[str, ...] = ()) -> None:
        """Close the streaming reply (a block cut short is drawn as it arrived): say how it
        ended, and ``notes`` (what can be done next)."""
        if self._reply is None:
            return
        self._entries[self._reply.entry].message = message
        self._close_reply()
        if has_citations(message.content):
            # Streamed block by block; drawn again as one text with its markers and sources.
            self._redraw_pending = True
        note = outcome_note(message)
        if note is not None:
            self._write_note_now(note[0], error=note[1], entry=False)
        for text in notes:
            self._write_note_now(text)
        deferred, self._deferred_notes = self._deferred_notes, []
        for text, error in deferred:
            self.show_notice(text, error=error)
        if self._redraw_pending:
            self._redraw()

    def show_notice(self, text: str, *, error: bool = False) -> None:
        """A note in the transcript (lazy, like ``show_message``, unless a reply streams).

        Notes quote what others said (a server's error, a file's name): keys are taken out.
        """
        text = redact(text)
        if self._reply is not None:
            # Never inside the streaming text (in a code block it would break what follows):
            # said when the reply ends; the banner and the status bar say it at once.
            self._deferred_notes.append((text, error))
            return
        self._entries.append(_Entry(note=text, error=error))
        if not self._lazy_timer.isActive():
            self._lazy_timer.start()

    # section: finding and moving

    # QTextEdit.find shadows the static QWidget.find(id), as in the Qt stubs themselves.
    def find(  # type: ignore[override]
        self,
        exp: QRegularExpression | str,
        /,
        options: QTextDocument.FindFlag = QTextDocument.FindFlag(0),  # noqa: B008
    ) -> bool:
        """``QTextEdit.find`` over the whole conversation: when the drawn part has no match,
        the older messages down to the last one that has it are drawn, and it runs again."""
        self._draw_waiting()
        if super().find(exp, options):
            return True
        older = self._older_match(exp, options)
        if older is None:
            return False
        self._draw_older(down_to=older)
        return super().find(exp, options)

    def _older_match(
        self, exp: QRegularExpression | str, options: QTextDocument.FindFlag
    ) -> int | None:
        """The last entry not drawn yet whose text may match, or None."""
        if self._first_drawn == 0:
            return None
        if not isinstance(exp, str):
            return 0  # a regular expression: look everywhere
        exact = bool(options & QTextDocument.FindFlag.FindCaseSensitively)
        needle = exp if exact else exp.casefold()
        for number in range(self._first_drawn - 1, -1, -1):
            text = self._entry_text(self._entries[number])
            text = text if exact else text.casefold()
            # The source has Markdown marks the drawn text does not: look at both.
            if needle in text or needle in text.translate(_MARKS):
                return number
        return None

    def go_to_message(self, step: int) -> bool:
        """Scroll the start of the previous (``step`` < 0) or next message to the top."""
        self._draw_waiting()
        layout = self.document().documentLayout()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        block = block.previous() if step < 0 else block.next()
        while block.isValid():
            number = self._entry_number(block)
            if number is not None and self._entries[number].message is not None:
                self._stick_to_bottom = False
                self.verticalScrollBar().setValue(round(layout.blockBoundingRect(block).top()))
                return True
            block = block.previous() if step < 0 else block.next()
        if step < 0 and self._first_drawn > 0:
            self._draw_older()
            return self.go_to_message(step)
        return False

    # section: copying

    def last_reply_text(self) -> str | None:
        """The last reply's text, as Markdown (so far, while it streams); None if none."""
        for entry in reversed(self._entries):
            if entry.live or (entry.message is not None and entry.message.role == "assistant"):
                return self._entry_text(entry)
        return None

    def last_code_block(self) -> str | None:
        """The code of the last fenced code block in the conversation; None if none."""
        for entry in reversed(self._entries):
            if entry.live or (entry.message is not None and entry.message.role == "assistant"):
                found = code_blocks(self._entry_text(entry))
                if found:
                    return found[-1].code
        return None

    def copy_last_reply(self) -> bool:
        """Put the last reply on the clipboard; False when there is none."""
        text = self.last_reply_text()
        if text is None:
            return False
        self._copy(text, "Reply copied")
        return True

    def copy_last_code_block(self) -> bool:
        """Put the last code block on the clipboard; False when there is none."""
        code = self.last_code_block()
        if code is None:
            return False
        self._copy(code, "Code copied")
        return True

    def _copy(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(what)

    def _entry_text(self, entry: _Entry) -> str:
        if entry.live and self._reply is not None and entry is self._entries[self._reply.entry]:
            return self._reply.text
        if entry.message is None:
            return entry.note
        return message_text(entry.message)

    # section: streaming

    def _start_text(self, index: int) -> None:
        reply = self._reply
        assert reply is not None
        for other in list(reply.open):  # one text block streams at a time; close the last
            self.on_text_block_done(other, reply.texts[other].text)
        if index in reply.texts:  # the same block again (should not happen): keep it apart
            reply.texts[index].finish(reply.texts[index].text)
        reply.texts[index] = StreamingText(self.document(), self._writer, self._end())
        reply.open.add(index)

    def _schedule_frame(self) -> None:
        if self._frame_pending:
            return
        gap = max(FRAME_MS / 1000, self._frame_cost)
        wait = self._last_frame + gap - time.monotonic()
        if wait <= 0:
            self._on_frame()  # the first text after a pause shows at once
        else:
            self._frame_pending = True
            self._frame_timer.start(max(1, round(wait * 1000)))

    def _on_frame(self) -> None:
        self._frame_pending = False
        started = time.monotonic()
        reply = self._reply
        if reply is None:
            return
        for index in reply.open:
            stream = reply.texts[index]
            if stream.dirty:
                stream.draw()
        self.frames_drawn += 1
        # A slow frame (a long open block) leaves at least as long for keys and paints
        # before the next one.
        self._last_frame = time.monotonic()
        self._frame_cost = self._last_frame - started
        if any(reply.texts[i].dirty for i in reply.open):
            self._schedule_frame()  # more was left for the next frames

    def _close_reply(self) -> None:
        reply = self._reply
        assert reply is not None
        for index in list(reply.open):
            self.on_text_block_done(index, reply.texts[index].text)
        self._frame_timer.stop()
        self._frame_pending = False
        self._reply = None

    # section: drawing entries

    def _add_entry(self, entry: _Entry) -> int:
        self._draw_waiting()
        self._entries.append(entry)
        self._drawn_until = len(self._entries)
        return len(self._entries) - 1

    def _end(self) -> Output:
        """Where appending goes: the end of the document."""
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return Output(cursor, fill=self._end_fill or self.document().isEmpty())

    def _write_note_now(self, text: str, *, error: bool = False, entry: bool = True) -> None:
        """A note at the end of the transcript, now (a streaming text block is frozen first,
        and goes on after the note)."""
        number = self._add_entry(_Entry(note=text, error=error)) if entry else None
        stream = self._open_stream()
        out = stream.seal() if stream is not None else self._end()
        with _edit_block(out.cursor):
            self._write_note(out, text, error=error, number=number)
        self._end_fill = out.fill
        if stream is not None:
            stream.resume_at(out)

    def _open_stream(self) -> StreamingText | None:
        if self._reply is None or not self._reply.open:
            return None
        return self._reply.texts[max(self._reply.open)]

    def _draw_waiting(self) -> None:
        """Draw the entries that wait (shown with ``show_message``), or the last part of
        them when nothing is drawn yet."""
        self._lazy_timer.stop()
        if self._drawn_until >= len(self._entries):
            return
        if self._drawn_until == 0:
            self._first_drawn = self._drawn_until = self._budget_start(len(self._entries))
        out = self._end()
        with _edit_block(out.cursor):
            for number in range(self._drawn_until, len(self._entries)):
                self._write_entry(out, number)
        self._end_fill = out.fill
        self._drawn_until = len(self._entries)
        if self._stick_to_bottom:
            self._scroll_to_bottom()

    def _budget_start(self, end: int) -> int:
        """The first of the entries before ``end`` that one drawing budget covers."""
        start, size = end, 0
        while start > 0 and (size < DRAW_BUDGET or end - start < 2):
            start -= 1
            size += self._entries[start].size
        return start

    def _draw_older(self, down_to: int | None = None) -> None:
        """Draw a batch of the entries above what is drawn (down to entry ``down_to`` at
        least), keeping the view where it is."""
        if self._first_drawn == 0:
            return
        bar = self.verticalScrollBar()
        old_max, old_value = bar.maximum(), bar.value()
        start = self._budget_start(self._first_drawn)
        if down_to is not None:
            start = min(start, down_to)
        cursor = QTextCursor(self.document())
        with _edit_block(cursor):
            # A new, empty first block to write into; what was first follows it unchanged.
            first = self.document().begin()
            cursor.insertBlock(first.blockFormat(), first.charFormat())
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            cursor.setBlockFormat(QTextBlockFormat())
            cursor.setBlockCharFormat(QTextCharFormat())
            out = Output(cursor, fill=True)
            for number in range(start, self._first_drawn):
                self._write_entry(out, number)
        self._first_drawn = start
        if not self._stick_to_bottom:
            bar.setValue(old_value + bar.maximum() - old_max)

    def _redraw(self) -> None:
        """Draw the drawn entries again (the theme changed)."""
        self._redraw_pending = False
        first, until = self._first_drawn, self._drawn_until
        self.document().clear()
        self._setup_document()
        self._codes.clear()
        self._end_fill = True
        out = self._end()
        with _edit_block(out.cursor):
            for number in range(first, until):
                self._write_entry(out, number)
        self._end_fill = out.fill
        if self._stick_to_bottom:
            self._scroll_to_bottom()

    def _write_entry(self, out: Output, number: int) -> None:
        entry = self._entries[number]
        message = entry.message
        if message is None:
            if not entry.live:  # (a reply that never ended has nothing to draw again)
                self._write_note(out, entry.note, error=entry.error, number=number)
            return
        if is_tool_results(message):
            self._write_header(out, number, "Tools", assistant=False)
            for line, error in result_lines(message):
                self._write_note(out, line, error=error)
            if message.text:
                self._write_note(out, message.text)
            return
        if message.role == "user":
            self._write_header(out, number, "You", assistant=False)
            for line in message.text.split("\n"):
                out.block(QTextBlockFormat(), QTextCharFormat())
                out.cursor.insertText(line, QTextCharFormat())
            return
        self._write_header(out, number, "Claude", assistant=True)
        # A reply that cites: each run of text blocks is one text with numbered markers
        # (the quote on hover or focus); its sources follow (opened on click or Enter).
        sources = SourceList() if has_citations(message.content) else None
        run: list[Block] = []
        for block in [*message.content, {"type": "end"}]:
            kind = block.get("type")
            if kind == "text":
                run.append(block)
                continue
            if run:
                self._write_texts(out, run, sources)
                run = []
            if kind == "tool_use":
                self._write_note(out, call_line(block))
            elif kind == "server_tool_use":
                self._write_note(out, f"Used the tool “{block.get('name', '?')}” (run by the API).")
        if sources is not None and sources.sources:
            self._writer.write_text(out, sources_markdown(sources.sources))
        note = outcome_note(message)
        if note is not None:
            self._write_note(out, note[0], error=note[1])

    def _write_texts(self, out: Output, blocks: list[Block], sources: SourceList | None) -> None:
        if sources is not None:
            self._writer.write_text(out, cited_markdown(blocks, sources))
            return
        for block in blocks:
            if block.get("text"):
                self._writer.write_text(out, str(block["text"]))

    def _write_header(self, out: Output, number: int, who: str, *, assistant: bool) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(18)
        block.setBottomMargin(2)
        block.setProperty(ENTRY_PROPERTY, number - self._prepended)
        name = QTextCharFormat()
        name.setFontWeight(QFont.Weight.Bold)
        if assistant:
            name.setForeground(self._theme.accent)
        out.block(block, QTextCharFormat())
        out.cursor.insertText(who, name)

    def _write_note(
        self, out: Output, text: str, *, error: bool = False, number: int | None = None
    ) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(6)
        if number is not None:
            block.setProperty(ENTRY_PROPERTY, number - self._prepended)
        words = QTextCharFormat()
        words.setFontItalic(True)
        words.setForeground(self._theme.error if error else self._theme.dim)
        out.block(block, QTextCharFormat())
        out.cursor.insertText(text, words)

    # section: scrolling

    def _on_scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._stick_to_bottom = value >= bar.maximum() - 4
        self._maybe_draw_older()

    def _on_range_changed(self, _low: int, high: int) -> None:
        if self._stick_to_bottom:
            self.verticalScrollBar().setValue(high)
        self._maybe_draw_older()

    def _maybe_draw_older(self) -> None:
        if self._first_drawn == 0 or self._older_timer.isActive():
            return
        if self.verticalScrollBar().value() < self.height():
            self._older_timer.start()

    def _scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    # section: finding things under the pointer

    def _entry_at(self, pos: QPoint) -> _Entry | None:
        block = self.cursorForPosition(pos).block()
        while block.isValid():
            number = self._entry_number(block)
            if number is not None:
                return self._entries[number]
            block = block.previous()
        return None

    def _entry_number(self, block: QTextBlock) -> int | None:
        """The index in ``_entries`` of the entry that starts at ``block``, if one does."""
        stamp = block.blockFormat().property(ENTRY_PROPERTY)
        if not isinstance(stamp, int):
            return None
        number = stamp + self._prepended
        return number if 0 <= number < len(self._entries) else None

    def _code_at(self, pos: QPoint) -> str | None:
        frame = self.cursorForPosition(pos).currentFrame()
        while frame is not None:
            number = frame.frameFormat().property(CODE_PROPERTY)
            if isinstance(number, int):
                return self._codes.get(number)
            frame = frame.parentFrame()
        return None


@contextmanager
def _edit_block(cursor: QTextCursor) -> Iterator[None]:
    """Group edits: the document is laid out once, at the end, not after each one."""
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()

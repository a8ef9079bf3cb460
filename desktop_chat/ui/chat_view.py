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
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRegularExpression, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QGuiApplication,
    QPaintEvent,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from desktop_chat.core.citations import has_citations
from desktop_chat.core.conversation import Message
from desktop_chat.core.i18n import translate
from desktop_chat.core.markdown_blocks import code_blocks
from desktop_chat.core.redaction import redact
from desktop_chat.core.tool_cards import call_line
from desktop_chat.core.web_tools import running_text, web_steps
from desktop_chat.ui import code_highlight, code_in_sight
from desktop_chat.ui.attachment_cards import ATTACHMENT_SCHEME, ThumbnailBook
from desktop_chat.ui.flat_scroll_bar import style_scroll_bars
from desktop_chat.ui.live_reply import FramePacer, LiveReply
from desktop_chat.ui.markdown_writer import COPY_CODE_SCHEME, CodeBook, MarkdownWriter
from desktop_chat.ui.theme import Theme
from desktop_chat.ui.transcript_document import TranscriptDocument
from desktop_chat.ui.transcript_entries import Entry, EntryPainter, path_entries
from desktop_chat.ui.transcript_entries import message_text as message_text
from desktop_chat.ui.transcript_entries import outcome_note as outcome_note

WARM_UP_DELAY_MS = 2000  # after the first paint: make the common syntax highlighters
# How much of a conversation is drawn at a time (characters of message text): the last
# part when it opens, then one more part each time the user scrolls near the top.
DRAW_BUDGET = 24_000
_WEB_SCHEMES = ("http", "https", "mailto")


def open_link(url: QUrl) -> None:
    """Open ``url`` in the system browser (tests replace this hook)."""
    QDesktopServices.openUrl(url)


class ChatView(QTextBrowser):
    """Read-only transcript.

    Signals:
        first_painted(): the view painted for the first time (start-up timing).
        copied(str): something went to the clipboard; what, in words ("Code copied").
        attachment_activated(str): an attachment's link was clicked or entered: its sha256.
    """

    first_painted = Signal()
    copied = Signal(str)
    attachment_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_view")
        self.setAccessibleName(translate("ChatView", "Conversation"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Long words and code lines wrap instead of widening the whole transcript.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._painted = False
        self._codes = CodeBook()
        self.thumbnails = ThumbnailBook(self)
        self.thumbnails.made.connect(self._on_thumbnail_made)
        painter = EntryPainter(Theme.from_palette(self.palette()), self._codes, self.thumbnails)
        self._transcript = TranscriptDocument(self.document(), painter, self._codes)
        self._deferred_notes: list[tuple[str, bool]] = []  # said while a reply streamed
        self._stick_to_bottom = True
        self._redraw_pending = False
        self.frames_drawn = 0
        self._pacer = FramePacer(self, self._on_frame)
        self._lazy_timer = QTimer(self)
        self._lazy_timer.setSingleShot(True)
        self._lazy_timer.setInterval(0)
        self._lazy_timer.timeout.connect(self._draw_waiting)
        self._older_timer = QTimer(self)
        self._older_timer.setSingleShot(True)
        self._older_timer.setInterval(0)
        self._older_timer.timeout.connect(self._draw_older)
        self._flood_timer = QTimer(self)  # runs while a flood's frames come (code_in_sight)
        self._flood_timer.setSingleShot(True)
        self._flood_timer.setInterval(code_in_sight.SETTLE_MS)
        self._flood_timer.timeout.connect(self._colour_in_sight)
        self._colouring = False
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.highlighted.connect(self.on_link_highlighted)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)
        style_scroll_bars(self)  # repainted at every frame of a reply: drawn flat, cheaply

    # What the transcript holds and draws, under the names tests and benchmarks read.

    @property
    def _theme(self) -> Theme:
        return self._transcript.painter.theme

    @property
    def _writer(self) -> MarkdownWriter:
        return self._transcript.painter.writer

    @property
    def _reply(self) -> LiveReply | None:
        return self._transcript.reply

    @property
    def _entries(self) -> list[Entry]:
        return self._transcript.entries

    @property
    def _first_drawn(self) -> int:
        return self._transcript.first_drawn

    @property
    def _drawn_until(self) -> int:
        return self._transcript.drawn_until

    # section: Qt overrides

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        super().paintEvent(event)
        self._pacer.painted(time.perf_counter() - started)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            # Not at once: start-up has its own work in the background (the SDK loads), and
            # a conversation opened right now makes the lexers it needs itself.
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up_highlighting)

    def _warm_up_highlighting(self) -> None:
        # Not while a reply streams: the warm-up's thread holds the GIL in turns with this
        # one, and the reply's frames would wait for it (the first request's stalls).
        if self._reply is not None:
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up_highlighting)
        else:
            code_highlight.warm_up()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._colour_in_sight()  # a taller view shows more

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        # Never load images or other resources that model output names (remote or local).
        return None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not hasattr(self, "_transcript"):
            return  # still in __init__
        if event.type() == QEvent.Type.FontChange:  # headings and code are sized from it
            if self._reply is not None:
                self._redraw_pending = True
            else:
                self._redraw()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            theme = Theme.from_palette(self.palette())
            if theme != self._theme:
                self._transcript.painter = EntryPainter(theme, self._codes, self.thumbnails)
                if self._reply is not None:
                    self._redraw_pending = True  # after the reply: its drawing is in flight
                else:
                    self._redraw()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        cursor = self.cursorForPosition(event.pos())
        entry = self._transcript.entry_before(cursor.block())
        code = self._transcript.code_in(cursor.currentFrame())
        if entry is not None or code is not None:
            menu.addSeparator()
        if code is not None:
            menu.addAction(translate("ChatView", "Copy code block")).triggered.connect(
                lambda: self._copy(code, translate("ChatView", "Code copied"))
            )
        if entry is not None:
            text = self._transcript.entry_text(entry)
            menu.addAction(translate("ChatView", "Copy message")).triggered.connect(
                lambda: self._copy(text, translate("ChatView", "Message copied"))
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
                self._copy(code, translate("ChatView", "Code copied"))
        elif scheme == ATTACHMENT_SCHEME:
            self.attachment_activated.emit(url.path())
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
        self._pacer.stop()
        self._lazy_timer.stop()
        self._older_timer.stop()
        self._transcript.clear()
        self._deferred_notes.clear()
        self._stick_to_bottom = True

    def show_conversation(self, messages: list[Message]) -> None:
        """Show these messages instead of what is shown: the last ones now, the rest on
        scrolling up."""
        self.clear_transcript()
        self._entries.extend(Entry(message=m) for m in messages)
        self._draw_waiting()

    def show_message(self, message: Message) -> None:
        """Append a whole message (history, or the user's just-sent question).

        Drawn at the next turn of the event loop, so showing many in a row costs only the
        ones that end up on screen.
        """
        self._entries.append(Entry(message=message))
        if message.role == "user":
            self._stick_to_bottom = True
        if not self._lazy_timer.isActive():
            self._lazy_timer.start()

    def show_path(self, items: list[tuple[Message, tuple[str, ...]]]) -> None:
        """Show these messages, each with its notes, instead of what is shown (the last ones
        are drawn now, the rest on scrolling up)."""
        self.clear_transcript()
        self._entries.extend(path_entries(items))
        self._draw_waiting()

    def prepend_older(self, items: list[tuple[Message, tuple[str, ...]]]) -> None:
        """Messages that come before all those shown (the rest of a long conversation,
        read after its end was drawn); drawn when scrolled up to, like the others."""
        if items:
            self._transcript.prepend(path_entries(items))

    def on_reply_started(self, _continuing: bool = False) -> None:
        self.begin_reply()

    def begin_reply(self) -> None:
        self._draw_waiting()
        if self._reply is not None:  # a reply that never ended: close it as it stands
            self._close_reply()
        self._stick_to_bottom = True
        self._transcript.begin_reply()
        self._scroll_to_bottom()

    def on_block_started(self, index: int, block_type: str, _block: object = None) -> None:
        if self._reply is None:
            self.begin_reply()
        assert self._reply is not None
        if block_type == "text":
            self._transcript.start_text(index)
        # A tool call's card is written when its arguments are whole (they stream in the
        # side pane meanwhile); a server tool is run by the API itself.

    def on_text_delta(self, index: int, text: str) -> None:
        if self._reply is None or index not in self._reply.open:
            self.on_block_started(index, "text")
        assert self._reply is not None
        self._reply.texts[index].append(text)
        self._pacer.received(len(text))
        self._pacer.schedule()

    def on_block_stopped(self, index: int, block: dict[str, Any]) -> None:
        if block.get("type") == "text":
            self.on_text_block_done(index, str(block.get("text", "")))
        elif block.get("type") == "tool_use" and self._reply is not None:
            self._write_note_now(call_line(block))
        elif (
            block.get("type") == "server_tool_use"
            and self._reply is not None
            and (running := running_text(block)) is not None
        ):
            # Live while the API searches; the finished reply lists them instead.
            self._write_note_now(running, entry=False)

    def on_text_block_done(self, index: int, text: str) -> None:
        """The text block is complete: draw what is left of it, once."""
        self._transcript.finish_text(index, text)

    def end_reply(self, message: Message, notes: tuple[str, ...] = ()) -> None:
        """Close the streaming reply (a block cut short is drawn as it arrived): say how it
        ended, and ``notes`` (what can be done next)."""
        if self._reply is None:
            return
        self._entries[self._reply.entry].message = message
        self._close_reply()
        if has_citations(message.content) or web_steps(message.content):
            # Streamed block by block; drawn again as one text with its markers and sources
            # (and the list of what was searched and read, instead of the live lines).
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
        self._entries.append(Entry(note=text, error=error))
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
        exact = bool(options & QTextDocument.FindFlag.FindCaseSensitively)
        older = self._transcript.older_match(exp, exact=exact)
        if older is None:
            return False
        self._draw_older(down_to=older)
        return super().find(exp, options)

    def go_to_message(self, step: int) -> bool:
        """Scroll the start of the previous (``step`` < 0) or next message to the top."""
        self._draw_waiting()
        block = self._transcript.message_start(self.cursorForPosition(QPoint(0, 0)).block(), step)
        if block is not None:
            self._stick_to_bottom = False
            layout = self.document().documentLayout()
            self.verticalScrollBar().setValue(round(layout.blockBoundingRect(block).top()))
            return True
        if step < 0 and self._first_drawn > 0:
            self._draw_older()
            return self.go_to_message(step)
        return False

    # section: copying

    def last_reply_text(self) -> str | None:
        """The last reply's text, as Markdown (so far, while it streams); None if none."""
        return next(self._transcript.reply_texts(), None)

    def last_code_block(self) -> str | None:
        """The code of the last fenced code block in the conversation; None if none."""
        for text in self._transcript.reply_texts():
            found = code_blocks(text)
            if found:
                return found[-1].code
        return None

    def copy_last_reply(self) -> bool:
        """Put the last reply on the clipboard; False when there is none."""
        text = self.last_reply_text()
        if text is None:
            return False
        self._copy(text, translate("ChatView", "Reply copied"))
        return True

    def copy_last_code_block(self) -> bool:
        """Put the last code block on the clipboard; False when there is none."""
        code = self.last_code_block()
        if code is None:
            return False
        self._copy(code, translate("ChatView", "Code copied"))
        return True

    def _copy(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(what)

    # section: streaming

    def _on_frame(self) -> None:
        started = self._pacer.frame_started()
        reply = self._reply
        if reply is None:
            return
        flood = self._pacer.flood
        if flood:
            self._flood_timer.start()
        more = reply.draw(flood=flood)
        self.frames_drawn += 1
        self._colour_in_sight()
        self._pacer.frame_done(started)
        if more:
            self._pacer.schedule(behind=True)  # more was left for the next frames

    def _close_reply(self) -> None:
        self._transcript.close_reply()
        self._pacer.stop()
        self._flood_timer.stop()
        self._colour_in_sight()

    def _colour_in_sight(self) -> None:
        """Colour the code boxes in sight that a flood wrote without their colours (see
        ``code_in_sight``), unless the flood goes on and the view follows it."""
        if self._colouring or (self._flood_timer.isActive() and self._stick_to_bottom):
            return
        self._colouring = True  # colouring can move the view, which calls this again
        try:
            while (box := code_in_sight.uncoloured_in_sight(self, self._codes)) is not None:
                self._writer.colour(box)
        finally:
            self._colouring = False

    # section: drawing entries

    def _add_entry(self, entry: Entry) -> int:
        self._draw_waiting()
        return self._transcript.append_drawn(entry)

    def _write_note_now(self, text: str, *, error: bool = False, entry: bool = True) -> None:
        """A note at the end of the transcript, now (a streaming text block is frozen first,
        and goes on after the note)."""
        number = self._add_entry(Entry(note=text, error=error)) if entry else None
        self._transcript.write_note_now(text, error=error, number=number)

    def _draw_waiting(self) -> None:
        """Draw the entries that wait (shown with ``show_message``), or the last part of
        them when nothing is drawn yet."""
        self._lazy_timer.stop()
        if self._transcript.draw_waiting(DRAW_BUDGET) and self._stick_to_bottom:
            self._scroll_to_bottom()

    def _draw_older(self, down_to: int | None = None) -> None:
        """Draw a batch of the entries above what is drawn (down to entry ``down_to`` at
        least), keeping the view where it is."""
        if self._first_drawn == 0:
            return
        bar = self.verticalScrollBar()
        old_max, old_value = bar.maximum(), bar.value()
        self._transcript.draw_older(DRAW_BUDGET, down_to)
        if not self._stick_to_bottom:
            bar.setValue(old_value + bar.maximum() - old_max)

    def _on_thumbnail_made(self, _sha: str) -> None:
        # Drawn again with it: after the reply if one is streaming (as for a theme change).
        if self._reply is not None:
            self._redraw_pending = True
        elif not self._redraw_pending:
            self._redraw_pending = True
            QTimer.singleShot(50, self, self._redraw)  # several made at once: one redraw

    def _redraw(self) -> None:
        """Draw the drawn entries again (the theme changed)."""
        self._redraw_pending = False
        self._transcript.redraw()
        if self._stick_to_bottom:
            self._scroll_to_bottom()

    # section: scrolling

    def _on_scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._stick_to_bottom = value >= bar.maximum() - 4
        self._colour_in_sight()
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

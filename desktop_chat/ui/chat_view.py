"""The transcript: messages as one rich-text document, a streaming reply appended in place.

While a reply streams, each text delta is inserted at the end of the document (constant cost
per delta, however long the reply). When a text block completes it is rendered once as
Markdown, replacing its plain text; it is never rendered again.

Model output is data: raw HTML in Markdown is shown as text, images are never loaded, and a
link only opens, in the system browser, when the user activates it.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop_chat.core.conversation import Message, Status

_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)

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


class ChatView(QTextBrowser):
    """Read-only transcript.

    Signals:
        first_painted(): the view painted for the first time (start-up timing).
    """

    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_view")
        self.setAccessibleName("Conversation")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.document().setDocumentMargin(16)
        self._painted = False
        self._reply_open = False
        self._text_start: dict[int, int] = {}  # block index -> document position

    # section: Qt overrides

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        # Never load images or other resources that model output names (remote or local).
        return None

    # section: slots

    def on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            open_link(url)

    # section: building the transcript

    def clear_transcript(self) -> None:
        self.clear()
        self._reply_open = False
        self._text_start.clear()

    def show_message(self, message: Message) -> None:
        """Append a whole message (history, or the user's just-sent question)."""
        if message.role == "user":
            self._append_header("You", "user")
            self._append_plain(message.text)
            return
        self._append_header("Claude", "assistant")
        for block in message.content:
            if block.get("type") == "text":
                self._end_cursor().insertBlock()
                self._end_cursor().insertMarkdown(block.get("text", ""), _MARKDOWN)
            elif block.get("type") == "tool_use":
                self._append_note(f"Asked to use the tool “{block.get('name', '?')}”.")
        self._append_outcome(message)

    def begin_reply(self) -> None:
        self._append_header("Claude", "assistant")
        self._reply_open = True
        self._text_start.clear()

    def on_block_started(self, index: int, block_type: str) -> None:
        if block_type == "text":
            cursor = self._end_cursor()
            cursor.insertBlock()
            cursor.setCharFormat(QTextCharFormat())
            self._text_start[index] = cursor.position()
        elif block_type in ("tool_use", "server_tool_use"):
            self._append_note("Asked to use a tool (see the side pane).")

    def on_text_delta(self, index: int, text: str) -> None:
        if index not in self._text_start:
            self.on_block_started(index, "text")
        at_bottom = self._at_bottom()
        # An explicit plain format: the end cursor would take the bold header's otherwise.
        self._end_cursor().insertText(text, QTextCharFormat())
        if at_bottom:
            self._scroll_to_bottom()

    def on_text_block_done(self, index: int, text: str) -> None:
        """Render a finished text block as Markdown, once."""
        start = self._text_start.pop(index, None)
        if start is None:
            return
        at_bottom = self._at_bottom()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertMarkdown(text, _MARKDOWN)
        if at_bottom:
            self._scroll_to_bottom()

    def end_reply(self, message: Message) -> None:
        """Close the streaming reply: say how it ended."""
        self._reply_open = False
        self._text_start.clear()
        self._append_outcome(message)

    def show_notice(self, text: str, *, error: bool = False) -> None:
        self._append_note(text, error=error)

    # section: internals

    def _append_outcome(self, message: Message) -> None:
        if message.status is Status.ERROR:
            self._append_note(message.error or "The reply failed.", error=True)
        elif message.status is Status.INTERRUPTED:
            self._append_note(message.error or "Stopped. The partial reply is kept.")
        elif message.stop_reason in _STOP_WORDS:
            words = _STOP_WORDS[message.stop_reason]
            if message.stop_reason == "refusal" and message.stop_details:
                explanation = message.stop_details.get("explanation")
                if explanation:
                    words += f" ({explanation})"
            self._append_note(words)

    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _append_header(self, who: str, role: str) -> None:
        cursor = self._end_cursor()
        if not self.document().isEmpty():
            cursor.insertBlock()
            cursor.insertBlock()
        color = (
            self._accent() if role == "assistant" else self.palette().color(QPalette.ColorRole.Text)
        )
        cursor.insertHtml(f'<b style="color:{color.name()}">{html.escape(who)}</b>')
        cursor.setCharFormat(QTextCharFormat())
        self._scroll_to_bottom()

    def _append_plain(self, text: str) -> None:
        cursor = self._end_cursor()
        cursor.insertBlock()
        cursor.setCharFormat(QTextCharFormat())
        cursor.insertText(text)
        self._scroll_to_bottom()

    def _append_note(self, text: str, *, error: bool = False) -> None:
        cursor = self._end_cursor()
        cursor.insertBlock()
        fmt = QTextCharFormat()
        fmt.setFontItalic(True)
        fmt.setForeground(
            QColor("#c62828")
            if error
            else self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        )
        cursor.insertText(text, fmt)
        cursor.setCharFormat(QTextCharFormat())
        self._scroll_to_bottom()

    def _accent(self) -> QColor:
        return QColor("#c15f3c")

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

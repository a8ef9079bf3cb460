"""The conversation as a list of messages, for screen readers: author, text, status.

The transcript is one rich-text document (fast to draw, one text for a screen reader to read
through). This list beside it gives assistive technology the other view: one item per
message, named "Claude: <text>", with how the message stands ("complete", "replying",
"stopped", "failed") as the item's description. It sits under the transcript (a sighted
user never sees it, and Tab never stops in it); a screen reader finds it by its name,
"Messages". It changes when a message is added or a reply ends, never per delta, and it
holds the last ``MAX_ITEMS`` messages only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.i18n import translate
from desktop_chat.ui.transcript_entries import message_text

MAX_ITEMS = 200
MAX_TEXT = 1000  # characters of a message in its item (the transcript has all of it)
_MARKS = re.compile(r"^\s{0,3}(#{1,6}\s|>\s?|[-*+]\s|\d+\.\s)|[*_`~]+", re.MULTILINE)


def plain_words(markdown: str) -> str:
    """A message's Markdown as words to hear: marks dropped, whitespace as single spaces."""
    text = " ".join(_MARKS.sub("", markdown[: MAX_TEXT * 2]).split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def status_words(message: Message) -> str:
    if message.role == "user":
        return translate("MessageList", "sent")
    return {
        Status.STREAMING: status_words_streaming(),
        Status.COMPLETE: translate("MessageList", "complete"),
        Status.INTERRUPTED: translate("MessageList", "stopped"),
        Status.ERROR: translate("MessageList", "failed"),
    }.get(message.status, str(message.status))


def status_words_streaming() -> str:
    return translate("MessageList", "replying")


class MessageList(QListWidget):
    """One accessible item per message of the conversation shown."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("message_list")
        self.setAccessibleName(translate("MessageList", "Messages"))
        self.setAccessibleDescription(
            translate("MessageList", "The conversation, one message at a time")
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(0, 0, 1, 1)
        self.lower()  # under the transcript's own view

    def item_for(self, message: Message) -> QListWidgetItem:
        author = (
            translate("MessageList", "You")
            if message.role == "user"
            else translate("MessageList", "Claude")
        )
        words = plain_words(message_text(message)) if message.status is not Status.STREAMING else ""
        item = QListWidgetItem(
            translate("MessageList", "{author}: {text}").format(author=author, text=words)
        )
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, status_words(message))
        item.setData(Qt.ItemDataRole.UserRole, message.id)
        return item

    # section: slots

    def on_transcript_reset(self, items: list[tuple[Message, tuple[str, ...]]]) -> None:
        self.clear()
        for message, _notes in items[-MAX_ITEMS:]:
            self.addItem(self.item_for(message))

    def on_message_added(self, message: Message) -> None:
        self.addItem(self.item_for(message))
        while self.count() > MAX_ITEMS:
            self.takeItem(0)

    def on_reply_started(self, _continuing: bool = False) -> None:
        item = QListWidgetItem(translate("MessageList", "Claude: (replying)"))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, status_words_streaming())
        item.setData(Qt.ItemDataRole.UserRole, "")
        self.addItem(item)

    def on_reply_finished(self, message: Message, _notes: object = ()) -> None:
        """The reply's item gets its text and how it ended."""
        for row in range(self.count() - 1, -1, -1):
            if self.item(row).data(Qt.ItemDataRole.UserRole) in (message.id, ""):
                self.takeItem(row)
                self.insertItem(row, self.item_for(message))
                return
        self.on_message_added(message)

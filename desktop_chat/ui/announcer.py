"""What a screen reader says without the focus moving: a finished reply, an error, a retry.

Qt sends an accessibility announcement (``QAccessibleAnnouncementEvent``, Qt 6.8+), which the
platform's bridge passes on (AT-SPI's ``object:announcement`` on Linux). A streaming reply is
never announced delta by delta: only once, when it has ended, with its text and how it ended.
A retry countdown is announced when it starts, not at every tick.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocument
from PySide6.QtWidgets import QWidget

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.i18n import translate
from desktop_chat.ui.transcript_entries import outcome_note

# A reply longer than this is announced in part; the rest is read in the transcript.
MAX_ANNOUNCED_CHARS = 2000


def spoken_text(markdown: str) -> str:
    """The words of a Markdown reply as a listener should hear them (no ``#``, ``*`` or
    backticks read out), cut at ``MAX_ANNOUNCED_CHARS``."""
    document = QTextDocument()
    document.setMarkdown(markdown[: MAX_ANNOUNCED_CHARS * 2])
    text = " ".join(document.toPlainText().split())
    return text if len(text) <= MAX_ANNOUNCED_CHARS else text[:MAX_ANNOUNCED_CHARS] + "…"


class Announcer(QObject):
    """Announces, for assistive technology, what happened to the reply.

    Signals:
        announced(str, bool): the words announced, and whether they interrupt (assertive).
    """

    announced = Signal(str, bool)

    def __init__(self, source: QWidget) -> None:
        super().__init__(source)
        self._source = source
        self._counting_down = False

    def say(self, text: str, *, assertive: bool = False) -> None:
        """Announce ``text``: politely (after what is being read), or at once."""
        event = QAccessibleAnnouncementEvent(self._source, text)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if assertive
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)
        self.announced.emit(text, assertive)

    # section: slots

    def on_reply_finished(self, message: Message, _notes: object = ()) -> None:
        note = outcome_note(message)
        if message.status is Status.ERROR:
            self.say(
                translate("Announcer", "The reply failed: {reason}").format(
                    reason=note[0] if note else ""
                ),
                assertive=True,
            )
            return
        text = spoken_text(message.text)
        words = translate("Announcer", "Claude replied: {text}").format(text=text)
        if note is not None:
            words += " " + note[0]
        self.say(words)

    def on_notice(self, text: str, error: bool) -> None:
        """Errors said in the transcript are announced at once; other notes are not."""
        if error:
            self.say(text, assertive=True)

    def on_countdown(self, text: str) -> None:
        """A retry countdown is announced when it starts (``text`` is "" when it ends)."""
        if text and not self._counting_down:
            self.say(text)
        self._counting_down = bool(text)

"""The status bar: what the reply is doing now, in a few words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from desktop_chat.core.client import SILENCE_NOTICE_S, silence_text
from desktop_chat.core.conversation import Message
from desktop_chat.core.i18n import translate
from desktop_chat.core.redaction import redact


class StatusLine(QObject):
    """Draws the reply's progress into ``bar``; ``key`` names a keymap action's key."""

    def __init__(self, bar: QStatusBar, key: Callable[[str], str]) -> None:
        super().__init__(bar)
        self.bar = bar
        self._key = key
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.setInterval(round(SILENCE_NOTICE_S * 1000))
        self._silence.timeout.connect(self.on_silence)
        bar.showMessage(translate("StatusLine", "Ready"))

    def show(self, text: str, timeout_ms: int = 0) -> None:
        self.bar.showMessage(redact(text), timeout_ms)

    def on_reply_started(self, _continuing: bool = False) -> None:
        self.bar.showMessage(translate("StatusLine", "Waiting for the reply…"))
        self._silence.start()

    def on_message_started(self, model: str) -> None:
        self._silence.stop()
        self.bar.showMessage(translate("StatusLine", "Streaming from {model}…").format(model=model))

    def on_block_started(self, _index: int, block_type: str, _block: object) -> None:
        self._silence.stop()
        self.bar.showMessage(
            translate("StatusLine", "Thinking…")
            if block_type == "thinking"
            else translate("StatusLine", "Streaming…")
        )

    def on_reply_finished(self, message: Message, _notes: object = ()) -> None:
        self._silence.stop()
        self.show(message.error or translate("StatusLine", "Ready"))

    def on_silence(self) -> None:
        self.bar.showMessage(silence_text(SILENCE_NOTICE_S, self._key("stop")))

    def on_countdown(self, text: str) -> None:
        if text:
            self.show(text)
        else:
            self.bar.clearMessage()

    def on_busy_refused(self) -> None:
        self.bar.showMessage(
            translate("StatusLine", "A reply is streaming: stop it with {stop_key} first.").format(
                stop_key=self._key("stop")
            ),
            4000,
        )

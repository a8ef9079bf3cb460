"""What a turn says, as the controller's signals: each update to the signal its views take."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from desktop_chat.core.conversation import Message
from desktop_chat.core.stream import (
    BlockStarted,
    BlockStopped,
    Figures,
    MessageStarted,
    TextDelta,
    ThinkingDelta,
    ToolInputDelta,
    Update,
)

if TYPE_CHECKING:
    from desktop_chat.ui.controller import ChatController


class TurnSignals:
    """A ``core.turn.TurnListener`` that emits ``controller``'s signals (one hop, no state)."""

    def __init__(self, controller: ChatController) -> None:
        self._c = controller
        self._pending_text: tuple[int, list[str]] | None = None  # see ``_queue_text``

    def on_reply_started(self, continuing: bool) -> None:
        self._c.reply_started.emit(continuing)

    def on_update(self, update: Update) -> None:
        if type(update) is TextDelta:
            self._queue_text(update.index, update.text)
            return
        self._flush_text()  # the text that came before this update is drawn before it
        c = self._c
        match update:
            case ThinkingDelta(index=index, text=text):
                c.thinking_delta.emit(index, text)
            case ToolInputDelta(index=index, partial_json=partial):
                c.tool_input_delta.emit(index, partial)
            case BlockStarted(index=index, block_type=block_type, block=block):
                c.block_started.emit(index, block_type, block)
            case BlockStopped(index=index, block=block):
                c.block_stopped.emit(index, block)
            case MessageStarted(model=model):
                c.message_started.emit(model)
            case _:
                pass

    def _queue_text(self, index: int, text: str) -> None:
        """Text deltas that arrive together (one network read holds many when the reply
        comes fast) go out as one ``text_delta``, once this loop iteration's are in: one
        signal and one view call instead of one per delta. Paced deltas each go alone."""
        pending = self._pending_text
        if pending is not None and pending[0] != index:
            self._flush_text()
            pending = None
        if pending is None:
            self._pending_text = (index, [text])
            asyncio.get_running_loop().call_soon(self._flush_text)
        else:
            pending[1].append(text)

    def _flush_text(self) -> None:
        if self._pending_text is not None:
            index, pieces = self._pending_text
            self._pending_text = None
            self._c.text_delta.emit(index, pieces[0] if len(pieces) == 1 else "".join(pieces))

    def on_figures(self, figures: Figures) -> None:
        self._c.figures_changed.emit(figures)

    def on_reply_finished(self, message: Message) -> None:
        self._flush_text()
        entries = self._c.conversation.path_entries()
        notes = self._c.notes_for(entries[-1]) if entries else ()
        self._c.reply_finished.emit(message, notes)
        self._c.conversations_changed.emit()

    def on_path_changed(self) -> None:
        self._c.reset_transcript()

    def on_notice(self, text: str, error: bool) -> None:
        self._c.on_notice(text, error)

    def on_countdown(self, text: str) -> None:
        self._c.retry_countdown.emit(text)

    def on_key_rejected(self) -> None:
        self._c.key_rejected.emit()

    def on_tool_started(self, block: dict[str, Any]) -> None:
        self._c.tool_started.emit(block)

    def on_tool_finished(self, block: dict[str, Any], result: dict[str, Any]) -> None:
        self._c.tool_finished.emit(block, result)

    def on_message_added(self, message: Message) -> None:
        self._c.message_added.emit(message)

    def on_turn_ended(self) -> None:
        self._flush_text()
        self._c.on_turn_ended()

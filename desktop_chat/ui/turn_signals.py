"""What a turn says, as the controller's signals: each update to the signal its views take."""

from __future__ import annotations

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

    def on_reply_started(self, continuing: bool) -> None:
        self._c.reply_started.emit(continuing)

    def on_update(self, update: Update) -> None:
        c = self._c
        match update:
            case TextDelta(index=index, text=text):
                c.text_delta.emit(index, text)
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

    def on_figures(self, figures: Figures) -> None:
        self._c.figures_changed.emit(figures)

    def on_reply_finished(self, message: Message) -> None:
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
        self._c.on_turn_ended()

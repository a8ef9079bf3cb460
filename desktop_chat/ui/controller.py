"""The one stateful object the views observe: the conversation shown, its turns, navigation.

Where asyncio meets Qt. Each turn is a core ``Turn``; this object is its listener, and turns
what the turn says into typed signals that ``MainWindow._connect_signals()`` wires straight to
the views' slots. Views never read or change the core's state; they draw what signals carry.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_chat.core.api_access import ApiAccess
from desktop_chat.core.conversation import Conversation, Message, PathEntry, Status
from desktop_chat.core.conversation_loader import TooLong, complete, from_page, read_whole
from desktop_chat.core.conversation_notes import Notes, notes_for
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.redaction import redact
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
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
from desktop_chat.core.turn import CannotAskError, Turn, no_key_text

if TYPE_CHECKING:
    from pathlib import Path

    from anthropic import AsyncAnthropic

    from desktop_chat.core.autosave import AutoSaver
    from desktop_chat.core.store import Store

log = logging.getLogger(__name__)

TAIL = 200  # messages of a conversation read and drawn before its first paint
WHOLE_AFTER_S = 0.15  # then the rest of it is read, in a worker thread


class ChatController(QObject):
    """The conversation shown and its turns.

    ``key_provider`` returns the API key (or None); ``sdk_ready`` completes when the SDK has
    been imported and the key looked up, in the background. A question sent before then
    waits for it.

    Signals:
        message_added(object): the user's ``Message`` joined the conversation.
        transcript_reset(object): draw these instead: a list of (``Message``, notes).
        older_loaded(object): messages of the path before those drawn (a long conversation
            opens with its end; the rest follows): a list of (``Message``, notes).
        reply_shown(object): the last reply of what is shown (a ``Message``), or None.
        reply_started(bool): a reply began; True when it continues the last one.
        message_started(str): the API began its message; the model's name.
        block_started(int, str, object): a content block began: index, type, the block.
        text_delta(int, str): text for the text block at that index (the deltas that
            arrived in one loop iteration, joined).
        thinking_delta(int, str): thinking for the thinking block at that index.
        tool_input_delta(int, str): a tool's input JSON as received so far.
        block_stopped(int, object): the block at that index is complete (the block).
        figures_changed(object): the side pane's ``Figures`` for the reply streaming now.
        reply_finished(object, object): the final ``Message`` and the notes under it.
        notice(str, bool): words for the user (keys redacted); True when it is an error.
        busy_changed(bool): a turn started (True) or ended (False).
        key_rejected(): the API refused the key (401): the window asks for another.
        retry_countdown(str): "Retrying in 7 s…" while a retry waits; "" when it ends.
        conversation_leaving(): another conversation is about to be shown.
        conversation_changed(): another conversation is shown (or a new one started).
        title_changed(str): the title of the conversation shown.
        conversations_changed(): the saved conversations changed (list them again).
    """

    message_added = Signal(object)
    transcript_reset = Signal(object)
    older_loaded = Signal(object)
    reply_shown = Signal(object)
    reply_started = Signal(bool)
    message_started = Signal(str)
    block_started = Signal(int, str, object)
    text_delta = Signal(int, str)
    thinking_delta = Signal(int, str)
    tool_input_delta = Signal(int, str)
    block_stopped = Signal(int, object)
    figures_changed = Signal(object)
    reply_finished = Signal(object, object)
    notice = Signal(str, bool)
    busy_changed = Signal(bool)
    key_rejected = Signal()
    retry_countdown = Signal(str)
    conversation_leaving = Signal()
    conversation_changed = Signal()
    title_changed = Signal(str)
    conversations_changed = Signal()

    def __init__(
        self,
        conversation: Conversation,
        settings: Settings,
        key_provider: Callable[[], str | None],
        sdk_ready: asyncio.Future[None],
        *,
        keymap: Keymap | None = None,
        store: Store | None = None,
        base_url: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.conversation = conversation
        self.settings = settings
        self.keymap = keymap or Keymap()
        self.retry_policy = RetryPolicy()
        self._saver = self._make_saver(conversation)
        self.api = ApiAccess(key_provider, sdk_ready, lambda: self.settings, base_url)
        self.turn: Turn | None = None
        self._pending_text: tuple[int, list[str]] | None = None  # see ``_queue_text``
        self._loading: asyncio.Future[Conversation | TooLong] | None = None

    # section: state the views and commands ask about

    @property
    def busy(self) -> bool:
        return self.turn is not None

    @property
    def continuing(self) -> bool:
        """The reply streaming now continues the last one."""
        return self.turn is not None and self.turn.continuing

    def continuable(self) -> Message | None:
        return self.conversation.continuable()

    def key(self, action_id: str) -> str:
        """The key of a keymap action, as hints name it (the user's bindings)."""
        return self.keymap.text_for(action_id)

    # section: the store and the server

    def attach_store(self, store: Store) -> None:
        """Save conversations to ``store`` from now on (it opens after the first paint)."""
        self.store = store
        self._saver = self._make_saver(self.conversation)
        if self._saver is not None:
            # Sent in the first moments, before the store opened: saved now. (A reply in
            # progress then is waiting for the SDK, and is saved as it streams.)
            for message in self.conversation.messages:
                self._saver.save_message(message)

    def _make_saver(self, conversation: Conversation) -> AutoSaver | None:
        if self.store is None:
            return None
        from desktop_chat.core.autosave import AutoSaver  # with the store, after first paint

        return AutoSaver(self.store, conversation, lambda text: self.on_notice(text, True))

    def set_base_url(self, base_url: str | None) -> None:
        """Talk to ``base_url`` from the next turn on (the demo server starts after paint)."""
        self.api.base_url = base_url

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` from the next turn on."""
        self.settings = settings

    # section: turns

    def send(self, text: str, *, replacing: str | None = None) -> bool:
        """Add ``text`` as the user's message and stream the reply.

        ``replacing``: the id of a question this one is an edit of; it becomes a sibling
        (a branch), and the old question with its later turns is kept.
        Returns False, with a notice, when it cannot be sent now (the caller keeps the text).
        """
        if not self._can_start() or not text.strip():
            return False
        user = Message.user(text)
        if replacing is not None:
            old = next((m for m in self.conversation.messages if m.id == replacing), None)
            if old is None:
                return False
            self.conversation.append(user, parent_id=old.parent_id)
            self._reset_transcript()
        else:
            self.conversation.append(user)
            self.message_added.emit(user)
        if not self.conversation.title:
            self.conversation.title = self.conversation.title_from_first_message()
            self.title_changed.emit(self.conversation.title)
        if self._saver is not None:
            self._saver.save_message(user)
        self.conversations_changed.emit()
        self._start_turn()
        return True

    def regenerate(self) -> bool:
        """Ask again for the last reply; the old one stays as a variant to flip back to."""
        path = self.conversation.path()
        if not path or path[-1].role != "assistant" or path[-1].parent_id is None:
            self.notice.emit("There is no reply to regenerate yet.", False)
            return False
        if not self._can_start():
            return False
        self.conversation.current_id = path[-1].parent_id
        self._reset_transcript()
        self._start_turn()
        return True

    def continue_reply(self) -> bool:
        """Carry on the last reply where max_tokens, pause_turn or a fault stopped it."""
        base = self.continuable()
        if base is None:
            self.notice.emit("Only a reply that stopped short can be continued.", False)
            return False
        if not self._can_start():
            return False
        self._start_turn(base)
        return True

    def flip_variant(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) variant of the last message that has some."""
        if self.busy or self.conversation.partial:
            return False
        for entry in reversed(self.conversation.path_entries()):
            if entry.variants > 1:
                siblings = self.conversation.siblings(entry.message)
                index = entry.variant - 1 + step
                if not 0 <= index < len(siblings):
                    return False
                self.conversation.show(siblings[index].id)
                if self._saver is not None:
                    self._saver.save_path()
                self._reset_transcript()
                return True
        return False

    def on_stop(self) -> None:
        """Stop the streaming reply now (what arrived is kept), or cancel a retry's wait."""
        if self.turn is not None:
            self.turn.stop()

    async def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop a reply (or a retry's wait) and let it be saved before the app exits."""
        turn = self.turn
        if turn is not None:
            turn.stop()
            await turn.wait(timeout_s)

    def _can_start(self) -> bool:
        if self.busy:
            return False
        if self.api.lacks_key():
            self.on_notice(no_key_text(self.key), True)
            return False
        return True

    def _start_turn(self, base: Message | None = None) -> None:
        # Busy at once, not when the task first runs: a second Enter must not start another.
        self.turn = Turn(
            self.conversation,
            self.settings.request_params(),
            self._open_client,
            self,
            saver=self._saver,
            retry_policy=self.retry_policy,
            key=self.key,
            base=base,
        )
        self.busy_changed.emit(True)
        self.turn.start()

    async def _open_client(self) -> AsyncAnthropic | None:
        await self._whole()
        return await self.api.open_client()

    # section: the turn's listener (core.turn.TurnListener)

    def on_reply_started(self, continuing: bool) -> None:
        self.reply_started.emit(continuing)

    def on_update(self, update: Update) -> None:
        if type(update) is TextDelta:
            self._queue_text(update.index, update.text)
            return
        self._flush_text()  # the text that came before this update is drawn before it
        match update:
            case ThinkingDelta(index=index, text=text):
                self.thinking_delta.emit(index, text)
            case ToolInputDelta(index=index, partial_json=partial):
                self.tool_input_delta.emit(index, partial)
            case BlockStarted(index=index, block_type=block_type, block=block):
                self.block_started.emit(index, block_type, block)
            case BlockStopped(index=index, block=block):
                self.block_stopped.emit(index, block)
            case MessageStarted(model=model):
                self.message_started.emit(model)
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
            self.text_delta.emit(index, pieces[0] if len(pieces) == 1 else "".join(pieces))

    def on_figures(self, figures: Figures) -> None:
        self.figures_changed.emit(figures)

    def on_reply_finished(self, message: Message) -> None:
        self._flush_text()
        entries = self.conversation.path_entries()
        notes = self.notes_for(entries[-1]) if entries else ()
        self.reply_finished.emit(message, notes)
        self.conversations_changed.emit()

    def on_path_changed(self) -> None:
        self._reset_transcript()

    def on_notice(self, text: str, error: bool) -> None:
        self.notice.emit(redact(text), error)

    def on_countdown(self, text: str) -> None:
        self.retry_countdown.emit(text)

    def on_key_rejected(self) -> None:
        self.key_rejected.emit()

    def on_turn_ended(self) -> None:
        self._flush_text()
        self.turn = None
        self.busy_changed.emit(False)

    # section: what is shown

    def _reset_transcript(self) -> None:
        entries = self.conversation.path_entries()
        self.transcript_reset.emit([(e.message, self.notes_for(e)) for e in entries])
        replies = [e.message for e in entries if e.message.role == "assistant"]
        self.reply_shown.emit(replies[-1] if replies else None)

    def notes_for(self, entry: PathEntry) -> Notes:
        return notes_for(entry, self.key)

    # section: navigation

    def new_conversation(self) -> bool:
        """Show a new, empty conversation; refused (False) while a turn runs."""
        if self.busy:
            return False
        self._show(Conversation())
        return True

    def open_conversation(self, conversation_id: str) -> bool:
        """Show a saved conversation; False (with a notice) when it cannot be.

        Its last ``TAIL`` messages are read and shown at once, whatever its length; the
        rest is read in a worker thread (sending waits for it) and drawn above them.
        """
        if self.store is None or conversation_id == self.conversation.id or self.busy:
            return conversation_id == self.conversation.id
        from desktop_chat.core.store import StoreError

        try:
            page = self.store.load_tail(conversation_id, TAIL)
        except StoreError as exc:
            self.on_notice(str(exc), True)
            return False
        conversation = from_page(page)
        self._show(conversation)
        self._loading = asyncio.ensure_future(self._read_whole(conversation, self.store.path))
        self._loading.add_done_callback(lambda task: self._on_whole(conversation, task))
        return True

    @staticmethod
    async def _read_whole(conversation: Conversation, path: Path) -> Conversation | TooLong:
        # After the first paint: the worker would compete with it for the interpreter.
        await asyncio.sleep(WHOLE_AFTER_S)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, read_whole, path, conversation.id)

    def _on_whole(self, shown: Conversation, task: asyncio.Future[Conversation | TooLong]) -> None:
        """The whole conversation was read: complete the one shown, draw what is older."""
        if task.cancelled() or task.exception() is not None or shown is not self.conversation:
            return  # said when sending (``_whole``), or another conversation is shown
        whole = task.result()
        if isinstance(whole, TooLong):
            return
        if older := complete(shown, whole):
            self.older_loaded.emit([(e.message, self.notes_for(e)) for e in older])

    async def _whole(self) -> None:
        """Wait until the conversation shown is loaded whole (it is, unless just opened)."""
        loading = self._loading
        if not self.conversation.partial or loading is None:
            return
        try:
            whole = await asyncio.shield(loading)
        except sqlite3.Error as exc:
            raise CannotAskError(f"This conversation could not be read whole: {exc}") from exc
        if isinstance(whole, TooLong):
            raise CannotAskError(str(whole))

    def _show(self, conversation: Conversation) -> None:
        if self._loading is not None:
            self._loading.cancel()  # (the thread finishes its read; the result is dropped)
            self._loading = None
        self.conversation_leaving.emit()
        self.conversation = conversation
        self._saver = self._make_saver(conversation)
        self.conversation_changed.emit()
        self.title_changed.emit(conversation.title)
        self._reset_transcript()

    def on_conversation_deleted(self, conversation_id: str) -> None:
        if conversation_id == self.conversation.id and not self.busy:
            self._show(Conversation())

    def on_conversation_renamed(self, conversation_id: str, title: str) -> None:
        if conversation_id == self.conversation.id:
            self.conversation.title = title
            self.title_changed.emit(title)

    def reopen_interrupted(self) -> bool:
        """At start-up after a crash: show the newest conversation if its reply was cut."""
        from desktop_chat.core.store import StoreError  # loaded with the store, after paint

        if self.store is None or self.conversation.messages:
            return False
        try:
            end = self.store.newest_path_end()  # no conversation is read for this
        except StoreError as exc:
            self.on_notice(str(exc), True)
            return False
        if end is not None and end.status is Status.INTERRUPTED:
            return self.open_conversation(end.conversation_id)
        return False

    def visible_state(self) -> dict[str, Any]:
        """What is shown, as data (end-to-end tests read it; no key in it)."""
        return {
            "replies": sum(m.role == "assistant" for m in self.conversation.messages),
            "shown": [m.id for m in self.conversation.path()],
        }

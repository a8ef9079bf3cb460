"""The one place asyncio meets Qt: send a question, stream the reply, stop it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QObject, Signal

from desktop_chat.core.client import ErrorKind, TurnError, make_client, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status, merge_continuation
from desktop_chat.core.redaction import redact
from desktop_chat.core.retry import RetryPlan, RetryPolicy, countdown_text, suggestion
from desktop_chat.core.settings import Settings
from desktop_chat.core.stream import TurnSnapshot, Update

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

    from desktop_chat.core.autosave import AutoSaver
    from desktop_chat.core.models import ModelInfo
    from desktop_chat.core.store import Store

log = logging.getLogger(__name__)

_CONTINUABLE = ("max_tokens", "pause_turn")
_RETRY_HINT = "Ctrl+R asks again; Ctrl+Shift+Enter carries on from what arrived."
_NO_KEY = (
    "No API key yet. Add one with Ctrl+Shift+K (it goes to your system keychain), set "
    "ANTHROPIC_API_KEY, or start with --demo to try the app."
)
_STOPPED = "Stopped. The partial reply is kept."


class ChatController(QObject):
    """Runs the turns of one conversation.

    ``key_provider`` returns the API key (or None when there is none); ``sdk_ready``
    completes when the SDK has been imported and the key looked up, in the background.
    A question sent before then waits for it.

    Signals:
        message_added(object): a user ``Message`` joined the conversation.
        reply_started(object): a reply began; its ``TurnSnapshot``.
        reply_updated(object, object): an ``Update`` and the ``TurnSnapshot`` it changed.
        reply_finished(object, object): the final assistant ``Message`` and its snapshot.
        notice(str, bool): words for the user; True when it is an error.
        busy_changed(bool): a reply started (True) or ended (False).
        key_rejected(): the API refused the key (401): the window asks for another.
        path_changed(): the messages shown changed other than by appending (a regenerated
            reply, an edited question, another variant): redraw them.
        retry_countdown(str): "Retrying in 7 s…" while a retry waits; "" when it ends.
    """

    message_added = Signal(object)
    reply_started = Signal(object)
    reply_updated = Signal(object, object)
    reply_finished = Signal(object, object)
    notice = Signal(str, bool)
    busy_changed = Signal(bool)
    key_rejected = Signal()
    path_changed = Signal()
    retry_countdown = Signal(str)

    def __init__(
        self,
        conversation: Conversation,
        settings: Settings,
        key_provider: Callable[[], str | None],
        sdk_ready: asyncio.Future[None],
        *,
        store: Store | None = None,
        base_url: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.conversation = conversation
        self._saver = self._make_saver(conversation)
        self.settings = settings
        self._key_provider = key_provider
        self._sdk_ready = sdk_ready
        self._base_url = base_url
        self._stream_task: asyncio.Task[TurnError | None] | None = None
        self._stop_requested = False
        self._cancel_wait: asyncio.Event | None = None
        self.retry_policy = RetryPolicy()
        self._continuing: Message | None = None
        self._turn_task: asyncio.Future[None] | None = None
        self._busy = False

    def set_conversation(self, conversation: Conversation) -> bool:
        """Make ``conversation`` the one that turns go to; refused (False) while busy."""
        if self._busy:
            return False
        self.conversation = conversation
        self._saver = self._make_saver(conversation)
        return True

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

        return AutoSaver(self.store, conversation, lambda text: self.notice.emit(text, True))

    def set_base_url(self, base_url: str | None) -> None:
        """Talk to ``base_url`` from the next turn on (the demo server starts after paint)."""
        self._base_url = base_url

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

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
            self.path_changed.emit()
        else:
            self.conversation.append(user)
            self.message_added.emit(user)
        if not self.conversation.title:
            self.conversation.title = self.conversation.title_from_first_message()
        if self._saver is not None:
            self._saver.save_message(user)
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
        self.path_changed.emit()
        self._start_turn()
        return True

    def continuable(self) -> Message | None:
        """The last reply, when it stopped short (max_tokens, paused, cut by a fault or by
        Esc) with some text the API can carry on from."""
        path = self.conversation.path()
        last = path[-1] if path else None
        if last is None or last.role != "assistant":
            return None
        if last.stop_reason in _CONTINUABLE:
            return last
        if last.status is not Status.COMPLETE and last.text.strip():
            return last
        return None

    def continue_reply(self) -> bool:
        """Carry on the last reply where max_tokens or pause_turn stopped it."""
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
        for message in reversed(self.conversation.path()):
            siblings = self.conversation.siblings(message)
            if len(siblings) > 1:
                if self._busy:
                    return False
                index = siblings.index(message) + step
                if not 0 <= index < len(siblings):
                    return False
                self.conversation.show(siblings[index].id)
                if self.store is not None and self._saver is not None:
                    self._saver.save_path()
                self.path_changed.emit()
                return True
        return False

    def _can_start(self) -> bool:
        if self._busy:
            return False
        if self._sdk_ready.done() and not self._key_provider():
            self.notice.emit(_NO_KEY, True)
            return False
        return True

    def _start_turn(self, base: Message | None = None) -> None:
        # Busy at once, not when the task first runs: a second Enter must not start another.
        self._set_busy(True)
        self._turn_task = self.on_turn(base)

    async def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop a reply (or a retry's wait) and let it be saved before the app exits."""
        self.on_stop()
        if self._turn_task is not None and not self._turn_task.done():
            await asyncio.wait([self._turn_task], timeout=timeout_s)

    @qasync.asyncSlot()
    async def on_turn(self, base: Message | None = None) -> None:
        """Stream the reply to the conversation as it stands (or continue ``base``)."""
        self._set_busy(True)
        try:
            await self._sdk_ready
            api_key = self._key_provider()
            if not api_key:  # sent while the key was still being looked up
                self.notice.emit(_NO_KEY, True)
                return
            attempt = 1
            while True:
                error = await self._run_turn(api_key, base)
                if error is None:
                    return
                plan = self.retry_policy.decide(error, attempt)
                if plan is None:
                    self.notice.emit(suggestion(error, model=self.settings.model), False)
                    return
                if not await self._count_down(plan):
                    self.retry_countdown.emit("")
                    self.notice.emit(f"Retry cancelled. {_RETRY_HINT}", False)
                    return
                self.retry_countdown.emit("")
                # The failed reply stays, as a variant; the retry asks again (or carries on
                # the reply being continued, from what it has now).
                failed = self.conversation.path()[-1]
                if base is not None:
                    base = failed
                elif failed.role == "assistant":
                    self.conversation.current_id = failed.parent_id
                    self.path_changed.emit()
                attempt += 1
        finally:
            self._set_busy(False)

    async def _count_down(self, plan: RetryPlan) -> bool:
        """Wait ``plan.delay_s``, saying how long is left; False when Esc cancelled it."""
        self._cancel_wait = asyncio.Event()
        loop = asyncio.get_running_loop()
        end = loop.time() + plan.delay_s
        try:
            while (remaining := end - loop.time()) > 0:
                self.retry_countdown.emit(countdown_text(plan, remaining))
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._cancel_wait.wait(), min(1.0, remaining))
                if self._cancel_wait.is_set():
                    return False
            return True
        finally:
            self._cancel_wait = None

    async def check_key(self, key: str) -> str | None:
        """Why ``key`` does not work, in plain words; None when the API accepts it."""
        from desktop_chat.core.models import check_key

        await self._sdk_ready
        async with self._client(key, max_retries=0) as client:
            return await check_key(client)

    async def fetch_models(self) -> list[ModelInfo]:
        """The models the key may use (cached for a day; the built-in list when offline)."""
        from desktop_chat.core.models import get_models, known_models

        await self._sdk_ready
        key = self._key_provider()
        if not key:
            return known_models(self._effective_base_url())
        async with self._client(key, max_retries=1) as client:
            return await get_models(client)

    def _effective_base_url(self) -> str | None:
        return self._base_url or self.settings.base_url

    def _client(self, api_key: str, *, max_retries: int | None = None) -> AsyncAnthropic:
        return make_client(
            api_key=api_key,
            base_url=self._effective_base_url(),
            timeout_s=self.settings.timeout_s,
            max_retries=self.settings.max_retries if max_retries is None else max_retries,
        )

    def on_stop(self) -> None:
        """Stop the streaming reply now (what arrived is kept), or cancel a retry's wait."""
        if self._cancel_wait is not None:
            self._cancel_wait.set()
        if self._stream_task is not None and not self._stream_task.done():
            self._stop_requested = True
            self._stream_task.cancel()

    async def _run_turn(self, api_key: str, base: Message | None = None) -> TurnError | None:
        """Stream one reply; the error it ended with (None when complete or stopped)."""
        params = self.settings.request_params()
        params["messages"] = self.conversation.to_api_messages()
        if base is not None:
            # The API carries on a final assistant message; thinking cannot be prefilled.
            params.pop("thinking", None)
        path = self.conversation.path()
        snapshot = TurnSnapshot(parent_id=path[-1].id if path and base is None else None)
        if base is not None:
            snapshot.parent_id = base.parent_id
        self._continuing = base
        saver = self._saver
        if saver is not None:
            saver.begin_reply(snapshot, params, base=base)
        self.reply_started.emit(snapshot)

        def on_update(update: Update) -> None:
            if saver is not None:
                saver.on_update(update)
            self.reply_updated.emit(update, snapshot)

        client = self._client(api_key)
        self._stop_requested = False
        async with client:
            self._stream_task = asyncio.ensure_future(
                stream_turn(client, params, snapshot, on_update)
            )
            try:
                error = await self._stream_task
            except asyncio.CancelledError:
                # Stopped by the user, or the app is closing: either way keep what arrived.
                self._finish(snapshot.to_message(Status.INTERRUPTED, _STOPPED), snapshot)
                if not self._stop_requested:
                    raise
                return None
            finally:
                self._stream_task = None
        if error is not None:
            log.info("turn failed: %s (request %s)", error.kind, error.request_id)
        self._finish(self._message_for(snapshot, error), snapshot)
        if error is not None and error.kind is ErrorKind.AUTH:
            self.key_rejected.emit()
        return error

    def _finish(self, message: Message, snapshot: TurnSnapshot) -> None:
        base, self._continuing = self._continuing, None
        if base is not None:
            message = merge_continuation(base, message)
            index = self.conversation.messages.index(base)
            self.conversation.messages[index] = message
            self.conversation.current_id = message.id
        else:
            self.conversation.append(message, parent_id=snapshot.parent_id)
        if self._saver is not None:
            self._saver.finish(message)
        self.reply_finished.emit(message, snapshot)
        if base is not None:
            self.path_changed.emit()  # the continuation joins the reply it continues

    @property
    def continuing(self) -> bool:
        """The reply streaming now continues the last one."""
        return self._continuing is not None

    @staticmethod
    def _message_for(snapshot: TurnSnapshot, error: TurnError | None) -> Message:
        if error is None:
            return snapshot.to_message(Status.COMPLETE)
        status = Status.INTERRUPTED if error.kind is ErrorKind.INCOMPLETE else Status.ERROR
        return snapshot.to_message(status, redact(error.message))

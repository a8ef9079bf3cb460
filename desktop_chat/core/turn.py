"""One turn: everything about answering one question, as one object (no Qt).

A turn owns its requests (the first ask; each automatic retry; a continuation carries on a
reply that stopped short; each round of a tool loop, after the tools Claude asked for ran),
the task that runs them, stopping (a reply, a retry's wait, or a tool call), the retry's
countdown, the continuation's base, and when the growing reply is saved. Its observer (the
UI's controller) hears what happens through :class:`TurnListener`; it never reads the
turn's snapshot.

A continuation is merged into the reply it continues in one place, :meth:`Turn._message`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, Protocol

from desktop_chat.core.attachments import AttachmentError
from desktop_chat.core.client import ErrorKind, TurnError, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status, merge_continuation
from desktop_chat.core.files_api import file_exists, file_ids_in, gone_file_ids, upload_file
from desktop_chat.core.i18n import translate
from desktop_chat.core.redaction import redact
from desktop_chat.core.retry import KeyName, RetryPlan, RetryPolicy, countdown_text, suggestion
from desktop_chat.core.stream import (
    BlockStarted,
    BlockStopped,
    Figures,
    MessageDelta,
    MessageStarted,
    TurnSnapshot,
    Update,
)
from desktop_chat.core.turn_tools import ToolRound, ToolRunner, wants_tools

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

    from desktop_chat.core.autosave import AutoSaver
    from desktop_chat.core.store_blobs import BlobShelf
    from desktop_chat.core.tools.approval import Approve

log = logging.getLogger(__name__)

SAVE_INTERVAL_S = 0.5  # a crash (or SIGKILL) loses at most this much of a streaming reply
FIGURES_INTERVAL_S = 0.1  # the side pane's figures are redrawn at most this often per delta
_BOUNDARIES = (BlockStarted, BlockStopped, MessageDelta)
_FIGURES_NOW = (MessageStarted, MessageDelta)  # a tuple: ``A | B`` would be made per delta

RequestKind = Literal["ask", "retry", "continue", "tools"]
OpenClient = Callable[[], Awaitable["AsyncAnthropic | None"]]
"""Waits for the SDK, and gives a client for this turn, which closes it (None: no API key)."""


class CannotAskError(Exception):
    """Raised by :data:`OpenClient` when the conversation cannot be sent; says why."""


class TurnListener(Protocol):
    """What a turn tells its observer, in the order it happens."""

    def on_reply_started(self, continuing: bool) -> None: ...
    def on_update(self, update: Update) -> None: ...
    def on_figures(self, figures: Figures) -> None: ...
    def on_reply_finished(self, message: Message) -> None: ...
    def on_path_changed(self) -> None: ...
    def on_notice(self, text: str, error: bool) -> None: ...
    def on_countdown(self, text: str) -> None: ...
    def on_key_rejected(self) -> None: ...
    def on_turn_ended(self) -> None: ...
    def on_tool_started(self, block: dict[str, Any]) -> None: ...
    def on_tool_finished(self, block: dict[str, Any], result: dict[str, Any]) -> None: ...
    def on_message_added(self, message: Message) -> None: ...


@dataclass
class Request:
    """One request of a turn: why it was made, the reply it fills, how it ended."""

    kind: RequestKind
    reply_id: str
    error: TurnError | None = None


class Turn:
    """Answers one question (or continues one reply) in ``conversation``.

    Args:
        params: the request's parameters but ``messages`` (from the settings, taken once).
        open_client: see :data:`OpenClient`.
        listener: told what happens (see :class:`TurnListener`).
        saver: writes the conversation as it happens (None: nothing is saved).
        key: names the key of a keymap action, for the hints in notices.
        base: the reply this turn continues (max_tokens, pause_turn, cut short).
        tools: runs the tools Claude asks for (None: no tools are offered).
        approve: asks the user before a call that no grant covers.
        max_rounds: tool rounds (a reply's calls run, then asking again) at most per turn.
        blobs: where the bytes of the conversation's attachments are read from.
        citations: whether documents ask for citations (the model's capabilities list them).
    """

    def __init__(
        self,
        conversation: Conversation,
        params: dict[str, Any],
        open_client: OpenClient,
        listener: TurnListener,
        *,
        saver: AutoSaver | None,
        retry_policy: RetryPolicy,
        key: KeyName,
        base: Message | None = None,
        tools: ToolRunner | None = None,
        approve: Approve | None = None,
        max_rounds: int = 10,
        blobs: BlobShelf | None = None,
        citations: bool = True,
    ) -> None:
        self.conversation = conversation
        self.requests: list[Request] = []
        self.task: asyncio.Task[None] | None = None
        self._params = params
        self._open_client = open_client
        self._listener = listener
        self._saver = saver
        self._retry_policy = retry_policy
        self._key = key
        self._base = base
        self._replacing: Message | None = None  # an empty failed reply the retry takes over
        self._snapshot: TurnSnapshot | None = None
        self._stream_task: asyncio.Task[TurnError | None] | None = None
        self._cancel_wait: asyncio.Event | None = None
        self._stopped = False
        self._pending_save: asyncio.TimerHandle | None = None
        self._figures_at = 0.0
        self.last_reply: Message | None = None
        self.ended = False
        self._tools = tools
        self._approve = approve
        self._max_rounds = max_rounds
        self._rounds = 0
        self._round: ToolRound | None = None  # the tool calls running now
        self._blobs = blobs
        self._citations = citations
        self._sent_file_ids: set[str] = set()  # the Files API ids the last request named
        self._files_sent_again = False

    @property
    def continuing(self) -> bool:
        return self._base is not None

    def start(self) -> None:
        """Run the turn as a task; the listener hears ``on_turn_ended`` when it is over."""
        self.task = asyncio.ensure_future(self._run())
        self.task.add_done_callback(self._on_done)

    def stop(self) -> None:
        """Stop now: the streaming reply keeps what arrived; a retry's wait is cancelled."""
        self._stopped = True
        if self._cancel_wait is not None:
            self._cancel_wait.set()
        if self._stream_task is not None and not self._stream_task.done():
            self._stream_task.cancel()
        elif self._round is not None and self._round.stop():
            pass  # the call running (or waiting for approval) stops
        elif self._cancel_wait is None and self.task is not None and self._snapshot is None:
            self.task.cancel()  # still waiting for the SDK: nothing was asked yet

    async def wait(self, timeout_s: float) -> None:
        """Wait (at most ``timeout_s``) for the turn to be over and saved."""
        if self.task is not None and not self.task.done():
            await asyncio.wait([self.task], timeout=timeout_s)

    def _on_done(self, task: asyncio.Task[None]) -> None:
        self._cancel_pending_save()
        if not task.cancelled() and (exc := task.exception()) is not None:
            # A bug: reported as any unhandled error is (logged, and shown once).
            task.get_loop().call_exception_handler(
                {"message": "the turn failed", "exception": exc, "future": task}
            )
        self._end()

    def _end(self) -> None:
        if not self.ended:
            self.ended = True
            self._listener.on_turn_ended()

    async def _run(self) -> None:
        try:
            client = await self._open_client()
        except CannotAskError as exc:
            self._listener.on_notice(str(exc), True)
            return
        if self._stopped:
            return
        if client is None:
            self._listener.on_notice(no_key_text(self._key), True)
            return
        async with client:
            try:
                await self._ask(client)
            except AttachmentError as exc:  # an attachment's bytes are missing: nothing sent
                self._listener.on_notice(str(exc), True)
            finally:
                self._end()  # over for the user now; closing the client may take a moment

    async def _ask(self, client: AsyncAnthropic) -> None:
        attempt = 1
        kind: RequestKind = "continue" if self._base is not None else "ask"
        while True:
            error = await self._request(client, kind)
            if self._stopped:
                return
            if error is None:
                if not wants_tools(self.last_reply):
                    return
                if self._tools is None:
                    self._listener.on_notice(no_tools_text(self._key), False)
                    return
                if self._rounds >= self._max_rounds:
                    self._listener.on_notice(
                        translate(
                            "Turn",
                            "Stopped after {_rounds} rounds of tool calls (the limit set in the "
                            "tools settings). Ask Claude to go on to allow more.",
                        ).format(_rounds=self._rounds),
                        False,
                    )
                    return
                self._rounds += 1
                assert self.last_reply is not None
                self._round = ToolRound(self._tools, self._approve, self._listener)
                try:
                    results = await self._round.run(self.conversation, self.last_reply)
                finally:
                    self._round = None
                if self._saver is not None:
                    self._saver.save_message(results)
                self._listener.on_message_added(results)
                if self._stopped:
                    return  # stopped while the tools ran: every call has its result, saved
                kind, attempt = "tools", 1
                continue
            if await self._send_files_again(error):
                continue
            plan = self._retry_policy.decide(error, attempt)
            if plan is None:
                model = self._params.get("model")
                self._listener.on_notice(suggestion(error, model=model, key=self._key), False)
                return
            if not await self._count_down(plan):
                self._listener.on_countdown("")
                self._listener.on_notice(
                    translate("Turn", "Retry cancelled. {retry_hint}").format(
                        retry_hint=retry_hint(self._key)
                    ),
                    False,
                )
                return
            self._listener.on_countdown("")
            self._prepare_retry()
            kind = "retry"
            attempt += 1

    async def _send_files_again(self, error: TurnError) -> bool:
        """The server no longer has a file the request named (deleted, or expired): forget
        its id and ask again at once, the file sent afresh (once per turn)."""
        gone = gone_file_ids(error, self._sent_file_ids)
        if not gone or self._blobs is None or self._files_sent_again:
            return False
        self._files_sent_again = True
        log.info("%d file(s) gone from the Files API: sending them again", len(gone))
        await self._blobs.forget_file_ids(gone)
        self._prepare_retry()
        return True

    def _prepare_retry(self) -> None:
        """The failed reply stays, as a variant (or is carried on, when continuing); one that
        got nothing at all is taken over by the retry rather than left as an empty variant."""
        failed = self.last_reply
        if failed is None:
            return
        if self._base is not None:
            self._base = failed
            return
        self._replacing = failed if not failed.content else None
        self.conversation.current_id = failed.parent_id
        self._listener.on_path_changed()

    async def _request(self, client: AsyncAnthropic, kind: RequestKind) -> TurnError | None:
        """One request: stream its reply, save and report it; the error it ended with."""
        params = dict(self._params)
        params["messages"] = self.conversation.to_api_messages()
        if self._blobs is not None:
            params["messages"] = await self._blobs.api_messages(
                params["messages"],
                partial(upload_file, client),
                str(client.base_url),
                citations=self._citations,
                exists=partial(file_exists, client),
            )
        self._sent_file_ids = file_ids_in(params["messages"])
        if self._tools is not None and (offered := self._tools.tool_params()):
            params["tools"] = [*params.get("tools", []), *offered]
        if self._base is not None:
            params.pop("thinking", None)  # the API cannot prefill a reply with thinking
        snapshot = TurnSnapshot(parent_id=self._parent_id())
        if self._replacing is not None:
            snapshot.id = self._replacing.id
        self._snapshot = snapshot
        request = Request(kind, snapshot.id)
        self.requests.append(request)
        if self._saver is not None:
            settings = {k: v for k, v in params.items() if k not in ("messages", "extra_headers")}
            self._saver.begin_reply(
                self._message(Status.STREAMING),
                settings,
                new=self._base is None and self._replacing is None,
            )
        self._listener.on_reply_started(self._base is not None)
        self._stream_task = asyncio.ensure_future(
            stream_turn(client, params, snapshot, self._on_update)
        )
        try:
            error = await self._stream_task
        except asyncio.CancelledError:
            # Stopped by the user, or the app is closing: either way keep what arrived.
            self._finish(self._message(Status.INTERRUPTED, STOPPED))
            if not self._stopped:
                raise
            return None
        finally:
            self._stream_task = None
        request.error = error
        if error is not None:
            log.info("request failed: %s (request %s)", error.kind, error.request_id)
        self._finish(self._message_for(error))
        if error is not None and error.kind is ErrorKind.AUTH:
            self._listener.on_key_rejected()
        return error

    def _parent_id(self) -> str | None:
        if self._base is not None:
            return self._base.parent_id
        path = self.conversation.path()
        return path[-1].id if path else None

    def _message(self, status: Status, error: str | None = None) -> Message:
        """The reply as it stands, merged into the one it continues (the one place)."""
        assert self._snapshot is not None
        message = self._snapshot.to_message(status, error)
        if self._base is not None:
            message = merge_continuation(self._base, message)
        return message

    def _message_for(self, error: TurnError | None) -> Message:
        if error is None:
            return self._message(Status.COMPLETE)
        status = Status.INTERRUPTED if error.kind is ErrorKind.INCOMPLETE else Status.ERROR
        return self._message(status, redact(error.message))

    def _finish(self, message: Message) -> None:
        self._cancel_pending_save()
        taken_over = self._base or self._replacing
        if taken_over is not None:
            index = next(
                i for i, m in enumerate(self.conversation.messages) if m.id == taken_over.id
            )
            self.conversation.messages[index] = message
            self.conversation.current_id = message.id
        else:
            self.conversation.append(message, parent_id=message.parent_id)
        self._replacing = None
        self.last_reply = message
        if self._saver is not None:
            self._saver.finish(message)
        self._listener.on_figures(Figures.of(message))
        self._listener.on_reply_finished(message)
        if self._base is not None:
            self._listener.on_path_changed()  # the continuation joins the reply it continues

    def _on_update(self, update: Update) -> None:
        if self._saver is not None:
            if isinstance(update, _BOUNDARIES):
                self._flush()
            elif self._pending_save is None:
                loop = asyncio.get_running_loop()
                self._pending_save = loop.call_later(SAVE_INTERVAL_S, self._flush)
        self._listener.on_update(update)
        snapshot = self._snapshot
        assert snapshot is not None
        now = snapshot.last_event_at or 0.0
        if isinstance(update, _FIGURES_NOW) or (now - self._figures_at >= FIGURES_INTERVAL_S):
            self._figures_at = now
            self._listener.on_figures(snapshot.figures())

    def _flush(self) -> None:
        self._cancel_pending_save()
        if self._saver is not None and self._snapshot is not None:
            self._saver.update_reply(self._message(Status.STREAMING))

    def _cancel_pending_save(self) -> None:
        if self._pending_save is not None:
            self._pending_save.cancel()
            self._pending_save = None

    async def _count_down(self, plan: RetryPlan) -> bool:
        """Wait ``plan.delay_s``, saying how long is left; False when it was cancelled."""
        self._cancel_wait = asyncio.Event()
        loop = asyncio.get_running_loop()
        end = loop.time() + plan.delay_s
        try:
            while (remaining := end - loop.time()) > 0:
                self._listener.on_countdown(countdown_text(plan, remaining, key=self._key))
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._cancel_wait.wait(), min(1.0, remaining))
                if self._cancel_wait.is_set():
                    return False
            return True
        finally:
            self._cancel_wait = None


STOPPED = translate("Turn", "Stopped. The partial reply is kept.")


def no_tools_text(key: KeyName) -> str:
    return translate(
        "Turn",
        "Claude asked to use a tool, but no tool server is running here: the next message tells "
        "it the tool was not run. Add servers under {tools_key}.",
    ).format(tools_key=key("tools"))


def retry_hint(key: KeyName) -> str:
    return translate(
        "Turn", "{regenerate_key} asks again; {continue_key} carries on from what arrived."
    ).format(regenerate_key=key("regenerate"), continue_key=key("continue"))


def no_key_text(key: KeyName) -> str:
    return translate(
        "Turn",
        "No API key yet. Add one with {api_key_key} (it goes to your system keychain), set "
        "ANTHROPIC_API_KEY, or start with --demo to try the app.",
    ).format(api_key_key=key("api_key"))

"""The fault matrix: every way a turn fails, through the real SDK over real sockets.

Each row runs one turn with ``stream_turn`` against the embedded server (or a closed port)
while an ``AutoSaver`` writes it to a real ``Store``, then checks what the user gets:

- the error kind and the words of the message;
- whether the app retries by itself (``RetryPolicy.decide``), and after how long;
- the text kept: always the text deltas that arrived, and, measured against the whole
  reply the server gives the same request without the fault, exactly what the server sent
  before the fault (``prefix``), all of it (``whole``), or nothing (``none``);
- the message saved: its status, text and error, as the controller finishes it.
"""

from __future__ import annotations

import asyncio
import random
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest

from desktop_chat.core.autosave import AutoSaver
from desktop_chat.core.client import ErrorKind, TurnError, make_client, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.retry import RetryPolicy, countdown_text, suggestion
from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.core.stream import TextDelta, TurnSnapshot, Update

PROMPT = "Tell me about rivers"
MODEL = Settings().model
Kept = Literal["none", "prefix", "whole", "gap"]


@dataclass(frozen=True)
class Row:
    """One fault and what the user must see after it.

    ``kind`` None: the reply completes. ``delay_s`` None with ``auto_retry``: the backoff
    delay (jittered) applies; a number: exactly that (a retry-after honoured).
    """

    scenario: str | None
    kind: ErrorKind | None
    words: str
    auto_retry: bool
    status: Status
    kept: Kept
    delay_s: float | None = None
    hint: str = ""  # words of the suggestion shown when it does not retry by itself
    timeout_s: float = 10.0
    messages: list[dict[str, Any]] | None = None  # instead of the one question
    refused: bool = False  # against a closed port instead of the server
    marks: tuple[Any, ...] = field(default=())


ERROR, INTERRUPTED, COMPLETE = Status.ERROR, Status.INTERRUPTED, Status.COMPLETE
K = ErrorKind

ROWS: dict[str, Row] = {
    "connection refused": Row(
        None, K.CONNECTION, "Could not reach the API", False, ERROR, "none",
        hint="network", refused=True,
    ),
    "dropped, chunked": Row("drop", K.DROPPED, "connection dropped", True, ERROR, "prefix"),
    # A close-delimited body has no framing to prove it was cut: only the missing
    # message_stop tells.
    "dropped, close-delimited": Row(
        "drop_close", K.INCOMPLETE, "before the reply was complete", True, INTERRUPTED, "prefix"
    ),
    "read stall beyond the timeout": Row(
        "stall", K.TIMEOUT, "stalled", True, ERROR, "prefix", timeout_s=1.0
    ),
    "event: error overloaded_error": Row(
        "error_event", K.OVERLOADED, "overloaded", True, ERROR, "prefix"
    ),
    "event: error api_error": Row(
        "api_error_event", K.SERVER, "internal error", True, ERROR, "prefix"
    ),
    "HTTP 400": Row(
        None, K.BAD_REQUEST, "refused the request: final assistant content cannot end with "
        "trailing whitespace", False, ERROR, "none",
        hint="The API's reason: final assistant content cannot end with trailing whitespace",
        messages=[
            {"role": "user", "content": PROMPT},
            {"role": "assistant", "content": "Rivers are "},
        ],
    ),
    "HTTP 401": Row(
        "http401", K.AUTH, "API key was not accepted", False, ERROR, "none",
        hint="Check the key (Ctrl+Shift+K)",
    ),
    "HTTP 403": Row(
        "http403", K.PERMISSION, "may not use that", False, ERROR, "none", hint="Pick a model"
    ),
    "HTTP 404": Row(
        "http404", K.NOT_FOUND, "is the model name right", False, ERROR, "none",
        hint=f"Check “{MODEL}” in Settings",
    ),
    "HTTP 413": Row(
        "http413", K.TOO_LARGE, "too large for the API", False, ERROR, "none",
        hint="Start a new conversation or remove long attachments",
    ),
    "HTTP 429 with retry-after": Row(
        "http429", K.RATE_LIMIT, "Rate limit reached", True, ERROR, "none", delay_s=1.0
    ),
    "HTTP 429 without retry-after": Row(
        "http429_no_retry_after", K.RATE_LIMIT, "Rate limit reached", True, ERROR, "none"
    ),
    "HTTP 500": Row("http500", K.SERVER, "HTTP 500", True, ERROR, "none"),
    "HTTP 529": Row("http529", K.OVERLOADED, "overloaded", True, ERROR, "none"),
    "malformed SSE: bad JSON": Row(
        "malformed", K.INVALID_RESPONSE, "could not read", False, ERROR, "prefix",
        hint="Retry (Ctrl+R)",
    ),
    # The SDK skips an event without a name (anthropic/_streaming.py: `if sse.event is
    # None: continue`): the reply completes with that one delta missing; nothing can tell.
    "malformed SSE: missing event: line": Row("no_event_line", None, "", False, COMPLETE, "gap"),
    "malformed SSE: truncated line": Row(
        "truncated_line", K.INCOMPLETE, "before the reply was complete", True, INTERRUPTED,
        "prefix",
    ),
    "unknown event and delta types": Row("unknown_event", None, "", False, COMPLETE, "whole"),
    # The SDK's own accumulator indexes its content list by the event's index: IndexError.
    "content block out of order": Row(
        "block_out_of_order", K.INVALID_RESPONSE, "could not read", False, ERROR, "prefix"
    ),
    "no message_stop": Row(
        "no_stop", K.INCOMPLETE, "before the reply was complete", True, INTERRUPTED, "whole"
    ),
    "connection dropped after message_stop": Row(
        "drop_after_stop", None, "", False, COMPLETE, "whole",
    ),
}  # fmt: skip


@dataclass
class Outcome:
    snapshot: TurnSnapshot
    error: TurnError | None
    received: str  # the text deltas, joined, in the order they arrived
    saved: Message
    save_errors: list[str]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def request(row: Row | None = None) -> dict[str, Any]:
    """The matrix's question (the same for every row), with the row's scenario header."""
    params = Settings(model=MODEL).request_params()
    params["messages"] = [{"role": "user", "content": PROMPT}]
    if row is not None and row.messages:
        params["messages"] = row.messages
    if row is not None and row.scenario:
        params["extra_headers"] = {"x-demo-scenario": row.scenario}
    return params


def run_saved_turn(base_url: str, row: Row, store: Store) -> Outcome:
    """One turn as the controller runs it: question saved, reply saved as it streams."""
    params = request(row)
    conversation = Conversation(title="matrix")
    question = Message.user(PROMPT)
    conversation.messages.append(question)
    save_errors: list[str] = []
    saver = AutoSaver(store, conversation, save_errors.append)
    saver.save_message(question)
    snapshot = TurnSnapshot()
    updates: list[Update] = []

    def on_update(update: Update) -> None:
        updates.append(update)
        saver.update_reply(snapshot.to_message(Status.STREAMING))  # as often as can be

    async def go() -> TurnError | None:
        saver.begin_reply(snapshot.to_message(Status.STREAMING), params, new=True)
        client = make_client(
            api_key="test-key", base_url=base_url, timeout_s=row.timeout_s, max_retries=0
        )
        async with client:
            error = await stream_turn(client, params, snapshot, on_update)
        if error is None:
            message = snapshot.to_message(Status.COMPLETE)
        else:
            status = Status.INTERRUPTED if error.kind is ErrorKind.INCOMPLETE else Status.ERROR
            message = snapshot.to_message(status, error.message)
        saver.finish(message)
        return error

    error = asyncio.run(go())
    received = "".join(u.text for u in updates if isinstance(u, TextDelta))
    saved = store.load(conversation.id).messages[-1]
    return Outcome(snapshot, error, received, saved, save_errors)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open() as s:
        yield s


@pytest.fixture(scope="module")
def whole_reply(api_server: Any) -> str:
    """The reply the server gives the matrix's question when nothing goes wrong."""

    async def go() -> str:
        snapshot = TurnSnapshot()
        client = make_client(api_key="test-key", base_url=api_server.base_url, max_retries=0)
        async with client:
            error = await stream_turn(client, request(), snapshot, lambda _: None)
        assert error is None
        return snapshot.text

    text = asyncio.run(go())
    assert len(text) > 100
    return text


@pytest.mark.parametrize(
    "row", [pytest.param(row, id=name, marks=row.marks) for name, row in ROWS.items()]
)
def test_fault(row: Row, api_server: Any, store: Store, whole_reply: str) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}" if row.refused else api_server.base_url

    out = run_saved_turn(base_url, row, store)

    # what the user is told
    error = out.error
    if row.kind is None:
        assert error is None, error
    else:
        assert error is not None
        assert error.kind is row.kind
        assert row.words.lower() in error.message.lower()
        assert "Traceback" not in error.message and "test-key" not in error.message
        if not row.refused:
            assert error.request_id and error.request_id.startswith("req_")

    # whether it retries by itself, and when
    if error is not None:
        plan = RetryPolicy(rng=random.Random(8)).decide(error, attempt=1)
        assert (plan is not None) is row.auto_retry
        if plan is not None:
            assert plan.attempt == 2
            if row.delay_s is not None:
                assert plan.delay_s == row.delay_s
            else:
                assert 1.5 <= plan.delay_s <= 2.0  # base 2 s, up to a quarter off
            assert countdown_text(plan, plan.delay_s).endswith("… (Esc to cancel)")
        else:
            assert row.hint in suggestion(error, model=MODEL)

    # the text kept: what arrived, and exactly what the server sent before the fault
    text = out.snapshot.text
    assert text == out.received
    if row.kept == "none":
        assert text == ""
    elif row.kept == "whole":
        assert text == whole_reply
    elif row.kept == "prefix":
        assert text and whole_reply.startswith(text) and text != whole_reply
    else:  # "gap": one delta missing in the middle
        assert len(text) < len(whole_reply)
        common = next(i for i, (a, b) in enumerate(zip(text, whole_reply, strict=False)) if a != b)
        gap = len(whole_reply) - len(text)
        assert whole_reply[:common] + whole_reply[common + gap :] == text

    # the saved state, as the controller finishes the reply
    saved = out.saved
    assert out.save_errors == []
    assert saved.role == "assistant" and saved.id == out.snapshot.id
    assert saved.status is row.status
    assert saved.text == text
    assert saved.error == (error.message if error is not None else None)
    assert saved.metrics.finished_at is not None

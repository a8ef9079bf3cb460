"""One turn, streamed by the real SDK from the embedded server, folded into a snapshot."""

from __future__ import annotations

import asyncio
import typing
from typing import Any

import pytest

from desktop_chat.core.client import ErrorKind, TurnError, make_client, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.settings import Settings
from desktop_chat.core.stream import (
    DELTA_KINDS,
    EVENT_KINDS,
    BlockStarted,
    MessageStarted,
    MessageStopped,
    TextDelta,
    ThinkingDelta,
    ToolInputDelta,
    TurnSnapshot,
    Update,
)


def run_turn(
    server: Any,
    conversation: Conversation,
    *,
    scenario: str | None = None,
    settings: Settings | None = None,
    timeout_s: float = 10.0,
    max_retries: int = 0,
) -> tuple[TurnSnapshot, TurnError | None, list[Update]]:
    settings = settings or Settings()
    params = settings.request_params() | {"messages": conversation.to_api_messages()}
    if scenario:
        params["extra_headers"] = {"x-demo-scenario": scenario}
    snapshot = TurnSnapshot()
    updates: list[Update] = []

    async def go() -> TurnError | None:
        client = make_client(
            api_key="test-key",
            base_url=server.base_url,
            timeout_s=timeout_s,
            max_retries=max_retries,
        )
        async with client:
            return await stream_turn(client, params, snapshot, updates.append)

    error = asyncio.run(go())
    return snapshot, error, updates


def ask(text: str) -> Conversation:
    return Conversation(messages=[Message.user(text)])


def test_a_reply_streams_thinking_then_text_with_usage_and_timings(api_server: Any) -> None:
    snapshot, error, updates = run_turn(api_server, ask("What is a monad?"))

    assert error is None
    assert snapshot.completed
    kinds = [b["type"] for b in snapshot.content]
    assert kinds[0] == "thinking" and "text" in kinds
    thinking = snapshot.content[0]
    assert thinking["thinking"] and thinking["signature"]
    assert snapshot.text.strip()
    assert isinstance(updates[0], MessageStarted)
    assert isinstance(updates[-1], MessageStopped)
    started = [u for u in updates if isinstance(u, BlockStarted)]
    assert (started[0].index, started[0].block_type) == (0, "thinking")
    assert started[0].block["type"] == "thinking"  # the update carries the block itself
    assert any(isinstance(u, ThinkingDelta) for u in updates)
    streamed = "".join(u.text for u in updates if isinstance(u, TextDelta))
    assert streamed == snapshot.text
    assert snapshot.stop_reason == "end_turn"
    assert snapshot.usage.input_tokens > 0 and snapshot.usage.output_tokens > 0
    assert snapshot.request_id and snapshot.request_id.startswith("req_")
    assert snapshot.ttft_s is not None and snapshot.ttft_s >= 0
    assert snapshot.tokens_per_s is not None and snapshot.tokens_per_s > 0


def test_a_second_question_sends_the_first_reply_back_unchanged(api_server: Any) -> None:
    conversation = ask("First question")
    snapshot, error, _ = run_turn(api_server, conversation)
    assert error is None
    first_reply = snapshot.to_message(Status.COMPLETE)
    conversation.messages += [first_reply, Message.user("And a follow-up?")]

    _, error, _ = run_turn(api_server, conversation)

    # The server checks each thinking block's signature against its text: a changed block
    # would have been refused with a 400.
    assert error is None
    sent = api_server.requests[-1].body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "user"]
    assert sent[1]["content"] == first_reply.content
    assert sent[1]["content"][0]["signature"] == snapshot.content[0]["signature"]


def test_tool_input_streams_and_is_answered_in_the_next_turn(api_server: Any) -> None:
    conversation = ask("Weather in Paris?")
    snapshot, error, updates = run_turn(api_server, conversation, scenario="tool")

    assert error is None
    assert snapshot.stop_reason == "tool_use"
    tool = next(b for b in snapshot.content if b["type"] == "tool_use")
    assert isinstance(tool["input"], dict) and tool["input"]
    partials = [u.partial_json for u in updates if isinstance(u, ToolInputDelta)]
    assert len(partials) > 1 and partials[-1].startswith(partials[0])

    conversation.messages += [snapshot.to_message(Status.COMPLETE), Message.user("ok")]
    _, error, _ = run_turn(api_server, conversation)
    assert error is None
    answer = api_server.requests[-1].body["messages"][-1]["content"][0]
    assert answer["type"] == "tool_result" and answer["tool_use_id"] == tool["id"]


def test_invalid_tool_json_is_kept_as_text_not_a_crash(api_server: Any) -> None:
    _, error, updates = run_turn(api_server, ask("tool please"), scenario="tool_bad_json")

    assert error is not None and error.kind is ErrorKind.INVALID_RESPONSE
    assert "could not read" in error.message
    partials = [u.partial_json for u in updates if isinstance(u, ToolInputDelta)]
    assert partials  # the JSON that arrived is still there to show


@pytest.mark.parametrize(
    ("scenario", "kind", "words"),
    [
        ("error_event", ErrorKind.OVERLOADED, "overloaded"),
        ("api_error_event", ErrorKind.SERVER, "internal error"),
        ("drop", ErrorKind.DROPPED, "dropped"),
        # A close-delimited body has no framing to prove it was cut: only the missing
        # message_stop tells.
        ("drop_close", ErrorKind.INCOMPLETE, "before the reply was complete"),
        ("no_stop", ErrorKind.INCOMPLETE, "before the reply was complete"),
    ],
)
def test_a_fault_mid_stream_keeps_the_partial_reply(
    api_server: Any, scenario: str, kind: ErrorKind, words: str
) -> None:
    snapshot, error, updates = run_turn(api_server, ask("Tell me more"), scenario=scenario)

    assert error is not None
    assert error.kind is kind
    assert words in error.message
    assert error.retryable
    assert snapshot.text  # what arrived before the fault
    assert snapshot.text == "".join(u.text for u in updates if isinstance(u, TextDelta))
    assert not snapshot.completed


def test_a_stalled_stream_times_out_and_keeps_its_text(api_server: Any) -> None:
    snapshot, error, _ = run_turn(api_server, ask("Go slow"), scenario="stall", timeout_s=1.0)

    assert error is not None and error.kind is ErrorKind.TIMEOUT
    assert "stalled" in error.message
    assert snapshot.text


@pytest.mark.parametrize(
    ("scenario", "kind", "status", "retryable"),
    [
        ("http401", ErrorKind.AUTH, 401, False),
        ("http403", ErrorKind.PERMISSION, 403, False),
        ("http404", ErrorKind.NOT_FOUND, 404, False),
        ("http413", ErrorKind.TOO_LARGE, 413, False),
        ("http429", ErrorKind.RATE_LIMIT, 429, True),
        ("http500", ErrorKind.SERVER, 500, True),
        ("http529", ErrorKind.OVERLOADED, 529, True),
    ],
)
def test_http_errors_become_plain_words(
    api_server: Any, scenario: str, kind: ErrorKind, status: int, retryable: bool
) -> None:
    snapshot, error, updates = run_turn(api_server, ask("hi"), scenario=scenario)

    assert error is not None
    assert (error.kind, error.status_code, error.retryable) == (kind, status, retryable)
    assert "Traceback" not in error.message and "test-key" not in error.message
    assert error.request_id and error.request_id.startswith("req_")
    assert updates == [] and snapshot.content == []


def test_rate_limit_says_when_to_retry(api_server: Any) -> None:
    _, error, _ = run_turn(api_server, ask("hi"), scenario="http429")
    assert error is not None and error.retry_after_s == 1.0


def test_the_sdk_retries_a_429_before_the_stream_begins(api_server: Any) -> None:
    snapshot, error, _ = run_turn(api_server, ask("hi"), scenario="http429_once", max_retries=2)
    assert error is None and snapshot.completed


def test_refusal_carries_its_details(api_server: Any) -> None:
    snapshot, error, _ = run_turn(api_server, ask("hmm"), scenario="refusal")
    assert error is None
    assert snapshot.stop_reason == "refusal"
    assert snapshot.stop_details is not None and snapshot.stop_details["type"] == "refusal"


def test_max_tokens_cuts_the_reply(api_server: Any) -> None:
    settings = Settings(max_tokens=20, thinking="off")
    snapshot, error, _ = run_turn(api_server, ask("Long answer"), settings=settings)
    assert error is None
    assert snapshot.stop_reason == "max_tokens"
    assert snapshot.usage.output_tokens <= 20


def test_unknown_events_pass_without_a_crash(api_server: Any) -> None:
    snapshot, error, _ = run_turn(api_server, ask("new API"), scenario="unknown_event")
    assert error is None and snapshot.completed and snapshot.text


def test_redacted_thinking_is_kept_for_the_next_turn(api_server: Any) -> None:
    conversation = ask("secret thoughts")
    snapshot, error, _ = run_turn(api_server, conversation, scenario="redacted")
    assert error is None
    redacted = [b for b in snapshot.content if b["type"] == "redacted_thinking"]
    assert redacted and redacted[0]["data"]
    conversation.messages += [snapshot.to_message(Status.COMPLETE), Message.user("more")]
    _, error, _ = run_turn(api_server, conversation)
    assert error is None
    assert api_server.requests[-1].body["messages"][1]["content"] == snapshot.content


def test_an_interrupted_reply_goes_back_in_a_form_the_api_accepts(api_server: Any) -> None:
    conversation = ask("First")
    snapshot, error, _ = run_turn(api_server, conversation, scenario="drop")
    assert error is not None
    cut = snapshot.to_message(Status.ERROR, error.message)
    conversation.messages += [cut, Message.user("Please go on")]

    _, error, _ = run_turn(api_server, conversation)

    assert error is None  # the server applies the API's rules on history
    sent = api_server.requests[-1].body["messages"][1]["content"]
    assert sent[-1]["type"] == "text" and sent[-1]["text"] == sent[-1]["text"].rstrip()


def test_fold_knows_every_event_and_delta_kind_of_the_sdk() -> None:
    from anthropic.types import RawContentBlockDelta, RawMessageStreamEvent

    def literal_types(alias: Any) -> set[str]:
        union = typing.get_args(alias)[0]
        return {
            typing.get_args(cls.model_fields["type"].annotation)[0]
            for cls in typing.get_args(union)
        }

    assert literal_types(RawMessageStreamEvent) == EVENT_KINDS
    assert literal_types(RawContentBlockDelta) == DELTA_KINDS

"""Streams that break, and exactly what the real SDK raises (or not) for each.

These facts are what the client's error classification is built on:

============== ===================================================================
error_event    ``anthropic.APIStatusError`` (the base class itself), status_code 200,
               ``.type == "overloaded_error"`` (``api_error`` for api_error_event)
drop           ``httpx2.RemoteProtocolError``, not wrapped in an ``anthropic`` error
drop_close     nothing: the body just ends; no ``message_stop`` (nor ``message_delta``)
stall          ``httpx2.ReadTimeout``, not wrapped
no_stop        nothing: ``message_delta`` arrives, ``message_stop`` does not
malformed      ``json.JSONDecodeError`` (a ``ValueError``) from the SDK's ``sse.json()``
unknown_event  nothing: both events come through; see the test for their odd classes
tool_bad_json  ``ValueError("Unable to parse tool parameter JSON from model. …")``
============== ===================================================================
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import anthropic
import httpx2
import pytest
from anthropic.lib.streaming import MessageStream
from anthropic.types import RawMessageStartEvent, TextDelta
from demo_prompts import MODEL, STALL_SECONDS, ask

from desktop_chat.demo.server import DemoServer


def stream_until_fault(
    client: anthropic.Anthropic, name: str, **params: Any
) -> tuple[list[Any], MessageStream[Any], BaseException | None]:
    """Read a scenario's stream to its end; the events, the stream, and what was raised."""
    events: list[Any] = []
    raised: BaseException | None = None
    params.setdefault("max_tokens", 1024)
    with client.messages.stream(
        model=MODEL,
        messages=ask("Tell me more"),
        extra_headers={"x-demo-scenario": name},
        **params,
    ) as stream:
        try:
            for event in stream:
                events.append(event)
        except Exception as exc:
            raised = exc
    return events, stream, raised


def text_so_far(stream: MessageStream[Any]) -> str:
    return "".join(b.text for b in stream.current_message_snapshot.content if b.type == "text")


@pytest.mark.parametrize(
    ("name", "error_type"), [("error_event", "overloaded_error"), ("api_error_event", "api_error")]
)
def test_an_error_event_is_an_api_status_error_with_status_200(
    client: anthropic.Anthropic, name: str, error_type: str
) -> None:
    events, stream, raised = stream_until_fault(client, name)

    assert type(raised) is anthropic.APIStatusError  # not OverloadedError: the status is 200
    assert raised.status_code == 200
    assert raised.type == error_type
    assert raised.body == {
        "type": "error",
        "error": {"type": error_type, "message": raised.api_message},
    }
    assert raised.request_id and raised.request_id.startswith("req_")
    assert text_so_far(stream)  # the partial reply survives
    assert stream.current_message_snapshot.stop_reason is None
    assert "message_stop" not in [e.type for e in events]


def test_a_drop_is_an_httpx2_protocol_error(client: anthropic.Anthropic) -> None:
    _, stream, raised = stream_until_fault(client, "drop")

    assert isinstance(raised, httpx2.RemoteProtocolError)
    assert not isinstance(raised, anthropic.AnthropicError)
    assert "incomplete chunked read" in str(raised)
    assert text_so_far(stream)


def test_a_close_delimited_drop_raises_nothing(client: anthropic.Anthropic) -> None:
    events, stream, raised = stream_until_fault(client, "drop_close")

    assert raised is None
    kinds = [e.type for e in events]
    assert "message_stop" not in kinds and "message_delta" not in kinds
    assert text_so_far(stream)
    assert stream.current_message_snapshot.stop_reason is None


def test_a_stall_is_an_httpx2_read_timeout(demo_server: DemoServer) -> None:
    with anthropic.Anthropic(
        api_key="test-key",
        base_url=demo_server.base_url,
        max_retries=0,
        timeout=httpx2.Timeout(1.0),
    ) as client:
        _, stream, raised = stream_until_fault(client, "stall")

    assert isinstance(raised, httpx2.ReadTimeout)
    assert not isinstance(raised, anthropic.AnthropicError)
    assert text_so_far(stream)
    assert demo_server.stall_seconds == STALL_SECONDS > 1.0


def test_a_stall_ends_in_a_drop_when_the_client_waits_longer() -> None:
    with (
        DemoServer(tokens_per_second=0, stall_seconds=0.3) as server,
        anthropic.Anthropic(
            api_key="test-key", base_url=server.base_url, max_retries=0, timeout=5.0
        ) as client,
    ):
        _, stream, raised = stream_until_fault(client, "stall")

    assert isinstance(raised, httpx2.RemoteProtocolError)
    assert text_so_far(stream)


def test_no_message_stop_raises_nothing(client: anthropic.Anthropic) -> None:
    events, stream, raised = stream_until_fault(client, "no_stop")

    assert raised is None
    kinds = [e.type for e in events]
    assert kinds[-1] == "message_delta"
    assert "message_stop" not in kinds
    assert stream.current_message_snapshot.stop_reason == "end_turn"


def test_a_malformed_data_line_is_a_json_error(client: anthropic.Anthropic) -> None:
    _, stream, raised = stream_until_fault(client, "malformed")

    assert isinstance(raised, json.JSONDecodeError)
    assert text_so_far(stream)


def test_unknown_events_pass_through_in_borrowed_classes(client: anthropic.Anthropic) -> None:
    events, stream, raised = stream_until_fault(client, "unknown_event")

    assert raised is None
    # The SDK builds an unknown event as the first class of its union, and an unknown delta
    # as a TextDelta with text None: dispatch on `.type`, never on isinstance.
    future = next(e for e in events if e.type == "future_event")
    assert isinstance(future, RawMessageStartEvent)
    assert future.message is None  # type: ignore[comparison-overlap]
    future_delta = next(
        e for e in events if e.type == "content_block_delta" and e.delta.type == "future_delta"
    )
    assert isinstance(future_delta.delta, TextDelta) and future_delta.delta.text is None
    assert events[-1].type == "message_stop"
    text = text_so_far(stream)
    assert "None" not in text and text.startswith("## Tell me more")


def test_invalid_tool_json_is_a_value_error(client: anthropic.Anthropic) -> None:
    events, stream, raised = stream_until_fault(client, "tool_bad_json")

    assert isinstance(raised, ValueError)
    assert str(raised).startswith("Unable to parse tool parameter JSON from model.")
    pieces = [
        e.delta.partial_json
        for e in events
        if e.type == "content_block_delta" and e.delta.type == "input_json_delta"
    ]
    assert pieces  # what came before the bad piece
    assert stream.current_message_snapshot.content[-1].type == "tool_use"


def test_the_async_client_sees_the_same_faults(demo_server: DemoServer) -> None:
    async def fault_of(client: anthropic.AsyncAnthropic, name: str) -> BaseException | None:
        try:
            async with client.messages.stream(
                model=MODEL,
                max_tokens=1024,
                messages=ask("async"),
                extra_headers={"x-demo-scenario": name},
            ) as stream:
                async for _ in stream:
                    pass
        except Exception as exc:
            return exc
        return None

    async def go() -> dict[str, BaseException | None]:
        async with anthropic.AsyncAnthropic(
            api_key="test-key",
            base_url=demo_server.base_url,
            max_retries=0,
            timeout=httpx2.Timeout(1.0),
        ) as client:
            names = ["error_event", "drop", "drop_close", "stall", "no_stop", "malformed"]
            return {name: await fault_of(client, name) for name in names}

    faults = asyncio.run(go())
    error_event = faults["error_event"]
    assert type(error_event) is anthropic.APIStatusError and error_event.status_code == 200
    assert isinstance(faults["drop"], httpx2.RemoteProtocolError)
    assert faults["drop_close"] is None
    assert isinstance(faults["stall"], httpx2.ReadTimeout)
    assert faults["no_stop"] is None
    assert isinstance(faults["malformed"], json.JSONDecodeError)


def test_without_streaming_faults_become_ordinary_errors(demo_server: DemoServer) -> None:
    def create(name: str) -> Any:
        return client.messages.create(
            model=MODEL,
            max_tokens=1024,
            messages=ask("plain"),
            extra_headers={"x-demo-scenario": name},
        )

    with anthropic.Anthropic(
        api_key="test-key",
        base_url=demo_server.base_url,
        max_retries=0,
        timeout=httpx2.Timeout(1.0),
    ) as client:
        with pytest.raises(anthropic.OverloadedError):
            create("error_event")
        with pytest.raises(anthropic.InternalServerError):
            create("api_error_event")
        with pytest.raises(anthropic.APIConnectionError) as dropped:
            create("drop")
        assert isinstance(dropped.value.__cause__, httpx2.RemoteProtocolError)
        with pytest.raises(anthropic.APITimeoutError):
            create("stall")
        with pytest.raises(json.JSONDecodeError):
            create("malformed")
        assert create("no_stop").stop_reason == "end_turn"
        assert create("tool_bad_json").content[-1].input == {}

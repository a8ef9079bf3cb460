"""Healthy replies through the real SDK: blocks, thinking and signatures, tools, stop reasons."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import anthropic
import pytest
from anthropic.types import MessageParam
from demo_prompts import MODEL, ask

from desktop_chat.demo.replies import DEFAULT_TOOL_INPUT, REFUSAL_DETAILS
from desktop_chat.demo.server import DemoServer

THINKING: Any = {"type": "adaptive"}


def stream(
    client: anthropic.Anthropic, messages: Any, **params: Any
) -> tuple[list[Any], anthropic.types.Message]:
    """Every event the SDK yields, and the final message."""
    params.setdefault("max_tokens", 4096)
    with client.messages.stream(model=MODEL, messages=messages, **params) as events:
        seen = list(events)
        return seen, events.get_final_message()


def scenario(name: str) -> dict[str, Any]:
    return {"extra_headers": {"x-demo-scenario": name}}


def raw_deltas(events: list[Any], kind: str) -> list[Any]:
    return [e.delta for e in events if e.type == "content_block_delta" and e.delta.type == kind]


def test_a_normal_reply_answers_the_prompt_in_markdown(client: anthropic.Anthropic) -> None:
    events, message = stream(client, ask("What is a monad?"))

    assert [b.type for b in message.content] == ["text"]
    text = message.content[0].text  # type: ignore[union-attr]
    assert text.startswith("## What is a monad")
    assert "“What is a monad?”" in text
    assert message.stop_reason == "end_turn"
    assert events[-1].type == "message_stop"
    assert message.id.startswith("msg_") and message.model == MODEL


def test_usage_in_message_delta_is_cumulative(client: anthropic.Anthropic) -> None:
    events, message = stream(client, ask("Count my tokens"), thinking=THINKING)

    start = next(e for e in events if e.type == "message_start").message.usage
    delta = next(e for e in events if e.type == "message_delta").usage
    pieces = len(raw_deltas(events, "text_delta")) + len(raw_deltas(events, "thinking_delta"))
    assert start.output_tokens == 1
    assert delta.output_tokens == pieces == message.usage.output_tokens
    assert delta.input_tokens == start.input_tokens
    assert delta.cache_creation_input_tokens == start.cache_creation_input_tokens
    assert delta.cache_read_input_tokens == start.cache_read_input_tokens


def test_thinking_streams_then_one_signature(client: anthropic.Anthropic) -> None:
    events, message = stream(client, ask("Think first"), thinking=THINKING)

    starts = [e.content_block for e in events if e.type == "content_block_start"]
    assert starts[0].type == "thinking"
    assert (starts[0].thinking, starts[0].signature) == ("", "")
    block_zero = [e.delta for e in events if e.type == "content_block_delta" and e.index == 0]
    assert [d.type for d in block_zero[:-1]] == ["thinking_delta"] * (len(block_zero) - 1)
    assert block_zero[-1].type == "signature_delta"
    thinking = message.content[0]
    assert thinking.type == "thinking"
    assert thinking.thinking.startswith("The user wrote: “Think first”")
    assert thinking.signature == block_zero[-1].signature
    assert message.content[1].type == "text"


def test_enabled_thinking_with_a_budget(client: anthropic.Anthropic) -> None:
    thinking: Any = {"type": "enabled", "budget_tokens": 1024}
    _, message = stream(client, ask("Think"), max_tokens=2048, thinking=thinking)
    assert [b.type for b in message.content] == ["thinking", "text"]


def test_omitted_thinking_still_has_a_signature(client: anthropic.Anthropic) -> None:
    thinking: Any = {"type": "adaptive", "display": "omitted"}
    events, message = stream(client, ask("Think quietly"), thinking=thinking)

    assert not raw_deltas(events, "thinking_delta")
    block = message.content[0]
    assert block.type == "thinking" and block.thinking == "" and block.signature


def test_thinking_goes_back_unchanged_and_a_changed_one_is_refused(
    client: anthropic.Anthropic,
) -> None:
    _, first = stream(client, ask("Plan a trip"), thinking=THINKING)
    history: list[MessageParam] = [
        *ask("Plan a trip"),
        first.to_param(),
        {"role": "user", "content": "Go on"},
    ]
    _, second = stream(client, history, thinking=THINKING)
    assert second.stop_reason == "end_turn"

    tampered = first.model_copy(deep=True)
    block = tampered.content[0]
    assert block.type == "thinking"
    block.thinking = block.thinking.replace("trip", "ship")
    history[1] = tampered.to_param()
    with pytest.raises(anthropic.BadRequestError) as caught:
        stream(client, history, thinking=THINKING)
    assert caught.value.type == "invalid_request_error"
    assert (
        caught.value.api_message == "messages.1.content.0: Invalid `signature` in `thinking` block"
    )


def test_redacted_thinking_comes_whole_and_must_go_back_unchanged(
    client: anthropic.Anthropic,
) -> None:
    events, message = stream(client, ask("Secrets"), thinking=THINKING, **scenario("redacted"))

    assert [b.type for b in message.content] == ["redacted_thinking", "thinking", "text"]
    start = next(e for e in events if e.type == "content_block_start")
    assert start.content_block.type == "redacted_thinking" and start.content_block.data
    assert not [e for e in events if e.type == "content_block_delta" and e.index == 0]

    history: list[MessageParam] = [*ask("Secrets"), message.to_param(), *ask("More")]
    _, after = stream(client, history, thinking=THINKING)
    assert after.stop_reason == "end_turn"

    tampered = message.model_copy(deep=True)
    redacted = tampered.content[0]
    assert redacted.type == "redacted_thinking"
    redacted.data = "A" + redacted.data[1:] if redacted.data[0] != "A" else "B" + redacted.data[1:]
    history[1] = tampered.to_param()
    with pytest.raises(anthropic.BadRequestError, match="redacted_thinking"):
        stream(client, history, thinking=THINKING)


def test_tool_input_streams_in_pieces_and_the_sdk_assembles_it(
    client: anthropic.Anthropic,
) -> None:
    events, message = stream(client, ask("Weather?"), **scenario("tool"))

    assert [b.type for b in message.content] == ["text", "tool_use"]
    tool = message.content[1]
    assert tool.type == "tool_use"
    assert tool.id.startswith("toolu_") and tool.name == "get_weather"
    assert tool.input == DEFAULT_TOOL_INPUT
    pieces = [d.partial_json for d in raw_deltas(events, "input_json_delta")]
    assert pieces[0] == ""  # the API opens every tool input with an empty piece
    assert len(pieces) > 3
    assert json.loads("".join(pieces)) == DEFAULT_TOOL_INPUT
    start = next(e for e in events if e.type == "content_block_start" and e.index == 1)
    assert start.content_block.input == {}
    assert message.stop_reason == "tool_use"


def test_a_tool_call_follows_the_request_tools_and_its_result_is_answered(
    client: anthropic.Anthropic,
) -> None:
    tools: Any = [
        {
            "name": "lookup",
            "description": "Look something up.",
            "input_schema": {
                "type": "object",
                "properties": {"query": {"type": "string"}, "limit": {"type": "integer"}},
                "required": ["query"],
            },
        }
    ]
    _, message = stream(client, ask("Find it"), tools=tools, thinking=THINKING, **scenario("tool"))
    tool = message.content[-1]
    assert tool.type == "tool_use"
    assert (tool.name, tool.input) == ("lookup", {"query": "demo query"})

    history: list[MessageParam] = [
        *ask("Find it"),
        message.to_param(),
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": tool.id, "content": "42 results"}],
        },
    ]
    _, answer = stream(client, history, tools=tools, thinking=THINKING)
    assert "42 results" in answer.content[-1].text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "params", "stop_reason"),
    [
        ("normal", {}, "end_turn"),
        ("tool", {}, "tool_use"),
        ("refusal", {}, "refusal"),
        ("max_tokens", {}, "max_tokens"),
        ("pause_turn", {}, "pause_turn"),
        ("stop_sequence", {"stop_sequences": ["###"]}, "stop_sequence"),
        ("context_window", {}, "model_context_window_exceeded"),
    ],
)
def test_every_stop_reason(
    client: anthropic.Anthropic, name: str, params: dict[str, Any], stop_reason: str
) -> None:
    events, message = stream(client, ask("Stop"), **params, **scenario(name))

    assert message.stop_reason == stop_reason
    delta = next(e for e in events if e.type == "message_delta")
    assert delta.delta.stop_reason == stop_reason
    assert events[-1].type == "message_stop"


def test_a_stop_sequence_cuts_before_itself(client: anthropic.Anthropic) -> None:
    _, message = stream(client, ask("Count"), stop_sequences=["###"], **scenario("stop_sequence"))

    assert message.stop_sequence == "###"
    assert message.content[0].text == "Counting slowly: one, two, three, "  # type: ignore[union-attr]


def test_a_refusal_carries_its_details(client: anthropic.Anthropic) -> None:
    _, message = stream(client, ask("Do the bad thing"), **scenario("refusal"))

    assert message.stop_details is not None
    assert message.stop_details.to_dict() == REFUSAL_DETAILS
    assert message.content[0].text  # type: ignore[union-attr]


def test_max_tokens_reports_the_whole_budget(client: anthropic.Anthropic) -> None:
    _, message = stream(client, ask("Go long"), max_tokens=300, **scenario("max_tokens"))
    assert message.stop_reason == "max_tokens"
    assert message.usage.output_tokens == 300


HEALTHY = ["normal", "markdown", "tool", "redacted", "refusal", "max_tokens"]
HEALTHY += ["pause_turn", "stop_sequence", "context_window", "unknown_event"]


@pytest.mark.parametrize("name", HEALTHY)
@pytest.mark.parametrize("thinking", [None, THINKING], ids=["plain", "thinking"])
def test_a_small_max_tokens_is_honoured_everywhere(
    client: anthropic.Anthropic, name: str, thinking: Any
) -> None:
    params: dict[str, Any] = {"thinking": thinking} if thinking else {}
    events, message = stream(client, ask("Write a lot"), max_tokens=20, **params, **scenario(name))

    sent = [
        d
        for d in (e.delta for e in events if e.type == "content_block_delta")
        if d.type in ("text_delta", "thinking_delta")
        or (d.type == "input_json_delta" and d.partial_json)
    ]
    assert len(sent) == 20
    assert message.stop_reason == "max_tokens"
    assert message.usage.output_tokens == 20


def test_the_scenario_can_be_asked_for_in_the_text(client: anthropic.Anthropic) -> None:
    _, message = stream(client, ask("please demo:refusal now"))
    assert message.stop_reason == "refusal"


def test_markdown_is_long_and_varied(client: anthropic.Anthropic) -> None:
    _, message = stream(client, ask("show me"), **scenario("markdown"))
    text = message.content[0].text  # type: ignore[union-attr]

    assert len(text.encode()) > 5000
    assert text.startswith("# ")
    for needle in (
        "\n## ",
        "| Language",
        "> ",
        "```python",
        "```javascript",
        "日本語",
        "中文",
    ):
        assert needle in text


def test_non_streaming_gives_the_same_message_shape(client: anthropic.Anthropic) -> None:
    message = client.messages.create(
        model=MODEL,
        max_tokens=1024,
        messages=ask("Plain request"),
        thinking=THINKING,
        **scenario("tool"),
    )

    assert [b.type for b in message.content] == ["thinking", "text", "tool_use"]
    assert message.content[2].input == DEFAULT_TOOL_INPUT  # type: ignore[union-attr]
    assert message.stop_reason == "tool_use"
    assert message.usage.output_tokens > 1


def test_the_async_client_streams_too(demo_server: DemoServer) -> None:
    async def go() -> tuple[list[str], str]:
        async with (
            anthropic.AsyncAnthropic(
                api_key="test-key", base_url=demo_server.base_url, max_retries=0
            ) as client,
            client.messages.stream(
                model=MODEL, max_tokens=1024, messages=ask("Async hello"), thinking=THINKING
            ) as events,
        ):
            kinds: list[str] = [event.type async for event in events]
            final = await events.get_final_message()
            return kinds, final.stop_reason or ""

    kinds, stop_reason = asyncio.run(go())
    assert kinds[0] == "message_start" and kinds[-1] == "message_stop"
    assert "thinking" in kinds and "signature" in kinds and "text" in kinds
    assert stop_reason == "end_turn"


def test_slow_is_paced_at_five_tokens_a_second(client: anthropic.Anthropic) -> None:
    began = time.monotonic()
    _, message = stream(client, ask("slowly"), max_tokens=5, **scenario("slow"))
    assert message.usage.output_tokens == 5
    assert time.monotonic() - began >= 0.9

"""The demo model with tools: it calls the one a question asks for, then answers from it."""

from __future__ import annotations

from typing import Any

import anthropic
from demo_prompts import MODEL, ask

TIME_TOOLS: list[Any] = [
    {
        "name": "convert_time",
        "description": "Convert time between timezones",
        "input_schema": {
            "type": "object",
            "properties": {
                "source_timezone": {"type": "string"},
                "time": {"type": "string"},
                "target_timezone": {"type": "string"},
            },
            "required": ["source_timezone", "time", "target_timezone"],
        },
    },
    {
        "name": "get_current_time",
        "description": "Get current time in a specific timezone",
        "input_schema": {
            "type": "object",
            "properties": {"timezone": {"type": "string"}},
            "required": ["timezone"],
        },
    },
]


def events(client: anthropic.Anthropic, messages: Any, tools: Any) -> list[Any]:
    with client.messages.create(
        model=MODEL, max_tokens=1000, messages=messages, tools=tools, stream=True
    ) as stream:
        return list(stream)


def test_a_question_about_the_time_makes_it_call_the_time_tool(client: anthropic.Anthropic) -> None:
    seen = events(client, ask("What time is it in Asia/Tokyo?"), TIME_TOOLS)
    start = next(e for e in seen if e.type == "content_block_start" and e.index == 1)
    assert start.content_block.type == "tool_use"
    assert start.content_block.name == "get_current_time"
    assert start.content_block.input == {}
    pieces = [
        e.delta.partial_json for e in seen if e.type == "content_block_delta" and e.index == 1
    ]
    assert len(pieces) > 1 and "".join(pieces) == '{"timezone": "Asia/Tokyo"}'
    stop = next(e for e in seen if e.type == "message_delta")
    assert stop.delta.stop_reason == "tool_use"


def test_without_tools_or_without_a_fitting_tool_it_just_answers(
    client: anthropic.Anthropic,
) -> None:
    reply = client.messages.create(model=MODEL, max_tokens=1000, messages=ask("What time is it?"))
    assert reply.stop_reason == "end_turn"
    reply = client.messages.create(
        model=MODEL, max_tokens=1000, messages=ask("Tell me a story."), tools=TIME_TOOLS
    )
    assert reply.stop_reason == "end_turn"
    assert all(block.type == "text" for block in reply.content)


def test_it_answers_from_the_results_and_says_when_a_tool_failed(
    client: anthropic.Anthropic,
) -> None:
    call = {"type": "tool_use", "id": "toolu_1", "name": "get_current_time", "input": {}}
    for result, expected in (
        (
            {"content": '{"timezone": "UTC", "datetime": "2026-11-30T20:00:00+00:00"}'},
            "According to `get_current_time`: timezone: UTC; datetime: 2026-11-30T20:00:00+00:00.",
        ),
        (
            {"content": [{"type": "text", "text": "Unknown zone"}], "is_error": True},
            "`get_current_time` did not work: Unknown zone",
        ),
    ):
        messages: Any = [
            *ask("What time is it?"),
            {"role": "assistant", "content": [call]},
            {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "toolu_1", **result}],
            },
        ]
        reply = client.messages.create(
            model=MODEL, max_tokens=1000, messages=messages, tools=TIME_TOOLS
        )
        assert reply.stop_reason == "end_turn"
        assert reply.content[-1].text.startswith(expected)  # type: ignore[union-attr]


def test_demo_use_with_input_that_is_not_json_says_so(client: anthropic.Anthropic) -> None:
    reply = client.messages.create(
        model=MODEL, max_tokens=1000, messages=ask("demo:use convert_time {oops"), tools=TIME_TOOLS
    )
    assert reply.stop_reason == "end_turn"
    assert "The input for `convert_time` is not JSON" in reply.content[-1].text  # type: ignore[union-attr]
    reply = client.messages.create(
        model=MODEL, max_tokens=1000, messages=ask("demo:use convert_time"), tools=TIME_TOOLS
    )
    tool_use = reply.content[-1]
    assert tool_use.type == "tool_use"
    assert tool_use.input == {"source_timezone": "UTC", "time": "12:00", "target_timezone": "UTC"}

"""The whole tool loop, offline: the real ``anthropic`` client against the demo, whose model
calls ``get_current_time``; ToolHost runs it on mcp-server-time; the demo answers from it."""

from __future__ import annotations

import asyncio
from typing import Any

import anthropic
import pytest
from tool_servers import process_alive, time_server

from desktop_chat.core.client import make_client, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.core.stream import ToolInputDelta, TurnSnapshot, Update
from desktop_chat.core.tools.approval import ApprovalRequest, Decision
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.core.tools.host import ToolHost
from desktop_chat.core.tools.manager import ServerManager


async def confirm(config: ServerConfig) -> bool:
    return True


async def turn(
    server: Any, conversation: Conversation, tools: list[dict[str, Any]]
) -> tuple[TurnSnapshot, list[Update]]:
    params = Settings().request_params() | {
        "messages": conversation.to_api_messages(),
        "tools": tools,
    }
    snapshot, updates = TurnSnapshot(), []
    client = make_client(api_key="test-key", base_url=server.base_url, timeout_s=10, max_retries=0)
    async with client:
        error = await stream_turn(client, params, snapshot, updates.append)
    assert error is None
    return snapshot, updates


def test_the_demo_calls_get_current_time_and_answers_from_its_result(
    api_server: Any, store: Store
) -> None:
    asked: list[ApprovalRequest] = []

    async def allow_once(request: ApprovalRequest) -> Decision:
        asked.append(request)
        return Decision.allow_once()

    async def go() -> None:
        manager = ServerManager([time_server()], confirm=confirm)
        manager.start_all()
        host = ToolHost(manager, record=store.record_tool_call)
        try:
            await manager.wait_ready(30)
            conversation = Conversation(
                messages=[Message.user("What time is it in Europe/London right now?")]
            )
            store.save_conversation(conversation)
            first, updates = await turn(api_server, conversation, host.tool_params())
            assert first.stop_reason == "tool_use"
            (call,) = [b for b in first.content if b["type"] == "tool_use"]
            assert call["name"] == "get_current_time"
            assert call["input"] == {"timezone": "Europe/London"}
            assert len([u for u in updates if isinstance(u, ToolInputDelta)]) > 1

            results = await host.run_all(first.content, conversation.id, allow_once)
            assert asked[0].arguments == {"timezone": "Europe/London"}
            conversation.messages += [
                first.to_message(Status.COMPLETE),
                Message(role="user", content=results),
            ]
            second, _ = await turn(api_server, conversation, host.tool_params())
        finally:
            await manager.stop_all()
        sent = api_server.requests[-1].body["messages"][-1]["content"][0]
        assert sent["type"] == "tool_result" and sent["tool_use_id"] == call["id"]
        assert second.stop_reason == "end_turn"
        text = second.content[-1]["text"]
        assert text.startswith("According to `get_current_time`: timezone: Europe/London;")
        assert "datetime: 20" in text
        (record,) = store.tool_calls(conversation.id)
        assert (record.tool, record.decision) == ("get_current_time", "allow_once")
        assert record.error is None

    asyncio.run(go())
    assert process_alive("mcp_server_time") == []


def test_demo_use_calls_the_named_tool_with_the_given_input(api_server: Any) -> None:
    tools = [
        {"name": "time__convert_time", "input_schema": {"type": "object"}},
        {"name": "echo", "input_schema": {"type": "object"}},
    ]
    conversation = Conversation(messages=[Message.user('demo:use convert_time {"time": "09:30"}')])
    snapshot, _ = asyncio.run(turn(api_server, conversation, tools))
    call = snapshot.content[-1]
    assert call["name"] == "time__convert_time" and call["input"] == {"time": "09:30"}
    assert snapshot.stop_reason == "tool_use"

    conversation = Conversation(messages=[Message.user("demo:use nothing {}")])
    snapshot, _ = asyncio.run(turn(api_server, conversation, tools))
    assert snapshot.stop_reason == "end_turn"
    assert "No tool named `nothing` is offered" in snapshot.content[-1]["text"]


def test_a_tool_use_without_its_result_is_refused_as_the_api_does(api_server: Any) -> None:
    tool_use = {"type": "tool_use", "id": "toolu_01A", "name": "echo", "input": {}}
    messages = [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": [tool_use]},
        {"role": "user", "content": "never mind"},
    ]
    client = anthropic.Anthropic(api_key="k", base_url=api_server.base_url, max_retries=0)
    with client, pytest.raises(anthropic.BadRequestError) as caught:
        client.messages.create(model="claude-sonnet-5-5", max_tokens=100, messages=messages)
    assert caught.value.status_code == 400
    assert caught.value.body["error"]["type"] == "invalid_request_error"  # type: ignore[index]
    assert caught.value.body["error"]["message"] == (  # type: ignore[index]
        "messages.1: `tool_use` ids were found without `tool_result` blocks immediately after:"
        " toolu_01A. Each `tool_use` block must have a corresponding `tool_result` block in the"
        " next message."
    )

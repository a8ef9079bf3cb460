"""ToolHost against real servers: the offer, approval and grants, results, failures, audit."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from tool_servers import crashing_server, git_server, missing_server, own_server, time_server

from desktop_chat.core.store import Store
from desktop_chat.core.tools.approval import ApprovalRequest, Choice, Decision
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.core.tools.grants import Grants
from desktop_chat.core.tools.host import CANCELLED, ToolHost, ToolPolicy
from desktop_chat.core.tools.manager import ServerManager
from desktop_chat.core.tools.naming import API_NAME

Approver = Callable[[ApprovalRequest], Awaitable[Decision]]


class Person:
    """Answers approval requests from a list, and remembers what it was asked."""

    def __init__(self, *answers: Decision) -> None:
        self.answers = list(answers)
        self.asked: list[ApprovalRequest] = []

    async def __call__(self, request: ApprovalRequest) -> Decision:
        self.asked.append(request)
        return self.answers.pop(0) if self.answers else Decision.allow_once()


def use(name: str, tool_input: Any, n: int = 1) -> dict[str, Any]:
    return {"type": "tool_use", "id": f"toolu_{n:02d}", "name": name, "input": tool_input}


def text_of(result: dict[str, Any]) -> str:
    return "\n".join(b.get("text", "") for b in result["content"] if b["type"] == "text")


def with_host(
    *configs: ServerConfig, store: Store | None = None, **policy: Any
) -> Callable[[Callable[[ToolHost], Awaitable[None]]], None]:
    """Run ``test(host)`` with the servers started, and stopped after."""

    async def confirm(config: ServerConfig) -> bool:
        return True

    def runner(test: Callable[[ToolHost], Awaitable[None]]) -> None:
        async def go() -> None:
            manager = ServerManager(configs, confirm=confirm, start_timeout=20)
            manager.start_all()
            record = store.record_tool_call if store is not None else None
            host = ToolHost(manager, policy=ToolPolicy(**policy), record=record)
            try:
                await manager.wait_ready(30)
                await test(host)
            finally:
                await manager.stop_all()

        asyncio.run(go())

    return runner


def test_tools_are_offered_with_valid_unique_names_and_their_schemas() -> None:
    async def test(host: ToolHost) -> None:
        params = host.tool_params()
        names = [p["name"] for p in params]
        assert all(API_NAME.match(n) for n in names)
        assert len(set(names)) == len(names) == 4
        # Two servers offer the same tools: each is named after its server.
        assert "time__get_current_time" in names and "clock__get_current_time" in names
        entry = next(p for p in params if p["name"] == "time__get_current_time")
        assert entry["description"] == "Get current time in a specific timezone"
        assert entry["input_schema"]["properties"]["timezone"]["type"] == "string"
        assert entry["input_schema"]["title"] == "get_current_timeArguments"  # as given

    with_host(time_server("time"), time_server("clock"))(test)


def test_allow_once_runs_the_tool_and_records_the_call(store: Store) -> None:
    person = Person(Decision.allow_once())

    async def test(host: ToolHost) -> None:
        assert [p["name"] for p in host.tool_params()] == ["convert_time", "get_current_time"]
        london = use("get_current_time", {"timezone": "Europe/London"})
        result = await host.run(london, "c1", person)
        assert result["tool_use_id"] == "toolu_01" and "is_error" not in result
        assert '"timezone": "Europe/London"' in text_of(result)
        (asked,) = person.asked
        assert (asked.server, asked.tool) == ("time", "get_current_time")
        assert asked.conversation_id == "c1"
        assert asked.description == "Get current time in a specific timezone"
        assert asked.arguments == {"timezone": "Europe/London"}
        assert asked.annotations["read_only_hint"] is True
        assert '"timezone": "Europe/London"' in asked.arguments_json()
        # Not granted: asked again next time.
        await host.run(use("get_current_time", {"timezone": "UTC"}, 2), "c1", person)
        assert len(person.asked) == 2

    with_host(time_server(), store=store)(test)
    first, second = store.tool_calls("c1")
    assert (first.server, first.tool, first.decision) == ("time", "get_current_time", "allow_once")
    assert first.arguments == {"timezone": "Europe/London"}
    assert first.duration_s > 0 and first.result_size > 20 and first.error is None
    assert second.tool_use_id == "toolu_02"


def test_deny_sends_the_reason_to_claude_and_does_not_run(store: Store) -> None:
    person = Person(Decision.deny("Not on a Friday."))

    async def test(host: ToolHost) -> None:
        result = await host.run(use("wipe", {"target": "/"}), "c1", person)
        assert result["is_error"] is True
        assert text_of(result) == "The user denied this tool call. Their reason: Not on a Friday."

    with_host(own_server(), store=store)(test)
    (call,) = store.tool_calls("c1")
    assert call.decision == "deny" and call.duration_s == 0


def test_grants_for_a_conversation_and_for_always_stick_and_can_be_revoked() -> None:
    person = Person(
        Decision(Choice.ALLOW_CONVERSATION), Decision.allow_once(), Decision(Choice.ALLOW_ALWAYS)
    )

    async def test(host: ToolHost) -> None:
        echo = use("echo", {"words": "hi"})
        await host.run(echo, "c1", person)
        await host.run(echo, "c1", person)  # granted for c1
        assert len(person.asked) == 1
        await host.run(echo, "c2", person)  # not for c2
        assert len(person.asked) == 2
        await host.run(use("picture", {}), "c2", person)  # always
        await host.run(use("picture", {}), "c3", person)
        assert len(person.asked) == 3

    with_host(own_server())(test)
    grants = Grants()  # read back from the file
    kept = {(g.tool, g.conversation_id) for g in grants.list()}
    assert kept == {("echo", "c1"), ("picture", None)}
    always = next(g for g in grants.list() if g.always)
    assert grants.revoke(always) and Grants().covers("test", "picture", "c9") is None
    assert grants.revoke_conversation("c1") == 1 and Grants().list() == []


def test_destructive_tools_always_ask_even_with_a_grant(git_repo: Path) -> None:
    person = Person(Decision(Choice.ALLOW_ALWAYS), Decision.deny())
    Grants().grant("test", "wipe")

    async def test(host: ToolHost) -> None:
        await host.run(use("wipe", {"target": "x"}), "c1", person)
        await host.run(use("wipe", {"target": "x"}), "c1", person)
        assert len(person.asked) == 2
        assert person.asked[0].destructive and not person.asked[0].grantable
        reset = use("git_reset", {"repo_path": str(git_repo)}, 3)
        result = await host.run(reset, "c1", Person(Decision.deny()))
        assert result["is_error"] is True

    with_host(own_server(), git_server(git_repo), allow_read_only=True)(test)


def test_the_read_only_setting_lets_read_only_tools_run_without_asking(store: Store) -> None:
    person = Person()

    async def test(host: ToolHost) -> None:
        await host.run(use("echo", {"words": "hi"}), "c1", person)
        assert person.asked == []
        await host.run(use("picture", {}, 2), "c1", person)  # not annotated: asks
        assert len(person.asked) == 1

    with_host(own_server(), store=store, allow_read_only=True)(test)
    assert [c.decision for c in store.tool_calls("c1")] == ["read_only", "allow_once"]


def test_several_tool_calls_of_one_reply_run_in_order() -> None:
    person = Person()

    async def test(host: ToolHost) -> None:
        blocks = [
            {"type": "text", "text": "Let me call both."},
            use("echo", {"words": "first"}, 1),
            use("echo", {"words": "second"}, 2),
        ]
        results = await host.run_all(blocks, "c1", person)
        assert [r["tool_use_id"] for r in results] == ["toolu_01", "toolu_02"]
        assert [text_of(r) for r in results] == ["first", "second"]
        assert [r.arguments["words"] for r in person.asked] == ["first", "second"]

    with_host(own_server())(test)


def test_images_come_back_as_image_blocks_and_big_text_is_cut_with_a_marker() -> None:
    async def test(host: ToolHost) -> None:
        picture = await host.run(use("picture", {}), "c1", Person())
        (image,) = picture["content"]
        assert image["type"] == "image" and image["source"]["media_type"] == "image/png"
        big = await host.run(use("big", {"chars": 250_000}, 2), "c1", Person())
        text = text_of(big)
        assert len(text) < 1200
        assert "[… truncated by Desktop Chat: the tool returned 250,000 characters;" in text

    with_host(own_server(), max_result_chars=1000)(test)


def test_failures_each_give_a_clear_error_result_and_the_conversation_goes_on(
    store: Store, git_repo: Path, tmp_path: Path
) -> None:
    async def test(host: ToolHost) -> None:
        async def result(name: str, args: Any) -> str:
            block = await host.run(use(name, args), "c1", Person())
            assert block["is_error"] is True
            return text_of(block)

        assert 'There is no tool named "nothing"' in await result("nothing", {})
        assert "did not answer within 0.5 seconds" in await result("slow", {"seconds": 30})
        assert "Invalid timezone" in await result("get_current_time", {"timezone": "Mars/Base"})
        not_a_repo = await result("git_status", {"repo_path": str(tmp_path / "nowhere")})
        assert "nowhere" in not_a_repo
        assert "were not a JSON object" in await result("echo", "not an object")
        # The hang did not take the server with it.
        ok = await host.run(use("echo", {"words": "still here"}), "c1", Person())
        assert text_of(ok) == "still here"
        status = await host.run(use("git_status", {"repo_path": str(git_repo)}), "c1", Person())
        assert "hello.txt" in text_of(status) and "is_error" not in status

    configs = (own_server(), time_server(), git_server(git_repo), crashing_server())
    with_host(*configs, missing_server(), store=store, call_timeout_s=0.5)(test)
    calls = store.tool_calls("c1")
    assert calls[1].error is not None and "did not answer" in calls[1].error
    assert calls[2].error is not None and "Invalid timezone" in calls[2].error


def test_a_tool_of_a_server_that_failed_says_why() -> None:
    async def test(host: ToolHost) -> None:
        host._issued["crashy_tool"] = ("crashy", "tool")  # a name from before it failed
        person = Person()
        block = await host.run(use("crashy_tool", {}), "c1", person)
        assert person.asked == []  # nothing to ask about: it cannot run
        said = text_of(block)
        assert re.search(r'The MCP server "crashy" is not running: .*fatal: no config', said)

    with_host(crashing_server())(test)


def test_cancelling_a_call_stops_it_and_records_it(store: Store) -> None:
    async def test(host: ToolHost) -> None:
        task = asyncio.ensure_future(host.run(use("slow", {"seconds": 30}), "c1", Person()))
        await asyncio.sleep(1.0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        ok = await host.run(use("echo", {"words": "after"}, 2), "c1", Person())
        assert text_of(ok) == "after"

    with_host(own_server(), store=store)(test)
    cancelled, after = store.tool_calls("c1")
    assert cancelled.error == CANCELLED and after.error is None

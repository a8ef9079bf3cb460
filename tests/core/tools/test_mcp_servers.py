"""Server lifecycle against real MCP servers: start in the background, confirm, fail, stop."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from tool_servers import (
    HTTP_TOKEN,
    crashing_server,
    missing_server,
    own_server,
    process_alive,
    serving_http,
    time_server,
)

from desktop_chat.core import credentials
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.core.tools.manager import ServerManager
from desktop_chat.core.tools.servers import ServerState, ToolCallError


def yes(asked: list[str] | None = None) -> Callable[[ServerConfig], Awaitable[bool]]:
    async def confirm(config: ServerConfig) -> bool:
        if asked is not None:
            asked.append(config.command_line)
        return True

    return confirm


async def started(*configs: ServerConfig, **options: Any) -> ServerManager:
    manager = ServerManager(configs, confirm=options.pop("confirm", yes()), **options)
    manager.start_all()
    await manager.wait_ready(30)
    return manager


def test_a_server_starts_in_the_background_lists_its_tools_and_stops_without_a_trace() -> None:
    async def go() -> None:
        manager = ServerManager([time_server()], confirm=yes())
        began = time.monotonic()
        manager.start_all()
        assert time.monotonic() - began < 0.05  # never blocks the window
        assert manager.tools() == []
        await manager.wait_ready(30)
        try:
            (status,) = manager.statuses()
            assert status.state is ServerState.READY, status.message
            names = {tool.name for tool in manager.tools()}
            assert names == {"get_current_time", "convert_time"}
            tool = next(t for t in manager.tools() if t.name == "get_current_time")
            assert tool.read_only and not tool.destructive
            assert tool.input_schema["required"] == ["timezone"]
            assert process_alive("mcp_server_time")
        finally:
            await manager.stop_all()
        assert manager.statuses()[0].state is ServerState.STOPPED
        assert process_alive("mcp_server_time") == []

    asyncio.run(go())


def test_a_new_command_line_is_confirmed_once_before_it_first_runs() -> None:
    async def go() -> None:
        async def no(config: ServerConfig) -> bool:
            return False

        manager = await started(time_server(), confirm=no)
        assert manager.statuses()[0].state is ServerState.DECLINED
        assert "not confirmed" in manager.statuses()[0].message
        await manager.stop_all()

        asked: list[str] = []
        manager = await started(time_server(), confirm=yes(asked))
        await manager.stop_all()
        assert asked == [time_server().command_line]
        assert "mcp_server_time --local-timezone UTC" in asked[0]

        manager = await started(time_server(), confirm=yes(asked))  # remembered: not asked
        assert manager.statuses()[0].state is ServerState.READY
        await manager.stop_all()
        assert len(asked) == 1

        changed = ServerConfig("time", time_server().command, (*time_server().args, "-v"))
        manager = ServerManager([changed])  # changed, and nobody to ask: not run
        manager.start_all()
        assert manager.statuses()[0].state is ServerState.DECLINED
        await manager.stop_all()

    asyncio.run(go())


def test_a_missing_command_fails_at_once_in_plain_words() -> None:
    async def go() -> None:
        manager = await started(missing_server())
        (status,) = manager.statuses()
        assert status.state is ServerState.FAILED
        assert status.restarts == 0
        assert "/nonexistent/bin/mcp-server-nothing" in status.message
        assert "was not found" in status.message
        with pytest.raises(ToolCallError, match='"missing" is not running: The command'):
            await manager.call_tool("missing", "anything", {}, 5)
        await manager.stop_all()

    asyncio.run(go())


def test_a_server_that_crashes_on_start_is_tried_twice_then_shows_its_last_words() -> None:
    async def go() -> None:
        manager = await started(crashing_server())
        (status,) = manager.statuses()
        await manager.stop_all()
        assert status.state is ServerState.FAILED
        assert status.restarts == 1
        assert "fatal: no config file here" in status.last_words
        assert status.message == "It exited while starting."

    asyncio.run(go())


def test_a_server_that_dies_is_restarted_once_then_failed() -> None:
    async def go() -> None:
        manager = await started(own_server())
        try:
            with pytest.raises(ToolCallError, match='"test" stopped while running "die"'):
                await manager.call_tool("test", "die", {}, 10)
            await asyncio.sleep(0.1)
            await manager.wait_ready(30)
            status = manager.status("test")
            assert status is not None and status.state is ServerState.READY
            assert status.restarts == 1
            result = await manager.call_tool("test", "echo", {"words": "back again"}, 10)
            assert result.content[0].text == "back again"  # type: ignore[union-attr]

            with pytest.raises(ToolCallError):
                await manager.call_tool("test", "die", {}, 10)
            await asyncio.sleep(0.1)
            await manager.wait_ready(30)
            status = manager.status("test")
            assert status is not None and status.state is ServerState.FAILED
            assert "test server starting" in status.last_words
        finally:
            await manager.stop_all()
        assert process_alive("mcp_test_servers.py stdio") == []

    asyncio.run(go())


def test_the_environment_is_the_sdk_default_plus_env_and_never_our_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    our_key = "sk-ant-api03-" + "k" * 40
    monkeypatch.setenv("ANTHROPIC_API_KEY", our_key)
    monkeypatch.setenv("SOME_SHELL_SECRET", "from the shell")
    config = own_server(ANTHROPIC_API_KEY=our_key, SNEAKY=our_key, GOOD="1")

    async def go() -> dict[str, Any]:
        manager = await started(config)
        try:
            result = await manager.call_tool("test", "environment", {"name": "GOOD"}, 10)
        finally:
            await manager.stop_all()
        assert result.structured_content is not None
        return dict(result.structured_content)

    seen = asyncio.run(go())
    assert seen["value"] == "1"
    assert "ANTHROPIC_API_KEY" not in seen["names"]
    assert "SNEAKY" not in seen["names"]
    assert "SOME_SHELL_SECRET" not in seen["names"]
    assert "PATH" in seen["names"]


def test_stderr_goes_to_our_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="desktop_chat.mcp")

    async def go() -> None:
        manager = await started(own_server())
        await manager.stop_all()

    asyncio.run(go())
    assert "[test] test server starting" in caplog.text


def test_a_streamable_http_server_with_a_header_from_the_keychain(
    http_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = {"test-token": HTTP_TOKEN}
    monkeypatch.setattr(credentials, "mcp_secret", secrets.get)
    good = ServerConfig("web", url=http_server, headers={"x-test-token": "keychain:test-token"})
    wrong = ServerConfig("wrong", url=http_server, headers={"x-test-token": "nope"})
    unknown = ServerConfig("unknown", url=http_server, headers={"x-test-token": "keychain:gone"})

    async def go() -> None:
        manager = await started(good, wrong, unknown, start_timeout=10)
        try:
            states = {s.name: s for s in manager.statuses()}
            assert states["web"].state is ServerState.READY, states["web"].message
            assert "echo" in {t.name for t in manager.tools()}
            result = await manager.call_tool("web", "echo", {"words": "over http"}, 10)
            assert result.content[0].text == "over http"  # type: ignore[union-attr]
            assert states["wrong"].state is ServerState.FAILED
            assert states["wrong"].message == (
                f"Its address {http_server} answered HTTP 401: it wants credentials"
                " (check the headers of its entry, e.g. a token)."
            )
            assert states["unknown"].state is ServerState.FAILED
            assert 'the secret "gone", which is not in the keychain' in states["unknown"].message
        finally:
            await manager.stop_all()

    asyncio.run(go())


def test_a_server_that_hangs_on_start_is_stopped_at_the_time_limit_and_left_no_process() -> None:
    silent = ServerConfig("silent", sys.executable, ("-c", "import time; time.sleep(120)  # hang"))

    async def go() -> None:
        began = time.monotonic()
        manager = await started(silent, start_timeout=1.0)
        (status,) = manager.statuses()
        assert status.state is ServerState.FAILED
        assert status.message == "It did not start within the time limit."
        assert status.restarts == 1
        assert time.monotonic() - began < 15
        await manager.stop_all()

    asyncio.run(go())
    assert process_alive("time.sleep(120)  # hang") == []


def test_stopping_while_a_server_starts_or_waits_for_confirmation_leaves_nothing() -> None:
    silent = ServerConfig("silent", sys.executable, ("-c", "import time; time.sleep(120)  # stop"))

    async def never(config: ServerConfig) -> bool:
        await asyncio.sleep(3600)
        return True

    async def go() -> None:
        manager = ServerManager([silent], confirm=yes(), start_timeout=60)
        manager.start_all()
        await asyncio.sleep(1.0)
        assert manager.statuses()[0].state is ServerState.STARTING
        await manager.stop_all()
        assert manager.statuses()[0].state is ServerState.STOPPED

        waiting = ServerManager([time_server("waiting")], confirm=never)
        waiting.start_all()
        await asyncio.sleep(0.1)
        assert waiting.statuses()[0].state is ServerState.UNCONFIRMED
        await waiting.stop_all()
        assert waiting.statuses()[0].state is ServerState.STOPPED

    asyncio.run(go())
    assert process_alive("time.sleep(120)  # stop") == []


def test_an_edited_configuration_is_followed_without_touching_the_rest() -> None:
    async def go() -> None:
        manager = await started(own_server("a"), time_server("b"))
        try:
            before, old_b = manager._servers["a"], manager._servers["b"]
            paris = ("-m", "mcp_server_time", "--local-timezone", "Europe/Paris")
            changed = ServerConfig("b", sys.executable, paris)
            await manager.apply([own_server("a"), changed, own_server("c")])
            await manager.wait_ready(30)
            assert manager._servers["a"] is before  # untouched, still running
            states = {s.name: s.state for s in manager.statuses()}
            assert list(states) == ["a", "b", "c"]
            assert set(states.values()) == {ServerState.READY}
            assert manager._servers["b"] is not old_b
            assert old_b.status.state is ServerState.STOPPED
            await manager.apply([own_server("c")])
            assert [s.name for s in manager.statuses()] == ["c"]
        finally:
            await manager.stop_all()
        assert process_alive("mcp_test_servers.py stdio") == []

    asyncio.run(go())


def test_an_http_server_that_goes_away_gives_a_clear_message() -> None:
    async def go(url: str, process: subprocess.Popen[bytes]) -> None:
        config = ServerConfig("web", url=url, headers={"x-test-token": HTTP_TOKEN})
        manager = await started(config, start_timeout=10)
        try:
            assert manager.statuses()[0].state is ServerState.READY
            process.terminate()
            process.wait(10)
            with pytest.raises(ToolCallError, match='"web" stopped while running "echo"'):
                await manager.call_tool("web", "echo", {"words": "x"}, 5)
            await manager.wait_ready(20)
            (status,) = manager.statuses()
            assert status.state is ServerState.FAILED
            assert status.message.startswith(f"Its address {url} could not be reached")
        finally:
            await manager.stop_all()

    with serving_http() as (url, process):
        asyncio.run(go(url, process))

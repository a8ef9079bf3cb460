"""One MCP server, supervised: started with the official SDK, watched, restarted once, stopped.

Each server lives in a task of its own that enters the SDK's ``Client`` and leaves it in the
same task (the SDK's task groups demand that). Calls come from other tasks through
:meth:`McpServer.call`. A stdio server's environment is the SDK's default (``PATH``, ``HOME``
and a few more) plus its configured ``env``, from which ``ANTHROPIC_API_KEY`` and anything
holding an Anthropic key are removed. A server that dies, or fails to start, is started
once more; after that it is ``failed``, with its last stderr lines in the message.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import anyio
import httpx2
from mcp import Client, MCPError, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

from desktop_chat.core.i18n import translate
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.core.tools.naming import ToolInfo
from desktop_chat.core.tools.server_env import SecretUnavailable, resolve_values
from desktop_chat.core.tools.server_log import StderrPump

DEFAULT_START_TIMEOUT = 30.0
MAX_TOOL_PAGES = 100
RESTARTS = 1

log = logging.getLogger(__name__)


class ServerState(StrEnum):
    DISABLED = "disabled"
    UNCONFIRMED = "unconfirmed"  # waiting for the user to confirm its command line
    DECLINED = "declined"  # the user did not confirm it
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class ServerStatus:
    """What a server is doing, for the settings and the side pane."""

    name: str
    state: ServerState
    tools: tuple[ToolInfo, ...] = ()
    message: str = ""  # what went wrong, in plain words
    last_words: str = ""  # its last stderr lines
    restarts: int = 0
    command_line: str = ""


class ToolCallError(Exception):
    """A tool could not be called; ``str()`` says why in plain words."""


def tool_info(server: str, tool: types.Tool) -> ToolInfo:
    """Our record of a tool the server listed; schema and annotations as given."""
    annotations: dict[str, Any] = {}
    title = tool.title
    if tool.annotations is not None:
        annotations = tool.annotations.model_dump(exclude_none=True)
        title = title or annotations.pop("title", None)
    return ToolInfo(
        server, tool.name, tool.description or "", dict(tool.input_schema), annotations, title
    )


class McpServer:
    """One configured server and the task that keeps it running.

    Args:
        config: the server's entry.
        start_timeout: seconds a start (spawn, handshake, tool list) may take.
        on_change: called with the new status at each change (in the event loop's thread).
    """

    def __init__(
        self,
        config: ServerConfig,
        *,
        start_timeout: float = DEFAULT_START_TIMEOUT,
        on_change: Callable[[ServerStatus], None] | None = None,
    ) -> None:
        self.config = config
        self.start_timeout = start_timeout
        self._on_change = on_change
        self._status = ServerStatus(
            config.name, ServerState.STOPPED, command_line=config.command_line
        )
        self._client: Client | None = None
        self._task: asyncio.Task[None] | None = None
        self._ended: asyncio.Event | None = None
        self._changed: asyncio.Event | None = None
        self._stopping = False
        self._start_scope: anyio.CancelScope | None = None
        self._pump: StderrPump | None = None
        self._http_status: int | None = None

    @property
    def status(self) -> ServerStatus:
        return self._status

    def mark(self, state: ServerState, message: str = "") -> None:
        """Set a state the server reaches without running (disabled, not confirmed)."""
        self._set(state, message)

    def _set(self, state: ServerState, message: str = "", **changes: Any) -> None:
        last_words = self._pump.last_words() if self._pump is not None else ""
        self._status = ServerStatus(
            self.config.name,
            state,
            changes.get("tools", self._status.tools if state is ServerState.READY else ()),
            message,
            changes.get("last_words", last_words if state is ServerState.FAILED else ""),
            changes.get("restarts", self._status.restarts),
            self.config.command_line,
        )
        if self._changed is not None:
            self._changed.set()
        if self._on_change is not None:
            try:
                self._on_change(self._status)
            except Exception:
                log.exception("MCP server status listener failed")

    # -- lifecycle --------------------------------------------------------------------------

    def start(self, confirm: Callable[[], Awaitable[bool]] | None = None) -> None:
        """Start the server in the background (``confirm`` first, if given); never waits."""
        if self._task is not None and not self._task.done():
            return
        self._stopping = False
        self._ended = asyncio.Event()
        self._changed = asyncio.Event()
        if confirm is not None:
            self._set(
                ServerState.UNCONFIRMED,
                translate("Servers", "Waiting for you to confirm its command line."),
            )
        else:
            self._set(ServerState.STARTING)
        self._task = asyncio.ensure_future(self._supervise(confirm))
        self._task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "MCP server %s: supervisor failed", self.config.name, exc_info=task.exception()
            )

    async def _supervise(self, confirm: Callable[[], Awaitable[bool]] | None) -> None:
        name = self.config.name
        if confirm is not None:
            try:
                confirmed = await confirm()
            except Exception:
                log.exception("MCP server %s: the confirmation failed", name)
                confirmed = False
            if not confirmed:
                self._set(
                    ServerState.DECLINED,
                    translate("Servers", "Not started: its command line was not confirmed."),
                )
                return
        attempts = 0
        while not self._stopping:
            attempts += 1
            self._set(ServerState.STARTING, restarts=attempts - 1)
            try:
                await self._run_once()
                problem = translate("Servers", "It stopped unexpectedly.")
            except SecretUnavailable as exc:  # a fault that starting again cannot mend
                self._set(ServerState.FAILED, str(exc))
                return
            except Exception as exc:
                problem = _plain(exc, self.config, self._http_status)
                log.info("MCP server %s: %s", name, problem, exc_info=True)
                if _permanent(exc) or self._http_status in (401, 403, 404):
                    self._set(ServerState.FAILED, problem)
                    return
            if self._stopping:
                break
            if attempts > RESTARTS:
                self._set(ServerState.FAILED, problem)
                return
            log.warning("MCP server %s: %s Starting it again.", name, problem)
        self._set(ServerState.STOPPED)

    def _transport(self, pump: StderrPump | None, stack: contextlib.AsyncExitStack) -> Any:
        config = self.config
        if config.command is not None:
            params = StdioServerParameters(
                command=config.command,
                args=list(config.args),
                env=resolve_values(
                    config.env, translate("Servers", "The environment variable"), config.name
                )
                or None,
            )
            assert pump is not None and pump.errlog is not None
            return stdio_client(params, errlog=pump.errlog)
        headers = resolve_values(config.headers, translate("Servers", "The header"), config.name)

        async def note_status(response: httpx2.Response) -> None:
            # The SDK turns an HTTP error into "Server returned an error response": keep the
            # status, which says far more (401: a missing or wrong token).
            if response.status_code >= 400 and response.request.method == "POST":
                self._http_status = response.status_code

        http = httpx2.AsyncClient(
            headers=headers,
            timeout=httpx2.Timeout(30.0, read=300.0),
            follow_redirects=False,
            event_hooks={"response": [note_status]},
        )
        stack.push_async_callback(http.aclose)
        return streamable_http_client(str(config.url), http_client=http)

    async def _run_once(self) -> None:
        loop = asyncio.get_running_loop()
        ended = self._ended = asyncio.Event()  # this run's: a stale end cannot stop the next
        self._http_status = None
        if self._stopping:
            return
        async with contextlib.AsyncExitStack() as stack:
            pump = None
            if self.config.command is not None:

                def on_eof() -> None:  # from the pump's thread
                    loop.call_soon_threadsafe(self._end, ended)

                pump = self._pump = StderrPump(self.config.name, on_eof)
                stack.callback(pump.join)
            secrets_needed = bool(self.config.secret_names())
            if secrets_needed:  # the keychain may block (an unlock prompt): not on the loop
                transport = await asyncio.to_thread(self._transport, pump, stack)
            else:
                transport = self._transport(pump, stack)
            client = Client(transport, mode="auto")
            began = time.monotonic()
            # One scope around the whole life of the client (the SDK's task groups must nest
            # inside it): its deadline is the start's time limit, lifted once it is up.
            with anyio.CancelScope(deadline=anyio.current_time() + self.start_timeout) as scope:
                self._start_scope = scope
                try:
                    async with client:
                        if pump is not None:
                            pump.spawned()
                        tools = await self._list_tools(client)
                        scope.deadline = math.inf
                        self._start_scope = None
                        self._client = client
                        log.info(
                            "MCP server %s: ready with %d tools in %.2f s",
                            self.config.name,
                            len(tools),
                            time.monotonic() - began,
                        )
                        self._set(ServerState.READY, tools=tuple(tools))
                        await ended.wait()
                finally:
                    self._start_scope = None
                    self._client = None
                    if pump is not None:
                        pump.spawned()
            if scope.cancelled_caught and not self._stopping:
                raise TimeoutError

    async def _list_tools(self, client: Client) -> list[ToolInfo]:
        tools: list[ToolInfo] = []
        cursor: str | None = None
        for _ in range(MAX_TOOL_PAGES):
            page = await client.list_tools(cursor=cursor)
            tools += [tool_info(self.config.name, tool) for tool in page.tools]
            cursor = page.next_cursor
            if cursor is None:
                break
        return tools

    async def wait_settled(self, timeout: float) -> None:
        """Wait (at most ``timeout`` s) until the server is no longer starting."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while self._status.state in (ServerState.STARTING, ServerState.UNCONFIRMED):
                    assert self._changed is not None
                    self._changed.clear()
                    await self._changed.wait()

    async def stop(self) -> None:
        """Stop the server and wait until its process is gone (bounded by the SDK)."""
        self._stopping = True
        task = self._task
        if task is None or task.done():
            return
        if self._status.state is ServerState.UNCONFIRMED:
            task.cancel()  # nothing runs yet: only the question is pending
        if self._start_scope is not None:
            self._start_scope.cancel()
        if self._ended is not None:
            self._ended.set()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if self._status.state is not ServerState.STOPPED:
            self._set(ServerState.STOPPED)

    # -- calls ------------------------------------------------------------------------------

    async def call(
        self, tool: str, arguments: Mapping[str, Any], timeout: float
    ) -> types.CallToolResult:
        """Call ``tool``; raises :class:`ToolCallError` in plain words when it cannot."""
        name = self.config.name
        await self.wait_settled(timeout)
        client, run = self._client, self._ended
        if client is None or self._status.state is not ServerState.READY:
            reason = self._status.message or f"it is {self._status.state}"
            words = f" Its last words: {self._status.last_words}" if self._status.last_words else ""
            raise ToolCallError(f'The MCP server "{name}" is not running: {reason}{words}')
        try:
            with anyio.fail_after(timeout):
                return await client.call_tool(tool, dict(arguments))
        except TimeoutError:
            raise ToolCallError(
                f'The tool "{tool}" of "{name}" did not answer within {timeout:g} seconds,'
                " so it was stopped."
            ) from None
        except MCPError as exc:
            if "closed" in str(exc).lower():
                self._end(run)
                raise ToolCallError(self._died_message(tool)) from exc
            raise ToolCallError(
                f'The MCP server "{name}" refused the call to "{tool}": {exc}'
            ) from exc
        except (
            anyio.ClosedResourceError,
            anyio.BrokenResourceError,
            httpx2.HTTPError,
            OSError,
        ) as exc:
            self._end(run)
            raise ToolCallError(self._died_message(tool)) from exc

    def _end(self, run: asyncio.Event | None = None) -> None:
        """The server is gone: no call may reach the old connection while it restarts."""
        if self._ended is None or self._ended.is_set() or run not in (None, self._ended):
            return
        self._ended.set()
        self._client = None
        if self._status.state is ServerState.READY and not self._stopping:
            self._set(ServerState.STARTING, translate("Servers", "It stopped; starting it again."))

    def _died_message(self, tool: str) -> str:
        words = self._pump.last_words() if self._pump is not None else ""
        tail = f" Its last words: {words}" if words else ""
        return f'The MCP server "{self.config.name}" stopped while running "{tool}".{tail}'


def _permanent(exc: BaseException) -> bool:
    """Whether starting again cannot help (the command is missing or not allowed to run)."""
    if isinstance(exc, BaseExceptionGroup):
        return all(_permanent(e) for e in exc.exceptions)
    return isinstance(exc, FileNotFoundError | PermissionError)


def _plain(exc: BaseException, config: ServerConfig, http_status: int | None = None) -> str:
    """Why a server did not start, in plain words."""
    if http_status in (401, 403):
        return translate(
            "Servers",
            "Its address {url} answered HTTP {http_status}: it wants credentials (check the "
            "headers of its entry, e.g. a token).",
        ).format(url=config.url, http_status=http_status)
    if http_status is not None:
        return translate("Servers", "Its address {url} answered HTTP {http_status}.").format(
            url=config.url, http_status=http_status
        )
    if isinstance(exc, FileNotFoundError):
        return translate(
            "Servers", 'The command "{command}" was not found. Is it installed and on the PATH?'
        ).format(command=config.command)
    if isinstance(exc, PermissionError):
        return translate(
            "Servers", 'The command "{command}" could not be run: permission denied.'
        ).format(command=config.command)
    if isinstance(exc, TimeoutError):
        return translate("Servers", "It did not start within the time limit.")
    if isinstance(exc, httpx2.HTTPError):
        return translate(
            "Servers", "Its address {url} could not be reached ({__name__}: {exc})."
        ).format(url=config.url, __name__=type(exc).__name__, exc=exc)
    if isinstance(exc, MCPError):
        if "closed" in str(exc).lower():
            return translate("Servers", "It exited while starting.")
        return translate("Servers", "It refused to start: {exc}").format(exc=exc)
    if isinstance(exc, BaseExceptionGroup):
        return _plain(exc.exceptions[0], config, http_status)
    return translate("Servers", "It failed to start ({__name__}: {exc}).").format(
        __name__=type(exc).__name__, exc=exc
    )

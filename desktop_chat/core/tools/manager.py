"""All the configured MCP servers: started in the background, listed, stopped together.

``start_all()`` returns at once: each server starts in a task of its own, so the window
paints and the first question can be sent while they come up; their tools join the offer
when they are ready. A stdio server whose command line has not been confirmed waits for
``confirm`` (an async callback, the dialog) and runs only when it says yes; the answer is
remembered in ``Confirmations``. ``stop_all()`` returns when every process is gone.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from mcp import types

from desktop_chat.core.i18n import translate
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.core.tools.confirmations import Confirmations
from desktop_chat.core.tools.naming import ToolInfo
from desktop_chat.core.tools.servers import (
    DEFAULT_START_TIMEOUT,
    McpServer,
    ServerState,
    ServerStatus,
    ToolCallError,
)

Confirm = Callable[[ServerConfig], Awaitable[bool]]

log = logging.getLogger(__name__)


class ServerManager:
    """The servers of one app run.

    Args:
        servers: the configured servers (disabled ones are listed, never started).
        confirm: asked before a stdio server's new command line first runs; without it,
            unconfirmed servers are not started.
        confirmations: the record of confirmed command lines (default: the config folder).
        on_change: called with a server's status at each change.
        start_timeout: seconds a server may take to start.
    """

    def __init__(
        self,
        servers: Iterable[ServerConfig],
        *,
        confirm: Confirm | None = None,
        confirmations: Confirmations | None = None,
        on_change: Callable[[ServerStatus], None] | None = None,
        start_timeout: float = DEFAULT_START_TIMEOUT,
    ) -> None:
        self._confirm = confirm
        self._confirmations = confirmations
        self._on_change = on_change
        self._start_timeout = start_timeout
        self._servers: dict[str, McpServer] = {}
        for config in servers:
            self._servers[config.name] = McpServer(
                config, start_timeout=start_timeout, on_change=self._changed
            )

    def _changed(self, status: ServerStatus) -> None:
        if self._on_change is not None:
            self._on_change(status)

    @property
    def confirmations(self) -> Confirmations:
        if self._confirmations is None:
            self._confirmations = Confirmations()
        return self._confirmations

    def start_all(self) -> None:
        """Start every enabled server in the background; returns at once (needs a loop)."""
        for server in self._servers.values():
            self._start(server)

    def _start(self, server: McpServer) -> None:
        config = server.config
        if config.disabled:
            server.mark(ServerState.DISABLED, translate("Manager", "Turned off in the settings."))
            return
        if self.confirmations.is_confirmed(config):
            server.start()
            return
        if self._confirm is None:
            server.mark(
                ServerState.DECLINED,
                translate("Manager", "Not started: its command line is not confirmed yet."),
            )
            return
        confirm = self._confirm

        async def ask() -> bool:
            if not await confirm(config):
                return False
            try:
                self.confirmations.confirm(config)
            except OSError:
                log.exception("Could not record the confirmed command line of %s", config.name)
            return True

        server.start(ask)

    async def restart(self, name: str) -> None:
        """Stop one server and start it again, with a fresh restart allowance."""
        server = self._servers[name]
        await server.stop()
        fresh = McpServer(server.config, start_timeout=self._start_timeout, on_change=self._changed)
        self._servers[name] = fresh
        self._start(fresh)

    async def apply(self, servers: Iterable[ServerConfig]) -> None:
        """Follow an edited configuration: servers removed or changed are stopped, new or
        changed ones started (a changed command line is confirmed again); the others run on.
        """
        wanted = {config.name: config for config in servers}
        for name, server in list(self._servers.items()):
            if wanted.get(name) != server.config:
                await server.stop()
                del self._servers[name]
        for name, config in wanted.items():
            if name not in self._servers:
                self._servers[name] = McpServer(
                    config, start_timeout=self._start_timeout, on_change=self._changed
                )
                self._start(self._servers[name])
        # Keep the configuration's order.
        self._servers = {name: self._servers[name] for name in wanted}

    async def stop_all(self) -> None:
        """Stop every server; returns when their processes are gone."""
        servers = list(self._servers.values())
        if servers:
            await asyncio.gather(*(server.stop() for server in servers), return_exceptions=True)

    # -- what they offer --------------------------------------------------------------------

    def statuses(self) -> list[ServerStatus]:
        """Every configured server's status, in configuration order."""
        return [server.status for server in self._servers.values()]

    def status(self, name: str) -> ServerStatus | None:
        server = self._servers.get(name)
        return None if server is None else server.status

    def tools(self) -> list[ToolInfo]:
        """The tools of the servers that are ready now."""
        return [
            tool
            for server in self._servers.values()
            if server.status.state is ServerState.READY
            for tool in server.status.tools
        ]

    async def wait_ready(self, timeout: float) -> None:
        """Wait, at most ``timeout`` s, until no server is still starting (or confirming)."""
        deadline = time.monotonic() + timeout
        for server in list(self._servers.values()):
            await server.wait_settled(max(0.0, deadline - time.monotonic()))

    async def call_tool(
        self, server: str, tool: str, arguments: Mapping[str, Any], timeout: float
    ) -> types.CallToolResult:
        """Call a tool of a server; raises :class:`ToolCallError` in plain words."""
        found = self._servers.get(server)
        if found is None:
            raise ToolCallError(f'There is no MCP server "{server}" in the configuration.')
        return await found.call(tool, arguments, timeout)

"""The user's MCP tool servers for this run of the app: started after the first paint, in the
background, and stopped (every process) on quit.

Nothing is loaded when no server is configured; otherwise the MCP SDK (about 0.6 s) is
imported in a worker thread, so neither the first paint nor the first send waits for it.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_chat.core.i18n import translate
from desktop_chat.core.settings import Settings
from desktop_chat.ui.controller import ChatController

if TYPE_CHECKING:
    from desktop_chat.core.store import Store
    from desktop_chat.core.tools.config import ServerConfig
    from desktop_chat.core.tools.host import ToolHost
    from desktop_chat.core.tools.manager import ServerManager

log = logging.getLogger(__name__)


class ToolRuntime(QObject):
    """Starts the configured servers and hands their tools to ``controller``.

    Signals:
        server_status(object): a server's ``ServerStatus`` changed (state, tools, failure).
        confirm_requested(object, object): a new server's command line needs the user's
            yes before it first runs: its ``ServerConfig``, and the future taking the bool.
    """

    server_status = Signal(object)
    confirm_requested = Signal(object, object)

    def __init__(self, controller: ChatController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.manager: ServerManager | None = None
        self.host: ToolHost | None = None
        self.statuses: dict[str, Any] = {}
        self._store: Store | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.server_status.connect(self._remember)

    async def start(self, store: Store | None) -> None:
        """Read the configuration, and start its servers in the background."""
        from desktop_chat.core.tools.config import load_config

        self._store = store
        config = load_config()
        for problem in config.problems:
            self.controller.notice.emit(
                translate("ToolRuntime", "Tool servers: {problem}").format(problem=problem), True
            )
        if not config.servers:
            return
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, importlib.import_module, "desktop_chat.core.tools.host")
        from desktop_chat.core.tools.host import ToolHost, ToolPolicy
        from desktop_chat.core.tools.manager import ServerManager

        settings = self.controller.settings
        policy = ToolPolicy(
            allow_read_only=settings.tools_allow_read_only, call_timeout_s=settings.tool_timeout_s
        )
        self.manager = ServerManager(
            config.servers, confirm=self._confirm, on_change=self.server_status.emit
        )
        self.manager.start_all()
        record = store.record_tool_call if store is not None else None
        self.host = ToolHost(self.manager, policy=policy, record=record)
        self.controller.tools = self.host

    def on_settings_changed(self, settings: Settings) -> None:
        """New tool settings: calls from now on follow them."""
        if self.host is not None:
            from desktop_chat.core.tools.host import ToolPolicy

            self.host.policy = ToolPolicy(
                allow_read_only=settings.tools_allow_read_only,
                call_timeout_s=settings.tool_timeout_s,
            )

    def on_config_changed(self) -> None:
        """``mcp.json`` was edited or imported into: start, stop or restart what changed."""
        task = asyncio.ensure_future(self._apply_config())
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            task.get_loop().call_exception_handler(
                {"message": "restarting the tool servers failed", "exception": exc}
            )

    async def _apply_config(self) -> None:
        from desktop_chat.core.tools.config import load_config

        if self.manager is None:
            await self.start(self._store)
            return
        await self.manager.apply(load_config().servers)

    async def _confirm(self, server: ServerConfig) -> bool:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.confirm_requested.emit(server, future)
        return await future

    def _remember(self, status: Any) -> None:
        self.statuses[status.name] = status
        if status.message and str(status.state) == "failed":
            words = translate("ToolRuntime", "The tool server “{name}” failed: {message}").format(
                name=status.name, message=status.message
            )
            if status.last_words:
                words += translate("ToolRuntime", " Its last words: {last_words}").format(
                    last_words=status.last_words
                )
            self.controller.notice.emit(words, True)

    async def stop(self) -> None:
        """Stop every server (on quit): no process is left behind."""
        if self.manager is not None:
            self.controller.tools = None
            await self.manager.stop_all()

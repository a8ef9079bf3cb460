"""The configured MCP servers: state, tool count, what went wrong, and the details of one.

Rows are the servers of ``mcp.json`` in its order, then any other server a status names.
A server with no status yet is "Not started" (or "Turned off"). The selected server's
command line, full message, last stderr lines and tool names are shown below the list.
``core.tools.servers`` is imported for types only: this does not load the ``mcp`` SDK.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_chat.core.i18n import translate
from desktop_chat.ui.dialog_parts import code_view

if TYPE_CHECKING:
    from desktop_chat.core.tools.servers import ServerStatus

STATE_WORDS = {
    "disabled": translate("ServerList", "Turned off"),
    "unconfirmed": translate("ServerList", "Waiting for you to confirm"),
    "declined": translate("ServerList", "Not confirmed"),
    "starting": translate("ServerList", "Starting…"),
    "ready": translate("ServerList", "Ready"),
    "failed": translate("ServerList", "Failed"),
    "stopped": translate("ServerList", "Stopped"),
}
NOT_STARTED = translate("ServerList", "Not started")
COLUMNS = (
    translate("ServerList", "Server"),
    translate("ServerList", "State"),
    translate("ServerList", "Tools"),
    translate("ServerList", "Message"),
)


class ServerList(QWidget):
    """A list of servers with their state, and a box with the current one's details."""

    def __init__(
        self, statuses: Sequence[ServerStatus] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._statuses: dict[str, ServerStatus] = {s.name: s for s in statuses}
        self._configured: list[tuple[str, bool]] = []  # (name, disabled), as in mcp.json
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(translate("ServerList", "MCP servers"))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(110)
        self.details = code_view("", translate("ServerList", "About the server"))
        self.details.setFixedHeight(96)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        QWidget.setTabOrder(self.tree, self.details)
        self.tree.currentItemChanged.connect(self.on_current_changed)
        self._refresh()

    def focus_chain(self) -> list[QWidget]:
        return [self.tree, self.details]

    def rows(self) -> list[list[str]]:
        """The cells of each row, as shown."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [[item.text(c) for c in range(len(COLUMNS))] for item in items if item]

    # section: what it shows

    def on_server_status(self, status: ServerStatus) -> None:
        self._statuses[status.name] = status
        self._refresh()

    def set_statuses(self, statuses: Sequence[ServerStatus]) -> None:
        self._statuses = {s.name: s for s in statuses}
        self._refresh()

    def set_configured(self, servers: Sequence[tuple[str, bool]]) -> None:
        """The servers of ``mcp.json`` as (name, disabled), in its order."""
        self._configured = list(servers)
        self._refresh()

    def _cells(self, name: str, disabled: bool) -> list[str]:
        status = self._statuses.get(name)
        if status is None:
            return [name, STATE_WORDS["disabled"] if disabled else NOT_STARTED, "", ""]
        state = STATE_WORDS.get(str(status.state), str(status.state))
        tools = str(len(status.tools)) if status.tools or status.state == "ready" else ""
        message = status.message.splitlines()[0] if status.message.strip() else ""
        if not message and status.last_words:
            message = status.last_words.strip().splitlines()[-1]
        return [name, state, tools, message]

    def _refresh(self) -> None:
        current = self.tree.currentItem()
        keep = current.text(0) if current is not None else None
        self.tree.blockSignals(True)
        self.tree.clear()
        disabled = {name for name, off in self._configured if off}
        names = [name for name, _ in self._configured]
        names += [name for name in self._statuses if name not in names]
        chosen: QTreeWidgetItem | None = None
        for name in names:
            item = QTreeWidgetItem(self._cells(name, name in disabled))
            status = self._statuses.get(name)
            if status is not None and status.last_words:
                item.setToolTip(3, status.last_words)
            self.tree.addTopLevelItem(item)
            if chosen is None or name == keep:  # the one chosen before, else the first
                chosen = item
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        for column in range(len(COLUMNS) - 1):
            self.tree.resizeColumnToContents(column)
        self.on_current_changed()

    def on_current_changed(self, *_args: object) -> None:
        item = self.tree.currentItem()
        status = None if item is None else self._statuses.get(item.text(0))
        lines: list[str] = []
        if item is None:
            lines.append(
                translate(
                    "ServerList", "No MCP server is configured: edit mcp.json or import a config."
                )
            )
        elif status is None:
            lines.append(f"{item.text(0)}: {item.text(1)}.")
        else:
            if status.command_line:
                lines.append(
                    translate("ServerList", "Runs: {command_line}").format(
                        command_line=status.command_line
                    )
                )
            if status.message:
                lines.append(status.message)
            if status.last_words:
                lines += [translate("ServerList", "Its last words:"), status.last_words]
            if status.tools:
                lines.append(
                    translate("ServerList", "Tools: {names}").format(
                        names=", ".join(t.name for t in status.tools)
                    )
                )
        self.details.setPlainText("\n".join(lines))

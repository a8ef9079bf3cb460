"""Tools (MCP)…: the servers and their state, ``mcp.json``, the grants, and the tool settings.

The dialog changes files only through the core: ``config`` (``mcp.json``, the import),
``grants`` (the shared :class:`~desktop_chat.core.tools.grants.Grants` the tool host asks)
and the injected settings ``save``. What it changed is said by its signals; restarting
servers is the app's job. The server states come from the app (``on_server_status``): the
dialog never starts anything, and does not load the ``mcp`` SDK.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.settings import MAX_TOOL_ROUNDS, MAX_TOOL_TIMEOUT_S, Settings, save_settings
from desktop_chat.core.tools.config import (
    ImportReport,
    claude_desktop_config_path,
    import_servers,
    load_config,
)
from desktop_chat.core.tools.grants import Grants
from desktop_chat.ui.dialog_parts import plain_label, push_button
from desktop_chat.ui.grants_list import ConversationTitle, GrantsList
from desktop_chat.ui.mcp_json_editor import McpJsonEditor
from desktop_chat.ui.server_list import ServerList

if TYPE_CHECKING:
    from desktop_chat.core.tools.servers import ServerStatus

SaveSettings = Callable[[Settings], object]
PickFile = Callable[[QWidget, Path], Path | None]


def pick_json_file(parent: QWidget, start: Path) -> Path | None:
    """Ask for a JSON file with the platform's file picker."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        translate("ToolsDialog", "Import Claude Desktop config"),
        str(start),
        translate("ToolsDialog", "JSON files (*.json);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def import_words(source: Path, report: ImportReport) -> str:
    """What an import did, in sentences."""
    parts = [
        f"{label}: {', '.join(names)}."
        for label, names in (
            (translate("ToolsDialog", "Imported"), report.added),
            (translate("ToolsDialog", "Replaced"), report.replaced),
            (
                translate("ToolsDialog", "Already here with other settings, yours kept"),
                report.skipped,
            ),
            (translate("ToolsDialog", "Already here"), report.unchanged),
        )
        if names
    ]
    if report.problems:
        parts.append(
            translate("ToolsDialog", "Not imported: {problems}.").format(
                problems="; ".join(str(p) for p in report.problems)
            )
        )
    if report.kept_aside is not None:
        parts.append(
            translate(
                "ToolsDialog", "The old mcp.json was not valid JSON; it was kept as {kept_aside}."
            ).format(kept_aside=report.kept_aside)
        )
    return " ".join(parts) or translate(
        "ToolsDialog", "No MCP server was found in {source}."
    ).format(source=source)


class ToolsDialog(QDialog):
    """The MCP servers, their config, the standing permissions and the tool settings.

    Args:
        settings: the settings in force (the tool fields are edited; the rest is kept).
        grants: the app's one ``Grants`` (the tool host's): revoking here is seen there.
        statuses: the servers' statuses now; later ones come to ``on_server_status``.
        save: writes new settings (``settings.save_settings`` by default).
        pick_file: asks for the file to import (the platform's file picker by default).
        conversation_title: a conversation's title, for a grant that covers one.
        keymap: the keys in force, for the hints.
        parent: the window it belongs to.

    Signals:
        settings_changed(object): the new ``Settings``, once saved.
        servers_changed(): ``mcp.json`` was saved or imported into: servers to restart.
        grants_changed(): a grant was revoked.
    """

    settings_changed = Signal(object)
    servers_changed = Signal()
    grants_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        grants: Grants,
        statuses: Sequence[ServerStatus] = (),
        *,
        save: SaveSettings = save_settings,
        pick_file: PickFile = pick_json_file,
        conversation_title: ConversationTitle | None = None,
        keymap: Keymap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._save = save
        self._pick_file = pick_file
        self._keymap = keymap or Keymap()
        self._warned_unsaved = False
        self.setWindowTitle(translate("ToolsDialog", "Tools (MCP)"))
        self.setObjectName("tools_dialog")
        self.setMinimumWidth(640)
        self._build(grants, statuses, conversation_title)
        self._connect_signals()
        self.set_settings(settings)
        self.reload_config()
        self._fix_tab_order()

    def _build(
        self,
        grants: Grants,
        statuses: Sequence[ServerStatus],
        conversation_title: ConversationTitle | None,
    ) -> None:
        self.server_list = ServerList(statuses)
        self.problems = plain_label("", translate("ToolsDialog", "Problems in mcp.json"))
        self.problems.setStyleSheet("font-weight: bold;")
        self.edit_button = push_button(
            translate("ToolsDialog", "&Edit mcp.json…"), translate("ToolsDialog", "Edit mcp.json")
        )
        self.import_button = push_button(
            translate("ToolsDialog", "&Import Claude Desktop config…"),
            translate("ToolsDialog", "Import Claude Desktop config"),
        )
        self.editor = McpJsonEditor()
        self.editor.hide()
        servers_box = QGroupBox(translate("ToolsDialog", "Servers"))
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        box = QVBoxLayout(servers_box)
        box.addWidget(self.server_list, 1)
        box.addWidget(self.problems)
        box.addLayout(row)
        box.addWidget(self.editor)

        self.grants_list = GrantsList(grants, conversation_title=conversation_title)
        grants_box = QGroupBox(translate("ToolsDialog", "Tools allowed without asking"))
        QVBoxLayout(grants_box).addWidget(self.grants_list)

        self.allow_read_only = QCheckBox(
            translate("ToolsDialog", "Allow &read-only tools without asking")
        )
        self.allow_read_only.setAccessibleName(
            translate("ToolsDialog", "Allow read-only tools without asking")
        )
        self.allow_read_only.setToolTip(
            translate("ToolsDialog", "Tools marked destructive always ask.")
        )
        self.timeout = QDoubleSpinBox()
        self.timeout.setAccessibleName(translate("ToolsDialog", "Call time limit"))
        self.timeout.setRange(0.5, MAX_TOOL_TIMEOUT_S)
        self.timeout.setDecimals(1)
        self.timeout.setSuffix(translate("ToolsDialog", " s", "seconds"))
        self.rounds = QSpinBox()
        self.rounds.setAccessibleName(translate("ToolsDialog", "Tool rounds per turn"))
        self.rounds.setRange(1, MAX_TOOL_ROUNDS)
        settings_box = QGroupBox(translate("ToolsDialog", "Settings"))
        form = QFormLayout(settings_box)
        form.addRow(self.allow_read_only)
        form.addRow(translate("ToolsDialog", "Call time &limit"), self.timeout)
        form.addRow(translate("ToolsDialog", "Tool r&ounds per turn"), self.rounds)

        self.status = plain_label("", translate("ToolsDialog", "Status"))
        self.close_button = push_button(
            translate("ToolsDialog", "&Close"), translate("ToolsDialog", "Close")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(servers_box, 1)
        layout.addWidget(grants_box)
        layout.addWidget(settings_box)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)

    def _connect_signals(self) -> None:
        # section: mcp.json
        self.edit_button.clicked.connect(self.on_edit)
        self.import_button.clicked.connect(self.on_import)
        self.editor.saved.connect(self.on_config_saved)
        self.editor.closed.connect(self.on_editor_closed)
        # section: grants
        self.grants_list.changed.connect(self.on_grants_revoked)
        self.grants_list.told.connect(self._tell)
        # section: settings (saved as soon as a value is done with)
        self.allow_read_only.toggled.connect(self.apply_settings)
        self.timeout.editingFinished.connect(self.apply_settings)
        self.rounds.editingFinished.connect(self.apply_settings)
        # section: closing
        self.close_button.clicked.connect(self.reject)

    def _fix_tab_order(self) -> None:
        editing = [self.editor.text, self.editor.save_button, self.editor.discard_button]
        chain: list[QWidget] = [
            *self.server_list.focus_chain(),
            self.edit_button,
            self.import_button,
            *editing,
            *self.grants_list.focus_chain(),
            self.allow_read_only,
            self.timeout,
            self.rounds,
            self.close_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # section: servers

    def on_server_status(self, status: ServerStatus) -> None:
        """A server's new status (``ServerManager``'s ``on_change``)."""
        self.server_list.on_server_status(status)

    def set_statuses(self, statuses: Sequence[ServerStatus]) -> None:
        """Every server's status anew (e.g. after the servers were restarted)."""
        self.server_list.set_statuses(statuses)

    def reload_config(self) -> None:
        """Read ``mcp.json`` again: its servers and its problems."""
        config = load_config()
        self.server_list.set_configured([(s.name, s.disabled) for s in config.servers])
        self.problems.setText("\n".join(str(p) for p in config.problems))
        self.problems.setVisible(bool(config.problems))

    # section: mcp.json

    def on_edit(self) -> None:
        if not self.editor.isVisible():
            self.editor.load()
            self.editor.show()
        self.editor.text.setFocus()
        self._fix_tab_order()

    def on_config_saved(self, kept: object) -> None:
        said = (
            translate("ToolsDialog", " The old file, not valid JSON, was kept as {kept}.").format(
                kept=kept
            )
            if kept is not None
            else ""
        )
        self._tell(translate("ToolsDialog", "mcp.json saved; the servers are restarted.") + said)
        self.reload_config()
        self.servers_changed.emit()

    def on_editor_closed(self) -> None:
        self._warned_unsaved = False
        self.edit_button.setFocus()

    def on_import(self) -> None:
        if self.editor.dirty:
            self._tell(translate("ToolsDialog", "Save or discard your changes to mcp.json first."))
            return
        source = self._pick_file(self, claude_desktop_config_path())
        if source is None:
            return
        try:
            report = import_servers(source)
        except OSError as exc:
            self._tell(
                translate(
                    "ToolsDialog", "Nothing imported: mcp.json could not be written ({exc})."
                ).format(exc=exc)
            )
            return
        self._tell(import_words(source, report))
        self.reload_config()
        if self.editor.isVisible():
            self.editor.load()
        if report.added or report.replaced:
            self.servers_changed.emit()

    # section: grants

    def on_grants_changed(self) -> None:
        """Show the grants anew (e.g. after "Always allow" in an approval)."""
        self.grants_list.refresh()
        self._fix_tab_order()

    def on_grants_revoked(self) -> None:
        self._fix_tab_order()
        self.grants_changed.emit()

    # section: settings

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` (e.g. changed in the settings dialog meanwhile)."""
        self._settings = settings
        for widget in (self.allow_read_only, self.timeout, self.rounds):
            widget.blockSignals(True)
        self.allow_read_only.setChecked(settings.tools_allow_read_only)
        self.timeout.setValue(settings.tool_timeout_s)
        self.rounds.setValue(settings.tool_rounds)
        for widget in (self.allow_read_only, self.timeout, self.rounds):
            widget.blockSignals(False)

    def current_settings(self) -> Settings:
        """The settings in force with the tool fields as shown."""
        return replace(
            self._settings,
            tools_allow_read_only=self.allow_read_only.isChecked(),
            tool_timeout_s=self.timeout.value(),
            tool_rounds=self.rounds.value(),
        )

    def apply_settings(self, *_args: object) -> None:
        """Save the tool settings if they changed, and say so by ``settings_changed``."""
        new = self.current_settings()
        if new == self._settings:
            return
        problems = new.validate()
        try:
            if not problems:
                self._save(new)
        except (OSError, ValueError) as exc:
            problems = [
                translate("ToolsDialog", "Could not save the settings: {exc}").format(exc=exc)
            ]
        if problems:
            self._tell(" ".join(problems))
            return
        self._settings = new
        self.settings_changed.emit(new)

    # section: closing

    def reject(self) -> None:
        """Esc or Close; edits to mcp.json that are not saved hold it once, with a word."""
        if self.editor.dirty and not self._warned_unsaved:
            self._warned_unsaved = True
            key = self._keymap.text_for("close")
            again = translate("ToolsDialog", "{key} again closes without saving").format(key=key)
            self._tell(
                translate(
                    "ToolsDialog",
                    "mcp.json has changes that are not saved: save or discard them ({again}).",
                ).format(again=again)
            )
            return
        super().reject()

    def done(self, result: int) -> None:
        self.apply_settings()  # a value still being typed counts
        super().done(result)

    def _tell(self, text: str) -> None:
        self.status.setText(text)

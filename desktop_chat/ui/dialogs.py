"""The window's dialogs and overlays: palette, help, shortcuts, settings, key, export.

Each is loaded on first use (none is needed for the first paint) and deleted when closed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

import qasync
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop_chat.core import keybindings
from desktop_chat.core.conversation import Conversation
from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import ACTIONS, REBINDABLE, Keymap
from desktop_chat.core.palette import palette_entries
from desktop_chat.ui.controller import ChatController

if TYPE_CHECKING:
    from desktop_chat.core.tools.approval import ApprovalRequest, Decision
    from desktop_chat.core.tools.config import ServerConfig
    from desktop_chat.ui.help_overlay import HelpOverlay
    from desktop_chat.ui.settings_dialog import SettingsDialog


class Dialogs(QObject):
    """Opens the dialogs over ``window``.

    Signals:
        run_action(str): the palette ran an action (by id).
        settings_saved(object): the user saved new ``Settings``.
        key_saved(str): a new API key was saved; where ("keychain" or "session").
        exported(str): an export was written, to this path.
        failed(str): an export failed, in plain words.
        asked(): a tool call's approval is shown (what it asks is in ``asking``).
    """

    run_action = Signal(str)
    settings_saved = Signal(object)
    key_saved = Signal(str)
    exported = Signal(str)
    failed = Signal(str)
    asked = Signal()

    def __init__(
        self,
        window: QWidget,
        controller: ChatController,
        keymap: Keymap,
        enabled: Callable[[str], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._keymap = keymap
        self._enabled = enabled
        self._help: HelpOverlay | None = None
        # The tool call being asked about now, as shown (the window's state report has it).
        self.asking: dict[str, str] | None = None

    def open_palette(self) -> None:
        from desktop_chat.ui.command_palette import CommandPalette

        entries = palette_entries(ACTIONS, self._keymap.bindings, self._enabled)
        palette = CommandPalette(entries, self._window)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        palette.triggered.connect(self.run_action)
        palette.popup()

    def toggle_help(self) -> None:
        from desktop_chat.ui.help_overlay import HelpOverlay

        if self._help is not None:
            self._help.close_overlay()
            return
        self._help = HelpOverlay(palette_entries(ACTIONS, self._keymap.bindings), self._window)
        self._help.closed.connect(self.on_help_closed)
        self._help.open()

    def on_help_closed(self) -> None:
        if self._help is not None:
            self._help.deleteLater()
            self._help = None

    def open_shortcuts(self) -> None:
        from desktop_chat.ui.shortcuts_editor import ShortcutsDialog

        # The message box's own keys (Enter, Shift+Enter, Up) are not rebindable.
        dialog = ShortcutsDialog(list(REBINDABLE), self._keymap.overrides, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.on_shortcuts_changed)
        dialog.open()

    def on_shortcuts_changed(self, bindings: keybindings.Bindings) -> None:
        self._keymap.set_bindings(bindings)

    def open_settings(self) -> None:
        from desktop_chat.core.models import known_models
        from desktop_chat.ui.settings_dialog import SettingsDialog

        settings = self._controller.settings
        dialog = SettingsDialog(settings, known_models(settings.base_url), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.settings_saved)
        dialog.open()
        self.on_refresh_models(dialog)

    @qasync.asyncSlot(object)
    async def on_refresh_models(self, dialog: SettingsDialog) -> None:
        """Fill the open settings dialog's model picker from the API (cached for a day)."""
        models = await self._controller.api.fetch_models()
        with suppress(RuntimeError):  # the dialog was closed (and deleted) meanwhile
            if dialog.isVisible():
                dialog.set_models(models)

    def open_key(self, problem: str | None = None) -> None:
        from desktop_chat.ui.key_dialog import KeyDialog

        dialog = KeyDialog(
            self._controller.api.check_key, problem=problem or None, parent=self._window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.key_saved.connect(self.key_saved)
        dialog.open()

    def ask_quit_unsaved(self, unsaved: str, quit_anyway: Callable[[], None]) -> None:
        """Quitting while something is not saved: say what, and let the user choose."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Dialogs", "Quit with unsaved messages?"),
            translate(
                "Dialogs",
                "{unsaved}\n\nIf you quit now, what is not saved is lost. Export the "
                "conversation first to keep it.",
            ).format(unsaved=unsaved),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        quit_button = box.addButton(
            translate("Dialogs", "Quit without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: quit_anyway() if button is quit_button else None)
        box.open()

    def open_tools(self) -> None:
        """The MCP servers, their config, the permissions given and the tool settings."""
        from desktop_chat.core.tools.grants import Grants
        from desktop_chat.ui.tools_dialog import ToolsDialog

        runtime = getattr(self._window, "tools", None)
        host = runtime.host if runtime is not None else None
        dialog = ToolsDialog(
            self._controller.settings,
            host.grants if host is not None else Grants(),
            list(runtime.statuses.values()) if runtime is not None else [],
            keymap=self._keymap,
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_changed.connect(self.settings_saved)
        if runtime is not None:
            runtime.server_status.connect(dialog.on_server_status)
            dialog.servers_changed.connect(runtime.on_config_changed)
            dialog.settings_changed.connect(runtime.on_settings_changed)
        dialog.open()

    def confirm_server(self, server: ServerConfig, answer: asyncio.Future[bool]) -> None:
        """A new tool server: its command line is shown once, and runs only on a yes."""
        from desktop_chat.ui.server_confirm_dialog import ServerConfirmDialog

        dialog = ServerConfirmDialog(server, keymap=self._keymap, parent=self._window)
        self._answer_with(dialog, answer)

    def ask_approval(self, request: ApprovalRequest, answer: asyncio.Future[Decision]) -> None:
        """A tool call no grant covers: the user reads it whole, and decides."""
        from desktop_chat.ui.approval_dialog import ApprovalDialog

        dialog = ApprovalDialog(request, keymap=self._keymap, parent=self._window)
        self.asking = {"tool": request.tool, "server": request.server}
        self.asking["arguments"] = request.arguments_json()
        answer.add_done_callback(lambda _answer: setattr(self, "asking", None))
        self._answer_with(dialog, answer)
        self.asked.emit()

    def _answer_with(self, dialog: QDialog, answer: asyncio.Future[Any]) -> None:
        """Show ``dialog``; its ``decided`` answers ``answer``; a question withdrawn (the
        turn stopped, the app quits) closes it."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided(value: object) -> None:
            if not answer.done():
                answer.set_result(value)

        def withdrawn(_future: asyncio.Future[Any]) -> None:
            with suppress(RuntimeError):  # (already closed and deleted)
                dialog.close()

        dialog.decided.connect(decided)  # type: ignore[attr-defined]
        answer.add_done_callback(withdrawn)
        dialog.open()

    def open_export(self, conversations: Callable[[], Iterable[Conversation]], name: str) -> None:
        from desktop_chat.ui.export_dialog import ExportDialog

        dialog = ExportDialog(conversations, name, self._window)
        dialog.read_attachment = self._controller.blobs.read
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self.exported)
        dialog.failed.connect(self.failed)
        dialog.open()

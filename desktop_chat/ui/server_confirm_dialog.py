"""Asking once before a new MCP server's command line first runs on this computer.

The full command line is shown as it will run (selectable, monospace, never shortened),
with the names of the environment variables it is given. Don't run is the default: Enter
and Esc both leave the program unstarted unless "Run" is chosen on purpose.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.tools.config import KEYCHAIN_PREFIX, ServerConfig
from desktop_chat.ui.dialog_parts import code_view, plain_label, push_button


def environment_words(server: ServerConfig) -> str:
    """The environment variables it is given, by name (values may be secrets)."""
    if not server.env:
        return translate("ServerConfirmDialog", "No environment variables of its own.")
    names = [
        translate("ServerConfirmDialog", "{name} (from the keychain)").format(name=name)
        if value.startswith(KEYCHAIN_PREFIX)
        else name
        for name, value in sorted(server.env.items())
    ]
    return translate("ServerConfirmDialog", "With these environment variables: {names}.").format(
        names=", ".join(names)
    )


class ServerConfirmDialog(QDialog):
    """Run this server's program, or not; the caller shows it with ``open()``.

    Args:
        server: the configured server whose command line is new.
        keymap: the keys in force, for the hints (default: the table's defaults).
        parent: the window it belongs to.

    Signals:
        decided(bool): True for Run, False for Don't run, exactly once; closing the dialog
            in any way is Don't run.
    """

    decided = Signal(bool)

    def __init__(
        self,
        server: ServerConfig,
        *,
        keymap: Keymap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.server = server
        self.answer: bool | None = None
        self._keymap = keymap or Keymap()
        self.setWindowTitle(
            translate("ServerConfirmDialog", "Run the MCP server “{name}”?").format(
                name=server.name
            )
        )
        self.setObjectName("server_confirm_dialog")
        self.setMinimumWidth(520)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        s = self.server
        stdio = s.transport == "stdio"
        self.heading = plain_label(
            translate(
                "ServerConfirmDialog", "The MCP server “{name}” is new or its command line changed."
            ).format(name=s.name),
            translate("ServerConfirmDialog", "What is asked"),
        )
        self.heading.setStyleSheet("font-weight: bold;")
        self.meaning = plain_label(
            translate(
                "ServerConfirmDialog",
                "This program will run on your computer with your permissions: it can read and "
                "change your files and reach the network. Run it only if you trust it.",
            )
            if stdio
            else translate(
                "ServerConfirmDialog",
                "This app will connect to this address and send it the arguments of the "
                "tool calls you allow.",
            ),
            translate("ServerConfirmDialog", "What it means"),
        )
        self.command_label = QLabel(
            translate("ServerConfirmDialog", "&Command line:")
            if stdio
            else translate("ServerConfirmDialog", "&Address:")
        )
        self.command = code_view(
            s.command_line,
            translate("ServerConfirmDialog", "Command line")
            if stdio
            else translate("ServerConfirmDialog", "Address"),
        )
        self.command.setFixedHeight(self.command.fontMetrics().lineSpacing() * 4 + 12)
        self.command_label.setBuddy(self.command)
        self.environment = plain_label(
            environment_words(s), translate("ServerConfirmDialog", "Environment")
        )
        self.environment.setVisible(stdio)
        self.hint_label = plain_label(
            translate(
                "ServerConfirmDialog",
                "{close_key} does not run it. You are asked again if its command line changes.",
            ).format(close_key=self._keymap.text_for("close")),
            translate("ServerConfirmDialog", "Keys"),
        )

        self.run_button = push_button(
            translate("ServerConfirmDialog", "&Run"), translate("ServerConfirmDialog", "Run")
        )
        self.dont_run_button = push_button(
            translate("ServerConfirmDialog", "&Don't run"),
            translate("ServerConfirmDialog", "Don't run"),
        )
        self.dont_run_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.dont_run_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.meaning)
        layout.addWidget(self.command_label)
        layout.addWidget(self.command)
        layout.addWidget(self.environment)
        layout.addWidget(self.hint_label)
        layout.addLayout(buttons)
        for first, second in pairwise([self.command, self.run_button, self.dont_run_button]):
            QWidget.setTabOrder(first, second)
        self.dont_run_button.setFocus()

    def _connect_signals(self) -> None:
        # section: the choices
        self.run_button.clicked.connect(self.on_run)
        self.dont_run_button.clicked.connect(self.on_dont_run)

    # section: slots

    def on_run(self) -> None:
        self._decide(True)

    def on_dont_run(self) -> None:
        self._decide(False)

    # section: deciding once

    def done(self, result: int) -> None:
        """Any way of closing decides: without an answer yet, it is Don't run."""
        if self.answer is None:
            self.answer = False
            self.decided.emit(False)
        super().done(result)

    def _decide(self, run: bool) -> None:
        if self.answer is not None:
            return
        self.answer = run
        self.decided.emit(run)
        self.done((QDialog.DialogCode.Accepted if run else QDialog.DialogCode.Rejected).value)

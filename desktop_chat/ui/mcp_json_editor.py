"""The raw ``mcp.json`` in an editable box that checks it on Save, for the Tools dialog.

Save writes only a file in which every entry passes ``config.parse_config``: otherwise each
bad entry is named with its field and reason, nothing is written, and the text stays as
the user typed it. A file that was not JSON is kept aside by ``config.save_raw`` before
the new one replaces it.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_chat.core.i18n import translate
from desktop_chat.core.tools.config import config_path, load_config, parse_config, save_raw
from desktop_chat.ui.dialog_parts import plain_label, push_button

EMPTY_CONFIG = '{\n  "mcpServers": {}\n}\n'


class McpJsonEditor(QWidget):
    """Edits ``mcp.json`` (ours, by default) as text.

    Signals:
        saved(object): the file was written; the argument is where an old file that was
            not JSON was kept (a ``Path``), or None.
        closed(): the editor was closed (after a save, or with "Discard changes").
    """

    saved = Signal(object)
    closed = Signal()

    def __init__(self, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("mcp.json")
        self.text.setTabChangesFocus(True)  # Tab leaves the box: nobody is trapped in it
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumHeight(180)
        self.problems = plain_label("", translate("McpJsonEditor", "Why mcp.json was not saved"))
        self.problems.setStyleSheet("font-weight: bold;")
        self.problems.setVisible(False)
        self.save_button = push_button(
            translate("McpJsonEditor", "&Save mcp.json"),
            translate("McpJsonEditor", "Save mcp.json"),
        )
        self.discard_button = push_button(
            translate("McpJsonEditor", "Disca&rd changes"),
            translate("McpJsonEditor", "Discard changes"),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.text, self.save_button)
        QWidget.setTabOrder(self.save_button, self.discard_button)
        self._connect_signals()

    def _connect_signals(self) -> None:
        # section: the buttons
        self.save_button.clicked.connect(self.on_save)
        self.discard_button.clicked.connect(self.on_discard)

    @property
    def path(self) -> Path:
        return config_path() if self._path is None else self._path

    @property
    def dirty(self) -> bool:
        """Whether the text has changes that are not saved."""
        return self.isVisible() and self.text.document().isModified()

    def load(self) -> None:
        """Show the file as it is now (an empty config when there is none)."""
        self._say([])
        try:
            content = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            content = EMPTY_CONFIG
        except (OSError, UnicodeDecodeError) as exc:
            content = ""
            self._say(
                [
                    translate("McpJsonEditor", "{path} could not be read: {exc}").format(
                        path=self.path, exc=exc
                    )
                ]
            )
        self.text.setPlainText(content)
        self.text.document().setModified(False)

    # section: slots

    def on_save(self) -> None:
        """Check the text; write it only when every entry is good, else say why."""
        content = self.text.toPlainText()
        try:
            raw = json.loads(content)
        except json.JSONDecodeError as exc:
            where = translate("McpJsonEditor", "line {lineno}, column {colno}: {msg}").format(
                lineno=exc.lineno, colno=exc.colno, msg=exc.msg
            )
            self._say(
                [
                    translate(
                        "McpJsonEditor", "Not saved: this is not valid JSON ({where})."
                    ).format(where=where)
                ]
            )
            return
        problems = parse_config(raw, self.path).problems
        if problems:
            self._say([translate("McpJsonEditor", "Not saved:"), *(f"• {p}" for p in problems)])
            return
        config = load_config(self.path)  # whether the old file was JSON: else it is kept
        config.raw = raw
        try:
            kept = save_raw(config)
        except OSError as exc:
            self._say(
                [
                    translate(
                        "McpJsonEditor", "Not saved: {path} could not be written ({exc})."
                    ).format(path=self.path, exc=exc)
                ]
            )
            return
        self._say([])
        self.text.document().setModified(False)
        self.saved.emit(kept)
        self.hide()
        self.closed.emit()

    def on_discard(self) -> None:
        self.text.document().setModified(False)
        self._say([])
        self.hide()
        self.closed.emit()

    def _say(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

"""The banner above the message box while something is not saved: what, why, and the ways out.

It stays until the cause is gone: a failed write (a full or read-only disk), or the database
file deleted or replaced while the app runs. It offers to try again, to save the database
again where it was (after a deletion), and to export the conversation elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_chat.core.i18n import translate


class SaveBanner(QFrame):
    """Says what is unsaved; hidden while everything is.

    Signals:
        retry_requested(): "Try again" was pressed.
        save_again_requested(): "Save the database again" was pressed (after a deletion).
        export_requested(): "Export…" was pressed: save the conversation elsewhere.
    """

    retry_requested = Signal()
    save_again_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("save_banner")
        self.setAccessibleName(translate("SaveBanner", "Not saved"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes file paths and errors
        self.label.setAccessibleName(translate("SaveBanner", "What is not saved"))
        self.retry_button = QPushButton(translate("SaveBanner", "Try again"), self)
        self.save_again_button = QPushButton(
            translate("SaveBanner", "Save the database again"), self
        )
        self.export_button = QPushButton(translate("SaveBanner", "Export…"), self)
        self.export_button.setToolTip(
            translate("SaveBanner", "Save this conversation to a file of your choice")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        for button in (self.retry_button, self.save_again_button, self.export_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retry_button.clicked.connect(self.retry_requested)
        self.save_again_button.clicked.connect(self.save_again_requested)
        self.export_button.clicked.connect(self.export_requested)
        self._unsaved: str | None = None
        self._file_problem: str | None = None
        self.hide()

    def on_unsaved(self, text: str | None) -> None:
        """What the conversation's writer has not saved (None: everything is)."""
        self._unsaved = text
        self._update()

    def on_file_problem(self, text: str | None) -> None:
        """What happened to the database file (None: it is the one opened)."""
        self._file_problem = text
        self._update()

    def _update(self) -> None:
        lines = [t for t in (self._file_problem, self._unsaved) if t]
        self.label.setText("\n".join(lines))
        self.save_again_button.setVisible(self._file_problem is not None)
        self.retry_button.setVisible(self._unsaved is not None and self._file_problem is None)
        self.setVisible(bool(lines))

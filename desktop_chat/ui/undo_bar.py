"""The undo bar: "Deleted “title”." with an Undo button, shown for a while after a delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_chat.core.i18n import translate
from desktop_chat.ui.conversation_models import UNTITLED, one_line


def _shortcut_text(sequence: QKeySequence | QKeySequence.StandardKey) -> str:
    """A shortcut as the platform writes it (Ctrl+Z, or ⌘Z on macOS)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class UndoBar(QFrame):
    """Offers to bring back one deleted conversation, until it times out or is dismissed.

    The bar is a child of ``scope``, and its Ctrl+Z works anywhere inside ``scope`` while
    the bar shows. Asking for the undo only emits: the owner restores and then dismisses.

    Signals:
        undo_requested(): the user pressed Undo or Ctrl+Z while the bar showed.
    """

    undo_requested = Signal()

    TIMEOUT_MS = 10_000
    TITLE_CHARS = 40

    def __init__(self, scope: QWidget) -> None:
        super().__init__(scope)
        self.setObjectName("sidebar_undo")
        self.setAccessibleName(translate("UndoBar", "Undo delete bar"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a title
        self.label.setWordWrap(True)
        self.label.setAccessibleName(translate("UndoBar", "Deleted conversation"))
        undo_keys = _shortcut_text(QKeySequence.StandardKey.Undo)
        self.button = QPushButton(
            translate("UndoBar", "Undo ({undo_keys})").format(undo_keys=undo_keys), self
        )
        self.button.setAccessibleName(translate("UndoBar", "Undo delete"))
        self.button.setToolTip(
            translate("UndoBar", "Bring the conversation back ({undo_keys})").format(
                undo_keys=undo_keys
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

        self.shortcut = QShortcut(QKeySequence.StandardKey.Undo, scope)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.setEnabled(False)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.TIMEOUT_MS)
        self._conversation_id: str | None = None

        self.button.clicked.connect(self.undo_requested)
        self.shortcut.activated.connect(self.undo_requested)
        self.timer.timeout.connect(self.dismiss)

    def conversation_id(self) -> str | None:
        """The id of the conversation Undo would bring back, while the bar shows."""
        return self._conversation_id

    def offer(self, conversation_id: str, title: str) -> None:
        """Show "Deleted “title”." and start the timeout; Ctrl+Z works from now on."""
        self._conversation_id = conversation_id
        name = one_line(title).strip() or UNTITLED
        if len(name) > self.TITLE_CHARS:
            name = name[: self.TITLE_CHARS - 1].rstrip() + "…"
        self.label.setText(translate("UndoBar", "Deleted “{name}”.").format(name=name))
        self.show()
        self.shortcut.setEnabled(True)
        self.timer.start()

    def dismiss(self) -> None:
        """Put the bar away: the delete stands."""
        self.timer.stop()
        self._conversation_id = None
        self.shortcut.setEnabled(False)
        self.hide()

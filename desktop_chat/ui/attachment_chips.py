"""The row of attachments above the composer: one chip per file, until the message is sent.

A chip shows a thumbnail (or the kind's icon), the name, and a line of facts: size,
pixels or pages, about how many tokens. Chips take the keyboard focus (Tab reaches them);
Delete or Backspace removes the focused one, Enter or Space opens it. The row hides itself
while empty, and says when files are still being read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.attachments import Attachment, Kind, ref_block
from desktop_chat.core.i18n import translate
from desktop_chat.ui.attachment_facts import facts_text
from desktop_chat.ui.locale_format import number

_ICON_PX = 40


def kind_pixmap(widget: QWidget, kind: Kind) -> QPixmap:
    """The icon standing for a file of ``kind`` that has no thumbnail."""
    icon = {
        Kind.PDF: QStyle.StandardPixmap.SP_FileIcon,
        Kind.TEXT: QStyle.StandardPixmap.SP_FileDialogDetailedView,
        Kind.IMAGE: QStyle.StandardPixmap.SP_DesktopIcon,
    }[kind]
    return widget.style().standardIcon(icon).pixmap(QSize(_ICON_PX, _ICON_PX))


class Chip(QFrame):
    """One attachment, reachable by keyboard.

    Signals:
        remove_requested(): Delete, Backspace or the close button.
        open_requested(): Enter, Space or a double click.
    """

    remove_requested = Signal()
    open_requested = Signal()

    def __init__(self, attachment: Attachment, thumb: bytes | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.setObjectName("attachmentChip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        facts = facts_text(ref_block(attachment)["source"])
        self.setAccessibleName(
            translate("Attachments", "Attachment {name}, {facts}").format(
                name=attachment.name, facts=facts
            )
        )
        self.setToolTip(
            translate("Attachments", "{name}\n{facts}\nDelete removes it; Enter opens it.").format(
                name=attachment.name, facts=facts
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 2, 4)
        layout.setSpacing(6)
        self.icon = QLabel(self)
        self.icon.setFixedSize(_ICON_PX, _ICON_PX)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap()
        if thumb is None or not pixmap.loadFromData(thumb):
            pixmap = kind_pixmap(self, attachment.kind)
        self.icon.setPixmap(
            pixmap.scaled(
                _ICON_PX,
                _ICON_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        layout.addWidget(self.icon)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.name_label = QLabel(self._elided(attachment.name), self)
        self.facts_label = QLabel(facts, self)
        self.facts_label.setEnabled(False)  # the dim colour of the style
        words.addWidget(self.name_label)
        words.addWidget(self.facts_label)
        layout.addLayout(words)
        self.close_button = QToolButton(self)
        self.close_button.setText("\u00d7")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete does it by keyboard
        self.close_button.setToolTip(translate("Attachments", "Remove"))
        self.close_button.clicked.connect(self.remove_requested)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    @staticmethod
    def _elided(name: str, limit: int = 28) -> str:
        return name if len(name) <= limit else name[: limit - 1] + "\u2026"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        row = self.parentWidget()
        if isinstance(row, AttachmentChips) and row.focus_step(self, 1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.open_requested.emit()
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setLineWidth(2)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(1)


class AttachmentChips(QWidget):
    """The attachments of the message being written.

    Signals:
        changed(): an attachment was added or removed.
        open_requested(object, object): open an ``Attachment`` (its bytes, its thumbnail).
    """

    changed = Signal()
    open_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChips")
        self.setAccessibleName(translate("Attachments", "Attachments"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(6)
        self.pending = QLabel(self)
        self.pending.setEnabled(False)
        self.pending.hide()
        self._layout.addWidget(self.pending)
        self._layout.addStretch(1)
        self.chips: list[Chip] = []
        self._return_focus: QWidget | None = None
        self.hide()

    @property
    def return_focus(self) -> QWidget | None:
        """The message box: Shift+Tab there reaches the chips, Tab from the last goes back."""
        return self._return_focus

    @return_focus.setter
    def return_focus(self, widget: QWidget | None) -> None:
        self._return_focus = widget
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._return_focus
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backtab
            and self.chips
        ):
            self.chips[-1].setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def focus_step(self, chip: Chip, step: int) -> bool:
        """Tab (+1) or Shift+Tab (-1) from ``chip``: the next chip, or the message box after
        the last; False when Qt's own order should go on (before the first)."""
        if chip not in self.chips:
            return False
        index = self.chips.index(chip) + step
        if 0 <= index < len(self.chips):
            self.chips[index].setFocus()
            return True
        if index >= len(self.chips) and self._return_focus is not None:
            self._return_focus.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def attachments(self) -> list[Attachment]:
        return [chip.attachment for chip in self.chips]

    def add(self, attachment: Attachment, thumb: bytes | None = None) -> None:
        """Add a chip (the same file twice is one chip)."""
        if any(c.attachment.sha256 == attachment.sha256 for c in self.chips):
            return
        chip = Chip(attachment, thumb, self)
        chip.remove_requested.connect(lambda c=chip: self.remove(c))
        chip.open_requested.connect(lambda c=chip: self.open_requested.emit(c.attachment, thumb))
        self._layout.insertWidget(len(self.chips), chip)
        chip.show()  # (a child added to a shown widget stays hidden otherwise)
        self.chips.append(chip)
        self._update()

    def remove(self, chip: Chip) -> None:
        index = self.chips.index(chip)
        self.chips.remove(chip)
        if chip.hasFocus():  # the keyboard stays in the row, or goes back to the composer
            if self.chips:
                self.chips[min(index, len(self.chips) - 1)].setFocus()
            elif self._return_focus is not None:
                self._return_focus.setFocus()
        chip.hide()
        chip.deleteLater()
        self._update()

    def clear(self) -> None:
        for chip in list(self.chips):
            self.remove(chip)

    def on_busy_changed(self, count: int) -> None:
        """Files still being read: said at the end of the row."""
        if count == 1:
            text = translate("Attachments", "Reading 1 file…")
        elif count > 1:
            text = translate("Attachments", "Reading {count} files…").format(count=number(count))
        else:
            text = ""
        self.pending.setText(text)
        self.pending.setVisible(count > 0)
        self._update()

    def _update(self) -> None:
        self.setVisible(bool(self.chips) or self.pending.isVisible())
        self.changed.emit()

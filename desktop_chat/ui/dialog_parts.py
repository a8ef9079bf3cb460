"""Widgets the tool dialogs are built of: plain-text labels, named buttons, read-only code.

Text that servers or config files wrote is always shown as plain text, never rich text: a
tool description must not be able to hide or restyle what a dialog says.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton


def plain_label(text: str, name: str) -> QLabel:
    """A wrapped, mouse-selectable label of plain text, with an accessible name."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def push_button(text: str, name: str) -> QPushButton:
    """A button that Enter presses only when it is focused or made the default."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    return button


def code_view(text: str, name: str) -> QPlainTextEdit:
    """Read-only monospace text, selectable by keys and mouse, wrapped (never cut), and
    left with Tab."""
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setTabChangesFocus(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    view.setAccessibleName(name)
    return view

"""Asking before a tool runs: server, tool, description, hints and the full arguments.

Everything the server wrote is shown as plain text (``dialog_parts``). The arguments are
the whole formatted JSON in a read-only, scrollable box, with their size said above it.
Every choice has a mnemonic; Enter presses "Allow once", except for a tool annotated
destructive, where Enter (and the first focus) is "Deny". Closing the dialog in any way
denies.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.tools.approval import ApprovalRequest, Choice, Decision
from desktop_chat.ui.dialog_parts import code_view, plain_label, push_button
from desktop_chat.ui.locale_format import number

LONG_ARGUMENTS_LINES = 20  # beyond this many lines the size line says to scroll
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def size_words(text: str) -> str:
    """The size of the arguments in words: "12 lines, 340 characters"."""
    lines = text.count("\n") + 1
    chars = len(text)
    line_words = (
        translate("ApprovalDialog", "1 line")
        if lines == 1
        else translate("ApprovalDialog", "{count} lines").format(count=number(lines))
    )
    char_words = (
        translate("ApprovalDialog", "1 character")
        if chars == 1
        else translate("ApprovalDialog", "{count} characters").format(count=number(chars))
    )
    return translate("ApprovalDialog", "{lines}, {characters}").format(
        lines=line_words, characters=char_words
    )


class ApprovalDialog(QDialog):
    """One tool call waiting for a person's answer; the caller shows it with ``open()``.

    Args:
        request: the call to decide on.
        keymap: the keys in force, for the hints (default: the table's defaults).
        parent: the window it belongs to.

    Signals:
        decided(object): the :class:`~desktop_chat.core.tools.approval.Decision`, exactly
            once; Esc, the window's close button or ``reject()`` give ``Decision.deny()``.
    """

    decided = Signal(object)

    def __init__(
        self,
        request: ApprovalRequest,
        *,
        keymap: Keymap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.decision: Decision | None = None
        self._keymap = keymap or Keymap()
        self.setWindowTitle(
            translate("ApprovalDialog", "Run “{value}” from {server}?").format(
                value=request.title or request.tool, server=request.server
            )
        )
        self.setObjectName("approval_dialog")
        self.setMinimumWidth(560)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        r = self.request
        self.heading = plain_label(
            translate("ApprovalDialog", "Claude wants to run a tool."),
            translate("ApprovalDialog", "What is asked"),
        )
        self.heading.setStyleSheet("font-weight: bold;")
        self.server_label = plain_label(r.server, translate("ApprovalDialog", "Server"))
        tool = r.api_name if r.title is None else f"{r.title} ({r.api_name})"
        if r.tool != r.api_name:
            tool += translate("ApprovalDialog", " — the server calls it {tool}").format(tool=r.tool)
        self.tool_label = plain_label(tool, translate("ApprovalDialog", "Tool"))
        self.description_label = plain_label(
            r.description.strip() or translate("ApprovalDialog", "The server gave no description."),
            translate("ApprovalDialog", "Description"),
        )
        hints = r.hint_words()
        self.hints_label = plain_label(
            ", ".join(hints) if hints else translate("ApprovalDialog", "none given"),
            translate("ApprovalDialog", "Hints from the server"),
        )
        self.destructive_label = plain_label(
            translate(
                "ApprovalDialog",
                "Destructive: the server marks this tool as one that may delete or overwrite "
                "things. It asks every time; {accept_key} denies.",
            ).format(accept_key=self._keymap.text_for("accept")),
            translate("ApprovalDialog", "Warning"),
        )
        self.destructive_label.setObjectName("destructive_warning")
        self.destructive_label.setStyleSheet("font-weight: bold; color: #c62828;")
        self.destructive_label.setVisible(r.destructive)

        text = r.arguments_json()
        size = size_words(text)
        long = text.count("\n") + 1 > LONG_ARGUMENTS_LINES
        self.size_label = plain_label(
            translate(
                "ApprovalDialog", "Ar&guments, in full ({size}; scroll to read all of them):"
            ).format(size=size)
            if long
            else translate("ApprovalDialog", "Ar&guments, in full ({size}):").format(size=size),
            translate("ApprovalDialog", "Size of the arguments"),
        )
        self.arguments = code_view(text, translate("ApprovalDialog", "Arguments"))
        self.arguments.setAccessibleDescription(
            translate("ApprovalDialog", "The full arguments as JSON, {size}").format(size=size)
        )
        self.arguments.setMinimumHeight(160)
        self.size_label.setBuddy(self.arguments)

        self.allow_once_button = push_button(
            translate("ApprovalDialog", "Allow &once"), translate("ApprovalDialog", "Allow once")
        )
        self.allow_conversation_button = push_button(
            translate("ApprovalDialog", "Allow for this &conversation"),
            translate("ApprovalDialog", "Allow for this conversation"),
        )
        self.allow_always_button = push_button(
            translate("ApprovalDialog", "&Always allow this tool"),
            translate("ApprovalDialog", "Always allow this tool"),
        )
        self.deny_button = push_button(
            translate("ApprovalDialog", "&Deny"), translate("ApprovalDialog", "Deny")
        )
        for button in (self.allow_conversation_button, self.allow_always_button):
            button.setVisible(r.grantable)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(translate("ApprovalDialog", "Reason for denying"))
        self.reason_edit.setPlaceholderText(
            translate("ApprovalDialog", "Optional: why not (Claude reads this)")
        )
        self.reason_edit.installEventFilter(self)  # Enter here denies, never allows
        reason_label = QLabel(translate("ApprovalDialog", "&Reason:"))
        reason_label.setBuddy(self.reason_edit)
        self.hint_label = plain_label(
            translate("ApprovalDialog", "{close_key} denies without a reason.").format(
                close_key=self._keymap.text_for("close")
            ),
            translate("ApprovalDialog", "Keys"),
        )

        # Enter presses the default button: never an approval of a destructive tool.
        default = self.deny_button if r.destructive else self.allow_once_button
        default.setDefault(True)

        form = QFormLayout()
        form.addRow(translate("ApprovalDialog", "Server:"), self.server_label)
        form.addRow(translate("ApprovalDialog", "Tool:"), self.tool_label)
        form.addRow(translate("ApprovalDialog", "What it does:"), self.description_label)
        form.addRow(translate("ApprovalDialog", "Hints:"), self.hints_label)
        allow_row = QHBoxLayout()
        for button in (
            self.allow_once_button,
            self.allow_conversation_button,
            self.allow_always_button,
        ):
            allow_row.addWidget(button)
        allow_row.addStretch(1)
        deny_row = QHBoxLayout()
        deny_row.addWidget(reason_label)
        deny_row.addWidget(self.reason_edit, 1)
        deny_row.addWidget(self.deny_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.destructive_label)
        layout.addWidget(self.size_label)
        layout.addWidget(self.arguments, 1)
        layout.addLayout(allow_row)
        layout.addLayout(deny_row)
        layout.addWidget(self.hint_label)
        chain: list[QWidget] = [
            self.arguments,
            self.allow_once_button,
            self.allow_conversation_button,
            self.allow_always_button,
            self.reason_edit,
            self.deny_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        default.setFocus()

    def _connect_signals(self) -> None:
        # section: the choices
        self.allow_once_button.clicked.connect(self.on_allow_once)
        self.allow_conversation_button.clicked.connect(self.on_allow_conversation)
        self.allow_always_button.clicked.connect(self.on_allow_always)
        self.deny_button.clicked.connect(self.on_deny)

    # section: slots

    def on_allow_once(self) -> None:
        self._decide(Decision(Choice.ALLOW_ONCE))

    def on_allow_conversation(self) -> None:
        if self.request.grantable:
            self._decide(Decision(Choice.ALLOW_CONVERSATION))

    def on_allow_always(self) -> None:
        if self.request.grantable:
            self._decide(Decision(Choice.ALLOW_ALWAYS))

    def on_deny(self) -> None:
        self._decide(Decision.deny(self.reason_edit.text().strip()))

    # section: deciding once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reason_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self.on_deny()
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        """Any way of closing decides: without an answer yet, it is Deny (no reason)."""
        if self.decision is None:
            self.decision = Decision.deny()
            self.decided.emit(self.decision)
        super().done(result)

    def _decide(self, decision: Decision) -> None:
        if self.decision is not None:
            return
        self.decision = decision
        self.decided.emit(decision)
        code = QDialog.DialogCode.Accepted if decision.allowed else QDialog.DialogCode.Rejected
        self.done(code.value)

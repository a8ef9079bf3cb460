"""The standing tool permissions, each with a Revoke button, and "Revoke all".

It edits the app's one :class:`~desktop_chat.core.tools.grants.Grants` (the tool host's),
so a grant revoked here asks again at the next call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_chat.core.i18n import translate
from desktop_chat.core.tools.grants import Grant, Grants
from desktop_chat.ui.dialog_parts import plain_label, push_button

ConversationTitle = Callable[[str], str | None]


class GrantsList(QWidget):
    """The grants, one row each; revoking moves the focus to the row that took its place.

    Args:
        grants: the app's grants.
        conversation_title: a conversation's title, for a grant that covers one.
        parent: the widget it is in.

    Signals:
        changed(): a grant was revoked.
        told(str): what was done, or why not, in a sentence.
    """

    changed = Signal()
    told = Signal(str)

    def __init__(
        self,
        grants: Grants,
        *,
        conversation_title: ConversationTitle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._grants = grants
        self._conversation_title = conversation_title
        self.revoke_buttons: list[QPushButton] = []
        self._rows = QWidget()
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows)
        scroll.setMaximumHeight(150)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problems = plain_label("", translate("GrantsList", "Problems with the permissions"))
        self.revoke_all_button = push_button(
            translate("GrantsList", "Revoke &all"),
            translate("GrantsList", "Revoke all permissions"),
        )
        self.revoke_all_button.clicked.connect(self.on_revoke_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addWidget(self.problems)
        layout.addWidget(self.revoke_all_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def focus_chain(self) -> list[QWidget]:
        """Its controls in tab order (the rows change: ask again after ``refresh``)."""
        return [*self.revoke_buttons, self.revoke_all_button]

    def refresh(self) -> None:
        """Show the grants anew (e.g. after "Always allow" in an approval)."""
        while self._rows_layout.count():
            taken = self._rows_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.revoke_buttons = []
        grants = self._grants.list()
        for grant in grants:
            self._rows_layout.addWidget(self._row(grant))
        if not grants:
            self._rows_layout.addWidget(
                plain_label(
                    translate("GrantsList", "Every tool asks before it runs."),
                    translate("GrantsList", "None"),
                )
            )
        self.problems.setText(" ".join(self._grants.problems))
        self.problems.setVisible(bool(self._grants.problems))
        self.revoke_all_button.setEnabled(bool(grants))

    def words(self, grant: Grant) -> str:
        """A grant in words: server, tool, where it applies, since when."""
        if grant.conversation_id is None:
            where = translate("GrantsList", "in every conversation")
        else:
            title = self._conversation_title and self._conversation_title(grant.conversation_id)
            where = (
                translate("GrantsList", "in “{title}” only").format(title=title)
                if title
                else translate("GrantsList", "in one conversation only")
            )
        granted = QDateTime.fromSecsSinceEpoch(int(grant.granted_at))
        since = translate("GrantsList", " (since {date})").format(
            date=QLocale().toString(granted.date(), QLocale.FormatType.ShortFormat)
        )
        return f"{grant.server} · {grant.tool}: {where}" + (since if grant.granted_at else "")

    def _row(self, grant: Grant) -> QWidget:
        row = QWidget()
        words = self.words(grant)
        button = push_button(
            translate("GrantsList", "Revoke"),
            translate("GrantsList", "Revoke: {words}").format(words=words),
        )
        button.clicked.connect(lambda: self.on_revoke(grant))
        self.revoke_buttons.append(button)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(words, translate("GrantsList", "Permission")), 1)
        layout.addWidget(button)
        return row

    # section: slots

    def on_revoke(self, grant: Grant) -> None:
        index = next((i for i, b in enumerate(self.revoke_buttons) if b.hasFocus()), 0)
        try:
            self._grants.revoke(grant)
        except OSError as exc:
            self.told.emit(translate("GrantsList", "Could not revoke it: {exc}").format(exc=exc))
            return
        self.told.emit(
            translate("GrantsList", "Revoked: {words}. It asks again.").format(
                words=self.words(grant)
            )
        )
        self.refresh()
        self.changed.emit()
        # The focused button is gone: focus the one that took its place.
        buttons = self.revoke_buttons or [self.revoke_all_button]
        buttons[min(index, len(buttons) - 1)].setFocus()

    def on_revoke_all(self) -> None:
        grants = self._grants.list()
        try:
            for grant in grants:
                self._grants.revoke(grant)
        except OSError as exc:
            self.told.emit(
                translate("GrantsList", "Could not revoke them all: {exc}").format(exc=exc)
            )
        else:
            self.told.emit(
                translate("GrantsList", "Revoked 1 permission.")
                if len(grants) == 1
                else translate("GrantsList", "Revoked {count} permissions.").format(
                    count=len(grants)
                )
            )
        self.refresh()
        self.changed.emit()

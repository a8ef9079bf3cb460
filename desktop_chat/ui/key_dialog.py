"""First run: "Add your Anthropic API key", checked with a cheap call, kept in the keychain.

The dialog makes no network call itself: it is given ``check``, an async function that
says why a key does not work (``None`` when it does), e.g. ``models.check_key`` on a
client built for the key.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import qasync
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core import credentials, redaction
from desktop_chat.core.i18n import translate

CheckKey = Callable[[str], Awaitable[str | None]]
StoreKey = Callable[[str], str]
KeepKey = Callable[[str], None]


class KeyDialog(QDialog):
    """Asks for the API key, checks it, and stores it in the keychain (or this session only).

    ``problem`` is shown from the start (e.g. ``str(KeySource.problem)`` when the keychain
    was unavailable), which also offers "Use for this session only".

    Signals:
        key_saved(str): where the key went, "keychain" or "session"; the dialog then accepts.
    """

    key_saved = Signal(str)

    def __init__(
        self,
        check: CheckKey,
        *,
        store: StoreKey = credentials.store_key,
        keep_for_session: KeepKey = credentials.set_session_key,
        problem: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._store = store
        self._keep_for_session = keep_for_session
        self._checked_key: str | None = None  # the last key that passed the check
        self._task: asyncio.Task[None] | None = None
        self.setWindowTitle(translate("KeyDialog", "Add your Anthropic API key"))
        self.setObjectName("key_dialog")
        self.setModal(True)
        self.setMinimumWidth(480)
        self._build()
        self._connect_signals()
        if problem:
            self._offer_session(problem)

    def _build(self) -> None:
        intro = QLabel(
            translate(
                "KeyDialog",
                "Desktop Chat needs an Anthropic API key to talk to Claude. It is kept in your "
                "system's keychain, never in a file.",
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(translate("KeyDialog", "About the API key"))
        self.link = QLabel(
            translate(
                "KeyDialog",
                'Get a key at <a href="{url}">console.anthropic.com</a> (Settings → API keys).',
            ).format(url=credentials.CONSOLE_URL)
        )
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.setAccessibleName(translate("KeyDialog", "Where to get a key"))

        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("sk-ant-…")
        self.key_edit.setAccessibleName(translate("KeyDialog", "API key"))
        self.key_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.show_button = QToolButton()
        self.show_button.setText(translate("KeyDialog", "Show"))
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(translate("KeyDialog", "Show the key"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("KeyDialog", "Status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(translate("KeyDialog", "Check and save"))
        self.save_button.setAccessibleName(translate("KeyDialog", "Check and save"))
        self.save_button.setDefault(True)
        self.session_button = QPushButton(translate("KeyDialog", "Use for this session only"))
        self.session_button.setAccessibleName(translate("KeyDialog", "Use for this session only"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(translate("KeyDialog", "Cancel"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.session_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.session_button.setVisible(False)  # offered when the keychain cannot be used

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.link)
        layout.addLayout(key_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for first, second in [
            (self.key_edit, self.show_button),
            (self.show_button, self.save_button),
            (self.save_button, self.session_button),
            (self.session_button, self.cancel_button),
            (self.cancel_button, self.link),
        ]:
            QWidget.setTabOrder(first, second)
        self.key_edit.setFocus()

    def _connect_signals(self) -> None:
        # section: the key field
        self.show_button.toggled.connect(self.on_show_toggled)
        self.key_edit.textEdited.connect(self.on_text_edited)
        # section: the buttons
        self.save_button.clicked.connect(self.on_check_and_save)
        self.session_button.clicked.connect(self.on_use_for_session)
        self.buttons.rejected.connect(self.reject)

    # section: slots

    def on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.key_edit.setEchoMode(mode)
        self.show_button.setText(
            translate("KeyDialog", "Hide") if shown else translate("KeyDialog", "Show")
        )
        self.show_button.setAccessibleName(
            translate("KeyDialog", "Hide the key")
            if shown
            else translate("KeyDialog", "Show the key")
        )

    def on_text_edited(self, _text: str) -> None:
        self._checked_key = None

    @qasync.asyncSlot()
    async def on_check_and_save(self) -> None:
        await self._run(to_keychain=True)

    @qasync.asyncSlot()
    async def on_use_for_session(self) -> None:
        await self._run(to_keychain=False)

    def reject(self) -> None:
        """Esc or Cancel; a check under way is abandoned."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().reject()

    # section: the work

    @property
    def busy(self) -> bool:
        """Whether a check or a save is under way."""
        return self._task is not None and not self._task.done()

    async def _run(self, *, to_keychain: bool) -> None:
        if self.busy:
            return
        self._task = asyncio.current_task()
        key = self.key_edit.text().strip()
        problem = credentials.key_problem(key)
        if problem:
            self._show(problem, error=True)
            return
        self._set_busy(True)
        try:
            if key != self._checked_key:
                self._show(translate("KeyDialog", "Checking the key…"))
                reason = await self._check(key)
                if reason:
                    self._show(reason, error=True)
                    return
                self._checked_key = key
            if to_keychain:
                self._show(translate("KeyDialog", "Saving it in the keychain…"))
                await asyncio.to_thread(self._store, key)
            else:
                self._keep_for_session(key)
        except credentials.KeychainUnavailable as exc:
            self._offer_session(str(exc))
            return
        except Exception as exc:  # the reason in words; the dialog stays usable
            self._show(
                translate("KeyDialog", "That did not work ({__name__}: {exc}).").format(
                    __name__=type(exc).__name__, exc=exc
                ),
                error=True,
            )
            return
        finally:
            self._set_busy(False)
        self.key_saved.emit("keychain" if to_keychain else "session")
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.key_edit, self.save_button, self.session_button, self.show_button):
            widget.setEnabled(not busy)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.status.setText(redaction.redact(text))
        self.status.setProperty("error", error)
        self.status.setStyleSheet("font-weight: bold;" if error else "")

    def _offer_session(self, problem: str) -> None:
        self._show(problem, error=True)
        self.session_button.setVisible(True)

"""The first-run key dialog, driven by keys; the check and the keychain are injected."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from desktop_chat.core.credentials import KeychainUnavailable
from desktop_chat.ui.key_dialog import KeyDialog

KEY = "sk-ant-api03-" + "Dialog_Test-0123456789" * 4


class Calls:
    """Records the injected calls; ``check`` answers with ``reason``."""

    def __init__(self, reason: str | None = None, store_error: Exception | None = None) -> None:
        self.reason = reason
        self.store_error = store_error
        self.checked: list[str] = []
        self.stored: list[str] = []
        self.kept: list[str] = []

    async def check(self, key: str) -> str | None:
        self.checked.append(key)
        await asyncio.sleep(0)
        return self.reason

    def store(self, key: str) -> str:
        if self.store_error:
            raise self.store_error
        self.stored.append(key)
        return "the test keychain"

    def keep(self, key: str) -> None:
        self.kept.append(key)


def make_dialog(qtbot: Any, calls: Calls, problem: str | None = None) -> KeyDialog:
    dialog = KeyDialog(calls.check, store=calls.store, keep_for_session=calls.keep, problem=problem)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_key_and_enter(qtbot: Any, dialog: KeyDialog, key: str = KEY) -> None:
    qtbot.keyClicks(dialog.key_edit, key)
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Return)  # the default button: Check and save


@pytest.fixture(autouse=True)
def loop(qt_loop: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return qt_loop


def test_a_refused_key_shows_the_reason(qtbot: Any) -> None:
    calls = Calls(reason="The key was not accepted (401). Check that you copied all of it.")
    dialog = make_dialog(qtbot, calls)
    type_key_and_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: "401" in dialog.status.text() and not dialog.busy)
    assert dialog.status.text() == calls.reason
    assert calls.checked == [KEY] and calls.stored == []
    assert dialog.isVisible() and dialog.key_edit.isEnabled()
    assert not dialog.session_button.isVisible()


def test_a_malformed_key_is_refused_before_any_call(qtbot: Any) -> None:
    calls = Calls()
    dialog = make_dialog(qtbot, calls)
    type_key_and_enter(qtbot, dialog, "sk-ant-two words")
    qtbot.waitUntil(lambda: "one word" in dialog.status.text())
    assert calls.checked == [] and dialog.isVisible()


def test_a_good_key_is_checked_then_stored(qtbot: Any) -> None:
    calls = Calls()
    dialog = make_dialog(qtbot, calls)
    with qtbot.waitSignal(dialog.key_saved, timeout=5000) as saved:
        type_key_and_enter(qtbot, dialog, f"  {KEY}  ")  # pasted with spaces around
    assert saved.args == ["keychain"]
    assert calls.checked == [KEY] and calls.stored == [KEY]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_no_keychain_offers_this_session_only(qtbot: Any) -> None:
    calls = Calls(store_error=KeychainUnavailable("the keychain is locked"))
    dialog = make_dialog(qtbot, calls)
    type_key_and_enter(qtbot, dialog)
    qtbot.waitUntil(dialog.session_button.isVisible)
    text = dialog.status.text()
    assert text.startswith("No usable keychain: the keychain is locked")
    assert "ANTHROPIC_API_KEY" in text and "this session only" in text
    with qtbot.waitSignal(dialog.key_saved, timeout=5000) as saved:
        qtbot.keyClick(dialog.session_button, Qt.Key.Key_Space)
    assert saved.args == ["session"]
    assert calls.kept == [KEY] and calls.checked == [KEY]  # not checked twice


def test_a_problem_known_at_start_is_shown(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Calls(), problem="No usable keychain: D-Bus is missing.")
    assert dialog.status.text() == "No usable keychain: D-Bus is missing."
    assert dialog.session_button.isVisible()


def test_the_key_is_hidden_until_asked(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Calls())
    assert dialog.key_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClick(dialog.show_button, Qt.Key.Key_Space)
    assert dialog.key_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.show_button.text() == "Hide"
    qtbot.keyClick(dialog.show_button, Qt.Key.Key_Space)
    assert dialog.key_edit.echoMode() == QLineEdit.EchoMode.Password


def test_escape_cancels_even_during_a_check(qtbot: Any) -> None:
    never: asyncio.Future[str | None] = asyncio.get_event_loop().create_future()

    async def check(key: str) -> str | None:
        return await never

    calls = Calls()
    dialog = KeyDialog(check, store=calls.store, keep_for_session=calls.keep)
    qtbot.addWidget(dialog)
    dialog.show()
    type_key_and_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.busy)
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert calls.stored == [] and never.cancelled()


def test_a_link_tells_where_to_get_a_key(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Calls())
    assert "https://console.anthropic.com/settings/keys" in dialog.link.text()
    assert dialog.link.openExternalLinks()


def test_every_control_is_named_for_assistive_tech(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Calls(), problem="x")
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
    ]
    assert controls and all(w.accessibleName() for w in controls)
    assert dialog.focusWidget() is dialog.key_edit

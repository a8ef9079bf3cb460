"""Confirming a new MCP server's command line, by keys: Don't run unless Run is chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_chat.core.keymap import Keymap
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.ui.server_confirm_dialog import ServerConfirmDialog

GIT = ServerConfig(
    "git",
    command="uvx",
    args=("mcp-server-git", "--repository", "/home/me/my project"),
    env={"GIT_TOKEN": "keychain:git-token", "LANG": "C"},
)


def make_dialog(qtbot: Any, server: ServerConfig = GIT, keymap: Keymap | None = None) -> Any:
    dialog = ServerConfirmDialog(server, keymap=keymap)
    qtbot.addWidget(dialog)
    answers: list[bool] = []
    dialog.decided.connect(answers.append)
    dialog.answers = answers
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # mnemonics are shortcuts: they need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_it_shows_the_name_the_full_command_line_and_what_it_means(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    assert "“git”" in dialog.heading.text() and "“git”" in dialog.windowTitle()
    assert dialog.command.toPlainText() == "uvx mcp-server-git --repository '/home/me/my project'"
    assert dialog.command.isReadOnly()
    assert dialog.command.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert "will run on your computer with your permissions" in dialog.meaning.text()
    assert dialog.environment.text() == (
        "With these environment variables: GIT_TOKEN (from the keychain), LANG."
    )
    assert "C" not in dialog.environment.text().split(": ")[1].split(", ")  # no values shown
    assert dialog.hint_label.text().startswith("Esc does not run it.")


def test_enter_does_not_run_it(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.dont_run_button.isDefault() and dialog.focusWidget() is dialog.dont_run_button
    qtbot.keyClick(dialog.command, Qt.Key.Key_Return)
    assert dialog.answers == [False] and dialog.result() == QDialog.DialogCode.Rejected


def test_escape_does_not_run_it(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.answers == [False] and not dialog.isVisible()


def test_run_by_its_mnemonic(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(dialog.answers), timeout=2000)
    assert dialog.answers == [True] and dialog.result() == QDialog.DialogCode.Accepted


def test_run_by_tab_then_space(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.run_button
    qtbot.keyClick(dialog.run_button, Qt.Key.Key_Space)
    assert dialog.answers == [True]


def test_it_decides_once(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    dialog.on_run()
    dialog.on_dont_run()
    dialog.close()
    assert dialog.answers == [True]
    closed = make_dialog(qtbot)
    closed.close()
    closed.on_run()
    assert closed.answers == [False]


def test_an_http_server_shows_its_address(qtbot: Any) -> None:
    server = ServerConfig("docs", url="https://example.com/mcp")
    dialog = make_dialog(qtbot, server)
    assert dialog.command.toPlainText() == "https://example.com/mcp"
    assert dialog.command.accessibleName() == "Address"
    assert not dialog.environment.isVisible()
    assert "connect to this address" in dialog.meaning.text()


def test_the_hint_names_the_key_in_force(qtbot: Any) -> None:
    keymap = Keymap()
    keymap.bindings = {**keymap.bindings, "close": ("Ctrl+W",)}
    dialog = make_dialog(qtbot, keymap=keymap)
    assert dialog.hint_label.text().startswith("Ctrl+W does not run it.")


def test_every_control_is_named(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
    ]
    assert len(controls) >= 3 and all(w.accessibleName() for w in controls)

"""The approval dialog, driven by keys: every choice, the full arguments, Enter's safety."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_chat.core.keymap import Keymap
from desktop_chat.core.tools.approval import ApprovalRequest, Choice, Decision
from desktop_chat.ui.approval_dialog import ApprovalDialog

ALT = Qt.KeyboardModifier.AltModifier


def request(**changes: Any) -> ApprovalRequest:
    values: dict[str, Any] = {
        "conversation_id": "c1",
        "tool_use_id": "toolu_1",
        "server": "time",
        "tool": "get_current_time",
        "api_name": "get_current_time",
        "title": "Get current time",
        "description": "Get the current time in a given time zone.",
        "arguments": {"timezone": "Europe/Paris"},
        "annotations": {"read_only_hint": True},
    }
    values.update(changes)
    return ApprovalRequest(**values)


def make_dialog(qtbot: Any, req: ApprovalRequest, keymap: Keymap | None = None) -> Any:
    dialog = ApprovalDialog(req, keymap=keymap)
    qtbot.addWidget(dialog)
    decisions: list[Decision] = []
    dialog.decided.connect(decisions.append)
    dialog.decisions = decisions
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # mnemonics are shortcuts: they need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def press_mnemonic(qtbot: Any, dialog: ApprovalDialog, key: Qt.Key) -> None:
    """Alt+key; a button's mnemonic clicks it after a short animation."""
    qtbot.keyClick(dialog.focusWidget(), key, ALT)
    qtbot.waitUntil(lambda: bool(dialog.decisions), timeout=2000)


def test_it_shows_server_tool_description_hints_and_arguments(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    assert dialog.server_label.text() == "time"
    assert dialog.tool_label.text() == "Get current time (get_current_time)"
    assert dialog.description_label.text() == "Get the current time in a given time zone."
    assert dialog.hints_label.text() == "read-only"
    assert not dialog.destructive_label.isVisible()
    assert json.loads(dialog.arguments.toPlainText()) == {"timezone": "Europe/Paris"}
    assert dialog.arguments.isReadOnly()
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert dialog.arguments.font().family() == fixed.family()
    assert "3 lines, 32 characters" in dialog.size_label.text()


def test_server_text_is_shown_as_plain_text_never_as_markup(qtbot: Any) -> None:
    sneaky = "<b>Safe</b><span style='display:none'>rm -rf</span>"
    dialog = make_dialog(qtbot, request(description=sneaky, title=None, api_name="time__x"))
    assert dialog.description_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.description_label.text() == sneaky
    assert dialog.tool_label.text() == "time__x — the server calls it get_current_time"


def test_huge_arguments_are_all_there_scrollable_and_their_size_is_said(qtbot: Any) -> None:
    args = {f"line{i:03}": "x" * 200 for i in range(300)}
    dialog = make_dialog(qtbot, request(arguments=args))
    text = dialog.arguments.toPlainText()
    assert json.loads(text) == args and text == request(arguments=args).arguments_json()
    assert "302 lines" in dialog.size_label.text()
    assert "scroll to read all of them" in dialog.size_label.text()
    assert dialog.arguments.verticalScrollBar().maximum() > 0


def test_enter_allows_once(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    assert dialog.allow_once_button.isDefault() and dialog.allow_once_button.hasFocus()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.decisions == [Decision.allow_once()]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_the_mnemonics_choose(qtbot: Any) -> None:
    for key, choice in [
        (Qt.Key.Key_O, Choice.ALLOW_ONCE),
        (Qt.Key.Key_C, Choice.ALLOW_CONVERSATION),
        (Qt.Key.Key_A, Choice.ALLOW_ALWAYS),
        (Qt.Key.Key_D, Choice.DENY),
    ]:
        dialog = make_dialog(qtbot, request())
        press_mnemonic(qtbot, dialog, key)
        assert dialog.decisions == [Decision(choice)], key


def test_alt_g_goes_to_the_arguments(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_G, ALT)
    assert dialog.focusWidget() is dialog.arguments and dialog.decisions == []


def test_deny_with_a_reason_typed_then_enter(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_R, ALT)  # to the reason line
    assert dialog.reason_edit.hasFocus()
    qtbot.keyClicks(dialog.reason_edit, "  Use UTC instead. ")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # denies, though Allow is default
    assert dialog.decisions == [Decision.deny("Use UTC instead.")]
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_escape_denies_without_a_reason(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    qtbot.keyClicks(dialog.reason_edit, "half typed")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    assert dialog.decisions == [Decision.deny()]
    assert "Esc denies" in dialog.hint_label.text()


def test_closing_in_any_way_denies_once(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    dialog.close()
    dialog.reject()
    dialog.on_allow_once()
    assert dialog.decisions == [Decision.deny()]


def test_a_choice_is_given_once(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    press_mnemonic(qtbot, dialog, Qt.Key.Key_A)
    dialog.on_deny()
    dialog.close()
    assert dialog.decisions == [Decision(Choice.ALLOW_ALWAYS)]


def test_a_destructive_tool_is_called_out_and_enter_denies(qtbot: Any) -> None:
    req = request(
        tool="delete_pod",
        api_name="delete_pod",
        title=None,
        annotations={"destructive_hint": True},
        destructive=True,
        grantable=False,
    )
    dialog = make_dialog(qtbot, req)
    assert dialog.destructive_label.isVisible()
    assert dialog.destructive_label.text().startswith("Destructive")
    assert dialog.hints_label.text() == "destructive"
    assert dialog.deny_button.isDefault() and not dialog.allow_once_button.isDefault()
    assert dialog.deny_button.hasFocus()
    assert not dialog.allow_conversation_button.isVisible()
    assert not dialog.allow_always_button.isVisible()
    qtbot.keyClick(dialog.arguments, Qt.Key.Key_Return)
    assert dialog.decisions == [Decision.deny()]


def test_grants_are_not_offered_when_not_grantable(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request(grantable=False))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, ALT)  # no such button shown
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_C, ALT)
    dialog.on_allow_always()
    qtbot.wait(250)  # longer than a mnemonic's animated click
    assert dialog.decisions == [] and dialog.isVisible()
    press_mnemonic(qtbot, dialog, Qt.Key.Key_O)
    assert dialog.decisions == [Decision.allow_once()]


def test_the_hint_names_the_key_in_force(qtbot: Any) -> None:
    keymap = Keymap()
    keymap.bindings = {**keymap.bindings, "close": ("Ctrl+W",)}
    dialog = make_dialog(qtbot, request(), keymap)
    assert dialog.hint_label.text() == "Ctrl+W denies without a reason."


def test_every_control_is_named_and_tab_goes_in_order(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, request())
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
    ]
    assert controls and all(w.accessibleName() for w in controls), [
        type(w).__name__ for w in controls if not w.accessibleName()
    ]
    chain = [
        dialog.arguments,
        dialog.allow_once_button,
        dialog.allow_conversation_button,
        dialog.allow_always_button,
        dialog.reason_edit,
        dialog.deny_button,
    ]
    dialog.arguments.setFocus()
    order = [dialog.focusWidget()]
    for _ in chain[1:]:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order == chain

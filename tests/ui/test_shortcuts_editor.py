"""The shortcuts editor, driven by keys: conflicts refused with the reason, good keys saved."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from desktop_chat.core.keybindings import conflicts, normalize, shortcuts_path
from desktop_chat.core.keymap import ACTIONS
from desktop_chat.ui.command_palette import native_text
from desktop_chat.ui.shortcuts_editor import SHORTCUT, ShortcutsDialog, ShortcutsEditor

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def quick_type_ahead(qapp: QApplication) -> Iterator[None]:
    """A short type-ahead pause, so that each ``choose()`` starts a new search quickly."""
    old = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(40)
    yield
    QApplication.setKeyboardInputInterval(old)


@pytest.fixture
def editor(qtbot: Any) -> ShortcutsEditor:
    widget = ShortcutsEditor(ACTIONS)
    qtbot.addWidget(widget)
    widget.resize(640, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.tree.setFocus()
    return widget


def choose(qtbot: Any, editor: ShortcutsEditor, title: str) -> None:
    """Pick a row the way a user does: type the start of its title in the list."""
    qtbot.wait(QApplication.keyboardInputInterval() + 10)  # a new type-ahead search
    qtbot.keyClicks(editor.tree, title)
    item = editor.tree.currentItem()
    assert item is not None and item.text(0) == title


def change(qtbot: Any, editor: ShortcutsEditor, key: Qt.Key, modifiers: Any = CTRL) -> None:
    qtbot.keyClick(editor.tree, Qt.Key.Key_Return)
    assert editor.capture_box.isVisible() and editor.capture.hasFocus()
    qtbot.keyClick(editor.capture, key, modifiers)


def shown(editor: ShortcutsEditor, title: str) -> str:
    items = editor.tree.findItems(title, Qt.MatchFlag.MatchExactly)
    return items[0].text(SHORTCUT)


def press(qtbot: Any, button: QWidget) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


# section: the table itself


def test_the_default_keymap_has_no_conflict() -> None:
    assert conflicts(ACTIONS, {}) == []


def test_the_normaliser_agrees_with_qt_on_every_default() -> None:
    for action in ACTIONS:
        for shortcut in action.shortcuts:
            qt_text = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.PortableText)
            assert qt_text == shortcut  # the table is written as Qt writes it
            assert normalize(shortcut) == qt_text


# section: changing keys


def test_a_conflicting_key_is_refused_with_the_reason(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_R)
    assert editor.message.isVisible()
    assert editor.message.text() == (
        f"Not changed: {native_text('Ctrl+R')} is already “Regenerate the last reply”."
    )
    assert shown(editor, "New chat") == native_text("Ctrl+N")
    assert not editor.has_changes() and not editor.save_button.isEnabled()
    assert editor.tree.hasFocus() and not editor.capture_box.isVisible()


def test_a_valid_key_is_saved_to_the_file(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_T)
    assert shown(editor, "New chat") == native_text("Ctrl+T")
    assert editor.message.text() == f"“New chat” is now {native_text('Ctrl+T')}. Save to keep it."
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.changed, timeout=1000) as blocker:
        press(qtbot, editor.save_button)
    assert json.loads(shortcuts_path().read_text(encoding="utf-8")) == {
        "version": 1,
        "shortcuts": {"new_chat": ["Ctrl+T"]},
    }
    bindings = blocker.args[0]
    assert bindings["new_chat"] == ("Ctrl+T",) and bindings["regenerate"] == ("Ctrl+R",)
    assert set(bindings) == {a.id for a in ACTIONS}
    assert not editor.has_changes() and editor.message.text() == "Shortcuts saved."


def test_a_freed_key_can_be_given_to_another_action(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "Regenerate the last reply")
    change(qtbot, editor, Qt.Key.Key_G)
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_R)
    assert shown(editor, "New chat") == native_text("Ctrl+R")
    assert editor.overrides() == {"regenerate": ("Ctrl+G",), "new_chat": ("Ctrl+R",)}
    # Now the default of "Regenerate" is taken: resetting it is refused, with the reason.
    choose(qtbot, editor, "Regenerate the last reply")
    press(qtbot, editor.reset_button)
    assert editor.message.text() == f"Not changed: {native_text('Ctrl+R')} is already “New chat”."
    press(qtbot, editor.reset_all_button)
    assert editor.overrides() == {}
    assert shown(editor, "New chat") == native_text("Ctrl+N")


def test_keys_the_message_box_needs_are_refused(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_V)
    assert editor.message.text() == (
        f"Not changed: {native_text('Ctrl+V')} pastes; it cannot be used for “New chat”."
    )
    change(qtbot, editor, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert "is already “Send the message”" in editor.message.text()


def test_esc_cancels_the_capture(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert not editor.capture_box.isVisible() and editor.tree.hasFocus()
    assert shown(editor, "New chat") == native_text("Ctrl+N") and not editor.has_changes()


def test_delete_removes_a_shortcut_and_reset_brings_it_back(
    qtbot: Any, editor: ShortcutsEditor
) -> None:
    choose(qtbot, editor, "Stop the reply")
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert shown(editor, "Stop the reply") == "—"
    assert editor.overrides() == {"stop": ()}
    assert editor.reset_button.isEnabled() and not editor.remove_button.isEnabled()
    press(qtbot, editor.reset_button)
    assert shown(editor, "Stop the reply") == native_text("Esc")
    assert not editor.has_changes()


def test_setting_the_default_again_is_no_change(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_T)
    change(qtbot, editor, Qt.Key.Key_N)
    assert editor.overrides() == {} and not editor.has_changes()


def test_saving_no_shortcut_and_reset_all(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "Keyboard shortcuts")
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    press(qtbot, editor.save_button)
    saved = json.loads(shortcuts_path().read_text(encoding="utf-8"))
    assert saved == {"version": 1, "shortcuts": {"help": []}}
    press(qtbot, editor.reset_all_button)
    with qtbot.waitSignal(editor.changed, timeout=1000) as blocker:
        press(qtbot, editor.save_button)
    assert json.loads(shortcuts_path().read_text(encoding="utf-8"))["shortcuts"] == {}
    assert blocker.args[0]["help"] == ("F1", "Ctrl+/")


# section: the file and failures


def test_saved_overrides_are_loaded_and_shown(qtbot: Any, app_home: Path) -> None:
    path = shortcuts_path()
    path.write_text(json.dumps({"version": 1, "shortcuts": {"find": ["Ctrl+J"]}}), "utf-8")
    editor = ShortcutsEditor(ACTIONS)
    qtbot.addWidget(editor)
    assert shown(editor, "Find in the conversation") == native_text("Ctrl+J")
    assert editor.bindings()["find"] == ("Ctrl+J",)
    assert not editor.message.isVisibleTo(editor)


def test_a_corrupt_file_is_said_and_the_defaults_shown(qtbot: Any, app_home: Path) -> None:
    shortcuts_path().write_text("{oops", encoding="utf-8")
    editor = ShortcutsEditor(ACTIONS)
    qtbot.addWidget(editor)
    assert editor.message.text().startswith("The shortcuts file is not valid")
    assert editor.message.isVisibleTo(editor)
    assert shown(editor, "New chat") == native_text("Ctrl+N")


def test_a_failed_save_says_why(qtbot: Any) -> None:
    def failing(_overrides: Mapping[str, Sequence[str]]) -> None:
        raise OSError("disk full")

    editor = ShortcutsEditor(ACTIONS, {}, save=failing)
    qtbot.addWidget(editor)
    editor.show()
    editor.tree.setFocus()
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_T)
    with qtbot.assertNotEmitted(editor.changed):
        press(qtbot, editor.save_button)
    assert editor.message.text() == "Could not save the shortcuts: disk full"
    assert editor.has_changes()


# section: focus and names


def test_tab_order_and_accessible_names(qtbot: Any, editor: ShortcutsEditor) -> None:
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_T)  # now every button can be used
    order = [QApplication.focusWidget()]
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        editor.tree,
        editor.change_button,
        editor.remove_button,
        editor.reset_button,
        editor.reset_all_button,
        editor.save_button,
        editor.tree,
    ]
    for widget in [editor, editor.capture, editor.message, *order]:
        assert widget.accessibleName(), widget


def test_the_dialog_keeps_esc_for_the_capture(qtbot: Any) -> None:
    dialog = ShortcutsDialog(ACTIONS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    editor = dialog.editor
    editor.tree.setFocus()
    choose(qtbot, editor, "New chat")
    change(qtbot, editor, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert dialog.isVisible()  # Esc cancelled the capture, not the dialog
    change(qtbot, editor, Qt.Key.Key_T)
    with qtbot.waitSignal(dialog.changed, timeout=1000):
        press(qtbot, editor.save_button)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

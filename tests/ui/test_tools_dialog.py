"""The Tools (MCP) dialog, driven by keys: servers, mcp.json, import, grants, tool settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget

from desktop_chat.core.keymap import Keymap
from desktop_chat.core.settings import Settings, load_settings, save_settings
from desktop_chat.core.tools.config import config_path
from desktop_chat.core.tools.grants import Grants
from desktop_chat.core.tools.naming import ToolInfo
from desktop_chat.core.tools.servers import ServerState, ServerStatus
from desktop_chat.ui.tools_dialog import ToolsDialog

ALT = Qt.KeyboardModifier.AltModifier
CONFIG = {
    "mcpServers": {
        "time": {"command": "uvx", "args": ["mcp-server-time"]},
        "git": {"command": "uvx", "args": ["mcp-server-git"], "disabled": True},
        "broken": {"command": "./no-such-server"},
        "bad": {"command": "uvx", "args": "mcp-server-fetch"},
    }
}
TIME_TOOLS = (ToolInfo("time", "get_current_time"), ToolInfo("time", "convert_time"))


def write_config(data: object) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


class Recorded:
    """What the dialog said by its signals, and what was saved."""

    def __init__(self) -> None:
        self.settings: list[Settings] = []
        self.servers_changed = 0
        self.grants_changed = 0
        self.saved: list[Settings] = []
        self.picked: list[Path | None] = []

    def pick(self, _parent: QWidget, _start: Path) -> Path | None:
        return self.picked.pop(0) if self.picked else None

    def save(self, settings: Settings) -> None:
        self.saved.append(settings)
        save_settings(settings)


@pytest.fixture
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture
def grants(app_home: Path) -> Grants:
    return Grants()


def make_dialog(
    qtbot: Any,
    recorded: Recorded,
    grants: Grants,
    statuses: list[ServerStatus] | None = None,
    settings: Settings | None = None,
    keymap: Keymap | None = None,
) -> ToolsDialog:
    dialog = ToolsDialog(
        settings or Settings(),
        grants,
        statuses or [],
        save=recorded.save,
        pick_file=recorded.pick,
        conversation_title={"c1": "Trip to Lyon"}.get,
        keymap=keymap,
    )
    qtbot.addWidget(dialog)
    dialog.settings_changed.connect(recorded.settings.append)

    def count(name: str) -> None:
        setattr(recorded, name, getattr(recorded, name) + 1)

    dialog.servers_changed.connect(lambda: count("servers_changed"))
    dialog.grants_changed.connect(lambda: count("grants_changed"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # mnemonics are shortcuts: they need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def press(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def retype(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


# section: servers


def test_servers_are_listed_with_state_tools_and_what_went_wrong(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    write_config(CONFIG)
    statuses = [
        ServerStatus("time", ServerState.READY, TIME_TOOLS, command_line="uvx mcp-server-time"),
        ServerStatus(
            "broken",
            ServerState.FAILED,
            message="It stopped twice; not restarted again.",
            last_words="Traceback …\nModuleNotFoundError: No module named 'x'",
            command_line="./no-such-server",
        ),
    ]
    dialog = make_dialog(qtbot, recorded, grants, statuses)
    assert dialog.server_list.rows() == [
        ["time", "Ready", "2", ""],
        ["git", "Turned off", "", ""],
        ["broken", "Failed", "", "It stopped twice; not restarted again."],
    ]
    assert dialog.problems.isVisible()
    assert dialog.problems.text() == 'MCP server "bad", field "args": must be a list of texts'
    tree = dialog.server_list.tree
    tree.setFocus()
    assert "Tools: get_current_time, convert_time" in dialog.server_list.details.toPlainText()
    qtbot.keyClick(tree, Qt.Key.Key_End)
    details = dialog.server_list.details.toPlainText()
    assert "Runs: ./no-such-server" in details and "It stopped twice" in details
    assert "Its last words:\nTraceback …\nModuleNotFoundError: No module named 'x'" in details


def test_a_status_that_arrives_updates_its_row(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    write_config(CONFIG)
    dialog = make_dialog(qtbot, recorded, grants)
    assert dialog.server_list.rows()[0] == ["time", "Not started", "", ""]
    dialog.on_server_status(ServerStatus("time", ServerState.STARTING))
    assert dialog.server_list.rows()[0] == ["time", "Starting…", "", ""]
    dialog.on_server_status(ServerStatus("time", ServerState.READY, TIME_TOOLS))
    assert dialog.server_list.rows()[0] == ["time", "Ready", "2", ""]
    dialog.on_server_status(ServerStatus("time", ServerState.READY))
    assert dialog.server_list.rows()[0] == ["time", "Ready", "0", ""]
    dialog.on_server_status(ServerStatus("time", ServerState.FAILED, last_words="a\nboom\n"))
    assert dialog.server_list.rows()[0] == ["time", "Failed", "", "boom"]  # no message: its last
    dialog.on_server_status(ServerStatus("new", ServerState.UNCONFIRMED))
    assert dialog.server_list.rows()[-1] == ["new", "Waiting for you to confirm", "", ""]


def test_with_no_config_it_says_what_to_do(qtbot: Any, recorded: Recorded, grants: Grants) -> None:
    dialog = make_dialog(qtbot, recorded, grants)
    assert dialog.server_list.rows() == [] and not dialog.problems.isVisible()
    assert "No MCP server is configured" in dialog.server_list.details.toPlainText()


# section: mcp.json


def test_a_bad_entry_is_refused_with_name_field_and_reason_and_the_text_kept(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    dialog = make_dialog(qtbot, recorded, grants)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_E, ALT)  # Edit mcp.json…
    editor = dialog.editor
    qtbot.waitUntil(editor.isVisible, timeout=2000)  # (a mnemonic clicks after an animation)
    assert editor.isVisible() and editor.text.hasFocus()
    assert json.loads(editor.text.toPlainText()) == {"mcpServers": {}}
    typed = '{"mcpServers": {"time": {"command": "uvx", "env": {"TZ": 1}}}}'
    retype(qtbot, editor.text, typed)
    press(qtbot, editor.save_button)
    assert editor.problems.text() == (
        'Not saved:\n• MCP server "time", field "env.TZ": must be text (put numbers in quotes)'
    )
    assert editor.text.toPlainText() == typed and editor.isVisible()
    assert not config_path().exists() and recorded.servers_changed == 0

    retype(qtbot, editor.text, '{"mcpServers": {"time": ')
    press(qtbot, editor.save_button)
    assert editor.problems.text().startswith("Not saved: this is not valid JSON (line 1, column")
    assert editor.text.toPlainText() == '{"mcpServers": {"time": '


def test_a_good_config_is_saved_and_the_servers_restarted(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    write_config(CONFIG)
    dialog = make_dialog(qtbot, recorded, grants)
    press(qtbot, dialog.edit_button)
    good = {"mcpServers": {"time": {"command": "uvx", "args": ["mcp-server-time"]}}}
    retype(qtbot, dialog.editor.text, json.dumps(good))
    qtbot.keyClick(dialog.editor.text, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: recorded.servers_changed == 1, timeout=2000)
    assert json.loads(config_path().read_text(encoding="utf-8")) == good
    assert not dialog.editor.isVisible() and "mcp.json saved" in dialog.status.text()
    assert dialog.server_list.rows() == [["time", "Not started", "", ""]]
    assert not dialog.problems.isVisible()  # the bad entry went with the edit


def test_a_file_that_was_not_json_is_kept_aside_when_saved(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    path = write_config('{"mcpServers": {"time": }')
    dialog = make_dialog(qtbot, recorded, grants)
    assert "is not valid JSON (line 1" in dialog.problems.text()
    press(qtbot, dialog.edit_button)
    assert dialog.editor.text.toPlainText() == '{"mcpServers": {"time": }'  # as it was
    retype(qtbot, dialog.editor.text, '{"mcpServers": {}}')
    press(qtbot, dialog.editor.save_button)
    assert recorded.servers_changed == 1 and "was kept as" in dialog.status.text()
    kept = [p for p in path.parent.iterdir() if p.name.startswith("mcp.json.")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == '{"mcpServers": {"time": }'


def test_discard_drops_the_edits(qtbot: Any, recorded: Recorded, grants: Grants) -> None:
    write_config(CONFIG)
    dialog = make_dialog(qtbot, recorded, grants)
    press(qtbot, dialog.edit_button)
    qtbot.keyClicks(dialog.editor.text, "garbage")
    press(qtbot, dialog.editor.discard_button)
    assert not dialog.editor.isVisible() and dialog.edit_button.hasFocus()
    assert json.loads(config_path().read_text(encoding="utf-8")) == CONFIG
    press(qtbot, dialog.edit_button)
    assert "garbage" not in dialog.editor.text.toPlainText()


def test_esc_with_unsaved_edits_warns_once_then_closes(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    dialog = make_dialog(qtbot, recorded, grants)
    press(qtbot, dialog.edit_button)
    qtbot.keyClicks(dialog.editor.text, " ")
    qtbot.keyClick(dialog.editor.text, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.status.text() == (
        "mcp.json has changes that are not saved: save or discard them "
        "(Esc again closes without saving)."
    )
    qtbot.keyClick(dialog.editor.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# section: import


def test_import_a_claude_desktop_config(
    qtbot: Any, recorded: Recorded, grants: Grants, tmp_path: Path
) -> None:
    write_config({"mcpServers": {"time": {"command": "uvx", "args": ["mcp-server-time"]}}})
    theirs = tmp_path / "claude_desktop_config.json"
    theirs.write_text(
        json.dumps(
            {
                "mcpServers": {
                    "time": {"command": "uvx", "args": ["mcp-server-time"]},
                    "fetch": {"command": "uvx", "args": ["mcp-server-fetch"]},
                    "weird": {"url": "ftp://example.com"},
                },
                "globalShortcut": "Ctrl+Space",
            }
        ),
        encoding="utf-8",
    )
    recorded.picked = [theirs]
    dialog = make_dialog(qtbot, recorded, grants)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: recorded.servers_changed == 1, timeout=2000)
    assert dialog.status.text() == (
        'Imported: fetch. Already here: time. Not imported: MCP server "weird", field '
        '"url": must be an http:// or https:// address.'
    )
    assert [row[0] for row in dialog.server_list.rows()] == ["time", "fetch"]
    assert "fetch" in json.loads(config_path().read_text(encoding="utf-8"))["mcpServers"]


def test_import_nothing_when_the_picker_is_cancelled_or_the_editor_has_changes(
    qtbot: Any, recorded: Recorded, grants: Grants, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, recorded, grants)
    press(qtbot, dialog.import_button)  # cancelled: the picker gives nothing
    assert recorded.servers_changed == 0 and dialog.status.text() == ""
    press(qtbot, dialog.edit_button)
    qtbot.keyClicks(dialog.editor.text, " ")
    recorded.picked = [tmp_path / "x.json"]
    press(qtbot, dialog.import_button)
    assert dialog.status.text() == "Save or discard your changes to mcp.json first."
    assert recorded.picked  # not even asked


# section: grants


def test_grants_are_listed_and_revoked_by_keys(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    grants.grant("time", "get_current_time")
    grants.grant("git", "git_status", "c1")
    grants.grant("git", "git_log", "c2")
    dialog = make_dialog(qtbot, recorded, grants)
    buttons = dialog.grants_list.revoke_buttons
    names = [b.accessibleName() for b in buttons]
    assert names[0].startswith("Revoke: time · get_current_time: in every conversation (since")
    assert names[1].startswith("Revoke: git · git_status: in “Trip to Lyon” only")
    assert names[2].startswith("Revoke: git · git_log: in one conversation only")
    press(qtbot, buttons[1])
    assert [(g.server, g.tool) for g in grants.list()] == [
        ("time", "get_current_time"),
        ("git", "git_log"),
    ]
    assert [(g.tool) for g in Grants().list()] == ["get_current_time", "git_log"]  # on disk
    assert recorded.grants_changed == 1
    assert dialog.focusWidget() is dialog.grants_list.revoke_buttons[1]  # the next one
    assert dialog.status.text().startswith("Revoked: git · git_status")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, ALT)  # Revoke all
    qtbot.waitUntil(lambda: recorded.grants_changed == 2, timeout=2000)
    assert grants.list() == [] and dialog.grants_list.revoke_buttons == []
    assert not dialog.grants_list.revoke_all_button.isEnabled()
    assert dialog.status.text() == "Revoked 2 permissions."


def test_a_grant_made_elsewhere_shows_when_told(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    dialog = make_dialog(qtbot, recorded, grants)
    assert dialog.grants_list.revoke_buttons == []
    grants.grant("time", "convert_time")
    dialog.on_grants_changed()
    assert len(dialog.grants_list.revoke_buttons) == 1


# section: settings


def test_the_tool_settings_are_shown_saved_and_said(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    base = Settings(model="claude-opus-4-8", max_retries=5)
    dialog = make_dialog(qtbot, recorded, grants, settings=base)
    assert not dialog.allow_read_only.isChecked()
    assert (dialog.timeout.value(), dialog.rounds.value()) == (60.0, 10)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_R, ALT)  # toggles the check box
    qtbot.waitUntil(lambda: bool(recorded.settings), timeout=2000)
    assert recorded.settings == [
        Settings(model="claude-opus-4-8", max_retries=5, tools_allow_read_only=True)
    ]
    retype(qtbot, dialog.timeout, "15")
    qtbot.keyClick(dialog.timeout, Qt.Key.Key_Tab)
    retype(qtbot, dialog.rounds, "4")
    qtbot.keyClick(dialog.rounds, Qt.Key.Key_Tab)
    expected = Settings(
        model="claude-opus-4-8",
        max_retries=5,
        tools_allow_read_only=True,
        tool_timeout_s=15.0,
        tool_rounds=4,
    )
    assert recorded.settings[-1] == expected and len(recorded.settings) == 3
    assert load_settings() == (expected, [])


def test_a_value_still_being_typed_counts_when_the_dialog_closes(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    dialog = make_dialog(
        qtbot, recorded, grants, settings=Settings(tool_rounds=3, tool_timeout_s=5)
    )
    assert (dialog.timeout.value(), dialog.rounds.value()) == (5.0, 3)
    retype(qtbot, dialog.rounds, "25")
    qtbot.keyClick(dialog.rounds, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert recorded.settings == [Settings(tool_rounds=25, tool_timeout_s=5)]


def test_closing_with_nothing_changed_saves_nothing(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    dialog = make_dialog(qtbot, recorded, grants)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert recorded.settings == [] and recorded.saved == []


def test_a_settings_file_that_cannot_be_written_is_said(
    qtbot: Any, grants: Grants, recorded: Recorded
) -> None:
    def fail(_settings: Settings) -> None:
        raise OSError(28, "No space left on device")

    recorded.save = fail  # type: ignore[method-assign]
    dialog = make_dialog(qtbot, recorded, grants)
    press(qtbot, dialog.allow_read_only)
    assert recorded.settings == []
    assert dialog.status.text().startswith("Could not save the settings:")


# section: keys


def test_the_hint_names_the_key_in_force(qtbot: Any, recorded: Recorded, grants: Grants) -> None:
    keymap = Keymap()
    keymap.bindings = {**keymap.bindings, "close": ("Ctrl+W",)}
    dialog = make_dialog(qtbot, recorded, grants, keymap=keymap)
    press(qtbot, dialog.edit_button)
    qtbot.keyClicks(dialog.editor.text, " ")
    dialog.reject()
    assert "(Ctrl+W again closes without saving)" in dialog.status.text()


def test_every_control_is_named_and_tab_goes_down_the_dialog(
    qtbot: Any, recorded: Recorded, grants: Grants
) -> None:
    write_config(CONFIG)
    grants.grant("time", "get_current_time")
    dialog = make_dialog(qtbot, recorded, grants)
    press(qtbot, dialog.edit_button)
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisible()
        and not isinstance(w.parent(), QAbstractSpinBox)
    ]
    assert controls and all(w.accessibleName() for w in controls), [
        type(w).__name__ for w in controls if not w.accessibleName()
    ]
    chain = [
        dialog.server_list.tree,
        dialog.server_list.details,
        dialog.edit_button,
        dialog.import_button,
        dialog.editor.text,
        dialog.editor.save_button,
        dialog.editor.discard_button,
        *dialog.grants_list.revoke_buttons,
        dialog.grants_list.revoke_all_button,
        dialog.allow_read_only,
        dialog.timeout,
        dialog.rounds,
        dialog.close_button,
    ]

    def control_with_focus() -> QWidget | None:
        widget = dialog.focusWidget()
        while widget is not None and widget not in chain:
            widget = widget.parentWidget()
        return widget

    dialog.server_list.tree.setFocus()
    order = [control_with_focus()]
    for _ in chain[1:]:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(control_with_focus())
    assert order == chain

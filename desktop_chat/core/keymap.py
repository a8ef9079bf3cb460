"""ONE table of the app's keyboard actions, and the names of the keys in force.

The window binds each action to its command of the same id (``ui.commands``); the help
overlay and the command palette read this same table, so what they show is what the keys do.
``scope="composer"`` actions are keys the message box handles itself (Enter sends there, but
is an ordinary key elsewhere); they are listed, and the palette can run them, but they are not
bound as window shortcuts. ``scope="local"`` keys belong to one widget (the sidebar's F2) and
cannot be rebound. Shortcuts are QKeySequence portable text: Ctrl is Cmd on macOS.

Every user-facing string that names a key asks :meth:`Keymap.text_for`, so that after the user
rebinds a key, the hints name the new one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from desktop_chat.core import keybindings

Scope = Literal["window", "composer", "local"]


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    section: str
    shortcuts: tuple[str, ...]
    scope: Scope = "window"


ACTIONS: tuple[Action, ...] = (
    # Writing
    Action("send", "Send the message", "Writing", ("Return",), "composer"),
    Action("newline", "New line in the message", "Writing", ("Shift+Return",), "composer"),
    Action("edit_last", "Edit the last question", "Writing", ("Up",), "composer"),
    Action("focus_composer", "Focus the message box", "Writing", ("Ctrl+L",)),
    Action("attach", "Attach files (images, PDFs, text)…", "Writing", ("Ctrl+Shift+A",)),
    # The reply
    Action("stop", "Stop the reply", "Reply", ("Esc",)),
    Action("regenerate", "Regenerate the last reply", "Reply", ("Ctrl+R",)),
    Action("continue", "Continue a cut-off reply", "Reply", ("Ctrl+Shift+Return",)),
    Action(
        "drop_refused",
        "Leave a refused exchange out of what is sent",
        "Reply",
        ("Ctrl+Shift+Backspace",),
    ),
    Action("previous_variant", "Show the previous variant", "Reply", ("Alt+Left",)),
    Action("next_variant", "Show the next variant", "Reply", ("Alt+Right",)),
    Action("copy_last_reply", "Copy the last reply", "Reply", ("Ctrl+Shift+C",)),
    Action("copy_last_code", "Copy the last code block", "Reply", ("Ctrl+Shift+;",)),
    # The conversation
    Action("find", "Find in the conversation", "Conversation", ("Ctrl+F",)),
    Action("find_next", "Find the next match", "Conversation", ("F3",)),
    Action("find_previous", "Find the previous match", "Conversation", ("Shift+F3",)),
    Action("previous_message", "Go to the previous message", "Conversation", ("Alt+Up",)),
    Action("next_message", "Go to the next message", "Conversation", ("Alt+Down",)),
    Action("export", "Export this conversation…", "Conversation", ("Ctrl+S",)),
    # Conversations
    Action("new_chat", "New chat", "Conversations", ("Ctrl+N",)),
    Action("search", "Search conversations", "Conversations", ("Ctrl+K",)),
    Action("next_chat", "Next chat", "Conversations", ("Ctrl+Tab",)),
    Action("previous_chat", "Previous chat", "Conversations", ("Ctrl+Shift+Tab",)),
    Action("export_all", "Export all conversations…", "Conversations", ("Ctrl+Shift+S",)),
    Action("rename_chat", "Rename the chat (in the list)", "Conversations", ("F2",), "local"),
    Action("delete_chat", "Delete the chat (in the list)", "Conversations", ("Del",), "local"),
    Action("undo_delete", "Undo deleting a chat", "Conversations", ("Ctrl+Z",), "local"),
    # The app
    Action("palette", "Command palette", "App", ("Ctrl+Shift+P",)),
    Action("help", "Keyboard shortcuts", "App", ("F1", "Ctrl+/")),
    Action("shortcuts", "Change keyboard shortcuts…", "App", ()),
    Action("toggle_inspector", "Show or hide the side pane", "App", ("Ctrl+E",)),
    Action("settings", "Settings…", "App", ("Ctrl+,",)),
    Action("tools", "Tools: MCP servers and permissions…", "App", ()),
    Action("api_key", "Change the API key…", "App", ("Ctrl+Shift+K",)),
    Action("quit", "Quit", "App", ("Ctrl+Q",)),
    Action("close", "Close a list, a bar or a dialog", "App", ("Esc",), "local"),
    Action("accept", "Press a dialog's default button", "App", ("Return",), "local"),
)

ACTIONS_BY_ID = {action.id: action for action in ACTIONS}
REBINDABLE = tuple(a for a in ACTIONS if a.scope == "window")

_MAC_MODIFIERS = (
    ("Ctrl+", "\u2318"),
    ("Alt+", "\u2325"),
    ("Shift+", "\u21e7"),
    ("Meta+", "\u2303"),
)


def display_text(shortcut: str, *, mac: bool = sys.platform == "darwin") -> str:
    """``shortcut`` (portable text) as a person reads it: Enter for Return, ⌘ on macOS."""
    text = shortcut.replace("Return", "Enter")
    if mac:
        for portable, symbol in _MAC_MODIFIERS:
            text = text.replace(portable, symbol)
    return text


class Keymap:
    """The shortcuts in force: the table's defaults, with the user's overrides.

    ``on_change`` callbacks run after :meth:`set_bindings` (the window rebinds its actions;
    hints are asked for again when next shown).
    """

    def __init__(self, overrides: keybindings.Bindings | None = None) -> None:
        self.overrides: keybindings.Bindings = dict(overrides or {})
        self.bindings = keybindings.effective(ACTIONS, self.overrides)
        self.on_change: list[Callable[[], None]] = []

    @classmethod
    def load(cls) -> tuple[Keymap, list[str]]:
        """The saved overrides (``shortcuts.json``) and what was wrong with the file."""
        overrides, problems = keybindings.load_overrides(REBINDABLE)
        return cls(overrides), problems

    def set_bindings(self, bindings: keybindings.Bindings) -> None:
        """New shortcuts for some actions (saved by the caller)."""
        self.bindings = {**self.bindings, **bindings}
        self.overrides = keybindings.minimal(ACTIONS, self.bindings)
        for callback in list(self.on_change):
            callback()

    def text_for(self, action_id: str) -> str:
        """The key that runs ``action_id`` now ("Ctrl+R"); when none is bound, how to find
        it in the palette."""
        shortcuts = self.bindings.get(action_id, ACTIONS_BY_ID[action_id].shortcuts)
        if shortcuts:
            return display_text(shortcuts[0])
        title = ACTIONS_BY_ID[action_id].title.rstrip("…")
        palette = self.bindings.get("palette", ())
        where = f" ({display_text(palette[0])})" if palette and action_id != "palette" else ""
        return f"\u201c{title}\u201d in the command palette{where}"

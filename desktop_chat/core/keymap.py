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
from desktop_chat.core.i18n import translate

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
    Action(
        "send",
        translate("Keymap", "Send the message"),
        translate("Keymap", "Writing"),
        ("Return",),
        "composer",
    ),
    Action(
        "newline",
        translate("Keymap", "New line in the message"),
        translate("Keymap", "Writing"),
        ("Shift+Return",),
        "composer",
    ),
    Action(
        "edit_last",
        translate("Keymap", "Edit the last question"),
        translate("Keymap", "Writing"),
        ("Up",),
        "composer",
    ),
    Action(
        "focus_composer",
        translate("Keymap", "Focus the message box"),
        translate("Keymap", "Writing"),
        ("Ctrl+L",),
    ),
    Action(
        "attach",
        translate("Keymap", "Attach files (images, PDFs, text)…"),
        translate("Keymap", "Writing"),
        ("Ctrl+Shift+A",),
    ),
    # The reply
    Action("stop", translate("Keymap", "Stop the reply"), translate("Keymap", "Reply"), ("Esc",)),
    Action(
        "regenerate",
        translate("Keymap", "Regenerate the last reply"),
        translate("Keymap", "Reply"),
        ("Ctrl+R",),
    ),
    Action(
        "continue",
        translate("Keymap", "Continue a cut-off reply"),
        translate("Keymap", "Reply"),
        ("Ctrl+Shift+Return",),
    ),
    Action(
        "drop_refused",
        translate("Keymap", "Leave a refused exchange out of what is sent"),
        translate("Keymap", "Reply"),
        ("Ctrl+Shift+Backspace",),
    ),
    Action(
        "previous_variant",
        translate("Keymap", "Show the previous variant"),
        translate("Keymap", "Reply"),
        ("Alt+Left",),
    ),
    Action(
        "next_variant",
        translate("Keymap", "Show the next variant"),
        translate("Keymap", "Reply"),
        ("Alt+Right",),
    ),
    Action(
        "copy_last_reply",
        translate("Keymap", "Copy the last reply"),
        translate("Keymap", "Reply"),
        ("Ctrl+Shift+C",),
    ),
    Action(
        "copy_last_code",
        translate("Keymap", "Copy the last code block"),
        translate("Keymap", "Reply"),
        ("Ctrl+Shift+;",),
    ),
    # The conversation
    Action(
        "find",
        translate("Keymap", "Find in the conversation"),
        translate("Keymap", "Conversation"),
        ("Ctrl+F",),
    ),
    Action(
        "find_next",
        translate("Keymap", "Find the next match"),
        translate("Keymap", "Conversation"),
        ("F3",),
    ),
    Action(
        "find_previous",
        translate("Keymap", "Find the previous match"),
        translate("Keymap", "Conversation"),
        ("Shift+F3",),
    ),
    Action(
        "previous_message",
        translate("Keymap", "Go to the previous message"),
        translate("Keymap", "Conversation"),
        ("Alt+Up",),
    ),
    Action(
        "next_message",
        translate("Keymap", "Go to the next message"),
        translate("Keymap", "Conversation"),
        ("Alt+Down",),
    ),
    Action(
        "export",
        translate("Keymap", "Export this conversation…"),
        translate("Keymap", "Conversation"),
        ("Ctrl+S",),
    ),
    Action(
        "web_search",
        translate("Keymap", "Web search on or off for this chat"),
        translate("Keymap", "Conversation"),
        ("Ctrl+Shift+W",),
    ),
    # Conversations
    Action(
        "new_chat",
        translate("Keymap", "New chat"),
        translate("Keymap", "Conversations"),
        ("Ctrl+N",),
    ),
    Action(
        "search",
        translate("Keymap", "Search conversations"),
        translate("Keymap", "Conversations"),
        ("Ctrl+K",),
    ),
    Action(
        "next_chat",
        translate("Keymap", "Next chat"),
        translate("Keymap", "Conversations"),
        ("Ctrl+Tab",),
    ),
    Action(
        "previous_chat",
        translate("Keymap", "Previous chat"),
        translate("Keymap", "Conversations"),
        ("Ctrl+Shift+Tab",),
    ),
    Action(
        "export_all",
        translate("Keymap", "Export all conversations…"),
        translate("Keymap", "Conversations"),
        ("Ctrl+Shift+S",),
    ),
    Action(
        "summary_chat",
        translate("Keymap", "New chat from a summary of this one"),
        translate("Keymap", "Conversations"),
        (),
    ),
    Action(
        "rename_chat",
        translate("Keymap", "Rename the chat (in the list)"),
        translate("Keymap", "Conversations"),
        ("F2",),
        "local",
    ),
    Action(
        "delete_chat",
        translate("Keymap", "Delete the chat (in the list)"),
        translate("Keymap", "Conversations"),
        ("Del",),
        "local",
    ),
    Action(
        "undo_delete",
        translate("Keymap", "Undo deleting a chat"),
        translate("Keymap", "Conversations"),
        ("Ctrl+Z",),
        "local",
    ),
    # The app
    Action(
        "palette",
        translate("Keymap", "Command palette"),
        translate("Keymap", "App"),
        ("Ctrl+Shift+P",),
    ),
    Action(
        "help",
        translate("Keymap", "Keyboard shortcuts"),
        translate("Keymap", "App"),
        ("F1", "Ctrl+/"),
    ),
    Action(
        "shortcuts",
        translate("Keymap", "Change keyboard shortcuts…"),
        translate("Keymap", "App"),
        (),
    ),
    Action(
        "zoom_in",
        translate("Keymap", "Larger chat text"),
        translate("Keymap", "App"),
        ("Ctrl+=", "Ctrl++"),
    ),
    Action(
        "zoom_out",
        translate("Keymap", "Smaller chat text"),
        translate("Keymap", "App"),
        ("Ctrl+-",),
    ),
    Action(
        "zoom_reset",
        translate("Keymap", "Chat text at the usual size"),
        translate("Keymap", "App"),
        ("Ctrl+0",),
    ),
    Action(
        "toggle_inspector",
        translate("Keymap", "Show or hide the side pane"),
        translate("Keymap", "App"),
        ("Ctrl+E",),
    ),
    Action("settings", translate("Keymap", "Settings…"), translate("Keymap", "App"), ("Ctrl+,",)),
    Action(
        "tools",
        translate("Keymap", "Tools: MCP servers and permissions…"),
        translate("Keymap", "App"),
        (),
    ),
    Action(
        "usage",
        translate("Keymap", "Usage and costs…"),
        translate("Keymap", "App"),
        ("Ctrl+Shift+U",),
    ),
    Action(
        "api_key",
        translate("Keymap", "Change the API key…"),
        translate("Keymap", "App"),
        ("Ctrl+Shift+K",),
    ),
    Action("quit", translate("Keymap", "Quit"), translate("Keymap", "App"), ("Ctrl+Q",)),
    Action(
        "close",
        translate("Keymap", "Close a list, a bar or a dialog"),
        translate("Keymap", "App"),
        ("Esc",),
        "local",
    ),
    Action(
        "accept",
        translate("Keymap", "Press a dialog's default button"),
        translate("Keymap", "App"),
        ("Return",),
        "local",
    ),
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

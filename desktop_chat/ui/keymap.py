"""ONE table of the app's keyboard actions: id, title, section, default shortcuts, scope.

The window binds each action to its handler of the same id (``MainWindow._handlers``); the
help overlay and the command palette read this same table, so what they show is what the
keys do. ``scope="composer"`` actions are keys the message box handles itself (Enter sends
there, but is an ordinary key elsewhere); they are listed, and the palette can run them, but
they are not bound as window shortcuts. Shortcuts are QKeySequence portable text: Ctrl is
Cmd on macOS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["window", "composer"]


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
    # The reply
    Action("stop", "Stop the reply", "Reply", ("Esc",)),
    Action("regenerate", "Regenerate the last reply", "Reply", ("Ctrl+R",)),
    Action("continue", "Continue a cut-off reply", "Reply", ("Ctrl+Shift+Return",)),
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
    # The app
    Action("palette", "Command palette", "App", ("Ctrl+Shift+P",)),
    Action("help", "Keyboard shortcuts", "App", ("F1", "Ctrl+/")),
    Action("shortcuts", "Change keyboard shortcuts…", "App", ()),
    Action("toggle_inspector", "Show or hide the side pane", "App", ("Ctrl+E",)),
    Action("settings", "Settings…", "App", ("Ctrl+,",)),
    Action("api_key", "Change the API key…", "App", ("Ctrl+Shift+K",)),
    Action("quit", "Quit", "App", ("Ctrl+Q",)),
)

ACTIONS_BY_ID = {action.id: action for action in ACTIONS}

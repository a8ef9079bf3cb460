"""ONE table of the window's keyboard actions: id, title, default shortcuts.

The window binds each action to the handler of the same id; the help overlay and the
command palette read this same table, so what they show is what the keys do.
Enter / Shift+Enter / Esc inside the composer belong to the composer itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    shortcuts: tuple[str, ...]  # QKeySequence portable text; Ctrl is Cmd on macOS


ACTIONS: tuple[Action, ...] = (
    Action("stop", "Stop the reply", ("Esc",)),
    Action("new_chat", "New chat", ("Ctrl+N",)),
    Action("search", "Search conversations", ("Ctrl+K",)),
    Action("next_chat", "Next chat", ("Ctrl+Tab",)),
    Action("previous_chat", "Previous chat", ("Ctrl+Shift+Tab",)),
    Action("export", "Export this conversation…", ("Ctrl+S",)),
    Action("export_all", "Export all conversations…", ("Ctrl+Shift+S",)),
    Action("focus_composer", "Focus the message box", ("Ctrl+L",)),
    Action("toggle_inspector", "Show or hide the side pane", ("Ctrl+E",)),
    Action("settings", "Settings…", ("Ctrl+,",)),
    Action("api_key", "Change the API key…", ("Ctrl+Shift+K",)),
    Action("quit", "Quit", ("Ctrl+Q",)),
)

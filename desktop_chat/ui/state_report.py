"""What the window shows, as data: the end-to-end tests read it from a file (no key in it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_chat.ui.main_window import MainWindow


def visible_state(window: MainWindow) -> dict[str, object]:
    """The transcript, the side pane, the status bar, the tool servers, what is asked."""
    return {
        **window.controller.visible_state(),
        "transcript": window.chat_view.toPlainText(),
        "side_pane": {key: label.text() for key, label in window.inspector.values.items()},
        "thinking": [
            s.body.toPlainText()
            for s in window.inspector.sections.values()
            if s.objectName() == "thinking"
        ],
        "status": window.statusBar().currentMessage(),
        "tool_servers": {
            name: str(status.state)
            for name, status in (window.tools.statuses.items() if window.tools else ())
        },
        "asking": window.dialogs.asking,
        "unsaved": window.controller.unsaved,
    }

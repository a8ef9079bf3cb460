"""How full the model's context window is, under the composer: exact after each reply, and
for the draft as the API counts it (debounced, in the background: typing never waits).

The draft is the composer's text and, when attachments exist, their content blocks:
``draft_blocks`` is the one hook for them (set it to a function returning the blocks, and
call :meth:`ContextMeter.on_draft_changed` when they change).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop_chat.core.context_budget import ContextFill, fill_text
from desktop_chat.core.i18n import translate

DEBOUNCE_MS = 600  # after the last key, the draft is counted


class ContextMeter(QWidget):
    """A bar and a line of words.

    Signals:
        count_requested(str, object): count this draft: its text and its content blocks.
    """

    count_requested = Signal(str, object)

    def __init__(self, draft_text: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("context_meter")
        self.draft_text = draft_text
        self.draft_blocks: Callable[[], list[dict[str, Any]]] = list
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setAccessibleName(translate("ContextMeter", "Context window used"))
        self.label = QLabel(self)
        self.label.setObjectName("context_meter_text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        self.web_label = QLabel(translate("ContextMeter", "Web search on"), self)
        self.web_label.setObjectName("web_search_on")
        self.web_label.setVisible(False)
        layout.addWidget(self.web_label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._count_now)
        self.fill = ContextFill(0, None)
        self.show_fill(self.fill)

    def set_web_tools(self, on: bool) -> None:
        """Say whether this conversation's replies may search the web."""
        self.web_label.setVisible(on)

    def on_draft_changed(self) -> None:
        """The draft changed (text or attachments): count it once typing pauses."""
        self._timer.start()

    def _count_now(self) -> None:
        self.count_requested.emit(self.draft_text(), self.draft_blocks())

    def show_fill(self, fill: ContextFill, *, draft: bool = False) -> None:
        """Draw ``fill``; ``draft``: it counts the draft too."""
        self.fill = fill
        share = fill.share or 0.0
        self.bar.setValue(min(1000, round(share * 1000)))
        words = fill_text(fill)
        if draft:
            words = translate("ContextMeter", "%1 with the draft").replace("%1", words)
        level = fill.level
        if level == "over":
            words = translate("ContextMeter", "%1: over the model's limit").replace("%1", words)
            color = "#c62828"
        elif level == "warn":
            words = translate("ContextMeter", "%1: nearly full").replace("%1", words)
            color = "#e08a00"
        else:
            color = ""
        self.label.setText(words)
        self.label.setStyleSheet(f"color: {color};" if color else "")
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}" if color else "")
        self.setToolTip(
            translate(
                "ContextMeter",
                "How much of the model's context window the next request fills."
                " Exact after each reply; the draft is counted by the API as you pause.",
            )
        )

    def on_bill(self, bill: Any) -> None:
        """A new bill (a reply, or another conversation): its exact fill."""
        self.show_fill(bill.context)
        if self.draft_text().strip() or self.draft_blocks():
            self.on_draft_changed()

    def on_draft_counted(self, fill: ContextFill) -> None:
        self.show_fill(fill, draft=True)

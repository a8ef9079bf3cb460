"""The side pane: thinking and tool input as they stream; how the reply ended, its figures."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.stream import TurnSnapshot

_DASH = "\u2013"  # en dash: "no value yet"


class CollapsibleText(QWidget):
    """A titled, foldable, read-only text box (one per thinking or tool block)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(title)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setAccessibleName(f"{title} text")
        self.body.setMinimumHeight(60)
        self.body.setMaximumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.toggle.toggled.connect(self.on_toggled)

    def on_toggled(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    def append(self, text: str) -> None:
        bar = self.body.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        cursor = QTextCursor(self.body.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        if at_bottom:
            bar.setValue(bar.maximum())

    def set_text(self, text: str) -> None:
        self.body.setPlainText(text)


class Inspector(QScrollArea):
    """Side pane for the current reply.

    Figures are redrawn from the snapshot at most every 100 ms while streaming, and once at
    the end; thinking and tool text are appended per delta.
    """

    FIELDS = (
        ("model", "Model"),
        ("request_id", "Request id"),
        ("stop_reason", "Stop reason"),
        ("input_tokens", "Input tokens"),
        ("output_tokens", "Output tokens"),
        ("cache_read", "Cache read"),
        ("cache_write", "Cache write"),
        ("ttft", "Time to first token"),
        ("tps", "Output tokens/s"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName("Reply details")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)
        inner = QWidget(self)
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(10, 10, 10, 10)
        title = QLabel("<b>Reply details</b>", inner)
        self._layout.addWidget(title)
        form_host = QWidget(inner)
        form = QFormLayout(form_host)
        form.setContentsMargins(0, 0, 0, 0)
        self.values: dict[str, QLabel] = {}
        for key, label in self.FIELDS:
            value = QLabel(_DASH, form_host)
            value.setObjectName(f"inspector_{key}")
            value.setAccessibleName(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            # Long values (request ids) are clipped, not allowed to widen the pane.
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            form.addRow(label, value)
            self.values[key] = value
        self._layout.addWidget(form_host)
        self._blocks_host = QWidget(inner)
        self._blocks = QVBoxLayout(self._blocks_host)
        self._blocks.setContentsMargins(0, 8, 0, 0)
        self._layout.addWidget(self._blocks_host)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.sections: dict[int, CollapsibleText] = {}
        self._snapshot: TurnSnapshot | None = None
        self._refresh = QTimer(self)
        self._refresh.setInterval(100)
        self._refresh.timeout.connect(self.on_refresh)

    # section: driven by the controller

    def begin(self, snapshot: TurnSnapshot) -> None:
        """A new reply: forget the last one's blocks and figures."""
        for section in self.sections.values():
            section.setParent(None)
            section.deleteLater()
        self.sections.clear()
        for value in self.values.values():
            value.setText(_DASH)
        self._snapshot = snapshot
        self._refresh.start()

    def on_block_started(self, index: int, block_type: str, name: str = "") -> None:
        if block_type == "thinking":
            n = sum(1 for s in self.sections.values() if s.objectName() == "thinking") + 1
            section = CollapsibleText(f"Thinking {n}", self._blocks_host)
            section.setObjectName("thinking")
        elif block_type == "redacted_thinking":
            section = CollapsibleText("Redacted thinking", self._blocks_host)
            section.setObjectName("redacted_thinking")
            section.set_text("(encrypted by the API; sent back unchanged)")
        elif block_type in ("tool_use", "server_tool_use"):
            section = CollapsibleText(f"Tool use: {name or '?'}", self._blocks_host)
            section.setObjectName("tool_use")
        else:
            return
        self._blocks.addWidget(section)
        self.sections[index] = section

    def on_thinking_delta(self, index: int, text: str) -> None:
        if index in self.sections:
            self.sections[index].append(text)

    def on_tool_input(self, index: int, partial_json: str) -> None:
        if index in self.sections:
            self.sections[index].set_text(partial_json)

    def on_block_stopped(self, index: int, snapshot: TurnSnapshot) -> None:
        section = self.sections.get(index)
        if section is None or section.objectName() != "tool_use":
            return
        block = snapshot.content[index]
        if "partial_json" in block:
            section.set_text(f"{block['partial_json']}\n\n(not valid JSON)")
        else:
            section.set_text(json.dumps(block.get("input", {}), indent=2, ensure_ascii=False))

    def finish(self, snapshot: TurnSnapshot) -> None:
        """The reply ended (completely or not): final figures; open tool input marked."""
        self._refresh.stop()
        for index, raw in snapshot.partial_json.items():
            if index in self.sections:
                self.sections[index].set_text(f"{raw}\n\n(incomplete JSON: the reply was cut)")
        self._snapshot = snapshot
        self.on_refresh()
        self._snapshot = None

    def show_message(self, message: Message) -> None:
        """An earlier reply's blocks and figures (a conversation was opened)."""
        snapshot = TurnSnapshot(
            content=message.content,
            model=message.model,
            request_id=message.request_id,
            stop_reason=message.stop_reason,
            stop_details=message.stop_details,
            usage=message.usage,
            completed=message.status is Status.COMPLETE,
        )
        self.begin(snapshot)
        for index, block in enumerate(message.content):
            self.on_block_started(index, str(block.get("type")), str(block.get("name", "")))
            if block.get("type") == "thinking":
                self.sections[index].set_text(block.get("thinking", ""))
            self.on_block_stopped(index, snapshot)
        self._refresh.stop()
        self.on_refresh()
        metrics = message.metrics
        self.values["ttft"].setText(
            _DASH if metrics.ttft_s is None else f"{metrics.ttft_s * 1000:.0f} ms"
        )
        tps = metrics.tokens_per_s
        self.values["tps"].setText(_DASH if tps is None else f"{tps:.1f}")
        self._snapshot = None

    def clear(self) -> None:
        """Nothing to show (a new conversation)."""
        self.begin(TurnSnapshot())
        self._refresh.stop()
        self._snapshot = None

    # section: figures

    def on_refresh(self) -> None:
        s = self._snapshot
        if s is None:
            return
        u = s.usage
        self.values["model"].setText(s.model or _DASH)
        self.values["request_id"].setText(s.request_id or _DASH)
        self.values["request_id"].setToolTip(s.request_id or "")
        streaming = self._refresh.isActive()
        stop = s.stop_reason or ("streaming…" if streaming else "none (the reply was cut)")
        if s.stop_reason == "refusal" and s.stop_details:
            stop += f" ({s.stop_details.get('category') or 'no category'})"
        self.values["stop_reason"].setText(stop)
        self.values["input_tokens"].setText(f"{u.input_tokens:,}")
        self.values["output_tokens"].setText(f"{u.output_tokens:,}")
        self.values["cache_read"].setText(f"{u.cache_read_input_tokens:,}")
        self.values["cache_write"].setText(f"{u.cache_creation_input_tokens:,}")
        ttft = s.ttft_s
        self.values["ttft"].setText(_DASH if ttft is None else f"{ttft * 1000:.0f} ms")
        tps = s.tokens_per_s
        self.values["tps"].setText(_DASH if tps is None else f"{tps:.1f}")

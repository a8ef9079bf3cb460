"""The side pane: thinking and tool input as they stream; how the reply ended, its figures."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
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

from desktop_chat.core.conversation import Message
from desktop_chat.core.i18n import translate
from desktop_chat.core.stream import Figures
from desktop_chat.core.tool_cards import SERVER_TOOL_RESULTS, is_tool_results, result_text
from desktop_chat.ui.bill_panel import BillPanel
from desktop_chat.ui.locale_format import number

_DASH = "\u2013"  # en dash: "no value yet"
MAX_SHOWN = 100_000  # characters of a block's JSON shown in the pane (it is kept whole)
KNOWN_RESULTS = frozenset(SERVER_TOOL_RESULTS)


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
        self.body.setAccessibleName(translate("Inspector", "{title} text").format(title=title))
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


class FigureLabel(QLabel):
    """A figure of the side pane: named by its row ("Stop reason"), and its value is its
    accessible description too, so that a screen reader reads both (a label's own text is
    hidden by its accessible name)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleDescription(text)


class Inspector(QScrollArea):
    """Side pane for the current reply: what the controller's signals carry, drawn.

    Thinking and tool text are appended per delta; the figures are redrawn when a
    ``Figures`` value arrives (the turn sends one at most every 100 ms while streaming).
    """

    FIELDS = (
        ("model", translate("Inspector", "Model")),
        ("request_id", translate("Inspector", "Request id")),
        ("stop_reason", translate("Inspector", "Stop reason")),
        ("input_tokens", translate("Inspector", "Input tokens")),
        ("output_tokens", translate("Inspector", "Output tokens")),
        ("cache_read", translate("Inspector", "Cache read")),
        ("cache_write", translate("Inspector", "Cache write")),
        ("ttft", translate("Inspector", "Time to first token")),
        ("tps", translate("Inspector", "Output tokens/s")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName(translate("Inspector", "Reply details"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)
        inner = QWidget(self)
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(10, 10, 10, 10)
        title = QLabel(translate("Inspector", "<b>Reply details</b>"), inner)
        self._layout.addWidget(title)
        form_host = QWidget(inner)
        form = QFormLayout(form_host)
        form.setContentsMargins(0, 0, 0, 0)
        self.values: dict[str, QLabel] = {}
        for key, label in self.FIELDS:
            value = FigureLabel(form_host)
            value.setText(_DASH)
            value.setObjectName(f"inspector_{key}")
            value.setAccessibleName(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            # Long values (request ids) are clipped, not allowed to widen the pane.
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            form.addRow(label, value)
            self.values[key] = value
        self._layout.addWidget(form_host)
        self.bill = BillPanel(inner)
        self._layout.addWidget(self.bill)
        self._blocks_host = QWidget(inner)
        self._blocks = QVBoxLayout(self._blocks_host)
        self._blocks.setContentsMargins(0, 8, 0, 0)
        self._layout.addWidget(self._blocks_host)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.sections: dict[int, CollapsibleText] = {}
        self._open_tools: set[int] = set()  # tool blocks whose input is still arriving
        self._runs: dict[str, CollapsibleText] = {}  # tool calls running, by tool_use id
        self._finished_runs: list[CollapsibleText] = []

    # section: a streaming reply

    def on_reply_started(self, continuing: bool = False) -> None:
        """A new reply: forget the last one's blocks and figures."""
        self._drop([*self.sections.values(), *self._runs.values()])
        self.sections.clear()
        self._runs.clear()
        self._open_tools.clear()
        for value in self.values.values():
            value.setText(_DASH)
        self.values["stop_reason"].setText(translate("Inspector", "streaming…"))

    def on_block_started(self, index: int, block_type: str, block: dict[str, Any]) -> None:
        if block_type == "thinking":
            n = sum(1 for s in self.sections.values() if s.objectName() == "thinking") + 1
            section = CollapsibleText(
                translate("Inspector", "Thinking {n}").format(n=n), self._blocks_host
            )
            section.setObjectName("thinking")
        elif block_type == "redacted_thinking":
            section = CollapsibleText(
                translate("Inspector", "Redacted thinking"), self._blocks_host
            )
            section.setObjectName("redacted_thinking")
            section.set_text(translate("Inspector", "(encrypted by the API; sent back unchanged)"))
        elif block_type in ("tool_use", "server_tool_use"):
            name = str(block.get("name") or "?")
            section = CollapsibleText(
                translate("Inspector", "Tool use: {name}").format(name=name), self._blocks_host
            )
            section.setObjectName("tool_use")
            self._open_tools.add(index)
        elif block_type == "text":
            return
        elif block_type in KNOWN_RESULTS:
            section = CollapsibleText(
                translate("Inspector", "Tool result: {block_type}").format(block_type=block_type),
                self._blocks_host,
            )
            section.setObjectName("tool_result")
            section.on_toggled(False)
        else:
            # A block kind newer than this app: kept, saved and sent back as it came.
            title = translate(
                "Inspector", "Unsupported block: {block_type} (kept, sent back unchanged)"
            ).format(block_type=block_type)
            section = CollapsibleText(title, self._blocks_host)
            section.setObjectName("unsupported")
        self._blocks.addWidget(section)
        self.sections[index] = section

    def on_thinking_delta(self, index: int, text: str) -> None:
        if index in self.sections:
            self.sections[index].append(text)

    def on_tool_input(self, index: int, partial_json: str) -> None:
        if index in self.sections:
            self.sections[index].set_text(partial_json)

    def on_block_stopped(self, index: int, block: dict[str, Any]) -> None:
        self._open_tools.discard(index)
        section = self.sections.get(index)
        if section is not None and section.objectName() in ("tool_result", "unsupported"):
            section.set_text(json.dumps(block, indent=2, ensure_ascii=False)[:MAX_SHOWN])
            return
        if section is None or section.objectName() != "tool_use":
            return
        if "partial_json" in block:
            section.set_text(
                translate("Inspector", "{json}\n\n(not valid JSON)").format(
                    json=block["partial_json"]
                )
            )
        else:
            section.set_text(json.dumps(block.get("input", {}), indent=2, ensure_ascii=False))

    def on_message_added(self, message: Message) -> None:
        """A new question (not a tool loop's results): the last turn's tool runs go."""
        if message.role == "user" and not is_tool_results(message):
            self._drop(self._finished_runs)
            self._finished_runs = []

    @staticmethod
    def _drop(sections: list[CollapsibleText]) -> None:
        for section in sections:
            section.setParent(None)
            section.deleteLater()

    def on_tool_started(self, block: dict[str, Any]) -> None:
        """A tool call runs now (after the reply that asked for it)."""
        section = CollapsibleText(
            translate("Inspector", "Running: {name}…").format(name=block.get("name", "?")),
            self._blocks_host,
        )
        section.setObjectName("tool_run")
        section.set_text(
            translate("Inspector", "Waiting for the tool (or for your answer to its approval).")
        )
        self._blocks.addWidget(section)
        self._runs[str(block.get("id"))] = section

    def on_tool_finished(self, block: dict[str, Any], result: dict[str, Any]) -> None:
        section = self._runs.pop(str(block.get("id")), None)
        if section is None:
            return
        self._finished_runs.append(section)  # shown until the next question
        failed = bool(result.get("is_error"))
        section.toggle.setText(
            (
                translate("Inspector", "Error from {name}")
                if failed
                else translate("Inspector", "Result of {name}")
            ).format(name=block.get("name"))
        )
        section.set_text(result_text(result)[:MAX_SHOWN])

    def on_reply_finished(self, _message: Message, _notes: object = ()) -> None:
        """The reply ended: a tool input still arriving was cut short; say so."""
        for index in sorted(self._open_tools):
            section = self.sections[index]
            raw = section.body.toPlainText()
            section.set_text(
                translate("Inspector", "{raw}\n\n(incomplete JSON: the reply was cut)").format(
                    raw=raw
                )
            )
        self._open_tools.clear()

    def show_figures(self, figures: Figures) -> None:
        u = figures.usage
        self.values["model"].setText(figures.model or _DASH)
        self.values["request_id"].setText(figures.request_id or _DASH)
        self.values["request_id"].setToolTip(figures.request_id or "")
        stop = figures.stop_reason or (
            translate("Inspector", "streaming…")
            if figures.streaming
            else translate("Inspector", "none (the reply was cut)")
        )
        if figures.stop_reason == "refusal" and figures.stop_details:
            stop += f" ({figures.stop_details.get('category') or 'no category'})"
        self.values["stop_reason"].setText(stop)
        self.values["input_tokens"].setText(number(u.input_tokens))
        self.values["output_tokens"].setText(number(u.output_tokens))
        self.values["cache_read"].setText(number(u.cache_read_input_tokens))
        self.values["cache_write"].setText(number(u.cache_creation_input_tokens))
        ttft = figures.ttft_s
        self.values["ttft"].setText(
            _DASH
            if ttft is None
            else translate("Inspector", "{ms} ms").format(ms=number(ttft * 1000))
        )
        tps = figures.tokens_per_s
        self.values["tps"].setText(_DASH if tps is None else number(tps, 1))

    # section: a saved reply

    def show_reply(self, message: Message | None) -> None:
        """An earlier reply's blocks and figures (a conversation was opened); None: none."""
        self._drop(self._finished_runs)
        self._finished_runs = []
        self.on_reply_started()
        if message is None:
            self.values["stop_reason"].setText(_DASH)
            return
        for index, block in enumerate(message.content):
            self.on_block_started(index, str(block.get("type")), block)
            if block.get("type") == "thinking":
                self.sections[index].set_text(block.get("thinking", ""))
            self.on_block_stopped(index, block)
        self.show_figures(Figures.of(message))

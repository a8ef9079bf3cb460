"""The side pane's bill: this reply's cost and cache use, the conversation's, web searches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QWidget

from desktop_chat.core.bill import Bill
from desktop_chat.core.costs import Cost, UsageParts, format_cost, prices_text, unknown_text
from desktop_chat.core.i18n import translate
from desktop_chat.ui.locale_format import number

_DASH = "\u2013"


def _share(parts: UsageParts | None) -> str:
    share = parts.cache_share if parts is not None else None
    return _DASH if share is None else f"{share * 100:.0f}%"


def _cost(label: QLabel, cost: Cost | None) -> None:
    label.setText(_DASH if cost is None else format_cost(cost))
    label.setToolTip("" if cost is None else unknown_text(cost))


class BillPanel(QWidget):
    """Rows of figures drawn from a ``Bill`` (``show_bill``), under the reply's figures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bill_panel")
        form = QFormLayout(self)
        form.setContentsMargins(0, 6, 0, 0)
        self.values: dict[str, QLabel] = {}
        rows = (
            ("cache_share", translate("Bill", "Input read from cache")),
            ("cache_written", translate("Bill", "Cache written 5 min / 1 h")),
            ("reply_cost", translate("Bill", "Cost of this reply")),
            ("web", translate("Bill", "Web searches / pages read")),
            ("conversation_cost", translate("Bill", "Cost of this conversation")),
            ("conversation_cache", translate("Bill", "Conversation input from cache")),
        )
        for key, title in rows:
            value = QLabel(_DASH, self)
            value.setObjectName(f"bill_{key}")
            value.setAccessibleName(title)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            form.addRow(title, value)
            self.values[key] = value

    def show_bill(self, bill: Bill) -> None:
        self.values["cache_share"].setText(_share(bill.reply_parts))
        reply = bill.reply_parts
        self.values["cache_written"].setText(
            _DASH
            if reply is None
            else f"{number(reply.cache_write_5m)} / {number(reply.cache_write_1h)}"
        )
        _cost(self.values["reply_cost"], bill.reply_cost)
        where = prices_text(bill.reply_prices)
        missing = self.values["reply_cost"].toolTip()
        self.values["reply_cost"].setToolTip("\n".join(t for t in (missing, where) if t))
        parts = bill.parts
        self.values["web"].setText(f"{parts.web_searches} / {parts.web_fetches}")
        _cost(self.values["conversation_cost"], bill.cost if bill.replies else None)
        self.values["conversation_cache"].setText(_share(parts))

    def text(self, key: str) -> str:
        return self.values[key].text()

"""The usage page: what the saved replies cost per day or per month, as bars and as a table.

The replies' usage is read in a worker thread (its own read-only connection); the costs are
worked out by ``core.costs`` with the prices in force.
"""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.costs import PeriodTotal, UsageRow, format_cost, totals_by_period
from desktop_chat.core.i18n import translate
from desktop_chat.core.pricing import PriceBook
from desktop_chat.core.store import Store
from desktop_chat.core.store_usage import read_usage
from desktop_chat.ui.locale_format import number

log = logging.getLogger(__name__)
MAX_BAR_WIDTH = 48.0  # pixels: a few days' bars stay bars
MAX_BARS = 60  # the newest days (or months) drawn; the table lists them all


class BarChart(QWidget):
    """Bars of the cost of each period (what could be priced); labels under the first and
    last bar, the highest value at the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(160)
        self.setAccessibleName(translate("Usage", "Cost per period, as bars"))
        self.totals: list[PeriodTotal] = []

    def set_totals(self, totals: list[PeriodTotal]) -> None:
        self.totals = totals[-MAX_BARS:]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        unknown = QColor(bar)
        unknown.setAlpha(90)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(8, line + 6, self.width() - 16, self.height() - 2 * line - 16)
        painter.setPen(text)
        if not self.totals:
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                translate("Usage", "No replies saved yet."),
            )
            painter.end()
            return
        top = max((t.cost.dollars for t in self.totals), default=Decimal(0)) or Decimal(1)
        painter.drawText(
            QRectF(8, 2, area.width(), line), format_cost(max(self.totals, key=_dollars).cost)
        )
        step = area.width() / len(self.totals)
        for i, total in enumerate(self.totals):
            height = float(total.cost.dollars / top) * area.height()
            width = min(MAX_BAR_WIDTH, max(1.0, step * 0.7))
            rect = QRectF(
                area.left() + i * step + (step - width) / 2,
                area.bottom() - height,
                width,
                height,
            )
            painter.fillRect(rect, bar if total.cost.complete else unknown)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        bottom = QRectF(8, area.bottom() + 4, area.width(), line)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, self.totals[0].label)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, self.totals[-1].label)
        painter.end()


def _dollars(total: PeriodTotal) -> Decimal:
    return total.cost.dollars


class UsageDialog(QDialog):
    """Totals per day or per month of the saved replies' cost and tokens."""

    _open: UsageDialog | None = None

    def __init__(self, store: Store, prices: PriceBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usage_dialog")
        self.setWindowTitle(translate("Usage", "Usage and costs"))
        self.resize(640, 520)
        self._prices = prices
        self._rows: list[UsageRow] = []
        self.chart = BarChart(self)
        self.by_day = QRadioButton(translate("Usage", "Per day"), self)
        self.by_month = QRadioButton(translate("Usage", "Per month"), self)
        self.by_day.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_day)
        group.addButton(self.by_month)
        self.by_day.toggled.connect(lambda _on: self.refresh())
        self.summary = QLabel(translate("Usage", "Reading the saved replies…"), self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Usage", "Period"),
                translate("Usage", "Replies"),
                translate("Usage", "Tokens in / cached / out"),
                translate("Usage", "Cost"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        choose = QHBoxLayout()
        choose.addWidget(self.by_day)
        choose.addWidget(self.by_month)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._task = asyncio.ensure_future(asyncio.to_thread(read_usage, store.path))
        self._task.add_done_callback(self._on_read)

    @classmethod
    def open_for(cls, parent: QWidget, store: Store, prices: PriceBook) -> UsageDialog:
        """Show the page (one at a time)."""
        if cls._open is not None and cls._open.isVisible():
            cls._open.raise_()
            return cls._open
        dialog = cls(store, prices, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        cls._open = dialog
        dialog.show()
        return dialog

    def _on_read(self, task: asyncio.Future[list[UsageRow]]) -> None:
        if task.cancelled() or not shiboken6.isValid(self):
            return
        if (exc := task.exception()) is not None:
            self.summary.setText(
                translate("Usage", "The saved replies could not be read: %1").replace(
                    "%1", str(exc)
                )
            )
            return
        self._rows = task.result()
        self.refresh()

    def set_rows(self, rows: list[UsageRow]) -> None:
        """Show these replies' totals (tests give rows directly)."""
        self._rows = rows
        self.refresh()

    def refresh(self) -> None:
        totals = totals_by_period(self._rows, self._prices, month=self.by_month.isChecked())
        self.chart.set_totals(totals)
        self.table.setRowCount(len(totals))
        for row, total in enumerate(reversed(totals)):
            parts = total.parts
            cells = (
                total.label,
                number(total.replies),
                f"{number(parts.input + parts.cache_write_5m + parts.cache_write_1h)} / "
                f"{number(parts.cache_read)} / {number(parts.output)}",
                format_cost(total.cost),
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        overall = sum((t.cost for t in totals[1:]), totals[0].cost) if totals else None
        if overall is None:
            self.summary.setText(translate("Usage", "No replies saved yet."))
        else:
            self.summary.setText(
                translate("Usage", "All saved replies: %1").replace("%1", format_cost(overall))
            )

    def reject(self) -> None:
        self._task.cancel()
        super().reject()

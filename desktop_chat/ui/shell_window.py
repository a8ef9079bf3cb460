"""The app's top-level window, painted before the rest of the UI has loaded.

Importing asyncio, qasync and the UI's modules takes a few hundred milliseconds, and a bare
PySide6 window paints in about a hundred. So the app shows this plain window first (it imports
nothing but QtWidgets), then builds the ``MainWindow`` and sets it in as its central widget:
the user sees one window throughout, which fills in when the rest has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QWidget

TITLE = "Desktop Chat"
SIZE = (1100, 720)
PAINT_WAIT_MS = 1000  # never wait longer for the first paint (a slow or odd display)


class ShellWindow(QMainWindow):
    """The top-level window; ``adopt`` puts the real window's contents in it.

    Signals:
        painted(): the window was painted (the first time, and every time after).
    """

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("shell_window")
        self.setWindowTitle(TITLE)
        self.resize(*SIZE)
        self.was_painted = False
        self.closed_early = False  # closed before there was anything in it
        self._inner: QWidget | None = None

    def show_and_wait_for_paint(self) -> None:
        """Show the window and run Qt's events until it has painted (1 s at most)."""
        self.show()
        if self.was_painted:
            return
        waiter = QEventLoop()
        self.painted.connect(waiter.quit)
        QTimer.singleShot(PAINT_WAIT_MS, waiter.quit)
        waiter.exec()
        self.painted.disconnect(waiter.quit)

    def adopt(self, inner: QWidget) -> None:
        """Show ``inner`` (the real window) as this window's contents; its title is this
        window's title, and closing this window closes it first."""
        self._inner = inner
        inner.windowTitleChanged.connect(self.setWindowTitle)
        self.setWindowTitle(inner.windowTitle())
        self.setMinimumSize(inner.minimumSize())
        self.setCentralWidget(inner)  # a child widget from now on (its flags are reset)
        inner.show()

    # section: Qt overrides

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.was_painted = True
        self.painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._inner is None:
            self.closed_early = True
        elif not self._inner.close():
            event.ignore()
            return
        super().closeEvent(event)

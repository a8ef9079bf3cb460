"""The window painted before the UI loads, then filled by the real window."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from desktop_chat.ui.shell_window import ShellWindow


class Inner(QMainWindow):
    def __init__(self, accept: bool = True) -> None:
        super().__init__()
        self.accept = accept
        self.closes = 0
        self.setMinimumSize(640, 420)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closes += 1
        if not self.accept:
            event.ignore()


def test_paints_then_adopts_the_real_window(qtbot: Any) -> None:
    shell = ShellWindow()
    qtbot.addWidget(shell)
    shell.show_and_wait_for_paint()
    assert shell.was_painted and shell.isVisible()
    inner = Inner()
    inner.setWindowTitle("Monads \u2014 Desktop Chat")
    shell.adopt(inner)
    assert shell.centralWidget() is inner and not inner.isWindow() and inner.isVisible()
    assert shell.windowTitle() == "Monads \u2014 Desktop Chat"
    assert shell.minimumSize() == inner.minimumSize()
    inner.setWindowTitle("Desktop Chat")
    assert shell.windowTitle() == "Desktop Chat"  # the title follows the real window's


def test_closing_the_window_closes_the_real_one_first(qtbot: Any) -> None:
    shell = ShellWindow()
    qtbot.addWidget(shell)
    shell.show_and_wait_for_paint()
    refusing = Inner(accept=False)
    shell.adopt(refusing)
    assert not shell.close()  # the real window refused: the window stays
    assert refusing.closes == 1 and shell.isVisible()
    refusing.accept = True
    assert shell.close()
    assert refusing.closes == 2 and not shell.isVisible()


def test_closed_before_it_had_contents(qtbot: Any) -> None:
    shell = ShellWindow()
    qtbot.addWidget(shell)
    shell.show_and_wait_for_paint()
    shell.close()
    assert shell.closed_early

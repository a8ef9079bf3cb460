"""The Qt binding itself must not corrupt the interpreter while the window lives for hours."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtGui import QTextCursor


def test_qt_calls_returning_nothing_keep_the_reference_count_of_none(qtbot: Any) -> None:
    # PySide6 6.12.0 on Python 3.11 released a reference to None on each such call; after a
    # few thousand (one streamed reply) CPython aborts with "deallocating None".
    from desktop_chat.ui.chat_view import ChatView

    view = ChatView()
    qtbot.addWidget(view)
    cursor = QTextCursor(view.document())
    before = sys.getrefcount(None)
    for _ in range(2000):
        cursor.insertText("x")
        view.update()
    assert sys.getrefcount(None) - before > -100

"""CPU of one repaint of the transcript's scroll bar: the app's flat bar against the same bar
drawn by the application's style (the floor), in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scroll_bar_paint.py

A streaming reply changes the transcript's length at every frame, so the bar is repainted at
every frame (``desktop_chat/ui/flat_scroll_bar.py``). Prints one JSON line: milliseconds of
CPU per repaint, median of the rounds, for both.
"""

from __future__ import annotations

import json
import statistics
import time

from qt_process import application


def per_repaint(bar: object, repaints: int = 200) -> float:
    started = time.process_time()
    for number in range(repaints):
        bar.setValue(bar.maximum() - number % 2)  # type: ignore[attr-defined]
        bar.repaint()  # type: ignore[attr-defined]
    return (time.process_time() - started) / repaints * 1e3


def main() -> None:
    app = application()
    from PySide6.QtWidgets import QMainWindow

    from desktop_chat.core.conversation import Message
    from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
    from desktop_chat.ui.chat_view import ChatView

    window = QMainWindow()
    view = ChatView(window)
    window.setCentralWidget(view)
    window.resize(780, 600)
    window.show()
    reply = {"type": "text", "text": MARKDOWN_DOCUMENT * 3}
    view.show_conversation([Message(role="assistant", content=[reply])])
    for _ in range(20):
        app.processEvents()
    bar = view.verticalScrollBar()
    flat_style = bar.style()
    rounds: dict[str, list[float]] = {"flat": [], "style": []}
    for _ in range(5):  # in turns, so drift hits both alike
        bar.setStyle(flat_style)
        rounds["flat"].append(per_repaint(bar))
        bar.setStyle(app.style())
        rounds["style"].append(per_repaint(bar))
    result = {name: round(statistics.median(values), 3) for name, values in rounds.items()}
    result["style_name"] = app.style().name()
    print(json.dumps({"ms_per_repaint": result}))


if __name__ == "__main__":
    main()

"""Opening a long conversation: time to the first paint of the transcript, and memory.

    python benchmarks/long_conversation.py [--messages 200] [--eager]

Builds a conversation of ``--messages`` messages and about 1 MB of text (the demo's Markdown
document: headings, lists, tables, code, Japanese), shows the app's window size, then opens the
conversation the way the window does (``clear_transcript()``, then ``show_message()`` for each
message) and waits for the transcript to paint. Prints one JSON line: seconds from opening to
painted, and resident memory then and one second later. The conversation is opened once
the view's start-up work (making the common syntax highlighters, in the background) is
done, as a user would; ``--cold`` opens it at once. ``--eager`` draws every message at once,
for comparison; ``--sdk`` loads the anthropic SDK first, as the app does in the background.
Run under a real X server (run_all.py starts Xvfb).
"""

from __future__ import annotations

import argparse
import json
import time

from qt_process import application, rss_mb

from desktop_chat.core.conversation import Message
from desktop_chat.demo.replies import MARKDOWN_DOCUMENT

TARGET_BYTES = 1_000_000


def long_conversation(messages: int = 200, size: int = TARGET_BYTES) -> list[Message]:
    """``messages`` messages, half questions, half Markdown answers; ``size`` bytes of text."""
    pairs = messages // 2
    question = "Could you explain that part again, with an example and a table? " * 4
    answer_size = max(1, size // pairs - len(question.encode()))
    document = MARKDOWN_DOCUMENT * (answer_size // len(MARKDOWN_DOCUMENT.encode()) + 1)
    out: list[Message] = []
    for number in range(pairs):
        out.append(Message.user(f"{number}: {question}"))
        answer = f"Answer {number}.\n\n{document}".encode()[:answer_size].decode(errors="ignore")
        out.append(Message(role="assistant", content=[{"type": "text", "text": answer}]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--eager", action="store_true")
    parser.add_argument(
        "--cold", action="store_true", help="open at once, before start-up work is done"
    )
    parser.add_argument(
        "--sdk", action="store_true", help="load the anthropic SDK first, as the app does"
    )
    args = parser.parse_args()
    app = application()
    if args.sdk:
        from desktop_chat.core.sdk_warmup import load_sdk

        load_sdk()
    from PySide6.QtWidgets import QMainWindow

    from desktop_chat.ui import chat_view
    from desktop_chat.ui.chat_view import ChatView

    if args.eager:
        chat_view.DRAW_BUDGET = 10**12
    painted: list[float] = []

    class TimedView(ChatView):
        def paintEvent(self, event: object) -> None:
            super().paintEvent(event)  # type: ignore[arg-type]
            if self._drawn_until == len(self._entries):  # a paint that shows the messages
                painted.append(time.perf_counter())

    messages = long_conversation(args.messages)
    size = sum(len(m.text.encode()) for m in messages)
    window = QMainWindow()
    view = TimedView(window)
    window.setCentralWidget(view)
    window.resize(780, 600)
    window.show()
    while not painted:
        app.processEvents()
    if not args.cold:  # a user opens a conversation after start-up has settled
        from desktop_chat.ui import chat_view, code_highlight

        settled = time.perf_counter() + chat_view.WARM_UP_DELAY_MS / 1000 + 0.1
        while time.perf_counter() < settled:
            app.processEvents()
            time.sleep(0.01)
        if code_highlight._warm_up is not None:
            code_highlight._warm_up.join()
    before = rss_mb()[0]

    start = time.perf_counter()
    painted.clear()
    view.clear_transcript()
    for message in messages:
        view.show_message(message)
    while not painted:
        app.processEvents()
    first_paint = painted[0] - start
    rss_painted, _ = rss_mb()
    settle = time.perf_counter() + 1.0
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.005)
    rss_settled, peak = rss_mb()
    print(
        json.dumps(
            {
                "messages": len(messages),
                "bytes": size,
                "first_paint_s": first_paint,
                "rss_before_mb": before,
                "rss_painted_mb": rss_painted,
                "rss_settled_mb": rss_settled,
                "rss_peak_mb": peak,
                "drawn_chars": len(view.toPlainText()),
            }
        )
    )


if __name__ == "__main__":
    main()

"""Opening a saved conversation through the real window, the way a click in the sidebar does.

    python benchmarks/open_conversation.py [--sizes 300,3000] [--runs 5]

Saves conversations of each size to a store in a temporary data folder (questions and
Markdown answers, every tenth reply with a regenerated variant, so that the notes under
messages have work to do), builds the app's ``MainWindow`` with the store attached, and
opens each conversation by the sidebar's ``conversation_activated`` signal: the same path
as a click (controller → store → notes → transcript → paint). Times from the signal to the
end of the paint that shows the conversation, and prints one JSON line: the median per
size, and the ratio of the largest to the smallest. Run under a real X server (run_all.py
starts Xvfb), or with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from qt_process import application, rss_mb


def build(store: object, messages: int) -> str:
    """A saved conversation of ``messages`` messages; its id."""
    from desktop_chat.core.conversation import Conversation, Message
    from desktop_chat.core.store import Store

    assert isinstance(store, Store)
    conversation = Conversation(title=f"{messages} messages")
    answer = "A **Markdown** answer with `code`, a list:\n\n- one\n- two\n\n" + "words " * 80
    for number in range(messages // 2):
        question = conversation.append(Message.user(f"Question {number}: tell me more."))
        reply = Message(role="assistant", content=[{"type": "text", "text": answer}])
        if number % 10 == 0:  # a regenerated reply: the first one stays as a variant
            variant = Message(role="assistant", content=[{"type": "text", "text": "Older."}])
            conversation.append(variant, parent_id=question.id)
        conversation.append(reply, parent_id=question.id)
    store.save_conversation(conversation)
    for message in conversation.messages:
        store.append_message(conversation.id, message)
    return conversation.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,3000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--huge",
        type=int,
        default=0,
        help="also open a conversation of this many messages (built with SQL, as "
        "huge_conversation.py does)",
    )
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="open-conversation-"))
    os.environ["DESKTOP_CHAT_HOME"] = str(home)
    if args.huge:
        from huge_conversation import CONVERSATION
        from huge_conversation import build as build_huge

        build_huge(home, args.huge)
    app = application()
    import qasync

    from desktop_chat.core.conversation import Conversation
    from desktop_chat.core.settings import Settings
    from desktop_chat.core.store import Store
    from desktop_chat.ui.controller import TAIL, ChatController
    from desktop_chat.ui.main_window import MainWindow

    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    store = Store.open()
    sizes = [int(s) for s in args.sizes.split(",")]
    ids = {size: build(store, size) for size in sizes}
    if args.huge:
        sizes.append(args.huge)
        ids[args.huge] = CONVERSATION
    ready: asyncio.Future[None] = loop.create_future()
    controller = ChatController(Conversation(), Settings(), lambda: "k", ready)
    window = MainWindow(controller)
    window.attach_store(store)
    sidebar = window.sidebar
    assert sidebar is not None
    painted: list[float] = []
    original = window.chat_view.paintEvent

    def timed_paint(event: object) -> None:
        original(event)  # type: ignore[arg-type]
        painted.append(time.perf_counter())

    window.chat_view.paintEvent = timed_paint  # type: ignore[method-assign]
    window.resize(1100, 720)
    window.show()
    settle = time.perf_counter() + 2.5  # start-up work (lexers) done, as a user would find it
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.01)

    times: dict[int, list[float]] = {size: [] for size in sizes}
    empty = Conversation()
    for _ in range(args.runs):
        for size in sizes:
            controller.new_conversation()  # from an empty chat, each time
            app.processEvents()
            assert controller.conversation.id == empty.id or not controller.conversation.messages
            painted.clear()
            start = time.perf_counter()
            sidebar.conversation_activated.emit(ids[size])
            while not painted:
                app.processEvents()
            times[size].append(painted[0] - start)
            assert len(controller.conversation.path()) >= min(size, TAIL)
            settle = time.perf_counter() + 0.6  # the rest arrives (or is refused), as one reads
            while controller.conversation.partial and time.perf_counter() < settle:
                app.processEvents()
                time.sleep(0.005)
    medians = {size: statistics.median(values) for size, values in times.items()}
    print(
        json.dumps(
            {
                "first_paint_s": medians,
                "ratio": medians[3000] / medians[300] if 300 in medians else None,
                "runs": args.runs,
                "rss_mb": rss_mb()[0],
            }
        )
    )
    window.close()
    store.close()
    loop.stop()  # (an already-running qasync loop stays "running" until told otherwise)
    loop.close()  # and its worker threads end with it


if __name__ == "__main__":
    main()

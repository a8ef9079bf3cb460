"""Keys while a server streams as fast as it can: how late a key press is handled, and Esc.

    python benchmarks/flood_latency.py [--seconds 4] [--delta-mb 0]

The app's window (controller, chat view, side pane) streams a reply from ``FloodServer``,
which writes text deltas as fast as the socket takes them. Once the flood has begun, a key
press is posted to the message box every 20 ms from another thread (as the window system
delivers one): the time until the box handles it is its latency. (The first request's own
set-up is ``first_request.py``'s figure.) Then Esc is posted: the time until the reply has
stopped (and is saved as interrupted) is the stop latency. With ``--delta-mb N`` the server
sends one text delta of N MB instead, and the figure is the peak memory against the text.
Prints one JSON line. Run under a real X server (run_all.py starts Xvfb), or offscreen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from typing import Any

from qt_process import application, rss_mb

from desktop_chat.demo.flood import FloodServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--delta-mb", type=float, default=0.0)
    parser.add_argument(
        "--switch-ms", type=float, help="GIL switch interval (default: the app's, app.py)"
    )
    args = parser.parse_args()
    from desktop_chat.app import GIL_SWITCH_S

    sys.setswitchinterval(GIL_SWITCH_S if args.switch_ms is None else args.switch_ms / 1000)
    os.environ["DESKTOP_CHAT_HOME"] = tempfile.mkdtemp(prefix="flood-")
    app = application()
    import qasync
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent

    from desktop_chat.app import settle_memory
    from desktop_chat.core.conversation import Conversation
    from desktop_chat.core.sdk_warmup import load_sdk
    from desktop_chat.core.settings import Settings
    from desktop_chat.ui.controller import ChatController
    from desktop_chat.ui.main_window import MainWindow

    load_sdk()
    delta_bytes = int(args.delta_mb * 1_000_000)
    server = FloodServer(delta_bytes=delta_bytes).start()
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    ready: asyncio.Future[None] = loop.create_future()
    ready.set_result(None)
    controller = ChatController(
        Conversation(), Settings(thinking="off"), lambda: "k", ready, base_url=server.base_url
    )
    controller.retry_policy.max_attempts = 1
    window = MainWindow(controller)
    window.resize(1100, 720)
    window.show()
    settle_memory()  # as the app does once loaded
    posted: list[float] = []
    handled: list[float] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.KeyPress and posted:
                handled.append(time.perf_counter() - posted.pop(0))
                return True  # (the key types nothing)
            return False

    watch = Watch()
    window.composer.installEventFilter(watch)
    finished: list[float] = []
    controller.reply_finished.connect(lambda *_: finished.append(time.perf_counter()))
    peak_before = rss_mb()[1]

    window.composer.setPlainText("Flood me.")
    window.commands.run("send")
    end = time.perf_counter() + args.seconds
    typing = threading.Event()
    # Made here: a key event made in another thread would make its input device there.
    keys = [
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        for _ in range(int(args.seconds / 0.02) + 10)
    ]

    streaming = threading.Event()
    controller.text_delta.connect(lambda *_: streaming.set())

    def typist() -> None:
        """Posts a key press every 20 ms from another thread, as the window system would
        deliver one whatever the UI thread is doing, once the flood has begun (the first
        request's own set-up is benchmarks/first_request.py's figure)."""
        streaming.wait(30)
        while not typing.is_set():
            if not posted and keys:
                posted.append(time.perf_counter())
                QCoreApplication.postEvent(window.composer, keys.pop())
            time.sleep(0.02)

    thread = threading.Thread(target=typist, daemon=True)
    thread.start()
    while time.perf_counter() < end and not finished:
        app.processEvents()
    typing.set()
    thread.join()  # up to 20 ms (the typist's sleep), while the UI thread handles nothing:
    posted.clear()  # a key posted just before waited for this join, not for the UI
    stop_s = None
    if not finished:
        esc_at = time.perf_counter()
        window.commands.run("stop")
        while not finished and time.perf_counter() < esc_at + 60:
            app.processEvents()
        stop_s = finished[0] - esc_at if finished else None
    message = controller.conversation.messages[-1]
    result: dict[str, Any] = {
        "key_presses": len(handled),
        "key_p99_ms": 1000 * sorted(handled)[int(0.99 * (len(handled) - 1))] if handled else None,
        "key_max_ms": 1000 * max(handled) if handled else None,
        "stop_s": stop_s,
        "received_chars": len(message.text),
        "status": str(message.status),
        "peak_rss_mb": rss_mb()[1],
        "peak_before_mb": peak_before,
        "delta_mb": args.delta_mb,
    }
    print(json.dumps(result), flush=True)
    server.stop()
    window.close()
    # The loop is never closed here (it runs inside processEvents), so its executor's
    # QThreads (the saver's and the key lookup's work) would outlive the app and abort it.
    executor = getattr(loop, "_QEventLoop__default_executor", None)
    if executor is not None:
        executor.shutdown()


if __name__ == "__main__":
    main()

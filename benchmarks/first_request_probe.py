"""Runs the real app (``desktop_chat.app.main``) with clocks on it, for ``first_request.py``.

    python benchmarks/first_request_probe.py --smoke-test

Nothing of the app is changed; three of its steps are watched from outside:

- the embedded demo server's ``DemoServer._record`` (a request arrived, parsed): the first
  ``POST /v1/messages`` prints ``request arrived T`` on stderr, T from ``time.perf_counter()``
  (CLOCK_MONOTONIC on Linux: the same clock in every process);
- a 2 ms heartbeat ``QTimer`` started with the loop, as in figure 3, records how late it fires;
- the SDK's readiness (``ApiAccess.sdk_ready``) and the first reply's end
  (``ChatController.on_reply_finished``) mark the first request's window.

At exit it prints one JSON line on stdout: heartbeat lateness during start-up (loop start ->
SDK ready) and during the first request (SDK ready -> reply finished).

Without ``--smoke-test`` (say ``--base-url URL``, the key in ``ANTHROPIC_API_KEY``), the probe
sends the question itself the moment the window is built, as the smoke test does, and closes
the window when the reply has finished: the app against a server in another process, so the
demo server's work (a thread of the app under ``--demo``) does not count as the app's.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

# The app under test: this checkout, or another one (``first_request.py --root``).
sys.path.insert(0, os.environ.get("BENCH_APP_ROOT") or str(Path(__file__).resolve().parent.parent))

INTERVAL_MS = 2.0
QUESTION = "Hello from the first-request benchmark."
marks: dict[str, float] = {}
beats: list[tuple[float, float]] = []  # (when, how late in ms)


def on_demo_server(module: ModuleType) -> None:
    server_class: Any = module.DemoServer
    record = server_class._record

    def timed_record(self: Any, head: Any, body: Any) -> None:
        if "request" not in marks and head.method == "POST" and head.path == "/v1/messages":
            marks["request"] = time.perf_counter()
            print(f"request arrived {marks['request']!r}", file=sys.stderr, flush=True)
        record(self, head, body)

    server_class._record = timed_record


class AfterImport(importlib.abc.MetaPathFinder):
    """Calls ``then(module)`` once ``name`` is imported, whenever the app imports it."""

    def __init__(self, name: str, then: Any) -> None:
        self.name, self.then = name, then

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        assert spec is not None and spec.loader is not None
        loader: Any = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            self.then(module)

        loader.exec_module = exec_module
        return spec


def on_app(module: ModuleType) -> None:
    amain = module._amain

    async def watched(*args: Any) -> int:
        from PySide6.QtCore import Qt, QTimer

        from desktop_chat.core.api_access import ApiAccess
        from desktop_chat.ui.controller import ChatController

        marks["loop"] = time.perf_counter()
        init = ApiAccess.__init__

        def watched_init(self: Any, *a: Any, **k: Any) -> None:
            init(self, *a, **k)
            self.sdk_ready.add_done_callback(
                lambda _f: marks.setdefault("ready", time.perf_counter())
            )

        ApiAccess.__init__ = watched_init  # type: ignore[method-assign]
        finished = ChatController.on_reply_finished

        def watched_finished(self: Any, message: Any) -> None:
            marks.setdefault("finished", time.perf_counter())
            finished(self, message)

        ChatController.on_reply_finished = watched_finished  # type: ignore[method-assign]
        if "--smoke-test" not in sys.argv:
            from desktop_chat.ui.main_window import MainWindow

            build = MainWindow.__init__

            def watched_build(self: Any, *a: Any, **k: Any) -> None:
                build(self, *a, **k)
                window = self
                window.controller.reply_finished.connect(lambda *_: window.close())
                QTimer.singleShot(0, lambda: window.composer.submitted.emit(QUESTION))

            MainWindow.__init__ = watched_build  # type: ignore[method-assign]
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        due = 0.0

        def beat() -> None:
            nonlocal due
            now = time.perf_counter()
            if due:
                beats.append((now, (now - due) * 1e3))
            due = now + INTERVAL_MS / 1e3
            timer.start(round(INTERVAL_MS))

        timer.timeout.connect(beat)
        beat()
        try:
            result: int = await amain(*args)
        finally:
            timer.stop()
        return result

    module._amain = watched


def report() -> dict[str, Any]:
    def worst(start: str, end: str) -> float | None:
        if start not in marks or end not in marks:
            return None
        late = [ms for when, ms in beats if marks[start] <= when <= marks[end] + 0.05]
        return max(late) if late else 0.0

    return {
        "startup_max_ms": worst("loop", "ready"),
        "first_request_max_ms": worst("ready", "finished"),
        "ready_to_request_ms": (marks["request"] - marks["ready"]) * 1e3
        if {"request", "ready"} <= marks.keys()
        else None,
        "first_request_s": (marks["finished"] - marks["ready"]) if "finished" in marks else None,
        "beats": len(beats),
    }


def main() -> int:
    sys.meta_path.insert(0, AfterImport("desktop_chat.demo.server", on_demo_server))
    import desktop_chat.app as app

    on_app(app)
    code = app.main(sys.argv[1:])
    print(json.dumps(report()), flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())

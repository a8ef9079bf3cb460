"""Runs the real app (``desktop_chat.app.main``) with clocks on it, for ``first_request.py``.

    python benchmarks/first_request_probe.py --smoke-test

Nothing of the app is changed; three of its steps are watched from outside:

- the embedded demo server's ``DemoServer._record`` (a request arrived, parsed): the first
  ``POST /v1/messages`` prints ``request arrived T`` on stderr, T from ``time.perf_counter()``
  (CLOCK_MONOTONIC on Linux: the same clock in every process);
- a 2 ms heartbeat ``QTimer`` started with the loop, as in figure 3, records how late it fires;
- the SDK's readiness (``ApiAccess.sdk_ready``) and the first reply's end
  (``TurnSignals.on_reply_finished``) mark the first request's window.

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
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

# The app under test: this checkout, or another one (``first_request.py --root``).
sys.path.insert(1, str(Path(__file__).resolve().parent))
sys.path.insert(0, os.environ.get("BENCH_APP_ROOT") or str(Path(__file__).resolve().parent.parent))

INTERVAL_MS = 2.0
QUESTION = "Hello from the first-request benchmark."
marks: dict[str, float] = {}
beats: list[tuple[float, float]] = []  # (when, how late in ms)
slow_steps: list[tuple[float, float, str]] = []  # (end, ms, what) with BENCH_SLOW_STEPS
sampler: list[Any] = []  # a ``stall_sampler.StallSampler`` with ``BENCH_STALL_STACKS`` set


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
        from desktop_chat.ui.turn_signals import TurnSignals

        marks["loop"] = time.perf_counter()
        init = ApiAccess.__init__

        def watched_init(self: Any, *a: Any, **k: Any) -> None:
            init(self, *a, **k)
            self.sdk_ready.add_done_callback(on_ready)

        def on_ready(_future: Any) -> None:
            marks.setdefault("ready", time.perf_counter())
            if os.environ.get("BENCH_STALL_STACKS") and not sampler:
                from stall_sampler import StallSampler

                sampler.append(StallSampler())
                sampler[0].start()

        ApiAccess.__init__ = watched_init  # type: ignore[method-assign]
        finished = TurnSignals.on_reply_finished

        def watched_finished(self: Any, message: Any) -> None:
            marks.setdefault("finished", time.perf_counter())
            if sampler:
                sampler[0].stop()
            finished(self, message)

        TurnSignals.on_reply_finished = watched_finished  # type: ignore[method-assign]
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


def watch_steps(over_ms: float) -> None:
    """Notes every loop callback (a task step, a notifier's read) that runs over ``over_ms``."""
    import asyncio.events
    import cProfile
    import io
    import pstats

    run = asyncio.events.Handle._run
    profile = bool(os.environ.get("BENCH_PROFILE_STEPS"))

    main_thread = threading.main_thread()

    def timed_run(self: Any) -> None:
        if threading.current_thread() is not main_thread:  # the SDK loader's own loop
            run(self)
            return
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        run(self)
        if profiler is not None:
            profiler.disable()
        end = time.perf_counter()
        if (end - start) * 1e3 >= over_ms:
            what = repr(self)[:200]
            owner = getattr(self._callback, "__self__", None)
            if isinstance(owner, asyncio.Task):
                what += " task " + owner.get_coro().__qualname__
            if profiler is not None:
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
                what += "\n" + out.getvalue()
            slow_steps.append((end, (end - start) * 1e3, what))

    asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]


def main() -> int:
    if switch := os.environ.get("BENCH_SWITCH_S"):
        sys.setswitchinterval(float(switch))
    if over := os.environ.get("BENCH_SLOW_STEPS"):
        watch_steps(float(over))
    sys.meta_path.insert(0, AfterImport("desktop_chat.demo.server", on_demo_server))
    import desktop_chat.app as app

    on_app(app)
    code = app.main(sys.argv[1:])
    print(json.dumps(report()), flush=True)
    if over := os.environ.get("BENCH_SLOW_STEPS"):
        for when, late in beats:
            if "ready" in marks and when >= marks["ready"] and late >= float(over):
                since = (when - marks["ready"]) * 1e3
                print(f"late beat {late:.1f} ms at +{since:.0f} ms after ready", file=sys.stderr)
    for end, ms, what in slow_steps:
        since = (end - marks["ready"]) * 1e3 if "ready" in marks else float("nan")
        print(f"slow step {ms:.1f} ms ending +{since:.0f} ms after ready: {what}", file=sys.stderr)
    if sampler and "ready" in marks:
        for when, late in beats:
            if when >= marks["ready"] and late >= float(os.environ["BENCH_STALL_STACKS"]):
                print(
                    f"stall of {late:.1f} ms at +{(when - marks['ready']) * 1e3:.0f} ms "
                    "after the SDK was ready:",
                    file=sys.stderr,
                )
                print(sampler[0].explain(when - late / 1e3 - 0.002, when), file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())

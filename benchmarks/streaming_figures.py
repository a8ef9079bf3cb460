"""Streaming a reply into the chat view, against the floor: the SDK reading the same stream.

    python benchmarks/streaming_figures.py FIGURE --base-url URL [options]

One measurement per process (so imports, caches and memory do not leak from one to the next),
printed as one JSON line; ``run_all.py`` runs them and prints the figures. The server is
``bench_server.py``, in its own process, so its CPU time is not counted.

- ``floor``: ``client.messages.stream()`` reads ``--deltas`` text deltas and drops them.
  ``--loop qasync`` runs it on the app's event loop (Qt's), ``--loop asyncio`` on asyncio's.
- ``view``: the same stream through the app's path (a core ``Turn``: ``stream_turn``, the
  fold, saving into a store; the controller's ``TurnSignals`` and its typed signals, wired
  as the main window wires them)
  into a shown ``ChatView``; CPU time per delta. Memory settled as the app settles it once
  loaded (``gc.freeze``); the floor is the SDK as any program runs it, without that.
- ``path``: the same without drawing (the view's methods do nothing): what the app's path
  costs beyond the floor before any drawing.
- ``same``: the floor, ``path`` and ``view`` in turns in one process and loop (so the floor
  too runs with Python's own ``__import__`` put back, as the app puts it back; a separate
  ``floor`` process keeps PySide6's import hook, as any PySide6 program has it).
- ``growth``: per-delta cost while the reply holds about 1 KB, and about 100 KB.
- ``stall``: how late a 2 ms heartbeat timer fires while a reply streams at the server's
  pace into a view that shows a 1 MB conversation.
- ``latency``: from the moment a text delta's bytes leave the server to the end of the paint
  that shows it, for deltas paced apart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qt_process import application

SCENARIO_HEADERS = {"x-demo-scenario": "bench"}
WARM_UP_DELTAS = 1400  # a whole demo document: every lexer and path warmed


def params(deltas: int) -> dict[str, Any]:
    from desktop_chat.core.settings import Settings

    return {
        "model": Settings().model,
        "max_tokens": deltas,
        "messages": [{"role": "user", "content": "A long answer, please."}],
        "extra_headers": SCENARIO_HEADERS,
    }


TLS: list[Any] = []  # the TLS context clients share, made before the loop as the app does


def make_client(base_url: str) -> Any:
    from desktop_chat.core.client import make_client as app_client

    tls = TLS[0] if TLS else None
    return app_client(api_key="benchmark", base_url=base_url, max_retries=0, tls=tls)


# section: the floor


async def read_and_drop(client: Any, deltas: int) -> None:
    async with client.messages.stream(**params(deltas)) as stream:
        async for _event in stream:
            pass


async def floor(base_url: str, deltas: int) -> dict[str, Any]:
    client = make_client(base_url)
    await read_and_drop(client, WARM_UP_DELTAS)
    cpu, wall = time.process_time(), time.perf_counter()
    await read_and_drop(client, deltas)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    await client.close()
    return {"deltas": deltas, "cpu_s": cpu, "wall_s": wall, "cpu_per_delta_ms": cpu / deltas * 1e3}


def settle_memory() -> None:
    """What the app does once loaded (``desktop_chat.app.settle_memory``), when it does."""
    from desktop_chat import app

    settle = getattr(app, "settle_memory", None)
    if settle is not None:
        settle()


# section: the view


class Probe:
    """A shown ChatView fed as the app feeds it (the app's ``ChatController`` turns each
    update into its typed signals, wired to the view as ``MainWindow`` wires them), with
    clocks on what the view does. ``watch``: ``on_delta`` hears each text delta first."""

    def __init__(
        self, *, size: tuple[int, int] = (780, 600), null: bool = False, watch: bool = False
    ) -> None:
        from PySide6.QtWidgets import QMainWindow

        from desktop_chat.core.conversation import Conversation
        from desktop_chat.core.settings import Settings
        from desktop_chat.ui.chat_view import ChatView
        from desktop_chat.ui.controller import ChatController

        probe = self
        self.paints: list[float] = []
        self.view_s = 0.0  # time inside the view: deltas, frames, paints
        self._depth = 0
        self._store: Any = None
        self.store()  # opened before streaming, as the app opens its store while loading

        class TimedView(ChatView):
            def paintEvent(self, event: Any) -> None:
                start = probe.enter()
                super().paintEvent(event)
                probe.leave(start)
                probe.paints.append(time.perf_counter())

            def _on_frame(self) -> None:
                start = probe.enter()
                super()._on_frame()
                probe.leave(start)
                if probe.after_frame is not None:
                    probe.after_frame()

            def on_text_delta(self, index: int, text: str) -> None:
                start = probe.enter()
                super().on_text_delta(index, text)
                probe.leave(start)

        self.window = QMainWindow()
        self.view = TimedView(self.window)
        self.window.setCentralWidget(self.view)
        self.window.resize(*size)
        self.window.show()
        if null:  # the app's path without the drawing: nothing happens in the view
            for name in ("on_text_delta", "on_block_started", "on_block_stopped"):
                setattr(self.view, name, lambda *args: None)
        ready = asyncio.get_running_loop().create_future()
        ready.set_result(None)
        self.controller = ChatController(Conversation(), Settings(), lambda: "benchmark", ready)
        c = self.controller
        self.on_delta: Callable[[str], None] | None = None
        self.after_frame: Callable[[], None] | None = None
        if watch:
            c.text_delta.connect(lambda _index, text: self.on_delta and self.on_delta(text))
        # as MainWindow._connect_signals() wires them
        c.block_started.connect(self.view.on_block_started)
        c.text_delta.connect(self.view.on_text_delta)
        c.block_stopped.connect(self.view.on_block_stopped)

    def enter(self) -> float:
        self._depth += 1
        return time.perf_counter()

    def leave(self, start: float) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.view_s += time.perf_counter() - start

    async def stream(self, client: Any, deltas: int) -> Any:
        """One question and its reply as the app streams it: a core ``Turn`` (its saving
        into a store, its figures), heard by the controller's ``TurnSignals``."""
        from desktop_chat.core.autosave import AutoSaver
        from desktop_chat.core.conversation import Conversation, Message
        from desktop_chat.core.retry import RetryPolicy
        from desktop_chat.core.turn import Turn
        from desktop_chat.ui.turn_signals import TurnSignals

        conversation = Conversation()
        question = conversation.append(Message.user("A long answer, please."))
        saver = AutoSaver(self.store(), conversation, print)
        saver.save_message(question)
        request = params(deltas)
        del request["messages"]
        kept_open = KeptOpen(client)

        async def open_client() -> Any:
            return kept_open

        self.view.begin_reply()
        turn = Turn(
            conversation,
            request,
            open_client,
            TurnSignals(self.controller),
            saver=saver,
            retry_policy=RetryPolicy(),
            key=self.controller.key,
        )
        turn.start()
        assert turn.task is not None
        await turn.task
        reply = turn.last_reply
        if reply is None or turn.requests[-1].error is not None:
            raise RuntimeError(f"the reply failed: {turn.requests}")
        self.view.end_reply(reply)
        await asyncio.sleep(0.1)  # the last frame and its paint
        return reply

    def store(self) -> Any:
        """A store in a temporary folder (the app saves every reply as it streams)."""
        if self._store is None:
            import tempfile

            from desktop_chat.core.store import Store

            self._home = tempfile.TemporaryDirectory()
            self._store = Store.open(Path(self._home.name) / "bench.db")
        return self._store


class KeptOpen:
    """The client for one turn that does not close it (a turn closes its client; the
    benchmark's rounds share one, as the floor does, so no round pays a connection)."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


async def view(base_url: str, deltas: int, *, null: bool = False) -> dict[str, Any]:
    probe = Probe(null=null)
    client = make_client(base_url)
    await probe.stream(client, WARM_UP_DELTAS)
    probe.view.clear_transcript()
    await asyncio.sleep(0.05)
    settle_memory()  # as the app does once loaded
    cpu, wall, inside = time.process_time(), time.perf_counter(), probe.view_s
    await probe.stream(client, deltas)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall - 0.1
    await client.close()
    result = {
        "deltas": deltas,
        "cpu_s": cpu,
        "wall_s": wall,
        "cpu_per_delta_ms": cpu / deltas * 1e3,
        "view_s": probe.view_s - inside,
        "frames": probe.view.frames_drawn,
        "paints": len(probe.paints),
        "chars": len(probe.view.toPlainText()),
    }
    if not null:
        result["once_s"] = written_once(probe)
    return result


def written_once(probe: Probe) -> float:
    """CPU seconds to write the reply just streamed into the view in one go, not streamed:
    its Markdown written, laid out and painted once.
    Written after it, as a reply is (the scroll bar already shown: its showing would lay the
    whole document out again at the new width)."""
    from PySide6.QtGui import QTextCursor

    from desktop_chat.ui.markdown_writer import Output

    text = probe.view.last_reply_text() or ""
    times = []
    for _ in range(3):
        application().processEvents()
        cpu = time.process_time()
        cursor = QTextCursor(probe.view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        probe.view._writer.write_text(Output(cursor, fill=True), text)
        cursor.endEditBlock()
        probe.view.repaint()
        times.append(time.process_time() - cpu)
    return statistics.median(times)


async def same_process(base_url: str, deltas: int, rounds: int = 3) -> dict[str, Any]:
    """The floor, the app's path without drawing, and into a ChatView, in turns in this one
    process and loop: what the app's own per-delta work costs, apart from what differs
    between processes (their other objects, windows and threads)."""
    client = make_client(base_url)
    path, view = Probe(null=True), Probe()
    await read_and_drop(client, WARM_UP_DELTAS)
    await path.stream(client, WARM_UP_DELTAS)
    await view.stream(client, WARM_UP_DELTAS)
    view.view.clear_transcript()
    settle_memory()
    times: dict[str, list[float]] = {"floor": [], "path": [], "view": []}
    for _ in range(rounds):
        for name, run in (
            ("floor", lambda: read_and_drop(client, deltas)),
            ("path", lambda: path.stream(client, deltas)),
            ("view", lambda: view.stream(client, deltas)),
        ):
            cpu = time.process_time()
            await run()
            times[name].append((time.process_time() - cpu) / deltas * 1e3)
        view.view.clear_transcript()
    await client.close()
    return {f"{k}_per_delta_ms": statistics.median(v) for k, v in times.items()}


async def growth(base_url: str, deltas: int, window: int) -> dict[str, Any]:
    """CPU per delta over ``window`` deltas from 1 KB on, and from about 100 KB on.

    Both windows start at the same place in the repeated document, so they hold the same mix
    of paragraphs, lists, tables and code. They are found by the characters received, not by
    counting ``text_delta`` signals: deltas that arrive together go out as one signal.
    """
    from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
    from desktop_chat.demo.tokens import split_text

    probe = Probe(watch=True)
    client = make_client(base_url)
    await probe.stream(client, WARM_UP_DELTAS)
    probe.view.clear_transcript()
    per_document = len(split_text(MARKDOWN_DOCUMENT))
    lengths = _running_lengths()
    first = next(i for i, n in enumerate(lengths) if n >= 1000)
    copies = (100_000 - 1000) // len(MARKDOWN_DOCUMENT) + 1
    # name -> (characters before its first delta, and before the delta after its last)
    bounds: dict[str, tuple[int, int]] = {}
    for name, start in (("1kb", first), ("100kb", first + copies * per_document)):
        stop = start + window
        bounds[name] = (_chars_before(start, lengths), _chars_before(stop, lengths))
    marks: dict[str, float] = {}
    length = 0

    def on_delta(text: str) -> None:
        nonlocal length
        for name, (begin, end) in bounds.items():
            if length >= begin and name + "_cpu" not in marks:
                marks[name + "_cpu"], marks[name + "_view"] = time.process_time(), probe.view_s
                marks[name + "_chars"] = length
            if length >= end and name + "_end" not in marks:
                marks[name + "_end"] = 1.0
                marks[name + "_cpu"] = time.process_time() - marks[name + "_cpu"]
                marks[name + "_view"] = probe.view_s - marks[name + "_view"]
        length += len(text)

    probe.on_delta = on_delta
    need = first + copies * per_document + window + 10
    if deltas < need:
        raise SystemExit(f"growth needs at least {need} deltas")
    await probe.stream(client, deltas)
    await client.close()
    result: dict[str, Any] = {"window": window}
    for name in ("1kb", "100kb"):
        if name + "_end" not in marks:
            raise RuntimeError(f"the {name} window did not end within the reply")
        result[name] = {
            "at_chars": marks[name + "_chars"],
            "cpu_per_delta_ms": marks[name + "_cpu"] / window * 1e3,
            "view_per_delta_ms": marks[name + "_view"] / window * 1e3,
        }
    return result


def _chars_before(delta: int, lengths: list[int]) -> int:
    """Characters of the repeated document before its delta number ``delta``."""
    from desktop_chat.demo.replies import MARKDOWN_DOCUMENT

    copies, at = divmod(delta, len(lengths))
    return copies * len(MARKDOWN_DOCUMENT) + lengths[at]


def _running_lengths() -> list[int]:
    from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
    from desktop_chat.demo.tokens import split_text

    out, total = [], 0
    for piece in split_text(MARKDOWN_DOCUMENT):
        out.append(total)
        total += len(piece)
    return out


async def stall(base_url: str, deltas: int, interval_ms: float) -> dict[str, Any]:
    """Heartbeat lateness while ``deltas`` stream into a view showing a 1 MB conversation."""
    from long_conversation import long_conversation
    from PySide6.QtCore import Qt, QTimer

    probe = Probe()
    client = make_client(base_url)
    probe.view.show_conversation(long_conversation(200))
    settle_memory()  # as the app does once loaded
    await asyncio.sleep(1.0)  # opened, painted, settled
    late: list[float] = []
    due = 0.0
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def beat() -> None:
        nonlocal due
        now = time.perf_counter()
        if due:
            late.append((now - due) * 1e3)
        due = now + interval_ms / 1e3
        timer.start(round(interval_ms))

    timer.timeout.connect(beat)
    beat()
    await asyncio.sleep(1.0)
    idle = list(late)
    late.clear()
    await probe.stream(client, 40)  # the SDK's first request (lazy imports, models)
    first_request = list(late)
    late.clear()
    sampler = None
    if over := os.environ.get("BENCH_STALL_STACKS"):  # what ran in each stall (stderr)
        from stall_sampler import StallSampler

        sampler = StallSampler()
        sampler.start()
    beats_at: list[float] = []
    timer.timeout.connect(lambda: beats_at.append(time.perf_counter()))
    await probe.stream(client, deltas)
    timer.stop()
    if sampler is not None:
        sampler.stop()
        for when, ms in zip(beats_at, late, strict=False):
            if ms >= float(over):
                print(f"stall of {ms:.1f} ms:", file=sys.stderr)
                print(sampler.explain(when - ms / 1e3 - 0.002, when), file=sys.stderr)
    await client.close()
    return {
        "interval_ms": interval_ms,
        "beats": len(late),
        "p50_ms": statistics.median(late),
        "p99_ms": _percentile(late, 99),
        "max_ms": max(late),
        "idle_beats": len(idle),
        "idle_p99_ms": _percentile(idle, 99) if idle else None,
        "idle_max_ms": max(idle) if idle else None,
        "first_request_max_ms": max(first_request) if first_request else None,
        "frames": probe.view.frames_drawn,
    }


async def latency(base_url: str, deltas: int, sent_file: str) -> dict[str, Any]:
    """Per delta: server send -> the end of the first paint after the view drew it.

    Talks with run_all.py: prints "warm" after a warm-up stream and waits for a line (the
    server forgets the warm-up's send times meanwhile), streams, prints "streamed" and waits
    for a line (the server writes the send times to ``sent_file``).
    """
    probe = Probe(watch=True)
    client = make_client(base_url)
    await probe.stream(client, 40)
    probe.view.clear_transcript()
    await _handshake("warm")
    drawn: list[float] = []

    def after_frame() -> None:
        now = time.perf_counter()
        for i in range(len(drawn) - 1, -1, -1):  # the deltas this frame drew
            if drawn[i]:
                break
            drawn[i] = now

    probe.after_frame = after_frame
    probe.on_delta = lambda _text: drawn.append(0.0)
    await probe.stream(client, deltas)
    await client.close()
    await _handshake("streamed")
    sent = [float(line) for line in Path(sent_file).read_text().split()]
    if len(sent) != len(drawn):
        raise SystemExit(f"{len(sent)} deltas sent, {len(drawn)} received")
    waits = []
    for t_sent, t_drawn in zip(sent, drawn, strict=True):
        painted = next(p for p in probe.paints if p >= t_drawn)
        waits.append((painted - t_sent) * 1e3)
    return {
        "deltas": len(waits),
        "p50_ms": statistics.median(waits),
        "p95_ms": _percentile(waits, 95),
        "max_ms": max(waits),
    }


async def _handshake(word: str) -> None:
    print(word, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "figure", choices=["floor", "view", "path", "same", "growth", "stall", "latency"]
    )
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--deltas", type=int, default=20_000)
    parser.add_argument("--loop", choices=["asyncio", "qasync"], default="qasync")
    parser.add_argument("--window", type=int, default=1286)
    parser.add_argument("--interval-ms", type=float, default=2.0)
    parser.add_argument("--sent-file", default="")
    parser.add_argument(
        "--reply", choices=["bench", "bench-prose"], default="bench", help="bench_server's reply"
    )
    args = parser.parse_args()
    SCENARIO_HEADERS["x-demo-scenario"] = args.reply

    async def run() -> dict[str, Any]:
        match args.figure:
            case "floor":
                return await floor(args.base_url, args.deltas)
            case "view":
                return await view(args.base_url, args.deltas)
            case "path":
                return await view(args.base_url, args.deltas, null=True)
            case "same":
                return await same_process(args.base_url, args.deltas)
            case "growth":
                return await growth(args.base_url, args.deltas, args.window)
            case "stall":
                return await stall(args.base_url, args.deltas, args.interval_ms)
            case _:
                return await latency(args.base_url, args.deltas, args.sent_file)

    from desktop_chat.core.sdk_warmup import prepare_sdk

    TLS.append(prepare_sdk())  # as the app's loader thread does before the first request
    if args.figure == "floor" and args.loop == "asyncio":
        result = asyncio.run(run())
    else:
        import qasync

        app = application()
        if args.figure != "floor":  # as the app does once PySide6 is loaded
            from desktop_chat.ui.pyside_workarounds import restore_python_import

            restore_python_import()
        runner = asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app))
        try:
            result = runner.run(run())
        finally:
            runner.close()
    print(json.dumps({"figure": args.figure, "loop": args.loop, **result}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()

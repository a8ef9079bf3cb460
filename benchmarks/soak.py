"""Soak: many replies back to back through the real SDK, with faults injected; nothing lost.

    python benchmarks/soak.py [--replies 200] [--seed 1] [--tps 400] [--fault-rate 0.4]

Asks ``--replies`` questions in turn (a new conversation every ``--per-conversation``),
each streamed by ``stream_turn`` from the embedded demo server and saved as it streams by
an ``AutoSaver`` into a real ``Store``, as the window does. Each attempt draws a fault at
random (seeded): ``drop``, ``error_event``, ``stall`` (with a short client timeout),
``http529_once`` (the SDK's own retry recovers), ``no_stop``, or none. A failed attempt
is saved as the controller saves it, then retried as ``RetryPolicy`` says, its delays
scaled by ``--delay-scale`` so that the run takes minutes, not hours.

Characters lost are measured against the wire: the client talks to the server through a
loopback tap that reads every byte the server sent, so for each response (by its
``request-id``) the text of every complete ``text_delta`` event the server put on the wire
is known, and compared with the text saved in the Store for that attempt (and with the
text deltas the client saw). Any difference counts as lost, fault or not.

Prints the figures; ``--json`` adds them as one JSON line. Exits 1 if a character was lost
or a save failed. Not part of the test suite: it takes minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FAULTS = ("drop", "error_event", "stall", "http529_once", "no_stop")


# section: the wire tap


class WireTap:
    """A loopback TCP proxy that reads the text deltas the server sends, per request-id.

    It forwards bytes both ways unchanged, and ends each side as the other ended: a close
    after half an event reaches the client as a close after half an event.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.texts: dict[str, list[str]] = {}
        self.port = 0
        self.bytes_from_server = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._on_client, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self._server.wait_closed()

    def take(self, request_id: str | None) -> str | None:
        """The text the server sent in the response ``request_id`` (and forget it)."""
        if request_id is None or request_id not in self.texts:
            return None
        return "".join(self.texts.pop(request_id))

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            self._tasks.discard(task)
            return
        try:
            await asyncio.gather(
                self._pump(reader, up_writer, record=False),
                self._pump(up_reader, writer, record=True),
            )
        except asyncio.CancelledError:
            pass  # stop(): asyncio's server callback would report a cancelled handler
        finally:
            for w in (writer, up_writer):
                w.close()
                with contextlib.suppress(Exception):
                    await w.wait_closed()
            self._tasks.discard(task)

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, record: bool
    ) -> None:
        pending = b""
        request_id = ""
        try:
            while data := await reader.read(65536):
                if record:
                    self.bytes_from_server += len(data)
                    lines = (pending + data).split(b"\n")
                    pending = lines.pop()  # no newline yet: not a complete line
                    for line in lines:
                        request_id = self._read_line(line.rstrip(b"\r"), request_id)
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()  # the other side ends as this one did

    def _read_line(self, line: bytes, request_id: str) -> str:
        if line.startswith(b"request-id: "):
            request_id = line[len(b"request-id: ") :].decode()
            self.texts[request_id] = []
        elif line.startswith(b"data: ") and b'"text_delta"' in line:
            event = json.loads(line[len(b"data: ") :])
            delta = event.get("delta", {})
            if event.get("type") == "content_block_delta" and delta.get("type") == "text_delta":
                self.texts[request_id].append(delta["text"])
        return request_id


# section: the run


@dataclass
class Figures:
    replies: int = 0
    completed: int = 0
    gave_up: int = 0
    attempts: int = 0
    faults_injected: Counter[str] = field(default_factory=Counter)
    faults_survived: int = 0
    faults_unrecovered: int = 0
    replies_after_fault: int = 0
    errors_by_kind: Counter[str] = field(default_factory=Counter)
    chars_on_wire: int = 0
    chars_saved: int = 0
    chars_lost: int = 0
    mismatches: list[str] = field(default_factory=list)
    save_errors: list[str] = field(default_factory=list)
    retry_wait_s: float = 0.0
    reply_times_s: list[float] = field(default_factory=list)
    rss_start_mb: float = 0.0
    rss_warm_mb: float = 0.0
    rss_end_mb: float = 0.0
    max_rss_mb: float = 0.0
    elapsed_s: float = 0.0
    wire_mb: float = 0.0
    max_attempts: int = 0


class DemoProcess:
    """The demo server in a process of its own: its memory (it keeps every request it got)
    and its CPU time are not the client's."""

    def __init__(self, tokens_per_second: float, stall_seconds: float) -> None:
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop_chat.demo",
                "--tps",
                str(tokens_per_second),
                "--stall",
                str(stall_seconds),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert self._process.stdout is not None
        first = self._process.stdout.readline()  # "Demo API listening on http://127.0.0.1:N …"
        self.port = int(first.split("http://127.0.0.1:", 1)[1].split()[0])

    def stop(self) -> None:
        self._process.send_signal(signal.SIGINT)
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        assert self._process.stdout is not None
        self._process.stdout.close()


def rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):  # not Linux: the peak is the best there is
        return max_rss_mb()


def max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6  # bytes / KiB


async def soak(args: argparse.Namespace, figures: Figures) -> None:
    from desktop_chat.core.autosave import AutoSaver
    from desktop_chat.core.client import ErrorKind, make_client, stream_turn
    from desktop_chat.core.conversation import Conversation, Message, Status
    from desktop_chat.core.retry import RetryPolicy
    from desktop_chat.core.settings import Settings
    from desktop_chat.core.store import Store
    from desktop_chat.core.stream import TextDelta, TurnSnapshot, Update

    rng = random.Random(args.seed)
    policy = RetryPolicy(rng=random.Random(args.seed + 1))
    figures.max_attempts = policy.max_attempts
    server = DemoProcess(tokens_per_second=args.tps, stall_seconds=args.timeout * 2)
    tap = WireTap(server.port)
    await tap.start()
    store = Store.open()
    settings = Settings()
    client = make_client(
        api_key="soak-key",
        base_url=f"http://127.0.0.1:{tap.port}",
        timeout_s=args.timeout,
        max_retries=2,
    )
    conversation = Conversation()
    started = time.perf_counter()
    try:
        async with client:
            for number in range(1, args.replies + 1):
                if number == args.warmup + 1:
                    gc.collect()
                    figures.rss_warm_mb = rss_mb()
                if (number - 1) % args.per_conversation == 0:
                    conversation = Conversation(title=f"Soak {number}")
                saver = AutoSaver(store, conversation, figures.save_errors.append)
                question = Message.user(f"Question {number}: tell me something new.")
                conversation.messages.append(question)
                saver.save_message(question)
                figures.replies += 1
                reply_started = time.perf_counter()
                faults_here = 0
                attempt = 0
                while True:
                    attempt += 1
                    figures.attempts += 1
                    fault = rng.choice(FAULTS) if rng.random() < args.fault_rate else None
                    params = settings.request_params()
                    params["messages"] = conversation.to_api_messages()
                    if fault:
                        params["extra_headers"] = {"x-demo-scenario": fault}
                        figures.faults_injected[fault] += 1
                        faults_here += 1
                    snapshot = TurnSnapshot()
                    received: list[str] = []

                    def on_update(
                        update: Update, received: list[str] = received, saver: Any = saver
                    ) -> None:
                        if isinstance(update, TextDelta):
                            received.append(update.text)
                        saver.on_update(update)

                    saver.begin_reply(snapshot, params)
                    error = await stream_turn(client, params, snapshot, on_update)
                    if error is None:
                        message = snapshot.to_message(Status.COMPLETE)
                    else:
                        figures.errors_by_kind[str(error.kind)] += 1
                        kind = error.kind
                        status = (
                            Status.INTERRUPTED if kind is ErrorKind.INCOMPLETE else Status.ERROR
                        )
                        message = snapshot.to_message(status, error.message)
                    conversation.messages.append(message)
                    saver.finish(message)
                    check(store, conversation.id, message.id, snapshot.request_id,
                          "".join(received), tap, figures)  # fmt: skip
                    if error is None:
                        figures.completed += 1
                        figures.faults_survived += faults_here
                        figures.replies_after_fault += int(faults_here > 0)
                        break
                    plan = policy.decide(error, attempt)
                    if plan is None:
                        figures.gave_up += 1
                        figures.faults_unrecovered += faults_here
                        break
                    # Ask again: the failed reply stays saved; the new one replaces it here.
                    conversation.messages.remove(message)
                    wait = plan.delay_s * args.delay_scale
                    figures.retry_wait_s += wait
                    await asyncio.sleep(wait)
                figures.reply_times_s.append(time.perf_counter() - reply_started)
                if number % 20 == 0:
                    print(
                        f"  {number:4d} replies, {figures.completed} completed, "
                        f"{sum(figures.faults_injected.values())} faults, "
                        f"{figures.chars_lost} characters lost, RSS {rss_mb():.1f} MB",
                        flush=True,
                    )
    finally:
        figures.elapsed_s = time.perf_counter() - started
        await tap.stop()
        store.close()
        server.stop()
    figures.wire_mb = tap.bytes_from_server / 1e6
    unchecked = [rid for rid, text in tap.texts.items() if text]
    if unchecked:  # error responses (the 529s the SDK retried) carry no text
        figures.mismatches.append(f"{len(unchecked)} responses with text never checked")


def check(
    store: Any,
    conversation_id: str,
    message_id: str,
    request_id: str | None,
    received: str,
    tap: WireTap,
    figures: Figures,
) -> None:
    """Compare what the server sent, what the client saw, and what the Store kept."""
    saved = next(m for m in store.load(conversation_id).messages if m.id == message_id)
    wire = tap.take(request_id)
    if wire is None:
        if saved.text:
            figures.mismatches.append(f"{message_id}: saved text without a response on the wire")
        return
    figures.chars_on_wire += len(wire)
    figures.chars_saved += len(saved.text)
    if saved.text != wire:
        common = next(
            (i for i, (a, b) in enumerate(zip(saved.text, wire, strict=False)) if a != b),
            min(len(saved.text), len(wire)),
        )
        figures.chars_lost += len(wire) - common
        figures.mismatches.append(
            f"{request_id}: wire {len(wire)} chars, saved {len(saved.text)}, "
            f"first difference at {common}"
        )
    if received != saved.text:
        figures.mismatches.append(f"{request_id}: the client saw other text than was saved")


def report(figures: Figures, args: argparse.Namespace) -> str:
    times = sorted(figures.reply_times_s)
    faults = sum(figures.faults_injected.values())
    lines = [
        f"replies asked           {figures.replies}",
        f"replies completed       {figures.completed}"
        f"  (gave up after {figures.max_attempts} attempts: {figures.gave_up})",
        f"attempts                {figures.attempts}",
        f"faults injected         {faults}  "
        + ", ".join(f"{k} {v}" for k, v in sorted(figures.faults_injected.items())),
        f"faults survived         {figures.faults_survived}  (then completed: "
        f"{figures.replies_after_fault} replies; faults in replies given up: "
        f"{figures.faults_unrecovered})",
        "errors seen             "
        + (", ".join(f"{k} {v}" for k, v in sorted(figures.errors_by_kind.items())) or "none"),
        f"characters on the wire  {figures.chars_on_wire}",
        f"characters saved        {figures.chars_saved}",
        f"characters lost         {figures.chars_lost}",
        f"mismatches              {len(figures.mismatches)}",
        f"save errors             {len(figures.save_errors)}",
        f"RSS start / warm / end  {figures.rss_start_mb:.1f} / {figures.rss_warm_mb:.1f} / "
        f"{figures.rss_end_mb:.1f} MB  (growth after warm-up "
        f"{figures.rss_end_mb - figures.rss_warm_mb:+.1f} MB; peak {figures.max_rss_mb:.1f} MB)",
        f"time                    {figures.elapsed_s:.1f} s  (reply median "
        f"{statistics.median(times) if times else 0:.2f} s, max {max(times, default=0):.2f} s; "
        f"retry waits {figures.retry_wait_s:.1f} s at x{args.delay_scale} scale)",
        f"bytes from the server   {figures.wire_mb:.1f} MB",
    ]
    lines += [f"  mismatch: {m}" for m in figures.mismatches[:20]]
    lines += [f"  save error: {e}" for e in figures.save_errors[:5]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tps", type=float, default=600.0, help="server pace, deltas/s")
    parser.add_argument("--fault-rate", type=float, default=0.4)
    parser.add_argument("--timeout", type=float, default=1.0, help="client read timeout, s")
    parser.add_argument("--delay-scale", type=float, default=0.1, help="x retry delays")
    parser.add_argument("--per-conversation", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=20, help="replies before 'warm' RSS")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="desktop-chat-soak-") as home:
        os.environ["DESKTOP_CHAT_HOME"] = home
        figures = Figures()
        import anthropic  # noqa: F401  (loaded before the first RSS figure)

        gc.collect()
        figures.rss_start_mb = rss_mb()
        figures.rss_warm_mb = figures.rss_start_mb
        asyncio.run(soak(args, figures))
        gc.collect()
        figures.rss_end_mb = rss_mb()
        figures.max_rss_mb = max_rss_mb()
    print(report(figures, args))
    if args.json:
        out = {k: v for k, v in vars(figures).items() if k != "reply_times_s"}
        print(json.dumps(out, default=str))
    return 1 if figures.chars_lost or figures.mismatches or figures.save_errors else 0


if __name__ == "__main__":
    sys.exit(main())

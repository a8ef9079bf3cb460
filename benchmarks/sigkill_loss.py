"""SIGKILL mid-reply: how much of what the server had sent is missing from the database?

The real app runs on a private X server, talking to the embedded API through a loopback tap
that timestamps every text delta the server sends. A question is typed with xdotool; once
text streams, the app is killed with SIGKILL at a random moment. Then ``desktop-chat export``
reads what was saved, and the loss is the text the server had sent before the kill but the
database does not have, in characters and in milliseconds of stream. The promise is at most
500 ms. Prints one line per figure.

    .venv/bin/python benchmarks/sigkill_loss.py [--runs 10] [--tps 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak import WireTap  # benchmarks/ is no package: found through sys.path
from startup import display

from desktop_chat.demo.server import DemoServer


class TimedTap(WireTap):
    """The wire tap, also noting when each text delta passed (monotonic seconds)."""

    def __init__(self, upstream_port: int) -> None:
        super().__init__(upstream_port)
        self.timeline: list[tuple[float, int]] = []  # (when, characters sent so far)

    def _read_line(self, line: bytes, request_id: str) -> str:
        before = sum(len(t) for t in self.texts.get(request_id, []))
        request_id = super()._read_line(line, request_id)
        after = sum(len(t) for t in self.texts.get(request_id, []))
        if after > before:
            self.timeline.append((time.monotonic(), after))
        return request_id


def run_tap(tap: TimedTap, ready: threading.Event, stop: threading.Event) -> None:
    async def main() -> None:
        await tap.start()
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.05)
        await tap.stop()

    asyncio.run(main())


def one_run(env: dict[str, str], tap: TimedTap, rng: random.Random) -> tuple[int, float]:
    """Kill the app once mid-reply: (characters lost, milliseconds of stream lost)."""
    home = tempfile.mkdtemp(prefix="sigkill-")
    run_env = {**env, "DESKTOP_CHAT_HOME": home}
    tap.timeline.clear()
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop_chat"],
        env=run_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    found = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app.pid)],
        env=run_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    window = found.stdout.split()[-1]
    time.sleep(1.5)  # the SDK loads after the first paint
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=run_env, check=True)
    subprocess.run(["xdotool", "type", "demo:markdown a long answer"], env=run_env, check=True)
    subprocess.run(["xdotool", "key", "Return"], env=run_env, check=True)
    deadline = time.monotonic() + 30
    while not tap.timeline and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0.2, 3.0))
    killed_at = time.monotonic()
    os.kill(app.pid, signal.SIGKILL)
    app.wait()
    sent = [(t, n) for t, n in tap.timeline if t <= killed_at]
    done = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "export", "--all", "--format", "json"],
        env=run_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    reply = json.loads(done.stdout)["conversations"][0]["messages"][-1]
    saved = sum(len(b.get("text", "")) for b in reply["content"] if b["type"] == "text")
    total_sent = sent[-1][1] if sent else 0
    lost_chars = max(0, total_sent - saved)
    # When did the server send the first character the database does not have?
    first_missing = next((t for t, n in sent if n > saved), killed_at)
    return lost_chars, (killed_at - first_missing) * 1000 if lost_chars else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--tps", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with DemoServer(tokens_per_second=args.tps) as server, display() as extra:
        tap = TimedTap(server.port)
        ready, stop = threading.Event(), threading.Event()
        thread = threading.Thread(target=run_tap, args=(tap, ready, stop), daemon=True)
        thread.start()
        ready.wait(10)
        env = {
            **os.environ,
            **extra,
            "ANTHROPIC_API_KEY": "benchmark-key-not-a-real-one",
            "ANTHROPIC_BASE_URL": f"http://127.0.0.1:{tap.port}",
        }
        results = [one_run(env, tap, rng) for _ in range(args.runs)]
        stop.set()
        thread.join(10)
    chars = [c for c, _ in results]
    ms = [m for _, m in results]
    print(f"sigkill.runs: {len(results)} at {args.tps:g} tokens/s")
    print(f"sigkill.chars_lost: median {statistics.median(chars):.0f}, max {max(chars)}")
    print(
        f"sigkill.stream_lost_ms: median {statistics.median(ms):.0f}, max {max(ms):.0f}"
        " (promise: at most 500)"
    )


if __name__ == "__main__":
    main()

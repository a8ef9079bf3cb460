"""The rendering figures, one line each (figures, not pass/fail).

    .venv/bin/python benchmarks/run_all.py [--quick] [--only 1 3]

1. CPU per delta, streaming 20,000 deltas into the chat view, against the floor: the SDK's
   ``messages.stream()`` reading the same stream and dropping the text (offscreen);
2. CPU per delta when the reply holds about 100 KB, against about 1 KB (offscreen);
3. how late a 2 ms heartbeat fires while a reply streams at 100 deltas/s into a view that
   shows a 1 MB conversation: p99 and max (Xvfb);
4. from a text delta's bytes leaving the server to the end of the paint that shows it (Xvfb);
5. start -> window painted, against a bare PySide6 window (``startup.py``; Xvfb);
6. opening a 200-message, 1 MB conversation: time to the first paint, and memory (Xvfb);
7. opening a saved 3,000-message conversation through the window, against 300 (Xvfb);
8. key presses and Esc while a server streams as fast as it can (Xvfb);
9. peak memory for one 50 MB text delta, against the text (Xvfb);
10. launch -> the first request reaching the server, for a question sent the moment the
   window shows, against a bare window + ``import anthropic``; and how late a 2 ms heartbeat
   fires during that first request (``first_request.py``; Xvfb);
11. figure 1 for a reply of plain paragraphs, against its own floor (offscreen).

The server (``bench_server.py``) runs in a process of its own, and each measurement in a
fresh process. Offscreen: Qt draws into memory, so all drawing is CPU time of the measured
process; Xvfb: a real X server, as the app meets it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import display  # noqa: E402  (benchmarks/ is not a package)


class Server:
    """``bench_server.py`` in its own process."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "bench_server.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()

    def command(self, line: str) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        self.process.stdout.readline()

    def close(self) -> None:
        self.command("quit")
        self.process.wait(10)


@contextmanager
def server() -> Iterator[Server]:
    running = Server()
    try:
        yield running
    finally:
        running.close()


def measure(script: str, *args: str, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{script} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def figure_11(srv: Server, runs: int) -> str:
    """Figure 1's measure for a reply of plain paragraphs: how much of figure 1 is its text."""
    srv.command("tps 0")
    floors, views = [], []
    for _ in range(runs):
        args = ("--base-url", srv.base_url, "--deltas", "20000", "--reply", "bench-prose")
        floors.append(measure("streaming_figures.py", "floor", *args, env=OFFSCREEN))
        views.append(measure("streaming_figures.py", "view", *args, env=OFFSCREEN))
    floor = statistics.median(r["cpu_per_delta_ms"] for r in floors)
    total = statistics.median(r["cpu_per_delta_ms"] for r in views)
    inside = statistics.median(r["view_s"] / r["deltas"] for r in views) * 1e3
    once = statistics.median(r["once_s"] / r["deltas"] for r in views) * 1e3
    return (
        f"11. CPU per delta as in figure 1, for a reply of plain paragraphs (no heading, list, "
        f"table or code): {total * 1e3:.0f} us vs the floor on Qt's loop {floor * 1e3:.0f} us = "
        f"{total / floor:.2f}x; time inside the view {inside * 1e3:.0f} us/delta; {_once(once)} "
        f"[offscreen, median of {runs}]"
    )


def _once(once_ms: float) -> str:
    return (
        f"the same reply written into the view once, not streamed (laid out and painted "
        f"once), {once_ms * 1e3:.1f} us/delta"
    )


def figure_1(srv: Server, runs: int) -> str:
    srv.command("tps 0")
    asyncio_floor, qasync_floor, paths, views, own, once = [], [], [], [], [], []
    for _ in range(runs):  # interleaved, so drift hits all alike
        args = ("--base-url", srv.base_url, "--deltas", "20000")
        asyncio_floor.append(
            measure("streaming_figures.py", "floor", "--loop", "asyncio", *args, env=OFFSCREEN)
        )
        qasync_floor.append(
            measure("streaming_figures.py", "floor", "--loop", "qasync", *args, env=OFFSCREEN)
        )
        paths.append(measure("streaming_figures.py", "path", *args, env=OFFSCREEN))
        view = measure("streaming_figures.py", "view", *args, env=OFFSCREEN)
        views.append(view["cpu_per_delta_ms"])
        own.append(view["view_s"] / view["deltas"] * 1e3)
        once.append(view["once_s"] / view["deltas"] * 1e3)
    same = measure("streaming_figures.py", "same", *args, env=OFFSCREEN)
    floor_a = statistics.median(r["cpu_per_delta_ms"] for r in asyncio_floor)
    floor_q = statistics.median(r["cpu_per_delta_ms"] for r in qasync_floor)
    path = statistics.median(r["cpu_per_delta_ms"] for r in paths)
    total = statistics.median(views)
    mine = statistics.median(own)
    return (
        f"1. CPU per delta, 20,000 deltas into ChatView: {total * 1e3:.0f} us vs floor "
        f"{floor_a * 1e3:.0f} us = {total / floor_a:.2f}x (target <= 1.15x); "
        f"vs the floor on Qt's loop ({floor_q * 1e3:.0f} us, with PySide6's import hook, as "
        f"in any PySide6 program; the app takes it out): {total / floor_q:.2f}x; "
        f"the app's path without drawing (fold, signal, dispatch) {path * 1e3:.0f} us = "
        f"{path / floor_a:.2f}x; time inside the view {mine * 1e3:.0f} us/delta; "
        f"{_once(statistics.median(once))}: with the path, "
        f"{(path + statistics.median(once)) / floor_q:.2f}x the floor on Qt's loop "
        f"[offscreen, median of {runs}]; in one process and loop, in turns (the hook out for "
        f"all three): floor "
        f"{same['floor_per_delta_ms'] * 1e3:.0f} us, path "
        f"{same['path_per_delta_ms'] / same['floor_per_delta_ms']:.2f}x, into the view "
        f"{same['view_per_delta_ms'] / same['floor_per_delta_ms']:.2f}x (target <= 1.15x)"
    )


def figure_2(srv: Server, runs: int) -> str:
    srv.command("tps 1000")
    results = [
        measure(
            "streaming_figures.py",
            "growth",
            "--base-url",
            srv.base_url,
            "--deltas",
            "26000",
            env=OFFSCREEN,
        )
        for _ in range(runs)
    ]
    small = statistics.median(r["1kb"]["cpu_per_delta_ms"] for r in results)
    large = statistics.median(r["100kb"]["cpu_per_delta_ms"] for r in results)
    small_view = statistics.median(r["1kb"]["view_per_delta_ms"] for r in results)
    large_view = statistics.median(r["100kb"]["view_per_delta_ms"] for r in results)
    return (
        f"2. Per-delta cost at 100 KB vs at 1 KB of reply: {large * 1e3:.0f} us vs "
        f"{small * 1e3:.0f} us = {large / small:.2f}x (target <= 1.2x); the view alone "
        f"{large_view * 1e3:.0f} vs {small_view * 1e3:.0f} us = {large_view / small_view:.2f}x "
        f"[offscreen, paced at 1,000 deltas/s, 1,286-delta windows, median of {runs}]"
    )


def figure_3(srv: Server, env: dict[str, str], runs: int) -> str:
    srv.command("tps 100")
    results = [
        measure(
            "streaming_figures.py",
            "stall",
            "--base-url",
            srv.base_url,
            "--deltas",
            "1000",
            env=env,
        )
        for _ in range(runs)
    ]
    worst = max(results, key=lambda r: r["p99_ms"])
    return (
        f"3. UI stall at 100 deltas/s into a 1 MB conversation: heartbeat late by p99 "
        f"{worst['p99_ms']:.1f} ms, max {max(r['max_ms'] for r in results):.1f} ms, p50 "
        f"{worst['p50_ms']:.2f} ms (targets p99 <= 4, max <= 16); idle: p99 "
        f"{worst['idle_p99_ms']:.1f}, max {worst['idle_max_ms']:.1f} ms; during the SDK's "
        f"first request (not counted): max {worst['first_request_max_ms']:.0f} ms "
        f"[Xvfb, 2 ms heartbeat, 10 s, worst of {runs}]"
    )


def figure_4(srv: Server, env: dict[str, str]) -> str:
    srv.command("tps 20")
    with tempfile.TemporaryDirectory() as folder:
        result = _latency(srv, env, str(Path(folder) / "sent.txt"))
    return (
        f"4. First byte of a delta leaving the server -> painted: p50 {result['p50_ms']:.1f} ms,"
        f" p95 {result['p95_ms']:.1f} ms, max {result['max_ms']:.1f} ms (target <= 16 ms) "
        f"[Xvfb, {result['deltas']} deltas paced at 20/s]"
    )


def _latency(srv: Server, env: dict[str, str], sent: str) -> dict[str, Any]:
    """The client warms up, streams while the server records send times, then reads them."""
    process = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "streaming_figures.py"),
            "latency",
            "--base-url",
            srv.base_url,
            "--deltas",
            "120",
            "--sent-file",
            sent,
        ],
        env={**os.environ, **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    for expected, command in (("warm", f"sent {sent}"), ("streamed", f"sent {sent}")):
        line = process.stdout.readline()
        if not line.startswith(expected):
            raise RuntimeError(f"latency failed:\n{process.communicate()[1][-3000:]}")
        srv.command(command)  # first forget the warm-up's deltas, then write the stream's
        if expected == "warm":
            process.stdin.write("go\n")
            process.stdin.flush()
    out, err = process.communicate("go\n", timeout=60)
    lines = [x for x in out.splitlines() if x.startswith("{")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"latency failed:\n{err[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def figure_5(runs: int) -> str:
    done = subprocess.run(
        [sys.executable, str(HERE / "startup.py"), "--runs", str(runs)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    values = dict(
        line.split(": ", 1) for line in done.stdout.splitlines() if line.startswith("startup.")
    )
    return (
        f"5. Start -> window painted: app {values['startup.app_window_ms'].split()[0]} ms vs "
        f"bare PySide6 window {values['startup.bare_window_ms'].split()[0]} ms = "
        f"{values['startup.app_vs_bare'].split()[0]} (target <= 1.3x); filled in (chat view "
        f"painted): {values['startup.app_filled_ms']} [startup.py, Xvfb, median of {runs}]"
    )


def figure_10(runs: int) -> str:
    done = subprocess.run(
        [sys.executable, str(HERE / "first_request.py"), "--runs", str(runs)],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    values = dict(
        line.split(": ", 1)
        for line in done.stdout.splitlines()
        if line.startswith("first_request.")
    )
    return (
        f"10. Launch -> first request at the server: "
        f"{values['first_request.launch_to_request_ms']}; UI stall: "
        f"{values['first_request.stall_max_ms']}"
    )


def figure_6(env: dict[str, str], runs: int) -> str:
    results = [measure("long_conversation.py", env=env) for _ in range(runs)]
    cold = [measure("long_conversation.py", "--cold", env=env) for _ in range(runs)]
    eager = measure("long_conversation.py", "--eager", env=env)
    with_sdk = measure("long_conversation.py", "--sdk", env=env)
    paint = statistics.median(r["first_paint_s"] for r in results)
    cold_paint = statistics.median(r["first_paint_s"] for r in cold)
    rss = max(r["rss_settled_mb"] for r in results + cold)
    return (
        f"6. Open a {results[0]['messages']}-message, {results[0]['bytes'] / 1e6:.1f} MB "
        f"conversation: first paint {paint:.3f} s ({cold_paint:.3f} s if opened the moment "
        f"the window shows), RSS {rss:.0f} MB (targets <= 0.2 s, <= 110 MB); everything "
        f"drawn at once would take {eager['first_paint_s']:.2f} s and "
        f"{eager['rss_settled_mb']:.0f} MB; with the anthropic SDK loaded too, as in the app: "
        f"RSS {with_sdk['rss_settled_mb']:.0f} MB (of which the SDK ~"
        f"{with_sdk['rss_before_mb'] - results[0]['rss_before_mb']:.0f} MB) "
        f"[Xvfb, median of {runs}]"
    )


def figure_7(env: dict[str, str], runs: int) -> str:
    runs_text = str(max(3, runs))
    result = measure("open_conversation.py", "--runs", runs_text, "--huge", "1000000", env=env)
    paint = result["first_paint_s"]
    return (
        f"7. Open a saved conversation through the window (a sidebar click): first paint "
        f"{paint['300']:.3f} s at 300 messages, {paint['3000']:.3f} s at 3,000 = "
        f"{result['ratio']:.2f}x (targets <= 0.3 s, <= 2x); {paint['1000000']:.3f} s at "
        f"10^6 (target <= 0.5 s) [Xvfb, median of {result['runs']}]"
    )


def figure_8(env: dict[str, str], runs: int) -> str:
    results = [measure("flood_latency.py", "--seconds", "4", env=env) for _ in range(runs)]
    p99 = statistics.median(r["key_p99_ms"] for r in results)
    worst = max(r["key_max_ms"] for r in results)
    stop = statistics.median(r["stop_s"] for r in results)
    return (
        f"8. A server streaming as fast as it can: key press handled p99 {p99:.1f} ms, max "
        f"{worst:.1f} ms (target <= 16 ms); Esc stops it in {stop * 1000:.0f} ms "
        f"[Xvfb, median of {runs}, worst of the max]"
    )


def figure_9(env: dict[str, str]) -> str:
    result = measure("flood_latency.py", "--seconds", "60", "--delta-mb", "50", env=env)
    grown = result["peak_rss_mb"] - result["peak_before_mb"]
    return (
        f"9. One 50 MB text delta: peak memory +{grown:.0f} MB = {grown / 50:.1f}x the text "
        f"(target <= 3x); key press max {result['key_max_ms']:.0f} ms while it is read "
        f"[Xvfb]"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run of each, not three")
    parser.add_argument("--only", type=int, nargs="*", help="these figures only (numbers)")
    args = parser.parse_args()
    runs = 1 if args.quick else 3
    wanted = set(args.only or range(1, 12))
    if wanted & {1, 2, 3, 4, 11}:
        with server() as srv, display() as screen:
            for number, figure in (
                (1, lambda: figure_1(srv, runs)),
                (11, lambda: figure_11(srv, runs)),
                (2, lambda: figure_2(srv, runs)),
                (3, lambda: figure_3(srv, screen, runs)),
                (4, lambda: figure_4(srv, screen)),
            ):
                if number in wanted:
                    print(figure(), flush=True)
    if 5 in wanted:
        print(figure_5(5 if args.quick else 7), flush=True)
    if wanted & {6, 7, 8, 9}:
        with display() as screen:
            for number, figure in (
                (6, lambda: figure_6(screen, runs)),
                (7, lambda: figure_7(screen, runs)),
                (8, lambda: figure_8(screen, runs)),
                (9, lambda: figure_9(screen)),
            ):
                if number in wanted:
                    print(figure(), flush=True)
    if 10 in wanted:
        print(figure_10(3 if args.quick else 5), flush=True)


if __name__ == "__main__":
    main()

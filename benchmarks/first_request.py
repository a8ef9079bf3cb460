"""Launch -> the first request reaching the server, and how the window keeps up meanwhile.

    .venv/bin/python benchmarks/first_request.py [--runs 5] [--root OTHER_CHECKOUT] [--bytecode]

The app is started as a user would who types a question the moment the window shows: the
real app with ``--smoke-test`` (``--demo`` whose question is sent as soon as the window is
built; it waits for the SDK like any early question), through ``first_request_probe.py``,
which timestamps the request arriving at the embedded demo server and runs a 2 ms heartbeat.
The floor, measured in the same run, interleaved: a bare PySide6 window's time to paint
(``startup.py``'s) plus ``python -c "import anthropic"``'s time to exit, both fresh
processes. Prints one line per figure (medians; the heartbeat: the worst run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import BARE_WINDOW, display, time_to_paint  # noqa: E402


def time_to_exit(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


class OwnServer:
    """The demo server in this process, noting when each request arrives."""

    def __init__(self) -> None:
        sys.path.insert(0, str(HERE.parent))
        from desktop_chat.demo.server import DemoServer

        arrivals = self.arrivals = []

        class Timed(DemoServer):
            def _record(self, head: Any, body: Any) -> None:
                if head.method == "POST" and head.path == "/v1/messages":
                    arrivals.append(time.perf_counter())
                super()._record(head, body)

        self.server = Timed(tokens_per_second=70)
        self.server.start()
        self.base_url = self.server.base_url


def app_run(env: dict[str, str], own: OwnServer | None = None) -> tuple[float, dict[str, Any]]:
    """Seconds from spawning the app to its first request arriving; the probe's figures.

    ``own``: the app asks that server (in this process) instead of its embedded demo one.
    """
    args = ["--smoke-test"] if own is None else ["--base-url", own.base_url]
    extra = {} if own is None else {"ANTHROPIC_API_KEY": "benchmark-key"}
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        before = 0 if own is None else len(own.arrivals)
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "first_request_probe.py"), *args],
            env={**env, **extra, "DESKTOP_CHAT_HOME": home},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        arrived = None
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("request arrived "):
                arrived = float(line.split()[-1]) - start
                break
        out, err = proc.communicate(timeout=120)
        err = "".join(seen) + err
        if own is not None and len(own.arrivals) > before:
            arrived = own.arrivals[before] - start
    lines = [x for x in out.splitlines() if x.startswith("{")]
    if arrived is None or proc.returncode != 0 or not lines:
        raise RuntimeError(f"the app failed (exit {proc.returncode}):\n{err[-3000:]}")
    return arrived, json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", help="run the app from this checkout instead")
    parser.add_argument(
        "--bytecode",
        action="store_true",
        help="let Python cache the app's bytecode, as an installed app has it (with "
        "PYTHONDONTWRITEBYTECODE set, each start compiles the app's modules: the SDK's, in "
        "site-packages, are cached at install; about 140 ms more here)",
    )
    args = parser.parse_args()
    with display() as extra:
        env = {**os.environ, **extra}
        if args.bytecode:  # in a folder of its own: the checkout stays as it was
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bytecode-")
        if args.root:
            env["BENCH_APP_ROOT"] = args.root
            env["PYTHONPATH"] = args.root
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        sdk_cmd = [sys.executable, "-c", "import anthropic"]
        app_run(env)  # warm the file cache for all three
        time_to_paint(bare_cmd, env)
        time_to_exit(sdk_cmd, env)
        own = OwnServer()
        bare, sdk, app, probes, outside = [], [], [], [], []
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            bare.append(time_to_paint(bare_cmd, env))
            sdk.append(time_to_exit(sdk_cmd, env))
            arrived, probe = app_run(env)
            app.append(arrived)
            probes.append(probe)
            outside.append(app_run(env, own))
        own.server.stop()
    b, s, a = (statistics.median(x) for x in (bare, sdk, app))
    during = [p["first_request_max_ms"] for p in probes if p["first_request_max_ms"] is not None]
    loading = [p["startup_max_ms"] for p in probes if p["startup_max_ms"] is not None]
    o_during = [p["first_request_max_ms"] for _, p in outside]
    o_arrived = statistics.median(a for a, _ in outside)
    print(
        f"first_request.launch_to_request_ms: {a * 1000:.0f} vs floor {(b + s) * 1000:.0f} "
        f"(bare window {b * 1000:.0f} + import anthropic {s * 1000:.0f}) = "
        f"+{(a - b - s) * 1000:.0f} ms (target <= +300 ms) (median of {args.runs})"
    )
    print(
        f"first_request.stall_max_ms: {max(during):.1f} during the first request "
        f"(SDK ready -> reply finished; median of the runs' max "
        f"{statistics.median(during):.1f}) (target <= 16); while loading (loop start -> "
        f"SDK ready): max {max(loading):.0f}, median {statistics.median(loading):.0f} "
        f"[--demo: the demo server is a thread of the app; 2 ms heartbeat, worst of "
        f"{args.runs}]"
    )
    print(
        f"first_request.outside_stall_max_ms: {max(o_during):.1f} during the first request "
        f"(median of the runs' max {statistics.median(o_during):.1f}) (target <= 16) "
        f"[--base-url: the same demo server in another process; launch -> request "
        f"{o_arrived * 1000:.0f} ms = +{(o_arrived - b - s) * 1000:.0f} ms]"
    )


if __name__ == "__main__":
    main()

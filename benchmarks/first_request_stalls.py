"""What the UI thread runs during the first request's stalls: sampled stacks, not a figure.

    .venv/bin/python benchmarks/first_request_stalls.py [--runs 3] [--over-ms 8]

Runs the app as ``first_request.py`` does against a demo server in this process
(``--base-url``), with ``first_request_probe.py``'s ``BENCH_STALL_STACKS`` on: for each
heartbeat late by more than ``--over-ms`` after the SDK was ready, it prints the functions
the UI thread was in meanwhile (``stall_sampler.py``). Sampling slows the app a little.
``--steps`` instead times every loop callback of the UI thread (``BENCH_SLOW_STEPS``) and
lists the late beats and the callbacks over ``--over-ms``; ``--profile`` adds a cProfile of
each of those callbacks (how the first request's set-up was found on the UI thread).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from first_request import OwnServer  # noqa: E402
from startup import display  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--over-ms", type=float, default=8.0)
    parser.add_argument("--steps", action="store_true", help="time loop steps, no sampling")
    parser.add_argument("--profile", action="store_true", help="with --steps: cProfile each")
    parser.add_argument("--demo", action="store_true", help="--smoke-test: demo server inside")
    args = parser.parse_args()
    with display() as extra:
        own = OwnServer()
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as home:
                env = {
                    **os.environ,
                    **extra,
                    "ANTHROPIC_API_KEY": "benchmark-key",
                    "DESKTOP_CHAT_HOME": home,
                }
                if args.profile:
                    env["BENCH_PROFILE_STEPS"] = "1"
                env["BENCH_SLOW_STEPS" if args.steps else "BENCH_STALL_STACKS"] = str(args.over_ms)
                done = subprocess.run(
                    [
                        sys.executable,
                        str(HERE / "first_request_probe.py"),
                        *(["--smoke-test"] if args.demo else ["--base-url", own.base_url]),
                    ],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
            print(f"--- run {run + 1}: {done.stdout.strip().splitlines()[-1:]}")
            print("\n".join(x for x in done.stderr.splitlines() if not x.startswith("INFO")))
        own.server.stop()


if __name__ == "__main__":
    main()

"""Start -> window painted: the installed app (/usr/bin/desktop-chat) against the same app run
from source, both with ``--demo`` on the same X server. Figures, not pass/fail.

    .venv/bin/python packaging/measure_startup.py [--runs 7] [--installed /usr/bin/desktop-chat]

Uses ``benchmarks/startup.py``'s display and timing (spawn -> the "window painted" line the app
logs on its first paint), so the numbers compare with that benchmark's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from startup import display, time_to_paint


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--installed", default="/usr/bin/desktop-chat")
    args = parser.parse_args()
    commands = {
        "installed": [args.installed, "--demo"],
        "source": [sys.executable, "-m", "desktop_chat", "--demo"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with display() as extra, tempfile.TemporaryDirectory() as home:
        env = {**os.environ, **extra, "DESKTOP_CHAT_HOME": home}
        first = {name: time_to_paint(cmd, env) for name, cmd in commands.items()}
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            for name, cmd in commands.items():
                times[name].append(time_to_paint(cmd, env))
    for name in commands:
        print(f"startup.{name}_first_run_ms: {first[name] * 1000:.0f}")
        median = statistics.median(times[name])
        print(f"startup.{name}_window_ms: {median * 1000:.0f} (median of {args.runs})")
    ratio = statistics.median(times["installed"]) / statistics.median(times["source"])
    print(f"startup.installed_vs_source: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

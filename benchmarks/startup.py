"""Start -> window painted: the app (--demo) against a bare PySide6 window started the same way.

Both are started as fresh processes with the same interpreter on the same X server (or the
offscreen platform when there is no DISPLAY and no Xvfb); the time is from spawning the process
to the line each prints on its first paint. Prints one line per figure.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--home DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BARE_WINDOW = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv)
class View(QTextBrowser):
    def paintEvent(self, event):
        super().paintEvent(event)
        print("window painted", file=sys.stderr, flush=True)
        app.quit()
w = QMainWindow(); w.setCentralWidget(View()); w.resize(1100, 720); w.show()
app.exec()
"""


@contextmanager
def display() -> Iterator[dict[str, str]]:
    if os.environ.get("DISPLAY"):
        yield {"QT_QPA_PLATFORM": "xcb"}
        return
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    n = next(i for i in range(150, 199) if not Path(f"/tmp/.X11-unix/X{i}").exists())
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        time.sleep(0.02)
    try:
        yield {"DISPLAY": f":{n}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        xvfb.terminate()
        xvfb.wait()


def time_to_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if "window painted" in line:
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{cmd} exited without painting")
    proc.terminate()
    proc.wait(10)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--home",
        help="the app's data folder (DESKTOP_CHAT_HOME) to start with, such as the one "
        "huge_conversation.py built; an empty temp folder by default",
    )
    args = parser.parse_args()
    with display() as extra, tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, **extra, "DESKTOP_CHAT_HOME": args.home or empty}
        app_cmd = [sys.executable, "-m", "desktop_chat", "--demo"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        time_to_paint(app_cmd, env)  # warm the file cache for both
        time_to_paint(bare_cmd, env)
        app, bare = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            bare.append(time_to_paint(bare_cmd, env))
            app.append(time_to_paint(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"startup.bare_window_ms: {b * 1000:.0f} (median of {args.runs})")
    print(f"startup.app_window_ms: {a * 1000:.0f} (median of {args.runs})")
    print(f"startup.app_vs_bare: {a / b:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()

"""Start -> window painted: the app (--demo) against a bare PySide6 window started the same way.

Both are started as fresh processes with the same interpreter on the same X server (or the
offscreen platform when there is no DISPLAY and no Xvfb); the time is from spawning the process
to the line each prints on its first paint ("window painted": the app's top-level window,
which shows before the rest of the UI has loaded). Also: to the app's "chat view painted"
line, when the window has filled in with the transcript, composer and side pane. Prints one
line per figure.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--home DIR] [--root OTHER_CHECKOUT] \
        [--bytecode]
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
    return times_to_paint(cmd, env, None)[0]


def times_to_paint(cmd: list[str], env: dict[str, str], then: str | None) -> tuple[float, float]:
    """Seconds to the "window painted" line, and to the ``then`` line after it (None: the
    same moment)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert proc.stderr is not None
    window = None
    for line in proc.stderr:
        if window is None and "window painted" in line:
            window = time.perf_counter() - start
            if then is None:
                break
        elif then is not None and then in line:
            break
    else:
        raise RuntimeError(f"{cmd} exited without painting")
    assert window is not None
    full = time.perf_counter() - start
    proc.terminate()
    proc.wait(10)
    return window, (window if then is None else full)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--home",
        help="the app's data folder (DESKTOP_CHAT_HOME) to start with, such as the one "
        "huge_conversation.py built; an empty temp folder by default",
    )
    parser.add_argument("--root", help="run the app from this checkout instead")
    parser.add_argument(
        "--bytecode", action="store_true", help="cache the app's bytecode (first_request.py)"
    )
    args = parser.parse_args()
    root = Path(args.root or Path(__file__).resolve().parent.parent)
    # A checkout whose window shows before the rest prints "chat view painted" when it fills.
    then = "chat view painted" if (root / "desktop_chat/ui/shell_window.py").exists() else None
    os.chdir(root)  # `python -m` looks in the working directory first
    with display() as extra, tempfile.TemporaryDirectory() as empty:
        home = args.home or empty
        env = {**os.environ, **extra, "DESKTOP_CHAT_HOME": home, "PYTHONPATH": str(root)}
        if args.bytecode:  # in a folder of its own: the checkout stays as it was
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bytecode-")
        app_cmd = [sys.executable, "-m", "desktop_chat", "--demo"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        times_to_paint(app_cmd, env, then)  # warm the file cache for both
        time_to_paint(bare_cmd, env)
        app, full, bare = [], [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            bare.append(time_to_paint(bare_cmd, env))
            window, filled = times_to_paint(app_cmd, env, then)
            app.append(window)
            full.append(filled)
    b, a, f = statistics.median(bare), statistics.median(app), statistics.median(full)
    print(f"startup.bare_window_ms: {b * 1000:.0f} (median of {args.runs})")
    print(f"startup.app_window_ms: {a * 1000:.0f} (median of {args.runs})")
    print(f"startup.app_vs_bare: {a / b:.2f}x (target <= 1.3x)")
    print(f"startup.app_filled_ms: {f * 1000:.0f} = {f / b:.2f}x (median of {args.runs})")


if __name__ == "__main__":
    main()

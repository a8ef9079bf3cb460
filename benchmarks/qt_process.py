"""What every benchmark process that draws with Qt needs: the application, its memory.

Not a benchmark itself: ``streaming_figures.py`` and ``long_conversation.py`` import it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def application() -> Any:
    """The QApplication of this process (made once)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["benchmark"])


def rss_mb() -> tuple[float, float]:
    """Resident memory now and at its peak, in MB (Linux)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]

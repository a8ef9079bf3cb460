"""A stdio server's stderr, line by line into our log, its last lines kept for messages.

The SDK hands the server's stderr a file of ours (``errlog``); this is the write end of a
pipe whose read end a thread reads until the server, and every process it started, is gone.
That end of file is also how a server's death is noticed between calls.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import threading
from collections.abc import Callable
from typing import IO, TextIO

MAX_LINE = 2000
TAIL_LINES = 20

log = logging.getLogger("desktop_chat.mcp")


class StderrPump:
    """Reads one server process's stderr into the log (``desktop_chat.mcp``, INFO).

    Args:
        server: the server name, put before each line.
        on_eof: called (from the reading thread) when the pipe closes: the process is gone.
    """

    def __init__(self, server: str, on_eof: Callable[[], None] | None = None) -> None:
        self.server = server
        self.tail: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
        read_fd, write_fd = os.pipe()
        self._reader: IO[bytes] = os.fdopen(read_fd, "rb")
        self.errlog: TextIO | None = os.fdopen(write_fd, "w", encoding="utf-8")
        self._on_eof = on_eof
        self._thread = threading.Thread(target=self._pump, name=f"mcp-stderr-{server}", daemon=True)
        self._thread.start()

    def spawned(self) -> None:
        """Close our copy of the write end once the process has it (or failed to start),
        so that the pipe ends when the process does."""
        if self.errlog is not None:
            with contextlib.suppress(OSError):
                self.errlog.close()
            self.errlog = None

    def _pump(self) -> None:
        try:
            with self._reader:
                for raw in self._reader:
                    line = raw.decode("utf-8", "replace").rstrip()
                    if not line:
                        continue
                    if len(line) > MAX_LINE:
                        line = line[:MAX_LINE] + "…"
                    self.tail.append(line)
                    log.info("[%s] %s", self.server, line)
        except (OSError, ValueError):  # closed under us: nothing more to read
            pass
        finally:
            if self._on_eof is not None:
                self._on_eof()

    def join(self, timeout: float = 2.0) -> None:
        """Wait for the reading thread to finish (after the process is gone)."""
        self.spawned()
        self._thread.join(timeout)

    def last_words(self, lines: int = 5) -> str:
        """The server's last stderr lines, joined, or "" when it said nothing."""
        return "\n".join(list(self.tail)[-lines:])

"""The reply streaming now, and when it is drawn next.

A text delta is only recorded (:class:`StreamingText`); :class:`FramePacer` has the open
text block drawn at most once a frame, and after a slow frame leaves as long again for keys
and paints.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer

from desktop_chat.ui.streaming_text import StreamingText

FRAME_MS = 16


@dataclass
class LiveReply:
    """The reply streaming now: its entry, and its text blocks by content index."""

    entry: int
    texts: dict[int, StreamingText] = field(default_factory=dict)
    open: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts[i].text for i in sorted(self.texts) if self.texts[i].text)

    def open_stream(self) -> StreamingText | None:
        """The text block streaming now, if one is."""
        return self.texts[max(self.open)] if self.open else None

    def draw(self) -> bool:
        """Draw the open text blocks that changed; True when some have more left to draw."""
        for index in self.open:
            stream = self.texts[index]
            if stream.dirty:
                stream.draw()
        return any(self.texts[i].dirty for i in self.open)


class FramePacer:
    """Calls ``draw`` at most once a frame (``FRAME_MS``), or as long as the last one took."""

    def __init__(self, parent: QObject, draw: Callable[[], None]) -> None:
        self._draw = draw
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(draw)
        self._pending = False
        self._last_frame = 0.0
        self._frame_cost = 0.0

    def schedule(self) -> None:
        """A frame is wanted: now, if the last one was long enough ago, or when it is."""
        if self._pending:
            return
        gap = max(FRAME_MS / 1000, self._frame_cost)
        wait = self._last_frame + gap - time.monotonic()
        if wait <= 0:
            self._draw()  # the first text after a pause shows at once
        else:
            self._pending = True
            self._timer.start(max(1, round(wait * 1000)))

    def stop(self) -> None:
        self._timer.stop()
        self._pending = False

    def frame_started(self) -> float:
        """Called first thing in a frame; returns when it started."""
        self._pending = False
        return time.monotonic()

    def frame_done(self, started: float) -> None:
        # A slow frame (a long open block) leaves at least as long for keys and paints
        # before the next one.
        self._last_frame = time.monotonic()
        self._frame_cost = self._last_frame - started

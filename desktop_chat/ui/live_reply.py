"""The reply streaming now, and when it is drawn next.

A text delta is only recorded (:class:`StreamingText`); :class:`FramePacer` has the open
text block drawn at most once a frame, and keeps drawing (a frame and the paint that shows
it) to a share of the time: when text comes faster than that share can draw it, frames come
further apart, each showing more, and the time left goes to reading the stream, to keys and
to the rest of the window. Text that comes faster than anyone reads (a flood) is drawn ten
times a second, its code without colours until someone can look at it (``code_in_sight``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer

from desktop_chat.ui.streaming_text import StreamingText

FRAME_MS = 16
DRAW_SHARE = 0.125
"""Drawing's share of the time at most. A frame of a fast stream (a screenful of new text,
its layout and paint) takes 4-6 ms here: a frame every 16 ms would spend a third of the time
drawing text that scrolls past unread. At a model's usual pace a frame costs about 1 ms, so
frames stay 16 ms apart."""
LONGEST_GAP_MS = 100  # however costly frames are, text shows at least this often
FLOOD_CHARS_PER_S = 3_000
"""Text coming faster than this is a flood: nobody reads it as it passes, and frames come
``FLOOD_GAP_MS`` apart. The fastest models stream about 1,000 characters a second (and CJK
text fewer); a flood is a server sending what it held back, or a test server."""
FLOOD_GAP_MS = 100
FRAME_WORK_MS = 5
"""A frame stops writing finished blocks after this long; their layout and the paint that
shows them take about as long again, so a key pressed meanwhile waits for less than a frame
(16 ms). What is left goes to the next frame, as soon as a frame may come. (8 ms fits more
of a flood's 100 ms of dense Markdown in one frame: about 1 us less CPU per delta, and a key
held up to 12 ms instead of 10.5.)"""


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

    def draw(self, *, flood: bool = False) -> bool:
        """Draw the open text blocks that changed (a frame's worth of each); True when some
        have more left to draw. In a ``flood``, code is written without its colours (the
        view colours what comes in sight, see ``code_in_sight``)."""
        deadline = time.perf_counter() + FRAME_WORK_MS / 1000
        for index in self.open:
            stream = self.texts[index]
            if stream.dirty:
                stream.draw(deadline, colour_later=flood)
        return any(self.texts[i].dirty for i in self.open)


class FramePacer:
    """Calls ``draw`` at most once a frame (``FRAME_MS``), and no more often than keeps the
    frames and their paints to ``DRAW_SHARE`` of the time (up to ``LONGEST_GAP_MS`` apart),
    nor sooner after a frame than that frame took."""

    def __init__(self, parent: QObject, draw: Callable[[], None]) -> None:
        self._draw = draw
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(draw)
        self._pending = False
        self._last_frame = 0.0
        self._frame_cost = 0.0
        self._paint_cost = 0.0
        self._received = 0  # characters since the last frame started
        self._frame_start = 0.0
        self._flood = False

    @property
    def flood(self) -> bool:
        """Text came faster than anyone reads, up to the last frame (``FLOOD_CHARS_PER_S``)."""
        return self._flood

    @property
    def gap(self) -> float:
        """Seconds from one frame to the next, now."""
        shared = min((self._frame_cost + self._paint_cost) / DRAW_SHARE, LONGEST_GAP_MS / 1000)
        shortest = (FLOOD_GAP_MS if self._flood else FRAME_MS) / 1000
        return max(shortest, shared, self._frame_cost)

    def received(self, chars: int) -> None:
        """``chars`` characters of text arrived (how fast text comes sets how often frames do)."""
        self._received += chars

    def schedule(self, *, behind: bool = False) -> None:
        """A frame is wanted: now, if the last one was long enough ago, or when it is.
        ``behind``: the last frame left text it had no budget for; the next one comes as soon
        as a frame may (the view does not fall further and further behind the stream)."""
        if self._pending:
            return
        gap = max(FRAME_MS / 1000, self._frame_cost) if behind else self.gap
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
        now = time.monotonic()
        since = now - self._frame_start
        self._flood = since > 0 and self._received / since > FLOOD_CHARS_PER_S
        self._received = 0
        self._frame_start = now
        return now

    def frame_done(self, started: float) -> None:
        # A slow frame (a long open block) leaves at least as long for keys and paints
        # before the next one.
        self._last_frame = time.monotonic()
        self._frame_cost = self._last_frame - started

    def painted(self, seconds: float) -> None:
        """The view painted, taking ``seconds`` (the paint that shows a frame is its cost too)."""
        self._paint_cost = seconds

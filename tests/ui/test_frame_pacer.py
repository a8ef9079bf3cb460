"""How often a streaming reply is drawn: every 16 ms while frames are cheap, further apart
when drawing a frame and painting it would take more than its share of the time."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QObject

from desktop_chat.ui.live_reply import (
    DRAW_SHARE,
    FLOOD_CHARS_PER_S,
    FLOOD_GAP_MS,
    FRAME_MS,
    LONGEST_GAP_MS,
    FramePacer,
)

pytestmark = pytest.mark.flood_pace

PARENTS: list[QObject] = []  # a pacer's timer lives as long as its parent


def make_pacer(draw: Any) -> FramePacer:
    PARENTS.append(QObject())
    return FramePacer(PARENTS[-1], draw)


@pytest.fixture
def pacer(qtbot: Any) -> FramePacer:
    del qtbot  # the QApplication
    return make_pacer(lambda: None)


def a_frame(pacer: FramePacer, *, draw_s: float, paint_s: float) -> None:
    pacer.frame_done(pacer.frame_started() - draw_s)
    pacer.painted(paint_s)


def test_cheap_frames_come_every_16_ms(pacer: FramePacer) -> None:
    a_frame(pacer, draw_s=0.0008, paint_s=0.0005)  # a model's usual pace
    assert pacer.gap == pytest.approx(FRAME_MS / 1000)


def test_costly_frames_keep_drawing_to_its_share_of_the_time(pacer: FramePacer) -> None:
    a_frame(pacer, draw_s=0.004, paint_s=0.002)  # a flood: a screenful of text per frame
    assert pacer.gap == pytest.approx(0.006 / DRAW_SHARE, rel=0.01)
    assert pacer.gap > 2 * FRAME_MS / 1000


def test_text_shows_at_least_ten_times_a_second(pacer: FramePacer) -> None:
    a_frame(pacer, draw_s=0.03, paint_s=0.01)
    assert pacer.gap == pytest.approx(LONGEST_GAP_MS / 1000)


def test_a_frame_longer_than_that_leaves_as_long_again(pacer: FramePacer) -> None:
    a_frame(pacer, draw_s=0.25, paint_s=0.01)
    assert pacer.gap == pytest.approx(0.25, rel=0.01)


def test_the_first_text_after_a_pause_is_drawn_at_once(qtbot: Any) -> None:
    drawn: list[float] = []
    pacer = make_pacer(lambda: drawn.append(time.monotonic()))
    a_frame(pacer, draw_s=0.004, paint_s=0.002)  # costly frames: 48 ms apart
    qtbot.wait(60)
    pacer.schedule()
    assert len(drawn) == 1  # not held back by the gap the costly frames set


def test_a_frame_is_held_back_until_its_gap_has_passed(qtbot: Any) -> None:
    drawn: list[float] = []
    pacer = make_pacer(lambda: drawn.append(time.monotonic()))
    a_frame(pacer, draw_s=0.004, paint_s=0.002)
    since = time.monotonic()
    pacer.schedule()
    pacer.schedule()  # one frame, however many deltas
    assert drawn == []
    qtbot.waitUntil(lambda: len(drawn) == 1, timeout=1000)
    assert drawn[0] - since >= pacer.gap - 0.006  # timers fire to the ms
    qtbot.wait(60)
    assert len(drawn) == 1


def frame_after(pacer: FramePacer, *, chars: int, seconds: float) -> None:
    """A cheap frame ``seconds`` after the last one began, ``chars`` having arrived between."""
    pacer._frame_start = time.monotonic() - seconds  # when the last frame began
    pacer.received(chars)
    a_frame(pacer, draw_s=0.0008, paint_s=0.0005)


def test_text_at_a_model_s_pace_is_drawn_every_16_ms(pacer: FramePacer) -> None:
    # 1,000 characters a second: faster than any model streams today.
    frame_after(pacer, chars=16, seconds=0.016)
    assert not pacer.flood
    assert pacer.gap == pytest.approx(FRAME_MS / 1000)


def test_a_flood_is_drawn_ten_times_a_second(pacer: FramePacer) -> None:
    frame_after(pacer, chars=600, seconds=0.016)  # 37,500 characters a second
    assert pacer.flood
    assert pacer.gap == pytest.approx(FLOOD_GAP_MS / 1000)
    # Still a flood at its own pace (what came in the 100 ms since the last frame).
    frame_after(pacer, chars=3700, seconds=FLOOD_GAP_MS / 1000)
    assert pacer.gap == pytest.approx(FLOOD_GAP_MS / 1000)
    # The flood ends (the model's pace again): frames come every 16 ms again.
    frame_after(pacer, chars=100, seconds=FLOOD_GAP_MS / 1000)
    assert not pacer.flood
    assert pacer.gap == pytest.approx(FRAME_MS / 1000)


def test_a_burst_after_a_pause_is_no_flood(pacer: FramePacer) -> None:
    # Two seconds of text held up by the network, arriving at once.
    frame_after(pacer, chars=FLOOD_CHARS_PER_S, seconds=2.0)
    assert not pacer.flood

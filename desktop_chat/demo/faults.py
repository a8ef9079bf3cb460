"""Ways a stream goes wrong, and where in a stream they strike.

A fault turns the list of events of a healthy reply into the list of steps actually
written: the events up to a point "some text in", then whatever the fault does there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_chat.demo.wire import dumps, sse_frame, sse_raw_frame


@dataclass(frozen=True)
class Event:
    """One SSE event of a healthy reply; ``paced`` ones are deltas, one token each."""

    name: str
    data: dict[str, Any]
    paced: bool = False

    @property
    def frame(self) -> bytes:
        return sse_frame(self.name, self.data)


@dataclass(frozen=True)
class ErrorEvent:
    """``event: error`` mid-stream, then a clean end of the body (as the API does)."""

    error_type: str
    message: str


@dataclass(frozen=True)
class Drop:
    """The connection closes in the middle of an event.

    ``close_delimited`` responses carry no ``Transfer-Encoding``/``Content-Length``, so the
    close is a legal end of body; chunked ones lack their last chunk, a protocol error.
    """

    close_delimited: bool = False


@dataclass(frozen=True)
class Stall:
    """No more bytes for the server's ``stall_seconds``, then the connection closes."""


@dataclass(frozen=True)
class NoStop:
    """Everything but ``message_stop``, then a clean end of the body."""


@dataclass(frozen=True)
class Malformed:
    """A ``data:`` line that is not valid JSON."""


@dataclass(frozen=True)
class UnknownEvents:
    """A delta of a type the SDK does not know, and an event of an unknown name."""


@dataclass(frozen=True)
class NoEventLine:
    """One text delta sent as a bare ``data:`` line, without its ``event:`` line."""


@dataclass(frozen=True)
class TruncatedLine:
    """The body ends cleanly (framing intact) in the middle of a ``data:`` line."""


@dataclass(frozen=True)
class BlockOutOfOrder:
    """A content block starts one index past the next one, and gets a delta."""


@dataclass(frozen=True)
class DropAfterStop:
    """The whole reply, ``message_stop`` included, then the connection breaks mid-chunk."""


Fault = (
    ErrorEvent
    | Drop
    | Stall
    | NoStop
    | Malformed
    | UnknownEvents
    | NoEventLine
    | TruncatedLine
    | BlockOutOfOrder
    | DropAfterStop
)


@dataclass(frozen=True)
class Send:
    frame: bytes
    paced: bool = False


@dataclass(frozen=True)
class Cut:
    """Send the first half of ``frame``, then close the connection."""

    frame: bytes


@dataclass(frozen=True)
class Pause:
    """Send nothing for ``stall_seconds``, then close the connection."""


Step = Send | Cut | Pause


def fault_point(events: list[Event]) -> int:
    """Index of the event after "some text": half-way through the first text block.

    Without text deltas, the point is just before ``message_delta``.
    """
    text_deltas = [
        i
        for i, event in enumerate(events)
        if event.name == "content_block_delta" and event.data["delta"]["type"] == "text_delta"
    ]
    if text_deltas:
        first_block = events[text_deltas[0]].data["index"]
        own = [i for i in text_deltas if events[i].data["index"] == first_block]
        return own[(len(own) - 1) // 2] + 1
    return next(i for i, event in enumerate(events) if event.name == "message_delta")


def _open_block(events: list[Event], point: int) -> int:
    """The index of the content block open at ``point`` (or the last one started)."""
    starts = [e.data["index"] for e in events[:point] if e.name == "content_block_start"]
    return starts[-1] if starts else 0


def stream_steps(events: list[Event], fault: Fault | None) -> list[Step]:
    """The steps that write ``events`` as ``fault`` would spoil them."""
    sends: list[Step] = [Send(event.frame, event.paced) for event in events]
    if fault is None:
        return sends
    if isinstance(fault, NoStop):
        return sends[:-1]
    point = fault_point(events)
    before, after = sends[:point], sends[point:]
    match fault:
        case ErrorEvent(error_type=error_type, message=message):
            error = {"type": "error", "error": {"type": error_type, "message": message}}
            return [*before, Send(sse_frame("error", error))]
        case Drop():
            return [*before, Cut(events[point].frame)]
        case Stall():
            return [*before, Pause()]
        case Malformed():
            index = _open_block(events, point)
            broken = dumps(
                {"type": "content_block_delta", "index": index, "delta": {"type": "text_delta"}}
            ).decode()[:-2]
            bad = sse_raw_frame("content_block_delta", broken + ',"text":"oo')
            return [*before, Send(bad), *after]
        case UnknownEvents():
            index = _open_block(events, point)
            future_delta = {
                "type": "content_block_delta",
                "index": index,
                "delta": {"type": "future_delta", "future": "a delta type from a newer API"},
            }
            future_event = {"type": "future_event", "detail": "an event type from a newer API"}
            return [
                *before,
                Send(sse_frame("content_block_delta", future_delta)),
                Send(sse_frame("future_event", future_event)),
                *after,
            ]
        case NoEventLine():
            bare = events[point].frame.split(b"\n", 1)[1]  # the data: line and the blank one
            return [*before, Send(bare), *after[1:]]
        case TruncatedLine():
            frame = events[point].frame
            return [*before, Send(frame[: len(frame) // 2])]
        case BlockOutOfOrder():
            index = _open_block(events, point) + 2
            start = {
                "type": "content_block_start",
                "index": index,
                "content_block": {"type": "text", "text": ""},
            }
            delta = {
                "type": "content_block_delta",
                "index": index,
                "delta": {"type": "text_delta", "text": "out of order"},
            }
            return [
                *before,
                Send(sse_frame("content_block_start", start)),
                Send(sse_frame("content_block_delta", delta)),
                *after,
            ]
        case NoStop():  # handled above; here for the exhaustiveness check
            return sends[:-1]
        case DropAfterStop():
            return [*sends, Cut(sse_frame("ping", {"type": "ping"}))]

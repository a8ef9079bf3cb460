"""What the UI thread ran during a stall: its Python stack, sampled from another thread.

Used by ``first_request_probe.py`` when ``BENCH_STALL_STACKS`` is set: a thread takes the
main thread's stack every ``PERIOD_S`` (with a short switch interval, so that it gets the
GIL even while the main thread runs Python); afterwards ``explain(start, end)`` says which
functions the samples in that span were in (each function counted once per sample).
"""

from __future__ import annotations

import collections
import sys
import threading
import time
from types import FrameType

PERIOD_S = 0.0005


class StallSampler:
    """Samples the stack of the thread that made it, until ``stop()``."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self._target = threading.get_ident()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)
        self._switch = sys.getswitchinterval()

    def start(self) -> None:
        sys.setswitchinterval(PERIOD_S / 2)
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()
        sys.setswitchinterval(self._switch)

    def _run(self) -> None:
        while not self._stopped.wait(PERIOD_S):
            frame: FrameType | None = sys._current_frames().get(self._target)
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{code.co_filename.rsplit('/', 2)[-1]}:{code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(stack)))

    def explain(self, start: float, end: float, top: int = 25) -> str:
        """The functions the samples between ``start`` and ``end`` were in, most first."""
        inside = [stack for when, stack in self.samples if start <= when <= end]
        counts: collections.Counter[str] = collections.Counter()
        leaves: collections.Counter[str] = collections.Counter()
        for stack in inside:
            counts.update(set(stack))
            if stack:
                leaves[stack[0]] += 1
        lines = [f"  {len(inside)} samples; functions (samples in which they were on the stack):"]
        lines += [f"    {n:4d} {name}" for name, n in counts.most_common(top)]
        lines.append("  leaves:")
        lines += [f"    {n:4d} {name}" for name, n in leaves.most_common(10)]
        return "\n".join(lines)

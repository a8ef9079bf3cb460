"""The app's own work per text delta, without the network or the SDK: a recorded stream's
events replayed through the fold, the turn and the controller's signals.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/path_per_delta.py --base-url URL

One reply of ``--deltas`` deltas is read once through the SDK from ``bench_server.py`` (its
events kept), then replayed ``--rounds`` times through ``core.stream.fold``, a core
``Turn``'s ``_on_update`` (with a saver) and ``ui.turn_signals.TurnSignals`` into the
controller's signals, wired to a view that does nothing, on the app's loop, giving the loop
a turn every 64 events as a fast network read would. Prints one JSON line: microseconds of
CPU per delta (median of the rounds). Figure 1 has the same work inside a real stream; this
is the part of it that is the app's, measured without the SDK's noise around it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

from qt_process import application
from streaming_figures import TLS, KeptOpen, Probe, make_client, params


async def replay(base_url: str, deltas: int, rounds: int) -> dict[str, Any]:
    from desktop_chat.core.autosave import AutoSaver
    from desktop_chat.core.conversation import Conversation, Message
    from desktop_chat.core.retry import RetryPolicy
    from desktop_chat.core.stream import TurnSnapshot, fold
    from desktop_chat.core.turn import Turn
    from desktop_chat.ui.turn_signals import TurnSignals

    client = make_client(base_url)
    async with client.messages.stream(**params(deltas)) as stream:
        events = [event async for event in stream]
    await client.close()
    probe = Probe(null=True)
    times = []
    for _ in range(rounds + 1):  # the first round warms up
        conversation = Conversation()
        conversation.append(Message.user("A long answer, please."))
        saver = AutoSaver(probe.store(), conversation, print)

        async def no_client() -> Any:
            return KeptOpen(client)

        turn = Turn(
            conversation,
            {},
            no_client,
            TurnSignals(probe.controller),
            saver=saver,
            retry_policy=RetryPolicy(),
            key=probe.controller.key,
        )
        snapshot = TurnSnapshot()
        turn._snapshot = snapshot  # what ``Turn._request`` sets before streaming
        on_update = turn._on_update
        cpu = time.process_time()
        for number, event in enumerate(events):
            update = fold(snapshot, event)
            if update is not None:
                on_update(update)
            if number % 64 == 0:
                await asyncio.sleep(0)
        await asyncio.sleep(0)
        times.append((time.process_time() - cpu) / deltas * 1e6)
        turn._cancel_pending_save()
    return {"deltas": deltas, "events": len(events), "us_per_delta": statistics.median(times[1:])}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--deltas", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import qasync

    from desktop_chat.core.sdk_warmup import prepare_sdk

    TLS.append(prepare_sdk())
    app = application()
    runner = asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app))
    try:
        result = runner.run(replay(args.base_url, args.deltas, args.rounds))
    finally:
        runner.close()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

"""What a 20-turn conversation costs with prompt caching and without, in the same run.

    .venv/bin/python benchmarks/cache_savings.py [--turns 20] [--model claude-sonnet-5-5]

Both conversations are the same questions, with the same system prompt, through the app's own
``Turn`` and the real SDK, against the embedded demo server (its own, so its cache starts
empty). The cost is the app's: each reply's reported usage at the model's price file. The
floor is the conversation without caching; the figure is the ratio of the cached one to it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_chat.core import costs
from desktop_chat.core.client import make_client
from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.pricing import PriceBook
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.core.turn import Turn
from desktop_chat.demo.server import DemoServer

SYSTEM = "You answer questions about rivers, bridges and the towns along them. " * 90


class _Listener:
    def __init__(self) -> None:
        self.ended = asyncio.Event()

    def __getattr__(self, name: str) -> Any:
        return lambda *args: None

    def on_turn_ended(self) -> None:
        self.ended.set()


async def converse(server: DemoServer, settings: Settings, turns: int) -> Conversation:
    conversation = Conversation(title="bench")

    async def open_client() -> Any:
        return make_client(api_key="bench", base_url=server.base_url, max_retries=0)

    for n in range(1, turns + 1):
        conversation.append(Message.user(f"Question {n}: which bridge is the oldest, and why?"))
        listener = _Listener()
        Turn(
            conversation,
            settings.request_params(),
            open_client,
            listener,  # type: ignore[arg-type]
            saver=None,
            retry_policy=RetryPolicy(max_attempts=1),
            key=Keymap().text_for,
        ).start()
        await listener.ended.wait()
    return conversation


def summary(conversation: Conversation, book: PriceBook) -> tuple[costs.Cost, costs.UsageParts]:
    replies = [m for m in conversation.messages if m.role == "assistant"]
    parts = costs.UsageParts()
    for m in replies:
        parts = parts + costs.usage_parts(m.usage)
    return costs.total_cost(((m.model, m.usage) for m in replies), book), parts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--model", default="claude-sonnet-5-5")
    args = parser.parse_args()
    book = PriceBook.load()
    results = {}
    with DemoServer(tokens_per_second=0, stall_seconds=3.0) as server:
        for label, ttl in (("without caching", "off"), ("with caching (5 min)", "5m")):
            settings = Settings(
                model=args.model, system_prompt=SYSTEM, thinking="off", cache_ttl=ttl
            )
            results[label] = summary(asyncio.run(converse(server, settings, args.turns)), book)
    floor = results["without caching"][0].dollars
    for label, (cost, parts) in results.items():
        print(
            f"{args.turns}-turn conversation {label}: {costs.format_cost(cost)}"
            f" (exact {cost.dollars}); input {parts.input:,}, cache written"
            f" {parts.cache_write_5m + parts.cache_write_1h:,}, cache read {parts.cache_read:,},"
            f" output {parts.output:,} tokens; ratio to the floor"
            f" {cost.dollars / floor:.3f}"
        )


if __name__ == "__main__":
    main()

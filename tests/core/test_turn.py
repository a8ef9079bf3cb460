"""A turn, run through the real SDK against the embedded server: what it saves and says."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_chat.core.autosave import AutoSaver
from desktop_chat.core.client import make_client
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.core.stream import Figures, TextDelta, ThinkingDelta, Update
from desktop_chat.core.turn import SAVE_INTERVAL_S, Turn


class Recorder:
    """A listener that writes down what the turn says."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self.ended = asyncio.Event()

    def on_reply_started(self, continuing: bool) -> None:
        self.events.append(("started", continuing))

    def on_update(self, update: Update) -> None:
        self.events.append(("update", update))

    def on_figures(self, figures: Figures) -> None:
        self.events.append(("figures", figures))

    def on_reply_finished(self, message: Message) -> None:
        self.events.append(("finished", message))

    def on_path_changed(self) -> None:
        self.events.append(("path", None))

    def on_notice(self, text: str, error: bool) -> None:
        self.events.append(("notice", text))

    def on_countdown(self, text: str) -> None:
        self.events.append(("countdown", text))

    def on_key_rejected(self) -> None:
        self.events.append(("key_rejected", None))

    def on_turn_ended(self) -> None:
        self.ended.set()

    def of(self, kind: str) -> list[Any]:
        return [value for k, value in self.events if k == kind]


@pytest.fixture
def paced_server() -> Iterator[Any]:
    from desktop_chat.demo.server import DemoServer

    server = DemoServer(tokens_per_second=40, stall_seconds=2.0)
    server.start()
    yield server
    server.stop()


def make_turn(
    server: Any, conversation: Conversation, store: Store | None, recorder: Recorder, **kw: Any
) -> Turn:

    async def open_client() -> Any:
        return make_client(api_key="test-key", base_url=server.base_url, max_retries=0)

    saver = AutoSaver(store, conversation, lambda text: None) if store is not None else None
    return Turn(
        conversation,
        Settings().request_params(),
        open_client,
        recorder,
        saver=saver,
        retry_policy=kw.pop("retry_policy", RetryPolicy(max_attempts=1)),
        key=Keymap().text_for,
        **kw,
    )


def ask(conversation: Conversation, store: Store | None, text: str) -> None:
    question = conversation.append(Message.user(text))
    if store is not None:
        store.save_conversation(conversation)
        store.append_message(conversation.id, question)


def test_the_reply_reaches_the_store_while_it_streams(paced_server: Any, store: Store) -> None:
    conversation = Conversation(title="t")
    ask(conversation, store, "demo:markdown")
    recorder = Recorder()
    seen: list[str] = []

    async def go() -> None:
        turn = make_turn(paced_server, conversation, store, recorder)
        turn.start()
        # Saved as streaming at once; then within SAVE_INTERVAL_S of the text growing.
        while not recorder.of("update"):
            await asyncio.sleep(0.02)
        for _ in range(4):
            await asyncio.sleep(SAVE_INTERVAL_S + 0.15)
            saved = store.load(conversation.id).messages[-1]
            assert saved.status is Status.STREAMING
            seen.append(json.dumps(saved.content))
        turn.stop()
        await recorder.ended.wait()

    asyncio.run(go())
    assert all(a != b for a, b in itertools.pairwise(seen))  # it grew each time
    updates = recorder.of("update")
    thought = "".join(u.text for u in updates if isinstance(u, ThinkingDelta))
    final = store.load(conversation.id).messages[-1]
    assert final.status is Status.INTERRUPTED  # stopped: what arrived is kept, nothing lost
    assert thought and final.content[0]["thinking"] == thought
    assert conversation.messages[-1].content == final.content


def test_figures_come_with_updates_not_per_delta(api_server: Any) -> None:
    conversation = Conversation()
    ask(conversation, None, "Hello")
    recorder = Recorder()

    async def go() -> None:
        make_turn(api_server, conversation, None, recorder).start()
        await recorder.ended.wait()

    asyncio.run(go())
    deltas = [u for u in recorder.of("update") if isinstance(u, TextDelta)]
    figures = recorder.of("figures")
    assert figures and len(figures) < len(deltas)
    final = figures[-1]
    assert not final.streaming and final.stop_reason == "end_turn"
    assert final.usage.output_tokens > 0 and final.model
    (message,) = recorder.of("finished")
    assert message.status is Status.COMPLETE and message.parent_id == conversation.path()[-2].id


def test_a_retry_that_got_nothing_leaves_no_empty_variant(api_server: Any) -> None:
    conversation = Conversation()
    ask(conversation, None, "demo:http529")
    recorder = Recorder()

    async def go() -> None:
        policy = RetryPolicy(max_attempts=3, base_s=0.01, jitter=0)
        make_turn(api_server, conversation, None, recorder, retry_policy=policy).start()
        await recorder.ended.wait()

    asyncio.run(go())
    replies = [m for m in conversation.messages if m.role == "assistant"]
    assert len(replies) == 1  # three attempts, one (failed) reply kept, not three
    assert replies[0].status is Status.ERROR and "overloaded" in (replies[0].error or "")
    assert len(recorder.of("finished")) == 3


def test_stopping_before_the_sdk_is_ready_sends_nothing(api_server: Any) -> None:
    conversation = Conversation()
    ask(conversation, None, "Hello")
    recorder = Recorder()
    release = asyncio.Event

    async def go() -> None:
        gate = release()

        async def open_client() -> Any:
            await gate.wait()
            raise AssertionError("never asked for: the turn was stopped before")

        turn = Turn(
            conversation,
            Settings().request_params(),
            open_client,
            recorder,
            saver=None,
            retry_policy=RetryPolicy(max_attempts=1),
            key=Keymap().text_for,
        )
        turn.start()
        await asyncio.sleep(0.05)
        turn.stop()
        await recorder.ended.wait()

    asyncio.run(go())
    assert recorder.of("started") == [] and len(conversation.messages) == 1

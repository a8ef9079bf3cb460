"""A streaming reply reaches the database within 500 ms of any change, and at block bounds."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from desktop_chat.core.autosave import INTERVAL_S, AutoSaver
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store
from desktop_chat.core.stream import BlockStarted, BlockStopped, TextDelta, TurnSnapshot


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open() as s:
        yield s


def saved_reply(store: Store, conversation: Conversation) -> Message:
    return store.load(conversation.id).messages[-1]


def test_the_reply_is_saved_as_it_streams(store: Store) -> None:
    conversation = Conversation(title="t")
    errors: list[str] = []
    saver = AutoSaver(store, conversation, errors.append)
    question = Message.user("hello")
    conversation.messages.append(question)
    saver.save_message(question)
    snapshot = TurnSnapshot()

    async def stream() -> None:
        saver.begin_reply(snapshot, {"model": "m", "max_tokens": 5, "messages": []})
        assert saved_reply(store, conversation).status is Status.STREAMING
        snapshot.content.append({"type": "text", "text": ""})
        saver.on_update(BlockStarted(0, "text"))  # a boundary: saved at once
        assert saved_reply(store, conversation).content == [{"type": "text", "text": ""}]

        snapshot.content[0]["text"] = "Hello, wor"
        saver.on_update(TextDelta(0, "Hello, wor"))
        assert saved_reply(store, conversation).text == ""  # not per delta...
        await asyncio.sleep(INTERVAL_S + 0.1)
        assert saved_reply(store, conversation).text == "Hello, wor"  # ...but within 500 ms

        snapshot.content[0]["text"] = "Hello, world"
        saver.on_update(BlockStopped(0))
        assert saved_reply(store, conversation).text == "Hello, world"

    asyncio.run(stream())
    saver.finish(snapshot.to_message(Status.COMPLETE))

    reply = saved_reply(store, conversation)
    assert reply.status is Status.COMPLETE and reply.text == "Hello, world"
    assert store.request_settings(reply.id) == {"model": "m", "max_tokens": 5}
    assert errors == []


def test_a_failing_store_is_said_once_and_keeps_the_conversation(store: Store) -> None:
    conversation = Conversation(title="t")
    errors: list[str] = []
    saver = AutoSaver(store, conversation, errors.append)
    store.close()  # every save now fails

    saver.save_message(Message.user("one"))
    saver.save_message(Message.user("two"))

    assert len(errors) == 1 and "could not be saved" in errors[0]

"""Reading a whole conversation in a worker thread, after its end was shown."""

from __future__ import annotations

import threading

from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.conversation_loader import TooLong, complete, read_whole
from desktop_chat.core.store import Store


def saved(store: Store, count: int) -> Conversation:
    conversation = Conversation(title="t")
    for number in range(count):
        conversation.append(Message.user(f"m{number}"))
    store.save_conversation(conversation)
    for message in conversation.messages:
        store.append_message(conversation.id, message)
    return conversation


def test_read_in_another_thread_and_completed_in_place(store: Store) -> None:
    original = saved(store, 30)
    page = store.load_tail(original.id, 10)
    shown = Conversation(
        id=page.conversation_id, messages=list(page.messages), sibling_ids=dict(page.siblings)
    )
    just_sent = shown.append(Message.user("sent while the rest was read"))
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(read_whole(store.path, original.id)))
    worker.start()
    worker.join()
    (whole,) = result
    assert isinstance(whole, Conversation)
    complete(shown, whole)
    assert not shown.partial
    assert [m.text for m in shown.path()] == [f"m{n}" for n in range(30)] + [just_sent.text]


def test_a_conversation_past_any_context_window_is_not_read_whole(store: Store) -> None:
    conversation = saved(store, 12)
    too_long = read_whole(store.path, conversation.id, max_messages=10)
    assert isinstance(too_long, TooLong) and too_long.messages == 12
    assert "can be read and exported here, but not continued" in str(too_long)

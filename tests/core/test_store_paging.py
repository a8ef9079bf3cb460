"""Reading the shown path a page at a time: the same messages as ``load().path()``."""

from __future__ import annotations

import random

import pytest

from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import PathPage, Store


def reply(text: str, status: Status = Status.COMPLETE) -> Message:
    return Message(role="assistant", content=[{"type": "text", "text": text}], status=status)


def branching_conversation(seed: int, n: int = 60) -> Conversation:
    """Questions and replies, with variants (regenerated replies) and branches (edited
    questions) at random places, the path shown ending somewhere in it."""
    rng = random.Random(seed)
    conv = Conversation(title=f"tree {seed}")
    for i in range(n):
        path = conv.path()
        if path and rng.random() < 0.2:  # a variant or a branch of a message on the path
            target = rng.choice(path)
            conv.current_id = target.parent_id
            if target.parent_id is None:
                conv.append(Message.user(f"branch {i}"), parent_id=None)
                continue
        last = conv.path()[-1] if conv.path() else None
        conv.append(reply(f"r{i}") if last and last.role == "user" else Message.user(f"q{i}"))
    conv.show(rng.choice(conv.messages).id)
    return conv


def pages(store: Store, conv: Conversation, limit: int) -> list[PathPage]:
    out = [store.load_tail(conv.id, limit)]
    while out[-1].has_more:
        out.append(store.load_before(conv.id, out[-1].messages[0].id, limit))
    return out


def expected_siblings(conv: Conversation, path: list[Message]) -> dict[str, list[str]]:
    out = {}
    for m in path:
        ids = [s.id for s in conv.siblings(m)]
        if len(ids) > 1:
            out[m.id] = ids
    return out


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("limit", [1, 7, 1000])
def test_pages_put_together_are_the_path(store: Store, seed: int, limit: int) -> None:
    conv = branching_conversation(seed)
    store.add_conversations([conv])
    path = store.load(conv.id).path()
    got = pages(store, conv, limit)
    assert [m.id for p in reversed(got) for m in p.messages] == [m.id for m in path]
    assert all(len(p.messages) == limit for p in got[:-1])
    assert got[0].title == conv.title and got[0].current_id == conv.current_id
    siblings = {k: v for p in got for k, v in p.siblings.items()}
    assert siblings == expected_siblings(conv, path)
    assert got[0].messages[-1] == path[-1]  # whole messages, every field


def test_a_conversation_saved_before_branches_is_a_sequence(store: Store) -> None:
    messages = [Message.user(f"q{i}") if i % 2 == 0 else reply(f"r{i}") for i in range(9)]
    conv = Conversation(messages=messages, current_id=messages[6].id)  # no parent links
    store.add_conversations([conv])
    tail = store.load_tail(conv.id, 3)
    assert [m.id for m in tail.messages] == [m.id for m in messages[4:7]]
    assert tail.has_more and tail.siblings == {}
    older = store.load_before(conv.id, messages[4].id, 10)
    assert [m.id for m in older.messages] == [m.id for m in messages[:4]]
    assert not older.has_more


def test_empty_and_unknown(store: Store) -> None:
    conv = Conversation(title="empty")
    store.save_conversation(conv)
    tail = store.load_tail(conv.id)
    assert tail.messages == [] and not tail.has_more
    with pytest.raises(Exception, match="not in"):
        store.load_tail("nope")
    assert store.newest_path_end() is None


def test_newest_path_end_reads_no_content(store: Store) -> None:
    old = Conversation(title="old", created_at=1.0)
    old.append(Message.user("q"))
    store.add_conversations([old])
    new = Conversation(title="new")
    store.save_conversation(new)
    cut = reply("half", Status.INTERRUPTED)
    for m in (new.append(Message.user("q")), new.append(cut)):
        store.append_message(new.id, m)
    store.save_conversation(new)
    end = store.newest_path_end()
    assert end is not None
    assert (end.conversation_id, end.message_id, end.role, end.status) == (
        new.id,
        cut.id,
        "assistant",
        Status.INTERRUPTED,
    )

"""Variants and branches: a conversation is a tree of which one path is shown and sent."""

from __future__ import annotations

from desktop_chat.core.conversation import Conversation, Message, Status, merge_continuation
from desktop_chat.core.store import Store
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import to_json
from desktop_chat.core.transcript_parse import parse_json


def reply(text: str, **kwargs: object) -> Message:
    return Message(role="assistant", content=[{"type": "text", "text": text}], **kwargs)  # type: ignore[arg-type]


def test_a_regenerated_reply_is_a_variant_and_the_path_follows_it() -> None:
    c = Conversation()
    q = c.append(Message.user("q"))
    first = c.append(reply("first"))
    c.current_id = q.id
    second = c.append(reply("second"))

    assert [m.id for m in c.path()] == [q.id, second.id]
    assert c.siblings(second) == [first, second]
    assert c.to_api_messages()[-1]["content"][0]["text"] == "second"
    c.show(first.id)
    assert c.path()[-1] is first


def test_an_edited_first_question_is_a_branch_that_keeps_the_old_turns() -> None:
    c = Conversation()
    old_q = c.append(Message.user("old"))
    old_r = c.append(reply("old answer"))
    new_q = c.append(Message.user("new"), parent_id=old_q.parent_id)

    assert new_q.parent_id is None and c.path() == [new_q]
    assert c.siblings(new_q) == [old_q, new_q]
    c.show(old_q.id)  # back to the old branch, down to its newest message
    assert c.path() == [old_q, old_r]


def test_a_list_without_parents_reads_as_a_sequence() -> None:
    a, b = Message.user("a"), reply("b")
    c = Conversation(messages=[a, b])
    assert c.path() == [a, b]
    d = c.append(Message.user("d"))
    assert (b.parent_id, d.parent_id) == (a.id, b.id)


def test_merge_continuation_joins_the_text_where_the_api_saw_it_end() -> None:
    base = reply("Hello, wor ", stop_reason="max_tokens")
    base.usage.output_tokens = 20
    part = reply("ld!", stop_reason="end_turn", status=Status.COMPLETE)
    part.usage.output_tokens = 3

    merged = merge_continuation(base, part)

    assert merged.id == base.id and merged.text == "Hello, world!"
    assert merged.stop_reason == "end_turn" and merged.usage.output_tokens == 23


def test_branches_survive_store_and_json_round_trips() -> None:
    c = Conversation(title="tree")
    q = c.append(Message.user("q"))
    c.append(reply("one"))
    c.current_id = q.id
    two = c.append(reply("two"))
    c.show(c.messages[1].id)  # showing the first variant

    with Store.open() as store:
        store.save_conversation(c)
        for m in c.messages:
            store.append_message(c.id, m)
        store.save_conversation(c)
        loaded = store.load(c.id)
        exported = to_json([loaded])
        store.delete(c.id)
        store.purge_deleted()
        import_json(store, exported)
        again = to_json([store.load(c.id)])

    assert loaded.current_id == c.messages[1].id
    assert [m.parent_id for m in loaded.messages] == [None, q.id, q.id]
    assert again == exported
    (parsed,) = parse_json(exported)
    assert parsed.siblings(parsed.messages[2]) == parsed.messages[1:] and two.id in exported

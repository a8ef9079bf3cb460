"""Import refuses what would break a conversation, says what a file is when it is not a
transcript, and reports progress on long imports."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.commands import run_subcommand
from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.store import Store
from desktop_chat.core.transcript_fields import TranscriptError
from desktop_chat.core.transcript_html import to_html
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import to_json
from desktop_chat.core.transcript_markdown import to_markdown
from desktop_chat.core.transcript_parse import parse_json


def user(id_: str, parent: str | None) -> dict[str, Any]:
    return {
        "id": id_,
        "role": "user",
        "content": [{"type": "text", "text": id_}],
        "parent_id": parent,
    }


def answer(id_: str, parent: str | None) -> dict[str, Any]:
    return {**user(id_, parent), "role": "assistant"}


def conversation(*messages: dict[str, Any]) -> bytes:
    return json.dumps(
        {"id": "c1", "title": "t", "created_at": 1.0, "messages": list(messages)}
    ).encode()


def refusal(data: bytes) -> str:
    with pytest.raises(TranscriptError) as err:
        parse_json(data)
    return str(err.value)


def test_a_duplicate_message_id_is_refused() -> None:
    reason = refusal(conversation(user("a", None), answer("b", "a"), user("b", "b")))
    assert reason == (
        "conversation.messages[2].id 'b' is also the id of messages[1]: "
        "each message needs an id of its own"
    )


def test_a_message_that_is_its_own_parent_is_refused() -> None:
    assert (
        refusal(conversation(user("a", "a"))) == "conversation.messages[0] ('a') is its own parent"
    )


def test_a_parent_cycle_is_refused() -> None:
    reason = refusal(conversation(user("r", None), user("a", "b"), answer("b", "a")))
    assert reason.startswith("conversation: the parents of messages[1] ('a'), messages[2] ('b')")
    assert "circle" in reason and "tree" in reason


def test_a_long_cycle_is_named_briefly_and_found_without_recursion() -> None:
    n = 20_000  # far deeper than Python's recursion limit
    chain = [user(f"m{i}", f"m{i - 1}") for i in range(1, n)]
    reason = refusal(conversation(user("m0", f"m{n - 1}"), *chain))
    assert f"{n - 4} more" in reason and len(reason) < 400


def test_a_deep_tree_is_fine() -> None:
    n = 20_000
    convs = parse_json(
        conversation(user("m0", None), *(user(f"m{i}", f"m{i - 1}") for i in range(1, n)))
    )
    assert len(convs[0].path()) == n


def test_a_missing_parent_is_refused() -> None:
    assert refusal(conversation(user("a", "nobody"))) == (
        "conversation.messages[0].parent_id 'nobody' is not a message of it"
    )


def test_nothing_of_a_refused_file_is_stored(store: Store) -> None:
    with pytest.raises(TranscriptError):
        import_json(store, conversation(user("a", None), user("a", None)))
    assert store.list_conversations() == []


# -- files that are not our JSON ------------------------------------------------------------


def test_our_own_markdown_and_html_exports_are_recognised() -> None:
    conv = Conversation(title="Rivers")
    conv.append(Message.user("Which river?"))
    md = refusal(to_markdown([conv]).encode())
    assert md.startswith("this is Markdown (a Markdown export of desktop-chat), not a JSON")
    assert "--format json" in md
    html = refusal(to_html([conv]).encode())
    assert html.startswith("this is an HTML page (an HTML export of desktop-chat), not a JSON")


def test_other_html_and_markdown_are_named() -> None:
    page = b"\n<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"
    assert refusal(page).startswith("this is an HTML page, not a JSON transcript")
    assert refusal(b"# Notes\n\nsome text\n").startswith("this is Markdown, not a JSON")


def test_other_json_says_what_it_has() -> None:
    reason = refusal(b'{"mapping": {}, "create_time": 1}')
    assert reason.startswith("not a desktop-chat transcript")
    assert "'mapping', 'create_time'" in reason


# -- long imports ---------------------------------------------------------------------------


def long_transcript(n: int) -> str:
    messages = [Message.user(f"q{i}") for i in range(n)]
    for before, after in itertools.pairwise(messages):
        after.parent_id = before.id
    return to_json([Conversation(title="long", messages=messages)])


def test_a_long_import_reports_progress(store: Store) -> None:
    lines: list[str] = []
    result = import_json(store, long_transcript(25_000), progress=lines.append)
    assert result.message_count == 25_000
    assert lines == [
        "Reading messages: 10,000 of 25,000",
        "Reading messages: 20,000 of 25,000",
        "Saving messages: 10,000 of 25,000",
        "Saving messages: 20,000 of 25,000",
        "Saving messages: 25,000 of 25,000",
    ]


def test_the_command_shows_progress_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "long.json"
    path.write_text(long_transcript(10_000))
    assert run_subcommand(["import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Imported 1 conversation (10000 messages).")
    assert "desktop-chat import: Saving messages: 10,000 of 10,000\n" in err


def test_a_large_import_is_searchable_and_later_messages_too(store: Store) -> None:
    import_json(store, long_transcript(12_000))  # indexed once, at the end
    assert [h.message_id is not None for h in store.search("q11999")] == [True]
    (conv_id,) = store.conversation_ids()
    later = Message.user("zanzibar afterwards")
    store.append_message(conv_id, later)  # the per-message trigger is back
    assert [h.message_id for h in store.search("zanzibar")] == [later.id]
    schema = store._db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_fts_insert'"
    ).fetchall()
    assert schema == [("messages_fts_insert",)]

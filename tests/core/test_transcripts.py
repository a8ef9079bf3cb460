"""JSON transcripts: the format, the byte-identical round trip, collisions, refusals."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store
from desktop_chat.core.transcript_fields import TranscriptError
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import FORMAT, VERSION, conversation_to_dict, to_json
from desktop_chat.core.transcript_parse import parse_json


def export_all(store: Store) -> str:
    return to_json(store.iter_conversations())


def test_format(sample: Callable[..., Conversation]) -> None:
    conv = sample()
    text = to_json([conv])
    doc = json.loads(text)
    assert doc["format"] == FORMAT == "desktop-chat-transcript"
    assert doc["version"] == VERSION == 1
    (c,) = doc["conversations"]
    assert set(c) == {"id", "title", "created_at", "messages"}
    user, reply = c["messages"][0], c["messages"][1]
    assert set(user) == {"id", "role", "created_at", "content"}
    assert set(reply) == {
        "id",
        "role",
        "created_at",
        "content",
        "model",
        "api_message_id",
        "request_id",
        "stop_reason",
        "stop_details",
        "usage",
        "metrics",
        "status",
        "error",
    }
    assert reply["content"] == conv.messages[1].content  # the API's blocks, as they were
    assert reply["content"][0]["signature"] == "EqQBCkYIARgCKkD+sig=="
    assert reply["usage"] == {
        "input_tokens": 1234,
        "output_tokens": 567,
        "cache_read_input_tokens": 89,
        "cache_creation_input_tokens": 10,
    }
    assert reply["metrics"]["ttft_s"] == 0.42
    assert reply["status"] == "complete"
    assert "Zürich" in text and "\\u00fc" not in text  # UTF-8, not escapes
    assert text.endswith("}\n")


def test_the_chunked_writer_equals_json_dumps(sample: Callable[..., Conversation]) -> None:
    convs = [sample(), sample('line\u2028sep\x85nel\nnewline "quoted"'), Conversation()]
    whole = {
        "format": FORMAT,
        "version": VERSION,
        "conversations": [conversation_to_dict(c) for c in convs],
    }
    expected = (
        json.dumps(whole, sort_keys=True, indent=2, ensure_ascii=False, separators=(",", ": "))
        + "\n"
    )
    assert to_json(convs) == expected
    assert to_json([]) == (
        json.dumps(
            {"format": FORMAT, "version": VERSION, "conversations": []},
            sort_keys=True,
            indent=2,
        )
        + "\n"
    )


def test_export_import_export_is_byte_identical(
    store: Store,
    sample: Callable[..., Conversation],
    core_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    convs = [sample(), sample("Second"), Conversation(title="empty", created_at=1.5)]
    store.add_conversations(convs)
    first = export_all(store)

    monkeypatch.setenv("DESKTOP_CHAT_HOME", str(tmp_path / "elsewhere"))
    other = Store.open()
    try:
        result = import_json(other, first.encode("utf-8"))
        second = export_all(other)
        assert sorted(c.id for c in result.conversations) == sorted(c.id for c in convs)
        assert not any(c.renamed for c in result.conversations)
        assert result.notes() == []
        assert [other.load(c.id) for c in convs] == convs
    finally:
        other.close()
    assert second.encode("utf-8") == first.encode("utf-8")


def test_a_single_conversation_object_imports(
    store: Store, sample: Callable[..., Conversation]
) -> None:
    conv = sample()
    data = json.dumps(conversation_to_dict(conv), ensure_ascii=False).encode()
    result = import_json(store, data)
    assert [c.id for c in result.conversations] == [conv.id]
    assert store.load(conv.id) == conv


def test_taken_ids_are_not_overwritten(store: Store, sample: Callable[..., Conversation]) -> None:
    conv = sample()
    store.add_conversations([conv])
    store.rename(conv.id, "mine, changed since the export")
    exported = to_json([conv])

    result = import_json(store, exported)
    (imported,) = result.conversations
    assert imported.renamed and imported.original_id == conv.id and imported.id != conv.id
    assert imported.new_message_ids == len(conv.messages)
    (note,) = result.notes()
    assert conv.id in note and imported.id in note and "already exists" in note

    assert store.load(conv.id).title == "mine, changed since the export"
    copy = store.load(imported.id)
    assert copy.title == conv.title
    assert [m.content for m in copy.messages] == [m.content for m in conv.messages]
    assert {m.id for m in copy.messages}.isdisjoint(m.id for m in conv.messages)
    assert len(store.list_conversations()) == 2


def test_a_conversation_in_the_trash_is_not_overwritten(
    store: Store, sample: Callable[..., Conversation]
) -> None:
    conv = sample()
    store.add_conversations([conv])
    store.delete(conv.id)
    result = import_json(store, to_json([conv]))
    assert result.conversations[0].renamed
    assert store.deleted_ids() == [conv.id]


def test_duplicates_within_one_file(store: Store, sample: Callable[..., Conversation]) -> None:
    conv = sample()
    result = import_json(store, to_json([conv, conv]))
    first, second = result.conversations
    assert first.id == conv.id and not first.renamed
    assert second.renamed and second.new_message_ids == len(conv.messages)
    assert len(store.list_conversations()) == 2


def test_a_reply_exported_mid_stream_imports_as_interrupted(store: Store) -> None:
    conv = Conversation(messages=[Message(role="assistant", content=[], status=Status.STREAMING)])
    import_json(store, to_json([conv]))
    assert store.load(conv.id).messages[0].status is Status.INTERRUPTED


def good_export(sample: Callable[..., Conversation]) -> bytes:
    return to_json([sample(), sample()]).encode("utf-8")


def refusal(data: bytes | str) -> str:
    with pytest.raises(TranscriptError) as err:
        parse_json(data)
    return str(err.value)


def test_truncated_file(sample: Callable[..., Conversation]) -> None:
    data = good_export(sample)
    reason = refusal(data[: len(data) // 2])
    assert reason.startswith("line ") and ", column " in reason
    assert "truncated" in reason


def test_not_json() -> None:
    assert refusal(b"hello") == "line 1, column 1: Expecting value"
    assert refusal(b'{\n  "format": "desktop-chat-transcript",\n  "x": "abc') == (
        "line 3, column 8: Unterminated string starting at"
        " (the file ends too soon: is it truncated?)"
    )
    assert refusal(b"") == "the file is empty"
    assert refusal(b"  \n") == "the file is empty"
    assert refusal(b"[1, 2]") == "a transcript is a JSON object, not an array"
    assert refusal(b'{"a": NaN}') == "NaN is not a valid JSON number"
    assert "too large" in refusal(b'{"a": 1e999}')


def test_binary_file() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert refusal(png) == "binary data, not a JSON transcript (a NUL byte at offset 8)"


def test_invalid_utf8(sample: Callable[..., Conversation]) -> None:
    data = b'{\n  "title": "caf\xe9"\n}'
    assert refusal(data) == (
        "line 2, column 16: not UTF-8 text (byte 0xe9); a transcript is UTF-8 JSON"
    )
    assert refusal(b'{"a": "\\ud800"}') == (
        "a string holds an invalid \\u escape (a lone surrogate)"
    )


def test_a_utf8_bom_is_fine(sample: Callable[..., Conversation]) -> None:
    assert len(parse_json(b"\xef\xbb\xbf" + good_export(sample))) == 2


def test_wrong_format_or_version(sample: Callable[..., Conversation]) -> None:
    doc = json.loads(good_export(sample))
    assert refusal(json.dumps({**doc, "version": 2})) == (
        "version 2 is not supported: this app reads version 1"
        " (the file comes from a newer desktop-chat)"
    )
    assert refusal(json.dumps({**doc, "version": "1"})) == (
        "version must be a whole number, not a string"
    )
    assert refusal(json.dumps({k: v for k, v in doc.items() if k != "version"})) == (
        "version must be a whole number, not null"
    )
    assert refusal(json.dumps({**doc, "format": "chatgpt"})) == (
        "format is 'chatgpt', not 'desktop-chat-transcript'"
    )
    assert refusal(b'{"hello": "world"}').startswith("not a desktop-chat transcript")


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        (("conversations",), {}, "transcript.conversations must be an array, not an object"),
        (("conversations", 1), "x", "conversations[1] must be an object, not a string"),
        (("conversations", 1, "id"), None, "conversations[1].id must be a string, not null"),
        (("conversations", 1, "id"), "", "conversations[1].id must not be empty"),
        (("conversations", 0, "title"), 5, "conversations[0].title must be a string, not a number"),
        (
            ("conversations", 0, "created_at"),
            "yesterday",
            "conversations[0].created_at must be a number, not a string",
        ),
        (
            ("conversations", 0, "created_at"),
            True,
            "conversations[0].created_at must be a number, not a boolean",
        ),
        (
            ("conversations", 0, "messages", 2, "role"),
            "system",
            "conversations[0].messages[2].role must be 'user' or 'assistant', not 'system'",
        ),
        (
            ("conversations", 0, "messages", 1, "content"),
            "text",
            "conversations[0].messages[1].content must be an array, not a string",
        ),
        (
            ("conversations", 0, "messages", 1, "content", 3),
            {"text": "no type"},
            "conversations[0].messages[1].content[3] is missing 'type'",
        ),
        (
            ("conversations", 0, "messages", 1, "usage", "input_tokens"),
            1.5,
            "conversations[0].messages[1].usage.input_tokens must be a whole number, not a number",
        ),
        (
            ("conversations", 0, "messages", 1, "usage", "output_tokens"),
            -1,
            "conversations[0].messages[1].usage.output_tokens must not be negative",
        ),
        (
            ("conversations", 0, "messages", 1, "metrics", "ttft_s"),
            "fast",
            "conversations[0].messages[1].metrics.ttft_s must be a number or null, not a string",
        ),
        (
            ("conversations", 0, "messages", 1, "status"),
            "done",
            "conversations[0].messages[1].status must be one of 'streaming', 'complete', "
            "'interrupted', 'error', not 'done'",
        ),
        (
            ("conversations", 0, "messages", 1, "stop_details"),
            [],
            "conversations[0].messages[1].stop_details must be an object or null, not an array",
        ),
        (
            ("conversations", 0, "messages", 1, "model"),
            7,
            "conversations[0].messages[1].model must be a string or null, not a number",
        ),
    ],
)
def test_wrong_fields_are_named(
    sample: Callable[..., Conversation], path: tuple[object, ...], value: object, reason: str
) -> None:
    doc = json.loads(good_export(sample))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert refusal(json.dumps(doc)) == reason


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (("conversations", 0, "id"), "conversations[0] is missing 'id'"),
        (("conversations", 0, "title"), "conversations[0] is missing 'title'"),
        (("conversations", 1, "messages"), "conversations[1] is missing 'messages'"),
        (
            ("conversations", 0, "messages", 2, "role"),
            "conversations[0].messages[2] is missing 'role'",
        ),
        (
            ("conversations", 0, "messages", 0, "content"),
            "conversations[0].messages[0] is missing 'content'",
        ),
    ],
)
def test_missing_fields_are_named(
    sample: Callable[..., Conversation], path: tuple[object, ...], reason: str
) -> None:
    doc = json.loads(good_export(sample))
    target = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    assert refusal(json.dumps(doc)) == reason


def test_a_single_conversation_names_its_fields() -> None:
    assert refusal(b'{"messages": [], "title": "t", "created_at": 1}') == (
        "conversation is missing 'id'"
    )


def test_optional_fields_get_defaults() -> None:
    (conv,) = parse_json(
        b'{"id": "c", "title": "t", "created_at": 5, "messages": '
        b'[{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}'
    )
    (m,) = conv.messages
    assert m.created_at == 5.0 and m.status is Status.COMPLETE and len(m.id) == 32


def test_a_refused_import_changes_nothing(
    store: Store, sample: Callable[..., Conversation]
) -> None:
    kept = sample()
    store.add_conversations([kept])
    doc = json.loads(good_export(sample))
    doc["conversations"][1]["messages"][0]["role"] = "robot"
    with pytest.raises(TranscriptError):
        import_json(store, json.dumps(doc))
    assert [s.id for s in store.list_conversations()] == [kept.id]

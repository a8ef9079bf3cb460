"""Bad input is refused with a reason, quickly, and never crashes or half-imports.

Transcript files a user may pick by mistake (binary, cut short, not UTF-8, hostile), and
messages too large to send.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

import pytest

from desktop_chat.core.conversation import Conversation
from desktop_chat.core.limits import MB, check_message_size, format_size, is_blank
from desktop_chat.core.store import Store
from desktop_chat.core.transcript_fields import TranscriptError
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import to_json
from desktop_chat.core.transcript_parse import parse_json

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x10JFIF\x01\x01\x01H\x01H\xff\xdb"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))


# section: transcripts


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(PNG, "binary data, not a JSON transcript (a NUL byte", id="png"),
        pytest.param(ELF, "binary data", id="executable"),
        pytest.param(gzip.compress(b'{"messages": []}'), "binary data", id="gzip"),
        pytest.param(JPEG, "line 1, column 1: not UTF-8 text (byte 0xff)", id="no-nul binary"),
        pytest.param('{"messages": []}'.encode("utf-16"), "binary data", id="utf-16"),
        pytest.param(
            "{'title': 'caf\xe9'}".encode("latin-1"), "column 15: not UTF-8 text", id="latin-1"
        ),
        pytest.param(b"", "the file is empty", id="empty"),
        pytest.param(b" \n\t ", "the file is empty", id="blank"),
        pytest.param(b"<html>no</html>", "this is an HTML page, not a JSON", id="html"),
        pytest.param(b"[1, 2, 3]", "a transcript is a JSON object, not an array", id="array"),
        pytest.param(b'{"hello": "world"}', "not a desktop-chat transcript", id="other json"),
        pytest.param(b'{"messages": [], "created_at": NaN}', "NaN is not a valid", id="NaN"),
        pytest.param(b'{"messages": [], "created_at": 1e999}', "too large", id="infinity"),
        pytest.param(
            b'{"messages": [{"role": "user", "content": "\\ud800"}]}',
            "lone surrogate",
            id="lone surrogate",
        ),
    ],
)
def test_a_file_that_is_no_transcript_is_refused_with_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(TranscriptError) as refused:
        parse_json(data)
    assert reason in str(refused.value)


def test_a_truncated_export_is_refused_wherever_it_was_cut(
    sample: Callable[[], Conversation],
) -> None:
    whole = to_json([sample(), sample()]).encode("utf-8")
    assert len(parse_json(whole)) == 2
    cuts = sorted({*range(1, len(whole) - 2, max(1, len(whole) // 60)), len(whole) - 3})
    for cut in cuts:
        with pytest.raises(TranscriptError) as refused:
            parse_json(whole[:cut])
        reason = str(refused.value)
        assert reason and "Traceback" not in reason, cut


def test_a_file_cut_inside_a_character_says_it_is_truncated() -> None:
    data = '{"messages": [], "title": "Zürich"}'.encode()
    cut = data.index("ü".encode()) + 1
    with pytest.raises(TranscriptError, match="truncated"):
        parse_json(data[:cut])


def test_deeply_nested_json_is_refused_not_a_crash() -> None:
    with pytest.raises(TranscriptError):
        parse_json(b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def test_a_huge_number_is_refused_as_a_transcript_error() -> None:
    with pytest.raises(TranscriptError):
        parse_json(b'{"messages": [], "created_at": ' + b"9" * 5000 + b"}")


def test_a_refused_import_changes_nothing(store: Store, sample: Callable[[], Conversation]) -> None:
    whole = to_json([sample()]).encode("utf-8")
    with pytest.raises(TranscriptError):
        import_json(store, whole[: len(whole) // 2])
    with pytest.raises(TranscriptError):
        import_json(store, PNG)
    assert store.conversation_ids() == []


def test_a_large_binary_file_is_refused_quickly() -> None:
    blob = bytes(range(256)) * (4 * 4096)  # 4 MB of everything
    started = time.perf_counter()
    with pytest.raises(TranscriptError, match="binary data"):
        parse_json(blob)
    assert time.perf_counter() - started < 0.5


# section: messages


def test_a_10_mb_paste_is_accepted_quickly() -> None:
    for text in ("a" * (10 * MB), "é" * (5 * MB), "漢" * (3 * MB)):
        started = time.perf_counter()
        assert check_message_size(text) is None
        assert time.perf_counter() - started < 0.2


def test_a_message_over_16_mb_is_refused_with_a_reason() -> None:
    for text in ("a" * (16 * MB + 1), "é" * (8 * MB + 1), "a" * (40 * MB)):
        reason = check_message_size(text)
        assert reason is not None
        assert reason.startswith("The message is too large to send:")
        assert "16 MB" in reason and "32 MB" in reason


def test_exactly_the_limit_is_accepted() -> None:
    assert check_message_size("a" * (16 * MB)) is None
    assert check_message_size("€" * 100, limit=300) is None  # 3 bytes each
    assert check_message_size("€" * 101, limit=300) is not None


def test_a_broken_character_is_refused_with_where_it_is() -> None:
    reason = check_message_size("fine text \ud83d and then")
    assert reason is not None and "position 11" in reason


@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u3000\u00a0"])
def test_blank_messages_are_not_sent(text: str) -> None:
    assert is_blank(text)


def test_a_message_with_words_is_not_blank() -> None:
    assert not is_blank("  hi  ")


@pytest.mark.parametrize(
    ("size", "words"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1536, "1.5 KB"),
        (16 * MB, "16 MB"),
        (MB + MB // 10, "1.1 MB"),
    ],
)
def test_sizes_in_words(size: int, words: str) -> None:
    assert format_size(size) == words

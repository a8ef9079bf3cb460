"""Full-text search: words, prefixes, titles, thinking, snippets, and hostile input."""

from __future__ import annotations

import random

import pytest

from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import MATCH_END, MATCH_START, SearchHit, Store, fts_query

WORDS = [
    "river",
    "mountain",
    "lake",
    "valley",
    "forest",
    "meadow",
    "bridge",
    "castle",
    "harbour",
    "island",
    "village",
    "garden",
    "orchard",
    "station",
    "library",
    "market",
    "tower",
    "canal",
    "ferry",
    "glacier",
]


def long_conversation(n: int = 1000, needle_at: int = 737) -> Conversation:
    rng = random.Random(3)
    conv = Conversation(title="A long trip")
    for i in range(n):
        words = rng.choices(WORDS, k=60)
        if i == needle_at:
            words[30] = "xylophone"
        role = "user" if i % 2 == 0 else "assistant"
        conv.messages.append(
            Message(role=role, content=[{"type": "text", "text": " ".join(words)}])
        )
    return conv


def test_a_word_in_a_1000_message_conversation(store: Store) -> None:
    conv = long_conversation()
    store.add_conversations([conv])
    hits = store.search("xylophone")
    assert [(h.conversation_id, h.message_id) for h in hits] == [(conv.id, conv.messages[737].id)]
    assert MATCH_START + "xylophone" + MATCH_END in hits[0].snippet
    assert hits[0].snippet.count(" ") < 40  # a snippet, not the whole message
    assert len(store.load(conv.id).messages) == 1000


def test_prefix_search_follows_typing(store: Store) -> None:
    store.add_conversations([long_conversation(50, needle_at=7)])
    assert store.search("x") == []  # one letter is a word, not a prefix: it would match all
    for typed in ("xy", "xyl", "xylo", "xylophone", "XYLOPH"):
        assert len(store.search(typed)) == 1, typed
    assert store.search("xylophones") == []
    assert len(store.search("xylophone ")) == 1
    assert store.search("xylo ") == []  # a space ends the word: no longer a prefix


def test_every_word_must_match(store: Store) -> None:
    conv = Conversation(title="t")
    store.save_conversation(conv)
    a, b = Message.user("red apples and green pears"), Message.user("red cherries")
    store.append_message(conv.id, a)
    store.append_message(conv.id, b)
    assert {h.message_id for h in store.search("red")} == {a.id, b.id}
    assert [h.message_id for h in store.search("pears red")] == [a.id]
    assert [h.message_id for h in store.search("red pe")] == [a.id]


def test_titles_and_thinking_are_searched(store: Store) -> None:
    conv = Conversation(title="Holiday in Zürich")
    store.save_conversation(conv)
    reply = Message(
        role="assistant",
        content=[
            {"type": "thinking", "thinking": "consider the funicular", "signature": "s"},
            {"type": "redacted_thinking", "data": "secretword"},
            {"type": "tool_use", "id": "t", "name": "n", "input": {"q": "hiddeninput"}},
            {"type": "text", "text": "Take the tram."},
        ],
    )
    store.append_message(conv.id, reply)
    title_hits = store.search("zurich")  # diacritics folded
    assert [(h.conversation_id, h.message_id) for h in title_hits] == [(conv.id, None)]
    assert title_hits[0].snippet == f"Holiday in {MATCH_START}Zürich{MATCH_END}"
    assert [h.message_id for h in store.search("funicular")] == [reply.id]
    assert store.search("secretword") == []
    assert store.search("hiddeninput") == []


def test_titles_come_first_then_messages_all_newest_first(store: Store) -> None:
    convs = [Conversation(title=f"Tram notes {i}") for i in range(12)]
    messages = []
    for conv in convs:
        store.save_conversation(conv)
        messages.append(Message.user("the tram was late"))
        store.append_message(conv.id, messages[-1])
    hits = store.search("tram", limit=100)
    assert len(hits) == 24
    titles, found = hits[:12], hits[12:]
    assert [h.conversation_id for h in titles] == [c.id for c in reversed(convs)]
    assert all(h.message_id is None for h in titles)
    assert [h.message_id for h in found] == [m.id for m in reversed(messages)]

    hits = store.search("tram", limit=20)  # titles take at most a fifth
    assert [h.message_id is None for h in hits] == [True] * 4 + [False] * 12
    assert len(store.search("tram", limit=1)) == 1
    assert store.search("tram", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "(",
        ")",
        "a AND",
        "(foo",
        "foo)",
        '"unterminated',
        "col:value",
        "title:x",
        "^start",
        "-minus",
        "+plus",
        "a OR b NOT c",
        "NEAR(a b)",
        "\\",
        "'",
        "{x}",
        "   ",
        "",
        "😀",
        "a\x00b",
        '* AND ( OR " NEAR',
    ],
)
def test_special_characters_never_crash(store: Store, query: str) -> None:
    conv = Conversation(title="Operators")
    store.save_conversation(conv)
    store.append_message(conv.id, Message.user('cats AND dogs (or "birds") NEAR the col:value'))
    hits = store.search(query)
    assert isinstance(hits, list)


def test_operator_words_are_plain_words(store: Store) -> None:
    conv = Conversation()
    store.save_conversation(conv)
    m = Message.user("cats AND dogs, NOT birds")
    store.append_message(conv.id, m)
    assert [h.message_id for h in store.search("AND")] == [m.id]
    assert [h.message_id for h in store.search("NOT birds")] == [m.id]
    assert [h.message_id for h in store.search('"dogs')] == [m.id]
    assert [h.message_id for h in store.search("(cats")] == [m.id]


def test_fts_query() -> None:
    assert fts_query("") is None
    assert fts_query("  \t") is None
    assert fts_query("* ( )") is None
    assert fts_query("hello") == '"hello"*'
    assert fts_query("hello ") == '"hello"'
    assert fts_query('say "hi" AND') == '"say" """hi""" "AND"*'
    assert fts_query("a (b") == '"a" "(b"'
    assert fts_query("a (bc") == '"a" "(bc"*'


def test_snippets_escape_for_html(store: Store) -> None:
    conv = Conversation()
    store.save_conversation(conv)
    store.append_message(conv.id, Message.user("<b>tag</b> & <script>alert('kiwi')</script>"))
    (hit,) = store.search("kiwi")
    assert "<script>" in hit.snippet  # plain text, as written
    html = hit.snippet_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;<b>kiwi</b>&#x27;)&lt;/script&gt;" in html
    assert hit.spans()[-2:] == [("kiwi", True), ("')</script>", False)]
    assert SearchHit("c", "t", None, None, "plain").spans() == [("plain", False)]


def test_deleted_and_streaming_are_not_found(store: Store) -> None:
    gone, live = Conversation(title="gone"), Conversation(title="live")
    for c in (gone, live):
        store.save_conversation(c)
        store.append_message(c.id, Message.user("platypus"))
    streaming = Message(
        role="assistant", content=[{"type": "text", "text": "platypus"}], status=Status.STREAMING
    )
    store.append_message(live.id, streaming)
    store.delete(gone.id)
    hits = store.search("platypus")
    assert [h.conversation_id for h in hits] == [live.id]
    assert hits[0].role == "user"

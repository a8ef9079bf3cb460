"""Fixtures of the Qt-free core tests: a temp data folder, a store, sample conversations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_chat.core.conversation import Conversation, Message, Metrics, Status, Usage
from desktop_chat.core.store import Store


@pytest.fixture(autouse=True)
def core_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every core test keeps its data in a temp DESKTOP_CHAT_HOME (the same one as the
    top-level ``app_home`` fixture, when there is one)."""
    home = tmp_path / "home"
    monkeypatch.setenv("DESKTOP_CHAT_HOME", str(home))
    return home


@pytest.fixture
def store(core_home: Path) -> Iterator[Store]:
    s = Store.open()
    yield s
    s.close()


def sample_conversation(title: str = "Rivers of Europe <b>") -> Conversation:
    """A conversation with every kind of block and every message field set."""
    user = Message.user("Which river flows through Zürich? Answer with <script>alert(1)</script>")
    user.created_at = 1_700_000_000.25
    reply = Message(
        role="assistant",
        content=[
            {
                "type": "thinking",
                "thinking": "The Limmat flows out of Lake Zürich.\n</details><script>x</script>",
                "signature": "EqQBCkYIARgCKkD+sig==",
            },
            {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"},
            {
                "type": "text",
                "text": "The **Limmat**, and the Sihl. ```<b>```\n\n```html\n<i>code</i>\n```\n",
                "citations": [
                    {
                        "type": "web_search_result_location",
                        "url": "https://en.wikipedia.org/wiki/Limmat",
                        "title": "Limmat - Wikipedia",
                        "cited_text": "The Limmat is a river in Switzerland.",
                        "encrypted_index": "Eo8BCioIAhgB",
                    },
                    {"type": "char_location", "url": "javascript:alert(1)", "title": "evil"},
                ],
            },
            {
                "type": "server_tool_use",
                "id": "srvtoolu_01",
                "name": "web_search",
                "input": {"query": "Zürich river"},
            },
            {
                "type": "web_search_tool_result",
                "tool_use_id": "srvtoolu_01",
                "content": [{"type": "web_search_result", "title": "Limmat", "url": "https://x"}],
            },
            {
                "type": "tool_use",
                "id": "toolu_01",
                "name": "get_map",
                "input": {"place": "Zürich", "zoom": 12, "scale": 1.5, "layers": ["water"]},
            },
        ],
        created_at=1_700_000_003.5,
        model="claude-sonnet-5-5",
        api_message_id="msg_01ABC",
        request_id="req_01XYZ",
        stop_reason="tool_use",
        stop_details={"type": "note", "explanation": "ünïcode\u2028line"},
        usage=Usage(
            input_tokens=1234,
            output_tokens=567,
            cache_read_input_tokens=89,
            cache_creation_input_tokens=10,
        ),
        metrics=Metrics(
            started_at=1_700_000_001.0, finished_at=1_700_000_003.5, ttft_s=0.42, tokens_per_s=55.5
        ),
        status=Status.COMPLETE,
    )
    failed = Message(
        role="assistant",
        content=[{"type": "text", "text": "Partial ans"}],
        created_at=1_700_000_010.0,
        model="claude-sonnet-5-5",
        status=Status.ERROR,
        error="The connection dropped mid-reply.",
    )
    return Conversation(
        title=title,
        created_at=1_700_000_000.0,
        messages=[user, reply, Message.user("Thanks"), failed],
    )


@pytest.fixture
def sample() -> Callable[..., Conversation]:
    """Makes a fresh sample conversation (new ids) at each call."""
    return sample_conversation

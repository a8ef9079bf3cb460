"""Prompt caching in the demo: only when asked, with the API's accounting."""

from __future__ import annotations

from typing import Any

import anthropic
import pytest
from anthropic.types import MessageParam
from demo_prompts import MODEL, ask

LONG = "The river runs through the old town and under seven bridges. " * 100  # ~1500 tokens


def create(client: anthropic.Anthropic, messages: list[MessageParam], **extra: Any) -> Any:
    return client.messages.create(model=MODEL, max_tokens=1024, messages=messages, **extra)


def test_nothing_is_cached_unasked_and_input_is_about_four_characters_a_token(
    client: anthropic.Anthropic,
) -> None:
    question = "Which river flows through the old town of Zurich, and how long is it?"
    usage = create(client, ask(question)).usage

    assert usage.cache_creation_input_tokens == usage.cache_read_input_tokens == 0
    assert usage.cache_creation is not None
    assert usage.cache_creation.ephemeral_5m_input_tokens == 0
    assert len(question) // 4 <= usage.input_tokens <= len(question) // 4 + 8


def test_automatic_caching_writes_first_then_reads_the_earlier_turns(
    client: anthropic.Anthropic,
) -> None:
    first_ask = ask(LONG + " First question, asked once.")
    first = create(client, first_ask, cache_control={"type": "ephemeral"})
    history: list[MessageParam] = [
        *first_ask,
        first.to_param(),
        {"role": "user", "content": "And the second question?"},
    ]
    second = create(client, history, cache_control={"type": "ephemeral"})

    written = first.usage.cache_creation_input_tokens
    assert written > 1024 and first.usage.cache_read_input_tokens == 0
    assert first.usage.input_tokens < 10  # all but the framing went to the cache
    assert second.usage.cache_read_input_tokens == written
    assert second.usage.cache_creation_input_tokens > 0  # the new turn, written in turn


def test_a_prompt_below_the_minimum_is_not_cached(client: anthropic.Anthropic) -> None:
    usage = create(client, ask("Short and sweet."), cache_control={"type": "ephemeral"}).usage

    assert usage.cache_creation_input_tokens == usage.cache_read_input_tokens == 0
    assert usage.input_tokens > 0


def test_a_block_breakpoint_with_an_hour_is_reported_as_such(
    client: anthropic.Anthropic,
) -> None:
    system: Any = [
        {
            "type": "text",
            "text": LONG + " (hour)",
            "cache_control": {"type": "ephemeral", "ttl": "1h"},
        }
    ]
    first = create(client, ask("Hi"), system=system).usage
    second = create(client, ask("Hello again"), system=system).usage

    assert first.cache_creation is not None
    assert first.cache_creation.ephemeral_1h_input_tokens == first.cache_creation_input_tokens > 0
    assert first.cache_creation.ephemeral_5m_input_tokens == 0
    assert second.cache_read_input_tokens == first.cache_creation_input_tokens
    assert second.input_tokens > 0 and second.cache_creation_input_tokens == 0


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"cache_control": {"type": "permanent"}}, "cache_control.type: Input should be"),
        ({"cache_control": {"type": "ephemeral", "ttl": "1d"}}, "ttl: Input should be '5m'"),
        (
            {
                "system": [
                    {"type": "text", "text": f"part {i}", "cache_control": {"type": "ephemeral"}}
                    for i in range(5)
                ]
            },
            "A maximum of 4 blocks with cache_control may be provided. Found 5.",
        ),
        (
            {
                "system": [{"type": "text", "text": "a", "cache_control": {"type": "ephemeral"}}],
                "cache_control": {"type": "ephemeral", "ttl": "1h"},
            },
            "must not come after a ttl='5m'",
        ),
    ],
)
def test_cache_control_the_api_refuses_is_refused(
    client: anthropic.Anthropic, extra: dict[str, Any], words: str
) -> None:
    with pytest.raises(anthropic.BadRequestError) as caught:
        create(client, ask("Hi"), **extra)
    assert isinstance(caught.value.body, dict)
    assert words in caught.value.body["error"]["message"]


def test_a_cached_prefix_more_than_20_blocks_back_is_not_found(
    client: anthropic.Anthropic,
) -> None:
    """The API looks back at most 20 blocks from a breakpoint for an earlier cache entry."""
    first_ask = ask(LONG + " Lookback, asked once.")
    first = create(client, first_ask, cache_control={"type": "ephemeral"})
    near: list[MessageParam] = [
        *first_ask,
        first.to_param(),
        {"role": "user", "content": [{"type": "text", "text": f"Short {n}."} for n in range(10)]},
    ]
    far: list[MessageParam] = [
        *first_ask,
        first.to_param(),
        {"role": "user", "content": [{"type": "text", "text": f"Long {n}."} for n in range(25)]},
    ]

    assert create(client, near, cache_control={"type": "ephemeral"}).usage.cache_read_input_tokens
    missed = create(client, far, cache_control={"type": "ephemeral"}).usage
    assert missed.cache_read_input_tokens == 0
    assert missed.cache_creation_input_tokens > 1024  # written anew

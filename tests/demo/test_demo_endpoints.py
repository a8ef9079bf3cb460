"""count_tokens and the model list, through the real SDK."""

from __future__ import annotations

import anthropic
import pytest
from demo_prompts import MODEL, ask

from desktop_chat.core.model_catalogue import CATALOGUE

IDS = [entry["id"] for entry in CATALOGUE]


def test_count_tokens_is_a_stable_estimate(client: anthropic.Anthropic) -> None:
    short = client.messages.count_tokens(model=MODEL, messages=ask("Hello there"))
    again = client.messages.count_tokens(model=MODEL, messages=ask("Hello there"))
    longer = client.messages.count_tokens(
        model=MODEL, messages=ask("Hello there " * 100), system="Be brief."
    )

    assert short.input_tokens == again.input_tokens > 0
    assert longer.input_tokens > short.input_tokens + 250  # about chars / 4


def test_count_tokens_matches_the_input_side_of_a_reply(client: anthropic.Anthropic) -> None:
    messages = ask("How many tokens is this?")
    counted = client.messages.count_tokens(model=MODEL, messages=messages, system="Be kind.")
    message = client.messages.create(
        model=MODEL, max_tokens=1024, messages=messages, system="Be kind."
    )
    usage = message.usage
    total = (
        usage.input_tokens
        + (usage.cache_creation_input_tokens or 0)
        + (usage.cache_read_input_tokens or 0)
    )
    assert total == counted.input_tokens


def test_count_tokens_checks_its_body(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.BadRequestError, match="at least one message"):
        client.messages.count_tokens(model=MODEL, messages=[])


def test_models_page_through_two_at_a_time(client: anthropic.Anthropic) -> None:
    first = client.models.list(limit=2)
    assert [m.id for m in first.data] == IDS[:2]
    assert first.has_more is True
    assert (first.first_id, first.last_id) == (IDS[0], IDS[1])

    pages = [first]
    while pages[-1].has_next_page():
        pages.append(pages[-1].get_next_page())
    assert len(pages) == (len(IDS) + 1) // 2
    assert pages[-1].has_more is False
    assert [m.id for page in pages for m in page.data] == IDS

    everything = list(client.models.list(limit=2))  # the SDK's own auto-paging
    assert [m.id for m in everything] == IDS


def test_models_page_backwards_with_before_id(client: anthropic.Anthropic) -> None:
    page = client.models.list(limit=2, before_id=IDS[-1])
    assert [m.id for m in page.data] == IDS[-3:-1]
    assert page.has_more is True


def test_a_model_has_the_api_fields(client: anthropic.Anthropic) -> None:
    model = client.models.retrieve("claude-sonnet-5-5")

    assert model.type == "model"
    assert model.display_name == "Claude Sonnet 5.5"
    assert model.created_at.year >= 2025
    assert model.lifecycle == "active"


def test_an_unknown_model_is_a_404(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.NotFoundError) as caught:
        client.models.retrieve("claude-nonexistent-1")
    assert caught.value.type == "not_found_error"


@pytest.mark.parametrize("query", [{"limit": 0}, {"after_id": "nope"}])
def test_a_bad_page_request_is_a_400(client: anthropic.Anthropic, query: dict[str, object]) -> None:
    with pytest.raises(anthropic.BadRequestError):
        client.models.list(**query)  # type: ignore[arg-type]

"""Each model refuses what it lacks, with the API's error bodies, through the real SDK."""

from __future__ import annotations

from typing import Any

import anthropic
import pytest
from demo_prompts import ask


def create(client: anthropic.Anthropic, model: str, **extra: Any) -> Any:
    params: dict[str, Any] = {"max_tokens": 4000, "messages": ask("Hi")} | extra
    # Streamed, as the app asks: the SDK refuses a long non-streaming request itself.
    with client.messages.stream(model=model, **params) as stream:
        return stream.get_final_message()


def refused(client: anthropic.Anthropic, model: str, **extra: Any) -> anthropic.APIStatusError:
    with pytest.raises(anthropic.APIStatusError) as caught:
        create(client, model, **extra)
    return caught.value


def test_an_unknown_or_retired_model_is_not_found(client: anthropic.Anthropic) -> None:
    for model in ("claude-imaginary-1", "claude-3-7-sonnet-20250219"):
        error = refused(client, model)
        assert isinstance(error, anthropic.NotFoundError)
        assert isinstance(error.body, dict)
        assert error.body["error"] == {"type": "not_found_error", "message": f"model: {model}"}


@pytest.mark.parametrize(
    ("model", "extra", "words"),
    [
        (
            "claude-opus-5-5",
            {"thinking": {"type": "enabled", "budget_tokens": 2048}},
            "thinking.type.enabled is not supported for this model. Use thinking.type.adaptive",
        ),
        ("claude-haiku-4-5", {"thinking": {"type": "adaptive"}}, "thinking.type.adaptive is not"),
        ("claude-haiku-4-5", {"output_config": {"effort": "low"}}, "effort is not supported"),
        (
            "claude-haiku-5-5",
            {"output_config": {"effort": "max"}},
            "'max' is not supported on this model; supported levels: low, medium, high",
        ),
        ("claude-sonnet-5-5", {"output_config": {"effort": "huge"}}, "output_config.effort"),
        (
            "claude-haiku-5-5",
            {"max_tokens": 100_000},
            "max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens",
        ),
        (
            "claude-opus-5-5",
            {"messages": [*ask("Hi"), {"role": "assistant", "content": "Well"}]},
            "does not support assistant message prefill",
        ),
    ],
)
def test_what_a_model_lacks_is_a_400_naming_it(
    client: anthropic.Anthropic, model: str, extra: dict[str, Any], words: str
) -> None:
    error = refused(client, model, **extra)

    assert isinstance(error, anthropic.BadRequestError)
    assert isinstance(error.body, dict) and error.body["type"] == "error"
    assert error.body["error"]["type"] == "invalid_request_error"
    assert words in error.body["error"]["message"]


def test_what_a_model_has_is_accepted(client: anthropic.Anthropic) -> None:
    assert create(client, "claude-haiku-4-5", thinking={"type": "enabled", "budget_tokens": 1024})
    assert create(
        client, "claude-opus-5-5", thinking={"type": "adaptive"}, output_config={"effort": "xhigh"}
    )
    prefill = [*ask("Hi"), {"role": "assistant", "content": "Well"}]
    assert create(client, "claude-sonnet-4-6", messages=prefill).stop_reason == "end_turn"

"""The request checks the real API makes, with its messages, seen through the real SDK."""

from __future__ import annotations

from typing import Any

import anthropic
import pytest
from demo_prompts import MODEL, ask

from desktop_chat.demo.server import DemoServer

GOOD: dict[str, Any] = {"model": MODEL, "max_tokens": 1024, "messages": ask("hi")}
TOOL_TURN: list[dict[str, Any]] = [
    {"role": "user", "content": "weather?"},
    {
        "role": "assistant",
        "content": [{"type": "tool_use", "id": "toolu_01A", "name": "get_weather", "input": {}}],
    },
]


def post(client: anthropic.Anthropic, body: dict[str, Any], **headers: str) -> object:
    """POST a body exactly as given: the typed methods would not let us send these."""
    options: Any = {"headers": headers}
    return client.post("/v1/messages", body=body, cast_to=object, options=options)


def without(key: str) -> dict[str, Any]:
    return {k: v for k, v in GOOD.items() if k != key}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (without("max_tokens"), "max_tokens: Field required"),
        ({**GOOD, "max_tokens": 0}, "max_tokens: Input should be greater than or equal to 1"),
        (without("model"), "model: Field required"),
        ({**GOOD, "messages": []}, "messages: at least one message is required"),
        (
            {**GOOD, "messages": [{"role": "user", "content": [{"type": "txt", "text": "x"}]}]},
            "messages.0.content.0: Input tag 'txt' found using 'type' does not match",
        ),
        (
            {**GOOD, "messages": [{"role": "user", "content": [{"type": "text", "text": ""}]}]},
            "messages: text content blocks must be non-empty",
        ),
        (
            {**GOOD, "messages": [{"role": "user", "content": ""}]},
            "messages.0: all messages must have non-empty content",
        ),
        (
            {**GOOD, "messages": [*ask("hi"), {"role": "assistant", "content": "Sure, "}]},
            "final assistant content cannot end with trailing whitespace",
        ),
        (
            {**GOOD, "thinking": {"type": "enabled", "budget_tokens": 512}},
            "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
        ),
        (
            {**GOOD, "thinking": {"type": "enabled", "budget_tokens": 1024}},
            "`max_tokens` must be greater than `thinking.budget_tokens`",
        ),
        ({**GOOD, "thinking": {"type": "sometimes"}}, "thinking: Input tag 'sometimes'"),
        (
            {**GOOD, "messages": [*TOOL_TURN, *ask("and?")]},
            "messages.1: `tool_use` ids were found without `tool_result` blocks immediately"
            " after: toolu_01A",
        ),
        (
            {
                **GOOD,
                "messages": [
                    {
                        "role": "user",
                        "content": [{"type": "tool_result", "tool_use_id": "toolu_01Z"}],
                    }
                ],
            },
            "messages.0.content.0: unexpected `tool_use_id` found in `tool_result` blocks",
        ),
        (
            {
                **GOOD,
                "messages": [
                    *ask("hi"),
                    {
                        "role": "assistant",
                        "content": [{"type": "thinking", "thinking": "hm", "signature": "Zm9v"}],
                    },
                    *ask("and?"),
                ],
            },
            "messages.1.content.0: Invalid `signature` in `thinking` block",
        ),
        ({**GOOD, "frequency_penalty": 1}, "frequency_penalty: Extra inputs are not permitted"),
        ({**GOOD, "stop_sequences": ["  "]}, "stop_sequences: each stop sequence must contain"),
        ({**GOOD, "system": [{"type": "text", "text": ""}]}, "system: text content blocks"),
    ],
    ids=lambda value: "" if isinstance(value, dict) else value[:40],
)
def test_a_bad_request_is_a_400_with_the_api_wording(
    client: anthropic.Anthropic, body: dict[str, Any], message: str
) -> None:
    with pytest.raises(anthropic.BadRequestError) as caught:
        post(client, body)

    assert caught.value.type == "invalid_request_error"
    assert caught.value.api_message is not None
    assert caught.value.api_message.startswith(message)


def test_tool_results_answer_their_tool_uses(client: anthropic.Anthropic) -> None:
    answer = {
        "role": "user",
        "content": [{"type": "tool_result", "tool_use_id": "toolu_01A", "content": "sunny"}],
    }
    reply = post(client, {**GOOD, "messages": [*TOOL_TURN, answer]})
    assert isinstance(reply, dict) and reply["stop_reason"] == "end_turn"


def test_with_thinking_on_a_tool_turn_must_keep_its_thinking(
    client: anthropic.Anthropic,
) -> None:
    answer = {
        "role": "user",
        "content": [{"type": "tool_result", "tool_use_id": "toolu_01A", "content": "sunny"}],
    }
    body = {**GOOD, "messages": [*TOOL_TURN, answer], "thinking": {"type": "adaptive"}}
    with pytest.raises(anthropic.BadRequestError, match="must start with a thinking block"):
        post(client, body)


def test_sampling_parameters_are_accepted_when_sent(client: anthropic.Anthropic) -> None:
    body = {**GOOD, "temperature": 0.5, "top_p": 0.9, "top_k": 40, "metadata": {"user_id": "u"}}
    assert isinstance(post(client, body), dict)


def test_an_unknown_scenario_header_is_a_400(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.BadRequestError, match="unknown demo scenario 'nope'"):
        post(client, GOOD, **{"x-demo-scenario": "nope"})


def test_an_unknown_name_in_the_text_is_just_text(client: anthropic.Anthropic) -> None:
    reply = post(client, {**GOOD, "messages": ask("see demo:nothing-like-this")})
    assert isinstance(reply, dict) and reply["stop_reason"] == "end_turn"


def test_a_body_that_is_not_json_is_a_400(demo_server: DemoServer) -> None:
    with (
        anthropic.Anthropic(api_key="k", base_url=demo_server.base_url, max_retries=0) as client,
        pytest.raises(anthropic.BadRequestError, match="error parsing the body"),
    ):
        client.post(
            "/v1/messages",
            content=b"{not json",
            cast_to=object,
            options={"headers": {"content-type": "application/json"}},
        )


def test_every_request_is_recorded(demo_server: DemoServer, client: anthropic.Anthropic) -> None:
    before = len(demo_server.requests)
    post(client, GOOD, **{"x-custom": "yes"})

    recorded = demo_server.requests[before]
    assert (recorded.method, recorded.path) == ("POST", "/v1/messages")
    assert recorded.body == GOOD
    assert recorded.headers["x-custom"] == "yes"
    assert recorded.headers["authorization"] == "Bearer test-key"
    assert recorded.headers["anthropic-version"]

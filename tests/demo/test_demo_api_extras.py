"""The demo sends what the real API sends beyond plain text, through the real SDK:
citations, server tools, an unknown block kind, usage extras, the 402/504 errors, and the
retry and rate-limit headers."""

from __future__ import annotations

import time
from typing import Any

import anthropic
import pytest
from demo_prompts import MODEL, ask

from desktop_chat.demo.server import DemoServer


def stream(client: anthropic.Anthropic, scenario: str, **extra: Any) -> tuple[list[Any], Any]:
    with client.messages.stream(
        model=MODEL,
        max_tokens=4000,
        messages=ask("Rivers of Zürich"),
        extra_headers={"x-demo-scenario": scenario},
        **extra,
    ) as events:
        seen = list(events)
        return seen, events.get_final_message()


def test_a_web_search_answer_cites_its_results(client: anthropic.Anthropic) -> None:
    events, message = stream(client, "web_search")

    kinds = [b.type for b in message.content]
    assert kinds[:3] == ["text", "server_tool_use", "web_search_tool_result"]
    cited = [b for b in message.content if b.type == "text" and b.citations]
    assert len(cited) == 2
    assert cited[0].citations[0].type == "web_search_result_location"  # type: ignore[union-attr]
    # A citations_delta comes before any text of its block.
    deltas = [e for e in events if e.type == "content_block_delta"]
    first_of = {}
    for e in deltas:
        first_of.setdefault(e.index, e.delta.type)
    assert sorted(t for t in first_of.values() if t == "citations_delta") == ["citations_delta"] * 2
    assert message.usage.server_tool_use is not None
    assert message.usage.server_tool_use.web_search_requests == 1


def test_document_citations_cite_characters_pages_and_blocks(client: anthropic.Anthropic) -> None:
    _, message = stream(client, "documents")

    kinds = [c.type for b in message.content if b.type == "text" for c in b.citations or []]
    assert kinds == ["char_location", "page_location", "content_block_location"]


@pytest.mark.parametrize(
    ("scenario", "kinds"),
    [
        ("web_fetch", {"server_tool_use", "web_fetch_tool_result", "text"}),
        (
            "code_execution",
            {
                "container_upload",
                "server_tool_use",
                "code_execution_tool_result",
                "bash_code_execution_tool_result",
                "text_editor_code_execution_tool_result",
                "text",
            },
        ),
        ("tool_search", {"server_tool_use", "tool_search_tool_result", "text"}),
    ],
)
def test_server_tools_run_within_the_reply(
    client: anthropic.Anthropic, scenario: str, kinds: set[str]
) -> None:
    _, message = stream(client, scenario)

    assert {b.type for b in message.content} == kinds
    assert message.stop_reason == "end_turn"  # the API ran them: no tool_use stop


def test_an_unknown_block_kind_reaches_the_client(client: anthropic.Anthropic) -> None:
    _, message = stream(client, "unknown_block")

    assert [b.type for b in message.content] == ["text", "demo_future_block", "text"]


def test_thinking_tokens_are_reported_apart(client: anthropic.Anthropic) -> None:
    _, message = stream(client, "normal", thinking={"type": "adaptive"})

    details = message.usage.output_tokens_details
    assert details is not None and 0 < details.thinking_tokens < message.usage.output_tokens
    _, plain = stream(client, "normal")
    assert plain.usage.output_tokens_details is None  # nothing to report: left out


def test_every_reply_carries_rate_limit_headers(client: anthropic.Anthropic) -> None:
    response = client.messages.with_raw_response.create(
        model=MODEL, max_tokens=1024, messages=ask("hi")
    )
    headers = response.headers
    for name in ("requests", "input-tokens", "output-tokens", "tokens"):
        limit = int(headers[f"anthropic-ratelimit-{name}-limit"])
        assert 0 < int(headers[f"anthropic-ratelimit-{name}-remaining"]) < limit
        assert headers[f"anthropic-ratelimit-{name}-reset"].endswith("Z")


@pytest.mark.parametrize(
    ("scenario", "status", "error_type"),
    [("http402", 402, "billing_error"), ("http504", 504, "timeout_error")],
)
def test_billing_and_gateway_timeout_errors(
    client: anthropic.Anthropic, scenario: str, status: int, error_type: str
) -> None:
    with pytest.raises(anthropic.APIStatusError) as caught:
        stream(client, scenario)

    assert caught.value.status_code == status and caught.value.type == error_type


def test_the_sdk_follows_retry_after_ms_and_x_should_retry(demo_server: DemoServer) -> None:
    with anthropic.Anthropic(api_key="k", base_url=demo_server.base_url, max_retries=2) as client:
        began = time.monotonic()
        _, message = stream(client, "http429_retry_after_ms")
        waited = time.monotonic() - began
        assert message.stop_reason == "end_turn" and 0.15 <= waited < 2

        seen = len(demo_server.requests)
        with pytest.raises(anthropic.OverloadedError):
            stream(client, "http529_no_retry")
        assert len(demo_server.requests) - seen == 1  # x-should-retry: false

        _, retried = stream(client, "http400_retry")  # a 400 retried, as the header asks
        assert retried.stop_reason == "end_turn"

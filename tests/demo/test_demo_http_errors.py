"""HTTP error scenarios: the SDK's exception class for each, retry-after, and its own retries."""

from __future__ import annotations

import time
from typing import Any

import anthropic
import pytest
from demo_prompts import MODEL, ask

from desktop_chat.demo.server import DemoServer


@pytest.mark.parametrize(
    ("name", "error_class", "status", "error_type"),
    [
        ("http401", anthropic.AuthenticationError, 401, "authentication_error"),
        ("http403", anthropic.PermissionDeniedError, 403, "permission_error"),
        ("http404", anthropic.NotFoundError, 404, "not_found_error"),
        ("http413", anthropic.ContentTooLargeError, 413, "request_too_large"),
        ("http429", anthropic.RateLimitError, 429, "rate_limit_error"),
        ("http500", anthropic.InternalServerError, 500, "api_error"),
        ("http529", anthropic.OverloadedError, 529, "overloaded_error"),
    ],
)
def test_each_http_error_is_its_sdk_class(
    client: anthropic.Anthropic,
    name: str,
    error_class: type[anthropic.APIStatusError],
    status: int,
    error_type: str,
) -> None:
    with (
        pytest.raises(error_class) as caught,
        client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=ask("hi"),
            extra_headers={"x-demo-scenario": name},
        ),
    ):
        pass

    error = caught.value
    assert error.status_code == status
    assert error.type == error_type
    assert error.api_message
    assert error.request_id and error.request_id.startswith("req_")
    assert isinstance(error.body, dict) and error.body["request_id"] == error.request_id


def test_a_429_says_when_to_retry(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.RateLimitError) as caught:
        client.messages.create(model=MODEL, max_tokens=1024, messages=ask("hi demo:http429"))
    assert caught.value.response.headers["retry-after"] == "1"


@pytest.mark.parametrize("name", ["http429_once", "http529_once"])
def test_the_sdk_recovers_from_a_one_off_error_by_itself(
    demo_server: DemoServer, name: str
) -> None:
    with anthropic.Anthropic(
        api_key="test-key", base_url=demo_server.base_url, max_retries=2
    ) as client:
        seen = len(demo_server.requests)
        with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=ask("hi"),
            extra_headers={"x-demo-scenario": name},
        ) as stream:
            message = stream.get_final_message()

    assert message.stop_reason == "end_turn"
    attempts = demo_server.requests[seen:]
    assert [r.headers["x-stainless-retry-count"] for r in attempts] == ["0", "1"]


def test_a_one_off_error_fails_without_retries(demo_server: DemoServer) -> None:
    with anthropic.Anthropic(
        api_key="test-key", base_url=demo_server.base_url, max_retries=0
    ) as client:

        def once() -> Any:
            return client.messages.create(
                model=MODEL,
                max_tokens=1024,
                messages=ask("hi"),
                extra_headers={"x-demo-scenario": "http429_once"},
            )

        # Odd attempts fail, even ones pass, whatever ran before on this server.
        outcomes = []
        for _ in range(3):
            try:
                once()
                outcomes.append("ok")
            except anthropic.RateLimitError:
                outcomes.append("429")
        assert outcomes in (["429", "ok", "429"], ["ok", "429", "ok"])


def test_header_scenarios_apply_to_the_other_endpoints(client: anthropic.Anthropic) -> None:
    unauthorised = {"x-demo-scenario": "http401"}
    with pytest.raises(anthropic.AuthenticationError):
        client.models.list(extra_headers=unauthorised)
    with pytest.raises(anthropic.AuthenticationError):
        client.models.retrieve("claude-sonnet-5-5", extra_headers=unauthorised)
    with pytest.raises(anthropic.AuthenticationError):
        client.messages.count_tokens(model=MODEL, messages=ask("hi"), extra_headers=unauthorised)


def test_a_body_over_the_size_limit_is_a_413() -> None:
    with (
        DemoServer(tokens_per_second=0, max_request_bytes=1000) as server,
        anthropic.Anthropic(api_key="k", base_url=server.base_url, max_retries=0) as client,
        pytest.raises(anthropic.ContentTooLargeError) as caught,
    ):
        client.messages.create(model=MODEL, max_tokens=10, messages=ask("x" * 2000))
    assert caught.value.body["error"]["type"] == "request_too_large"  # type: ignore[index]


def test_the_sdk_waits_as_retry_after_says(demo_server: DemoServer) -> None:
    with anthropic.Anthropic(
        api_key="test-key", base_url=demo_server.base_url, max_retries=1
    ) as client:
        began = time.monotonic()
        with pytest.raises(anthropic.RateLimitError):
            client.messages.create(
                model=MODEL,
                max_tokens=1024,
                messages=ask("hi"),
                extra_headers={"x-demo-scenario": "http429"},
            )
    assert time.monotonic() - began >= 0.9  # retry-after: 1

"""The model list from the embedded server through the real SDK, its cache, and the key check."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from desktop_chat.core import models
from desktop_chat.core.client import make_client
from desktop_chat.core.models import FALLBACK_MODELS, ModelInfo


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def with_client(base_url: str, fn: Any, api_key: str = "test-key") -> Any:
    async with make_client(api_key=api_key, base_url=base_url, max_retries=0) as client:
        return await fn(client)


class StatusHandler(BaseHTTPRequestHandler):
    """Answers every request with the HTTP status named by the key ("status-401")."""

    def do_GET(self) -> None:
        key = self.headers.get("x-api-key") or self.headers.get("authorization", "")
        status = int(key.rsplit("-", 1)[-1])
        body = json.dumps({"type": "error", "error": {"type": "error", "message": "no"}})
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def status_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatusHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# section: the list


def test_the_fallback_list() -> None:
    assert [m.id for m in FALLBACK_MODELS] == [
        "claude-opus-5-5",
        "claude-sonnet-5-5",
        "claude-haiku-5-5",
        "claude-opus-4-8",
        "claude-sonnet-4-6",
        "claude-haiku-4-5",
        "claude-opus-4-5",  # deprecated; the retired one in the catalogue is left out
    ]
    assert FALLBACK_MODELS[0].display_name == "Claude Opus 5.5"
    assert [m.id for m in FALLBACK_MODELS if m.deprecated] == ["claude-opus-4-5"]


def test_the_sdk_deprecation_list_is_used() -> None:
    assert "claude-sonnet-4-5" in models.deprecated_ids()


@pytest.mark.parametrize("page_size", [1, 100])
def test_list_models_from_the_server(api_server: Any, page_size: int) -> None:
    listed = run(
        with_client(api_server.base_url, lambda c: models.list_models(c, page_size=page_size))
    )
    assert len({m.id for m in listed}) == len(listed) > 1
    assert all(isinstance(m.created_at, datetime) for m in listed)
    assert [m.id for m in listed if m.deprecated] == ["claude-opus-4-5"]
    sonnet = next(m for m in listed if m.id == "claude-sonnet-5-5")
    assert sonnet.display_name == "Claude Sonnet 5.5"


def test_both_page_sizes_give_the_same_list(api_server: Any) -> None:
    one = run(with_client(api_server.base_url, lambda c: models.list_models(c, page_size=1)))
    all_ = run(with_client(api_server.base_url, models.list_models))
    assert one == all_


def test_get_models_caches_then_uses_the_cache(api_server: Any) -> None:
    first = run(with_client(api_server.base_url, models.get_models))
    assert json.loads(models.cache_path().read_text())["source"] == api_server.base_url.rstrip("/")
    assert models.read_cache(api_server.base_url) == first
    assert run(with_client(api_server.base_url, models.get_models)) == first


def test_offline_gives_the_cache_then_the_fallback() -> None:
    dead = "http://127.0.0.1:9"  # discard port: nothing listens
    assert run(with_client(dead, models.get_models)) == list(FALLBACK_MODELS)
    cached = [ModelInfo("m-1", "Model One", datetime(2026, 1, 2, tzinfo=UTC), deprecated=True)]
    models.write_cache(dead + "/", cached)  # one server, with or without the slash
    # Too old to skip the network, but still better than the built-in list.
    assert run(with_client(dead, lambda c: models.get_models(c, max_age_s=-1))) == cached


# section: the cache


def test_cache_round_trip_age_and_source() -> None:
    listed = [ModelInfo("a", "A", datetime(2025, 5, 1, tzinfo=UTC)), ModelInfo("b", "B")]
    models.write_cache("https://one/", listed)
    assert models.read_cache("https://one/") == listed
    assert models.read_cache("https://two/") is None
    assert models.read_cache("https://one/", max_age_s=-1) is None
    assert models.known_models("https://one/") == listed
    assert models.known_models("https://two/") == list(FALLBACK_MODELS)
    assert models.known_models() == list(FALLBACK_MODELS)  # the real API's list is not cached


def test_a_corrupt_cache_is_ignored() -> None:
    models.cache_path().write_text('{"version": 1, "source": "s", "models": [{}]')
    assert models.read_cache("s") is None
    models.cache_path().write_text('{"version": 1, "source": "s", "fetched_at": 0, "models": [{}]}')
    assert models.read_cache("s", max_age_s=None) is None
    assert models.known_models("s") == list(FALLBACK_MODELS)


# section: the key check


def test_check_key_accepts_a_working_key(api_server: Any) -> None:
    assert run(with_client(api_server.base_url, models.check_key)) is None


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (401, "The key was not accepted (401)"),
        (403, "not allowed to use the API (403)"),
        (404, "Is the base URL right?"),
        (429, "Too many requests"),
        (500, "HTTP 500"),
    ],
)
def test_check_key_says_why_in_plain_words(status_server: str, status: int, words: str) -> None:
    reason = run(with_client(status_server, models.check_key, api_key=f"status-{status}"))
    assert reason is not None and words in reason


def test_check_key_when_the_server_is_unreachable() -> None:
    reason = run(with_client("http://127.0.0.1:9", models.check_key))
    assert reason == "Could not reach 127.0.0.1. Check your network connection or the base URL."

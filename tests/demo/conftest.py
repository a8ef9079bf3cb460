"""The demo server under test and the real SDK client pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import anthropic
import pytest
from demo_prompts import STALL_SECONDS

from desktop_chat.demo.server import DemoServer


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    """One unpaced server for the demo tests (its own, so attempt counts are ours alone)."""
    with DemoServer(tokens_per_second=0, stall_seconds=STALL_SECONDS) as server:
        yield server


@pytest.fixture
def client(demo_server: DemoServer) -> Iterator[anthropic.Anthropic]:
    """The real sync client, no retries unless a test asks."""
    with anthropic.Anthropic(
        api_key="test-key", base_url=demo_server.base_url, max_retries=0
    ) as sdk_client:
        yield sdk_client

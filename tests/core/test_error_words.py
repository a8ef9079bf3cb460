"""402 and 504 in plain words: whether to retry, and what to do."""

from __future__ import annotations

from typing import Any

import pytest
from test_stream_turn import ask, run_turn

from desktop_chat.core.client import ErrorKind


@pytest.mark.parametrize(
    ("scenario", "kind", "retryable", "words"),
    [
        ("http402", ErrorKind.BILLING, False, "no credit left"),
        ("http504", ErrorKind.SERVER, True, "took too long"),  # nothing arrived to keep
    ],
)
def test_billing_and_gateway_timeouts_say_what_to_do(
    api_server: Any, scenario: str, kind: ErrorKind, retryable: bool, words: str
) -> None:
    _, error, _ = run_turn(api_server, ask("hi"), scenario=scenario)

    assert error is not None
    assert (error.kind, error.retryable, error.status_code) == (
        kind,
        retryable,
        int(scenario[4:]),
    )
    assert words in error.message

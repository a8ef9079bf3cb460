"""RetryPolicy: which failures retry by themselves, after how long; and what else to say."""

from __future__ import annotations

import random

import pytest

from desktop_chat.core.client import ErrorKind, TurnError
from desktop_chat.core.retry import (
    AUTO_RETRY_KINDS,
    NEVER_RETRY_KINDS,
    RetryPlan,
    RetryPolicy,
    api_reason,
    countdown_text,
    suggestion,
)


def error(kind: ErrorKind, retry_after_s: float | None = None, message: str = "x") -> TurnError:
    return TurnError(kind, message, retryable=True, retry_after_s=retry_after_s)


@pytest.mark.parametrize("kind", sorted(AUTO_RETRY_KINDS))
def test_passing_failures_retry_by_themselves(kind: ErrorKind) -> None:
    plan = RetryPolicy(rng=random.Random(1)).decide(error(kind), attempt=1)
    assert plan is not None and plan.attempt == 2 and plan.reason


@pytest.mark.parametrize("kind", sorted(set(ErrorKind) - AUTO_RETRY_KINDS))
def test_the_rest_wait_for_the_user(kind: ErrorKind) -> None:
    assert RetryPolicy().decide(error(kind), attempt=1) is None


@pytest.mark.parametrize("kind", sorted(NEVER_RETRY_KINDS))
def test_requests_that_would_fail_again_never_retry_even_if_asked(kind: ErrorKind) -> None:
    policy = RetryPolicy(auto_kinds=frozenset(ErrorKind))
    assert policy.decide(error(kind), attempt=1) is None


def test_backoff_doubles_with_jitter_up_to_the_cap_then_stops() -> None:
    policy = RetryPolicy(max_attempts=8, base_s=2.0, cap_s=10.0, rng=random.Random(7))
    delays = []
    for attempt in range(1, 8):
        plan = policy.decide(error(ErrorKind.OVERLOADED), attempt)
        assert plan is not None and plan.attempt == attempt + 1
        delays.append(plan.delay_s)
    for attempt, delay in enumerate(delays, start=1):
        full = min(10.0, 2.0 * 2 ** (attempt - 1))
        assert 0.75 * full <= delay <= full
    assert policy.decide(error(ErrorKind.OVERLOADED), attempt=8) is None


def test_four_attempts_in_all_by_default() -> None:
    policy = RetryPolicy()
    assert [policy.decide(error(ErrorKind.SERVER), n) is not None for n in (1, 2, 3, 4)] == [
        True,
        True,
        True,
        False,
    ]


def test_a_seeded_rng_gives_the_same_delays() -> None:
    def delays(seed: int) -> list[float]:
        policy = RetryPolicy(rng=random.Random(seed))
        return [policy.backoff_s(n) for n in (1, 2, 3)]

    assert delays(3) == delays(3)
    assert delays(3) != delays(4)


def test_no_jitter_gives_exact_powers_of_two() -> None:
    policy = RetryPolicy(jitter=0.0)
    assert [policy.backoff_s(n) for n in (1, 2, 3, 4, 5, 6, 7)] == [2, 4, 8, 16, 32, 60, 60]


def test_retry_after_is_honoured_exactly() -> None:
    policy = RetryPolicy(rng=random.Random(1))
    plan = policy.decide(error(ErrorKind.RATE_LIMIT, retry_after_s=7.0), attempt=3)
    assert plan == RetryPlan(delay_s=7.0, attempt=4, reason="Rate limited.")
    zero = policy.decide(error(ErrorKind.OVERLOADED, retry_after_s=0.0), attempt=1)
    assert zero is not None and zero.delay_s == 0.0


def test_a_retry_after_longer_than_the_cap_is_left_to_the_user() -> None:
    too_long = error(ErrorKind.RATE_LIMIT, retry_after_s=600.0)
    assert RetryPolicy(cap_s=60.0).decide(too_long, attempt=1) is None
    assert suggestion(too_long) == "Try again in 10 min (Ctrl+R)."


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (7.0, "Overloaded. Retrying in 7 s… (Esc to cancel)"),
        (6.2, "Overloaded. Retrying in 7 s… (Esc to cancel)"),
        (0.3, "Overloaded. Retrying in 1 s… (Esc to cancel)"),
        (60.0, "Overloaded. Retrying in 1 min… (Esc to cancel)"),
        (75.0, "Overloaded. Retrying in 1 min 15 s… (Esc to cancel)"),
        (0.0, "Overloaded. Retrying now…"),
    ],
)
def test_countdown_text(remaining: float, text: str) -> None:
    plan = RetryPlan(delay_s=7.0, attempt=2, reason="Overloaded.")
    assert countdown_text(plan, remaining) == text


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (ErrorKind.TOO_LARGE, "Start a new conversation or remove long attachments"),
        (ErrorKind.AUTH, "Check the key (Ctrl+Shift+K)."),
        (ErrorKind.BILLING, "Check the billing of this key's account"),
        (ErrorKind.NOT_FOUND, "Check “claude-nope” in Settings (Ctrl+,)"),
        (ErrorKind.PERMISSION, "Pick a model this key may use"),
        (ErrorKind.CONNECTION, "Check the network connection"),
        (ErrorKind.INVALID_RESPONSE, "Retry (Ctrl+R)"),
        (ErrorKind.INCOMPLETE, "Continue the reply (Ctrl+Shift+Enter)"),
        (ErrorKind.UNKNOWN, "Retry when ready (Ctrl+R)."),
    ],
)
def test_suggestions(kind: ErrorKind, words: str) -> None:
    assert words in suggestion(error(kind), model="claude-nope")


def test_a_suggestion_names_the_keys_the_user_bound() -> None:
    text = suggestion(
        error(ErrorKind.AUTH), key=lambda action: "F9" if action == "api_key" else "?"
    )
    assert text == "Check the key (F9)."


def test_a_bad_request_suggests_the_apis_reason() -> None:
    bad = error(
        ErrorKind.BAD_REQUEST,
        message="The API refused the request: messages: text content blocks must be non-empty",
    )
    assert api_reason(bad) == "messages: text content blocks must be non-empty"
    assert suggestion(bad) == "The API's reason: messages: text content blocks must be non-empty"
    kept = error(
        ErrorKind.BAD_REQUEST, message="The API refused the request: no. What arrived is kept."
    )
    assert api_reason(kept) == "no."


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(jitter=2.0)

"""What to do after a turn failed: retry by itself after a countdown, or say what would help.

The SDK already retries 408/409/429/5xx and connection errors, with backoff, before a stream
begins; once a 200 stream has begun it retries nothing. So a ``TurnError`` that reaches the
app is a failure the SDK gave up on, or one it never sees (a stream cut, stalled, or ended
without ``message_stop``). :class:`RetryPolicy` decides which of those are worth a retry
without asking (the API was busy, the network blinked) and how long to wait first; the rest
get a :func:`suggestion` and wait for the user.

Nothing here sleeps or imports Qt: the window runs the countdown with
:func:`countdown_text` and cancels it on Esc.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from desktop_chat.core.client import ErrorKind, TurnError
from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import Keymap

AUTO_RETRY_KINDS: frozenset[ErrorKind] = frozenset(
    {
        ErrorKind.OVERLOADED,
        ErrorKind.RATE_LIMIT,
        ErrorKind.SERVER,
        ErrorKind.DROPPED,
        ErrorKind.TIMEOUT,
        ErrorKind.INCOMPLETE,
    }
)
"""Failures that pass by themselves: the same request is likely to work a little later."""

NEVER_RETRY_KINDS: frozenset[ErrorKind] = frozenset(
    {
        ErrorKind.AUTH,
        ErrorKind.PERMISSION,
        ErrorKind.BAD_REQUEST,
        ErrorKind.TOO_LARGE,
        ErrorKind.NOT_FOUND,
        ErrorKind.BILLING,
    }
)
"""Failures the same request repeats: only a change by the user can help."""

_REASONS: dict[ErrorKind, str] = {
    ErrorKind.OVERLOADED: translate("Retry", "Overloaded."),
    ErrorKind.RATE_LIMIT: translate("Retry", "Rate limited."),
    ErrorKind.SERVER: translate("Retry", "The API failed."),
    ErrorKind.DROPPED: translate("Retry", "The connection dropped."),
    ErrorKind.TIMEOUT: translate("Retry", "The reply stalled."),
    ErrorKind.INCOMPLETE: translate("Retry", "The reply was cut short."),
}

KeyName = Callable[[str], str]
"""Names the key of a keymap action (``Keymap.text_for``)."""


def _default_keys(action_id: str) -> str:
    return Keymap().text_for(action_id)


@dataclass(frozen=True)
class RetryPlan:
    """An automatic retry: wait ``delay_s``, then run attempt number ``attempt`` (2 = the
    first retry). ``reason`` is the few words the countdown starts with ("Overloaded.")."""

    delay_s: float
    attempt: int
    reason: str


class RetryPolicy:
    """Which failed turns retry by themselves, and after how long.

    Args:
        max_attempts: attempts of one turn in all, the first included (4 = up to 3 retries).
        base_s: the first backoff delay; it doubles at each retry.
        cap_s: no backoff delay is longer; a ``retry-after`` longer than this is not waited
            for automatically (the user is told when to try again instead).
        jitter: the fraction of a backoff delay taken off at random, so that clients that
            failed together do not retry together.
        rng: the source of jitter (a seeded ``random.Random`` in tests).
        auto_kinds: the error kinds retried without asking.
    """

    def __init__(
        self,
        max_attempts: int = 4,
        base_s: float = 2.0,
        cap_s: float = 60.0,
        *,
        jitter: float = 0.25,
        rng: random.Random | None = None,
        auto_kinds: frozenset[ErrorKind] = AUTO_RETRY_KINDS,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if base_s < 0 or cap_s < 0 or not 0 <= jitter <= 1:
            raise ValueError("delays must not be negative and jitter must be within 0..1")
        self.max_attempts = max_attempts
        self.base_s = base_s
        self.cap_s = cap_s
        self.jitter = jitter
        self.auto_kinds = auto_kinds - NEVER_RETRY_KINDS
        self._rng = rng or random.Random()

    def decide(self, error: TurnError, attempt: int) -> RetryPlan | None:
        """The automatic retry after ``attempt`` (1 = the first try) failed with ``error``.

        None means: do not retry by itself; show the error, its :func:`suggestion`, and
        let the user retry.
        """
        if error.kind not in self.auto_kinds or attempt >= self.max_attempts:
            return None
        if error.retry_after_s is not None:
            delay = max(0.0, error.retry_after_s)
            if delay > self.cap_s:
                return None  # minutes away: a countdown that long helps nobody
        else:
            delay = self.backoff_s(attempt)
        return RetryPlan(delay_s=delay, attempt=attempt + 1, reason=_REASONS[error.kind])

    def backoff_s(self, attempt: int) -> float:
        """The wait after failed attempt number ``attempt``, jitter included."""
        full = min(self.cap_s, self.base_s * 2.0 ** max(0, attempt - 1))
        return full * (1.0 - self.jitter * self._rng.random())


def countdown_text(plan: RetryPlan, remaining_s: float, *, key: KeyName = _default_keys) -> str:
    """The status line while waiting: ``Overloaded. Retrying in 7 s… (Esc to cancel)``."""
    if remaining_s <= 0:
        return translate("Retry", "{reason} Retrying now…").format(reason=plan.reason)
    return translate("Retry", "{reason} Retrying in {duration}… ({stop_key} to cancel)").format(
        reason=plan.reason, duration=_duration(remaining_s), stop_key=key("stop")
    )


def _duration(seconds: float) -> str:
    whole = math.ceil(seconds - 1e-9)  # 6.2 s left shows as 7 s, and 0.3 s as 1 s
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return (
        translate("Retry", "{minutes} min").format(minutes=minutes)
        if rest == 0
        else translate("Retry", "{minutes} min {rest} s").format(minutes=minutes, rest=rest)
    )


def suggestion(error: TurnError, *, model: str | None = None, key: KeyName = _default_keys) -> str:
    """What the user can do about ``error``, in one sentence (the error says what happened).

    ``model`` names the model asked for (a 404 is nearly always a wrong model name);
    ``key`` names the key of a keymap action (the user's bindings; the defaults if left out).
    """
    match error.kind:
        case ErrorKind.TOO_LARGE:
            return translate(
                "Retry",
                "Start a new conversation or remove long attachments (new chat: {new_chat_key}).",
            ).format(new_chat_key=key("new_chat"))
        case ErrorKind.BILLING:
            return translate(
                "Retry",
                "Check the billing of this key's account in the Anthropic Console, then ask again "
                "({regenerate_key}).",
            ).format(regenerate_key=key("regenerate"))
        case ErrorKind.AUTH:
            return translate("Retry", "Check the key ({api_key_key}).").format(
                api_key_key=key("api_key")
            )
        case ErrorKind.PERMISSION:
            return translate(
                "Retry",
                "Pick a model this key may use in Settings ({settings_key}), or use another key "
                "({api_key_key}).",
            ).format(settings_key=key("settings"), api_key_key=key("api_key"))
        case ErrorKind.NOT_FOUND:
            name = f"“{model}”" if model else translate("Retry", "the model name")
            return translate(
                "Retry",
                "Check {name} in Settings ({settings_key}): it may be misspelled or retired.",
            ).format(name=name, settings_key=key("settings"))
        case ErrorKind.BAD_REQUEST:
            return translate("Retry", "The API's reason: {api_reason}").format(
                api_reason=api_reason(error)
            )
        case ErrorKind.RATE_LIMIT if error.retry_after_s is not None:
            return translate("Retry", "Try again in {duration} ({regenerate_key}).").format(
                duration=_duration(error.retry_after_s), regenerate_key=key("regenerate")
            )
        case ErrorKind.CONNECTION:
            return translate(
                "Retry",
                "Check the network connection (and the base URL in Settings), then retry "
                "({regenerate_key}).",
            ).format(regenerate_key=key("regenerate"))
        case ErrorKind.INCOMPLETE | ErrorKind.DROPPED | ErrorKind.TIMEOUT:
            return translate(
                "Retry",
                "Continue the reply ({continue_key}) or ask again ({regenerate_key}); what "
                "arrived is kept.",
            ).format(continue_key=key("continue"), regenerate_key=key("regenerate"))
        case ErrorKind.INVALID_RESPONSE:
            return translate(
                "Retry",
                "Retry ({regenerate_key}); if it happens again, something between this app and "
                "the API is changing the replies.",
            ).format(regenerate_key=key("regenerate"))
        case _:
            return translate("Retry", "Retry when ready ({regenerate_key}).").format(
                regenerate_key=key("regenerate")
            )


_REASON_PREFIXES = (translate("Retry", "The API refused the request: "),)
_KEPT_SUFFIX = translate("Retry", " What arrived is kept.")


def api_reason(error: TurnError) -> str:
    """The API's own words in a 400's message (the whole message if they cannot be found)."""
    text = error.message
    if text.endswith(_KEPT_SUFFIX):
        text = text[: -len(_KEPT_SUFFIX)]
    for prefix in _REASON_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text

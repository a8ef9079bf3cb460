"""The ``anthropic-ratelimit-*`` headers the API sends with every Messages response.

The demo has no real limits: it reports a generous fixed budget, less what this request
takes, with resets a minute ahead, so that a client reading the headers has them to read.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

REQUESTS_PER_MINUTE = 4000
INPUT_TOKENS_PER_MINUTE = 2_000_000
OUTPUT_TOKENS_PER_MINUTE = 400_000


def _reset() -> str:
    return (
        (datetime.now(UTC) + timedelta(minutes=1))
        .replace(microsecond=0)
        .isoformat()
        .replace("+00:00", "Z")
    )


def rate_limit_headers(input_tokens: int, max_tokens: int) -> dict[str, str]:
    """The rate-limit headers of a response to a request of this size."""
    reset = _reset()
    limits = {
        "requests": (REQUESTS_PER_MINUTE, 1),
        "input-tokens": (INPUT_TOKENS_PER_MINUTE, input_tokens),
        "output-tokens": (OUTPUT_TOKENS_PER_MINUTE, max_tokens),
        "tokens": (INPUT_TOKENS_PER_MINUTE + OUTPUT_TOKENS_PER_MINUTE, input_tokens + max_tokens),
    }
    headers: dict[str, str] = {}
    for name, (limit, used) in limits.items():
        headers[f"anthropic-ratelimit-{name}-limit"] = str(limit)
        headers[f"anthropic-ratelimit-{name}-remaining"] = str(max(0, limit - used))
        headers[f"anthropic-ratelimit-{name}-reset"] = reset
    return headers

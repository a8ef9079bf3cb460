"""Taking API keys out of any text we show or write: errors, logs, exports.

Kept apart from ``credentials`` (which imports ``keyring``, slow to load) so that start-up
and every log handler can use it cheaply.
"""

from __future__ import annotations

import logging
import os
import re

ENV_VAR = "ANTHROPIC_API_KEY"
REDACTED = "sk-ant-…[redacted]"

_KEY_PATTERN = re.compile(r"sk-ant-[A-Za-z0-9_\-]{8,}")
_MIN_EXACT_REDACT = 8  # shorter "keys" would blank out ordinary words

# Secrets we have seen in this process; redact() takes them out of any text.
_known_keys: set[str] = set()


def remember(key: str | None) -> None:
    """Redact ``key`` from now on, wherever it appears, whatever it looks like."""
    if key and len(key) >= _MIN_EXACT_REDACT:
        _known_keys.add(key)


def redact(text: str) -> str:
    """``text`` with anything that looks like an API key, or is a key we know, replaced."""
    text = _KEY_PATTERN.sub(REDACTED, text)
    known = set(_known_keys)
    env_key = os.environ.get(ENV_VAR)
    if env_key and len(env_key) >= _MIN_EXACT_REDACT:
        known.add(env_key)
    for secret in sorted(known, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Takes keys out of log records, their arguments and tracebacks included.

    Attach it to handlers (a logger's filters do not see records of its children).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: keep both, as text
            message = f"{record.msg} {record.args}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True

"""What a server is given: its environment or headers, with secrets read from the keychain
and our API key taken out, whatever name it hides under."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from desktop_chat.core import credentials
from desktop_chat.core.redaction import ENV_VAR, redact
from desktop_chat.core.tools.config import KEYCHAIN_PREFIX

log = logging.getLogger(__name__)


class SecretUnavailable(Exception):  # noqa: N818 (reads as what happened)
    """A ``keychain:NAME`` value could not be read; ``str()`` says why in plain words."""


def safe_values(values: Mapping[str, str], what: str, server: str) -> dict[str, str]:
    """``values`` without our API key, under its name or any other."""
    kept: dict[str, str] = {}
    for key, value in values.items():
        if key.upper() == ENV_VAR or redact(value) != value:
            log.warning(
                "MCP server %s: %s %s holds an Anthropic API key: not passed", server, what, key
            )
            continue
        kept[key] = value
    return kept


def resolve_values(values: Mapping[str, str], what: str, server: str) -> dict[str, str]:
    """``keychain:NAME`` values replaced by their secrets; raises SecretUnavailable."""
    resolved: dict[str, str] = {}
    for key, value in values.items():
        if value.startswith(KEYCHAIN_PREFIX):
            name = value[len(KEYCHAIN_PREFIX) :]
            try:
                secret = credentials.mcp_secret(name)
            except credentials.KeychainUnavailable as exc:
                raise SecretUnavailable(
                    f"{what} {key} is kept in the keychain, which could not be read: {exc.reason}"
                ) from exc
            if secret is None:
                raise SecretUnavailable(
                    f'{what} {key} refers to the secret "{name}", which is not in the keychain'
                    f" (add it with: desktop-chat mcp secret set {name})"
                )
            value = secret
        resolved[key] = value
    return safe_values(resolved, what, server)

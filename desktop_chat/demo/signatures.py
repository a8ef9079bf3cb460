"""Signatures of thinking blocks and the opaque data of redacted ones.

Both are HMACs under a fixed key, so the server can tell when a block comes back changed,
which is how the tests prove that history goes back to the API untouched. The key is fixed
(not per server) so that a conversation saved in demo mode can go on after a restart.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets

_KEY = b"desktop-chat demo server: not a secret, only a tamper check"
_NONCE_BYTES = 16
_MAC_BYTES = 32
_REDACTED_PAYLOAD_BYTES = 96


def _mac(*parts: bytes) -> bytes:
    return hmac.new(_KEY, b"\x00".join(parts), hashlib.sha256).digest()


def _decode(value: str) -> bytes | None:
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


def sign_thinking(thinking: str) -> str:
    """A fresh signature for a thinking block's text."""
    nonce = secrets.token_bytes(_NONCE_BYTES)
    return base64.b64encode(nonce + _mac(b"thinking", nonce, thinking.encode())).decode()


def thinking_signature_is_valid(thinking: str, signature: str) -> bool:
    """Whether ``signature`` was made by :func:`sign_thinking` for exactly ``thinking``."""
    raw = _decode(signature)
    if raw is None or len(raw) != _NONCE_BYTES + _MAC_BYTES:
        return False
    nonce, mac = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:]
    return hmac.compare_digest(mac, _mac(b"thinking", nonce, thinking.encode()))


def new_redacted_data() -> str:
    """Opaque ``data`` for a ``redacted_thinking`` block."""
    payload = secrets.token_bytes(_REDACTED_PAYLOAD_BYTES)
    return base64.b64encode(payload + _mac(b"redacted", payload)).decode()


def redacted_data_is_valid(data: str) -> bool:
    """Whether ``data`` came from :func:`new_redacted_data` unchanged."""
    raw = _decode(data)
    if raw is None or len(raw) <= _MAC_BYTES:
        return False
    payload, mac = raw[:-_MAC_BYTES], raw[-_MAC_BYTES:]
    return hmac.compare_digest(mac, _mac(b"redacted", payload))


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign_json(value: object) -> str:
    """A tamper check of a JSON value: any change to it (a field added, even a null) shows."""
    return base64.b64encode(_mac(b"json", _canonical(value))).decode()


def json_signature_is_valid(value: object, signature: object) -> bool:
    """Whether ``signature`` came from :func:`sign_json` for exactly ``value``."""
    raw = _decode(signature) if isinstance(signature, str) else None
    return raw is not None and hmac.compare_digest(raw, _mac(b"json", _canonical(value)))

"""Where the API key lives: the environment, this session's memory, or the OS keychain.

This is the only module that imports ``keyring``. The key is never written anywhere else: a
keychain that keeps secrets in a plain file (``keyrings.alt``) is refused, not used. And
:func:`redact` takes anything that looks like a key out of text we show or write.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any, Literal

import keyring
import keyring.backend
import keyring.backends.chainer

from desktop_chat.core.i18n import translate
from desktop_chat.core.redaction import redact
from desktop_chat.core.redaction import remember as _remember

SERVICE = "desktop-chat"
USERNAME = "anthropic-api-key"
ENV_VAR = "ANTHROPIC_API_KEY"
CONSOLE_URL = "https://console.anthropic.com/settings/keys"

Where = Literal["environment", "session", "keychain"]

_MAX_KEY_LENGTH = 1024

CHOICES = translate(
    "Credentials",
    "unlock the keychain and try again, set ANTHROPIC_API_KEY in the environment, "
    "or keep the key for this session only",
)

_session_key: str | None = None

log = logging.getLogger(__name__)


class KeychainUnavailable(Exception):  # noqa: N818 (the name the app is built on)
    """No usable keychain; ``reason`` says why in plain words, ``str()`` adds the choices."""

    def __init__(self, reason: str) -> None:
        self.reason = redact(reason)
        super().__init__(
            translate("Credentials", "No usable keychain: {reason}. You can {CHOICES}.").format(
                reason=self.reason, CHOICES=CHOICES
            )
        )


class InvalidKeyError(ValueError):
    """The text does not look like an API key; ``str()`` says why."""


@dataclass(frozen=True)
class KeySource:
    """Where the key came from (``None``: no key) and the key itself (never in ``repr``).

    ``problem`` is set when the keychain could not be asked: ``str(problem)`` says why in
    plain words, with the choices.
    """

    where: Where | None
    key: str | None = field(default=None, repr=False)
    problem: KeychainUnavailable | None = None


# section: the key's shape


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be an API key, or ``None``. Loose on purpose: proxies use others."""
    if not key:
        return translate("Credentials", "The key is empty.")
    if any(c.isspace() for c in key):
        return translate(
            "Credentials", "The key contains spaces or line breaks; paste it as one word."
        )
    if not all(0x21 <= ord(c) <= 0x7E for c in key):
        return translate(
            "Credentials",
            "The key contains characters that are not plain ASCII letters, digits or signs.",
        )
    if len(key) > _MAX_KEY_LENGTH:
        return translate(
            "Credentials", "The key is longer than {_MAX_KEY_LENGTH} characters."
        ).format(_MAX_KEY_LENGTH=_MAX_KEY_LENGTH)
    return None


def _check_shape(key: str) -> None:
    problem = key_problem(key)
    if problem:
        raise InvalidKeyError(problem)


# section: the keychain


def _is_keychain_error(exc: BaseException) -> bool:
    """Whether ``exc`` comes from the keychain machinery rather than from a bug of ours."""
    module = type(exc).__module__ or ""
    roots = ("keyring", "keyrings", "secretstorage", "jeepney", "dbus", "pywintypes", "win32")
    return module.split(".")[0] in roots or isinstance(exc, OSError | RuntimeError)


def _reason(exc: BaseException) -> str:
    kind = type(exc).__name__
    causes = {kind, type(exc.__cause__).__name__}
    if kind == "NoKeyringError":
        return translate(
            "Credentials",
            "no keychain service was found (on Linux: GNOME Keyring or KWallet over D-Bus)",
        )
    if "PromptDismissedException" in causes or "dismissed" in str(exc).lower():
        return translate(
            "Credentials", "the keychain is locked and its unlock prompt was dismissed"
        )
    if causes & {"KeyringLocked", "LockedException"}:
        return translate("Credentials", "the keychain is locked")
    if kind == "SecretServiceNotAvailableException" or type(exc).__module__.startswith("jeepney"):
        return translate("Credentials", "the Secret Service could not be reached over D-Bus")
    detail = str(exc).strip().rstrip(".") or kind
    if isinstance(exc, OSError):
        return translate("Credentials", "the keychain could not be reached ({detail})").format(
            detail=detail
        )
    return translate("Credentials", "the keychain failed ({detail})").format(detail=detail)


def _insecure(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why ``backend`` must not hold the key, or ``None`` when it is a real keychain."""
    cls = type(backend)
    module, name = cls.__module__, cls.__name__
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return translate(
            "Credentials",
            "no keychain service was found (on Linux: GNOME Keyring or KWallet over D-Bus)",
        )
    plain_file = module.startswith(("keyrings.alt.file", "keyrings.alt.pyfs"))
    if plain_file or any(word in name for word in ("Plaintext", "Base64", "Uncrypted")):
        return translate(
            "Credentials",
            "the keyring backend {module}.{name} keeps secrets in a file, which is refused",
        ).format(module=module, name=name)
    try:
        priority = float(backend.priority)
    except Exception as exc:
        if not _is_keychain_error(exc):
            raise
        return _reason(exc)
    if priority < 1:
        return translate(
            "Credentials",
            "the keyring backend {module}.{name} is not a recommended keychain (refused)",
        ).format(module=module, name=name)
    return None


def _backend() -> keyring.backend.KeyringBackend:
    """The keychain to use; a plaintext or failing backend is refused, never used."""
    try:
        chosen = keyring.get_keyring()
    except Exception as exc:
        if not _is_keychain_error(exc):
            raise
        raise KeychainUnavailable(_reason(exc)) from exc
    candidates = [chosen]
    if isinstance(chosen, keyring.backends.chainer.ChainerBackend):
        # Pick the best real keychain of the chain; never let it reach a file backend.
        candidates = list(chosen.backends) or [chosen]
    first_problem = None
    for candidate in candidates:
        problem = _insecure(candidate)
        if problem is None:
            return candidate
        first_problem = first_problem or problem
    raise KeychainUnavailable(
        first_problem or translate("Credentials", "no keychain service was found")
    )


def _call(method: str, *args: str) -> Any:
    backend = _backend()
    try:
        return getattr(backend, method)(*args)
    except Exception as exc:
        if not _is_keychain_error(exc):
            raise
        if method == "delete_password" and type(exc).__name__ == "PasswordDeleteError":
            return False  # nothing was stored
        raise KeychainUnavailable(_reason(exc)) from exc


def keychain_name() -> str:
    """The keychain in plain words ("the Secret Service keychain"); raises if unusable."""
    backend = _backend()
    module = type(backend).__module__
    names = {
        "keyring.backends.SecretService": translate("Credentials", "the Secret Service keychain"),
        "keyring.backends.libsecret": translate(
            "Credentials", "the Secret Service keychain (libsecret)"
        ),
        "keyring.backends.kwallet": translate("Credentials", "KWallet"),
        "keyring.backends.macOS": translate("Credentials", "the macOS Keychain"),
        "keyring.backends.Windows": translate("Credentials", "the Windows Credential Locker"),
    }
    return names.get(module, str(type(backend).name))


def keychain_key() -> str | None:
    """The key stored in the keychain, if any. Raises :class:`KeychainUnavailable`."""
    key = _call("get_password", SERVICE, USERNAME)
    if key is not None and not isinstance(key, str):
        raise KeychainUnavailable(
            translate("Credentials", "the keychain returned something that is not text")
        )
    _remember(key)
    return key


def store_key(key: str) -> str:
    """Save ``key`` in the keychain and return the keychain's name in plain words.

    Raises :class:`InvalidKeyError` or :class:`KeychainUnavailable`. Storing ends any
    session-only key, so that the stored one is the one used.
    """
    global _session_key
    _check_shape(key)
    _remember(key)
    _call("set_password", SERVICE, USERNAME, key)
    if keychain_key() != key:
        raise KeychainUnavailable(translate("Credentials", "the keychain did not keep the key"))
    _session_key = None
    return keychain_name()


def clear_key() -> bool:
    """Forget the session key and remove the keychain's; whether the keychain had one."""
    global _session_key
    _session_key = None
    if keychain_key() is None:
        return False
    _call("delete_password", SERVICE, USERNAME)
    return True


def set_session_key(key: str | None) -> None:
    """Keep ``key`` in memory for this run only (``None`` forgets it). Raises InvalidKeyError."""
    global _session_key
    if key is not None:
        _check_shape(key)
        _remember(key)
    _session_key = key


def resolve_api_key() -> KeySource:
    """The key to use: ``ANTHROPIC_API_KEY``, then this session's key, then the keychain.

    Never raises for a missing keychain: ``problem`` then says why, with the choices.
    """
    env_key = os.environ.get(ENV_VAR, "").strip()
    if env_key:
        _remember(env_key)
        return KeySource("environment", env_key)
    if _session_key:
        return KeySource("session", _session_key)
    try:
        key = keychain_key()
    except KeychainUnavailable as exc:
        log.info("Keychain unavailable: %s", exc.reason)
        return KeySource(None, problem=exc)
    return KeySource("keychain", key) if key else KeySource(None)


# section: secrets of MCP servers (values written "keychain:NAME" in mcp.json)

_MCP_SECRET_PREFIX = "mcp:"


def mcp_secret(name: str) -> str | None:
    """The secret kept in the keychain under ``name`` for an MCP server, if any.

    Raises :class:`KeychainUnavailable`.
    """
    value = _call("get_password", SERVICE, _MCP_SECRET_PREFIX + name)
    if value is not None and not isinstance(value, str):
        raise KeychainUnavailable(
            translate("Credentials", "the keychain returned something that is not text")
        )
    _remember(value)
    return value


def store_mcp_secret(name: str, value: str) -> str:
    """Keep ``value`` in the keychain under ``name``; the keychain's name in plain words.

    Raises :class:`KeychainUnavailable`, or ValueError for an empty name or value.
    """
    if not name or not value:
        raise ValueError(translate("Credentials", "An MCP secret needs a name and a value."))
    _remember(value)
    _call("set_password", SERVICE, _MCP_SECRET_PREFIX + name, value)
    return keychain_name()


def clear_mcp_secret(name: str) -> bool:
    """Remove the MCP secret ``name`` from the keychain; whether there was one."""
    if mcp_secret(name) is None:
        return False
    _call("delete_password", SERVICE, _MCP_SECRET_PREFIX + name)
    return True

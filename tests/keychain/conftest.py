"""Tests against a real Secret Service: run them with ``scripts/with-keyring``.

``scripts/with-keyring .venv/bin/pytest tests/keychain`` starts a private D-Bus session
with an unlocked ``gnome-keyring-daemon --components=secrets``; without a session bus the
tests here are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest

from desktop_chat.core import credentials, redaction

SKIP_REASON = (
    "needs a D-Bus session with a Secret Service: run "
    "`scripts/with-keyring .venv/bin/pytest tests/keychain`"
)


def clear_secret() -> None:
    subprocess.run(
        ["secret-tool", "clear", "service", credentials.SERVICE, "username", credentials.USERNAME],
        capture_output=True,
        timeout=30,
    )


@pytest.fixture(autouse=True)
def secret_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[keyring.backend.KeyringBackend]:
    """Keyring's own choice of backend in this session: the Secret Service, emptied.

    A key already stored under the app's name is put back afterwards.
    """
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip(f"DBUS_SESSION_BUS_ADDRESS is unset: {SKIP_REASON}")
    if shutil.which("secret-tool") is None:
        pytest.skip("secret-tool is missing: apt-get install -y libsecret-tools")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(credentials, "_session_key", None)
    monkeypatch.setattr(redaction, "_known_keys", set())
    previous = keyring.get_keyring()
    keyring.core.init_backend()  # detect afresh, as the app does at start
    backend = keyring.get_keyring()
    if type(backend).__module__ != "keyring.backends.SecretService":
        keyring.set_keyring(previous)
        pytest.skip(f"no Secret Service on this bus (keyring chose {type(backend).__name__})")
    # On a developer's desktop this is their real keychain: put back a key found there.
    saved = backend.get_password(credentials.SERVICE, credentials.USERNAME)
    clear_secret()
    yield backend
    clear_secret()
    if saved is not None:
        backend.set_password(credentials.SERVICE, credentials.USERNAME, saved)
    keyring.set_keyring(previous)

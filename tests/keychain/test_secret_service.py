"""The key in a real Secret Service (GNOME Keyring over D-Bus), and the no-keychain path.

Run with ``scripts/with-keyring .venv/bin/pytest tests/keychain``.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backend
import pytest

from desktop_chat.commands import run_subcommand
from desktop_chat.core import credentials
from desktop_chat.core.credentials import KeychainUnavailable, KeySource

KEY = "sk-ant-api03-" + "Keychain_Test-0123456789" * 4


def secret_tool(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["secret-tool", *args], input=stdin, capture_output=True, text=True, timeout=30
    )


def lookup() -> str | None:
    """What ``secret-tool`` finds under the app's service and username, or ``None``."""
    done = secret_tool("lookup", "service", credentials.SERVICE, "username", credentials.USERNAME)
    return done.stdout if done.returncode == 0 else None


def desktop_chat(
    *argv: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command line, ``python -m desktop_chat …``, in this D-Bus session."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_chat", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def assert_no_key_in(text: str) -> None:
    assert KEY not in text and KEY[7:15] not in text and "Traceback" not in text


def test_store_key_reaches_the_secret_service() -> None:
    assert credentials.store_key(KEY) == "the Secret Service keychain"
    assert lookup() == KEY
    assert credentials.resolve_api_key() == KeySource("keychain", KEY)


def test_a_key_stored_by_other_tools_is_found() -> None:
    label = "Anthropic API key"
    done = secret_tool(
        "store", f"--label={label}", "service", "desktop-chat", "username", "anthropic-api-key",
        stdin=KEY,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert credentials.resolve_api_key() == KeySource("keychain", KEY)


def test_clear_removes_it() -> None:
    credentials.store_key(KEY)
    assert credentials.clear_key() is True
    assert lookup() is None
    assert credentials.resolve_api_key() == KeySource(None)


def test_key_set_status_clear_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(KEY + "\n"))
    assert run_subcommand(["key", "set"]) == 0
    assert lookup() == KEY
    assert run_subcommand(["key", "status"]) == 0
    assert run_subcommand(["key", "clear"]) == 0
    assert lookup() is None
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Saved the API key in the Secret Service keychain.",
        "The API key comes from the Secret Service keychain.",
        "Removed the API key from the keychain.",
    ]
    assert err == ""


def test_the_command_line_end_to_end(app_home: Path) -> None:
    done = desktop_chat("key", "set", stdin=KEY)
    assert (done.returncode, done.stdout) == (
        0,
        "Saved the API key in the Secret Service keychain.\n",
    )
    assert lookup() == KEY
    status = desktop_chat("key", "status")
    assert status.returncode == 0 and "Secret Service" in status.stdout
    for output in (done.stdout, done.stderr, status.stdout, status.stderr):
        assert_no_key_in(output)
    assert desktop_chat("key", "clear").returncode == 0
    assert lookup() is None
    assert desktop_chat("key", "status").returncode == 1
    for path in app_home.rglob("*"):  # nothing of the key lands under DESKTOP_CHAT_HOME
        assert not path.is_file() or KEY.encode() not in path.read_bytes()


def test_the_fail_backend_gives_the_choices() -> None:
    done = desktop_chat(
        "key", "set", stdin=KEY, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("No usable keychain: no keychain service was found")
    assert "ANTHROPIC_API_KEY" in done.stderr and done.stderr.count("\n") == 1
    assert_no_key_in(done.stderr)
    assert lookup() is None


def test_the_fail_backend_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    source = credentials.resolve_api_key()
    assert source.where is None and source.problem is not None
    assert "this session only" in str(source.problem)
    with pytest.raises(KeychainUnavailable):
        credentials.store_key(KEY)
    credentials.set_session_key(KEY)  # the third choice: memory only
    assert credentials.resolve_api_key() == KeySource("session", KEY)
    assert lookup() is None


class PlaintextKeyring(keyring.backend.KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed, on purpose)."""

    priority: float = 0.5
    viable = False
    written: dict[str, str] = {}  # noqa: RUF012

    def get_password(self, service: str, username: str) -> str | None:
        return self.written.get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written[username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.written.pop(username, None)


def test_a_plaintext_backend_is_refused() -> None:
    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(KeychainUnavailable, match="refused"):
        credentials.store_key(KEY)
    assert PlaintextKeyring.written == {} and lookup() is None

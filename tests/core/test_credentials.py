"""The key's lookup order, refusal of file backends, redaction, and ``desktop-chat key``.

An in-memory keychain stands in for the OS one here (keyring's own plugin interface, not a
patch); tests/keychain runs the same paths against a real Secret Service.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.errors
import pytest
import secretstorage.exceptions

from desktop_chat.commands import run_subcommand
from desktop_chat.core import credentials, redaction
from desktop_chat.core.credentials import KeychainUnavailable, KeySource

KEY = "sk-ant-api03-" + "AbC_dEf-123456789" * 5
OTHER = "sk-ant-api03-" + "ZyX_wvU-987654321" * 5


UseBackend = Callable[[keyring.backend.KeyringBackend], None]


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A secure-looking keychain kept in a dict."""

    priority: float = 5
    viable = False  # never picked by keyring's own detection in later tests

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend, and claiming a high priority."""


class HumbleKeyring(MemoryKeyring):
    priority = 0.5


class FailingKeyring(MemoryKeyring):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str, *more: str) -> str | None:
        raise self.error

    set_password = delete_password = get_password  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(credentials, "_session_key", None)
    monkeypatch.setattr(redaction, "_known_keys", set())


@pytest.fixture
def use_backend() -> Iterator[UseBackend]:
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.fixture
def memory(use_backend: UseBackend) -> MemoryKeyring:
    backend = MemoryKeyring()
    use_backend(backend)
    return backend


def run_key(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_subcommand(["key", *argv])
    out, err = capsys.readouterr()
    return code, out + err


# section: lookup order


def test_no_key_anywhere(memory: MemoryKeyring) -> None:
    assert credentials.resolve_api_key() == KeySource(None)


def test_environment_then_session_then_keychain(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    credentials.store_key(KEY)
    assert credentials.resolve_api_key() == KeySource("keychain", KEY)
    credentials.set_session_key(OTHER)
    assert credentials.resolve_api_key() == KeySource("session", OTHER)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-from-env")
    assert credentials.resolve_api_key() == KeySource("environment", "sk-ant-from-env")
    assert memory.items == {("desktop-chat", "anthropic-api-key"): KEY}  # env never saved


def test_storing_ends_the_session_key(memory: MemoryKeyring) -> None:
    credentials.set_session_key(OTHER)
    assert credentials.store_key(KEY) == MemoryKeyring.name
    assert credentials.resolve_api_key().key == KEY


def test_clear(memory: MemoryKeyring) -> None:
    credentials.store_key(KEY)
    credentials.set_session_key(OTHER)
    assert credentials.clear_key() is True
    assert memory.items == {}
    assert credentials.resolve_api_key() == KeySource(None)
    assert credentials.clear_key() is False


def test_the_key_stays_out_of_repr(memory: MemoryKeyring) -> None:
    credentials.store_key(KEY)
    assert KEY not in repr(credentials.resolve_api_key())


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("", "empty"),
        ("sk-ant-abc def", "spaces"),
        ("sk-ant-abc\ndef", "line breaks"),
        ("sk-ant-clé", "ASCII"),
        ("k" * 2000, "longer"),
    ],
)
def test_a_malformed_key_is_refused(memory: MemoryKeyring, key: str, words: str) -> None:
    problem = credentials.key_problem(key)
    assert problem is not None and words in problem
    with pytest.raises(credentials.InvalidKeyError, match=words):
        credentials.store_key(key)
    assert memory.items == {}


def test_a_loose_shape_is_enough() -> None:
    assert credentials.key_problem("proxy-token-1234") is None


# section: no usable keychain


def test_no_keychain_gives_the_choices(use_backend: UseBackend) -> None:
    use_backend(keyring.backends.fail.Keyring())
    source = credentials.resolve_api_key()
    assert source.where is None and source.problem is not None
    for choice in ("unlock", "ANTHROPIC_API_KEY", "this session only"):
        assert choice in str(source.problem)
    with pytest.raises(KeychainUnavailable, match="no keychain service"):
        credentials.store_key(KEY)


def test_session_key_works_without_a_keychain(use_backend: UseBackend) -> None:
    use_backend(keyring.backends.fail.Keyring())
    credentials.set_session_key(KEY)
    assert credentials.resolve_api_key() == KeySource("session", KEY)


@pytest.mark.parametrize("backend_class", [PlaintextKeyring, HumbleKeyring])
def test_file_and_low_priority_backends_are_refused(
    use_backend: UseBackend, backend_class: type[MemoryKeyring]
) -> None:
    backend = backend_class()
    use_backend(backend)
    with pytest.raises(KeychainUnavailable, match="refused"):
        credentials.store_key(KEY)
    assert backend.items == {}
    assert credentials.resolve_api_key().problem is not None


def test_a_chain_uses_its_real_keychain_only(use_backend: UseBackend) -> None:
    plaintext, real = PlaintextKeyring(), MemoryKeyring()

    class Chain(keyring.backends.chainer.ChainerBackend):
        viable = False
        backends = [plaintext, real]  # noqa: RUF012

    use_backend(Chain())
    credentials.store_key(KEY)
    assert real.items and plaintext.items == {}
    Chain.backends = [plaintext]
    assert credentials.resolve_api_key().problem is not None
    with pytest.raises(KeychainUnavailable, match="refused"):
        credentials.store_key(OTHER)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (keyring.errors.KeyringLocked("Failed to unlock"), "locked"),
        (secretstorage.exceptions.LockedException("locked"), "locked"),
        (secretstorage.exceptions.PromptDismissedException("gone"), "prompt was dismissed"),
        (keyring.errors.InitError("Failed to create the collection: Prompt dismissed"), "dismiss"),
        (ConnectionRefusedError(111, "Connection refused"), "could not be reached"),
        (keyring.errors.PasswordSetError("odd"), r"keychain failed \(odd\)"),
    ],
)
def test_keychain_errors_become_plain_words(
    use_backend: UseBackend, error: Exception, words: str
) -> None:
    use_backend(FailingKeyring(error))
    with pytest.raises(KeychainUnavailable, match=words) as caught:
        credentials.store_key(KEY)
    assert "this session only" in str(caught.value)


def test_our_own_bugs_are_not_hidden(use_backend: UseBackend) -> None:
    use_backend(FailingKeyring(ZeroDivisionError()))
    with pytest.raises(ZeroDivisionError):
        credentials.resolve_api_key()


# section: redaction


def test_redact_takes_out_anything_like_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"401 for {KEY}, Bearer sk-ant-shortish_12"
    assert redaction.redact(text) == "401 for sk-ant-…[redacted], Bearer sk-ant-…[redacted]"
    assert redaction.redact("sk-ant-abc and sk-ant- alone") == "sk-ant-abc and sk-ant- alone"
    monkeypatch.setenv("ANTHROPIC_API_KEY", "proxy-token-1234")
    assert redaction.redact("key=proxy-token-1234.") == "key=sk-ant-…[redacted]."


def test_redact_knows_session_keys(memory: MemoryKeyring) -> None:
    credentials.set_session_key("custom-gateway-secret")
    assert "custom-gateway-secret" not in redaction.redact("x custom-gateway-secret y")
    credentials.set_session_key("tiny")  # too short to blank out everywhere
    assert redaction.redact("a tiny word") == "a tiny word"


def test_log_records_are_redacted() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(redaction.RedactingFilter())
    logger = logging.getLogger("test-redaction")
    logger.addHandler(handler)
    try:
        logger.warning("key %s in args", KEY)
        logger.warning("a format that does not fit %d", KEY)
        try:
            raise RuntimeError(f"failed with {KEY}")
        except RuntimeError:
            logger.exception("and in a traceback")
    finally:
        logger.removeHandler(handler)
    text = out.getvalue()
    assert KEY not in text and KEY[7:20] not in text
    assert text.count("sk-ant-…[redacted]") == 3


# section: desktop-chat key


def test_cli_set_status_clear(
    memory: MemoryKeyring, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_key(capsys, monkeypatch, "set", stdin=KEY + "\n")
    assert (code, out) == (0, f"Saved the API key in {MemoryKeyring.name}.\n")
    assert memory.items == {("desktop-chat", "anthropic-api-key"): KEY}
    code, out = run_key(capsys, monkeypatch, "status")
    assert code == 0 and out == f"The API key comes from {MemoryKeyring.name}.\n"
    assert KEY[7:] not in out and KEY[7:15] not in out
    assert run_key(capsys, monkeypatch, "clear") == (0, "Removed the API key from the keychain.\n")
    assert memory.items == {}
    code, out = run_key(capsys, monkeypatch, "status")
    assert code == 1 and "No API key" in out


def test_cli_status_names_the_environment(
    memory: MemoryKeyring, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    code, out = run_key(capsys, monkeypatch, "status")
    assert code == 0 and "environment (ANTHROPIC_API_KEY)" in out and KEY[7:15] not in out


@pytest.mark.parametrize(("argv", "code"), [((), 2), (("nope",), 2), (("--help",), 0)])
def test_cli_usage(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    code: int,
) -> None:
    assert run_key(capsys, monkeypatch, *argv)[0] == code


def test_cli_refuses_a_malformed_key(
    memory: MemoryKeyring, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_key(capsys, monkeypatch, "set", stdin="sk-ant-one two\n")
    assert (
        code == 2
        and out == "Not saved: The key contains spaces or line breaks; paste it as one word.\n"
    )
    assert memory.items == {}


def test_cli_without_a_keychain(
    use_backend: UseBackend, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_backend(keyring.backends.fail.Keyring())
    code, out = run_key(capsys, monkeypatch, "set", stdin=KEY)
    assert code == 1 and out.count("\n") == 1
    assert "No usable keychain" in out and "ANTHROPIC_API_KEY" in out
    assert "Traceback" not in out and KEY[7:15] not in out

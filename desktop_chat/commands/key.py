"""``desktop-chat key set | status | clear``: the API key in the OS keychain, no window.

Exit codes: 0 done, 1 the keychain failed or there is no key, 2 bad usage or a key that
does not look like one. One line of output; never a traceback, never the key.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop_chat.core import credentials, redaction

OK, FAILED, USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-chat key", description="Manage the Anthropic API key in the OS keychain."
    )
    sub = parser.add_subparsers(dest="action", required=True, metavar="{set,status,clear}")
    sub.add_parser("set", help="save a key (read from stdin, or asked for without echo)")
    sub.add_parser("status", help="say where the key comes from (never prints it)")
    sub.add_parser("clear", help="remove the key from the keychain")
    return parser


def run(argv: list[str]) -> int:
    """Run ``key`` with ``argv`` (without the word ``key``); returns the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else USAGE
    actions = {"set": _set, "status": _status, "clear": _clear}
    try:
        return actions[args.action]()
    except credentials.KeychainUnavailable as exc:
        return _fail(
            f"No usable keychain: {exc.reason}. Unlock it and try again, "
            f"or set {credentials.ENV_VAR} in the environment instead."
        )
    except (KeyboardInterrupt, EOFError):
        return _fail("Cancelled.")
    except Exception as exc:  # a one-line message, never a traceback
        return _fail(f"Failed: {type(exc).__name__}: {exc}")


def _say(text: str) -> None:
    print(redaction.redact(text))


def _fail(text: str, code: int = FAILED) -> int:
    print(redaction.redact(text), file=sys.stderr)
    return code


def _env_note() -> str:
    if os.environ.get(credentials.ENV_VAR):
        return f" Note: {credentials.ENV_VAR} is set in the environment and is used first."
    return ""


def _read_key() -> str:
    if sys.stdin is None:
        raise EOFError
    if sys.stdin.isatty():
        return getpass.getpass("Anthropic API key (not shown): ").strip()
    return sys.stdin.read().strip()


def _set() -> int:
    key = _read_key()
    problem = credentials.key_problem(key)
    if problem:
        return _fail(f"Not saved: {problem}", USAGE)
    where = credentials.store_key(key)
    _say(f"Saved the API key in {where}.{_env_note()}")
    return OK


def _status() -> int:
    source = credentials.resolve_api_key()
    if source.where == "environment":
        _say(f"The API key comes from the environment ({credentials.ENV_VAR}).")
    elif source.where == "keychain":
        _say(f"The API key comes from {credentials.keychain_name()}.")
    elif source.problem:
        raise source.problem
    else:
        return _fail(
            f"No API key: run `desktop-chat key set` or set {credentials.ENV_VAR}.", FAILED
        )
    return OK


def _clear() -> int:
    if credentials.clear_key():
        _say(f"Removed the API key from the keychain.{_env_note()}")
    else:
        _say(f"There was no API key in the keychain.{_env_note()}")
    return OK

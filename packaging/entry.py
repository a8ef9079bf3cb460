"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

``DESKTOP_CHAT_BUNDLE_CHECK=1`` turns the run into a check of the bundle itself, for the
packaging tests: it imports the modules that are only ever imported lazily (keyring backends,
the SDK's resources), which PyInstaller could have missed; asks QtCore the questions it answers
with the trimmed ICU data; prints the keyring backend and exits. No window, no network.
``DESKTOP_CHAT_BUNDLE_CHECK=keyring`` also stores, reads and deletes a secret (needs a running
Secret Service), which proves the D-Bus session encryption (cryptography) works in the bundle.
"""

import os
import sys

LAZY_MODULES = (
    "anthropic.resources",
    "anthropic.lib.streaming",
    "anthropic.types",
    "keyring.backends.SecretService",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "secretstorage",
    "jeepney.io.blocking",
    "sqlite3",
    "ssl",
    "truststore",
)


def check_qt() -> list[str]:
    """QtCore's ICU-backed answers (collation, case mapping, time-zone names)."""
    from PySide6.QtCore import QByteArray, QCollator, QDateTime, QLocale, QTimeZone

    problems = []
    german = QCollator(QLocale("de_DE"))
    if german.compare("Äpfel", "Zebra") >= 0:
        problems.append("QCollator(de) sorts Ä after Z")
    if QLocale("tr_TR").toUpper("i") != "İ":
        problems.append("QLocale(tr).toUpper('i') is not 'İ'")
    zone = QTimeZone(QByteArray(b"Europe/Berlin"))
    name = zone.displayName(QDateTime.currentDateTime(), QTimeZone.NameType.LongName)
    if not zone.isValid() or not name:
        problems.append("no time zone Europe/Berlin or no name for it")
    return problems


def check_keyring_roundtrip() -> list[str]:
    import keyring

    service, user, secret = "desktop-chat-bundle-check", "check", "not-a-real-key"
    keyring.set_password(service, user, secret)
    try:
        if keyring.get_password(service, user) != secret:
            return ["keyring returned a different secret"]
    finally:
        keyring.delete_password(service, user)
    return []


def check_bundle(mode: str) -> int:
    """Run the checks; print what failed and return non-zero if anything did."""
    import importlib

    problems = []
    for name in LAZY_MODULES:
        try:
            importlib.import_module(name)
        except Exception as error:  # report every missing module, not just the first
            problems.append(f"cannot import {name}: {error!r}")
    problems += check_qt()
    import keyring

    print(f"keyring backend: {type(keyring.get_keyring()).__module__}")
    if mode == "keyring":
        problems += check_keyring_roundtrip()
    for problem in problems:
        print(f"bundle check: {problem}", file=sys.stderr)
    print("bundle check: " + ("FAILED" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    if mode := os.environ.get("DESKTOP_CHAT_BUNDLE_CHECK"):
        raise SystemExit(check_bundle(mode))
    from desktop_chat.app import main

    raise SystemExit(main())

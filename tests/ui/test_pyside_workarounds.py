"""PySide6's import hook: taken out where the original import is at hand; else its per-import
check, made cheap, gives the original's answers without running any module's ``__getattr__``
(see ``desktop_chat.ui.pyside_workarounds``)."""

from __future__ import annotations

import builtins
import importlib
import json
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6 import QtCore  # noqa: F401  (installs the import hook)

import desktop_chat.ui.chat_view as chat_view
from desktop_chat.ui import pyside_workarounds


def feature_module() -> object:
    return next(sys.modules[n] for n in pyside_workarounds._FEATURE_MODULES if n in sys.modules)


def test_same_answers_as_pyside() -> None:
    pyside_workarounds.make_feature_check_cheap()
    cheap = feature_module()._mod_uses_pyside  # type: ignore[attr-defined]
    assert getattr(cheap, "cheap", False)
    assert cheap(chat_view) is True
    assert cheap(json) is False
    assert cheap(sys) is False  # built in
    assert cheap(object()) is False  # not a module


def test_a_module_getattr_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyside_workarounds.make_feature_check_cheap()
    (tmp_path / "lazy_thing.py").write_text(
        textwrap.dedent(
            """
            CALLS = []
            def __getattr__(name):
                CALLS.append(name)
                raise AttributeError(name)
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("lazy_thing")
    try:
        assert module.CALLS == []
    finally:
        del sys.modules["lazy_thing"]


def test_the_feature_hook_is_taken_out_and_qt_modules_still_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(builtins, "__import__", builtins.__import__)  # put back after
    assert pyside_workarounds.restore_python_import()
    assert builtins.__import__.__name__ != "__feature_import__"
    assert builtins.__import__ is builtins.__orig_import__  # type: ignore[attr-defined]
    module = importlib.import_module("PySide6.QtNetwork")  # loaded through it, lazily
    assert module.QHostAddress("127.0.0.1").isLoopback()


def test_without_the_original_at_hand_the_hook_stays_and_is_made_cheap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(builtins, "__import__", builtins.__import__)
    original = builtins.__orig_import__  # type: ignore[attr-defined]
    # Not the C function PySide6 keeps (a future PySide6 may keep none: the hook needs one).
    monkeypatch.setattr(builtins, "__orig_import__", lambda *args, **kw: original(*args, **kw))
    monkeypatch.setattr(feature_module(), "_mod_uses_pyside", lambda module: False)
    assert not pyside_workarounds.restore_python_import()
    assert getattr(feature_module()._mod_uses_pyside, "cheap", False)  # type: ignore[attr-defined]

"""PySide6's per-import check, made cheap, gives the original's answers without running any
module's ``__getattr__`` (see ``desktop_chat.ui.pyside_workarounds``)."""

from __future__ import annotations

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

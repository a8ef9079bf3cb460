"""Workarounds for PySide6 behaviour that costs this app time or correctness.

PySide6 replaces ``builtins.__import__`` with a hook that, after every import in the process,
asks whether the new module "uses PySide6" (for its ``from __feature__ import ...`` syntax) by
reading the module's source with ``inspect.getsource``. That makes importing the anthropic
SDK (about 1,000 modules) about 35% slower (350 ms here), and it is not safe for two threads
importing at once: ``inspect`` calls ``hasattr(module, "__wrapped__")``, which runs a module's
``__getattr__``; pydantic's imports a module there, and one start in eight failed with
"partially initialized module 'pydantic._internal._validators'" while the SDK loaded in a
thread. Upstream: https://github.com/napari/napari/issues/8584 (the import tax),
https://github.com/pyzo/pyzo/pull/851 (the hook re-entering the import system).

The hook also costs every ``import`` statement that runs later, cached or not: about 0.85 us
against 0.1 us. The SDK runs one in ``is_union`` five times per streamed event, which made the
app's path 7 us per delta slower than the SDK alone (``benchmarks/streaming_figures.py``). This
app never writes ``from __feature__ import ...``, so it puts back the import that the hook
wraps (:func:`restore_python_import`): PySide6 keeps it as ``builtins.__orig_import__``, its
lazy loading of Qt's modules, written in C (0.12 us).
"""

from __future__ import annotations

import builtins
import sys
from types import BuiltinFunctionType, ModuleType

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def restore_python_import() -> bool:
    """Put back the import that PySide6's ``__feature__`` hook wraps (call it after PySide6
    is imported; it installs the hook once, when its first module loads). If this PySide6
    does not keep it where expected, the hook stays and its check is made cheap instead.
    True if the hook is gone."""
    original = getattr(builtins, "__orig_import__", None)
    if isinstance(original, BuiltinFunctionType):
        builtins.__import__ = original
        return True
    make_feature_check_cheap()
    return False


def make_feature_check_cheap() -> bool:
    """Give PySide6's per-import check the same answer from the file's bytes (no ``inspect``,
    no attribute lookups on the module). Call it after PySide6 is imported; True if done."""
    feature = next((sys.modules[n] for n in _FEATURE_MODULES if n in sys.modules), None)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "cheap", False):
        return False
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    return True


def _mod_uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source mentions PySide6 (the original's question)."""
    try:
        path = module.__dict__.get("__file__")  # not getattr: no module __getattr__ runs
    except AttributeError:  # not a module (some packages put other objects in sys.modules)
        return False
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, compiled, or no source: what the original says too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


_mod_uses_pyside.cheap = True  # type: ignore[attr-defined]

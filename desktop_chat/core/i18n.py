"""Marking user-visible words for translation, without Qt.

Every string a user sees is written as ``translate("Context", "Source text")`` (or with
``n=count`` for a plural that uses ``%n``). ``pyside6-lupdate`` finds these calls by name,
so the first two arguments must be string literals. The core stays free of Qt: the UI
installs Qt's translator at start-up with :func:`install`; until then (and in core-only
tests) the source text is returned with ``%n`` filled in.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]


def _source(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    del context, disambiguation
    return text.replace("%n", str(n)) if n >= 0 else text


_translator: Translator = _source


def install(translator: Translator | None) -> None:
    """Use ``translator`` (Qt's ``QCoreApplication.translate``) from now on; None restores
    the source texts."""
    global _translator
    _translator = translator or _source


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language; ``%n`` becomes ``n`` (plural forms follow n)."""
    return _translator(context, text, disambiguation, n)


def _grouped(value: int) -> str:
    return f"{value:,}"


_number: Callable[[int], str] = _grouped


def install_numbers(formatter: Callable[[int], str] | None) -> None:
    """Write counts with ``formatter`` (the UI's locale) from now on; None: "12,345"."""
    global _number
    _number = formatter or _grouped


def number(value: int) -> str:
    """A count the interface language's way ("12,345", "12.345", "12 345")."""
    return _number(value)

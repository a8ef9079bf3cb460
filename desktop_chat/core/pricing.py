"""What each model costs: one data file per model, and the user's own prices on top.

The built-in files are ``resources/prices/<model>.json`` (US dollars per million tokens, and
web search per 1,000 searches, with the date they were checked and where). The user may
override any of them in ``config_dir()/prices.json``: ``{"model-id": {"input": 3, ...}}``.
A price that no file gives is None, and costs that need it are unknown: never guessed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop_chat.core.i18n import translate
from desktop_chat.core.paths import config_dir

USER_PRICES_FILE = "prices.json"
MAX_PRICE_FILE_BYTES = 256 * 1024
PRICE_FIELDS = (
    "input",
    "output",
    "cache_write_5m",
    "cache_write_1h",
    "cache_read",
    "web_search_per_1000",
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prices:
    """One model's prices in US dollars: per million tokens, and per 1,000 web searches.

    None: not known (no file gives it).
    """

    model: str
    input: Decimal | None = None
    output: Decimal | None = None
    cache_write_5m: Decimal | None = None
    cache_write_1h: Decimal | None = None
    cache_read: Decimal | None = None
    web_search_per_1000: Decimal | None = None
    checked: str = ""
    source: str = ""
    overridden: bool = False


def _price(value: Any, where: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(
            translate("Pricing", "{where}: a price must be a number").format(where=where)
        )
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(
            translate("Pricing", "{where}: a price must be a number").format(where=where)
        ) from None
    if not number.is_finite() or number < 0:
        raise ValueError(
            translate("Pricing", "{where}: a price must be a number of dollars, 0 or more").format(
                where=where
            )
        )
    return number


def prices_from_json(model: str, data: Mapping[str, Any]) -> Prices:
    """``Prices`` from one file's object; raises ValueError saying what is wrong."""

    def price(name: str) -> Decimal | None:
        return _price(data.get(name), f"{model}.{name}")

    return Prices(
        model=model,
        input=price("input"),
        output=price("output"),
        cache_write_5m=price("cache_write_5m"),
        cache_write_1h=price("cache_write_1h"),
        cache_read=price("cache_read"),
        web_search_per_1000=price("web_search_per_1000"),
        checked=str(data.get("checked") or ""),
        source=str(data.get("source") or ""),
    )


def builtin_prices_dir() -> Path:
    """Where the app's own price files are (the source tree, or a bundled build)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "resources" / "prices", here / "resources" / "prices"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources" / "prices"


def user_prices_path() -> Path:
    return config_dir() / USER_PRICES_FILE


def _read_json(path: Path) -> Any:
    with path.open("rb") as f:
        raw = f.read(MAX_PRICE_FILE_BYTES + 1)
    if len(raw) > MAX_PRICE_FILE_BYTES:
        raise ValueError(
            translate("Pricing", "{name} is larger than {size} KB").format(
                name=path.name, size=MAX_PRICE_FILE_BYTES // 1024
            )
        )
    return json.loads(raw.decode("utf-8"))


class PriceBook:
    """The prices in force: the built-in files, with the user's overrides on top.

    ``problems`` says, in plain words, which files could not be used and why.
    """

    def __init__(self, prices: Iterable[Prices] = (), problems: Iterable[str] = ()) -> None:
        self._prices = {p.model: p for p in prices}
        self.problems = list(problems)

    @classmethod
    def load(cls, builtin: Path | None = None, user: Path | None = None) -> PriceBook:
        """Read the price files (a few small files: fine on any thread at start-up)."""
        book = cls()
        folder = builtin or builtin_prices_dir()
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                data = _read_json(path)
                model = str(data.get("model") or path.stem)
                book._prices[model] = prices_from_json(model, data)
            except (OSError, ValueError, AttributeError) as exc:
                book.problems.append(
                    translate("Pricing", "The price file {name} was not used: {exc}").format(
                        name=path.name, exc=exc
                    )
                )
        book.apply_overrides(user or user_prices_path())
        return book

    def apply_overrides(self, path: Path) -> None:
        """The user's prices file over the built-in ones (missing file: nothing to do)."""
        try:
            data = _read_json(path)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            self.problems.append(
                translate("Pricing", "Your prices file {path} was not used: {exc}").format(
                    path=path, exc=exc
                )
            )
            return
        if not isinstance(data, dict):
            self.problems.append(
                translate(
                    "Pricing", "Your prices file {path} must hold an object of models."
                ).format(path=path)
            )
            return
        for model, entry in data.items():
            if not isinstance(entry, dict):
                self.problems.append(
                    translate("Pricing", "{name}: {model} must be an object of prices.").format(
                        name=path.name, model=model
                    )
                )
                continue
            try:
                given = prices_from_json(model, entry)
            except ValueError as exc:
                self.problems.append(f"{path.name}: {exc}")
                continue
            base = self._prices.get(model, Prices(model))
            changes = {f.name: getattr(given, f.name) for f in fields(Prices)}
            changes = {k: v for k, v in changes.items() if k in PRICE_FIELDS and k in entry}
            self._prices[model] = replace(
                base, **changes, overridden=True, source=given.source or str(path)
            )

    def for_model(self, model: str | None) -> Prices | None:
        """The prices of ``model`` (a dated id such as ``claude-haiku-4-5-20251001`` finds
        ``claude-haiku-4-5``); None when no file names it."""
        if not model:
            return None
        if model in self._prices:
            return self._prices[model]
        stem = model.rsplit("-", 1)
        if len(stem) == 2 and stem[1].isdigit() and len(stem[1]) == 8:
            return self._prices.get(stem[0])
        return None

    def models(self) -> list[str]:
        return sorted(self._prices)

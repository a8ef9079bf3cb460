"""What replies cost: the usage the API reported, priced by :mod:`desktop_chat.core.pricing`.

Nothing is stored twice: a reply's usage is saved with it, and its cost is worked out from
that when shown. Sums are exact (``Decimal``). A part whose price is unknown makes the cost
say so; it is never counted as zero or guessed.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from desktop_chat.core.conversation import Usage
from desktop_chat.core.i18n import translate
from desktop_chat.core.pricing import PriceBook, Prices

MTOK = Decimal(1_000_000)


@dataclass(frozen=True)
class UsageParts:
    """A reply's usage in the parts it is priced by."""

    input: int = 0
    output: int = 0
    cache_write_5m: int = 0
    cache_write_1h: int = 0
    cache_read: int = 0
    web_searches: int = 0
    web_fetches: int = 0

    @property
    def prompt(self) -> int:
        """All input tokens: fresh, written to the cache and read from it."""
        return self.input + self.cache_write_5m + self.cache_write_1h + self.cache_read

    @property
    def cache_share(self) -> float | None:
        """The share of the prompt read from the cache (None: no prompt)."""
        return self.cache_read / self.prompt if self.prompt else None

    def __add__(self, other: UsageParts) -> UsageParts:
        return UsageParts(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def usage_parts(usage: Usage) -> UsageParts:
    """Split ``usage`` as the API reported it.

    Cache writes are split by lifetime with ``usage.cache_creation``; without that split
    (older replies) they are taken as 5-minute writes, the API's default lifetime.
    """
    split = usage.extra.get("cache_creation")
    written = usage.cache_creation_input_tokens
    if isinstance(split, dict):
        five = _int(split.get("ephemeral_5m_input_tokens"))
        hour = _int(split.get("ephemeral_1h_input_tokens"))
        if five + hour != written:
            five = max(0, written - hour)
    else:
        five, hour = written, 0
    tools = usage.extra.get("server_tool_use")
    tools = tools if isinstance(tools, dict) else {}
    return UsageParts(
        input=usage.input_tokens,
        output=usage.output_tokens,
        cache_write_5m=five,
        cache_write_1h=hour,
        cache_read=usage.cache_read_input_tokens,
        web_searches=_int(tools.get("web_search_requests")),
        web_fetches=_int(tools.get("web_fetch_requests")),
    )


EARLIER_REQUESTS = "x_earlier_requests"  # in a continued reply's usage: the requests before


def billed_parts(usage: Usage) -> UsageParts:
    """What a reply was billed for: its last request's usage, plus the prompts (and server
    tool use) of the requests it continued (``EARLIER_REQUESTS``). Their output is already
    in ``usage.output_tokens``: a continued reply adds its parts' output up."""
    parts = usage_parts(usage)
    earlier = usage.extra.get(EARLIER_REQUESTS)
    for data in earlier if isinstance(earlier, list) else ():
        if isinstance(data, dict):
            before = usage_parts(Usage.from_dict(data))
            parts = parts + replace(before, output=0)
    return parts


@dataclass(frozen=True)
class Cost:
    """Dollars of what could be priced, and what could not (model ids or price names)."""

    dollars: Decimal = Decimal(0)
    unknown: frozenset[str] = field(default_factory=frozenset)

    @property
    def complete(self) -> bool:
        return not self.unknown

    def __add__(self, other: Cost) -> Cost:
        return Cost(self.dollars + other.dollars, self.unknown | other.unknown)


_TOKEN_PRICES = (
    ("input", "input"),
    ("output", "output"),
    ("cache_write_5m", "cache_write_5m"),
    ("cache_write_1h", "cache_write_1h"),
    ("cache_read", "cache_read"),
)


def parts_cost(parts: UsageParts, prices: Prices | None, model: str = "") -> Cost:
    """What ``parts`` cost at ``prices``; None prices: unknown (if anything was used)."""
    if prices is None:
        used = parts.prompt or parts.output or parts.web_searches
        return Cost(unknown=frozenset({model or "?"}) if used else frozenset())
    dollars = Decimal(0)
    unknown: set[str] = set()
    for part, price_name in _TOKEN_PRICES:
        count = getattr(parts, part)
        if not count:
            continue
        price = getattr(prices, price_name)
        if price is None:
            unknown.add(f"{prices.model}: {price_name}")
        else:
            dollars += count * price / MTOK
    if parts.web_searches:
        if prices.web_search_per_1000 is None:
            unknown.add(f"{prices.model}: web_search")
        else:
            dollars += parts.web_searches * prices.web_search_per_1000 / 1000
    return Cost(dollars, frozenset(unknown))


def reply_cost(model: str | None, usage: Usage, book: PriceBook) -> Cost:
    """What one reply cost (all its requests' usage at its model's prices)."""
    return parts_cost(billed_parts(usage), book.for_model(model), model or "")


def total_cost(replies: Iterable[tuple[str | None, Usage]], book: PriceBook) -> Cost:
    """The sum over ``(model, usage)`` pairs (a conversation's replies)."""
    total = Cost()
    for model, usage in replies:
        total = total + reply_cost(model, usage, book)
    return total


@dataclass(frozen=True)
class UsageRow:
    """One saved reply, as the usage page reads it."""

    conversation_id: str
    created_at: float
    model: str | None
    usage: Usage


@dataclass(frozen=True)
class PeriodTotal:
    """The replies of one day or month: their cost and their usage."""

    label: str  # "2026-11-30" or "2026-11"
    cost: Cost
    parts: UsageParts
    replies: int


def totals_by_period(
    rows: Iterable[UsageRow], book: PriceBook, *, month: bool = False
) -> list[PeriodTotal]:
    """Totals per local day (or month), oldest first."""
    fmt = "%Y-%m" if month else "%Y-%m-%d"
    sums: dict[str, tuple[Cost, UsageParts, int]] = {}
    for row in rows:
        label = time.strftime(fmt, time.localtime(row.created_at))
        cost, parts, count = sums.get(label, (Cost(), UsageParts(), 0))
        sums[label] = (
            cost + reply_cost(row.model, row.usage, book),
            parts + billed_parts(row.usage),
            count + 1,
        )
    return [PeriodTotal(label, *sums[label]) for label in sorted(sums)]


def format_dollars(dollars: Decimal) -> str:
    """``$0.0123`` below a dollar (small sums matter here), ``$12.34`` above."""
    if dollars == 0:
        return "$0.00"
    if dollars < 1:
        return f"${dollars:.4f}"
    return f"${dollars:,.2f}"


def format_cost(cost: Cost) -> str:
    """A cost as the user reads it; unknown parts are said, never priced at zero."""
    if cost.complete:
        return format_dollars(cost.dollars)
    if cost.dollars == 0:
        return translate("Costs", "price unknown")
    return translate("Costs", "%1 + price unknown").replace("%1", format_dollars(cost.dollars))


def unknown_text(cost: Cost) -> str:
    """Which prices are missing, for a tooltip."""
    if cost.complete:
        return ""
    return translate("Costs", "No price known for: %1").replace(
        "%1", ", ".join(sorted(cost.unknown))
    )


def prices_text(prices: Prices | None) -> str:
    """Where a cost's prices come from, for a tooltip: the prices, when checked, the source."""
    if prices is None:
        return ""
    names = (
        ("input", translate("Costs", "input")),
        ("output", translate("Costs", "output")),
        ("cache_write_5m", translate("Costs", "cache write 5 min")),
        ("cache_write_1h", translate("Costs", "cache write 1 h")),
        ("cache_read", translate("Costs", "cache read")),
    )
    unknown = translate("Costs", "unknown")

    def price(name: str) -> str:
        value = getattr(prices, name)
        return unknown if value is None else f"${value}"

    listed = ", ".join(f"{label} {price(name)}" for name, label in names)
    lines = [
        translate("Costs", "%1 per million tokens: %2")
        .replace("%1", prices.model)
        .replace("%2", listed)
    ]
    if prices.checked or prices.source:
        lines.append(
            translate("Costs", "Checked %1; source: %2")
            .replace("%1", prices.checked or "?")
            .replace("%2", prices.source or "?")
        )
    if prices.overridden:
        lines.append(translate("Costs", "Your own prices file changes some of them."))
    return "\n".join(lines)

"""Claude's own web tools (the API runs them): which to send, and what they did, in words.

A conversation turns web search on or off for itself (off by default). It is offered only
where the model's ``capabilities.server_tools.web_search`` is supported; the API's model
object has no entry for web fetch, so fetch goes with search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_chat.core.capabilities import supports
from desktop_chat.core.i18n import translate

if TYPE_CHECKING:
    from desktop_chat.core.conversation import Message
    from desktop_chat.core.models import ModelInfo
    from desktop_chat.core.settings import Settings

SEARCH_TOOL_TYPE = "web_search_20250305"
FETCH_TOOL_TYPE = "web_fetch_20250910"
WEB_TOOLS = ("web_search", "web_fetch")
WEB_OVERRIDE = "web_tools"  # the conversation setting that turns them on
MAX_DOMAINS = 100
_DOMAIN = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?$", re.IGNORECASE)


def offered(info: ModelInfo | None) -> bool:
    """Whether the model takes Claude's web tools."""
    return supports(info, "server_tools", "web_search")


def parse_domains(text: str) -> tuple[list[str], list[str]]:
    """Domains from what the user typed (spaces, commas or lines between), and the entries
    that are not domains (said back to the user)."""
    good: list[str] = []
    bad: list[str] = []
    for raw in re.split(r"[\s,]+", text.strip()):
        if not raw:
            continue
        entry = raw.removeprefix("https://").removeprefix("http://").rstrip("/")
        (good if _DOMAIN.match(entry) else bad).append(raw)
        if entry in good[:-1]:
            good.pop()
    return good[:MAX_DOMAINS], bad


def domain_problems(allowed: str, blocked: str) -> list[str]:
    """Why the domain settings cannot be sent, in plain words."""
    problems: list[str] = []
    ok_allowed, bad = parse_domains(allowed)
    ok_blocked, bad_blocked = parse_domains(blocked)
    for entry in [*bad, *bad_blocked]:
        problems.append(
            translate("WebTools", "“%1” is not a domain (write it as example.com).").replace(
                "%1", entry
            )
        )
    if ok_allowed and ok_blocked:
        problems.append(
            translate(
                "WebTools",
                "Give allowed domains or blocked domains, not both: the API takes one list.",
            )
        )
    return problems


def tool_params(settings: Settings) -> list[dict[str, Any]]:
    """The ``tools`` entries for web search and web fetch under ``settings``."""
    allowed, _ = parse_domains(settings.web_allowed_domains)
    blocked, _ = parse_domains(settings.web_blocked_domains)
    limits: dict[str, Any] = {}
    if allowed:
        limits["allowed_domains"] = allowed
    elif blocked:
        limits["blocked_domains"] = blocked
    search = {
        "type": SEARCH_TOOL_TYPE,
        "name": "web_search",
        "max_uses": settings.web_max_searches,
        **limits,
    }
    fetch = {
        "type": FETCH_TOOL_TYPE,
        "name": "web_fetch",
        "max_uses": settings.web_max_searches,
        **limits,
    }
    return [search, fetch]


# section: what the tools did, for the chat and the side pane

# Each a function, so that the words are looked up in the language of the moment.
_ERRORS: dict[str, Callable[[], str]] = {
    "too_many_requests": lambda: translate(
        "WebTools", "too many searches at once; the API asks to wait a little"
    ),
    "max_uses_exceeded": lambda: translate(
        "WebTools", "the most searches allowed in one turn were used"
    ),
    "invalid_tool_input": lambda: translate("WebTools", "the search was not valid"),
    "query_too_long": lambda: translate("WebTools", "the search was too long"),
    "unavailable": lambda: translate("WebTools", "web search is unavailable just now"),
    "request_too_large": lambda: translate("WebTools", "the request was too large"),
    "url_too_long": lambda: translate("WebTools", "the address was too long"),
    "url_not_allowed": lambda: translate("WebTools", "the address is not in the allowed domains"),
    "url_not_accessible": lambda: translate("WebTools", "the page could not be reached"),
    "url_not_in_prior_context": lambda: translate(
        "WebTools", "the address did not come from the conversation"
    ),
    "unsupported_content_type": lambda: translate(
        "WebTools", "the page's kind of content cannot be read"
    ),
    "content_too_large": lambda: translate("WebTools", "the page is too large"),
}


def error_words(code: str) -> str:
    """A server tool's error code in plain words."""
    words = _ERRORS.get(code)
    if words is None:
        return translate("WebTools", "the web tool failed (%1)").replace("%1", code)
    return words()


@dataclass(frozen=True)
class WebStep:
    """One search or fetch: what was asked, how many results, or what went wrong."""

    kind: str  # "search" or "fetch"
    subject: str  # the query or the URL
    results: int = 0
    error: str | None = None


def _input(block: Mapping[str, Any]) -> dict[str, Any]:
    value = block.get("input")
    return value if isinstance(value, dict) else {}


def running_text(block: Mapping[str, Any]) -> str | None:
    """ "Searching: QUERY" / "Reading: URL" for a ``server_tool_use`` block; else None."""
    name = block.get("name")
    tool_input = _input(block)
    if name == "web_search":
        query = str(tool_input.get("query", "")).strip()
        return translate("WebTools", "Searching: %1").replace("%1", query or "…")
    if name == "web_fetch":
        url = str(tool_input.get("url", "")).strip()
        return translate("WebTools", "Reading: %1").replace("%1", url or "…")
    return None


def web_steps(blocks: Iterable[Mapping[str, Any]]) -> list[WebStep]:
    """The searches and fetches of a reply's content, in order, with their outcomes."""
    calls: dict[str, tuple[str, str]] = {}
    steps: dict[str, WebStep] = {}
    order: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "server_tool_use" and block.get("name") in ("web_search", "web_fetch"):
            tool_input = _input(block)
            what = "search" if block["name"] == "web_search" else "fetch"
            subject = str(tool_input.get("query" if what == "search" else "url", ""))
            tool_id = str(block.get("id"))
            calls[tool_id] = (what, subject)
            steps[tool_id] = WebStep(what, subject)
            order.append(tool_id)
        elif kind in ("web_search_tool_result", "web_fetch_tool_result"):
            tool_id = str(block.get("tool_use_id"))
            if tool_id not in calls:
                continue
            what, subject = calls[tool_id]
            content = block.get("content")
            if isinstance(content, dict) and str(content.get("type", "")).endswith("_error"):
                steps[tool_id] = WebStep(what, subject, error=str(content.get("error_code")))
            elif isinstance(content, list):
                steps[tool_id] = WebStep(what, subject, results=len(content))
            else:
                steps[tool_id] = WebStep(what, subject, results=1)
    return [steps[i] for i in order]


def step_text(step: WebStep) -> str:
    """One line of the searched/fetched list."""
    if step.kind == "search":
        line = translate("WebTools", "Searched: %1").replace("%1", step.subject)
    else:
        line = translate("WebTools", "Read: %1").replace("%1", step.subject)
    if step.error:
        return f"{line} — {error_words(step.error)}"
    if step.kind == "search":
        results = (
            translate("WebTools", "1 result")
            if step.results == 1
            else translate("WebTools", "{count} results").format(count=step.results)
        )
        return f"{line} ({results})"
    return line


def counts(messages: Iterable[Message]) -> tuple[int, int]:
    """Searches and fetches made, from the usage the API reported for ``messages``."""
    searches = fetches = 0
    for m in messages:
        tools = m.usage.extra.get("server_tool_use")
        if isinstance(tools, dict):
            searches += int(tools.get("web_search_requests") or 0)
            fetches += int(tools.get("web_fetch_requests") or 0)
    return searches, fetches

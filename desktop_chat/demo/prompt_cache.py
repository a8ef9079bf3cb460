"""Prompt caching as the API does it: only when asked, with its accounting.

A request asks with a top-level ``cache_control`` (a breakpoint after its last block) or
with ``cache_control`` on blocks (tools, system, message content). At each breakpoint whose
prefix reaches the model's minimum length, the prefix is written to the cache; a later
request whose prefix (tools, then system, then messages, block by block) matches a written
one reads it back, if the entry ends at most 20 blocks before a breakpoint (the API's
lookback: a longer step between requests misses the cache and writes it anew). Entries
live 5 minutes, or an hour with ``"ttl": "1h"``, from last use.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_chat.demo.errors import invalid_request
from desktop_chat.demo.tokens import PROMPT_OVERHEAD_TOKENS, PromptUsage, content_tokens

TTL_SECONDS = {"5m": 300.0, "1h": 3600.0}
MAX_BREAKPOINTS = 4
LOOKBACK_BLOCKS = 20  # a breakpoint finds an earlier entry at most this many blocks back


@dataclass(frozen=True)
class _Segment:
    digest: str  # of the whole prefix up to and including this block
    tokens: int  # of the whole prefix
    ttl: str | None  # a breakpoint's lifetime; None: not a breakpoint


def _segments(body: Mapping[str, Any]) -> list[_Segment]:
    blocks: list[tuple[str, Mapping[str, Any]]] = []
    tools = body.get("tools")
    for tool in tools if isinstance(tools, list) else []:
        blocks.append(("tool", tool))
    system = body.get("system")
    if isinstance(system, str) and system:
        blocks.append(("system", {"type": "text", "text": system}))
    elif isinstance(system, list):
        blocks.extend(("system", block) for block in system)
    for message in body.get("messages") or []:
        content = message.get("content")
        if isinstance(content, str):
            content = [{"type": "text", "text": content}]
        blocks.extend((str(message.get("role")), block) for block in content or [])
    automatic = body.get("cache_control")
    out: list[_Segment] = []
    digest = hashlib.sha256(str(body.get("model")).encode())
    tokens = PROMPT_OVERHEAD_TOKENS
    for number, (role, block) in enumerate(blocks):
        marker = block.get("cache_control") if isinstance(block, dict) else None
        if automatic and number == len(blocks) - 1:
            marker = marker or automatic
        plain = {k: v for k, v in block.items() if k != "cache_control"}
        digest.update(role.encode() + json.dumps(plain, sort_keys=True).encode())
        tokens += content_tokens([plain]) if role != "tool" else content_tokens(json.dumps(plain))
        ttl = str(marker.get("ttl", "5m")) if isinstance(marker, dict) else None
        out.append(_Segment(digest.hexdigest(), tokens, ttl))
    return out


def _check_marker(marker: Any, where: str) -> str:
    if not isinstance(marker, dict) or marker.get("type") != "ephemeral":
        raise invalid_request(f"{where}.type: Input should be 'ephemeral'")
    ttl = marker.get("ttl", "5m")
    if ttl not in TTL_SECONDS:
        raise invalid_request(f"{where}.ttl: Input should be '5m' or '1h'")
    return str(ttl)


def check_cache_control(body: Mapping[str, Any]) -> None:
    """Refuse what the API refuses: a malformed ``cache_control``, more than four
    breakpoints, or a 1-hour breakpoint after a 5-minute one."""
    markers: list[tuple[str, Any]] = []
    if body.get("cache_control") is not None:
        markers.append(("cache_control", body["cache_control"]))
    sections: list[tuple[str, Any]] = [("tools", body.get("tools")), ("system", body.get("system"))]
    for i, message in enumerate(body.get("messages") or []):
        if isinstance(message, dict):
            sections.append((f"messages.{i}.content", message.get("content")))
    ordered: list[str] = []
    for where, blocks in sections:
        for j, block in enumerate(blocks if isinstance(blocks, list) else []):
            if isinstance(block, dict) and block.get("cache_control") is not None:
                ordered.append(_check_marker(block["cache_control"], f"{where}.{j}.cache_control"))
    for where, marker in markers:
        ordered.append(_check_marker(marker, where))  # after the last block
    if len(ordered) > MAX_BREAKPOINTS:
        raise invalid_request(
            f"A maximum of {MAX_BREAKPOINTS} blocks with cache_control may be provided."
            f" Found {len(ordered)}."
        )
    if "5m" in ordered and "1h" in ordered[ordered.index("5m") :]:
        raise invalid_request(
            "a ttl='1h' cache_control block must not come after a ttl='5m' cache_control block."
        )


def prompt_total(body: Mapping[str, Any], segments: Sequence[_Segment] | None = None) -> int:
    """About how many tokens ``body``'s prompt is: 4 characters a token, and a few more."""
    segments = _segments(body) if segments is None else segments
    return segments[-1].tokens if segments else PROMPT_OVERHEAD_TOKENS


class PromptCache:
    """One server's cache: prefix digests and when they expire."""

    def __init__(self) -> None:
        self._expiry: dict[str, float] = {}
        self._lifetime: dict[str, float] = {}  # an entry's TTL: each read renews it by this
        self._lock = threading.Lock()

    def usage(self, body: Mapping[str, Any], *, min_tokens: int) -> PromptUsage:
        """Account for ``body``'s prompt; write what it asks to the cache."""
        segments = _segments(body)
        total = prompt_total(body, segments)
        breakpoints = [i for i, s in enumerate(segments) if s.ttl is not None]
        if not breakpoints:
            return PromptUsage(input_tokens=total)
        now = time.monotonic()
        with self._lock:
            self._expiry = {d: t for d, t in self._expiry.items() if t > now}
            self._lifetime = {d: s for d, s in self._lifetime.items() if d in self._expiry}
            read_at = max(
                (
                    i
                    for b in breakpoints
                    for i in range(max(0, b - LOOKBACK_BLOCKS), b + 1)
                    if segments[i].digest in self._expiry
                ),
                default=-1,
            )
            read = segments[read_at].tokens if read_at >= 0 else 0
            if read_at >= 0:
                self._touch(segments, read_at, now)
            written = {"5m": 0, "1h": 0}
            done = read
            for i in breakpoints:
                segment = segments[i]
                if i <= read_at or segment.tokens < min_tokens:
                    continue  # already cached, or too short to cache at all
                written[segment.ttl or "5m"] += segment.tokens - done
                done = segment.tokens
                lifetime = TTL_SECONDS.get(segment.ttl or "5m", 300.0)
                self._expiry[segment.digest] = now + lifetime
                self._lifetime[segment.digest] = lifetime
        fresh = max(0, total - done)
        return PromptUsage(fresh, written["5m"], written["1h"], read)

    def _touch(self, segments: Sequence[_Segment], at: int, now: float) -> None:
        # A read refreshes the entry for its own lifetime (an hour-long one for an hour).
        digest = segments[at].digest
        lifetime = self._lifetime.get(digest, TTL_SECONDS["5m"])
        self._expiry[digest] = max(self._expiry[digest], now + lifetime)

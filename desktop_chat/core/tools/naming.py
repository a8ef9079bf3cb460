"""The tools servers offer, and the names they go by in the API's ``tools`` parameter.

The API wants names matching ``^[a-zA-Z0-9_-]{1,64}$``, unique in one request. A tool keeps
its own name when that name is valid and no other server offers it (what the model reads
best: ``get_current_time``); otherwise it becomes ``SERVER__TOOL`` with anything else made
``_``, shortened with a short hash when too long. A name once given to a tool is never given
to another one, so the history of a conversation keeps pointing at the right tool.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

API_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
MAX_NAME = 64
_INVALID = re.compile(r"[^a-zA-Z0-9_-]")

ToolKey = tuple[str, str]  # (server name, tool name as the server calls it)


@dataclass(frozen=True)
class ToolInfo:
    """A tool as its server described it.

    Attributes:
        server: the configured server name.
        name: the tool's own name, used to call it.
        description: its description (may be empty).
        input_schema: its JSON schema, exactly as the server gave it.
        annotations: its annotations as given (``read_only_hint``, ``destructive_hint``, …),
            only those the server set.
        title: a display name, if the server gave one.
    """

    server: str
    name: str
    description: str = ""
    input_schema: Mapping[str, Any] = field(default_factory=lambda: {"type": "object"})
    annotations: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None

    @property
    def key(self) -> ToolKey:
        return (self.server, self.name)

    @property
    def read_only(self) -> bool:
        """Annotated read-only (a hint from the server, not a promise)."""
        return self.annotations.get("read_only_hint") is True

    @property
    def destructive(self) -> bool:
        """Annotated destructive, explicitly.

        The MCP spec's default for an unannotated tool is "may be destructive"; treating all
        of those as destructive would make every grant useless (approval fatigue), so only
        an explicit ``destructive_hint: true`` (without ``read_only_hint: true``) counts.
        """
        return self.annotations.get("destructive_hint") is True and not self.read_only


@dataclass(frozen=True)
class OfferedTool:
    """A tool under the name it is offered to the API with."""

    api_name: str
    tool: ToolInfo

    def param(self) -> dict[str, Any]:
        """The entry for the request's ``tools`` parameter."""
        entry: dict[str, Any] = {
            "name": self.api_name,
            "input_schema": dict(self.tool.input_schema),
        }
        if self.tool.description:
            entry["description"] = self.tool.description
        return entry


def _clean(text: str) -> str:
    return _INVALID.sub("_", text) or "_"


def _fit(name: str, key: ToolKey) -> str:
    if len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()[:8]
    return f"{name[: MAX_NAME - 9]}_{digest}"


def assign_names(tools: Iterable[ToolInfo], issued: dict[str, ToolKey]) -> list[OfferedTool]:
    """Name each tool for the API; ``issued`` (name → tool, updated here) keeps names stable.

    Tools of the same server with the same name (a broken server) are offered once.
    """
    unique: dict[ToolKey, ToolInfo] = {}
    for tool in tools:
        unique.setdefault(tool.key, tool)
    counts: dict[str, int] = {}
    for _server, name in unique:
        counts[name] = counts.get(name, 0) + 1
    by_key = {key: name for name, key in issued.items()}
    offered: list[OfferedTool] = []
    used: set[str] = set()
    for key, tool in sorted(unique.items()):
        server, name = key
        candidates = []
        if key in by_key:
            candidates.append(by_key[key])
        if counts[name] == 1 and API_NAME.match(name):
            candidates.append(name)
        candidates.append(_fit(f"{_clean(server)}__{_clean(name)}", key))
        digest = hashlib.sha256("\0".join(key).encode()).hexdigest()
        candidates += [_fit(f"{_clean(name)[:40]}_{digest[:n]}", key) for n in (8, 16)]
        for candidate in candidates:
            owner = issued.get(candidate)
            if candidate not in used and (owner is None or owner == key):
                break
        else:  # pragma: no cover (a sha256 collision)
            raise RuntimeError(f"no free API name for tool {name} of {server}")
        issued[candidate] = key
        used.add(candidate)
        offered.append(OfferedTool(candidate, tool))
    return offered

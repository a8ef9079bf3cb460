"""The models the demo offers, and ``GET /v1/models`` paging over them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_chat.demo.errors import ApiError, invalid_request

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 1000


@dataclass(frozen=True)
class ModelEntry:
    id: str
    display_name: str
    created_at: str
    line: str
    max_input_tokens: int
    max_tokens: int

    def as_json(self) -> dict[str, Any]:
        return {
            "type": "model",
            "id": self.id,
            "display_name": self.display_name,
            "created_at": self.created_at,
            "lifecycle": "active",
            "line": self.line,
            "max_input_tokens": self.max_input_tokens,
            "max_tokens": self.max_tokens,
            "deprecated_at": None,
            "retires_at": None,
        }


# Newest first, as the API lists them.
MODELS: tuple[ModelEntry, ...] = (
    ModelEntry(
        "claude-opus-5-5", "Claude Opus 5.5", "2026-05-12T00:00:00Z", "opus", 1_000_000, 128_000
    ),
    ModelEntry(
        "claude-sonnet-5-5",
        "Claude Sonnet 5.5",
        "2026-05-12T00:00:00Z",
        "sonnet",
        1_000_000,
        128_000,
    ),
    ModelEntry(
        "claude-haiku-5-5", "Claude Haiku 5.5", "2026-04-28T00:00:00Z", "haiku", 200_000, 64_000
    ),
    ModelEntry(
        "claude-opus-4-8", "Claude Opus 4.8", "2026-01-20T00:00:00Z", "opus", 1_000_000, 128_000
    ),
    ModelEntry(
        "claude-sonnet-4-6",
        "Claude Sonnet 4.6",
        "2025-11-18T00:00:00Z",
        "sonnet",
        1_000_000,
        64_000,
    ),
    ModelEntry(
        "claude-haiku-4-5", "Claude Haiku 4.5", "2025-10-15T00:00:00Z", "haiku", 200_000, 64_000
    ),
)
DEFAULT_MODEL = "claude-sonnet-5-5"


def _index_of(model_id: str, field: str) -> int:
    for index, entry in enumerate(MODELS):
        if entry.id == model_id:
            return index
    raise invalid_request(f"{field}: no model with id '{model_id}'")


def _limit(query: Mapping[str, str]) -> int:
    raw = query.get("limit")
    if raw is None:
        return DEFAULT_PAGE_SIZE
    try:
        limit = int(raw)
    except ValueError:
        raise invalid_request("limit: Input should be a valid integer") from None
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise invalid_request(f"limit: Input should be between 1 and {MAX_PAGE_SIZE}")
    return limit


def models_page(query: Mapping[str, str]) -> dict[str, Any]:
    """One page of ``GET /v1/models``, following ``limit``, ``after_id`` and ``before_id``."""
    limit = _limit(query)
    if "before_id" in query:
        end = _index_of(query["before_id"], "before_id")
        start = max(0, end - limit)
        has_more = start > 0
    else:
        start = _index_of(query["after_id"], "after_id") + 1 if "after_id" in query else 0
        end = min(len(MODELS), start + limit)
        has_more = end < len(MODELS)
    page = MODELS[start:end]
    return {
        "data": [entry.as_json() for entry in page],
        "has_more": has_more,
        "first_id": page[0].id if page else None,
        "last_id": page[-1].id if page else None,
    }


def model_info(model_id: str) -> dict[str, Any]:
    """``GET /v1/models/{id}``; unknown ids are a 404."""
    for entry in MODELS:
        if entry.id == model_id:
            return entry.as_json()
    raise ApiError(404, f"model: {model_id}")

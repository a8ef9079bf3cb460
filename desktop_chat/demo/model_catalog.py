"""The models the demo offers (the app's built-in catalogue), and ``GET /v1/models``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_chat.core.model_catalogue import CATALOGUE, catalogue_entry
from desktop_chat.demo.errors import ApiError, invalid_request

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 1000
DEFAULT_MODEL = "claude-sonnet-5-5"


def as_json(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A catalogue entry as the API's model object (without the catalogue's own ``x_``)."""
    return {key: value for key, value in entry.items() if not key.startswith("x_")}


def _index_of(model_id: str, field: str) -> int:
    for index, entry in enumerate(CATALOGUE):
        if entry["id"] == model_id:
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
        end = min(len(CATALOGUE), start + limit)
        has_more = end < len(CATALOGUE)
    page = CATALOGUE[start:end]
    return {
        "data": [as_json(entry) for entry in page],
        "has_more": has_more,
        "first_id": page[0]["id"] if page else None,
        "last_id": page[-1]["id"] if page else None,
    }


def model_info(model_id: str) -> dict[str, Any]:
    """``GET /v1/models/{id}``; unknown ids are a 404."""
    entry = catalogue_entry(model_id)
    if entry is None:
        raise ApiError(404, f"model: {model_id}")
    return as_json(entry)


def usable_model(model_id: str) -> Mapping[str, Any]:
    """The entry a Messages request may use; unknown and retired models are a 404."""
    entry = catalogue_entry(model_id)
    if entry is None or entry["lifecycle"] == "retired":
        raise ApiError(404, f"model: {model_id}")
    return entry

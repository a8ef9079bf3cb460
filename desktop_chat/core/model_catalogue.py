"""The built-in model catalogue: each model as ``GET /v1/models`` describes it.

The app offers these offline (``models.FALLBACK_MODELS``), and the demo server serves and
enforces the same entries, so what the settings allow is what the demo accepts. Prefill (a
final assistant message) is not in the API's ``capabilities``; ``x_prefill`` says it here.
"""

from __future__ import annotations

from typing import Any

EFFORT_LEVELS = ("low", "medium", "high", "xhigh", "max")


def _support(value: bool) -> dict[str, bool]:
    return {"supported": value}


def capabilities_json(
    *,
    thinking: tuple[str, ...],
    efforts: tuple[str, ...] = (),
    web_search: bool = True,
    code_execution: bool = True,
) -> dict[str, Any]:
    """A model's ``capabilities`` object, as the API writes it."""
    effort: dict[str, Any] = {"supported": bool(efforts)}
    effort.update({level: _support(level in efforts) for level in EFFORT_LEVELS})
    return {
        "batch": _support(True),
        "citations": _support(True),
        "code_execution": _support(code_execution),
        "context_management": _support(True),
        "effort": effort,
        "image_input": _support(True),
        "pdf_input": _support(True),
        "server_tools": {
            "supported": web_search or code_execution,
            "code_execution": _support(code_execution),
            "web_search": _support(web_search),
        },
        "structured_outputs": _support(True),
        "thinking": {
            "supported": any(kind != "disabled" for kind in thinking),
            "types": {
                kind: _support(kind in thinking)
                for kind in ("adaptive", "between_tools", "disabled", "enabled")
            },
        },
    }


def _model(
    model_id: str,
    name: str,
    created: str,
    line: str,
    *,
    max_input: int,
    max_tokens: int,
    thinking: tuple[str, ...],
    efforts: tuple[str, ...] = (),
    prefill: bool = False,
    lifecycle: str = "active",
    deprecated_at: str | None = None,
    retires_at: str | None = None,
    min_cache_tokens: int = 1024,
) -> dict[str, Any]:
    # min_cache_tokens: the shortest prompt the model caches (the prompt caching docs' table:
    # 4096 for Opus 4.5 and Haiku 4.5, 1024 for Opus 4.8 and Sonnet 4.6).
    return {
        "type": "model",
        "id": model_id,
        "display_name": name,
        "created_at": created,
        "lifecycle": lifecycle,
        "deprecated_at": deprecated_at,
        "retires_at": retires_at,
        "line": line,
        "max_input_tokens": max_input,
        "max_tokens": max_tokens,
        "capabilities": capabilities_json(thinking=thinking, efforts=efforts),
        # Not in the API's model object: the catalogue's own knowledge.
        "x_prefill": prefill,
        "x_min_cache_tokens": min_cache_tokens,
    }


_ALL_EFFORTS = EFFORT_LEVELS
_NEW_THINKING = ("adaptive", "between_tools", "disabled")  # budget_tokens refused
_BOTH_THINKING = ("adaptive", "enabled", "disabled")
_OLD_THINKING = ("enabled", "disabled")  # adaptive refused

# Newest first, as the API lists them; retired ones stay as the historical record.
CATALOGUE: tuple[dict[str, Any], ...] = (
    _model(
        "claude-opus-5-5",
        "Claude Opus 5.5",
        "2026-05-12T00:00:00Z",
        "opus",
        max_input=1_000_000,
        max_tokens=128_000,
        thinking=_NEW_THINKING,
        efforts=_ALL_EFFORTS,
        min_cache_tokens=4096,
    ),
    _model(
        "claude-sonnet-5-5",
        "Claude Sonnet 5.5",
        "2026-05-12T00:00:00Z",
        "sonnet",
        max_input=1_000_000,
        max_tokens=128_000,
        thinking=_BOTH_THINKING,
        efforts=_ALL_EFFORTS,
        prefill=True,
    ),
    _model(
        "claude-haiku-5-5",
        "Claude Haiku 5.5",
        "2026-04-28T00:00:00Z",
        "haiku",
        max_input=200_000,
        max_tokens=64_000,
        thinking=_NEW_THINKING,
        efforts=("low", "medium", "high"),
        min_cache_tokens=2048,
    ),
    _model(
        "claude-opus-4-8",
        "Claude Opus 4.8",
        "2026-01-20T00:00:00Z",
        "opus",
        max_input=1_000_000,
        max_tokens=128_000,
        thinking=_BOTH_THINKING,
        efforts=_ALL_EFFORTS,
        min_cache_tokens=1024,
    ),
    _model(
        "claude-sonnet-4-6",
        "Claude Sonnet 4.6",
        "2025-11-18T00:00:00Z",
        "sonnet",
        max_input=1_000_000,
        max_tokens=64_000,
        thinking=_BOTH_THINKING,
        efforts=("low", "medium", "high", "max"),
        prefill=True,
    ),
    _model(
        "claude-haiku-4-5",
        "Claude Haiku 4.5",
        "2025-10-15T00:00:00Z",
        "haiku",
        max_input=200_000,
        max_tokens=64_000,
        thinking=_OLD_THINKING,
        prefill=True,
        min_cache_tokens=4096,
    ),
    _model(
        "claude-opus-4-5",
        "Claude Opus 4.5",
        "2025-11-24T00:00:00Z",
        "opus",
        max_input=200_000,
        max_tokens=64_000,
        thinking=_BOTH_THINKING,
        efforts=("low", "medium", "high"),
        prefill=True,
        lifecycle="deprecated",
        deprecated_at="2026-06-01T00:00:00Z",
        retires_at="2027-01-22T00:00:00Z",
        min_cache_tokens=4096,
    ),
    _model(
        "claude-3-7-sonnet-20250219",
        "Claude Sonnet 3.7",
        "2025-02-24T00:00:00Z",
        "sonnet",
        max_input=200_000,
        max_tokens=64_000,
        thinking=_OLD_THINKING,
        prefill=True,
        lifecycle="retired",
        deprecated_at="2025-10-28T00:00:00Z",
        retires_at="2026-02-19T00:00:00Z",
    ),
)


def catalogue_entry(model_id: str) -> dict[str, Any] | None:
    """The catalogue's entry for ``model_id``, or None."""
    return next((m for m in CATALOGUE if m["id"] == model_id), None)

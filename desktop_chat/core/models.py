"""The models a key can use: the live list, its cache, a built-in fallback, and a key check.

``anthropic`` is imported inside the functions only: it is slow to import and the window
must paint first.
"""

from __future__ import annotations

import json
import logging
import os
import time
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_chat.core.i18n import translate
from desktop_chat.core.model_catalogue import CATALOGUE
from desktop_chat.core.paths import cache_dir
from desktop_chat.core.safe_files import write_atomically

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

CACHE_FILE = "models.json"
CACHE_VERSION = 2  # 2: capabilities, limits and lifecycle
MAX_AGE_S = 24 * 3600.0
CHECK_TIMEOUT_S = 20.0
DEFAULT_BASE_URL = "https://api.anthropic.com"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelInfo:
    """One model, as the picker shows it and the settings fit to it.

    ``capabilities`` is the API's object as it came (``models.list()``, or the built-in
    catalogue, which carries the same fields); ``core.capabilities`` reads it. ``prefill``
    is None when nothing says whether the model takes a final assistant message.
    """

    id: str
    display_name: str
    created_at: datetime | None = None
    deprecated: bool = False
    lifecycle: str = "active"  # active, deprecated or retired
    retires_at: datetime | None = None
    max_tokens: int | None = None
    max_input_tokens: int | None = None
    capabilities: dict[str, Any] | None = field(default=None, compare=False)
    prefill: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "display_name": self.display_name,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "deprecated": self.deprecated,
            "lifecycle": self.lifecycle,
            "retires_at": self.retires_at.isoformat() if self.retires_at else None,
            "max_tokens": self.max_tokens,
            "max_input_tokens": self.max_input_tokens,
            "capabilities": self.capabilities,
            "x_prefill": self.prefill,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelInfo:
        """From ``to_dict()`` or the API's model object; raises KeyError, TypeError or
        ValueError on a malformed entry."""
        lifecycle = str(data.get("lifecycle") or "active")
        capabilities = data.get("capabilities")
        prefill = data.get("x_prefill")
        return cls(
            id=str(data["id"]),
            display_name=str(data.get("display_name") or data["id"]),
            created_at=_datetime(data.get("created_at")),
            deprecated=bool(data.get("deprecated", False)) or lifecycle == "deprecated",
            lifecycle=lifecycle,
            retires_at=_datetime(data.get("retires_at")),
            max_tokens=_opt_int(data.get("max_tokens")),
            max_input_tokens=_opt_int(data.get("max_input_tokens")),
            capabilities=capabilities if isinstance(capabilities, dict) else None,
            prefill=prefill if isinstance(prefill, bool) else None,
        )


def _opt_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, not {value!r}")
    return value


def _datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        with suppress(ValueError):
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


FALLBACK_MODELS: tuple[ModelInfo, ...] = tuple(
    ModelInfo.from_dict(entry) for entry in CATALOGUE if entry["lifecycle"] != "retired"
)


def deprecated_ids() -> frozenset[str]:
    """The model ids the SDK itself warns about as deprecated (empty if it has no list)."""
    try:
        from anthropic.resources.messages import messages
    except ImportError:
        return frozenset()
    table = getattr(messages, "DEPRECATED_MODELS", None)
    return frozenset(table) if isinstance(table, dict) else frozenset()


# section: the live list


async def list_models(client: AsyncAnthropic, *, page_size: int = 100) -> list[ModelInfo]:
    """Every model the client's key can use, newest first, following the pages.

    Retired models are left out; the SDK's own deprecation list marks deprecated ones
    along with the API's ``lifecycle``. Raises the SDK's errors.
    """
    old = deprecated_ids()
    models: list[ModelInfo] = []
    async for m in client.models.list(limit=page_size):
        info = ModelInfo.from_dict(m.to_dict(mode="json", exclude_unset=True))
        if info.lifecycle == "retired":
            continue
        if info.id in old and not info.deprecated:
            info = replace(info, deprecated=True)
        models.append(info)
    return models


async def check_key(client: AsyncAnthropic) -> str | None:
    """Ask for one model with the client's key: ``None`` if it works, else why in plain words."""
    import anthropic

    quick = client.with_options(max_retries=0, timeout=CHECK_TIMEOUT_S)
    try:
        await quick.models.list(limit=1)
    except anthropic.AuthenticationError:
        return translate(
            "Models", "The key was not accepted (401). Check that you copied all of it."
        )
    except anthropic.PermissionDeniedError:
        return translate(
            "Models", "This key is not allowed to use the API (403). Check its workspace or plan."
        )
    except anthropic.NotFoundError:
        return translate("Models", "The server has no model list (404). Is the base URL right?")
    except anthropic.RateLimitError:
        return translate(
            "Models", "Too many requests right now (429): the key could not be checked. Try again."
        )
    except anthropic.APIStatusError as exc:
        return translate(
            "Models", "The server answered with an error (HTTP {status_code}). Try again later."
        ).format(status_code=exc.status_code)
    except anthropic.APITimeoutError:
        return translate(
            "Models", "The server did not answer within {CHECK_TIMEOUT_S:g} seconds. Try again."
        ).format(CHECK_TIMEOUT_S=CHECK_TIMEOUT_S)
    except anthropic.APIConnectionError:
        host = quick.base_url.host or str(quick.base_url)
        return translate(
            "Models", "Could not reach {host}. Check your network connection or the base URL."
        ).format(host=host)
    return None


# section: the cache


def cache_path() -> Path:
    return cache_dir() / CACHE_FILE


def _source(base_url: str | None) -> str:
    """The server a list belongs to: as the SDK picks it, without importing the SDK."""
    return (base_url or os.environ.get("ANTHROPIC_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")


def read_cache(
    base_url: str | None, *, max_age_s: float | None = MAX_AGE_S
) -> list[ModelInfo] | None:
    """The list cached for ``base_url`` (``None``: the default server), or ``None``.

    ``None`` too when the cache is older than ``max_age_s`` (no limit: ``None``), comes
    from another server, or cannot be read.
    """
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION or data.get("source") != _source(base_url):
            return None
        age = time.time() - float(data["fetched_at"])
        if max_age_s is not None and not 0 <= age <= max_age_s:
            return None
        return [ModelInfo.from_dict(m) for m in data["models"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.info("Ignoring the model cache: %s", exc)
        return None


def write_cache(base_url: str | None, models: list[ModelInfo]) -> None:
    """Save ``models`` as fetched now from ``base_url`` (atomically; failure only logged)."""
    path = cache_path()
    data = {
        "version": CACHE_VERSION,
        "source": _source(base_url),
        "fetched_at": time.time(),
        "models": [m.to_dict() for m in models],
    }
    try:
        write_atomically(path, json.dumps(data, indent=1))
    except OSError as exc:
        log.warning("Could not save the model list: %s", exc)


def known_models(base_url: str | None = None) -> list[ModelInfo]:
    """What to show at once, without the network: the cache at any age, else the fallback.

    ``base_url`` is the settings' one (``None``: ``ANTHROPIC_BASE_URL`` or the real API).
    """
    return read_cache(base_url, max_age_s=None) or list(FALLBACK_MODELS)


async def get_models(client: AsyncAnthropic, *, max_age_s: float = MAX_AGE_S) -> list[ModelInfo]:
    """The model list: the cache while fresh, else the live list (then cached).

    Offline or refused, the last cached list or the built-in one. Never raises for the
    network; run it in the background and refill the picker with the result.
    """
    import anthropic

    source = str(client.base_url)
    cached = read_cache(source, max_age_s=max_age_s)
    if cached:
        return cached
    try:
        models = await list_models(client)
    except anthropic.APIError as exc:
        log.info("Could not fetch the model list: %s", type(exc).__name__)
        return known_models(source)
    if models:
        write_cache(source, models)
        return models
    return known_models(source)

"""Typed reads from a JSON transcript, with errors that say where and why."""

from __future__ import annotations

from typing import Any


class TranscriptError(ValueError):
    """A transcript that cannot be imported; ``str()`` is the reason, for the user."""


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


class Fields:
    """Typed reads from a JSON object, with errors that name the field's path."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise TranscriptError(f"{where} must be an object, not {kind_of(data)}")
        self.data: dict[str, Any] = data
        self.where = where

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                raise TranscriptError(f"{self.where} is missing {key!r}")
            return None
        return self.data[key]

    def _wrong(self, key: str, expected: str) -> TranscriptError:
        value = self.data[key]
        return TranscriptError(f"{self.where}.{key} must be {expected}, not {kind_of(value)}")

    def string(self, key: str, *, required: bool = False, nullable: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None and key in self.data and not nullable:
            raise self._wrong(key, "a string")
        if value is not None and not isinstance(value, str):
            raise self._wrong(key, "a string" + (" or null" if nullable else ""))
        return value

    def text(self, key: str, default: str | None = None) -> str:
        """A required (unless ``default``), non-null string."""
        value = self.string(key, required=default is None, nullable=False)
        if value is None:
            assert default is not None  # string() raised: the key is required
            return default
        return value

    def number(self, key: str, default: float | None = None) -> float:
        value = self._get(key, required=default is None)
        if value is None and key not in self.data:
            assert default is not None
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._wrong(key, "a number")
        return float(value)

    def obj(self, key: str) -> dict[str, Any] | None:
        value = self._get(key, required=False)
        if value is not None and not isinstance(value, dict):
            raise self._wrong(key, "an object or null")
        return value

    def array(self, key: str) -> list[Any]:
        value = self._get(key, required=True)
        if not isinstance(value, list):
            raise self._wrong(key, "an array")
        return value

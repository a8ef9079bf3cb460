"""Messages as database rows, and text made valid for SQLite on the way in.

Text from outside (a server's delta, an imported file, the clipboard) may hold a lone
surrogate (``"\\ud800"``: valid JSON, not valid Unicode). SQLite stores UTF-8, which cannot
hold one, and ``sqlite3`` refuses the whole statement with a ``UnicodeEncodeError``. At
this boundary such text is made valid as a decoder with ``errors="replace"`` would: each
lone surrogate becomes U+FFFD, a pair becomes the character it stands for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from desktop_chat.core.conversation import Message, Metrics, Status, Usage

MESSAGE_COLUMNS = (
    "id, role, created_at, parent_id, content, model, api_message_id, request_id, stop_reason,"
    " stop_details, usage, metrics, status, error"
)
MESSAGE_PLACEHOLDERS = ", ".join("?" * 14)


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (and pairs joined)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def valid_params(params: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(valid_text(p) if isinstance(p, str) else p for p in params)


def execute(db: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """``db.execute``; text SQLite cannot store is made valid first (only if need be, so
    the streaming reply's frequent saves pay nothing for it)."""
    try:
        return db.execute(sql, params)
    except UnicodeEncodeError:
        return db.execute(sql, valid_params(params))


def execute_many(db: sqlite3.Connection, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
    """``db.executemany`` with each row's text made valid (see ``execute``)."""
    return db.executemany(sql, (valid_params(row) for row in rows))


def dump(value: Any) -> str:
    # allow_nan=False: SQLite's JSON functions (used by the search index) refuse NaN.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dump_opt(value: Any) -> str | None:
    return None if value is None else dump(value)


def message_from_row(row: Sequence[Any]) -> Message:
    (
        id_,
        role,
        created_at,
        parent_id,
        content,
        model,
        api_message_id,
        request_id,
        stop_reason,
        stop_details,
        usage,
        metrics,
        status,
        error,
    ) = row
    outcome = json.loads(metrics)
    return Message(
        role=role,
        content=json.loads(content),
        id=id_,
        created_at=created_at,
        parent_id=parent_id,
        model=model,
        api_message_id=api_message_id,
        request_id=request_id,
        stop_reason=stop_reason,
        stop_details=None if stop_details is None else json.loads(stop_details),
        usage=Usage.from_dict(json.loads(usage)),
        metrics=Metrics.from_dict(outcome),
        status=Status(status),
        error=error,
        stop_sequence=outcome.get("stop_sequence"),
        excluded=bool(outcome.get("excluded", False)),
        tool_decisions=dict(outcome.get("tool_decisions") or {}),
    )


def message_row(m: Message) -> tuple[Any, ...]:
    """The values of ``MESSAGE_COLUMNS``."""
    return (m.id, m.role, m.created_at, m.parent_id, *message_values(m))


def message_values(m: Message) -> tuple[Any, ...]:
    """The values of ``MESSAGE_COLUMNS`` from ``content`` on: what a reply changes."""
    return (
        dump(m.content),
        m.model,
        m.api_message_id,
        m.request_id,
        m.stop_reason,
        dump_opt(m.stop_details),
        dump(m.usage.to_dict()),
        dump(_outcome(m)),
        str(m.status),
        m.error,
    )


def _outcome(m: Message) -> dict[str, Any]:
    """The ``metrics`` column: the timings, and how the reply ended where a column lacks.

    ``stop_sequence`` and ``excluded`` came after the schema; set only when they are, so
    older rows and older app versions read the same.
    """
    data: dict[str, Any] = dict(m.metrics.to_dict())
    if m.stop_sequence is not None:
        data["stop_sequence"] = m.stop_sequence
    if m.excluded:
        data["excluded"] = True
    if m.tool_decisions:
        data["tool_decisions"] = m.tool_decisions
    return data

"""The saved replies' usage, for costs per conversation and per day (nothing is stored twice:
a reply's usage is saved with it, and costs are worked out from it)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from desktop_chat.core.conversation import Usage
from desktop_chat.core.costs import UsageRow
from desktop_chat.core.store_base import StoreBase

MAX_IDS_PER_QUERY = 500  # SQLite's bound-parameter limit is far above; pages stay small
_SQL = """
    SELECT m.conversation_id, m.created_at, m.model, m.usage
    FROM messages AS m JOIN conversations AS c ON c.id = m.conversation_id
    WHERE m.role = 'assistant' AND c.deleted_at IS NULL
"""


def usage_rows(db: sqlite3.Connection, conversation_ids: Sequence[str] | None) -> list[UsageRow]:
    """Every reply's model and usage (of ``conversation_ids``, else of all conversations not
    in the trash), oldest first."""
    rows: list[tuple[str, float, str | None, str]] = []
    if conversation_ids is None:
        rows = db.execute(_SQL + " ORDER BY m.created_at").fetchall()
    else:
        ids = list(conversation_ids)
        for start in range(0, len(ids), MAX_IDS_PER_QUERY):
            chunk = ids[start : start + MAX_IDS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            rows += db.execute(_SQL + f" AND m.conversation_id IN ({marks})", chunk).fetchall()
    out: list[UsageRow] = []
    for conversation_id, created_at, model, usage in rows:
        try:
            data = json.loads(usage)
        except ValueError:
            data = {}
        usage_data = Usage.from_dict(data if isinstance(data, dict) else {})
        out.append(UsageRow(conversation_id, float(created_at), model, usage_data))
    return out


def read_usage(path: Path, conversation_ids: Sequence[str] | None = None) -> list[UsageRow]:
    """``usage_rows`` over a read-only connection of its own: for a worker thread."""
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        return usage_rows(db, conversation_ids)
    finally:
        db.close()


class UsageRecords(StoreBase):
    """The usage queries of ``Store``."""

    def usage_rows(self, conversation_ids: Sequence[str] | None = None) -> list[UsageRow]:
        """See :func:`usage_rows` (on the store's own connection)."""
        with self._faults():
            return usage_rows(self._db, conversation_ids)

"""The audit of tool calls in the store: one row per call, kept when its chat is deleted."""

from __future__ import annotations

import json

from desktop_chat.core.store_base import StoreBase
from desktop_chat.core.store_rows import dump, execute
from desktop_chat.core.tools.audit import ToolCallRecord


class ToolCallRecords(StoreBase):
    """Writing and reading the ``tool_calls`` table (migration ``m006_tool_audit``)."""

    def record_tool_call(self, call: ToolCallRecord) -> None:
        """Add one tool call to the audit table (its own small transaction)."""
        values = (
            call.tool_use_id,
            call.conversation_id,
            call.started_at,
            call.server,
            call.tool,
            dump(call.arguments),
            str(call.decision),
            call.duration_s,
            call.result_size,
            call.error,
        )
        self._write(
            lambda db: execute(
                db,
                """
                INSERT INTO tool_calls (tool_use_id, conversation_id, started_at, server, tool,
                    arguments, decision, duration_s, result_size, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                values,
            )
        )

    def tool_calls(self, conversation_id: str) -> list[ToolCallRecord]:
        """The audit records of a conversation's tool calls, oldest first."""
        with self._read() as db:
            rows = db.execute(
                """
                SELECT tool_use_id, conversation_id, server, tool, arguments, decision,
                       started_at, duration_s, result_size, error
                FROM tool_calls WHERE conversation_id = ? ORDER BY seq
                """,
                (conversation_id,),
            ).fetchall()
        return [ToolCallRecord(r[0], r[1], r[2], r[3], json.loads(r[4]), *r[5:]) for r in rows]

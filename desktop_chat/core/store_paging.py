"""Reading a conversation's shown path a page at a time, from its end.

A conversation of 10^6 messages cannot be loaded whole to show its last screen. These
queries walk the path (``parent_id`` links, from the message shown last) and read only the
messages asked for, plus what the notes under them need: the ids of each message's siblings
(its variants, or the other branches). They give the same path as ``Conversation.path()``,
also for conversations saved before branches (no links: the path is the position order).

Functions take a connection in a read transaction; ``Store`` wraps them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.store_rows import MESSAGE_COLUMNS, message_from_row


@dataclass(frozen=True)
class PathPage:
    """Consecutive messages of a conversation's shown path, oldest first.

    Attributes:
        conversation_id: The conversation.
        title: Its title.
        created_at: When it was created.
        current_id: The id of the path's last message (as saved; None: the newest).
        messages: The messages of this page, oldest first.
        has_more: Whether the path goes on before ``messages[0]`` (``load_before`` it).
        siblings: For each message of the page that has variants or other branches: the
            ids of all of them, itself included, oldest first.
    """

    conversation_id: str
    title: str
    created_at: float
    current_id: str | None
    messages: list[Message] = field(default_factory=list)
    has_more: bool = False
    siblings: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class PathEnd:
    """The last message of a conversation's shown path, without its content."""

    conversation_id: str
    message_id: str
    role: str
    status: Status


def _header(db: sqlite3.Connection, conversation_id: str) -> tuple[str, float, str | None] | None:
    row = db.execute(
        "SELECT title, created_at, current_id FROM conversations WHERE id = ?", (conversation_id,)
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def _linked(db: sqlite3.Connection, conversation_id: str) -> bool:
    """Whether the conversation's messages name their parents (else: a plain sequence)."""
    row = db.execute(
        "SELECT 1 FROM messages WHERE conversation_id = ? AND parent_id IS NOT NULL LIMIT 1",
        (conversation_id,),
    ).fetchone()
    return row is not None


def _leaf(db: sqlite3.Connection, conversation_id: str, current_id: str | None) -> tuple[str, int]:
    """(id, position) of the path's last message: ``current_id``, or else the newest."""
    if current_id is not None:
        row = db.execute(
            "SELECT id, position FROM messages WHERE id = ? AND conversation_id = ?",
            (current_id, conversation_id),
        ).fetchone()
        if row is not None:
            return row[0], row[1]
    row = db.execute(
        "SELECT id, position FROM messages WHERE conversation_id = ?"
        " ORDER BY position DESC LIMIT 1",
        (conversation_id,),
    ).fetchone()
    return (row[0], row[1]) if row is not None else ("", -1)


def _walk_up(
    db: sqlite3.Connection, conversation_id: str, start_id: str, limit: int
) -> list[Message]:
    """Up to ``limit`` messages of the path ending at ``start_id``, oldest first.

    One lookup by id per message. (A recursive CTE does the same walk, but SQLite's
    planner may put a Bloom filter on its join, built by scanning every message: 0.1-0.2 s
    at 10^6 messages, against about 1 ms for this.)
    """
    out: list[Message] = []
    next_id: str | None = start_id
    while next_id is not None and len(out) < limit:
        row = db.execute(
            f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ? AND conversation_id = ?",
            (next_id, conversation_id),
        ).fetchone()
        if row is None:
            break
        message = message_from_row(row)
        out.append(message)
        next_id = message.parent_id
    out.reverse()
    return out


def _sequence_before(
    db: sqlite3.Connection, conversation_id: str, last_position: int, limit: int
) -> list[Message]:
    """Up to ``limit`` messages at or before ``last_position``, oldest first."""
    rows = db.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND position <= ?"
        " ORDER BY position DESC LIMIT ?",
        (conversation_id, last_position, limit),
    ).fetchall()
    return [message_from_row(r) for r in reversed(rows)]


def _siblings(
    db: sqlite3.Connection, conversation_id: str, messages: list[Message]
) -> dict[str, list[str]]:
    """For each message with variants or branches, the ids of all of them, oldest first.

    One query through the parent index: asked per parent, SQLite would rather walk the
    conversation in position order for each (0.8 ms each at 3,000 messages).
    """
    parents = {m.parent_id for m in messages if m.parent_id is not None}
    groups: dict[str | None, list[str]] = {}
    if parents:
        marks = ", ".join("?" * len(parents))
        rows = db.execute(
            "SELECT parent_id, id FROM messages INDEXED BY messages_by_parent"
            f" WHERE conversation_id = ? AND parent_id IN ({marks}) ORDER BY position",
            (conversation_id, *parents),
        ).fetchall()
        for parent, id_ in rows:
            groups.setdefault(parent, []).append(id_)
    if any(m.parent_id is None for m in messages):
        rows = db.execute(
            "SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS NULL"
            " ORDER BY position",
            (conversation_id,),
        ).fetchall()
        groups[None] = [r[0] for r in rows]
    return {
        m.id: groups[m.parent_id]
        for m in messages
        if m.parent_id in groups and len(groups[m.parent_id]) > 1
    }


def _page(
    db: sqlite3.Connection, conversation_id: str, before_id: str | None, limit: int
) -> PathPage | None:
    header = _header(db, conversation_id)
    if header is None:
        return None
    title, created_at, current_id = header
    page = PathPage(conversation_id, title, created_at, current_id)
    if limit <= 0:
        return page
    linked = _linked(db, conversation_id)
    if before_id is None:
        leaf_id, leaf_position = _leaf(db, conversation_id, current_id)
        if leaf_position < 0:
            return page
    else:
        row = db.execute(
            "SELECT parent_id, position FROM messages WHERE id = ? AND conversation_id = ?",
            (before_id, conversation_id),
        ).fetchone()
        if row is None:
            return None
        if linked and row[0] is None:
            return page
        leaf_id, leaf_position = row[0], row[1] - 1
    if linked:
        messages = _walk_up(db, conversation_id, leaf_id, limit + 1)
    else:
        messages = _sequence_before(db, conversation_id, leaf_position, limit + 1)
    has_more = len(messages) > limit
    if has_more:
        messages = messages[1:]
    siblings = _siblings(db, conversation_id, messages) if linked else {}
    return PathPage(conversation_id, title, created_at, current_id, messages, has_more, siblings)


def tail(db: sqlite3.Connection, conversation_id: str, limit: int) -> PathPage | None:
    """The last ``limit`` messages of the shown path; None if there is no such
    conversation."""
    return _page(db, conversation_id, None, limit)


def before(
    db: sqlite3.Connection, conversation_id: str, message_id: str, limit: int
) -> PathPage | None:
    """The ``limit`` messages of the shown path before ``message_id``; None if there is no
    such conversation or message."""
    return _page(db, conversation_id, message_id, limit)


def newest_path_end(db: sqlite3.Connection) -> PathEnd | None:
    """The end of the shown path of the most recently updated conversation (not in the
    trash), or None if there is none or it is empty."""
    row = db.execute(
        "SELECT id, current_id FROM conversations WHERE deleted_at IS NULL"
        " ORDER BY updated_at DESC, seq DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    conversation_id, current_id = row
    leaf_id, position = _leaf(db, conversation_id, current_id)
    if position < 0:
        return None
    role, status = db.execute(
        "SELECT role, status FROM messages WHERE id = ?", (leaf_id,)
    ).fetchone()
    return PathEnd(conversation_id, leaf_id, role, Status(status))

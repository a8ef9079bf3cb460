"""Full-text search over titles and messages (SQLite FTS5), and keeping its index usable.

The index is derived data: every word in it can be computed again from the messages. So a
damaged index (a shadow table lost, "vtable constructor failed: messages_fts", or pages of
it malformed) never locks anyone out of their conversations: ``check()`` notices it when the
store opens and ``repair()`` rebuilds it; if even that fails, search is switched off (its
triggers dropped, so saving still works) with a note that says why.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from desktop_chat.core import migrations
from desktop_chat.core.i18n import translate

# Around each match in SearchHit.snippet; private-use characters, never in real text.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
_ELLIPSIS = "…"
_SNIPPET_TOKENS = 16

_PROBE = '"desktopchatindexprobe"'


@dataclass(frozen=True)
class SearchHit:
    """A search result: a message, or a conversation title when ``message_id`` is None.

    ``snippet`` is plain text with each match between ``MATCH_START`` and ``MATCH_END``.
    """

    conversation_id: str
    conversation_title: str
    message_id: str | None
    role: str | None
    snippet: str

    def spans(self) -> list[tuple[str, bool]]:
        """``snippet`` as ``(text, is_match)`` pieces."""
        out: list[tuple[str, bool]] = []
        for i, part in enumerate(self.snippet.split(MATCH_START)):
            if i == 0:
                if part:
                    out.append((part, False))
                continue
            match, _, rest = part.partition(MATCH_END)
            if match:
                out.append((match, True))
            if rest:
                out.append((rest, False))
        return out

    def snippet_html(self, tag: str = "b") -> str:
        """``snippet`` as escaped HTML with each match in ``<tag>``."""
        return "".join(
            f"<{tag}>{html.escape(text)}</{tag}>" if is_match else html.escape(text)
            for text, is_match in self.spans()
        )


def fts_query(text: str) -> str | None:
    """Turn what the user typed into a safe FTS5 query; None if there is nothing to find.

    Every word becomes a quoted string (so ``"``, ``*``, ``AND``, ``(``, ``:`` are plain
    text) and all must match. The last word is a prefix unless followed by a space, so
    results follow the user as they type; but not a single letter, which would match most
    of the index and take a third of a second on a large one.
    """
    # NUL ends a string for SQLite, and control characters (and lone surrogates, which
    # SQLite cannot hold) are no part of a word.
    text = "".join(
        ch if (ch.isprintable() or ch.isspace()) and not 0xD800 <= ord(ch) <= 0xDFFF else " "
        for ch in text
    )
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if not text[-1:].isspace() and sum(ch.isalnum() for ch in words[-1]) >= 2:
        quoted[-1] += "*"
    return " ".join(quoted)


def search(db: sqlite3.Connection, query: str, limit: int) -> list[SearchHit]:
    """Title hits (at most a fifth of ``limit``), then message hits, newest first; see
    ``Store.search``. ``db`` is in a read transaction."""
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    titles = db.execute(
        """
        SELECT c.id, c.title, highlight(conversations_fts, 0, ?, ?)
        FROM conversations_fts AS f JOIN conversations AS c ON c.seq = f.rowid
        WHERE conversations_fts MATCH ? AND c.deleted_at IS NULL
        ORDER BY f.rowid DESC LIMIT ?
        """,
        (MATCH_START, MATCH_END, match, max(1, limit // 5)),
    ).fetchall()
    messages = db.execute(
        """
        SELECT c.id, c.title, m.id, m.role,
               snippet(messages_fts, -1, ?, ?, ?, ?)
        FROM messages_fts AS f
        JOIN messages AS m ON m.seq = f.rowid
        JOIN conversations AS c ON c.id = m.conversation_id
        WHERE messages_fts MATCH ? AND c.deleted_at IS NULL
        ORDER BY f.rowid DESC LIMIT ?
        """,
        (MATCH_START, MATCH_END, _ELLIPSIS, _SNIPPET_TOKENS, match, limit - len(titles)),
    ).fetchall()
    return [SearchHit(cid, title, None, None, snip) for cid, title, snip in titles] + [
        SearchHit(*row) for row in messages
    ]


# -- keeping the index usable ---------------------------------------------------------------


def looks_like_index_fault(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` may come from the search index (rather than the messages)."""
    text = str(exc).lower()
    return "fts" in text or "vtable" in text or "malformed" in text


def check(db: sqlite3.Connection) -> sqlite3.Error | None:
    """A quick look at both indexes (they load, their structure reads); the fault, if any.

    Cheap enough for every start-up: one lookup of a word that is in no index.
    """
    try:
        for table in migrations.SEARCH_INDEX_TABLES:
            db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 1", (_PROBE,))
    except sqlite3.Error as exc:
        return exc
    return None


def deep_check(db: sqlite3.Connection) -> sqlite3.Error | None:
    """FTS5's own integrity check of both indexes (reads all of them); the fault, if any."""
    try:
        for table in migrations.SEARCH_INDEX_TABLES:
            db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
    except sqlite3.Error as exc:
        return exc
    return None


def repair(db: sqlite3.Connection) -> str | None:
    """Rebuild a damaged search index; return None if search works again, else a note
    saying that search is off and why (saving and reading conversations work either way).

    ``db`` is in autocommit mode and in no transaction. First the cheap way (FTS5's
    'rebuild' of the index from the messages); if the index cannot even load, it is
    dropped and made again; if that fails too, its triggers are dropped so that saving
    does not fail on it.
    """
    try:
        _in_transaction(db, _rebuild)
        if check(db) is None:
            return None
    except sqlite3.Error:
        pass
    try:
        _in_transaction(db, _recreate)
        if (fault := check(db)) is None:
            return None
        reason: sqlite3.Error = fault
    except sqlite3.Error as exc:
        reason = exc
    with suppress(sqlite3.Error):
        _in_transaction(db, _drop_triggers)
    return translate(
        "SearchIndex",
        "Search is off: its index is damaged and could not be rebuilt ({reason}). "
        "Your conversations are intact; search comes back when the index is rebuilt "
        "at the next start.",
    ).format(reason=reason)


def _in_transaction(db: sqlite3.Connection, action: Callable[[sqlite3.Connection], None]) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        action(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _rebuild(db: sqlite3.Connection) -> None:
    for table in migrations.SEARCH_INDEX_TABLES:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")


def _drop_triggers(db: sqlite3.Connection) -> None:
    for trigger in migrations.SEARCH_INDEX_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")


def _recreate(db: sqlite3.Connection) -> None:
    _drop_triggers(db)
    for table in migrations.SEARCH_INDEX_TABLES:
        try:
            db.execute(f"DROP TABLE IF EXISTS {table}")
        except sqlite3.Error:
            _forget_table(db, table)
        for shadow in ("data", "idx", "docsize", "config", "content"):
            db.execute(f"DROP TABLE IF EXISTS {table}_{shadow}")
    view_exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'message_text'"
    ).fetchone()
    for statement in migrations.SEARCH_INDEX:
        if view_exists and "CREATE VIEW message_text" in statement:
            continue
        db.execute(statement)


def _forget_table(db: sqlite3.Connection, table: str) -> None:
    """Take a virtual table that cannot load out of the schema (DROP TABLE needs it to
    load). Its shadow tables are ordinary tables, dropped after this. The schema version
    is raised so that every connection reads the schema again
    (https://www.sqlite.org/pragma.html#pragma_writable_schema)."""
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("DELETE FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    db.execute(f"PRAGMA schema_version = {int(version) + 1}")

"""Reading a whole conversation off the UI thread, after its end is on screen.

A conversation opens with the end of its path (``Store.load_tail``): the first paint does
not wait for the rest. The whole of it (every message, every variant) is what sending and
flipping variants need; it is read here, in a worker thread, through a read-only connection
of its own (an SQLite connection belongs to the thread that made it).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_chat.core.conversation import Conversation, PathEntry
from desktop_chat.core.i18n import translate
from desktop_chat.core.store_paging import PathPage
from desktop_chat.core.store_rows import MESSAGE_COLUMNS, message_from_row
from desktop_chat.core.turn import CannotAskError

WHOLE_AFTER_S = 0.15  # after the first paint: a worker would compete with it for the GIL
MAX_MESSAGES = 20_000
"""Longer conversations are not loaded whole (far beyond any model's context window: the
API would refuse them): they can be read and exported, not continued."""


@dataclass(frozen=True)
class TooLong:
    """The conversation has ``messages`` messages: more than :data:`MAX_MESSAGES`."""

    messages: int

    def __str__(self) -> str:
        return translate(
            "ConversationLoader",
            "This conversation has {messages:,} messages, more than any model can read "
            "back: it can be read and exported here, but not continued.",
        ).format(messages=self.messages)


def read_whole(
    path: Path, conversation_id: str, max_messages: int = MAX_MESSAGES
) -> Conversation | TooLong:
    """Every message of the conversation (run in a worker thread).

    Raises ``sqlite3.Error`` when the database cannot be read (the caller says so).
    """
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        db.execute("BEGIN")  # one snapshot for the count and the rows
        (count,) = db.execute(
            "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", (conversation_id,)
        ).fetchone()
        if count > max_messages:
            return TooLong(count)
        header = db.execute(
            "SELECT id, title, created_at, current_id FROM conversations WHERE id = ?",
            (conversation_id,),
        ).fetchone()
        if header is None:
            raise sqlite3.OperationalError(f"conversation {conversation_id} is gone")
        rows = db.execute(
            f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY position",
            (conversation_id,),
        ).fetchall()
    finally:
        db.close()
    return Conversation(
        id=header[0],
        title=header[1],
        created_at=header[2],
        messages=[message_from_row(r) for r in rows],
        current_id=header[3],
    )


def from_page(page: PathPage) -> Conversation:
    """The conversation as far as ``page`` (the end of its path) holds it: ``partial``."""
    return Conversation(
        id=page.conversation_id,
        title=page.title,
        created_at=page.created_at,
        messages=list(page.messages),
        current_id=page.current_id,
        sibling_ids=dict(page.siblings),
    )


def complete(shown: Conversation, whole: Conversation) -> list[PathEntry]:
    """Make ``shown`` (its path's end, loaded first) whole, in place, keeping what was added
    to it meanwhile (a question just sent) and the path it shows. Returns the entries of the
    path that come before what was shown."""
    first_shown = next((m.id for m in shown.path()), None)
    known = {m.id for m in whole.messages}
    added = [m for m in shown.messages if m.id not in known]
    shown.messages[:] = [*whole.messages, *added]
    shown.sibling_ids = None
    entries = shown.path_entries()
    older = next((i for i, e in enumerate(entries) if e.message.id == first_shown), 0)
    return entries[:older]


class WholeLoader:
    """Reads the rest of the conversation shown (opened with the end of its path) in a
    worker thread, then completes it; ``on_older`` gets what comes before what was shown."""

    def __init__(self, on_older: Callable[[Conversation, list[PathEntry]], None]) -> None:
        self._on_older = on_older
        self._loading: asyncio.Future[Conversation | TooLong] | None = None

    def start(self, shown: Conversation, path: Path) -> None:
        self.cancel()
        self._loading = asyncio.ensure_future(self._read(shown, path))
        self._loading.add_done_callback(lambda task: self._done(shown, task))

    def cancel(self) -> None:
        """Another conversation is shown (the thread finishes its read; it is dropped)."""
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None

    async def wait(self, shown: Conversation) -> None:
        """Until ``shown`` is whole; raises CannotAskError when it cannot be."""
        loading = self._loading
        if not shown.partial or loading is None:
            return
        try:
            whole = await asyncio.shield(loading)
        except sqlite3.Error as exc:
            raise CannotAskError(
                translate(
                    "ConversationLoader", "This conversation could not be read whole: {exc}"
                ).format(exc=exc)
            ) from exc
        if isinstance(whole, TooLong):
            raise CannotAskError(str(whole))

    @staticmethod
    async def _read(shown: Conversation, path: Path) -> Conversation | TooLong:
        await asyncio.sleep(WHOLE_AFTER_S)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, read_whole, path, shown.id)

    def _done(self, shown: Conversation, task: asyncio.Future[Conversation | TooLong]) -> None:
        if task.cancelled() or task.exception() is not None:
            return  # said when sending (``wait``)
        whole = task.result()
        if not isinstance(whole, TooLong):
            self._on_older(shown, complete(shown, whole))

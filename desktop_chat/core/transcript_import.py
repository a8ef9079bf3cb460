"""Importing a JSON transcript into the store, all of it or nothing.

Imported conversations never replace existing ones: an id already taken gets a new id, and
the result says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_chat.core.attachments import AttachmentError
from desktop_chat.core.conversation import Status, new_id
from desktop_chat.core.transcript_attachments import store_inline_attachments
from desktop_chat.core.transcript_fields import TranscriptError
from desktop_chat.core.transcript_parse import parse_json

if TYPE_CHECKING:
    from desktop_chat.core.store import Store


@dataclass(frozen=True)
class ImportedConversation:
    """One conversation imported; ``id`` differs from ``original_id`` if that was taken."""

    id: str
    original_id: str
    title: str
    message_count: int
    new_message_ids: int = 0  # messages whose id was taken, given a new one

    @property
    def renamed(self) -> bool:
        return self.id != self.original_id


@dataclass(frozen=True)
class ImportResult:
    conversations: list[ImportedConversation] = field(default_factory=list)

    @property
    def message_count(self) -> int:
        return sum(c.message_count for c in self.conversations)

    def notes(self) -> list[str]:
        """A sentence for each conversation that could not keep its ids."""
        out = []
        for c in self.conversations:
            if c.renamed:
                out.append(
                    f"Conversation {c.original_id} ({c.title!r}) already exists: "
                    f"imported as {c.id}; the existing one was not changed."
                )
            elif c.new_message_ids:
                out.append(
                    f"Conversation {c.id} ({c.title!r}): {c.new_message_ids} message id(s) "
                    "already in use were given new ids."
                )
        return out


def import_json(
    store: Store, data: bytes | str | Path, *, progress: Callable[[str], None] | None = None
) -> ImportResult:
    """Check and import a JSON transcript into ``store``, all of it or nothing.

    Never overwrites: a conversation (or message) whose id is taken, in the store or earlier
    in the same file, is imported under a new id. A reply saved mid-stream is imported as
    interrupted, since nothing is streaming it any more.

    ``progress`` is given a line such as "Saving messages: 20,000 of 1,000,000" every
    10,000 messages read and saved (never for a transcript of fewer).
    """

    def reading(done: int, total: int) -> None:
        if progress is not None:
            progress(f"Reading messages: {done:,} of {total:,}")

    conversations = parse_json(data, progress=reading)
    del data
    total = sum(len(c.messages) for c in conversations)

    def saving(done: int) -> None:
        if progress is not None and total >= 10_000:
            progress(f"Saving messages: {done:,} of {total:,}")

    taken_conversations = store.existing_conversation_ids([c.id for c in conversations])
    taken_messages = store.existing_message_ids([m.id for c in conversations for m in c.messages])
    imported = []
    for conv in conversations:
        original_id = conv.id
        if conv.id in taken_conversations:
            conv.id = new_id()
        taken_conversations.add(conv.id)
        new_message_ids = 0
        renamed: dict[str, str] = {}
        for m in conv.messages:
            if m.id in taken_messages:
                renamed[m.id] = m.id = new_id()
                new_message_ids += 1
            taken_messages.add(m.id)
            if m.status is Status.STREAMING:
                m.status = Status.INTERRUPTED
        for m in conv.messages:  # links follow renamed messages
            if m.parent_id in renamed:
                m.parent_id = renamed[m.parent_id]
        if conv.current_id in renamed:
            conv.current_id = renamed[conv.current_id]
        imported.append(
            ImportedConversation(
                conv.id, original_id, conv.title, len(conv.messages), new_message_ids
            )
        )
    try:  # the attachments' bytes first: the messages refer to them
        store_inline_attachments(store.path, conversations)
    except AttachmentError as exc:
        raise TranscriptError(str(exc)) from exc
    store.add_conversations(conversations, progress=saving)
    return ImportResult(imported)

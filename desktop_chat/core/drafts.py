"""The composer's unsent text, kept on disk so that a crash or a restart does not lose it.

One JSON file holds a draft per conversation (``""`` is the new, not yet saved chat)::

    {"version": 1, "drafts": {"<conversation id>": {"text": "...", "saved_at": 1700000000.0}}}

Each save replaces the file atomically (a temp file, fsync, ``os.replace``, fsync of the
folder), so a crash leaves the old file or the new one, never half of one. Saves are meant
to be called debounced while typing (every ~300 ms): a save of unchanged text costs nothing,
and the methods are thread-safe, so a very large draft can be saved from a worker thread.
A file that cannot be read is kept aside as ``drafts.json.bad-<time>`` and an empty set is
used, rather than failing the app's start.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

from desktop_chat.core.limits import MAX_DRAFT_BYTES, format_size, utf8_size
from desktop_chat.core.paths import data_dir
from desktop_chat.core.safe_files import keep_aside, write_atomically

log = logging.getLogger(__name__)

FILE_NAME = "drafts.json"
VERSION = 1
NEW_CHAT = ""
"""The key of the draft of a chat that has no conversation id yet."""


class DraftStore:
    """Drafts by conversation id, persisted to ``path`` (``data_dir()/drafts.json``).

    Args:
        path: the drafts file; its folder is created when needed.
        max_bytes: a draft larger than this (as UTF-8) is refused by :meth:`save`.
    """

    def __init__(self, path: Path | None = None, *, max_bytes: int = MAX_DRAFT_BYTES) -> None:
        self.path = path if path is not None else data_dir() / FILE_NAME
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._drafts: dict[str, dict[str, Any]] | None = None  # read on first use
        self.set_aside: Path | None = None  # where an unreadable file was moved, if one was

    # section: public API

    def load(self, conversation_id: str) -> str:
        """The draft of ``conversation_id``; ``""`` when there is none."""
        with self._lock:
            entry = self._all().get(conversation_id)
            return str(entry["text"]) if entry else ""

    def save(self, conversation_id: str, text: str) -> str | None:
        """Keep ``text`` as the draft of ``conversation_id``; empty text clears it.

        Returns None when saved (or unchanged), else why not, in words for the user: the
        draft is too large, or the file could not be written (the previous file stays).
        """
        if not text:
            return self.clear(conversation_id)
        size = utf8_size(text)
        if size > self.max_bytes:
            return (
                f"The draft is too large to keep ({format_size(size)}; the limit is "
                f"{format_size(self.max_bytes)}): it will be lost if the app closes."
            )
        with self._lock:
            drafts = self._all()
            entry = drafts.get(conversation_id)
            if entry is not None and entry["text"] == text:
                return None
            updated = {**drafts, conversation_id: {"text": text, "saved_at": time.time()}}
            return self._write(updated)

    def clear(self, conversation_id: str) -> str | None:
        """Forget the draft of ``conversation_id`` (it was sent, or erased).

        Returns None when done, else why the file could not be written.
        """
        with self._lock:
            drafts = self._all()
            if conversation_id not in drafts:
                return None
            updated = {k: v for k, v in drafts.items() if k != conversation_id}
            return self._write(updated)

    def conversation_ids(self) -> list[str]:
        """The conversations that have a draft."""
        with self._lock:
            return list(self._all())

    # section: the file

    def _all(self) -> dict[str, dict[str, Any]]:
        if self._drafts is None:
            self._drafts = self._read()
        return self._drafts

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("cannot read the drafts file %s: %s", self.path, exc)
            return {}
        try:
            return _parse(raw)
        except (ValueError, RecursionError) as exc:
            self._set_aside(str(exc))
            return {}

    def _set_aside(self, why: str) -> None:
        try:
            bad = keep_aside(self.path)
        except OSError as exc:
            log.warning("drafts file %s unreadable (%s) and not moved: %s", self.path, why, exc)
            return
        self.set_aside = bad
        log.warning("drafts file %s unreadable (%s); kept as %s", self.path, why, bad.name)

    def _write(self, drafts: dict[str, dict[str, Any]]) -> str | None:
        data = json.dumps(
            {"version": VERSION, "drafts": drafts}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8", "surrogatepass")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, data)
        except OSError as exc:
            log.warning("cannot save the drafts file %s: %s", self.path, exc)
            return f"The draft could not be saved: {exc.strerror or exc}."
        self._drafts = drafts
        return None


def _parse(raw: bytes) -> dict[str, dict[str, Any]]:
    """The drafts in a file's bytes; ValueError saying why when they cannot be read."""
    document = json.loads(raw.decode("utf-8", "surrogatepass"))  # ValueError subclasses
    if not isinstance(document, dict) or not isinstance(document.get("drafts"), dict):
        raise ValueError("not a drafts file")
    if document.get("version") != VERSION:
        raise ValueError(f"unknown version {document.get('version')!r}")
    drafts: dict[str, dict[str, Any]] = {}
    for key, entry in document["drafts"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise ValueError(f"the draft of {key!r} has no text")
        drafts[key] = {"text": entry["text"], "saved_at": entry.get("saved_at")}
    return drafts

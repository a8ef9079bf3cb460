"""The composer's unsent text, kept on disk so that a crash or a restart does not lose it.

One JSON file holds a draft per conversation (``""`` is the new, not yet saved chat)::

    {"version": 1, "drafts": {"<conversation id>": {"text": "...", "saved_at": 1700000000.0,
                                                     "attachments": [{"sha256": ...}, ...]}}}

A draft's attachments (the chips above the composer) are the ``source`` of each one's
reference block (``attachments.ref_block``): their bytes are blobs in the conversations
database, which keeps a blob a draft names (:func:`draft_blobs`).

Each save replaces the file atomically (a temp file, fsync, ``os.replace``, fsync of the
folder), so a crash leaves the old file or the new one, never half of one. Saves are meant
to be called debounced while typing (every ~300 ms): a save of unchanged text costs nothing,
and the methods are thread-safe, so a very large draft can be saved from a worker thread.
A file that cannot be read is kept aside as ``drafts.json.bad-<time>`` and an empty set is
used, rather than failing the app's start.

Several windows (or processes) may share one data folder, each with its own ``DraftStore``.
They merge rather than overwrite one another: a write takes an OS lock, reads the file
again if another writer changed it, and changes only the one draft it is about; and a
window writes a draft only when its own text differs from the one it last loaded or saved
for that conversation, so a window that merely shows a conversation never puts back an
older draft another window has replaced. Two windows typing in the same conversation: the
last one typed wins, which is what both of them see on reopening it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_chat.core.i18n import translate
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
        self._read_stamp: tuple[int, int, int] | None = None  # the file as last read/written
        # per conversation: the draft (text, attachments) last loaded or saved here
        self._known: dict[str, _Draft] = {}
        self.set_aside: Path | None = None  # where an unreadable file was moved, if one was

    # section: public API

    def load(self, conversation_id: str) -> str:
        """The draft of ``conversation_id``; ``""`` when there is none."""
        return self.load_draft(conversation_id)[0]

    def load_draft(self, conversation_id: str) -> tuple[str, list[dict[str, Any]]]:
        """The draft of ``conversation_id``: its text and its attachments' sources."""
        with self._lock:
            draft = _draft(self._fresh().get(conversation_id))
            self._known[conversation_id] = draft
            return draft[0], [json.loads(a) for a in draft[1]]

    def save(
        self,
        conversation_id: str,
        text: str,
        attachments: Sequence[dict[str, Any]] = (),
    ) -> str | None:
        """Keep ``text`` and ``attachments`` (sources of reference blocks) as the draft of
        ``conversation_id``; empty text and no attachments clear it.

        Returns None when saved (or unchanged), else why not, in words for the user: the
        draft is too large, or the file could not be written (the previous file stays).
        """
        if not text and not attachments:
            return self.clear(conversation_id)
        size = utf8_size(text)
        if size > self.max_bytes:
            return translate(
                "Drafts",
                "The draft is too large to keep ({format_size}; the limit is {format_size2}): it "
                "will be lost if the app closes.",
            ).format(format_size=format_size(size), format_size2=format_size(self.max_bytes))
        wanted: _Draft = (text, tuple(_canonical(a) for a in attachments))
        with self._lock:
            if self._known.get(conversation_id) == wanted:
                return None  # not changed here: nothing to write (nor to put back)
            with _FileLock(self.path):
                drafts = self._fresh()
                entry = drafts.get(conversation_id)
                if entry is not None and _draft(entry) == wanted:
                    self._known[conversation_id] = wanted
                    return None
                new: dict[str, Any] = {"text": text, "saved_at": time.time()}
                if attachments:
                    new["attachments"] = [json.loads(a) for a in wanted[1]]
                problem = self._write({**drafts, conversation_id: new})
            if problem is None:
                self._known[conversation_id] = wanted
            return problem

    def clear(self, conversation_id: str) -> str | None:
        """Forget the draft of ``conversation_id`` (it was sent, or erased).

        A draft another window saved since this one last loaded or saved it is left alone:
        it is not the text that was sent or erased here.

        Returns None when done, else why the file could not be written.
        """
        with self._lock:
            with _FileLock(self.path):
                drafts = self._fresh()
                entry = drafts.get(conversation_id)
                known = self._known.get(conversation_id)
                if entry is None or (known is not None and _draft(entry) != known):
                    self._known[conversation_id] = _EMPTY
                    return None
                updated = {k: v for k, v in drafts.items() if k != conversation_id}
                problem = self._write(updated)
            if problem is None:
                self._known[conversation_id] = _EMPTY
            return problem

    def conversation_ids(self) -> list[str]:
        """The conversations that have a draft."""
        with self._lock:
            return list(self._fresh())

    def blob_hashes(self) -> set[str]:
        """The sha256 of every attachment a draft holds (as the file says now)."""
        with self._lock:
            return {
                str(json.loads(a).get("sha256"))
                for entry in self._fresh().values()
                for a in _draft(entry)[1]
            }

    # section: the file

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _fresh(self) -> dict[str, dict[str, Any]]:
        """The drafts as on disk now: read again only if the file changed since."""
        stamp = self._stamp()
        if self._drafts is None or stamp != self._read_stamp:
            self._drafts = self._read()
            self._read_stamp = stamp
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
            return translate("Drafts", "The draft could not be saved: {value}.").format(
                value=exc.strerror or exc
            )
        self._drafts = drafts
        self._read_stamp = self._stamp()
        return None


_Draft = tuple[str, tuple[str, ...]]
"""A draft as compared: its text and its attachments, each as canonical JSON."""
_EMPTY: _Draft = ("", ())


def _canonical(source: dict[str, Any]) -> str:
    return json.dumps(source, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _draft(entry: dict[str, Any] | None) -> _Draft:
    if entry is None:
        return _EMPTY
    return str(entry["text"]), tuple(_canonical(a) for a in entry.get("attachments", ()))


def draft_blobs(folder: Path) -> set[str]:
    """The sha256 of the attachments the drafts in ``folder`` hold (the drafts file beside
    the conversations database): blobs that must not be freed as unused."""
    path = folder / FILE_NAME
    if not path.exists():
        return set()
    return DraftStore(path).blob_hashes()


class _FileLock:
    """An exclusive OS lock between the processes sharing a drafts file, held while one
    reads, changes and writes it. On POSIX the lock is on the file's folder (no lock file
    is left beside the drafts); on Windows on ``.drafts.json.lock``. If no lock can be
    had (a folder that cannot be opened), writing goes ahead unlocked: merging is a
    nicety, never a reason to lose a draft."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None

    def __enter__(self) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            if sys.platform == "win32":
                import msvcrt

                lock_path = self._path.with_name(f".{self._path.name}.lock")
                self._fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
                msvcrt.locking(self._fd, msvcrt.LK_LOCK, 1)
            else:
                import fcntl

                self._fd = os.open(self._path.parent, os.O_RDONLY)
                fcntl.flock(self._fd, fcntl.LOCK_EX)
        except OSError as exc:
            log.warning("cannot lock the drafts file %s: %s", self._path, exc)
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
        os.close(self._fd)  # on POSIX, closing releases the flock
        self._fd = None


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
        kept: dict[str, Any] = {"text": entry["text"], "saved_at": entry.get("saved_at")}
        attachments = entry.get("attachments", [])
        if not isinstance(attachments, list) or not all(
            isinstance(a, dict) and isinstance(a.get("sha256"), str) for a in attachments
        ):
            raise ValueError(f"the draft of {key!r} has damaged attachments")
        if attachments:
            kept["attachments"] = attachments
        drafts[key] = kept
    return drafts

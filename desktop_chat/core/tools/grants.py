"""Standing permissions to run a tool without asking, kept in ``mcp-grants.json``.

A grant names a server and one of its tools, and either covers every conversation
("always allow this tool") or one conversation ("allow for this conversation"). Both kinds
are written to the config folder at once, so they survive a restart, and can be listed and
revoked. A file that cannot be read is kept aside (never lost) and no grant is assumed: the
safe failure is to ask again.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop_chat.core.paths import config_dir
from desktop_chat.core.safe_files import keep_aside_saying, write_atomically

GRANTS_NAME = "mcp-grants.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Grant:
    """Permission to run ``tool`` of ``server`` without asking.

    ``conversation_id`` is None for "always", else the one conversation it covers.
    """

    server: str
    tool: str
    conversation_id: str | None = None
    granted_at: float = 0.0

    @property
    def always(self) -> bool:
        return self.conversation_id is None


class Grants:
    """The grants on disk; every change is written at once (atomically)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = config_dir() / GRANTS_NAME if path is None else path
        self.problems: list[str] = []
        self._grants: list[Grant] = self._load()

    def _load(self) -> list[Grant]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return [
                Grant(
                    str(g["server"]),
                    str(g["tool"]),
                    None if g.get("conversation_id") is None else str(g["conversation_id"]),
                    float(g.get("granted_at", 0.0)),
                )
                for g in raw["grants"]
            ]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self.problems = keep_aside_saying(
                self.path, f"The tool permissions in {self.path} could not be read ({exc})."
            )
            log.warning("%s", " ".join(self.problems))
            return []

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"grants": [asdict(g) for g in self._grants]}
        write_atomically(self.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")

    def list(self) -> list[Grant]:
        """Every grant, oldest first."""
        return list(self._grants)

    def covers(self, server: str, tool: str, conversation_id: str) -> Grant | None:
        """The grant that lets this call run without asking, if any."""
        for grant in self._grants:
            if (grant.server, grant.tool) == (server, tool) and grant.conversation_id in (
                None,
                conversation_id,
            ):
                return grant
        return None

    def grant(self, server: str, tool: str, conversation_id: str | None = None) -> Grant:
        """Add a grant (``conversation_id`` None: always) and write it. Raises OSError."""
        existing = next(
            (
                g
                for g in self._grants
                if (g.server, g.tool, g.conversation_id) == (server, tool, conversation_id)
            ),
            None,
        )
        if existing is not None:
            return existing
        new = Grant(server, tool, conversation_id, time.time())
        self._grants.append(new)
        self._save()
        return new

    def revoke(self, grant: Grant) -> bool:
        """Remove one grant and write the rest; whether it was there. Raises OSError."""
        key = (grant.server, grant.tool, grant.conversation_id)
        kept = [g for g in self._grants if (g.server, g.tool, g.conversation_id) != key]
        found = len(kept) != len(self._grants)
        if found:
            self._grants = kept
            self._save()
        return found

    def revoke_conversation(self, conversation_id: str) -> int:
        """Remove the grants of one conversation (deleted for good); how many."""
        kept = [g for g in self._grants if g.conversation_id != conversation_id]
        removed = len(self._grants) - len(kept)
        if removed:
            self._grants = kept
            self._save()
        return removed

    def revoke_server(self, server: str) -> int:
        """Remove every grant of one server (removed from the config); how many."""
        kept = [g for g in self._grants if g.server != server]
        removed = len(self._grants) - len(kept)
        if removed:
            self._grants = kept
            self._save()
        return removed

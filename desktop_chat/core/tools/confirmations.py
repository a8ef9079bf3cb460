"""Command lines the user has seen and confirmed, kept in ``mcp-confirmed.json``.

A stdio server runs a program on this machine, so its command line is shown once and must be
confirmed before it first runs. What is confirmed is the exact command, arguments and
environment entries (secrets as their ``keychain:`` names): change any of them and it is new
again. A file that cannot be read is kept aside and nothing counts as confirmed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path

from desktop_chat.core.paths import config_dir
from desktop_chat.core.safe_files import keep_aside_saying, write_atomically
from desktop_chat.core.tools.config import ServerConfig

CONFIRMED_NAME = "mcp-confirmed.json"

log = logging.getLogger(__name__)


def fingerprint(server: ServerConfig) -> str:
    """What identifies a server's command line: command, arguments, environment."""
    what = {
        "name": server.name,
        "command": server.command,
        "args": list(server.args),
        "env": dict(sorted(server.env.items())),
        "url": server.url,
    }
    return hashlib.sha256(json.dumps(what, sort_keys=True).encode()).hexdigest()


class Confirmations:
    """The confirmed command lines on disk."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = config_dir() / CONFIRMED_NAME if path is None else path
        self.problems: list[str] = []
        self._records: dict[str, dict[str, object]] = self._load()

    def _load(self) -> dict[str, dict[str, object]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(r["fingerprint"]): dict(r) for r in raw["confirmed"]}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self.problems = keep_aside_saying(
                self.path, f"The confirmed MCP commands in {self.path} could not be read ({exc})."
            )
            log.warning("%s", " ".join(self.problems))
            return {}

    def is_confirmed(self, server: ServerConfig) -> bool:
        """Whether this exact command line was confirmed (HTTP servers need no confirming)."""
        return server.transport == "http" or fingerprint(server) in self._records

    def confirm(self, server: ServerConfig) -> None:
        """Record that the user confirmed this command line. Raises OSError."""
        self._records[fingerprint(server)] = {
            "fingerprint": fingerprint(server),
            "server": server.name,
            "command_line": server.command_line,
            "confirmed_at": time.time(),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"confirmed": list(self._records.values())}
        write_atomically(self.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")

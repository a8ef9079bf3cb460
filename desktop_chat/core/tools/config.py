"""The MCP servers the user configured: ``mcp.json`` in the config folder.

The format is the one users already have (Claude Desktop and most clients)::

    {"mcpServers": {"time": {"command": "uvx", "args": ["mcp-server-time"], "env": {}},
                    "docs": {"url": "https://example.com/mcp", "headers": {"Authorization": "…"}}}}

Each entry is checked on its own: a bad one is refused with its name, field and reason while
the others load. Unknown fields are kept as they are when the file is written again. A value
in ``env`` or ``headers`` written ``"keychain:NAME"`` is a secret kept in the OS keychain (see
``credentials.mcp_secret``) and read only when the server starts. ``"disabled": true`` keeps
an entry without starting it.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from desktop_chat.core.i18n import translate
from desktop_chat.core.paths import config_dir
from desktop_chat.core.safe_files import keep_aside, write_atomically

CONFIG_NAME = "mcp.json"
KEYCHAIN_PREFIX = "keychain:"
MAX_NAME_LENGTH = 64

Transport = Literal["stdio", "http"]

_STDIO_TYPES = ("stdio",)
_HTTP_TYPES = ("http", "streamable-http", "streamable_http", "streamableHttp")


def config_path() -> Path:
    """Where our ``mcp.json`` lives."""
    return config_dir() / CONFIG_NAME


def claude_desktop_config_path() -> Path:
    """Where Claude Desktop keeps its config on this platform (it may not exist)."""
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "Claude" / "claude_desktop_config.json"


@dataclass(frozen=True)
class ConfigProblem:
    """Why an entry (or the whole file, when ``server`` is None) was refused."""

    server: str | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        if self.server is None:
            return self.reason
        if self.field:
            return translate("Config", 'MCP server "{server}", field "{field}": {reason}').format(
                server=self.server, field=self.field, reason=self.reason
            )
        return translate("Config", 'MCP server "{server}": {reason}').format(
            server=self.server, reason=self.reason
        )


@dataclass(frozen=True)
class ServerConfig:
    """One checked server entry: a command to run (stdio) or a URL (streamable HTTP)."""

    name: str
    command: str | None = None
    args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    url: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    disabled: bool = False

    @property
    def transport(self) -> Transport:
        return "stdio" if self.command is not None else "http"

    @property
    def command_line(self) -> str:
        """The command and its arguments as a shell would show them (or the URL)."""
        if self.command is None:
            return str(self.url)
        return shlex.join([self.command, *self.args])

    def secret_names(self) -> list[str]:
        """The keychain names its ``env`` and ``headers`` refer to."""
        values = [*self.env.values(), *self.headers.values()]
        return [v[len(KEYCHAIN_PREFIX) :] for v in values if v.startswith(KEYCHAIN_PREFIX)]


@dataclass
class McpConfig:
    """What ``mcp.json`` holds: the entries that loaded, and the problems of the others."""

    path: Path
    servers: list[ServerConfig] = field(default_factory=list)
    problems: list[ConfigProblem] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    readable: bool = True  # False: the file is not JSON; writing it keeps it aside first

    def server(self, name: str) -> ServerConfig | None:
        return next((s for s in self.servers if s.name == name), None)


# section: checking entries


def _text_map(value: object, name: str, field_name: str) -> tuple[dict[str, str], list[Any]]:
    if value is None:
        return {}, []
    if not isinstance(value, dict):
        return {}, [
            ConfigProblem(
                name, field_name, translate("Config", "must be an object of names to text values")
            )
        ]
    problems: list[ConfigProblem] = []
    checked: dict[str, str] = {}
    for key, item in value.items():
        where = f"{field_name}.{key}"
        if not isinstance(item, str):
            problems.append(
                ConfigProblem(
                    name, where, translate("Config", "must be text (put numbers in quotes)")
                )
            )
        elif item.startswith(KEYCHAIN_PREFIX) and not item[len(KEYCHAIN_PREFIX) :].strip():
            problems.append(
                ConfigProblem(name, where, translate("Config", '"keychain:" needs a name after it'))
            )
        else:
            checked[str(key)] = item
    return checked, problems


def _check_name(name: object) -> ConfigProblem | None:
    if not isinstance(name, str) or not name.strip():
        return ConfigProblem(
            str(name), None, translate("Config", "the server needs a non-empty name")
        )
    if len(name) > MAX_NAME_LENGTH:
        return ConfigProblem(
            name,
            None,
            translate("Config", "the name is longer than {MAX_NAME_LENGTH} characters").format(
                MAX_NAME_LENGTH=MAX_NAME_LENGTH
            ),
        )
    if any(ord(c) < 0x20 for c in name):
        return ConfigProblem(
            name, None, translate("Config", "the name contains control characters")
        )
    return None


def _check_url(name: str, url: object) -> ConfigProblem | None:
    if not isinstance(url, str) or not url.strip():
        return ConfigProblem(name, "url", translate("Config", "must be a non-empty text"))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ConfigProblem(
            name, "url", translate("Config", "must be an http:// or https:// address")
        )
    return None


def parse_entry(name: str, entry: object) -> ServerConfig | list[ConfigProblem]:
    """Check one ``mcpServers`` entry; the server, or every problem found."""
    problem = _check_name(name)
    if problem:
        return [problem]
    if not isinstance(entry, dict):
        return [
            ConfigProblem(name, None, translate("Config", "the entry must be an object ({...})"))
        ]
    kind = entry.get("type")
    if kind is not None and kind not in (*_STDIO_TYPES, *_HTTP_TYPES):
        reason = translate(
            "Config", '"{kind}" is not a transport this app speaks (use "stdio" or "http")'
        ).format(kind=kind)
        if kind == "sse":
            reason = translate(
                "Config",
                "the old SSE transport is not supported; use the server's streamable-HTTP URL",
            )
        return [ConfigProblem(name, "type", reason)]
    command, url = entry.get("command"), entry.get("url")
    if command is not None and url is not None:
        return [
            ConfigProblem(
                name, "url", translate("Config", "an entry has a command or a url, not both")
            )
        ]
    if command is None and url is None:
        return [
            ConfigProblem(
                name,
                "command",
                translate("Config", "missing: give a command (stdio) or a url (HTTP)"),
            )
        ]
    problems: list[ConfigProblem] = []
    disabled = entry.get("disabled", False)
    if not isinstance(disabled, bool):
        problems.append(
            ConfigProblem(name, "disabled", translate("Config", "must be true or false"))
        )
    if command is not None:
        if not isinstance(command, str) or not command.strip():
            problems.append(
                ConfigProblem(name, "command", translate("Config", "must be a non-empty text"))
            )
        args = entry.get("args", [])
        if not isinstance(args, list):
            problems.append(
                ConfigProblem(name, "args", translate("Config", "must be a list of texts"))
            )
            args = []
        for i, arg in enumerate(args):
            if not isinstance(arg, str):
                problems.append(ConfigProblem(name, f"args[{i}]", "must be text"))
        env, env_problems = _text_map(entry.get("env"), name, "env")
        problems += env_problems
        if problems:
            return problems
        return ServerConfig(name, str(command), tuple(args), env, disabled=bool(disabled))
    url_problem = _check_url(name, url)
    if url_problem:
        problems.append(url_problem)
    headers, header_problems = _text_map(entry.get("headers"), name, "headers")
    problems += header_problems
    if problems:
        return problems
    return ServerConfig(name, url=str(url), headers=headers, disabled=bool(disabled))


def parse_config(raw: object, path: Path) -> McpConfig:
    """Check a parsed ``mcp.json`` (or Claude Desktop config) entry by entry."""
    config = McpConfig(path, raw=raw if isinstance(raw, dict) else {})
    if not isinstance(raw, dict):
        config.problems.append(
            ConfigProblem(
                None,
                None,
                translate("Config", "{path}: the file must hold an object").format(path=path),
            )
        )
        config.readable = False
        return config
    servers = raw.get("mcpServers", {})
    if not isinstance(servers, dict):
        config.problems.append(
            ConfigProblem(
                None,
                "mcpServers",
                translate("Config", '{path}: "mcpServers" must be an object').format(path=path),
            )
        )
        return config
    for name, entry in servers.items():
        checked = parse_entry(name, entry)
        if isinstance(checked, ServerConfig):
            config.servers.append(checked)
        else:
            config.problems.extend(checked)
    return config


def load_config(path: Path | None = None) -> McpConfig:
    """Read ``mcp.json`` (ours by default); a missing file is an empty config.

    Never raises: a file that cannot be read or is not JSON loads no server and says why,
    with the line and column of a syntax error.
    """
    path = config_path() if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return McpConfig(path)
    except (OSError, UnicodeDecodeError) as exc:
        problem = ConfigProblem(
            None,
            None,
            translate("Config", "{path} could not be read: {exc}").format(path=path, exc=exc),
        )
        return McpConfig(path, problems=[problem], readable=False)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = translate(
            "Config",
            "{path} is not valid JSON (line {lineno}, column {colno}: {msg}); no MCP server was "
            "loaded from it",
        ).format(path=path, lineno=exc.lineno, colno=exc.colno, msg=exc.msg)
        return McpConfig(path, problems=[ConfigProblem(None, None, reason)], readable=False)
    return parse_config(raw, path)


# section: writing


def save_raw(config: McpConfig) -> Path | None:
    """Write ``config.raw`` to its file, atomically; a file that was not JSON is kept aside
    first (its new name is returned). Raises OSError."""
    kept = None
    if not config.readable and config.path.exists():
        kept = keep_aside(config.path)
    config.path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(config.path, json.dumps(config.raw, indent=2, ensure_ascii=False) + "\n")
    config.readable = True
    return kept


def _entries(config: McpConfig) -> dict[str, Any]:
    if not isinstance(config.raw.get("mcpServers"), dict):
        config.raw["mcpServers"] = {}
    entries: dict[str, Any] = config.raw["mcpServers"]
    return entries


def put_server(config: McpConfig, name: str, entry: Mapping[str, Any]) -> list[ConfigProblem]:
    """Add or replace one entry in ``config`` (not yet written); its problems, if refused."""
    checked = parse_entry(name, dict(entry))
    if not isinstance(checked, ServerConfig):
        return checked
    _entries(config)[name] = dict(entry)
    config.servers = [s for s in config.servers if s.name != name] + [checked]
    config.problems = [p for p in config.problems if p.server != name]
    return []


def remove_server(config: McpConfig, name: str) -> bool:
    """Remove one entry from ``config`` (not yet written); whether it was there."""
    found = _entries(config).pop(name, None) is not None
    config.servers = [s for s in config.servers if s.name != name]
    return found


def set_disabled(config: McpConfig, name: str, disabled: bool) -> None:
    """Turn an entry off or on (``"disabled"``), keeping the rest of it."""
    entry = _entries(config).get(name)
    if not isinstance(entry, dict):
        raise KeyError(name)
    entry["disabled"] = disabled
    put_server(config, name, entry)


@dataclass
class ImportReport:
    """What ``import_servers`` did, in lists of server names and problems."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already there, different: not replaced
    unchanged: list[str] = field(default_factory=list)
    problems: list[ConfigProblem] = field(default_factory=list)
    kept_aside: Path | None = None


def import_servers(source: Path, *, replace: bool = False) -> ImportReport:
    """Copy the good entries of another client's config (e.g. Claude Desktop's) into ours.

    An entry whose name we already have is left alone unless ``replace``. Bad entries are
    reported and not copied. Raises OSError when our file cannot be written; a source that
    cannot be read is a problem in the report.
    """
    report = ImportReport()
    theirs = load_config(source)
    report.problems = list(theirs.problems)
    ours = load_config()
    entries = _entries(ours)
    for server in theirs.servers:
        entry = theirs.raw["mcpServers"][server.name]
        if server.name in entries:
            if entries[server.name] == entry:
                report.unchanged.append(server.name)
                continue
            if not replace:
                report.skipped.append(server.name)
                continue
            report.replaced.append(server.name)
        else:
            report.added.append(server.name)
        put_server(ours, server.name, entry)
    if report.added or report.replaced:
        report.kept_aside = save_raw(ours)  # ours, if it was not JSON, is kept aside first
    elif not ours.readable and ours.path.exists():
        report.problems.append(ConfigProblem(None, None, ours.problems[0].reason))
    return report

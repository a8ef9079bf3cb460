"""``desktop-chat mcp …``: the MCP servers' configuration, from the command line, no window.

    desktop-chat mcp list                  the servers, whether their command is confirmed,
                                           and every refused entry with its reason
    desktop-chat mcp import [PATH]         copy the servers of another client's config
                                           (Claude Desktop's by default) into ours
    desktop-chat mcp tools [NAME…]         start the servers (asking to confirm new command
                                           lines), list their tools or why they failed, stop
    desktop-chat mcp secret set NAME       keep a secret in the keychain, for "keychain:NAME"
    desktop-chat mcp secret clear NAME
    desktop-chat mcp grants                the tools allowed to run without asking
    desktop-chat mcp revoke SERVER TOOL    take such a permission back

Exit codes: 0 done, 1 failed (or entries were refused), 2 bad usage. Secrets are never shown:
``env`` and ``headers`` are listed by name only.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import getpass
import sys
from pathlib import Path

from desktop_chat.core import credentials, redaction
from desktop_chat.core.tools.config import (
    KEYCHAIN_PREFIX,
    ServerConfig,
    claude_desktop_config_path,
    import_servers,
    load_config,
)
from desktop_chat.core.tools.confirmations import Confirmations
from desktop_chat.core.tools.grants import Grants

OK, FAILED, USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-chat mcp", description="Manage the MCP servers whose tools Claude can use."
    )
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help="list the configured servers and any refused entries")
    imp = sub.add_parser("import", help="import servers from another client's config file")
    imp.add_argument("path", nargs="?", help="default: Claude Desktop's config on this system")
    imp.add_argument("--replace", action="store_true", help="replace servers of the same name")
    tools = sub.add_parser("tools", help="start the servers, list their tools, stop them")
    tools.add_argument("names", nargs="*", help="only these servers (default: all enabled)")
    tools.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each")
    secret = sub.add_parser("secret", help="keep a server's secret in the keychain")
    secret.add_argument("secret_action", choices=["set", "clear"])
    secret.add_argument("name", help='the NAME of a "keychain:NAME" value')
    sub.add_parser("grants", help="list the tools allowed to run without asking")
    revoke = sub.add_parser("revoke", help="take back a permission to run without asking")
    revoke.add_argument("server")
    revoke.add_argument("tool")
    revoke.add_argument("--conversation", help="the conversation id of a one-conversation grant")
    return parser


def run(argv: list[str]) -> int:
    """Run ``mcp`` with ``argv`` (without the word ``mcp``); returns the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else USAGE
    try:
        if args.action == "list":
            return _list()
        if args.action == "import":
            return _import(Path(args.path) if args.path else claude_desktop_config_path(), args)
        if args.action == "tools":
            return asyncio.run(_tools(args.names, args.timeout))
        if args.action == "secret":
            return _secret(args.secret_action, args.name)
        if args.action == "grants":
            return _grants()
        return _revoke(args.server, args.tool, args.conversation)
    except credentials.KeychainUnavailable as exc:
        return _fail(f"No usable keychain: {exc.reason}.")
    except (KeyboardInterrupt, EOFError):
        return _fail("Cancelled.")
    except OSError as exc:
        return _fail(f"Failed: {exc}")


def _say(text: str) -> None:
    print(redaction.redact(text))


def _fail(text: str, code: int = FAILED) -> int:
    print(redaction.redact(text), file=sys.stderr)
    return code


def _names(values: dict[str, str]) -> str:
    return ", ".join(
        f"{key} ({value})" if value.startswith(KEYCHAIN_PREFIX) else key
        for key, value in values.items()
    )


def _describe(server: ServerConfig, confirmations: Confirmations) -> list[str]:
    if server.disabled:
        state = "turned off"
    elif server.transport == "http" or confirmations.is_confirmed(server):
        state = "ready to start"
    else:
        state = "asks you to confirm its command line before it first runs"
    lines = [f"{server.name}  [{server.transport}]  {server.command_line}", f"    {state}"]
    if server.env:
        lines.append(f"    env: {_names(dict(server.env))}")
    if server.headers:
        lines.append(f"    headers: {_names(dict(server.headers))}")
    return lines


def _list() -> int:
    config = load_config()
    if not config.servers and not config.problems:
        _say(f"No MCP servers are configured ({config.path} does not list any).")
        _say("Import Claude Desktop's with: desktop-chat mcp import")
        return OK
    _say(f"MCP servers in {config.path}:")
    confirmations = Confirmations()
    for server in config.servers:
        for line in _describe(server, confirmations):
            _say(f"  {line}")
    if config.problems:
        _say("Refused:")
        for problem in config.problems:
            _say(f"  {problem}")
        return FAILED
    return OK


def _import(source: Path, args: argparse.Namespace) -> int:
    if not source.exists():
        return _fail(f"There is no file {source} to import from.")
    report = import_servers(source, replace=args.replace)
    for label, names in (
        ("Added", report.added),
        ("Replaced", report.replaced),
        ("Already there", report.unchanged),
    ):
        if names:
            _say(f"{label}: {', '.join(names)}")
    if report.skipped:
        _say(
            f"Not imported (a different server of the same name is configured; use --replace):"
            f" {', '.join(report.skipped)}"
        )
    if report.kept_aside is not None:
        _say(f"Our old config was not valid JSON; it was kept as {report.kept_aside}.")
    for problem in report.problems:
        _say(f"Refused: {problem}")
    if report.added or report.replaced:
        _say("Each new command line will be shown for you to confirm before it first runs.")
    elif not report.problems and not report.unchanged:
        _say(f"{source} lists no MCP servers.")
    return FAILED if report.problems else OK


async def _ask(asking: asyncio.Lock, server: ServerConfig) -> bool:
    """Show a new command line on the terminal and ask to confirm it, one at a time."""
    async with asking:
        _say(f'The MCP server "{server.name}" would run: {server.command_line}')
        if sys.stdin is None:
            return False
        if sys.stdin.isatty():
            line = await asyncio.to_thread(input, "Run it? [y/N] ")
        else:
            line = sys.stdin.readline()
        return line.strip().lower() in ("y", "yes")


async def _tools(names: list[str], timeout: float) -> int:
    from desktop_chat.core.tools.manager import ServerManager  # loads the mcp SDK
    from desktop_chat.core.tools.servers import ServerState

    config = load_config()
    for problem in config.problems:
        _say(f"Refused: {problem}")
    unknown = [n for n in names if config.server(n) is None]
    if unknown:
        return _fail(f"Not configured: {', '.join(unknown)}.", USAGE)
    chosen = [s for s in config.servers if (s.name in names if names else not s.disabled)]
    manager = ServerManager(
        chosen, confirm=functools.partial(_ask, asyncio.Lock()), start_timeout=timeout
    )
    manager.start_all()
    try:
        await manager.wait_ready(timeout * 2 + 60)
        statuses = manager.statuses()
    finally:
        await manager.stop_all()
    for status in statuses:
        if status.state is ServerState.READY:
            _say(f"{status.name}: {len(status.tools)} tools")
            for tool in status.tools:
                marks = [w for w, on in (("read-only", tool.read_only),
                                         ("destructive", tool.destructive)) if on]  # fmt: skip
                extra = f" [{', '.join(marks)}]" if marks else ""
                summary = tool.description.strip().splitlines()[0] if tool.description else ""
                _say(f"  {tool.name}{extra}: {summary}")
        else:
            _say(f"{status.name}: {status.state}. {status.message}")
            if status.last_words:
                _say(f"  its last words: {status.last_words}")
    failed = any(s.state is not ServerState.READY for s in statuses)
    return FAILED if failed or config.problems else OK


def _secret(action: str, name: str) -> int:
    if action == "clear":
        removed = credentials.clear_mcp_secret(name)
        _say(f'Removed the secret "{name}".' if removed else f'There was no secret "{name}".')
        return OK
    if sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(f'Secret "{name}" (not shown): ').strip()
    else:
        value = sys.stdin.read().strip() if sys.stdin is not None else ""
    if not value:
        return _fail("Not saved: the secret is empty.", USAGE)
    where = credentials.store_mcp_secret(name, value)
    _say(f'Saved the secret "{name}" in {where}; write "{KEYCHAIN_PREFIX}{name}" in mcp.json.')
    return OK


def _grants() -> int:
    grants = Grants().list()
    if not grants:
        _say("No tool may run without asking.")
        return OK
    for grant in grants:
        scope = "always" if grant.always else f"in conversation {grant.conversation_id}"
        _say(f"{grant.server} {grant.tool}: {scope}")
    return OK


def _revoke(server: str, tool: str, conversation: str | None) -> int:
    grants = Grants()
    found = [
        g
        for g in grants.list()
        if (g.server, g.tool) == (server, tool) and g.conversation_id == conversation
    ]
    if not found:
        return _fail(f"No such permission for {tool} of {server}.")
    for grant in found:
        grants.revoke(grant)
    _say(f"{tool} of {server} will ask again.")
    return OK

"""Command-line subcommands (``desktop-chat export …``, ``desktop-chat key …``): no window.

Each subcommand is a module here with ``def run(argv: list[str]) -> int``; ``SUBCOMMANDS``
maps the first command-line word to that module's dotted name (or ``"module:function"`` when
one module serves several subcommands), imported only when used so that starting the window
pays for none of them.
"""

from __future__ import annotations

import importlib

SUBCOMMANDS: dict[str, str] = {
    "key": "desktop_chat.commands.key",
    "export": "desktop_chat.commands.transcripts:run_export",
    "import": "desktop_chat.commands.transcripts:run_import",
    "list": "desktop_chat.commands.transcripts:run_list",
    "mcp": "desktop_chat.commands.mcp",
}


def run_subcommand(argv: list[str]) -> int:
    """Run ``argv[0]``'s subcommand with the rest of ``argv``."""
    module_name, _, function = SUBCOMMANDS[argv[0]].partition(":")
    module = importlib.import_module(module_name)
    result: int = getattr(module, function or "run")(argv[1:])
    return result

"""Command-line subcommands (``desktop-chat export …``, ``desktop-chat key …``): no window.

Each subcommand is a module here with ``def run(argv: list[str]) -> int``; ``SUBCOMMANDS``
maps the first command-line word to that module's dotted name, imported only when used so
that starting the window pays for none of them.
"""

from __future__ import annotations

import importlib

SUBCOMMANDS: dict[str, str] = {}


def run_subcommand(argv: list[str]) -> int:
    """Run ``argv[0]``'s subcommand with the rest of ``argv``."""
    module = importlib.import_module(SUBCOMMANDS[argv[0]])
    result: int = module.run(argv[1:])
    return result

"""The app's version, read from its one home: ``__version__`` in ``desktop_chat/__init__.py``.

    python packaging/project_version.py            # 0.1.0     (PEP 440, as written)
    python packaging/project_version.py --debian   # 0.1.0     (0.2.0rc1 -> 0.2.0~rc1)
    python packaging/project_version.py --numeric  # 0.1.0.0   (Windows file/installer version)

The file is parsed rather than imported, so any Python on any CI runner can read it without
the app's dependencies installed. The PyInstaller spec, ``build_deb.py``, the macOS script and
the CI workflow all ask here.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_VERSION_LINE = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)
_PEP440 = re.compile(
    r"^(?P<release>\d+(?:\.\d+)*)"
    r"(?:(?P<pre>a|b|rc)(?P<pre_n>\d+))?"
    r"(?:\.post(?P<post>\d+))?"
    r"(?:\.dev(?P<dev>\d+))?$"
)


def read_version(root: Path = ROOT) -> str:
    """``__version__`` from ``desktop_chat/__init__.py`` under ``root``."""
    text = (root / "desktop_chat" / "__init__.py").read_text(encoding="utf-8")
    match = _VERSION_LINE.search(text)
    if match is None:
        raise ValueError(f"no __version__ = '...' line in {root / 'desktop_chat/__init__.py'}")
    return match.group(1)


def _parts(version: str) -> re.Match[str]:
    match = _PEP440.match(version)
    if match is None:
        raise ValueError(f"{version!r} is not a PEP 440 version this script understands")
    return match


def debian_version(version: str) -> str:
    """PEP 440 -> Debian ordering: pre-releases and dev builds sort *before* the release."""
    parts = _parts(version)
    result = parts["release"]
    if parts["pre"]:
        result += f"~{parts['pre']}{parts['pre_n']}"
    if parts["post"]:
        result += f"+post{parts['post']}"
    if parts["dev"]:
        result += f"~dev{parts['dev']}"
    return result


def numeric_version(version: str) -> str:
    """Four dot-separated numbers, as Windows version resources and Inno Setup require."""
    numbers = [*_parts(version)["release"].split("."), "0", "0", "0"][:4]
    return ".".join(numbers)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    style = parser.add_mutually_exclusive_group()
    style.add_argument("--debian", action="store_true", help="Debian package version")
    style.add_argument("--numeric", action="store_true", help="four-number Windows version")
    args = parser.parse_args()
    version = read_version()
    if args.debian:
        version = debian_version(version)
    elif args.numeric:
        version = numeric_version(version)
    print(version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Update, build and check the app's translations (run through ``scripts/translations``).

``pyside6-lupdate`` finds every ``translate("Context", "Text")`` in ``desktop_chat/`` and
adds what is new to each language's ``.ts`` file (strings no longer in the code are dropped;
no line numbers are kept, so the files change only when words do and merge cleanly).
``pyside6-lrelease`` compiles them to the ``.qm`` files the app loads. Translate what is
listed as unfinished with ``.venv/bin/pyside6-linguist FILE.ts`` or in any text editor
(fill ``<translation>``, drop ``type="unfinished"``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop_chat"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "ja")
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Entry:
    """One message of a ``.ts`` file."""

    context: str
    source: str
    comment: str | None
    translation: str
    finished: bool


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"desktop_chat_{language}.ts"


def entries(ts: Path) -> list[Entry]:
    """Every message in ``ts`` (obsolete and vanished ones left out)."""
    found: list[Entry] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = "".join(node.itertext()) if node is not None else ""
            found.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment"),
                    text,
                    kind != "unfinished" and bool(text.strip()),
                )
            )
    return found


def unfinished(ts: Path) -> list[Entry]:
    return [e for e in entries(ts) if not e.finished]


def lupdate(targets: list[Path]) -> None:
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
            "-ts",
            *map(str, targets),
        ],
        check=True,
    )


def lrelease(folder: Path = FOLDER) -> list[Path]:
    built = []
    for language in LANGUAGES:
        ts = ts_path(language, folder)
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
        )
        built.append(qm)
    return built


def check() -> dict[str, list[Entry]]:
    """What is left to translate, per language, with the code as it is now (files untouched)."""
    with tempfile.TemporaryDirectory() as tmp:
        copies = [Path(shutil.copy(ts_path(lang), tmp)) for lang in LANGUAGES]
        lupdate(copies)
        return {lang: unfinished(copy) for lang, copy in zip(LANGUAGES, copies, strict=True)}


def report(missing: dict[str, list[Entry]]) -> int:
    total = sum(map(len, missing.values()))
    for language, left in missing.items():
        for e in left:
            note = f" [{e.comment}]" if e.comment else ""
            print(f"{ts_path(language).relative_to(ROOT)}: {e.context}: {e.source!r}{note}")
    if total:
        print(f"{total} string(s) to translate (see above).", file=sys.stderr)
    return 1 if total else 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "build":
        for qm in lrelease():
            print(f"built {qm.relative_to(ROOT)}")
        return 0
    if command == "check":
        return report(check())
    if command == "update":
        lupdate([ts_path(lang) for lang in LANGUAGES])
        lrelease()
        return report({lang: unfinished(ts_path(lang)) for lang in LANGUAGES})
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

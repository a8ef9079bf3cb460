"""A smaller ICU data library for the Linux bundle (Linux only; the spec calls ``trim``).

PySide6's Linux wheels ship ICU, and its data library ``libicudata.so.NN`` is the biggest file
in the bundle (31 MB). Qt (QtCore) calls ICU for four things only (see ``QT_ICU_API``): case
mapping, time-zone ids and names, legacy text codecs and collation. Whole data trees none of
those read (locale display names of languages, regions, currencies and units; number spell-out
rules; transliterators; break-iterator rules and dictionaries, since Qt breaks text itself) are
removed with ICU's own ``icupkg``, and the rest is linked back into a library with the same
soname and symbol. The result is about half the size and gives QtCore the same answers
(checked by ``packaging/entry.py``'s bundle check, and by comparing collation, case mapping and
time-zone names in several locales before and after).

Needs ``icupkg`` (apt: icu-devtools; it reads any ICU version's package format) and ``as`` and
``ld`` (apt: binutils).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path, PurePath

DROPPED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")
# Prefixes of every ICU function QtCore may import for the trees above to stay unused. A Qt
# that starts calling anything else (ubrk_ for line breaking, say) stops the build here.
QT_ICU_API = ("u_strToLower", "u_strToUpper", "ucal_", "ucnv_", "UCNV_", "ucol_")


def _run(*args: str, cwd: Path | None = None) -> str:
    tool = shutil.which(args[0])
    if tool is None:
        package = "icu-devtools" if args[0] == "icupkg" else "binutils"
        raise SystemExit(f"icu_data: {args[0]} not found; apt-get install {package}")
    result = subprocess.run([tool, *args[1:]], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"icu_data: {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def check_qt_icu_use(qt_libraries: list[Path], icu_major: str) -> None:
    """Fail if a Qt library imports an ICU function outside ``QT_ICU_API``.

    ICU renames its C API per major version (``ucol_open_73``), which is how its imports are told
    apart from the rest.
    """
    suffix = re.compile(rf"\s(\w+)_{icu_major}$")
    for library in qt_libraries:
        undefined = _run("nm", "-D", "-u", str(library)).splitlines()
        imported = {match.group(1) for line in undefined if (match := suffix.search(line))}
        unexpected = sorted(name for name in imported if not name.startswith(QT_ICU_API))
        if unexpected:
            raise SystemExit(
                f"icu_data: {library.name} now calls ICU functions {unexpected}; check which "
                "data trees they read and update DROPPED_TREES / QT_ICU_API in icu_data.py"
            )


def _symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudtNN_dat`` blob in ``library``."""
    for line in _run("nm", "-D", "-S", "--defined-only", str(library)).splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            address, size, name = int(fields[0], 16), int(fields[1], 16), fields[3]
            return name, _file_offset(library, address), size
    raise SystemExit(f"icu_data: no icudtNN_dat symbol in {library}")


def _file_offset(library: Path, address: int) -> int:
    """Map a virtual address to a file offset through the ELF64 program headers."""
    with library.open("rb") as elf:
        header = elf.read(64)
        if header[:5] != b"\x7fELF\x02":
            raise SystemExit(f"icu_data: {library} is not a 64-bit ELF file")
        (phoff,) = struct.unpack_from("<Q", header, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", header, 0x36)
        elf.seek(phoff)
        for _ in range(phnum):
            kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack("<IIQQQQ", elf.read(40))
            elf.seek(phentsize - 40, 1)
            if kind == 1 and vaddr <= address < vaddr + filesz:  # PT_LOAD
                return address - vaddr + offset
    raise SystemExit(f"icu_data: address {address:#x} is not in a loaded segment of {library}")


def trim(library: Path, qt_libraries: list[Path], workdir: Path) -> Path:
    """Write a trimmed copy of ``library`` under ``workdir`` and return its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _symbol(library)
    check_qt_icu_use(qt_libraries, symbol.removeprefix("icudt").removesuffix("_dat"))
    package = f"{symbol.removesuffix('_dat')}l"  # icudt73l: the little-endian ASCII package
    full = f"full/{package}.dat"  # icupkg wants the file named after the package
    (workdir / "full").mkdir(exist_ok=True)
    with library.open("rb") as elf:
        elf.seek(offset)
        (workdir / full).write_bytes(elf.read(size))

    items = _run("icupkg", "-l", full, cwd=workdir).split()
    dropped = [item for item in items if item.split("/")[0] in DROPPED_TREES]
    (workdir / "dropped.txt").write_text("\n".join(dropped) + "\n")
    _run("icupkg", "-r", "dropped.txt", full, f"{package}.dat", cwd=workdir)

    (workdir / "icudata.S").write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{package}.dat"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    _run("as", "icudata.S", "-o", "icudata.o", cwd=workdir)
    out = workdir / library.name
    linker_args = ("-shared", "-soname", library.name, "-z", "noexecstack", "-o", out.name)
    _run("ld", *linker_args, "icudata.o", cwd=workdir)
    return out


def trim_in_toc(binaries: list[tuple[str, str, str]], workdir: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binary list with ``libicudata.so.NN`` swapped for the trimmed copy.

    Unchanged when the list holds no ICU data library (a Qt built against the system's ICU).
    """
    sources = {PurePath(dest).name: src for dest, src, kind in binaries if kind != "SYMLINK"}
    name = next((n for n in sources if n.startswith("libicudata.so.")), None)
    if name is None:
        return binaries
    qt_libraries = [Path(src) for n, src in sources.items() if n.startswith("libQt6")]
    trimmed = str(trim(Path(sources[name]), qt_libraries, workdir))
    return [
        (dest, trimmed if kind != "SYMLINK" and PurePath(dest).name == name else src, kind)
        for dest, src, kind in binaries
    ]

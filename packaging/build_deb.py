"""Build the Debian package: ``dist/desktop-chat_<version>_<arch>.deb``.

    .venv/bin/python packaging/build_deb.py [--skip-pyinstaller] [--out dist]

Runs PyInstaller with ``packaging/desktop-chat.spec`` (into ``build/pyinstaller``), lays the
bundle out under ``/opt/desktop-chat`` with ``/usr/bin/desktop-chat``, the menu entry and the
hicolor icons, computes ``Depends`` from the bundle's ELF files with ``dpkg-shlibdeps`` (glibc
and the libraries Qt's xcb/wayland plugins link), and packs it with
``dpkg-deb --build --root-owner-group``. Run it with the venv's Python: that interpreter and its
site-packages are what gets frozen. The version comes from ``desktop_chat/__init__.py``.

Needs (apt): dpkg-dev binutils icu-devtools; (pip): pyinstaller.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_rules
from project_version import ROOT, debian_version, read_version

NAME = "desktop-chat"
PREFIX = Path("opt") / NAME
MAINTAINER = "Desktop Chat maintainers <desktop-chat@users.noreply.github.com>"
RESOURCES = ROOT / "resources"
LINUX_FILES = Path(__file__).resolve().parent / "linux"
BUILD = ROOT / "build"
PYINSTALLER_DIST = BUILD / "pyinstaller" / "dist" / NAME
# Besides the shared libraries dpkg-shlibdeps finds: the system CA store (httpx2 verifies TLS
# with it through truststore) and the icon theme the icons install into.
EXTRA_DEPENDS = ("ca-certificates", "hicolor-icon-theme")
# A Secret Service for keyring (the API key), CJK fonts for replies in those scripts.
RECOMMENDS = ("gnome-keyring | kwalletmanager | keepassxc", "fonts-noto-cjk")
SUGGESTS = ("fonts-noto-color-emoji",)
# Qt plugins whose libraries become Recommends, not Depends: Qt skips a plugin that fails to
# load, so without GTK the app still runs (with Qt's own file dialogs).
OPTIONAL_PLUGINS = ("platformthemes/libqgtk3.so",)
LICENSE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
DESCRIPTION = """\
fast, native, keyboard-first desktop client for Claude
 Desktop Chat talks to the Anthropic Messages API and streams replies as they
 are written, with the model's thinking, the stop reason, token counts and
 timings in a side pane. Conversations are kept in a local SQLite database and
 the API key in the desktop's keyring (Secret Service)."""


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run a command, echoing it; stop the build with its output if it fails."""
    line = " ".join(str(a) for a in args)
    print("+", line if len(line) < 200 else line[:200] + " …", flush=True)
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, text=True, capture_output=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def run_pyinstaller() -> None:
    spec = Path(__file__).resolve().parent / "desktop-chat.spec"
    work = BUILD / "pyinstaller" / "work"
    options = ("--noconfirm", "--clean", "--log-level", "WARN")
    paths = ("--distpath", PYINSTALLER_DIST.parent, "--workpath", work)
    run(sys.executable, "-m", "PyInstaller", *options, *paths, spec)


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def lay_out(root: Path) -> None:
    """Copy the bundle, launcher, menu entry and icons into the package tree ``root``."""
    shutil.copytree(PYINSTALLER_DIST, root / PREFIX, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # Absolute: /usr and /opt are different top-level directories (Debian policy 10.5).
    (bin_dir / NAME).symlink_to(Path("/") / PREFIX / NAME)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(RESOURCES / f"{NAME}.desktop", share / "applications")
    icons = share / "icons" / "hicolor"
    shutil.copytree(RESOURCES / "icons" / "hicolor", icons)
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(RESOURCES / "icons" / f"{NAME}.svg", icons / "scalable" / "apps")
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copy2(LINUX_FILES / "copyright", doc / "copyright")
    copy_licenses(doc / "licenses")


def copy_licenses(target: Path) -> None:
    """Every bundled distribution's license files, and Python's, under ``target``."""
    for key, dist in sorted(bundle_rules.runtime_distributions().items()):
        for file in dist.files or []:
            if LICENSE_FILE.search(file.name) or "licenses" in file.parts[:-1]:
                dest = target / key / file.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(str(file.locate())), dest)
    python_license = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_license.is_file():
        (target / "python").mkdir(parents=True)
        shutil.copyfile(python_license, target / "python" / "LICENSE.txt")


def normalise_modes(root: Path) -> None:
    """0755 for directories and anything executable, 0644 for the rest (umask-proof)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def shlib_depends(root: Path) -> tuple[str, str]:
    """``(Depends, Recommends)`` from dpkg-shlibdeps over every ELF file in the bundle."""
    elves = sorted(
        p for p in (root / PREFIX).rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)
    )
    optional = [p for p in elves if p.as_posix().endswith(OPTIONAL_PLUGINS)]
    required = [p for p in elves if p not in optional]
    # dpkg-shlibdeps insists on a debian/control, and knows the bundle's own libraries for ours
    # only in a tree with a DEBIAN directory; the real control file is written later.
    (root / "DEBIAN").mkdir(exist_ok=True)
    work = BUILD / "deb" / "shlibdeps"
    (work / "debian").mkdir(parents=True, exist_ok=True)
    (work / "debian" / "control").write_text(
        f"Source: {NAME}\n\nPackage: {NAME}\nArchitecture: any\n"
    )
    search = (f"-S{root}", f"-l{root / PREFIX / '_internal'}")
    fields_by_file = ("-dDepends", *required, "-dRecommends", *optional)
    out = run("dpkg-shlibdeps", "-O", "--warnings=0", *search, *fields_by_file, cwd=work)
    fields = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    depends = fields.get("shlibs:Depends", "")
    # A library both fields name (glib) stays in Depends only.
    required_names = {item.split()[0] for item in depends.split(", ")}
    recommends = ", ".join(
        item
        for item in fields.get("shlibs:Recommends", "").split(", ")
        if item and item.split()[0] not in required_names
    )
    return depends, recommends


def installed_size_kib(root: Path) -> int:
    """What ``du -sk`` says, as Debian's Installed-Size wants (KiB, directories included)."""
    total = 0
    for path in root.rglob("*"):
        if path.relative_to(root).parts[0] == "DEBIAN":
            continue
        if path.is_symlink() or path.is_dir():
            total += 1
        else:
            total += (path.stat().st_size + 1023) // 1024
    return total


def write_control(root: Path, version: str, arch: str, depends: str, recommends: str) -> int:
    """Write DEBIAN/ (control, maintainer scripts, md5sums); return Installed-Size in KiB."""
    debian = root / "DEBIAN"
    debian.mkdir(exist_ok=True)
    size_kib = installed_size_kib(root)
    fields = {
        "Package": NAME,
        "Version": version,
        "Architecture": arch,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(size_kib),
        "Depends": ", ".join(filter(None, [depends, *EXTRA_DEPENDS])),
        "Recommends": ", ".join(filter(None, [*RECOMMENDS, recommends])),
        "Suggests": ", ".join(SUGGESTS),
        "Section": "net",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    (debian / "control").write_text("".join(f"{k}: {v}\n" for k, v in fields.items()))
    for script in ("postinst", "postrm"):
        shutil.copy2(LINUX_FILES / script, debian / script)
        (debian / script).chmod(0o755)
    sums = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and debian not in path.parents:
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # dpkg's format, not for security
            sums.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    (debian / "md5sums").write_text("".join(sums))
    (debian / "md5sums").chmod(0o644)
    return size_kib


def source_date_epoch() -> str:
    """The last commit's time, so two builds of one commit give the same archive timestamps."""
    if value := os.environ.get("SOURCE_DATE_EPOCH"):
        return value
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or str(int(time.time()))


def build(out_dir: Path, *, skip_pyinstaller: bool = False) -> Path:
    """Build the .deb into ``out_dir`` and return its path."""
    started = time.monotonic()
    version = debian_version(read_version())
    arch = run("dpkg", "--print-architecture").strip()
    if not skip_pyinstaller:
        run_pyinstaller()
    frozen = time.monotonic()
    if not (PYINSTALLER_DIST / NAME).is_file():
        raise SystemExit(f"no bundle at {PYINSTALLER_DIST}; run without --skip-pyinstaller")
    reported = run(PYINSTALLER_DIST / NAME, "--version").strip()
    if reported != f"{NAME} {read_version()}":
        raise SystemExit(f"the bundle says {reported!r}, expected version {read_version()}")

    root = BUILD / "deb" / "root"
    shutil.rmtree(root, ignore_errors=True)
    lay_out(root)
    normalise_modes(root)
    depends, recommends = shlib_depends(root)
    size_kib = write_control(root, version, arch, depends, recommends)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{NAME}_{version}_{arch}.deb"
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch()}
    run("dpkg-deb", "--build", "--root-owner-group", "-Zxz", root, deb, env=env)
    finished = time.monotonic()

    print(f"deb: {deb}")
    print(f"deb.size_mb: {deb.stat().st_size / 1e6:.1f}")
    print(f"deb.installed_size_mb: {size_kib * 1024 / 1e6:.1f}")
    if not skip_pyinstaller:
        print(f"build.pyinstaller_s: {frozen - started:.0f}")
    print(f"build.total_s: {finished - started:.0f}")
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the .deb goes")
    parser.add_argument(
        "--skip-pyinstaller", action="store_true", help="package the existing build/pyinstaller"
    )
    args = parser.parse_args()
    build(args.out.resolve(), skip_pyinstaller=args.skip_pyinstaller)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

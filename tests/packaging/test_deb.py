"""The .deb as a user gets it: build, ``apt-get install``, start, check, remove.

Runs only with ``DESKTOP_CHAT_PACKAGING=1`` as root (see conftest.py). The tests share one
installation and run in file order; the last one removes the package and looks for leftovers.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from project_version import debian_version, read_version  # packaging/, put on sys.path by conftest

if TYPE_CHECKING:
    from conftest import Dpkg

# Building takes a few minutes on two cores; the default per-test timeout is for unit tests.
pytestmark = pytest.mark.timeout(1800)

PACKAGE = "desktop-chat"
DESKTOP_FILE = Path("/usr/share/applications") / f"{PACKAGE}.desktop"
HICOLOR = Path("/usr/share/icons/hicolor")
BUNDLE = Path("/opt") / PACKAGE
MAX_INSTALLED_MB = 120


def control_field(deb: Path, name: str) -> str:
    result = subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True)
    return result.stdout.strip()


def app_env(display: str, home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "DESKTOP_CHAT_HOME": str(home),
    }


def test_control_fields(installed: Path) -> None:
    assert control_field(installed, "Package") == PACKAGE
    assert control_field(installed, "Version") == debian_version(read_version())
    assert installed.name == f"{PACKAGE}_{debian_version(read_version())}_amd64.deb"
    depends = control_field(installed, "Depends")
    needed = ("libc6 (>=", "libxcb1", "libxkbcommon-x11-0", "libxcb-cursor0", "libegl1", "libgl1")
    for library in (*needed, "libfontconfig1", "libdbus-1-3", "ca-certificates"):
        assert library in depends
    installed_mb = int(control_field(installed, "Installed-Size")) * 1024 / 1e6
    assert installed_mb <= MAX_INSTALLED_MB, f"{installed_mb:.0f} MB unpacked"


def test_desktop_entry_validates(installed: Path) -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_icon_resolves_in_hicolor(installed: Path) -> None:
    """The Icon= name is found the way the icon-theme spec looks it up: in the directories
    hicolor's index.theme declares (a file anywhere else is never found)."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(DESKTOP_FILE, encoding="utf-8")
    icon = entry["Desktop Entry"]["Icon"]
    theme = configparser.ConfigParser(interpolation=None, strict=False)
    theme.read(HICOLOR / "index.theme", encoding="utf-8")
    declared = set(theme["Icon Theme"]["Directories"].split(","))
    ours = [p.relative_to(HICOLOR) for p in HICOLOR.glob(f"*/apps/{icon}.*")]
    assert {str(p.parent) for p in ours} <= declared
    assert {"48x48/apps", "scalable/apps"} <= {str(p.parent) for p in ours}


def test_every_bundled_library_resolves(installed: Path) -> None:
    """Each ELF file's libraries are in the bundle or came with the package's Depends."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(BUNDLE / "_internal")}  # as the bootloader sets
    unresolved = []
    for path in sorted(BUNDLE.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
            unresolved += [
                f"{path.name}: {line.strip()}" for line in out.splitlines() if "not found" in line
            ]
    assert not unresolved


def test_bundle_check(installed: Path) -> None:
    """Lazily imported modules made it into the bundle; with a Secret Service running (tests
    run under scripts/with-keyring), a secret round-trips through the bundled keyring."""
    with_keyring = bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
    env = {**os.environ, "DESKTOP_CHAT_BUNDLE_CHECK": "keyring" if with_keyring else "1"}
    result = subprocess.run(
        [f"/usr/bin/{PACKAGE}"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    if with_keyring:
        assert "keyring backend: keyring.backends.SecretService" in result.stdout


def test_version(installed: Path) -> None:
    result = subprocess.run(
        [f"/usr/bin/{PACKAGE}", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == f"{PACKAGE} {read_version()}"


def test_smoke_test_under_xvfb(installed: Path, xvfb_display: str, app_home: Path) -> None:
    result = subprocess.run(
        [f"/usr/bin/{PACKAGE}", "--smoke-test"],
        env=app_env(xvfb_display, app_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stderr


def test_japanese_locale_loads_both_translations(
    installed: Path, xvfb_display: str, app_home: Path
) -> None:
    """A Japanese system gets the app's words and Qt's own in Japanese, from the bundle."""
    result = subprocess.run(
        [f"/usr/bin/{PACKAGE}", "--smoke-test"],
        env={**app_env(xvfb_display, app_home), "LC_ALL": "", "LANG": "ja_JP.UTF-8"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "interface language: ja (desktop_chat_ja.qm, qtbase_ja.qm)" in result.stderr


def test_window_class_matches_desktop_entry(
    installed: Path,
    xvfb_display: str,
    app_home: Path,
) -> None:
    """The window's WM_CLASS is the .desktop file's StartupWMClass, so docks group it with the
    launcher; records start -> visible window time of the installed binary."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(DESKTOP_FILE, encoding="utf-8")
    wm_class = entry["Desktop Entry"]["StartupWMClass"]
    env = app_env(xvfb_display, app_home)
    started = time.perf_counter()
    app = subprocess.Popen(
        [f"/usr/bin/{PACKAGE}", "--demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        search = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--class", f"^{wm_class}$"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        elapsed = time.perf_counter() - started
        assert search.returncode == 0 and search.stdout.strip(), "no window with that class"
        print(f"installed start -> visible window: {elapsed * 1000:.0f} ms")
    finally:
        app.terminate()
        _, stderr = app.communicate(timeout=30)
    assert "Traceback" not in stderr, stderr


def test_remove_leaves_nothing(installed: Path, dpkg: Dpkg) -> None:
    result = dpkg.purge()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not dpkg.is_installed()
    leftovers = subprocess.run(
        ["find", "/opt", "/usr", "-name", f"*{PACKAGE}*"], capture_output=True, text=True
    ).stdout.split()
    assert leftovers == []

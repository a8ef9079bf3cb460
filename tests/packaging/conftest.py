"""Fixtures for the installer tests: the .deb (built or given), installed with apt, and Xvfb.

The .deb tests change the machine (they install and remove a system package), so they run only
when asked: ``DESKTOP_CHAT_PACKAGING=1`` (``scripts/test --packaging``; CI), as root, with apt.
``DESKTOP_CHAT_DEB=path/to.deb`` tests that file instead of building one.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

PACKAGE = "desktop-chat"
ENABLE_ENV = "DESKTOP_CHAT_PACKAGING"
DEB_ENV = "DESKTOP_CHAT_DEB"
TOOLS = (
    "apt-get",
    "dpkg",
    "dpkg-deb",
    "dpkg-shlibdeps",
    "desktop-file-validate",
    "Xvfb",
    "xdotool",
)


def packaging_requested() -> bool:
    return os.environ.get(ENABLE_ENV) == "1"


def require_packaging_tools() -> None:
    """Skip unless the installer tests were asked for; then fail if they cannot run here."""
    if not packaging_requested():
        pytest.skip(f"installs a system package: set {ENABLE_ENV}=1 (as root) to run")
    if os.geteuid() != 0:
        pytest.fail(f"{ENABLE_ENV}=1 needs root (apt-get install)")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing tools {missing}: see packaging/README.md for the apt packages")


class Dpkg:
    """The few package-manager calls the tests make."""

    @staticmethod
    def apt_get(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        return subprocess.run(
            ["apt-get", "-y", "-q", *args], env=env, capture_output=True, text=True, timeout=600
        )

    @staticmethod
    def is_installed() -> bool:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True
        )
        return result.stdout.strip() == "install ok installed"

    def purge(self) -> subprocess.CompletedProcess[str]:
        return self.apt_get("remove", "--purge", PACKAGE)


@pytest.fixture(scope="session")
def dpkg() -> Dpkg:
    return Dpkg()


@pytest.fixture(scope="session")
def deb_file() -> Path:
    """The .deb under test: ``$DESKTOP_CHAT_DEB``, else a fresh build into dist/."""
    require_packaging_tools()
    given = os.environ.get(DEB_ENV)
    if given:
        return Path(given).resolve()
    import build_deb

    return build_deb.build(ROOT / "dist")


@pytest.fixture(scope="session")
def installed(deb_file: Path, dpkg: Dpkg) -> Iterator[Path]:
    """The package installed with apt (Depends only, as a minimal system would get it)."""
    if dpkg.is_installed():
        dpkg.purge()
    result = dpkg.apt_get("install", "--no-install-recommends", str(deb_file))
    assert result.returncode == 0, result.stdout + result.stderr
    yield deb_file
    if dpkg.is_installed():
        dpkg.purge()


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """A private X server; Xvfb picks a free display number itself (-displayfd)."""
    require_packaging_tools()
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        xvfb.terminate()
        xvfb.wait(10)

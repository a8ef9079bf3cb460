"""Real small file systems for storage-fault tests: a tmpfs that fills up, and an ext4
image that turns read-only under open files (as a failing disk does).

Both need root and permission to mount; a test that asks for one is skipped otherwise.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=False)


@contextmanager
def tmpfs(where: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (created) for the block."""
    where.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


@contextmanager
def ext4(where: Path, size_mb: int = 8) -> Iterator[Path]:
    """An ext4 file system of ``size_mb`` in a loop-mounted image, mounted at ``where``,
    with errors=remount-ro (see ``turn_read_only``)."""
    image = where.with_name(where.name + ".img")
    with image.open("wb") as f:
        f.truncate(size_mb * 1024 * 1024)
    made = _run("mkfs.ext4", "-q", "-F", str(image))
    if made.returncode != 0:
        pytest.skip(f"cannot make an ext4 image: {made.stderr.strip()}")
    where.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-o", "loop,errors=remount-ro", str(image), str(where))
    if done.returncode != 0:
        pytest.skip(f"cannot loop-mount an image here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


def turn_read_only(mount_point: Path) -> None:
    """Make an ``ext4()`` file system fail as a disk does: ext4 records an error and, with
    errors=remount-ro, refuses every later write, to files already open too (EROFS)."""
    source = _run("findmnt", "-n", "-o", "SOURCE", str(mount_point)).stdout.strip()
    device = Path(source).name
    Path(f"/sys/fs/ext4/{device}/trigger_fs_error").write_text("test\n")

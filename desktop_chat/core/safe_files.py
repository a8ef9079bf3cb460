"""Files written whole or not at all, and unreadable ones kept aside rather than lost.

Settings, shortcuts, drafts, the model cache and exports all go through ``write_atomically``:
a temporary file beside the target, flushed to disk, then renamed over it, so a crash or a
full disk never leaves half a file. A file that cannot be read is renamed by ``keep_aside``
(``NAME.bad-<time>``), never deleted or overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from desktop_chat.core.i18n import translate


def write_atomically(path: Path, content: str | bytes | Iterable[str]) -> None:
    """Replace ``path`` with ``content`` (text is written as UTF-8); raises OSError, also
    when the folder does not exist."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(content, bytes):
                out.write(content)
            else:
                for chunk in [content] if isinstance(content, str) else content:
                    out.write(chunk.encode("utf-8", "surrogatepass"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename itself reaches the disk only when the folder does (POSIX; Windows can
    # neither open a folder nor needs to).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def keep_aside(path: Path) -> Path:
    """Rename ``path`` to ``path.bad-<time>`` (a free name); the new path. Raises OSError."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bad-{stamp}")
    n = 0
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bad-{stamp}-{n}")
    path.rename(target)
    return target


def keep_aside_saying(path: Path, *problems: str) -> list[str]:
    """``keep_aside(path)``; returns ``problems`` and where the file went (or why not)."""
    try:
        target = keep_aside(path)
    except OSError as exc:
        return [
            *problems,
            translate("SafeFiles", "Could not keep a copy of {path}: {value}.").format(
                path=path, value=exc.strerror or exc
            ),
        ]
    return [
        *problems,
        translate("SafeFiles", "The old file was kept as {target}.").format(target=target),
    ]

"""Whether a window can open here at all, said in words a user can act on (Qt's own message
about its "xcb platform plugin" tells them nothing). Plain Python: it runs before Qt loads."""

from __future__ import annotations

from collections.abc import Mapping


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why no window can open here, in words for the user; None when a display is there.

    Without a display Qt prints a message about its "xcb platform plugin" and aborts, which
    tells a user nothing. Only the usual case is checked: Linux and the BSDs, Qt's default
    platform, no ``DISPLAY`` and no ``WAYLAND_DISPLAY``.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in ("xcb", "wayland", ""):
        return None  # offscreen, vnc, eglfs...: the user chose a platform that needs no X
    if environ.get("WAYLAND_DISPLAY"):
        return None
    if display := environ.get("DISPLAY"):
        if _local_x_server_answers(display) is not False:
            return None
        return (
            f"no display found: nothing answers at DISPLAY={display} (has the X session "
            "ended?), so the window cannot open. Start it from a desktop session; over SSH, "
            "connect with `ssh -X`; on a server, run it under a virtual display: "
            "`xvfb-run desktop-chat`."
        )
    return (
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window "
        "cannot open. Start it from a desktop session; over SSH, connect with `ssh -X`; "
        "on a server, run it under a virtual display: `xvfb-run desktop-chat`. "
        "The subcommands (export, import, list, key) work without a display."
    )


def _local_x_server_answers(display: str) -> bool | None:
    """Whether an X server listens at a local ``DISPLAY`` (``:N`` or ``:N.S``); None when
    that cannot be told from here (a remote display, another form)."""
    import re
    import socket

    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if match is None or not hasattr(socket, "AF_UNIX"):
        return None
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    for address in ("\0" + path, path):  # Linux's abstract socket, then the file
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False

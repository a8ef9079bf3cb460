"""What the PyInstaller bundle keeps: the rules the spec applies to PyInstaller's file lists.

PyInstaller's Qt hooks collect every plugin of every plugin type QtGui can use, the libraries
those plugins link, and Qt's translations. A QtWidgets chat window needs far less; these rules
say what stays. They work on destination paths, so they hold on Linux (libQt6Gui.so.6), Windows
(Qt6Gui.dll) and macOS (QtGui.framework) alike. Kept separate from the spec so ruff checks them
and ``tests/packaging`` can test them without building anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib.metadata import Distribution, distribution, packages_distributions
from pathlib import PurePath

# PySide6.<name> Python modules the app may import; every other PySide6 module is excluded.
QT_PYTHON_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg"})

# Qt shared libraries kept. DBus: QtGui links it, and the ibus input method, the GTK theme and
# the desktop portal talk over it. Svg: the SVG icon engine and image plugin. XcbQpa and
# WaylandClient: the X11 and Wayland platform plugins.
QT_LIBRARIES = frozenset({"Core", "Gui", "Widgets", "DBus", "Svg", "XcbQpa", "WaylandClient"})

QT_PLUGIN_TYPES = frozenset(
    {
        "platforms",  # xcb, wayland, offscreen / windows / cocoa
        "platformthemes",  # GTK3 and xdg-desktop-portal: native dialogs, colours, fonts
        "platforminputcontexts",  # ibus and compose: input methods and dead keys
        "imageformats",
        "iconengines",  # SVG icons
        "styles",  # the Windows 11 and macOS native styles
        "xcbglintegrations",
        "wayland-decoration-client",  # title bars where the compositor draws none (GNOME)
        "wayland-shell-integration",
    }
)

# Plugins of the kept types that a desktop chat window never loads (names without "lib" and
# suffix). The image formats kept are the API's image inputs (png, jpeg, gif, webp) plus svg and
# ico; the Wayland shell kept is xdg-shell, the desktop one.
QT_PLUGINS_DROPPED = frozenset(
    {
        *("qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvnc", "qvkkhrdisplay"),
        *("qpdf", "qtiff", "qtga", "qwbmp"),
        "qtvirtualkeyboardplugin",  # pulls in QtQuick, QtQml and QtNetwork
        *("fullscreen-shell-v1", "ivi-shell", "qt-shell", "wl-shell-plugin"),
    }
)

# Python modules PyInstaller would follow imports into but the app never runs. A top-level name
# here must not belong to one of the app's own run-time dependencies (checked by
# ``excluded_dependencies``, at build time and in tests/packaging).
PYTHON_EXCLUDES = (
    *("PyQt5", "PyQt6", "PySide2"),  # qasync probes every binding
    *("tkinter", "_tkinter", "pydoc_data"),  # Tk; help() topics
    *("IPython", "pytest", "_pytest", "mypy", "ruff", "setuptools", "pkg_resources", "pip"),
    # anthropic's optional cloud extras (their dependencies are not installed anyway); the
    # MCP SDK is the app's own dependency now (tool servers), so it stays
    *("boto3", "botocore", "google", "aiohttp"),
    # httpx2's command-line client, imported only by the deprecated httpx2.main, and what it
    # alone drags in; pydantic imports rich only to pretty-print schemas while debugging
    # (click stays: the MCP SDK needs it)
    *("httpx2._main", "rich", "markdown_it", "mdurl"),
)

# Windows: Qt's software OpenGL and run-time shader compiler, for QtQuick; widgets draw without.
OTHER_BINARIES_DROPPED = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll"})

# Linux: libraries of the distribution, which the .deb lists in Depends instead of copying.
SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")

_QT_LIBRARY_NAMES = (r"^libQt6(\w+?)\.so", r"^Qt6(\w+?)\.dll$", r"^Qt(\w+?)\.framework$")


def qt_python_excludes(installed: Iterable[str]) -> list[str]:
    """``PySide6.<name>`` for each installed binding module the app does not use."""
    return sorted(f"PySide6.{name}" for name in set(installed) - QT_PYTHON_MODULES)


def qt_library_module(dest: str) -> str | None:
    """``"Network"`` for ``libQt6Network.so.6``, ``Qt6Network.dll``, ``QtNetwork.framework/..``."""
    for part in PurePath(dest).parts:
        for pattern in _QT_LIBRARY_NAMES:
            if match := re.match(pattern, part):
                return match.group(1)
    return None


def qt_plugin(dest: str) -> tuple[str, str] | None:
    """``("imageformats", "qtiff")`` for ``PySide6/Qt/plugins/imageformats/libqtiff.so``."""
    parts = PurePath(dest).parts
    if "plugins" not in parts:
        return None
    at = parts.index("plugins")
    rest = parts[at + 1 :]
    # PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows
    if at == 0 or parts[at - 1] not in ("Qt", "Qt6", "PySide6") or len(rest) < 2:
        return None
    stem = rest[-1].split(".")[0]
    return rest[0], stem.removeprefix("lib")


def keep_binary(
    dest: str, src: str, kind: str = "BINARY", *, use_system_libs: bool, macos: bool = False
) -> bool:
    """Whether a PyInstaller binary entry (destination, source, typecode) belongs in the bundle.

    With ``use_system_libs``, shared libraries from the distribution's library directories are
    left out, except Python's own: its extension modules (typecode EXTENSION; Debian keeps them
    in /usr/lib/python3.x/lib-dynload) and libpython, which the frozen stdlib must match.
    """
    module = qt_library_module(dest)
    if module is not None and module not in QT_LIBRARIES:
        return False
    if PurePath(dest).name.lower() in OTHER_BINARIES_DROPPED:
        return False
    plugin = qt_plugin(dest)
    if plugin is not None:
        plugin_type, name = plugin
        if plugin_type not in QT_PLUGIN_TYPES or name in QT_PLUGINS_DROPPED:
            return False
        if name == "qicns" and not macos:
            return False
    if not use_system_libs or kind != "BINARY" or PurePath(dest).name.startswith("libpython"):
        return True
    return not os.path.realpath(src).startswith(SYSTEM_LIB_DIRS)


def keep_data(dest: str) -> bool:
    """Whether a data entry belongs in the bundle.

    Qt's own translations go, but for the languages the app is translated into
    (``qtbase_zh_CN.qm``, ``qtbase_ja.qm``: standard dialogs' words). QML files go with QtQuick.
    """
    path = PurePath(dest)
    parts = set(path.parts)
    if "translations" in parts and "PySide6" in parts:
        return path.name in QT_TRANSLATIONS_KEPT
    if "translations" in parts and path.suffix == ".ts":
        return False  # the sources of our .qm files
    return not ("qml" in parts and "PySide6" in parts)


# The languages of resources/translations; Qt's words for them are loaded at start-up.
QT_TRANSLATIONS_KEPT = frozenset({"qtbase_zh_CN.qm", "qtbase_ja.qm"})


def filter_toc(
    binaries: list[tuple[str, str, str]],
    datas: list[tuple[str, str, str]],
    *,
    use_system_libs: bool,
    macos: bool = False,
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Apply ``keep_binary``/``keep_data`` to PyInstaller's lists, then drop the SYMLINK
    entries (PyInstaller links Qt libraries into the top folder) whose target went."""
    binaries = [
        entry
        for entry in binaries
        if entry[2] == "SYMLINK"
        or keep_binary(*entry, use_system_libs=use_system_libs, macos=macos)
    ]
    datas = [entry for entry in datas if keep_data(entry[0])]
    kept = {dest for dest, _, kind in [*binaries, *datas] if kind != "SYMLINK"}

    def resolves(dest: str, src: str, kind: str) -> bool:
        return (
            kind != "SYMLINK" or os.path.normpath(os.path.join(os.path.dirname(dest), src)) in kept
        )

    return [e for e in binaries if resolves(*e)], [e for e in datas if resolves(*e)]


def runtime_distributions(name: str = "desktop-chat") -> dict[str, Distribution]:
    """``name`` and everything it requires at run time on this platform, by normalised name."""
    from packaging.requirements import Requirement  # PyInstaller depends on it

    found: dict[str, Distribution] = {}
    todo = [name]
    while todo:
        key = _normalised(todo.pop())
        if key in found:
            continue
        found[key] = distribution(key)
        for line in found[key].requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def excluded_dependencies(excludes: Iterable[str]) -> list[str]:
    """Top-level modules in ``excludes`` that a run-time dependency of the app provides."""
    needed = set(runtime_distributions())
    provided_by = packages_distributions()
    return sorted(
        module
        for module in excludes
        if "." not in module
        and any(_normalised(dist) in needed for dist in provided_by.get(module, []))
    )


def _normalised(distribution_name: str) -> str:
    """PEP 503 spelling: ``Jaraco.Classes`` and ``jaraco_classes`` are ``jaraco-classes``."""
    return re.sub(r"[-_.]+", "-", distribution_name).lower()

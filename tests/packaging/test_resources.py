"""Fast checks of what the installers are made from: the menu entry, the icons, the version, the
bundle rules. No build, no root; always run."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import bundle_rules  # packaging/, put on sys.path by conftest
import make_icons
import pytest
from project_version import debian_version, numeric_version, read_version

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILE = ROOT / "resources" / "desktop-chat.desktop"
ICONS = ROOT / "resources" / "icons"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_window_and_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Desktop Chat"
    assert entry["Exec"].split()[0] == "desktop-chat"
    assert entry["Icon"] == "desktop-chat"
    # Qt sets WM_CLASS's class to the application name, and the app calls itself desktop-chat
    # (and setDesktopFileName("desktop-chat")): docks match the window to this entry by it.
    assert entry["StartupWMClass"] == "desktop-chat"
    assert entry["Terminal"] == "false"
    assert entry["StartupNotify"] == "true"
    assert {"Network", "Chat"} <= set(entry["Categories"].strip(";").split(";"))
    assert entry["Keywords"].endswith(";")


def test_desktop_entry_validates() -> None:
    if shutil.which("desktop-file-validate") is None:
        if os.environ.get("DESKTOP_CHAT_PACKAGING") == "1":
            pytest.fail("desktop-file-validate is missing (apt-get install desktop-file-utils)")
        pytest.skip("needs desktop-file-validate (apt-get install desktop-file-utils)")
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def png_size(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's IHDR chunk."""
    data = path.read_bytes()[:26]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_icon_png_sizes(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "desktop-chat.png"
    assert png_size(path) == (size, size, 6)  # 6: RGBA


def test_icon_svg_is_square() -> None:
    svg = ET.parse(ICONS / "desktop-chat.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"


def test_ico_holds_every_size() -> None:
    data = (ICONS / "desktop-chat.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, *_, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert offset + length <= len(data)
        sizes.append((width or 256, height or 256))
    assert sizes == [(size, size) for size in make_icons.ICO_SIZES]


def test_icns_holds_every_size() -> None:
    data = (ICONS / "desktop-chat.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    offset, kinds = 8, []
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert kinds == [kind for kind, _ in make_icons.ICNS_TYPES]


def test_version_has_one_home() -> None:
    from desktop_chat import __version__

    assert read_version() == __version__


@pytest.mark.parametrize(
    ("pep440", "debian", "numeric"),
    [
        ("0.1.0", "0.1.0", "0.1.0.0"),
        ("1.2", "1.2", "1.2.0.0"),
        ("0.2.0rc1", "0.2.0~rc1", "0.2.0.0"),
        ("0.2.0.dev3", "0.2.0~dev3", "0.2.0.0"),
        ("1.0.0.post1", "1.0.0+post1", "1.0.0.0"),
    ],
)
def test_version_spellings(pep440: str, debian: str, numeric: str) -> None:
    assert debian_version(pep440) == debian
    assert numeric_version(pep440) == numeric


def test_debian_pre_releases_sort_before_the_release() -> None:
    if shutil.which("dpkg") is None:
        pytest.skip("needs dpkg")
    older, newer = debian_version("1.0.0rc1"), debian_version("1.0.0")
    assert subprocess.run(["dpkg", "--compare-versions", older, "lt", newer]).returncode == 0


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/imageformats/libqicns.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so", True),
    ],
)
def test_bundle_keeps_only_what_a_widgets_window_needs(dest: str, kept: bool) -> None:
    assert bundle_rules.keep_binary(dest, "/nonexistent/" + dest, use_system_libs=True) is kept


def test_bundle_leaves_distribution_libraries_to_depends() -> None:
    system = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"
    assert not bundle_rules.keep_binary("libstdc++.so.6", system, use_system_libs=True)
    assert bundle_rules.keep_binary("libstdc++.so.6", system, use_system_libs=False)


def test_bundle_keeps_the_system_pythons_own_binaries() -> None:
    """Debian's python3 keeps libpython and the stdlib's extension modules under /usr/lib."""
    libpython = "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0"
    assert bundle_rules.keep_binary("libpython3.11.so.1.0", libpython, use_system_libs=True)
    ssl = "/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so"
    dest = "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so"
    assert bundle_rules.keep_binary(dest, ssl, "EXTENSION", use_system_libs=True)


def test_bundle_drops_translations_and_dangling_links() -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/x/libQt6Network.so.6", "BINARY"),
    ]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_ja.qm", "/x/qtbase_ja.qm", "DATA"),
        ("resources/icons/desktop-chat.svg", "/x/desktop-chat.svg", "DATA"),
        ("resources/translations/desktop_chat_ja.qm", "/x/desktop_chat_ja.qm", "DATA"),
        ("resources/translations/desktop_chat_ja.ts", "/x/desktop_chat_ja.ts", "DATA"),
    ]
    kept_binaries, kept_datas = bundle_rules.filter_toc(binaries, datas, use_system_libs=True)
    assert [dest for dest, _, _ in kept_binaries] == ["PySide6/Qt/lib/libQt6Core.so.6"]
    assert [dest for dest, _, _ in kept_datas] == [
        "libQt6Core.so.6",
        "PySide6/Qt/translations/qtbase_ja.qm",  # Qt's words for a language the app speaks
        "resources/icons/desktop-chat.svg",
        "resources/translations/desktop_chat_ja.qm",  # the compiled words, not their sources
    ]


def test_unused_qt_bindings_are_excluded() -> None:
    excludes = bundle_rules.qt_python_excludes(
        {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtQml"}
    )
    assert excludes == ["PySide6.QtNetwork", "PySide6.QtQml"]


def test_no_dependency_of_the_app_is_excluded() -> None:
    """An excluded module the app imports fails only at run time, in the installed app."""
    assert bundle_rules.excluded_dependencies(bundle_rules.PYTHON_EXCLUDES) == []
    assert bundle_rules.excluded_dependencies(["anthropic", "rich"]) == ["anthropic"]

"""Render the app icon SVG into the PNG sizes, the Windows .ico and the macOS .icns.

    .venv/bin/python packaging/make_icons.py

Reads ``resources/icons/desktop-chat.svg`` and rewrites, next to it:

- ``hicolor/<N>x<N>/apps/desktop-chat.png`` for every size in ``PNG_SIZES`` (the freedesktop
  icon-theme layout, so a package copies the tree as it is into /usr/share/icons);
- ``desktop-chat.ico``: 32-bit BMP entries up to 128 px, PNG at 256 (what Windows Explorer,
  PyInstaller and Inno Setup all read);
- ``desktop-chat.icns``: PNG-compressed entries from 16 to 1024 px (macOS 10.7+).

The SVG is rendered with Qt's own QSvgRenderer (PySide6-Essentials includes QtSvg), so no tool
beyond the app's dependencies is needed; .ico and .icns are simple containers written here.
The outputs are committed: run this again only after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
SVG = ICONS / "desktop-chat.svg"
NAME = "desktop-chat"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
FAINT_ALPHA = 8  # see clear_faint_pixels
ICO_PNG_FROM = 256  # entries this big are stored as PNG; smaller ones as BMP
# ICNS element type -> pixel size. The "@2x" types (ic11..ic14) repeat a size under the name
# macOS looks for on Retina screens.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def png_path(size: int) -> Path:
    """Where the ``size`` px PNG lives in the resources tree."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"


def render_all(sizes: set[int]) -> dict[int, tuple[bytes, bytes]]:
    """Render the SVG at each size: ``{size: (png_bytes, bgra_bytes)}``.

    ``bgra_bytes`` are straight (not premultiplied) pixels, top row first.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    out: dict[int, tuple[bytes, bytes]] = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        straight = image.convertToFormat(QImage.Format.Format_ARGB32)
        # ARGB32 is stored as one native-endian 32-bit word per pixel: B, G, R, A on x86/ARM.
        assert sys.byteorder == "little" and straight.bytesPerLine() == size * 4
        bgra = clear_faint_pixels(bytes(straight.constBits())[: size * size * 4])
        clean = QImage(bgra, size, size, size * 4, QImage.Format.Format_ARGB32)
        buffer = QBuffer(data := QByteArray())
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not clean.save(buffer, "PNG"):
            raise SystemExit(f"cannot encode the {size} px PNG")
        buffer.close()
        out[size] = (bytes(data.data()), bgra)
    del app
    return out


def clear_faint_pixels(bgra: bytes) -> bytes:
    """Make pixels with alpha below ``FAINT_ALPHA`` fully transparent.

    Un-premultiplying a pixel the shape barely touches divides a rounding error by a tiny
    alpha, which leaves it a random bright colour; invisible at that alpha, but viewers that
    ignore alpha and icon scalers show it as a coloured speck.
    """
    pixels = bytearray(bgra)
    for index, alpha in enumerate(pixels[3::4]):
        if 0 < alpha < FAINT_ALPHA:
            pixels[index * 4 : index * 4 + 4] = bytes(4)
    return bytes(pixels)


def bmp_entry(size: int, bgra: bytes) -> bytes:
    """An ICO image entry as a 32-bit DIB: header, bottom-up pixels, empty AND mask."""
    row = size * 4
    pixels = b"".join(bgra[y * row : (y + 1) * row] for y in reversed(range(size)))
    mask = bytes(((size + 31) // 32) * 4 * size)  # alpha does the masking; the mask stays 0
    image_size = len(pixels) + len(mask)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, image_size, 0, 0, 0, 0)
    return header + pixels + mask


def ico_bytes(images: dict[int, tuple[bytes, bytes]]) -> bytes:
    """A Windows .ico holding every size in ``ICO_SIZES``."""
    entries = []
    for size in ICO_SIZES:
        png, bgra = images[size]
        entries.append((size, png if size >= ICO_PNG_FROM else bmp_entry(size, bgra)))
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(directory) + 16 * len(entries)
    blobs = b""
    for size, blob in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return directory + blobs


def icns_bytes(images: dict[int, tuple[bytes, bytes]]) -> bytes:
    """A macOS .icns whose elements are the PNGs in ``ICNS_TYPES``."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size][0])) + images[size][0]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    sizes = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    images = render_all(sizes)
    for size in PNG_SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(images[size][0])
    (ICONS / f"{NAME}.ico").write_bytes(ico_bytes(images))
    (ICONS / f"{NAME}.icns").write_bytes(icns_bytes(images))
    print(f"wrote {len(PNG_SIZES)} PNGs, {NAME}.ico and {NAME}.icns under {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Render the SVG application icon to the PNG and ICO files installers need (build/icons/).

``commdesk.ico`` holds every size Windows asks for (16 to 256 px): the small ones as 32-bit
bitmaps with alpha, 256 px as PNG, as Windows' own icons do. Qt's ICO writer keeps only one
image, so the file is put together here.
"""

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon, QImage  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_FROM = 256  # sizes from here on are stored as PNG, smaller ones as bitmaps


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _bitmap(image: QImage) -> bytes:
    """A 32-bit BGRA device-independent bitmap as ICO wants it: bottom-up, double height, AND mask."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian memory order: B G R A
    width, height = image.width(), image.height()
    rows = [bytes(image.constScanLine(y))[: width * 4] for y in range(height - 1, -1, -1)]
    mask_row = b"\0" * (((width + 31) // 32) * 4)  # all visible: the alpha channel decides
    pixels = b"".join(rows) + mask_row * height
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(pixels), 0, 0, 0, 0)
    return header + pixels


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per image, then the images) of square images."""
    blobs = [_png(image) if image.width() >= PNG_FROM else _bitmap(image) for image in images]
    offset = 6 + 16 * len(images)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in a byte
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + entries + b"".join(blobs)


def main(out: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    icon = QIcon(str(ROOT / "resources" / "icons" / "commdesk.svg"))
    if icon.isNull():
        print("the SVG icon cannot be read (is the Qt SVG plugin missing?)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    images = []
    for size in SIZES:
        image = icon.pixmap(QSize(size, size)).toImage()
        if image.width() != size or not image.save(str(out / f"commdesk-{size}.png")):
            print(f"cannot render the icon at {size} px", file=sys.stderr)
            return 1
        images.append(image)
    icon.pixmap(QSize(256, 256)).save(str(out / "commdesk.png"))
    (out / "commdesk.ico").write_bytes(ico_bytes(images))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))

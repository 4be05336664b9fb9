"""Render the SVG application icon to the PNG and ICO files installers need (build/icons/)."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main(out: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    icon = QIcon(str(ROOT / "resources" / "icons" / "commdesk.svg"))
    if icon.isNull():
        print("the SVG icon cannot be read (is the Qt SVG plugin missing?)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        if not icon.pixmap(QSize(size, size)).save(str(out / f"commdesk-{size}.png")):
            return 1
    icon.pixmap(QSize(256, 256)).save(str(out / "commdesk.png"))
    if not icon.pixmap(QSize(256, 256)).toImage().save(str(out / "commdesk.ico"), "ICO"):
        print("no ICO writer in this Qt; Windows builds need build/icons/commdesk.ico", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))

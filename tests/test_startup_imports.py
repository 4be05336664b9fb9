"""Start-up stays light: the modules the main window needs do not pull in the heavy libraries.

Each of these costs tens to hundreds of milliseconds to import and is needed only by one
feature (migrations, the network, the keyring, reports, imports); load them where used.
"""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = (
    "alembic",
    "httpx",
    "feedparser",
    "keyring",
    "holidays",
    "lunardate",
    "vobject",
    "charset_normalizer",
    "rapidfuzz",
    "reportlab",
    "openpyxl",
    "icalendar",
    "recurring_ical_events",
    "num2words",
    "fastapi",
    "uvicorn",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
)


def test_starting_the_app_imports_nothing_heavy() -> None:
    code = f"import sys, app.cli, app.ui.app; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported at start-up: {result.stdout.strip()}"


def test_the_window_frame_is_shown_without_the_data_layer() -> None:
    """Phase one of start-up: the main window is painted before SQLAlchemy and the models load."""
    code = (
        "import sys\n"
        "from app.ui.app import make_application\n"
        "from app.ui.main_window import MainWindow\n"
        "app = make_application([])\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.isVisible() and window.stack.currentWidget() is window.loading_page\n"
        "print(','.join(m for m in ('sqlalchemy', 'app.db', 'app.models', 'app.services') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"loaded before the first paint: {result.stdout.strip()}"

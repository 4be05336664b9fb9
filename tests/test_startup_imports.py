"""Start-up stays light: the modules the main window needs do not pull in the heavy libraries.

Each of these costs tens to hundreds of milliseconds to import and is needed only by one
feature (migrations, the network, the keyring, reports, imports); load them where used.
"""

from __future__ import annotations

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

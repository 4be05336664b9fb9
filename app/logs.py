"""The log file: rotating, in the user log folder, so a problem can be reported after the fact.

``commdesk.log`` holds Python logging (and Qt's warnings, routed here by the GUI); when it
reaches 1 MB it becomes ``commdesk.log.1`` and so on, five files at most. Hard crashes that
Python cannot catch (a fault in native code) are written by :mod:`faulthandler` to
``native-crash.log``; the next start finds it and tells the user.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from datetime import datetime
from pathlib import Path
from typing import IO

from app.paths import log_dir

LOG_NAME = "commdesk.log"
NATIVE_CRASH_NAME = "native-crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: logging.Handler | None = None
_native: IO[str] | None = None


def log_file(data: Path) -> Path:
    return log_dir(data) / LOG_NAME


def setup_logging(data: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to the rotating file (once); returns the file's path."""
    global _handler
    path = log_file(data)
    if _handler is None:
        _handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        _handler.setFormatter(logging.Formatter(FORMAT))
        root = logging.getLogger()
        root.addHandler(_handler)
        if root.level > level or root.level == logging.NOTSET:
            root.setLevel(level)
    return path


def previous_native_crash(data: Path) -> Path | None:
    """If the last run died in native code, move its report aside and return where it went."""
    report = log_dir(data) / NATIVE_CRASH_NAME
    try:
        if report.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    kept = report.with_name(f"native-crash-{datetime.now():%Y%m%d-%H%M%S}.log")
    report.replace(kept)
    return kept


def enable_native_crash_report(data: Path) -> Path:
    global _native
    path = log_dir(data) / NATIVE_CRASH_NAME
    if _native is None:
        _native = path.open("a", encoding="utf-8")
        faulthandler.enable(file=_native, all_threads=True)
    return path


def shutdown_logging() -> None:
    """Detach the handlers (tests, and a clean exit: an empty native report means no crash)."""
    global _handler, _native
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _native is not None:
        faulthandler.disable()
        name = _native.name
        _native.close()
        _native = None
        report = Path(name)
        if report.exists() and report.stat().st_size == 0:
            report.unlink()

"""Where CommDesk keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "CommDesk"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else COMMDESK_DATA_DIR, else the platform's user data folder."""
    chosen = override or os.environ.get("COMMDESK_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(data: Path) -> Path:
    return data / "commdesk.sqlite3"


def backup_dir(data: Path) -> Path:
    path = data / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(data: Path) -> Path:
    path = data / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path

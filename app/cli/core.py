"""Core subcommands: backup and restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.paths import backup_dir, database_path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser("backup", help="copy the local database to a file")
    backup.add_argument("--out", required=True, type=Path, help="the backup file to write")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help="replace the local database with a backup")
    restore.add_argument("file", type=Path, help="a backup made by 'commdesk backup' or the app")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services
    from app.services.backup import back_up

    services = open_services(folder)  # migrates first, so the backup is of the current schema
    try:
        path = back_up(services.db.path, args.out)
    finally:
        services.close()
    print(f"{path}")
    return 0


def run_restore(args: argparse.Namespace, folder: Path) -> int:
    from app.services.backup import restore

    safety = restore(args.file, database_path(folder), backup_dir(folder))
    print(f"restored {args.file}; the previous data was kept in {safety}")
    return 0

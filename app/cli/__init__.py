"""The ``commdesk`` command: opens the app, or does command-line work with a subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__
from app.errors import CommDeskError

# Each module adds its subcommands through register(subparsers).
COMMAND_MODULES = [
    "app.cli.core",
    "app.cli.shipit",
    "app.cli.staff",
    "app.cli.demo",
    "app.cli.media",
    "app.cli.calendar",
    "app.cli.feeds",
    "app.cli.holidays",
    "app.cli.report",
    "app.cli.sync",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="commdesk", description="CommDesk — policy communication desk")
    parser.add_argument("--version", action="version", version=f"CommDesk {__version__}")
    parser.add_argument("--data-dir", help="folder of the local database (default: the user data folder)")
    parser.add_argument("--language", choices=["vi", "en"], help="language of the interface and messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.language:
        from app.i18n import set_language

        set_language(args.language)
    from app.paths import data_dir

    folder = data_dir(args.data_dir)
    if args.command is None:
        from app.ui.app import run_gui

        return run_gui(folder, args.language)
    try:
        return int(args.handler(args, folder) or 0)
    except CommDeskError as exc:
        print(f"commdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

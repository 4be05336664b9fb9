"""``commdesk export spokespersons``: the spokesperson register as PDF or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path


def export_subparsers(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The ``export`` command's own subcommands, creating ``export`` if no module has yet."""
    export = subparsers.choices.get("export")
    if export is None:
        export = subparsers.add_parser("export", help="write registers and lists to files")
        export.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    assert export._subparsers is not None
    for action in export._subparsers._group_actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the export command has no subcommands")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    kinds = export_subparsers(subparsers)
    spokespersons = kinds.add_parser(
        "spokespersons", help="the register of spokespersons and authorised speakers, ready to publish"
    )
    spokespersons.add_argument("--format", choices=["pdf", "xlsx"], required=True, dest="export_format")
    spokespersons.add_argument("--out", type=Path, required=True, help="the file to write")
    spokespersons.set_defaults(handler=run_export_spokespersons)


def run_export_spokespersons(args: argparse.Namespace, folder: Path) -> int:
    from app.reports.spokesperson_register import export_spokesperson_register
    from app.services import open_services

    services = open_services(folder)
    try:
        path = export_spokesperson_register(services, args.export_format, args.out)
    finally:
        services.close()
    print(path)
    return 0

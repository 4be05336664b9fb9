"""Contacts on the command line: ``commdesk import contacts FILE``, ``commdesk export contacts``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.i18n import Message


def _group(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The sub-commands of ``import``/``export``, shared with other workspaces that add theirs."""
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=f"{name}_what", metavar="WHAT", required=True)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imports = _group(subparsers, "import", "import data from a file")
    contacts_in = imports.add_parser("contacts", help="import journalists from CSV, XLSX or vCard")
    contacts_in.add_argument("file", type=Path)
    contacts_in.add_argument(
        "--import-good-rows",
        action="store_true",
        help="when some rows are rejected, import the others (default: import nothing)",
    )
    contacts_in.set_defaults(handler=run_import)

    exports = _group(subparsers, "export", "export data to a file")
    contacts_out = exports.add_parser("contacts", help="export journalists to CSV, XLSX or vCard")
    contacts_out.add_argument("--format", choices=["csv", "xlsx", "vcf"], required=True)
    contacts_out.add_argument("--out", type=Path, required=True)
    contacts_out.add_argument("--vcard-version", choices=["3.0", "4.0"], default="3.0")
    contacts_out.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        plan, result = services.contacts_import.import_file(args.file, good_rows=args.import_good_rows)
    finally:
        services.close()
    for row in plan.rejected:
        reasons = "; ".join(str(r) for r in row.reasons)
        print(str(Message(f"dòng {row.line}: {reasons}", f"line {row.line}: {reasons}")), file=sys.stderr)
    if plan.rejected and not args.import_good_rows:
        print(
            str(
                Message(
                    f"{len(plan.rejected)}/{plan.total} dòng bị từ chối; không nhập dòng nào. "
                    "Dùng --import-good-rows để nhập các dòng hợp lệ.",
                    f"{len(plan.rejected)} of {plan.total} rows rejected; nothing imported. "
                    "Use --import-good-rows to import the valid rows.",
                )
            ),
            file=sys.stderr,
        )
        return 1
    print(
        str(
            Message(
                f"Đã nhập {result.imported} nhà báo, tạo mới {result.agencies_created} cơ quan báo chí.",
                f"Imported {result.imported} journalists, created {result.agencies_created} press agencies.",
            )
        )
    )
    if result.new_agencies:
        print(
            str(
                Message(
                    "Cơ quan báo chí mới được tạo (báo trung ương) — cần kiểm tra loại hình và cấp:",
                    "New press agencies created (as central newspapers) — check their type and level:",
                )
            )
        )
        for name in result.new_agencies:
            print(f"  - {name}")
    return 0


def run_export(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        count = services.contacts_export.export(args.out, args.format, vcard_version=args.vcard_version)
    finally:
        services.close()
    print(
        str(Message(f"Đã xuất {count} nhà báo ra {args.out}", f"Exported {count} journalists to {args.out}"))
    )
    return 0

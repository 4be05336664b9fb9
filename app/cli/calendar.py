"""Calendar subcommands: ``commdesk export ics`` and ``commdesk import ics``."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app.i18n import Message


def _formats(subparsers: argparse._SubParsersAction, verb: str, help_text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The format subcommands of ``verb`` (``export``/``import``), shared with other areas."""
    parser = subparsers.choices.get(verb)
    if parser is None:
        parser = subparsers.add_parser(verb, help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=f"{verb}_format", metavar="FORMAT", required=True)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = _formats(subparsers, "export", "export data to a file")
    ics_out = export.add_parser("ics", help="export the calendar to an iCalendar (.ics) file")
    ics_out.add_argument("--out", required=True, type=Path, help="the .ics file to write")
    ics_out.add_argument("--from", dest="date_from", type=_date, help="first day (YYYY-MM-DD or DD/MM/YYYY)")
    ics_out.add_argument("--to", dest="date_to", type=_date, help="last day, included")
    ics_out.set_defaults(handler=run_export)

    imports = _formats(subparsers, "import", "import data from a file")
    ics_in = imports.add_parser("ics", help="import activities from an iCalendar (.ics) file")
    ics_in.add_argument("file", type=Path, help="an .ics file from Outlook, Google Calendar or CommDesk")
    ics_in.add_argument(
        "--skip-existing", action="store_true", help="leave activities with the same UID unchanged"
    )
    ics_in.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    ics_in.set_defaults(handler=run_import)


def _date(text: str) -> date:
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"not a date: {text!r} (YYYY-MM-DD or DD/MM/YYYY)")


def run_export(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services
    from app.services.ical import export_ics
    from app.services.recurrence import LOCAL_TZ

    window = None
    if args.date_from or args.date_to:
        start = datetime.combine(args.date_from or date(1970, 1, 1), time(0), LOCAL_TZ)
        end = datetime.combine((args.date_to or date(2199, 12, 31)) + timedelta(days=1), time(0), LOCAL_TZ)
        if end <= start:
            print(Message("commdesk: --to trước --from", "commdesk: --to is before --from"), file=sys.stderr)
            return 2
        window = (start, end)
    services = open_services(folder)
    try:
        count = export_ics(services, args.out, window=window)
    finally:
        services.close()
    print(Message(f"Đã xuất {count} hoạt động vào {args.out}", f"Exported {count} activities to {args.out}"))
    return 0


def run_import(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services
    from app.services.ical import apply, preview

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(
            Message(
                f"commdesk: không đọc được {args.file}: {exc}", f"commdesk: cannot read {args.file}: {exc}"
            ),
            file=sys.stderr,
        )
        return 2
    services = open_services(folder)
    try:
        plan = preview(services, data, update_existing=not args.skip_existing)
        problems = plan.problems
        if args.dry_run:
            created, updated, skipped = plan.count("create"), plan.count("update"), plan.count("skip")
        else:
            result = apply(services, plan)
            created, updated, skipped, problems = (
                result.created,
                result.updated,
                result.skipped,
                result.problems,
            )
    finally:
        services.close()
    for problem in problems:
        where = f"{Message('dòng', 'line')} {problem.line}: " if problem.line else ""
        print(f"{where}{problem.message}", file=sys.stderr)
    print(
        Message(
            f"Thêm mới {created}, cập nhật {updated}, bỏ qua {skipped}; {len(problems)} vấn đề.",
            f"Created {created}, updated {updated}, skipped {skipped}; {len(problems)} problem(s).",
        )
    )
    return 1 if any(p.fatal for p in problems) else 0

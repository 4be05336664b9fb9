"""``commdesk holidays``: the holiday-schedule changes the government announces (list on any desk;
add and remove on a desk logged in with the central role, which publishes them to every office)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.i18n import Message


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    holidays = subparsers.add_parser("holidays", help="changes to the public-holiday schedule")
    commands = holidays.add_subparsers(dest="holidays_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="list the changes this desk knows of")
    listing.add_argument("--year", type=int, help="only this year")
    listing.set_defaults(handler=run_list)

    add = commands.add_parser("add", help="publish a change (central role): a day off or a working day")
    add.add_argument("day", help="the day, dd/mm/yyyy or yyyy-mm-dd")
    add.add_argument("--kind", required=True, choices=["day_off", "workday"])
    add.add_argument("--name", required=True, help="the name shown in calendars (Vietnamese)")
    add.add_argument("--name-en", default="", help="the name in English")
    add.add_argument("--decision", default="", help="the document announcing it")
    add.set_defaults(handler=run_add)

    remove = commands.add_parser("remove", help="withdraw a published change (central role)")
    remove.add_argument("day", help="the day, dd/mm/yyyy or yyyy-mm-dd")
    remove.set_defaults(handler=run_remove)


def run_list(args: argparse.Namespace, folder: Path) -> int:
    from app.models.enums import HolidayOverrideKind
    from app.services import open_services
    from app.services.labels import enum_label

    services = open_services(folder)
    try:
        if args.year is None:
            shown = services.holidays.list(order_by="day")
        else:
            shown = services.holidays.in_year(args.year)
        office_id = services.ctx.office_id
    finally:
        services.close()
    for row in shown:
        kind = enum_label(HolidayOverrideKind, row.kind)
        source = str(Message("trung ương", "central")) if row.office_id != office_id else ""
        print(f"{row.day:%d/%m/%Y}\t{kind}\t{row.name}\t{row.decision}\t{source}".rstrip())
    if not shown:
        print(str(Message("Không có điều chỉnh lịch nghỉ lễ nào.", "No holiday schedule changes.")))
    return 0


def run_add(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        row = services.holidays.create(
            {
                "day": args.day,
                "kind": args.kind,
                "name": args.name,
                "name_en": args.name_en,
                "decision": args.decision,
            }
        )
    finally:
        services.close()
    print(
        str(
            Message(
                f"Đã ghi {row.day:%d/%m/%Y}: {row.name}; gửi đi ở lần đồng bộ tới (commdesk sync).",
                f"Recorded {row.day:%d/%m/%Y}: {row.name}; published at the next sync (commdesk sync).",
            )
        )
    )
    return 0


def run_remove(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        day = services.holidays.withdraw(args.day)
    finally:
        services.close()
    print(str(Message(f"Đã rút điều chỉnh ngày {day:%d/%m/%Y}.", f"Withdrew the change for {day:%d/%m/%Y}.")))
    return 0

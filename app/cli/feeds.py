"""``commdesk feeds``: news-feed subscriptions for scheduled tasks (add, fetch, list)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.i18n import Message
from app.text import fold


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    feeds = subparsers.add_parser("feeds", help="RSS/Atom feeds of press agencies")
    commands = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="subscribe to a feed")
    add.add_argument("url", help="the RSS or Atom address (http/https)")
    add.add_argument("--agency", help="name (or short name) of the press agency publishing it")
    add.set_defaults(handler=run_add)

    fetch = commands.add_parser("fetch", help="fetch every feed once and print what it proposed")
    fetch.set_defaults(handler=run_fetch)

    listing = commands.add_parser("list", help="list the feeds with their state")
    listing.set_defaults(handler=run_list)


def _find_agency(services: object, name: str) -> str:
    from app.errors import NotFound
    from app.services import Services

    assert isinstance(services, Services)
    wanted = fold(name).strip()
    matches = [
        row
        for row in services.agencies.list()
        if wanted in (fold(row.name).strip(), fold(row.short_name or "").strip())
    ]
    if not matches:
        matches = services.agencies.list(search=name)
    if len(matches) != 1:
        found = ", ".join(r.name for r in matches[:5])
        raise NotFound(
            Message(
                f"Không xác định được cơ quan báo chí '{name}'" + (f" (có thể là: {found})" if found else ""),
                f"Could not identify the press agency '{name}'"
                + (f" (candidates: {found})" if found else ""),
            )
        )
    return str(matches[0].id)


def run_add(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        agency_id = _find_agency(services, args.agency) if args.agency else None
        feed = services.feeds.add(args.url, agency_id)
    finally:
        services.close()
    print(
        str(Message(f"Đã theo dõi {feed.url}", f"Subscribed to {feed.url}"))
        + (f" ({feed.agency_name})" if feed.agency_name else "")
    )
    return 0


def run_fetch(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        outcomes = services.feeds.fetch()
    finally:
        services.close()
    proposed = 0
    failed = 0
    for outcome in outcomes:
        if outcome.state == "failed":
            failed += 1
            print(f"! {outcome.url}: {outcome.error}")
            continue
        if outcome.state == "not_modified":
            print(str(Message(f"= {outcome.url}: không có gì mới", f"= {outcome.url}: nothing new")))
            continue
        print(
            str(
                Message(
                    f"+ {outcome.url}: {outcome.items} tin, {len(outcome.proposed)} bài đề xuất",
                    f"+ {outcome.url}: {outcome.items} items, {len(outcome.proposed)} proposed",
                )
            )
        )
        for row in outcome.proposed:
            topics = "; ".join(row.topic_names)
            print(f"    [{row.sentiment}] {row.headline} — {topics}")
            if row.url:
                print(f"      {row.url}")
        proposed += len(outcome.proposed)
    if not outcomes:
        print(
            str(
                Message(
                    "Chưa theo dõi nguồn tin nào (commdesk feeds add URL).",
                    "No feeds yet (commdesk feeds add URL).",
                )
            )
        )
    print(
        str(
            Message(
                f"{len(outcomes)} nguồn tin, {proposed} bài đề xuất, {failed} nguồn lỗi (sẽ thử lại sau).",
                f"{len(outcomes)} feeds, {proposed} proposed articles, {failed} failed (will be retried).",
            )
        )
    )
    return 0


def run_list(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services

    services = open_services(folder)
    try:
        feeds = services.feeds.list()
    finally:
        services.close()
    for feed in feeds:
        checked = feed.last_checked_at.strftime("%Y-%m-%d %H:%M UTC") if feed.last_checked_at else "-"
        state = feed.last_error or str(Message("bình thường", "ok"))
        agency = feed.agency_name or "-"
        print(f"{feed.url}\t{agency}\t{checked}\t{feed.waiting}\t{state}")
    if not feeds:
        print(str(Message("Chưa theo dõi nguồn tin nào.", "No feeds yet.")))
    return 0

"""commdesk-server: run and administer the CommDesk sync server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import timedelta

from app.server import admin
from app.server.auth import revoke_device
from app.server.db import DEFAULT_URL, make_server_engine, migrate, set_epoch
from app.server.store import purge_tombstones

DB_ENV = "COMMDESK_SERVER_DB"


def _db(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get(DB_ENV) or DEFAULT_URL)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    url = _db(args)
    engine = make_server_engine(url)
    migrate(engine)
    engine.dispose()
    os.environ[DB_ENV] = url
    uvicorn.run(
        "app.server.asgi:create",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        log_level=args.log_level,
    )
    return 0


def cmd_init_db(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    migrate(engine)
    print("database ready")
    return 0


def cmd_create_office(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    migrate(engine)
    office_id = admin.create_office(engine, args.code, args.name or "")
    print(f"office {args.code} created: {office_id}")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise admin.AdminError("the two passwords differ")
    return first


def cmd_create_user(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    migrate(engine)
    admin.create_user(engine, args.office, args.username, _password(args), args.role)
    print(f"user {args.username} ({args.role}) created in {args.office}")
    return 0


def cmd_list_devices(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    for device in admin.list_devices(engine):
        state = "revoked" if device["revoked_at"] else "active"
        print(f"{device['id']}  {device['code']:<16} {device['username']:<20} {state:<8} {device['name']}")
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    if not revoke_device(engine, args.device_id):
        print(f"no active device {args.device_id}", file=sys.stderr)
        return 1
    print(f"device {args.device_id} revoked")
    return 0


def cmd_new_epoch(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    print(f"server epoch is now {set_epoch(engine)}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    engine = make_server_engine(_db(args))
    print(f"{purge_tombstones(engine, timedelta(days=args.older_than_days))} tombstones purged")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="commdesk-server", description="CommDesk sync server")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, handler: object, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db", help=f"database URL (default ${DB_ENV} or {DEFAULT_URL})")
        p.set_defaults(handler=handler)
        return p

    serve = command("serve", cmd_serve, "run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--log-level", default="info")
    command("init-db", cmd_init_db, "create or upgrade the database")
    office = command("create-office", cmd_create_office, "add an office")
    office.add_argument("code")
    office.add_argument("--name")
    user = command("create-user", cmd_create_user, "add an account")
    user.add_argument("username")
    user.add_argument("--office", required=True, help="office code")
    user.add_argument("--role", required=True, choices=["staff", "manager", "central"])
    user.add_argument("--password-stdin", action="store_true")
    command("list-devices", cmd_list_devices, "list devices that logged in")
    revoke = command("revoke-device", cmd_revoke_device, "sign a device out for good")
    revoke.add_argument("device_id")
    command("new-epoch", cmd_new_epoch, "after restoring a backup: make clients reconcile")
    purge = command("purge-tombstones", cmd_purge, "drop old tombstones (clients behind re-pull)")
    purge.add_argument("--older-than-days", type=int, default=180)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except admin.AdminError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

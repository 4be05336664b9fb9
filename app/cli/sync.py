"""``commdesk login`` and ``commdesk sync``: the same sync as the app, for IT staff and scheduled tasks."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1  # the round did not complete (offline, server error...): changes stay queued
EXIT_ATTENTION = 3  # completed, but conflicts or rejected changes need a person


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    login = subparsers.add_parser("login", help="log in to the sync server (the token goes to the keyring)")
    login.add_argument("--server", required=True, help="server address, e.g. https://sync.example.gov.vn")
    login.add_argument("--user", required=True, help="user name on the server")
    login.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    login.add_argument("--ca-bundle", help="a CA certificate file to trust for the server")
    login.set_defaults(handler=run_login)

    sync = subparsers.add_parser("sync", help="run one sync round (or show the state with --status)")
    sync.add_argument("--status", action="store_true", help="show the sync state without syncing")
    sync.set_defaults(handler=run_sync)


def run_login(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services
    from app.sync.client import SyncClient
    from app.sync.transport import SyncFailure

    password = (
        sys.stdin.readline().rstrip("\r\n")
        if args.password_stdin
        else getpass.getpass("Mật khẩu / Password: ")
    )
    services = open_services(folder)
    client = SyncClient(services)
    try:
        token = client.login(args.server, args.user, password, args.ca_bundle or "")
    except SyncFailure as failure:
        print(f"login failed ({failure.kind}): {failure.detail}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        client.close()
        services.close()
    print(f"logged in as {token.username} ({token.role.value}) for office {token.office_code}")
    return EXIT_OK


def run_sync(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services
    from app.sync.client import SyncClient

    services = open_services(folder)
    client = SyncClient(services)
    try:
        if args.status:
            status = client.status()
            print(
                f"server: {status.server_url or '-'}  user: {status.username or '-'}  logged in: {status.logged_in}"
            )
            print(f"last success: {status.last_success.isoformat() if status.last_success else 'never'}")
            print(
                f"pending changes: {status.pending}  open conflicts: {status.conflicts}  dead letters: {status.dead_letters}"
            )
            if status.last_error:
                print(f"last error: {status.last_error}")
            return EXIT_OK
        result = client.sync_now()
    finally:
        client.close()
        services.close()
    print(result.summary())
    if not result.ok:
        return EXIT_FAILED
    return EXIT_ATTENTION if result.conflicts or result.rejected else EXIT_OK

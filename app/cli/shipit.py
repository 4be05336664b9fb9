"""``commdesk self-test``: checks an installation end to end, for IT officers and the bundle smoke test.

It opens the database (running migrations), checks that the fonts, translations and icon are
there, builds the main window with every workspace and Settings section (offscreen when there
is no display), starts the window as a user does (the frame first, the data opened in the
background), backs the database up and checks the copy, and says which keyring backend holds
the passwords. It prints one line per check and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    test = subparsers.add_parser("self-test", help="check this installation: data, resources, window, backup")
    test.add_argument(
        "--window", choices=["offscreen", "screen"], default="offscreen", help="where to build the window"
    )
    test.set_defaults(handler=run_self_test)


def run_self_test(args: argparse.Namespace, folder: Path) -> int:
    if args.window == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    results: list[tuple[bool, str]] = []

    def check(name: str, probe: Callable[[], str]) -> None:
        try:
            detail = probe()
        except Exception as exc:  # a self-test reports every failure and goes on
            results.append((False, f"{name}: {type(exc).__name__}: {exc}"))
        else:
            results.append((True, f"{name}: {detail}" if detail else name))

    check("resources", _resources)
    check("keyring", _keyring)
    services_box: list[object] = []
    check("database", lambda: _database(folder, services_box))
    if services_box:
        services = services_box[0]
        check("backup", lambda: _backup(services))
        check("window", lambda: _window(services, getattr(args, "language", None)))
        has_office = services.offices.current() is not None  # type: ignore[attr-defined]
        services.close()  # type: ignore[attr-defined]
        check("start-up", lambda: _start_up(folder, getattr(args, "language", None), has_office))
    for ok, line in results:
        print(("ok    " if ok else "FAIL  ") + line)
    return 0 if all(ok for ok, _line in results) else 1


def _start_up(folder: Path, language: str | None, has_office: bool) -> str:
    """The window as CommDesk starts it: the frame at once, the data layer on a background thread."""
    if not has_office:
        return "skipped: the office details are asked for at the first start"
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    from app.ui.app import DesktopApp, make_application

    make_application(sys.argv[:1])
    desktop = DesktopApp(folder, language)
    desktop.ask_about_problem = lambda error: ("quit", None)  # type: ignore[method-assign]
    outcome: list[str] = []
    loop = QEventLoop()

    def finished(what: str) -> None:
        outcome.append(what)
        loop.quit()

    desktop.ready.connect(lambda: finished("ready"))
    desktop.gave_up.connect(lambda: finished("the data could not be opened"))
    started = time.perf_counter()
    try:
        desktop.start()
        shown = time.perf_counter() - started
        if not outcome:
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()
        if outcome != ["ready"]:
            raise RuntimeError(outcome[0] if outcome else "the workspaces did not fill in within 2 minutes")
        filled = time.perf_counter() - started
    finally:
        desktop.shutdown()
    return f"window shown in {shown * 1000:.0f} ms, workspaces filled in {filled * 1000:.0f} ms"


def _resources() -> str:
    from importlib.resources import files

    root = files("app.resources")
    needed = [
        root / "fonts" / "LiberationSerif-Regular.ttf",
        root / "fonts" / "LiberationSerif-Bold.ttf",
        root / "i18n" / "commdesk_vi.qm",
        root / "i18n" / "qt_vi.qm",
        root / "icons" / "commdesk.svg",
    ]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    return f"{len(needed)} files"


def _keyring() -> str:
    """The password store: this system's backend and what it needs must be importable (the
    bundle carries them), keyring must find it; whether it works here (a headless machine has
    no Secret Service) is reported, not failed: CommDesk then says so when a password is saved."""
    import importlib
    from importlib.metadata import entry_points

    import keyring

    from app.services.secrets import platform_backend_modules, platform_backend_name, status

    for name in platform_backend_modules():
        importlib.import_module(name)
    found = {entry.name for entry in entry_points(group="keyring.backends")}
    if platform_backend_name() not in found:
        raise RuntimeError(
            f"keyring does not list its {platform_backend_name()} backend (found: {sorted(found)})"
        )
    backend = keyring.get_keyring()
    return f"{platform_backend_name()} backend present; in use: {type(backend).__module__}.{type(backend).__name__} ({status()})"


def _database(folder: Path, box: list[object]) -> str:
    from app.db import current_revision
    from app.services import open_services

    services = open_services(folder)
    box.append(services)
    office = services.offices.current()
    return f"{services.db.path} at {current_revision(services.db.engine)}; office: {office.name if office else '(not set up yet)'}"


def _backup(services: object) -> str:
    from app.services.backup import back_up, verify_backup

    with tempfile.TemporaryDirectory() as scratch:
        copy = back_up(services.db.path, Path(scratch) / "self-test.sqlite3")  # type: ignore[attr-defined]
        return f"copy checked ({verify_backup(copy)})"


def _window(services: object, language: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    from app.ui.app import create_main_window, install_translations, make_application

    app = make_application(sys.argv[:1])
    chosen = language or services.preferences.get("language")  # type: ignore[attr-defined]
    install_translations(app, chosen)
    window = create_main_window(services)  # type: ignore[arg-type]
    try:
        window.show()
        pages = 0
        for spec in list(window._specs):
            window.show_page(spec.key)
            pages += 1
        settings = window.page("settings")
        from app.ui.settings import SETTINGS_SECTIONS

        for section in SETTINGS_SECTIONS:
            settings.show_section(section.key)  # type: ignore[attr-defined]
        for _ in range(3):
            window.ctx.tasks.wait_for_done()
            QCoreApplication.processEvents()
        menu = window.menuBar().actions()[0].text()
        if chosen == "vi" and menu != "&Tệp":
            raise RuntimeError(f"the Vietnamese translation did not load (File menu reads {menu!r})")
        return f"{pages} workspaces, {len(SETTINGS_SECTIONS)} settings sections, language {chosen}"
    finally:
        window.ctx.tasks.wait_for_done()
        window.close()
        services.db.forbid_thread(None)  # type: ignore[attr-defined]

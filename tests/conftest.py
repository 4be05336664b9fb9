"""Shared fixtures: a fresh temporary database per test, headless Qt."""

from __future__ import annotations

import gc
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QCoreApplication

from app.db import open_database
from app.i18n import set_language
from app.paths import database_path
from app.services import Services, open_services
from app.ui.garbage import collect_due_generations
from tests.ui_pages import close_page, settle

Page = TypeVar("Page")

OFFICE = {
    "code": "UBND-TEST",
    "name": "Văn phòng Ủy ban nhân dân tỉnh Thử Nghiệm",
    "province": "Thử Nghiệm",
    "superior_body": "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
    "place_name": "Thử Nghiệm",
    "symbol_suffix": "UBND",
    "signer_name": "Nguyễn Văn An",
    "signer_title": "Chánh Văn phòng",
    "period_rule": "calendar_quarter",
}


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (app/ui/garbage.py): worker threads never run the cycle collector."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    collect_due_generations()


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    set_language("vi")
    yield
    set_language("vi")
    _remove_installed_translators()


def _remove_installed_translators() -> None:
    """A test that installed the Qt translators must not change what the next test reads."""
    from app.ui import app as ui_app

    qapp = QCoreApplication.instance()
    if qapp is not None:
        for translator in ui_app._translators:
            qapp.removeTranslator(translator)
    ui_app._translators.clear()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the current schema, migrated once per test run.

    Copying it is what migrating a new file would produce (a new file gets no backup), only
    without running every migration again for each test.
    """
    path = tmp_path_factory.mktemp("template") / "commdesk.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture
def bare_services(data_dir: Path, migrated_template: Path) -> Iterator[Services]:
    """Services on a new database, before first-run set-up (no office yet)."""
    target = database_path(data_dir)
    if not target.exists():
        shutil.copyfile(migrated_template, target)
    services = open_services(data_dir, actor="tester")
    yield services
    services.close()


@pytest.fixture
def services(bare_services: Services) -> Services:
    """Services on a new database whose office is set up."""
    bare_services.offices.set_up(dict(OFFICE))
    return bare_services


@pytest.fixture
def open_ui_page(qtbot: Any, services: Services) -> Iterator[Callable[..., Any]]:
    """``open_ui_page(make, (width, height))``: a page built by ``make(ctx)`` on a new UI context,
    shown at that size once its first background work has reported back. Closed after the test,
    when every answer it asked for has arrived (tests/ui_pages.py close_page), rather than by qtbot."""
    from app.ui.app import build_context

    shown: list[tuple[Any, Any]] = []

    def show(make: Callable[[Any], Page], size: tuple[int, int]) -> Page:
        ctx = build_context(services)
        page: Any = make(ctx)
        shown.append((page, ctx))
        page.resize(*size)
        page.show()
        settle(qtbot, ctx)
        return page

    yield show
    for page, ctx in shown:
        close_page(qtbot, page, ctx)
    services.db.forbid_thread(None)

"""The demo data set: deterministic, valid by the services' own rules, searchable."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.models import SYNCED_MODELS
from app.services import Services, open_services
from app.services.demo import DEMO_NOW, generate, has_data

SYNC_COLUMNS = {"id", "office_id", "version", "updated_at", "updated_hlc", "updated_by", "deleted_at"}


def snapshot(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with services.db.engine.connect() as connection:
        for name in SYNCED_MODELS:
            rows = connection.execute(text(f"SELECT * FROM {name} ORDER BY id")).all()
            tables[name] = [tuple(row) for row in rows]
    return tables


def build(folder: Path, seed: int) -> dict[str, list[tuple[Any, ...]]]:
    services = open_services(folder, actor="tester")
    try:
        generate(services, "small", seed=seed)
        return snapshot(services)
    finally:
        services.close()


def test_same_seed_same_rows_and_other_seed_other_rows(tmp_path: Path) -> None:
    first = build(tmp_path / "a", 7)
    again = build(tmp_path / "b", 7)
    other = build(tmp_path / "c", 8)
    assert first == again
    assert sum(len(rows) for rows in first.values()) > 3000
    assert first["journalist"] != other["journalist"]
    assert first["activity"] != other["activity"]


def test_demo_rows_pass_every_service_rule(bare_services: Services) -> None:
    counts = generate(bare_services, "small", seed=3)
    assert bare_services.offices.current() is not None
    assert bare_services.ctx.office_id == bare_services.offices.current().id
    services_by_table = {
        getattr(bare_services, name).table: getattr(bare_services, name)
        for name in vars(bare_services)
        if hasattr(getattr(bare_services, name), "specs")
    }
    assert set(services_by_table) == set(SYNCED_MODELS)
    with bare_services.db.session() as session:
        for table, count in counts.items():
            service = services_by_table[table]
            rows = session.scalars(select(service.model)).all()
            assert len(rows) == count
            for row in rows:
                values = {name: getattr(row, name) for name in service.specs}
                service.validate(session, values, current=row)  # raises ValidationError if refused
                assert row.office_id == bare_services.ctx.office_id
                assert row.updated_by == "demo"
                assert row.updated_hlc and row.updated_at <= DEMO_NOW.astimezone(UTC)


def test_demo_writes_no_outbox_and_covers_the_domain(bare_services: Services) -> None:
    generate(bare_services, "small")
    services = bare_services
    assert services.pending_changes() == 0
    activity_types = {row.type for row in services.activities.list()}
    assert len(activity_types) == 16  # every type
    statuses = {row.status for row in services.activities.list()}
    assert statuses >= {"planned", "approved", "preparing", "done", "postponed", "cancelled"}
    series = services.activities.list(filters={"rrule": "FREQ=MONTHLY;BYDAY=-1TH"})
    assert len(series) == 1 and series[0].exdates
    assert services.activities.count(filters={"series_id": series[0].id}) == 1
    spokespersons = [s for s in services.staff.list() if "spokesperson" in s.roles and s.active_to is None]
    assert len(spokespersons) == 1
    assert spokespersons[0].decision_number and spokespersons[0].published_on_portal_at
    assert {a.kind for a in services.agencies.list()} == {
        "newspaper",
        "magazine",
        "broadcaster",
        "news_agency",
        "multimedia_flagship",
    }
    assert {a.level for a in services.agencies.list()} == {"central", "local"}
    assert {t.stage for t in services.topics.list()} == {
        "proposal",
        "drafting_consultation",
        "issued",
        "implementation",
        "evaluation",
    }
    questions = services.interactions.list(filters={"kind": "question_received"})
    assert all((q.due_date - q.occurred_at.date()).days == 30 for q in questions)
    open_questions = [q for q in questions if q.answered_at is None]
    late = [q for q in questions if q.answered_at and q.answered_at.date() > q.due_date]
    assert open_questions and late
    assert {c.sentiment for c in services.coverage.list()} == {"positive", "neutral", "negative"}
    assert {c.sentiment_source for c in services.coverage.list()} == {"manual", "automatic"}
    assert all(isinstance(e.amount, int) and e.amount > 0 for e in services.expenses.list())
    assert services.adjustments.count() > 0
    assert services.trainings.count() > 0 and services.lists.count() > 0


def test_demo_is_searchable_without_accents(bare_services: Services) -> None:
    generate(bare_services, "small")
    found = bare_services.journalists.list(search="nguyen")
    assert found and all("Nguyễn" in j.full_name for j in found)
    assert bare_services.agencies.count(search="tuoi tre") >= 1
    assert bare_services.agencies.count(search="dai truyen hinh viet nam") >= 1
    assert bare_services.activities.count(search="hop bao") > 0
    assert bare_services.coverage.count(search="quang ninh") > 0


def test_demo_keeps_an_existing_office(services: Services) -> None:
    office = services.offices.current()
    generate(services, "small")
    assert services.offices.count() == 1
    assert services.offices.current().id == office.id
    assert services.journalists.list(limit=1)[0].office_id == office.id


def test_unknown_scale_is_refused(bare_services: Services) -> None:
    with pytest.raises(ValueError, match="unknown scale"):
        generate(bare_services, "huge")
    assert not has_data(bare_services)


def test_cli_demo_if_empty(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "demo", "--scale", "small"]
    first = subprocess.run([*command, "--if-empty"], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "rows generated" in first.stdout
    second = subprocess.run([*command, "--if-empty"], capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "nothing generated" in second.stdout
    services = open_services(tmp_path)
    try:
        assert services.journalists.count() > 0
        assert services.offices.count() == 1
        stamp = datetime.now(UTC)
        assert all(j.updated_at < stamp for j in services.journalists.list(limit=5))
    finally:
        services.close()

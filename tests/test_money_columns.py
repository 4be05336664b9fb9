"""Money is whole VND in 64-bit integers everywhere: billions fit."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import BigInteger, inspect, text

from app.models import SYNCED_MODELS
from app.services import Services
from app.services.fields import MONEY, SIGNED_MONEY

FIVE_BILLION = 5_000_000_000  # more than a 32-bit integer holds


def test_every_money_column_is_a_64_bit_integer(services: Services) -> None:
    money_fields = {
        (service.table, name)
        for service in (getattr(services, attr) for attr in vars(services))
        if hasattr(service, "specs")
        for name, spec in service.specs.items()
        if spec.kind in (MONEY, SIGNED_MONEY)
    }
    declared = {(table, name) for table, model in SYNCED_MODELS.items() for name in model.__money_fields__}
    assert money_fields == declared
    assert ("training_record", "cost") in declared and ("activity", "actual_cost") in declared
    for table, name in declared:
        column = inspect(SYNCED_MODELS[table]).columns[name]
        assert isinstance(column.type, BigInteger), f"{table}.{name}"
    with services.db.session() as session:
        for table, name in declared:
            schema = session.execute(
                text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}
            ).scalar()
            assert f"{name} BIGINT" in schema, f"{table}.{name} is declared in the database as: {schema}"


def test_five_billion_dong_is_stored_and_read_back(services: Services) -> None:
    activity = services.activities.create(
        {
            "type": "press_conference_thematic",
            "nature": "regular",
            "status": "planned",
            "title": "Hội nghị xúc tiến đầu tư",
            "starts_at": datetime(2026, 5, 4, 2, 0, tzinfo=UTC),
            "mode": "in_person",
            "planned_cost": "5.000.000.000",
            "actual_cost": FIVE_BILLION + 1,
        }
    )
    member = services.staff.create({"full_name": "Trần Văn Bình"})
    training = services.trainings.create(
        {
            "staff_id": member.id,
            "course": "Bồi dưỡng người phát ngôn",
            "starts_on": date(2026, 3, 2),
            "cost": FIVE_BILLION,
        }
    )
    assert services.activities.get(activity.id).planned_cost == FIVE_BILLION
    assert services.activities.get(activity.id).actual_cost == FIVE_BILLION + 1
    assert services.trainings.get(training.id).cost == FIVE_BILLION
    with services.db.session() as session:
        stored = session.execute(text("SELECT typeof(cost), cost FROM training_record")).one()
        assert tuple(stored) == ("integer", FIVE_BILLION)

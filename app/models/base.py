"""Declarative base, column types and the columns every synced table carries."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

import uuid6
from sqlalchemy import CheckConstraint, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A UUIDv7 as text: made on the client, roughly time-ordered, unique across devices."""
    return str(uuid6.uuid7())


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes, stored as naive UTC; naive input is refused, not guessed."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_check(column: str, enum: type[StrEnum], nullable: bool = False) -> CheckConstraint:
    codes = ", ".join(f"'{member.value}'" for member in enum)
    condition = f"{column} IN ({codes})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_code")


def non_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IS NULL OR {column} >= 0", name=f"{column}_non_negative")


class Synced:
    """Columns of every table that travels through sync (DESIGN.md §2)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    office_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(40), default="")
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    # Fields a money-conflict policy must not resolve silently (see app/sync).
    __money_fields__: tuple[str, ...] = ()

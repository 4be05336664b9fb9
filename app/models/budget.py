"""Budget allocations, their adjustments, and expenses. Money is whole VND in integers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, enum_check, non_negative
from app.models.enums import FundingSource, TaskCategory


class BudgetAllocation(Synced, Base):
    __tablename__ = "budget_allocation"
    __table_args__ = (
        enum_check("funding_source", FundingSource),
        enum_check("task_category", TaskCategory),
        non_negative("amount"),
        CheckConstraint("fiscal_year BETWEEN 2000 AND 2100", name="fiscal_year_range"),
    )
    __money_fields__ = ("amount",)

    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    funding_source: Mapped[str] = mapped_column(String(40))
    task_category: Mapped[str] = mapped_column(String(40))
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    budget_code: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class BudgetAdjustment(Synced, Base):
    """A signed change to an allocation, carried by its own decision."""

    __tablename__ = "budget_adjustment"
    __money_fields__ = ("amount",)

    allocation_id: Mapped[str] = mapped_column(ForeignKey("budget_allocation.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class Expense(Synced, Base):
    __tablename__ = "expense"
    __table_args__ = (non_negative("amount"),)
    __money_fields__ = ("amount",)

    spent_on: Mapped[date] = mapped_column(Date, index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    allocation_id: Mapped[str | None] = mapped_column(
        ForeignKey("budget_allocation.id"), nullable=True, index=True
    )
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), nullable=True, index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    voucher_number: Mapped[str] = mapped_column(String(80), default="")
    payee: Mapped[str] = mapped_column(String(300), default="")
    overspend_reason: Mapped[str] = mapped_column(Text, default="")

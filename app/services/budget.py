"""Services for budget allocations, adjustments and expenses (whole VND).

Balance of an allocation = its amount + its adjustments − its expenses. An expense that would
take the balance below zero is refused, or accepted only with a reason, as the office chooses
in the setting ``budget.overspend_policy`` (``warn``, the default, or ``refuse``).
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.errors import FieldProblem, ValidationError
from app.i18n import Message
from app.models import Activity, BudgetAdjustment, BudgetAllocation, Expense, Setting, Synced
from app.models import enums as e
from app.services.entity import EntityService
from app.services.fields import DATE, ENUM, INT, LOCAL_TZ, MONEY, REF, SIGNED_MONEY, TEXT, Field
from app.services.labels import field_label
from app.services.money import format_vnd

OVERSPEND_POLICY_SETTING = "budget.overspend_policy"
WARN = "warn"
REFUSE = "refuse"
OVERSPEND_POLICIES = (WARN, REFUSE)


def overspend_policy(session: Session) -> str:
    raw = session.scalar(select(Setting.value_json).where(Setting.key == OVERSPEND_POLICY_SETTING))
    policy = json.loads(raw) if raw is not None else WARN
    return policy if policy in OVERSPEND_POLICIES else WARN


def _adjusted(session: Session, allocation_id: str) -> int:
    """The allocation's amount plus its adjustments."""
    amount = session.scalar(
        select(BudgetAllocation.amount).where(
            BudgetAllocation.id == allocation_id, BudgetAllocation.deleted_at.is_(None)
        )
    )
    adjustments = session.scalar(
        select(func.coalesce(func.sum(BudgetAdjustment.amount), 0)).where(
            BudgetAdjustment.allocation_id == allocation_id, BudgetAdjustment.deleted_at.is_(None)
        )
    )
    return int(amount or 0) + int(adjustments or 0)


def _spent(session: Session, allocation_id: str, except_expense: str | None = None) -> int:
    query = select(func.coalesce(func.sum(Expense.amount), 0)).where(
        Expense.allocation_id == allocation_id, Expense.deleted_at.is_(None)
    )
    if except_expense is not None:
        query = query.where(Expense.id != except_expense)
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class Overspend:
    """What an expense would do to its allocation: ``excess`` > 0 means overspending."""

    allocation_id: str
    available: int  # balance before this expense
    amount: int
    policy: str

    @property
    def excess(self) -> int:
        return self.amount - self.available

    @property
    def refused(self) -> bool:
        return self.policy == REFUSE


def _overspend_problem(over: Overspend, has_reason: bool) -> FieldProblem | None:
    if over.excess <= 0:
        return None
    detail_vi = f"vượt số dư của dự toán {format_vnd(over.excess)} (còn {format_vnd(over.available)})"
    detail_en = (
        f"exceeds the allocation's balance by {format_vnd(over.excess)} ({format_vnd(over.available)} left)"
    )
    if over.refused:
        return FieldProblem(
            "amount",
            field_label("amount"),
            Message(
                f"{detail_vi}; đơn vị đã đặt chế độ không cho phép chi vượt dự toán",
                f"{detail_en}; the office does not allow spending beyond an allocation",
            ),
        )
    if has_reason:
        return None
    return FieldProblem(
        "overspend_reason",
        field_label("overspend_reason"),
        Message(f"cần nêu lý do: khoản chi {detail_vi}", f"is needed: the expense {detail_en}"),
    )


def _not_negative_problem(
    session: Session, name: str, new_total: int, allocation_id: str
) -> FieldProblem | None:
    """Under the refuse policy an allocation may not be cut below what was already spent."""
    if overspend_policy(session) != REFUSE:
        return None
    spent = _spent(session, allocation_id)
    if new_total >= spent:
        return None
    return FieldProblem(
        name,
        field_label(name),
        Message(
            f"làm dự toán còn {format_vnd(new_total)}, ít hơn số đã chi {format_vnd(spent)}",
            f"would leave the allocation at {format_vnd(new_total)}, below the {format_vnd(spent)} already spent",
        ),
    )


# ----- read models --------------------------------------------------------------------------


@dataclass(frozen=True)
class AllocationBalance:
    id: str
    fiscal_year: int
    funding_source: str
    task_category: str
    budget_code: str
    decision_number: str
    decision_date: date | None
    amount: int
    adjustments: int
    spent: int
    expense_count: int

    @property
    def total(self) -> int:
        """The allocation as adjusted."""
        return self.amount + self.adjustments

    @property
    def balance(self) -> int:
        return self.total - self.spent

    @property
    def share_spent(self) -> float:
        return self.spent / self.total if self.total > 0 else (1.0 if self.spent else 0.0)

    @property
    def overspent(self) -> bool:
        return self.balance < 0


@dataclass
class Totals:
    allocated: int = 0  # amount + adjustments
    spent: int = 0

    @property
    def balance(self) -> int:
        return self.allocated - self.spent

    @property
    def share_spent(self) -> float:
        return self.spent / self.allocated if self.allocated > 0 else 0.0


@dataclass(frozen=True)
class BudgetSummary:
    """A fiscal year's money by funding source and task category, for the page and the report."""

    fiscal_year: int
    since: date | None
    until: date | None
    overall: Totals
    by_source: dict[str, Totals]
    by_task: dict[str, Totals]
    allocations: list[AllocationBalance]
    unallocated_spent: int  # expenses in the period that name no allocation

    @property
    def overspent(self) -> list[AllocationBalance]:
        return [a for a in self.allocations if a.overspent]


@dataclass(frozen=True)
class MonthlyBurn:
    year: int
    allocated: int
    months: list[int] = field(default_factory=list)  # spent in each month, January first

    @property
    def cumulative(self) -> list[int]:
        running, out = 0, []
        for value in self.months:
            running += value
            out.append(running)
        return out


@dataclass(frozen=True)
class ActivityCost:
    activity_id: str
    title: str
    type: str
    status: str
    starts_at: datetime
    planned: int
    recorded_actual: int  # the actual cost entered on the activity
    expensed: int  # expenses linked to the activity

    @property
    def actual(self) -> int:
        return self.recorded_actual or self.expensed

    @property
    def variance(self) -> int:
        return self.actual - self.planned


# ----- services -----------------------------------------------------------------------------


class AllocationService(EntityService):
    model = BudgetAllocation
    fields = {
        "fiscal_year": Field(INT, required=True, minimum=2000, maximum=2100),
        "funding_source": Field(ENUM, enum=e.FundingSource, required=True),
        "task_category": Field(ENUM, enum=e.TaskCategory, required=True),
        "decision_number": Field(TEXT),
        "decision_date": Field(DATE),
        "amount": Field(MONEY, required=True),
        "budget_code": Field(TEXT),
        "notes": Field(TEXT, max_len=4000),
    }
    default_order = "fiscal_year"

    def check(
        self, session: Session, merged: dict[str, Any], current: Synced | None
    ) -> builtins.list[FieldProblem]:
        if current is None or merged.get("amount") == current.amount:  # type: ignore[attr-defined]
            return []
        new_total = _adjusted(session, current.id) - current.amount + merged["amount"]  # type: ignore[attr-defined]
        problem = _not_negative_problem(session, "amount", new_total, current.id)
        return [problem] if problem else []

    def delete_in(self, session: Session, row_id: str) -> None:
        used = session.scalar(
            select(func.count()).where(Expense.allocation_id == row_id, Expense.deleted_at.is_(None))
        )
        if used:
            raise ValidationError(
                [
                    FieldProblem(
                        "allocation_id",
                        field_label("allocation_id"),
                        Message(
                            f"còn {used} khoản chi theo dự toán này; hãy chuyển hoặc xóa các khoản chi trước",
                            f"{used} expense(s) are charged to this allocation; move or delete them first",
                        ),
                    )
                ]
            )
        for adjustment_id in session.scalars(
            select(BudgetAdjustment.id).where(
                BudgetAdjustment.allocation_id == row_id, BudgetAdjustment.deleted_at.is_(None)
            )
        ):
            AdjustmentService(self.ctx).delete_in(session, adjustment_id)
        super().delete_in(session, row_id)

    def delete(self, row_id: str) -> None:
        with self.ctx.db.session() as session, session.begin():
            self.delete_in(session, row_id)
        self.ctx.bus.publish({self.table, "budget_adjustment"})

    def fiscal_years(self) -> builtins.list[int]:
        query = (
            select(BudgetAllocation.fiscal_year)
            .where(BudgetAllocation.deleted_at.is_(None))
            .distinct()
            .order_by(BudgetAllocation.fiscal_year.desc())
        )
        with self.ctx.db.session() as session:
            return list(session.scalars(query))

    def balances(
        self, fiscal_year: int | None = None, ids: Iterable[str] | None = None
    ) -> builtins.list[AllocationBalance]:
        """Every allocation (of a year, or the given ones) with adjustments, spending and balance."""
        with self.ctx.db.session() as session:
            return self._balances(session, fiscal_year, ids)

    def balance(self, allocation_id: str) -> AllocationBalance:
        found = self.balances(ids=[allocation_id])
        if not found:
            self.get(allocation_id)  # raises NotFound with its message
        return found[0]

    def _balances(
        self,
        session: Session,
        fiscal_year: int | None,
        ids: Iterable[str] | None,
        since: date | None = None,
        until: date | None = None,
    ) -> builtins.list[AllocationBalance]:
        adjustments = (
            select(BudgetAdjustment.allocation_id, func.sum(BudgetAdjustment.amount).label("total"))
            .where(BudgetAdjustment.deleted_at.is_(None))
            .group_by(BudgetAdjustment.allocation_id)
            .subquery()
        )
        expense_filter: list[ColumnElement[bool]] = [
            Expense.deleted_at.is_(None),
            Expense.allocation_id.is_not(None),
        ]
        if since is not None:
            expense_filter.append(Expense.spent_on >= since)
        if until is not None:
            expense_filter.append(Expense.spent_on <= until)
        spending = (
            select(
                Expense.allocation_id,
                func.sum(Expense.amount).label("total"),
                func.count().label("count"),
            )
            .where(*expense_filter)
            .group_by(Expense.allocation_id)
            .subquery()
        )
        query = (
            select(
                BudgetAllocation,
                func.coalesce(adjustments.c.total, 0),
                func.coalesce(spending.c.total, 0),
                func.coalesce(spending.c.count, 0),
            )
            .outerjoin(adjustments, adjustments.c.allocation_id == BudgetAllocation.id)
            .outerjoin(spending, spending.c.allocation_id == BudgetAllocation.id)
            .where(BudgetAllocation.deleted_at.is_(None))
            .order_by(
                BudgetAllocation.fiscal_year.desc(),
                BudgetAllocation.funding_source,
                BudgetAllocation.task_category,
                BudgetAllocation.budget_code,
                BudgetAllocation.id,
            )
        )
        if fiscal_year is not None:
            query = query.where(BudgetAllocation.fiscal_year == fiscal_year)
        if ids is not None:
            query = query.where(BudgetAllocation.id.in_(list(ids)))
        return [
            AllocationBalance(
                id=a.id,
                fiscal_year=a.fiscal_year,
                funding_source=a.funding_source,
                task_category=a.task_category,
                budget_code=a.budget_code,
                decision_number=a.decision_number,
                decision_date=a.decision_date,
                amount=a.amount,
                adjustments=int(adj),
                spent=int(spent),
                expense_count=int(count),
            )
            for a, adj, spent, count in session.execute(query)
        ]

    def summary(
        self, fiscal_year: int, since: date | None = None, until: date | None = None
    ) -> BudgetSummary:
        """Allocated (with adjustments), spent and balance of a fiscal year, overall and by
        funding source and task category. ``since``/``until`` limit the expenses counted, e.g.
        to a reporting quarter or "to the end of the quarter"."""
        with self.ctx.db.session() as session:
            allocations = self._balances(session, fiscal_year, None, since, until)
            unallocated_query = select(func.coalesce(func.sum(Expense.amount), 0)).where(
                Expense.deleted_at.is_(None),
                Expense.allocation_id.is_(None),
                Expense.spent_on >= (since or date(fiscal_year, 1, 1)),
                Expense.spent_on <= (until or date(fiscal_year, 12, 31)),
            )
            unallocated = int(session.scalar(unallocated_query) or 0)
        overall = Totals()
        by_source: dict[str, Totals] = {}
        by_task: dict[str, Totals] = {}
        for a in allocations:
            for bucket in (
                overall,
                by_source.setdefault(a.funding_source, Totals()),
                by_task.setdefault(a.task_category, Totals()),
            ):
                bucket.allocated += a.total
                bucket.spent += a.spent
        return BudgetSummary(fiscal_year, since, until, overall, by_source, by_task, allocations, unallocated)


def budget_summary(
    services: Any, fiscal_year: int, since: date | None = None, until: date | None = None
) -> BudgetSummary:
    """Shortcut for reports: ``services.allocations.summary(...)``."""
    return services.allocations.summary(fiscal_year, since, until)  # type: ignore[no-any-return]


class AdjustmentService(EntityService):
    model = BudgetAdjustment
    fields = {
        "allocation_id": Field(REF, ref="budget_allocation", required=True),
        "amount": Field(SIGNED_MONEY, required=True),
        "decision_number": Field(TEXT),
        "decision_date": Field(DATE),
        "reason": Field(TEXT, max_len=4000),
    }
    default_order = "decision_date"

    def check(
        self, session: Session, merged: dict[str, Any], current: Synced | None
    ) -> builtins.list[FieldProblem]:
        problems = []
        if merged.get("amount") == 0:
            problems.append(
                FieldProblem(
                    "amount", field_label("amount"), Message("không được bằng 0", "must not be zero")
                )
            )
        allocation_id = merged["allocation_id"]
        before = _adjusted(session, allocation_id)
        if current is not None and current.allocation_id == allocation_id:  # type: ignore[attr-defined]
            before -= current.amount  # type: ignore[attr-defined]
        if merged["amount"] < 0:
            problem = _not_negative_problem(session, "amount", before + merged["amount"], allocation_id)
            if problem:
                problems.append(problem)
        return problems

    def for_allocation(self, allocation_id: str) -> builtins.list[Any]:
        return self.list(filters={"allocation_id": allocation_id}, order_by="decision_date")


class ExpenseService(EntityService):
    model = Expense
    fields = {
        "spent_on": Field(DATE, required=True),
        "amount": Field(MONEY, required=True),
        "allocation_id": Field(REF, ref="budget_allocation"),
        "activity_id": Field(REF, ref="activity"),
        "description": Field(TEXT, max_len=4000),
        "voucher_number": Field(TEXT),
        "payee": Field(TEXT),
        "overspend_reason": Field(TEXT, max_len=4000),
    }
    default_order = "spent_on"

    def conditions(self, filters: dict[str, Any]) -> Iterable[ColumnElement[bool]]:
        """Adds ``spent_from`` / ``spent_to`` (dates, inclusive) and ``fiscal_year`` (of the
        allocation) to the plain equality filters."""
        filters = dict(filters)
        spent_from = filters.pop("spent_from", None)
        spent_to = filters.pop("spent_to", None)
        fiscal_year = filters.pop("fiscal_year", None)
        yield from super().conditions(filters)
        if spent_from is not None:
            yield Expense.spent_on >= spent_from
        if spent_to is not None:
            yield Expense.spent_on <= spent_to
        if fiscal_year is not None:
            yield Expense.allocation_id.in_(
                select(BudgetAllocation.id).where(BudgetAllocation.fiscal_year == fiscal_year)
            )

    def check(
        self, session: Session, merged: dict[str, Any], current: Synced | None
    ) -> builtins.list[FieldProblem]:
        allocation_id, amount = merged.get("allocation_id"), merged.get("amount")
        if not allocation_id or amount is None:
            return []
        if current is not None:
            same_allocation = current.allocation_id == allocation_id  # type: ignore[attr-defined]
            if same_allocation and amount <= current.amount:  # type: ignore[attr-defined]
                return []  # spending less than before never makes things worse
        over = self._overspend(session, allocation_id, amount, current.id if current else None)
        problem = _overspend_problem(over, bool((merged.get("overspend_reason") or "").strip()))
        return [problem] if problem else []

    @staticmethod
    def _overspend(session: Session, allocation_id: str, amount: int, expense_id: str | None) -> Overspend:
        available = _adjusted(session, allocation_id) - _spent(session, allocation_id, expense_id)
        return Overspend(allocation_id, available, amount, overspend_policy(session))

    def preview_overspend(self, allocation_id: str, amount: int, expense_id: str | None = None) -> Overspend:
        """For a form, before saving: the balance available and the office's policy."""
        with self.ctx.db.session() as session:
            return self._overspend(session, allocation_id, amount, expense_id)

    def lines(self, ids: builtins.list[str]) -> dict[str, ExpenseLine]:
        """Expenses by id with their activity's title (one query), for lazily loaded lists."""
        return expense_lines(self, ids)

    def activity_choices(self, year: int | None) -> builtins.list[tuple[str, datetime, str]]:
        return activity_choices(self, year)

    def policy(self) -> str:
        """The office's overspend policy: "warn" (a reason is needed) or "refuse"."""
        with self.ctx.db.session() as session:
            return overspend_policy(session)

    def monthly_burn(self, year: int) -> MonthlyBurn:
        """Expenses dated in ``year`` per month, and the year's allocations (with adjustments)."""
        month = extract("month", Expense.spent_on)
        query = (
            select(month, func.sum(Expense.amount))
            .where(
                Expense.deleted_at.is_(None),
                Expense.spent_on >= date(year, 1, 1),
                Expense.spent_on <= date(year, 12, 31),
            )
            .group_by(month)
        )
        months = [0] * 12
        with self.ctx.db.session() as session:
            for number, total in session.execute(query):
                months[int(number) - 1] = int(total or 0)
            allocated = sum(a.total for a in AllocationService(self.ctx)._balances(session, year, None))
        return MonthlyBurn(year, allocated, months)

    def activity_costs(self, year: int) -> builtins.list[ActivityCost]:
        """Planned against actual cost of the year's activities that have either, or expenses."""
        spent = (
            select(Expense.activity_id, func.sum(Expense.amount).label("total"))
            .where(Expense.deleted_at.is_(None), Expense.activity_id.is_not(None))
            .group_by(Expense.activity_id)
            .subquery()
        )
        expensed = func.coalesce(spent.c.total, 0)
        query = (
            select(Activity, expensed)
            .outerjoin(spent, spent.c.activity_id == Activity.id)
            .where(
                Activity.deleted_at.is_(None),
                Activity.starts_at >= datetime(year, 1, 1, tzinfo=LOCAL_TZ),
                Activity.starts_at < datetime(year + 1, 1, 1, tzinfo=LOCAL_TZ),
                (Activity.planned_cost > 0) | (Activity.actual_cost > 0) | (expensed > 0),
            )
            .order_by(Activity.starts_at, Activity.id)
        )
        with self.ctx.db.session() as session:
            return [
                ActivityCost(
                    a.id,
                    a.title,
                    a.type,
                    a.status,
                    a.starts_at,
                    a.planned_cost or 0,
                    a.actual_cost or 0,
                    int(total),
                )
                for a, total in session.execute(query)
            ]


@dataclass(frozen=True)
class ExpenseLine:
    """An expense with the title of its activity, for lists."""

    id: str
    spent_on: date
    amount: int
    allocation_id: str | None
    activity_id: str | None
    activity_title: str
    description: str
    voucher_number: str
    payee: str
    overspend_reason: str


def expense_lines(service: ExpenseService, ids: builtins.list[str]) -> dict[str, ExpenseLine]:
    query = (
        select(Expense, Activity.title)
        .outerjoin(Activity, Activity.id == Expense.activity_id)
        .where(Expense.id.in_(ids))
    )
    with service.ctx.db.session() as session:
        return {
            x.id: ExpenseLine(
                x.id,
                x.spent_on,
                x.amount,
                x.allocation_id,
                x.activity_id,
                title or "",
                x.description,
                x.voucher_number,
                x.payee,
                x.overspend_reason,
            )
            for x, title in session.execute(query)
        }


def activity_choices(service: EntityService, year: int | None) -> builtins.list[tuple[str, datetime, str]]:
    """(id, start, title) of the activities of a year (all when None), for an expense's picker."""
    query = select(Activity.id, Activity.starts_at, Activity.title).where(Activity.deleted_at.is_(None))
    if year is not None:
        query = query.where(
            Activity.starts_at >= datetime(year, 1, 1, tzinfo=LOCAL_TZ),
            Activity.starts_at < datetime(year + 1, 1, 1, tzinfo=LOCAL_TZ),
        )
    with service.ctx.db.session() as session:
        return [(i, s, t) for i, s, t in session.execute(query.order_by(Activity.starts_at))]

"""Balances, overspend policy, summaries, burn and activity costs of the budget services."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.services.budget import REFUSE, WARN
from app.services.fields import LOCAL_TZ


@pytest.fixture
def allocation(services):
    return services.allocations.create(
        {
            "fiscal_year": 2026,
            "funding_source": "state_budget_provincial",
            "task_category": "press_conferences",
            "decision_number": "123/QĐ-UBND",
            "decision_date": "2026-01-10",
            "amount": "100.000.000",
            "budget_code": "7000/7049",
        }
    )


def spend(services, allocation_id, amount, **extra):
    return services.expenses.create(
        {
            "spent_on": extra.pop("spent_on", "2026-03-05"),
            "amount": amount,
            "allocation_id": allocation_id,
            **extra,
        }
    )


def test_balance_after_adjustments_edits_and_deletions(services, allocation) -> None:
    a = allocation.id
    assert services.allocations.balance(a).balance == 100_000_000
    raise_ = services.adjustments.create(
        {
            "allocation_id": a,
            "amount": "20.000.000",
            "decision_number": "45/QĐ-UBND",
            "decision_date": "2026-06-01",
        }
    )
    cut = services.adjustments.create(
        {"allocation_id": a, "amount": "-5.000.000", "decision_number": "60/QĐ-UBND"}
    )
    first = spend(services, a, "30.000.000", voucher_number="PC01", payee="Báo Nhân Dân")
    second = spend(services, a, 10_000_000, voucher_number="PC02")
    b = services.allocations.balance(a)
    assert (b.amount, b.adjustments, b.spent, b.total, b.balance) == (
        100_000_000,
        15_000_000,
        40_000_000,
        115_000_000,
        75_000_000,
    )
    assert b.expense_count == 2
    services.expenses.update(first.id, {"amount": "25.000.000"})
    assert services.allocations.balance(a).balance == 80_000_000
    services.expenses.delete(second.id)
    assert services.allocations.balance(a).balance == 90_000_000
    services.adjustments.delete(cut.id)
    assert services.allocations.balance(a).balance == 95_000_000
    services.adjustments.update(raise_.id, {"amount": "10.000.000"})
    assert services.allocations.balance(a).balance == 85_000_000
    services.allocations.update(a, {"amount": "50.000.000"})
    b = services.allocations.balance(a)
    assert (b.total, b.spent, b.balance) == (60_000_000, 25_000_000, 35_000_000)


def test_expense_moved_to_another_allocation(services, allocation) -> None:
    other = services.allocations.create(
        {
            "fiscal_year": 2026,
            "funding_source": "programme",
            "task_category": "training",
            "amount": 10_000_000,
        }
    )
    expense = spend(services, allocation.id, 4_000_000)
    services.expenses.update(expense.id, {"allocation_id": other.id})
    assert services.allocations.balance(allocation.id).spent == 0
    assert services.allocations.balance(other.id).balance == 6_000_000


def test_overspend_warn_needs_a_reason(services, allocation) -> None:
    assert services.settings.get("budget.overspend_policy") is None  # default: warn
    spend(services, allocation.id, 90_000_000)
    with pytest.raises(ValidationError) as caught:
        spend(services, allocation.id, 15_000_000)
    assert caught.value.fields() == ["overspend_reason"]
    assert "5.000.000 đ" in str(caught.value) and "10.000.000 đ" in str(caught.value)
    spend(services, allocation.id, 15_000_000, overspend_reason="Họp báo đột xuất về bão số 3")
    b = services.allocations.balance(allocation.id)
    assert b.balance == -5_000_000 and b.overspent


def test_overspend_warn_on_edit(services, allocation) -> None:
    services.settings.set("budget.overspend_policy", WARN)
    expense = spend(services, allocation.id, 60_000_000)
    with pytest.raises(ValidationError) as caught:
        services.expenses.update(expense.id, {"amount": 120_000_000})
    assert caught.value.fields() == ["overspend_reason"]
    services.expenses.update(expense.id, {"amount": 120_000_000, "overspend_reason": "Bổ sung sau"})
    # lowering an already overspent expense is never refused
    services.expenses.update(expense.id, {"amount": 110_000_000})
    services.expenses.update(expense.id, {"description": "Thuê hội trường"})
    assert services.allocations.balance(allocation.id).balance == -10_000_000


def test_overspend_refused(services, allocation) -> None:
    services.settings.set("budget.overspend_policy", REFUSE)
    spend(services, allocation.id, 100_000_000)  # exactly the allocation: allowed
    with pytest.raises(ValidationError) as caught:
        spend(services, allocation.id, 1, overspend_reason="Có lý do")
    assert caught.value.fields() == ["amount"]
    assert "không cho phép" in str(caught.value)
    assert services.allocations.balance(allocation.id).balance == 0
    assert services.expenses.count() == 1
    preview = services.expenses.preview_overspend(allocation.id, 5)
    assert preview.refused and preview.excess == 5 and preview.available == 0


def test_refuse_policy_protects_cuts(services, allocation) -> None:
    services.settings.set("budget.overspend_policy", REFUSE)
    spend(services, allocation.id, 80_000_000)
    with pytest.raises(ValidationError):
        services.adjustments.create({"allocation_id": allocation.id, "amount": -30_000_000})
    with pytest.raises(ValidationError):
        services.allocations.update(allocation.id, {"amount": 70_000_000})
    services.adjustments.create({"allocation_id": allocation.id, "amount": -20_000_000})
    assert services.allocations.balance(allocation.id).balance == 0


def test_adjustment_of_zero_refused(services, allocation) -> None:
    with pytest.raises(ValidationError) as caught:
        services.adjustments.create({"allocation_id": allocation.id, "amount": "0"})
    assert caught.value.fields() == ["amount"]


def test_allocation_with_expenses_cannot_be_deleted(services, allocation) -> None:
    services.adjustments.create({"allocation_id": allocation.id, "amount": 1_000_000})
    expense = spend(services, allocation.id, 1_000)
    with pytest.raises(ValidationError) as caught:
        services.allocations.delete(allocation.id)
    assert "1 khoản chi" in str(caught.value)
    services.expenses.delete(expense.id)
    services.allocations.delete(allocation.id)
    assert services.allocations.balances(2026) == []
    assert services.adjustments.count({"allocation_id": allocation.id}) == 0


def test_unallocated_expense_never_overspends(services) -> None:
    services.settings.set("budget.overspend_policy", REFUSE)
    services.expenses.create({"spent_on": date(2026, 2, 1), "amount": 5_000_000})
    assert services.expenses.count() == 1


def test_summary_by_source_and_task(services, allocation) -> None:
    training = services.allocations.create(
        {
            "fiscal_year": 2026,
            "funding_source": "programme",
            "task_category": "training",
            "amount": 40_000_000,
        }
    )
    services.allocations.create(
        {"fiscal_year": 2025, "funding_source": "programme", "task_category": "training", "amount": 1}
    )
    services.adjustments.create({"allocation_id": training.id, "amount": 10_000_000})
    spend(services, allocation.id, 25_000_000, spent_on="2026-02-10")
    spend(services, allocation.id, 5_000_000, spent_on="2026-05-10")
    spend(services, training.id, 20_000_000, spent_on="2026-04-01")
    services.expenses.create({"spent_on": "2026-04-02", "amount": 3_000_000})
    s = services.allocations.summary(2026)
    assert (s.overall.allocated, s.overall.spent, s.overall.balance) == (150_000_000, 50_000_000, 100_000_000)
    assert s.by_source["programme"].allocated == 50_000_000 and s.by_source["programme"].spent == 20_000_000
    assert s.by_task["press_conferences"].share_spent == pytest.approx(0.3)
    assert s.unallocated_spent == 3_000_000
    q2 = services.allocations.summary(2026, since=date(2026, 4, 1), until=date(2026, 6, 30))
    assert q2.overall.spent == 25_000_000 and q2.unallocated_spent == 3_000_000
    to_q1 = services.allocations.summary(2026, until=date(2026, 3, 31))
    assert to_q1.overall.spent == 25_000_000
    assert services.allocations.fiscal_years() == [2026, 2025]
    assert services.expenses.count({"fiscal_year": 2026}) == 3
    assert services.expenses.count({"spent_from": date(2026, 4, 1), "spent_to": date(2026, 4, 30)}) == 2


def test_monthly_burn(services, allocation) -> None:
    spend(services, allocation.id, 1_000_000, spent_on="2026-01-31")
    spend(services, allocation.id, 2_000_000, spent_on="2026-01-01")
    spend(services, allocation.id, 4_000_000, spent_on="2026-12-31")
    spend(services, allocation.id, 8_000_000, spent_on="2027-01-01")
    burn = services.expenses.monthly_burn(2026)
    assert burn.months == [3_000_000] + [0] * 10 + [4_000_000]
    assert burn.cumulative[-1] == 7_000_000
    assert burn.allocated == 100_000_000


def test_planned_versus_actual(services, allocation) -> None:
    def activity(title, planned, actual, when):
        return services.activities.create(
            {
                "type": "press_conference_regular",
                "nature": "regular",
                "status": "done",
                "mode": "in_person",
                "title": title,
                "starts_at": when,
                "planned_cost": planned,
                "actual_cost": actual,
            }
        )

    a = activity("Họp báo quý I", 20_000_000, 0, datetime(2026, 3, 30, 9, tzinfo=LOCAL_TZ))
    b = activity("Họp báo quý II", 15_000_000, 18_000_000, datetime(2026, 6, 29, 9, tzinfo=LOCAL_TZ))
    activity("Không có chi phí", 0, 0, datetime(2026, 7, 1, 9, tzinfo=LOCAL_TZ))
    activity("Năm sau", 1, 0, datetime(2027, 1, 1, 0, 30, tzinfo=LOCAL_TZ))
    spend(services, allocation.id, 12_000_000, activity_id=a.id)
    spend(services, allocation.id, 9_000_000, activity_id=a.id)
    costs = services.expenses.activity_costs(2026)
    assert [c.title for c in costs] == ["Họp báo quý I", "Họp báo quý II"]
    assert (costs[0].planned, costs[0].expensed, costs[0].actual, costs[0].variance) == (
        20_000_000,
        21_000_000,
        21_000_000,
        1_000_000,
    )
    assert costs[1].actual == 18_000_000 and costs[1].variance == 3_000_000
    assert b.id == costs[1].activity_id


_operations = st.lists(
    st.one_of(
        st.tuples(st.just("spend"), st.integers(0, 50_000_000)),
        st.tuples(st.just("adjust"), st.integers(-20_000_000, 40_000_000).filter(bool)),
        st.tuples(st.just("edit"), st.integers(0, 50_000_000)),
        st.tuples(st.just("delete"), st.integers(0, 10)),
        st.tuples(st.just("undo_adjustment"), st.integers(0, 10)),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=_operations)
def test_balance_matches_a_running_total(services, operations) -> None:
    """Whatever is spent, edited, adjusted or deleted, the balance is amount + adjustments − expenses."""
    a = services.allocations.create(
        {"fiscal_year": 2026, "funding_source": "other", "task_category": "other", "amount": 60_000_000}
    )
    expenses: dict[str, int] = {}
    adjustments: dict[str, int] = {}
    reason = {"overspend_reason": "Theo chỉ đạo"}  # warn policy: overspending needs a reason
    for op, value in operations:
        if op == "spend":
            row = services.expenses.create(
                {"spent_on": "2026-05-01", "amount": value, "allocation_id": a.id, **reason}
            )
            expenses[row.id] = value
        elif op == "adjust":
            adjustments[services.adjustments.create({"allocation_id": a.id, "amount": value}).id] = value
        elif op == "edit" and expenses:
            target = sorted(expenses)[value % len(expenses)]
            services.expenses.update(target, {"amount": value, **reason})
            expenses[target] = value
        elif op == "delete" and expenses:
            target = sorted(expenses)[value % len(expenses)]
            services.expenses.delete(target)
            del expenses[target]
        elif op == "undo_adjustment" and adjustments:
            target = sorted(adjustments)[value % len(adjustments)]
            services.adjustments.delete(target)
            del adjustments[target]
    balance = services.allocations.balance(a.id)
    assert balance.adjustments == sum(adjustments.values())
    assert balance.spent == sum(expenses.values())
    assert balance.balance == 60_000_000 + sum(adjustments.values()) - sum(expenses.values())
    assert balance.expense_count == len(expenses)

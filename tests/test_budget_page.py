"""The Budget workspace driven through its real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.app import build_context
from app.ui.budget.page import BudgetPage


@pytest.fixture
def page(qtbot, services):
    ctx = build_context(services)
    page = BudgetPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    yield page
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.ctx.tasks.pending() == 0, timeout=10_000)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def in_db(page, operation):
    page.ctx.tasks.wait_for_done()
    db = page.ctx.services.db
    thread = db._forbidden_thread
    db.forbid_thread(None)
    try:
        return operation()
    finally:
        db.forbid_thread(thread)


def add_allocation(qtbot, page, amount: str) -> None:
    tab = page.allocations
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.fiscal_year.setValue(2026)
    dialog.funding_source.setCurrentIndex(dialog.funding_source.findData("state_budget_provincial"))
    dialog.task_category.setCurrentIndex(dialog.task_category.findData("press_conferences"))
    qtbot.keyClicks(dialog.budget_code, "7000/7049")
    qtbot.keyClicks(dialog.decision_number, "123/QD-UBND")
    dialog.decision_date.setDate(QDate(2026, 1, 10))
    qtbot.keyClicks(dialog.amount, amount)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_allocation_adjustment_and_expenses(qtbot, services, page, qtmodeltester) -> None:
    page.set_year(2026)
    settle(qtbot, page)
    tab = page.allocations
    # a bad amount is explained and nothing is saved
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.amount, "12,5")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.fields_marked() == ["amount"])
    assert "phần lẻ" in dialog.error_label.text()
    dialog.reject()

    add_allocation(qtbot, page, "100000000")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    balance = tab.model.row_at(0)
    assert (balance.amount, balance.balance) == (100_000_000, 100_000_000)
    assert "100.000.000 đ" in page.allocated_label.text()
    qtmodeltester.check(tab.model)

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.adjust_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.amount, "-20.000.000")
    qtbot.keyClicks(dialog.decision_number, "45/QD-UBND")
    dialog.decision_date.setDate(QDate(2026, 6, 1))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row_at(0).adjustments == -20_000_000)
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.adjustments.rowCount() == 1)
    assert tab.adjustments.index(0, 2).data() == "-20.000.000 đ"
    qtmodeltester.check(tab.adjustments)

    # an expense within the balance
    page.tabs.setCurrentWidget(page.expenses)
    expenses = page.expenses
    settle(qtbot, page)
    qtbot.mouseClick(expenses.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: expenses.dialog is not None and expenses.dialog.isVisible())
    dialog = expenses.dialog
    dialog.spent_on.setDate(QDate(2026, 3, 5))
    qtbot.keyClicks(dialog.amount, "30.000.000")
    dialog.allocation.setCurrentIndex(1)
    qtbot.keyClicks(dialog.voucher_number, "PC-01")
    dialog.payee.insert("Báo Nhân Dân")
    assert not dialog.warning.isVisible()
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: expenses.model.rowCount() == 1 and expenses.model.row_at(0) is not None)
    assert expenses.model.row_at(0).payee == "Báo Nhân Dân"
    qtbot.waitUntil(lambda: "50.000.000 đ" in page.balance_label.text())

    # a second expense that would overspend: warned, needs a reason (default policy: warn)
    qtbot.mouseClick(expenses.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: expenses.dialog is not dialog and expenses.dialog.isVisible())
    dialog = expenses.dialog
    dialog.spent_on.setDate(QDate(2026, 4, 5))
    dialog.allocation.setCurrentIndex(1)
    qtbot.keyClicks(dialog.amount, "60000000")
    assert dialog.warning.isVisible() and "10.000.000 đ" in dialog.warning.text()
    assert dialog.overspend_reason.isVisible()
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.fields_marked() == ["overspend_reason"])
    assert dialog.isVisible()
    dialog.overspend_reason.setPlainText("Họp báo đột xuất về bão số 3")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: expenses.model.rowCount() == 2)
    qtbot.waitUntil(lambda: page.alert_label.isVisible())
    qtbot.waitUntil(lambda: "-10.000.000 đ" in page.balance_label.text())
    qtbot.waitUntil(lambda: expenses.model.row_at(0) is not None and expenses.model.row_at(1) is not None)
    qtmodeltester.check(expenses.model)

    # editing the first expense down brings the balance back
    first = next(
        expenses.model.row_at(r) for r in range(2) if expenses.model.row_at(r).voucher_number == "PC-01"
    )
    row = [expenses.model.row_at(r) for r in range(2)].index(first)
    expenses.table.selectRow(row)
    expenses.edit_expense()
    qtbot.waitUntil(lambda: expenses.dialog.isVisible() and expenses.dialog.expense is not None)
    dialog = expenses.dialog
    assert dialog.amount.amount() == 30_000_000
    dialog.amount.setText("15.000.000")
    assert dialog.available() == -10_000_000 + 30_000_000  # the balance, with its own amount given back
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "5.000.000 đ" in page.balance_label.text())
    stored = in_db(page, lambda: services.allocations.balance(balance.id))
    assert (stored.total, stored.spent, stored.balance) == (80_000_000, 75_000_000, 5_000_000)


def test_refuse_policy_in_the_form(qtbot, services, page) -> None:
    def prepare():
        services.settings.set("budget.overspend_policy", "refuse")
        return services.allocations.create(
            {
                "fiscal_year": 2026,
                "funding_source": "programme",
                "task_category": "training",
                "amount": 1_000_000,
            }
        )

    allocation = in_db(page, prepare)
    page.set_year(2026)
    page.tabs.setCurrentWidget(page.expenses)
    settle(qtbot, page)
    expenses = page.expenses
    qtbot.waitUntil(lambda: page.policy == "refuse")
    expenses.new_expense()
    qtbot.waitUntil(lambda: expenses.dialog is not None and expenses.dialog.isVisible())
    dialog = expenses.dialog
    dialog.allocation.setCurrentIndex(dialog.allocation.findData(allocation.id))
    qtbot.keyClicks(dialog.amount, "1.500.000")
    assert "từ chối" in dialog.warning.text() or "refused" in dialog.warning.text()
    dialog.overspend_reason.setPlainText("Cần thiết")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.fields_marked() == ["amount"])
    assert in_db(page, lambda: services.expenses.count()) == 0


def test_burn_chart_and_activity_costs(qtbot, services, page, qtmodeltester) -> None:
    from datetime import datetime

    from app.services.fields import LOCAL_TZ

    def prepare():
        a = services.allocations.create(
            {
                "fiscal_year": 2026,
                "funding_source": "programme",
                "task_category": "training",
                "amount": 90_000_000,
            }
        )
        activity = services.activities.create(
            {
                "type": "press_conference_regular",
                "nature": "regular",
                "status": "done",
                "mode": "in_person",
                "title": "Họp báo quý I",
                "starts_at": datetime(2026, 3, 30, 9, tzinfo=LOCAL_TZ),
                "planned_cost": 20_000_000,
            }
        )
        services.expenses.create({"spent_on": date(2026, 1, 15), "amount": 10_000_000, "allocation_id": a.id})
        services.expenses.create(
            {
                "spent_on": date(2026, 3, 30),
                "amount": 25_000_000,
                "allocation_id": a.id,
                "activity_id": activity.id,
            }
        )

    in_db(page, prepare)
    page.set_year(2026)
    page.tabs.setCurrentWidget(page.burn)
    qtbot.waitUntil(lambda: page.burn.burn is not None and page.burn.burn.year == 2026)
    burn = page.burn.burn
    assert burn.months[0] == 10_000_000 and burn.months[2] == 25_000_000
    assert len(page.burn.chart.series()) == 3
    assert "35.000.000 đ" in page.burn.note.text()
    page.tabs.setCurrentWidget(page.costs)
    qtbot.waitUntil(lambda: page.costs.model.rowCount() == 1)
    assert page.costs.model.index(0, 5).data() == "+5.000.000 đ"
    qtmodeltester.check(page.costs.model)


def test_delete_allocation_with_expenses_is_explained(qtbot, services, page, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    def prepare():
        a = services.allocations.create(
            {
                "fiscal_year": 2026,
                "funding_source": "programme",
                "task_category": "training",
                "amount": 5_000_000,
            }
        )
        services.expenses.create({"spent_on": date(2026, 1, 15), "amount": 1_000, "allocation_id": a.id})

    in_db(page, prepare)
    page.set_year(2026)
    tab = page.allocations
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    errors: list[BaseException] = []
    page.ctx.tasks.unhandled_error.connect(errors.append)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors))
    assert "khoản chi" in str(errors[0])
    assert in_db(page, lambda: services.allocations.count()) == 1

"""Forms for an allocation, an adjustment and an expense."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.models.enums import FundingSource, TaskCategory
from app.services.budget import REFUSE, AllocationBalance
from app.services.labels import enum_label
from app.services.money import format_vnd
from app.services.staffing import local_today
from app.ui.context import UiContext
from app.ui.date_edits import OptionalDateEdit
from app.ui.form_dialog import FormDialog, combo
from app.ui.formatting import format_date
from app.ui.money_edit import MoneyEdit


def allocation_label(a: AllocationBalance) -> str:
    parts = [str(enum_label(FundingSource, a.funding_source)), str(enum_label(TaskCategory, a.task_category))]
    if a.budget_code:
        parts.append(a.budget_code)
    return f"{a.fiscal_year} · " + " — ".join(parts)


class AllocationDialog(FormDialog):
    def __init__(
        self, ctx: UiContext, year: int, allocation: Any | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, allocation, ctx.services.allocations)
        self.setWindowTitle(self.tr("Allocation") if allocation else self.tr("New allocation"))
        self.setMinimumWidth(520)
        self.fiscal_year = QSpinBox()
        self.fiscal_year.setRange(2000, 2100)
        self.fiscal_year.setValue(year)
        self.funding_source = combo(
            [(s.value, str(enum_label(FundingSource, s.value))) for s in FundingSource]
        )
        self.task_category = combo([(t.value, str(enum_label(TaskCategory, t.value))) for t in TaskCategory])
        self.budget_code = QLineEdit()
        self.budget_code.setPlaceholderText(self.tr("e.g. 7000/7049"))
        self.decision_number = QLineEdit()
        self.decision_number.setPlaceholderText(self.tr("e.g. 123/QĐ-UBND"))
        self.decision_date = OptionalDateEdit()
        self.amount = MoneyEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        form = QFormLayout()
        form.addRow(self.tr("Fiscal year"), self.fiscal_year)
        form.addRow(self.tr("Funding source"), self.funding_source)
        form.addRow(self.tr("Task category"), self.task_category)
        form.addRow(self.tr("Budget code (chapter/item)"), self.budget_code)
        form.addRow(self.tr("Allocation decision"), self.decision_number)
        form.addRow(self.tr("Decision date"), self.decision_date)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_form(
            form,
            errors={
                "fiscal_year": self.fiscal_year,
                "funding_source": self.funding_source,
                "task_category": self.task_category,
                "budget_code": self.budget_code,
                "decision_number": self.decision_number,
                "decision_date": self.decision_date,
                "amount": self.amount,
                "notes": self.notes,
            },
        )
        self.amount.errorChanged.connect(self._amount_error)
        if allocation is not None:
            self.fill(allocation)
            self.loaded()

    @property
    def allocation(self) -> Any | None:
        return self.record

    def fill(self, allocation: Any) -> None:
        self.fiscal_year.setValue(allocation.fiscal_year)
        self.funding_source.setCurrentIndex(self.funding_source.findData(allocation.funding_source))
        self.task_category.setCurrentIndex(self.task_category.findData(allocation.task_category))
        self.budget_code.setText(allocation.budget_code)
        self.decision_number.setText(allocation.decision_number)
        self.decision_date.set_value(allocation.decision_date)
        self.amount.setAmount(allocation.amount)
        self.notes.setPlainText(allocation.notes or "")

    @Slot(str)
    def _amount_error(self, message: str) -> None:
        self.error_label.setVisible(bool(message))
        amount_label = self.tr("Amount")
        self.error_label.setText(f"• {amount_label}: {message}" if message else "")

    def values(self) -> dict[str, Any]:
        return {
            "fiscal_year": self.fiscal_year.value(),
            "funding_source": self.funding_source.currentData(),
            "task_category": self.task_category.currentData(),
            "budget_code": self.budget_code.text(),
            "decision_number": self.decision_number.text(),
            "decision_date": self.decision_date.value(),
            "amount": self.amount.text(),
            "notes": self.notes.toPlainText(),
        }


class AdjustmentDialog(FormDialog):
    """A signed change to one allocation, carried by its own decision."""

    def __init__(
        self,
        ctx: UiContext,
        allocation: AllocationBalance,
        adjustment: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, adjustment, ctx.services.adjustments)
        self.allocation = allocation
        self.setWindowTitle(self.tr("Adjustment") if adjustment else self.tr("New adjustment"))
        self.setMinimumWidth(480)
        heading = QLabel(allocation_label(allocation))
        heading.setStyleSheet("font-weight: bold;")
        self.amount = MoneyEdit(allow_negative=True)
        self.amount.setPlaceholderText(self.tr("+ to add, - to reduce"))
        self.decision_number = QLineEdit()
        self.decision_date = OptionalDateEdit()
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(56)
        form = QFormLayout()
        form.addRow(self.tr("Change"), self.amount)
        form.addRow(self.tr("Decision"), self.decision_number)
        form.addRow(self.tr("Decision date"), self.decision_date)
        form.addRow(self.tr("Reason"), self.reason)
        self.set_form(
            heading,
            form,
            errors={
                "amount": self.amount,
                "decision_number": self.decision_number,
                "decision_date": self.decision_date,
                "reason": self.reason,
            },
        )
        if adjustment is not None:
            self.fill(adjustment)
            self.loaded()

    @property
    def adjustment(self) -> Any | None:
        return self.record

    def fill(self, adjustment: Any) -> None:
        self.amount.setAmount(adjustment.amount)
        self.decision_number.setText(adjustment.decision_number)
        self.decision_date.set_value(adjustment.decision_date)
        self.reason.setPlainText(adjustment.reason or "")

    def values(self) -> dict[str, Any]:
        return {
            "allocation_id": self.allocation.id,
            "amount": self.amount.text(),
            "decision_number": self.decision_number.text(),
            "decision_date": self.decision_date.value(),
            "reason": self.reason.toPlainText(),
        }


class ExpenseDialog(FormDialog):
    """An expense. Warns, as the amount is typed, when it would overspend its allocation."""

    def __init__(
        self,
        ctx: UiContext,
        allocations: list[AllocationBalance],
        activities: list[tuple[str, Any, str]],
        policy: str,
        expense: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, expense, ctx.services.expenses)
        self.policy = policy
        self.balances = {a.id: a for a in allocations}
        self.setWindowTitle(self.tr("Expense") if expense else self.tr("New expense"))
        self.setMinimumWidth(660)
        self.spent_on = OptionalDateEdit()
        self.amount = MoneyEdit()
        left = self.tr("left")
        self.allocation = combo(
            [(None, self.tr("— no allocation —"))]
            + [(a.id, f"{allocation_label(a)} ({left}: {format_vnd(a.balance)})") for a in allocations]
        )
        self.activity = QComboBox()
        self.activity.addItem(self.tr("— none —"), None)
        for activity_id, starts, title in activities:
            self.activity.addItem(f"{format_date(starts)} — {title}", activity_id)
        self.activity.setMaxVisibleItems(20)
        self.description = QLineEdit()
        self.voucher_number = QLineEdit()
        self.voucher_number.setPlaceholderText(self.tr("e.g. PC-0125"))
        self.payee = QLineEdit()
        self.overspend_reason = QPlainTextEdit()
        self.overspend_reason.setFixedHeight(56)
        self.overspend_label = QLabel(self.tr("Reason for overspending"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.hide()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.spent_on)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Allocation"), self.allocation)
        form.addRow(self.tr("Activity (optional)"), self.activity)
        form.addRow(self.tr("Details of the expense"), self.description)
        form.addRow(self.tr("Voucher number"), self.voucher_number)
        form.addRow(self.tr("Payee"), self.payee)
        form.addRow(self.overspend_label, self.overspend_reason)
        self.set_form(
            form,
            self.warning,
            errors={
                "spent_on": self.spent_on,
                "amount": self.amount,
                "allocation_id": self.allocation,
                "activity_id": self.activity,
                "description": self.description,
                "voucher_number": self.voucher_number,
                "payee": self.payee,
                "overspend_reason": self.overspend_reason,
            },
        )
        if expense is not None:
            self.fill(expense)
        else:
            self.spent_on.set_value(local_today())
        self.amount.amountChanged.connect(lambda _a: self.check_balance())
        self.amount.errorChanged.connect(lambda _e: self.check_balance())
        self.allocation.currentIndexChanged.connect(lambda _i: self.check_balance())
        self.check_balance()
        if expense is not None:
            self.loaded()

    @property
    def expense(self) -> Any | None:
        return self.record

    def fill(self, expense: Any) -> None:
        self.spent_on.set_value(expense.spent_on)
        self.amount.setAmount(expense.amount)
        self.allocation.setCurrentIndex(max(0, self.allocation.findData(expense.allocation_id)))
        index = self.activity.findData(expense.activity_id)
        if expense.activity_id and index < 0:  # an activity of another year
            title = getattr(expense, "activity_title", "") or expense.activity_id
            self.activity.addItem(title, expense.activity_id)
            index = self.activity.count() - 1
        self.activity.setCurrentIndex(max(0, index))
        self.description.setText(expense.description)
        self.voucher_number.setText(expense.voucher_number)
        self.payee.setText(expense.payee)
        self.overspend_reason.setPlainText(expense.overspend_reason)

    def available(self) -> int | None:
        """The allocation's balance before this expense (its own old amount given back)."""
        balance = self.balances.get(self.allocation.currentData())
        if balance is None:
            return None
        available = balance.balance
        if self.expense is not None and self.expense.allocation_id == balance.id:
            available += self.expense.amount
        return available

    def check_balance(self) -> None:
        amount, available = self.amount.amount(), self.available()
        if self.amount.error() is not None:
            amount_label = self.tr("Amount")
            self._warn(f"{amount_label}: {self.amount.error()}", danger=True)
            over = False
        elif amount is None or available is None or amount <= available:
            self.warning.hide()
            over = False
        else:
            over = True
            excess = format_vnd(amount - available)
            if self.policy == REFUSE:
                self._warn(
                    self.tr(
                        "This expense exceeds the allocation's balance by %1 (%2 left). The office does not allow overspending: it will be refused."
                    )
                    .replace("%1", excess)
                    .replace("%2", format_vnd(available)),
                    danger=True,
                )
            else:
                self._warn(
                    self.tr(
                        "This expense exceeds the allocation's balance by %1 (%2 left). Give the reason for overspending to save it."
                    )
                    .replace("%1", excess)
                    .replace("%2", format_vnd(available)),
                    danger=False,
                )
        show_reason = over or bool(self.overspend_reason.toPlainText().strip())
        self.overspend_label.setVisible(show_reason)
        self.overspend_reason.setVisible(show_reason)

    def _warn(self, text: str, danger: bool) -> None:
        colour = "#c62828" if danger else "#b26a00"
        background = "#fdecea" if danger else "#fff4e0"
        self.warning.setStyleSheet(f"color: {colour}; background: {background}; padding: 6px;")
        self.warning.setText(text)
        self.warning.show()

    def values(self) -> dict[str, Any]:
        return {
            "spent_on": self.spent_on.value(),
            "amount": self.amount.text(),
            "allocation_id": self.allocation.currentData(),
            "activity_id": self.activity.currentData(),
            "description": self.description.text(),
            "voucher_number": self.voucher_number.text(),
            "payee": self.payee.text(),
            "overspend_reason": self.overspend_reason.toPlainText(),
        }

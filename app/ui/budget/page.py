"""The Budget workspace: a fiscal year's allocations with their adjustments and balances, its
expenses, the monthly burn, and planned against actual cost per activity."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ActivityType, FundingSource, TaskCategory
from app.services.budget import WARN, AllocationBalance
from app.services.labels import enum_label
from app.services.money import format_vnd
from app.services.staffing import local_today
from app.ui.budget.dialogs import AdjustmentDialog, AllocationDialog, ExpenseDialog, allocation_label
from app.ui.context import UiContext
from app.ui.flow_layout import FlowLayout
from app.ui.formatting import format_date
from app.ui.row_models import DANGER, DANGER_BACKGROUND, GOOD, WARNING, Column, LazyRowModel, RowListModel
from app.ui.shortcuts import add_list_actions
from app.ui.workspace import RefreshingTab, make_table, selected_row, set_widths

BUDGET_TABLES = frozenset({"budget_allocation", "budget_adjustment", "expense", "setting"})


def percent(share: float) -> str:
    return f"{share * 100:.1f}%".replace(".", ",")


def balance_colour(value: int) -> QColor | None:
    return DANGER if value < 0 else None


class AllocationsTab(RefreshingTab):
    tables = BUDGET_TABLES

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page.ctx)
        self.page = page
        columns = [
            Column(self.tr("Year"), lambda a: str(a.fiscal_year)),
            Column(self.tr("Funding source"), lambda a: str(enum_label(FundingSource, a.funding_source))),
            Column(self.tr("Task"), lambda a: str(enum_label(TaskCategory, a.task_category))),
            Column(self.tr("Budget code"), lambda a: a.budget_code),
            Column(
                self.tr("Decision"),
                lambda a: " ".join(p for p in (a.decision_number, format_date(a.decision_date)) if p),
            ),
            Column(self.tr("Allocated"), lambda a: format_vnd(a.amount), align_right=True),
            Column(
                self.tr("Adjustments"),
                lambda a: format_vnd(a.adjustments) if a.adjustments else "",
                align_right=True,
            ),
            Column(self.tr("Spent"), lambda a: format_vnd(a.spent), align_right=True),
            Column(
                self.tr("Balance"),
                lambda a: format_vnd(a.balance),
                align_right=True,
                colour=lambda a: balance_colour(a.balance),
                background=lambda a: DANGER_BACKGROUND if a.overspent else None,
                tooltip=lambda a: self.tr("Overspent") if a.overspent else "",
            ),
            Column(
                self.tr("% spent"),
                lambda a: percent(a.share_spent),
                align_right=True,
                colour=lambda a: DANGER if a.share_spent > 1 else (WARNING if a.share_spent > 0.9 else None),
            ),
        ]
        self.model = RowListModel(columns, self)
        self.table = make_table(self.model)
        set_widths(self.table, [48, 140, 175, 98, 160, 120, 105, 120, 120])
        self.adjustments = RowListModel(
            [
                Column(self.tr("Decision"), lambda x: x.decision_number),
                Column(self.tr("Decision date"), lambda x: format_date(x.decision_date)),
                Column(
                    self.tr("Change"),
                    lambda x: ("+" if x.amount > 0 else "") + format_vnd(x.amount),
                    align_right=True,
                    colour=lambda x: GOOD if x.amount > 0 else DANGER,
                ),
                Column(self.tr("Reason"), lambda x: x.reason),
            ],
            self,
        )
        self.adjustment_table = make_table(self.adjustments)
        set_widths(self.adjustment_table, [160, 110, 140])
        self.new_button = QPushButton(self.tr("New allocation…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.adjust_button = QPushButton(self.tr("Add adjustment…"))
        self.edit_adjustment_button = QPushButton(self.tr("Edit adjustment…"))
        self.delete_adjustment_button = QPushButton(self.tr("Delete adjustment"))
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button, self.adjust_button):
            bar.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_bar = QHBoxLayout()
        self.adjustments_title = QLabel(self.tr("Adjustments of the selected allocation"))
        lower_bar.addWidget(self.adjustments_title)
        lower_bar.addStretch(1)
        lower_bar.addWidget(self.edit_adjustment_button)
        lower_bar.addWidget(self.delete_adjustment_button)
        lower_layout.addLayout(lower_bar)
        lower_layout.addWidget(self.adjustment_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        self.new_button.clicked.connect(self.new_allocation)
        self.edit_button.clicked.connect(self.edit_allocation)
        self.delete_button.clicked.connect(self.delete_allocation)
        self.adjust_button.clicked.connect(self.new_adjustment)
        self.edit_adjustment_button.clicked.connect(self.edit_adjustment)
        self.delete_adjustment_button.clicked.connect(self.delete_adjustment)
        self.table.doubleClicked.connect(lambda _i: self.edit_allocation())
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new_allocation,
            edit=self.edit_allocation,
            delete=self.delete_allocation,
            refresh=self.reload,
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.load_adjustments())

    def load(self) -> None:
        self.page.reload_summary()
        self.load_adjustments()

    def show_balances(self, balances: list[AllocationBalance]) -> None:
        selected = selected_row(self.table)
        self.model.set_rows(balances)
        if selected is not None:
            for row, balance in enumerate(balances):
                if balance.id == selected.id:
                    self.table.selectRow(row)
        self.load_adjustments()

    def load_adjustments(self) -> None:
        allocation = selected_row(self.table)
        if allocation is None:
            self.adjustments.set_rows([])
            return
        adjustments = self.ctx.services.adjustments
        self.run(lambda: adjustments.for_allocation(allocation.id), self.adjustments.set_rows)

    def new_allocation(self) -> None:
        self.open_dialog(AllocationDialog(self.ctx, self.page.year() or local_today().year, parent=self))

    def edit_allocation(self) -> None:
        allocations = self.ctx.services.allocations
        self.edit_selected(
            self.table,
            lambda row: AllocationDialog(self.ctx, row.fiscal_year, row, parent=self),
            fetch=lambda balance: allocations.get(balance.id),
        )

    def delete_allocation(self) -> None:
        allocations = self.ctx.services.allocations
        self.delete_selected(self.table, allocation_label, lambda balance: allocations.delete(balance.id))

    def new_adjustment(self) -> None:
        self.with_selected(
            self.table, lambda balance: self.open_dialog(AdjustmentDialog(self.ctx, balance, parent=self))
        )

    def edit_adjustment(self) -> None:
        self.with_selected(
            self.table,
            lambda balance: self.edit_selected(
                self.adjustment_table,
                lambda adjustment: AdjustmentDialog(self.ctx, balance, adjustment, parent=self),
            ),
        )

    def delete_adjustment(self) -> None:
        adjustments = self.ctx.services.adjustments
        self.delete_selected(
            self.adjustment_table,
            lambda adjustment: f"{adjustment.decision_number} ({format_vnd(adjustment.amount)})",
            lambda adjustment: adjustments.delete(adjustment.id),
        )


class ExpensesTab(RefreshingTab):
    tables = BUDGET_TABLES | {"activity"}

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page.ctx)
        self.page = page
        expenses = page.ctx.services.expenses
        columns = [
            Column(self.tr("Date"), lambda x: format_date(x.spent_on), order_by="spent_on"),
            Column(self.tr("Amount"), lambda x: format_vnd(x.amount), align_right=True, order_by="amount"),
            Column(self.tr("Voucher"), lambda x: x.voucher_number, order_by="voucher_number"),
            Column(self.tr("Payee"), lambda x: x.payee, order_by="payee"),
            Column(self.tr("Allocation"), self._allocation_text),
            Column(self.tr("Activity"), lambda x: x.activity_title),
            Column(self.tr("Details of the expense"), lambda x: x.description),
            Column(
                self.tr("Overspend reason"),
                lambda x: x.overspend_reason,
                colour=lambda x: WARNING if x.overspend_reason else None,
            ),
        ]
        self.allocation_filter = QComboBox()
        self.allocation_filter.setMinimumWidth(320)
        self.model = LazyRowModel(page.ctx.tasks, columns, self._load_ids, expenses.lines, self)
        self.model.order_by, self.model.descending = "spent_on", True
        self.table = make_table(self.model, sortable=True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        set_widths(self.table, [90, 130, 100, 200, 260, 220, 220])
        self.count = QLabel()
        self.model.loaded.connect(self._counted)
        self.new_button = QPushButton(self.tr("New expense…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Allocation")))
        bar.addWidget(self.allocation_filter)
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.allocation_filter.currentIndexChanged.connect(lambda _i: self.model.refresh())
        self.new_button.clicked.connect(self.new_expense)
        self.edit_button.clicked.connect(self.edit_expense)
        self.delete_button.clicked.connect(self.delete_expense)
        self.table.doubleClicked.connect(lambda _i: self.edit_expense())
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new_expense,
            edit=self.edit_expense,
            delete=self.delete_expense,
            refresh=self.reload,
        )

    def _allocation_text(self, x: Any) -> str:
        balance = self.page.balances.get(x.allocation_id or "")
        if balance is not None:
            return allocation_label(balance)
        return "" if x.allocation_id is None else self.tr("(another year)")

    def _counted(self) -> None:
        self.count.setText(self.tr("%n expense(s)", "", len(self.model.ids)))

    def _load_ids(self, order_by: str | None, descending: bool) -> Callable[[], list[str]]:
        filters: dict[str, Any] = {}
        year = self.page.year()
        if year is not None:
            filters = {"spent_from": date(year, 1, 1), "spent_to": date(year, 12, 31)}
        allocation = self.allocation_filter.currentData()
        if allocation:
            filters["allocation_id"] = allocation
        expenses = self.ctx.services.expenses
        return lambda: expenses.ids(filters, None, order_by, descending)

    def show_allocations(self, balances: list[AllocationBalance]) -> None:
        current = self.allocation_filter.currentData()
        self.allocation_filter.blockSignals(True)
        self.allocation_filter.clear()
        self.allocation_filter.addItem(self.tr("All"), None)
        for balance in balances:
            self.allocation_filter.addItem(allocation_label(balance), balance.id)
        self.allocation_filter.setCurrentIndex(max(0, self.allocation_filter.findData(current)))
        self.allocation_filter.blockSignals(False)

    def load(self) -> None:
        self.page.reload_summary()

    def new_expense(self) -> None:
        self._open(None)

    def edit_expense(self) -> None:
        self.with_selected(self.table, self._open)

    def _open(self, expense: Any | None) -> None:
        expenses, year = self.ctx.services.expenses, self.page.year() or local_today().year

        def fetch() -> tuple[Any, ...]:
            return expenses.activity_choices(year), expenses.policy()

        def show(result: tuple[Any, ...]) -> None:
            activities, policy = result
            allocations = list(self.page.balances.values())
            self.open_dialog(ExpenseDialog(self.ctx, allocations, activities, policy, expense, parent=self))

        self.run(fetch, show)

    def delete_expense(self) -> None:
        expenses = self.ctx.services.expenses
        self.delete_selected(
            self.table,
            lambda expense: f"{format_date(expense.spent_on)} {format_vnd(expense.amount)}",
            lambda expense: expenses.delete(expense.id),
        )


class BurnTab(RefreshingTab):
    """Spending per month (bars), cumulative spending and the year's allocation (lines)."""

    tables = BUDGET_TABLES

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page.ctx)
        self.page = page
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(8, 8, 8, 8))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.note = QLabel()
        self.note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        self.burn: Any = None

    def load(self) -> None:
        year = self.page.year() or local_today().year
        expenses = self.ctx.services.expenses
        self.run(lambda: expenses.monthly_burn(year), self.show_burn)
        self.page.reload_summary()

    def show_burn(self, burn: Any) -> None:
        self.burn = burn
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        million = 1_000_000
        bars = QBarSet(self.tr("Spent in the month"))
        bars.setColor(QColor("#1f4e8c"))
        for value in burn.months:
            bars.append(value / million)
        bar_series = QBarSeries()
        bar_series.append(bars)
        cumulative = QLineSeries()
        cumulative.setName(self.tr("Spent to date"))
        cumulative.setPen(QPen(QColor("#e07b00"), 2.5))
        allocated = QLineSeries()
        allocated.setName(self.tr("Allocated for the year"))
        allocated.setPen(QPen(QColor("#2e7d32"), 2, Qt.PenStyle.DashLine))
        for month, value in enumerate(burn.cumulative):
            cumulative.append(month, value / million)
            allocated.append(month, burn.allocated / million)
        chart.addSeries(bar_series)
        chart.addSeries(cumulative)
        chart.addSeries(allocated)
        months = QBarCategoryAxis()
        months.append([self.tr("M%1").replace("%1", str(m)) for m in range(1, 13)])
        values = QValueAxis()
        top = max([burn.allocated, *burn.cumulative, 1]) / million
        values.setRange(0, top * 1.1)
        values.applyNiceNumbers()
        values.setLabelFormat("%.0f")
        values.setTitleText(self.tr("million đồng"))
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (bar_series, cumulative, allocated):
            series.attachAxis(months)
            series.attachAxis(values)
        chart.setTitle(self.tr("Monthly spending, %1").replace("%1", str(burn.year)))
        self.note.setText(
            self.tr("Spent %1 of %2 allocated in %3.")
            .replace("%1", format_vnd(burn.cumulative[-1]))
            .replace("%2", format_vnd(burn.allocated))
            .replace("%3", str(burn.year))
        )


class ActivityCostTab(RefreshingTab):
    tables = BUDGET_TABLES | {"activity"}

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page.ctx)
        self.page = page
        columns = [
            Column(self.tr("Date"), lambda c: format_date(c.starts_at)),
            Column(self.tr("Activity"), lambda c: c.title),
            Column(self.tr("Type"), lambda c: str(enum_label(ActivityType, c.type))),
            Column(self.tr("Planned"), lambda c: format_vnd(c.planned), align_right=True),
            Column(self.tr("Actual"), lambda c: format_vnd(c.actual), align_right=True),
            Column(
                self.tr("Difference"),
                lambda c: ("+" if c.variance > 0 else "") + format_vnd(c.variance),
                align_right=True,
                colour=lambda c: DANGER if c.variance > 0 else (GOOD if c.variance < 0 else None),
            ),
            Column(self.tr("Expenses recorded"), lambda c: format_vnd(c.expensed), align_right=True),
        ]
        self.model = RowListModel(columns, self)
        self.table = make_table(self.model)
        set_widths(self.table, [90, 320, 180, 130, 130, 130])
        self.totals = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.table)

    def load(self) -> None:
        year = self.page.year() or local_today().year
        expenses = self.ctx.services.expenses
        self.run(lambda: expenses.activity_costs(year), self._show)
        self.page.reload_summary()

    def _show(self, costs: list[Any]) -> None:
        self.model.set_rows(costs)
        planned, actual = sum(c.planned for c in costs), sum(c.actual for c in costs)
        self.totals.setText(
            self.tr("%n activities with costs · planned %1 · actual %2", "", len(costs))
            .replace("%1", format_vnd(planned))
            .replace("%2", format_vnd(actual))
        )


class BudgetPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.balances: dict[str, AllocationBalance] = {}
        self.summary: Any = None
        self.policy = WARN
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(120)
        self._set_years([])
        self.allocated_label = QLabel()
        self.spent_label = QLabel()
        self.balance_label = QLabel()
        self.alert_label = QLabel()
        self.alert_label.setStyleSheet("color: #c62828;")
        for label in (self.allocated_label, self.spent_label, self.balance_label):
            label.setStyleSheet("font-size: 14px; padding: 0 12px;")
        self.allocations = AllocationsTab(self)
        self.expenses = ExpensesTab(self)
        self.burn = BurnTab(self)
        self.costs = ActivityCostTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.allocations, self.tr("Allocations"))
        self.tabs.addTab(self.expenses, self.tr("Expenses"))
        self.tabs.addTab(self.burn, self.tr("Monthly spending"))
        self.tabs.addTab(self.costs, self.tr("Planned and actual cost"))
        top = FlowLayout(spacing=10)  # the figures take a second line on a small screen
        title = self.tr("Budget")
        heading = QLabel(f"<h2>{title}</h2>")
        heading.setContentsMargins(0, 0, 10, 0)
        top.addWidget(heading)
        top.addWidget(QLabel(self.tr("Fiscal year")))
        top.addWidget(self.year_combo)
        top.addWidget(self.allocated_label)
        top.addWidget(self.spent_label)
        top.addWidget(self.balance_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.alert_label)
        layout.addWidget(self.tabs)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self._loading = False

    def year(self) -> int | None:
        """The fiscal year shown; None for every year."""
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def _set_years(self, years: list[int]) -> None:
        current = self.year_combo.currentData() if self.year_combo.count() else local_today().year
        wanted = sorted({*years, local_today().year}, reverse=True)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in wanted:
            self.year_combo.addItem(str(year), year)
        self.year_combo.addItem(self.tr("All years"), None)
        index = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)

    def set_year(self, year: int | None) -> None:
        index = self.year_combo.findData(year)
        if index < 0 and year is not None:
            self.year_combo.insertItem(0, str(year), year)
            index = 0
        self.year_combo.setCurrentIndex(index)

    def _year_changed(self, _index: int) -> None:
        for tab in (self.allocations, self.expenses, self.burn, self.costs):
            tab._stale = True
        current = self.tabs.currentWidget()
        if isinstance(current, RefreshingTab):
            current.reload()

    def reload_summary(self) -> None:
        """Years, balances and totals: what the header and the first two tabs show."""
        services, year = self.ctx.services, self.year()

        def fetch() -> tuple[Any, ...]:
            balances = services.allocations.balances(year)
            summary = services.allocations.summary(year) if year is not None else None
            return services.allocations.fiscal_years(), balances, summary, services.expenses.policy()

        self.ctx.tasks.run_db(fetch, self._show_summary)

    def _show_summary(self, result: tuple[Any, ...]) -> None:
        years, balances, summary, policy = result
        self._set_years(years)
        self.policy = policy
        self.summary = summary
        self.balances = {b.id: b for b in balances}
        allocated = sum(b.total for b in balances)
        spent = sum(b.spent for b in balances)
        self.allocated_label.setText(self.tr("Allocated: %1").replace("%1", format_vnd(allocated)))
        self.spent_label.setText(
            self.tr("Spent: %1 (%2)")
            .replace("%1", format_vnd(spent))
            .replace("%2", percent(spent / allocated if allocated else 0.0))
        )
        self.balance_label.setText(self.tr("Balance: %1").replace("%1", format_vnd(allocated - spent)))
        self.balance_label.setStyleSheet(
            "font-size: 14px; padding: 0 12px;" + (" color: #c62828;" if allocated < spent else "")
        )
        overspent = [b for b in balances if b.overspent]
        self.alert_label.setText(
            self.tr("%n allocation(s) overspent", "", len(overspent)) if overspent else ""
        )
        self.alert_label.setVisible(bool(overspent))
        self.allocations.show_balances(balances)
        self.expenses.show_allocations(balances)
        self.expenses.model.refresh()

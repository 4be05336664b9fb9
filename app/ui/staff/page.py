"""The Staff workspace: people, the spokesperson register, units and focal points, training,
and workload from the calendar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import StaffRole, UnitKind
from app.services.labels import enum_label
from app.services.money import format_vnd
from app.services.staffing import Authorisation, Publication, local_today
from app.text import sort_key
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_datetime
from app.ui.row_models import (
    DANGER,
    DANGER_BACKGROUND,
    GOOD,
    WARNING,
    Column,
    LazyRowModel,
    RowListModel,
)
from app.ui.shortcuts import add_list_actions
from app.ui.staff.dialogs import StaffDialog, TrainingDialog, UnitDialog
from app.ui.workspace import RefreshingTab, make_table, set_widths


def roles_text(codes: str | tuple[str, ...]) -> str:
    items = codes.split(",") if isinstance(codes, str) else list(codes)
    return ", ".join(str(enum_label(StaffRole, c)) for c in items if c)


def year_spin(year: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(2000, 2100)
    spin.setValue(year)
    return spin


AUTH_COLOURS = {Authorisation.EXPIRED: DANGER, Authorisation.EXPIRING: WARNING, Authorisation.VALID: GOOD}
PUBLICATION_COLOURS = {
    Publication.LATE: DANGER,
    Publication.OVERDUE: DANGER,
    Publication.PENDING: WARNING,
    Publication.ON_TIME: GOOD,
}


# ----- people -------------------------------------------------------------------------------


class PeopleTab(RefreshingTab):
    tables = frozenset({"staff_member", "unit"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.unit_names: dict[str, str] = {}
        today = local_today()
        from app.services.staffing import authorisation_state

        def auth_colour(row: Any) -> QColor | None:
            return AUTH_COLOURS.get(authorisation_state(row.authorised_from, row.authorised_to, today))

        columns = [
            Column(self.tr("Full name"), lambda r: r.full_name, order_by="full_name"),
            Column(self.tr("Position"), lambda r: r.position, order_by="position"),
            Column(self.tr("Unit"), lambda r: self.unit_names.get(r.unit_id or "", "")),
            Column(self.tr("Roles"), lambda r: roles_text(r.roles)),
            Column(self.tr("Decision"), lambda r: r.decision_number, order_by="decision_number"),
            Column(
                self.tr("Authorised until"),
                lambda r: format_date(r.authorised_to),
                order_by="authorised_to",
                colour=auth_colour,
            ),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("E-mail"), lambda r: r.email),
        ]
        staff = ctx.services.staff
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name (accents optional)…"))
        self.search.setClearButtonEnabled(True)
        self.role = QComboBox()
        self.role.addItem(self.tr("All roles"), None)
        for role in StaffRole:
            self.role.addItem(str(enum_label(StaffRole, role.value)), role.value)
        self.model = LazyRowModel(ctx.tasks, columns, self._load_ids, staff.get_many, self)
        self.model.order_by = "full_name"
        self.table = make_table(self.model, sortable=True)
        set_widths(self.table, [200, 200, 200, 220, 130, 120, 120])
        self.count = QLabel()
        self.model.loaded.connect(lambda: self.count.setText(self.tr("%n people", "", len(self.model.ids))))
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.role, 1)
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.search.textChanged.connect(lambda _t: self.model.refresh())
        self.role.currentIndexChanged.connect(lambda _i: self.model.refresh())
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.delete_button.clicked.connect(self.delete_member)
        self.table.doubleClicked.connect(lambda _i: self.edit_member())
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new_member,
            search=self.search,
            edit=self.edit_member,
            delete=self.delete_member,
            refresh=self.reload,
        )

    def _load_ids(self, order_by: str | None, descending: bool) -> Callable[[], list[str]]:
        role, search, staff = self.role.currentData(), self.search.text(), self.ctx.services.staff
        return lambda: staff.ids({"role": role} if role else None, search, order_by, descending)

    def load(self) -> None:
        def units() -> dict[str, str]:
            return {u.id: u.name for u in self.ctx.services.units.list()}

        def shown(names: dict[str, str]) -> None:
            self.unit_names = names
            self.model.refresh()

        self.run(units, shown)

    def _units(self) -> list[tuple[str, str]]:
        return sorted(self.unit_names.items(), key=lambda item: sort_key(item[1]))

    def new_member(self) -> None:
        self.open_dialog(StaffDialog(self.ctx, self._units(), parent=self))

    def edit_member(self) -> None:
        self.edit_selected(
            self.table, lambda member: StaffDialog(self.ctx, self._units(), member, parent=self)
        )

    def delete_member(self) -> None:
        staff = self.ctx.services.staff
        self.delete_selected(
            self.table, lambda member: member.full_name, lambda member: staff.delete(member.id)
        )


# ----- the spokesperson register ------------------------------------------------------------


class RegisterTab(RefreshingTab):
    tables = frozenset({"staff_member", "unit", "setting"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        columns = [
            Column(self.tr("Full name"), lambda r: r.full_name),
            Column(
                self.tr("Role"),
                lambda r: str(
                    enum_label(
                        StaffRole,
                        StaffRole.SPOKESPERSON if r.is_spokesperson else StaffRole.AUTHORISED_SPEAKER,
                    )
                ),
            ),
            Column(self.tr("Position, unit"), lambda r: ", ".join(p for p in (r.position, r.unit_name) if p)),
            Column(self.tr("Decision"), lambda r: r.decision_number),
            Column(self.tr("Decision date"), lambda r: format_date(r.decision_date)),
            Column(self.tr("Published on"), lambda r: format_datetime(r.published_on_portal_at)),
            Column(
                self.tr("24-hour rule"),
                self._publication_text,
                colour=lambda r: PUBLICATION_COLOURS.get(r.publication),
                tooltip=lambda r: (
                    self.tr("Deadline: %1").replace("%1", format_datetime(r.publication_deadline))
                    if r.publication_deadline
                    else ""
                ),
            ),
            Column(
                self.tr("Authorisation"),
                self._authorisation_text,
                colour=lambda r: AUTH_COLOURS.get(r.authorisation),
            ),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("E-mail"), lambda r: r.email),
        ]
        self.model = RowListModel(columns, self)
        self.table = make_table(self.model)
        set_widths(self.table, [165, 195, 190, 110, 115, 125, 165, 165, 110])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"))
        self.export_xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.export_pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.export_xlsx_button.clicked.connect(lambda: self.ask_export("xlsx"))
        note = QLabel(
            self.tr(
                "The exported register lists current spokespersons and authorised speakers, ready to publish on the portal; expired authorisations are left out."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.export_pdf_button)
        bar.addWidget(self.export_xlsx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(note)
        self.last_export: Path | None = None

    def _publication_text(self, r: Any) -> str:
        return {
            Publication.ON_TIME: self.tr("Published on time"),
            Publication.LATE: self.tr("Published late"),
            Publication.PENDING: self.tr("To publish"),
            Publication.OVERDUE: self.tr("Not published, overdue"),
            Publication.NO_DECISION: self.tr("No decision date"),
        }[r.publication]

    def _authorisation_text(self, r: Any) -> str:
        text = {
            Authorisation.VALID: self.tr("Valid"),
            Authorisation.EXPIRING: self.tr("Expiring"),
            Authorisation.EXPIRED: self.tr("Expired"),
            Authorisation.NOT_YET: self.tr("Not yet in force"),
            Authorisation.UNDATED: self.tr("No term recorded"),
        }[r.authorisation]
        if r.authorised_to and r.authorisation in (
            Authorisation.VALID,
            Authorisation.EXPIRING,
            Authorisation.EXPIRED,
        ):
            return f"{text} ({format_date(r.authorised_to)})"
        return text

    def load(self) -> None:
        self.run(self.ctx.services.staff.spokesperson_register, self._show)

    def _show(self, entries: list[Any]) -> None:
        self.model.set_rows(entries)
        late = sum(1 for e in entries if e.publication in (Publication.LATE, Publication.OVERDUE))
        expired = sum(1 for e in entries if e.authorisation == Authorisation.EXPIRED)
        expiring = sum(1 for e in entries if e.authorisation == Authorisation.EXPIRING)
        parts = [self.tr("%n spokesperson(s) and authorised speaker(s)", "", len(entries))]
        if late:
            parts.append(self.tr("%n not published within 24 hours", "", late))
        if expired:
            parts.append(self.tr("%n authorisation(s) expired", "", expired))
        if expiring:
            parts.append(self.tr("%n expiring within 30 days", "", expiring))
        self.summary.setText(" · ".join(parts))
        self.summary.setStyleSheet("color: #c62828;" if late or expired else "")

    def ask_export(self, fmt: str) -> None:
        suffix = "PDF (*.pdf)" if fmt == "pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the spokesperson register"), f"nguoi-phat-ngon.{fmt}", suffix
        )
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        from app.reports.spokesperson_register import export_spokesperson_register

        services = self.ctx.services
        self.export_pdf_button.setEnabled(False)
        self.export_xlsx_button.setEnabled(False)

        def done(written: Path) -> None:
            self.last_export = written
            self._exported()
            self.summary.setText(self.tr("Saved %1").replace("%1", str(written)))

        def failed(error: BaseException) -> None:
            self._exported()
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("The register could not be saved: %1").replace("%1", str(error)),
            )

        self.ctx.tasks.run_db(lambda: export_spokesperson_register(services, fmt, path), done, failed)

    def _exported(self) -> None:
        self.export_pdf_button.setEnabled(True)
        self.export_xlsx_button.setEnabled(True)


# ----- units and focal points ---------------------------------------------------------------


class UnitsTab(RefreshingTab):
    tables = frozenset({"unit", "staff_member"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.people: list[tuple[str, str]] = []
        columns = [
            Column(self.tr("Unit"), lambda u: u.name),
            Column(self.tr("Kind"), lambda u: str(enum_label(UnitKind, u.kind))),
            Column(self.tr("Communication focal point"), lambda u: u.focal_point_name or self.tr("— none —")),
            Column(
                self.tr("Status"),
                self._status,
                colour=lambda u: GOOD if u.covered else DANGER,
                background=lambda u: None if u.covered else DANGER_BACKGROUND,
            ),
        ]
        self.model = RowListModel(columns, self)
        self.table = make_table(self.model)
        set_widths(self.table, [320, 140, 240])
        self.coverage_label = QLabel()
        self.coverage_bar = QProgressBar()
        self.coverage_bar.setMaximumWidth(260)
        self.coverage_bar.setFormat("%p%")
        self.new_button = QPushButton(self.tr("New unit…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        bar.addWidget(self.coverage_label)
        bar.addWidget(self.coverage_bar)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.new_button.clicked.connect(self.new_unit)
        self.edit_button.clicked.connect(self.edit_unit)
        self.delete_button.clicked.connect(self.delete_unit)
        self.table.doubleClicked.connect(lambda _i: self.edit_unit())
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new_unit,
            edit=self.edit_unit,
            delete=self.delete_unit,
            refresh=self.reload,
        )
        self.coverage: Any = None

    def _status(self, u: Any) -> str:
        if u.covered:
            return self.tr("Covered")
        if u.focal_point_id:
            return self.tr("Focal point no longer active")
        return self.tr("No focal point")

    def load(self) -> None:
        services = self.ctx.services

        def fetch() -> tuple[Any, dict[str, str]]:
            return services.units.focal_point_coverage(), services.staff.names()

        self.run(fetch, self._show)

    def _show(self, result: tuple[Any, dict[str, str]]) -> None:
        coverage, names = result
        self.coverage = coverage
        self.people = list(names.items())
        self.model.set_rows(coverage.units)
        self.coverage_label.setText(
            self.tr("Units with a communication focal point: %1 of %2")
            .replace("%1", str(coverage.covered))
            .replace("%2", str(coverage.total))
        )
        self.coverage_bar.setRange(0, max(1, coverage.total))
        self.coverage_bar.setValue(coverage.covered)

    def new_unit(self) -> None:
        self.open_dialog(UnitDialog(self.ctx, self.people, parent=self))

    def edit_unit(self) -> None:
        units = self.ctx.services.units
        self.edit_selected(
            self.table,
            lambda unit: UnitDialog(self.ctx, self.people, unit, parent=self),
            fetch=lambda focus: units.get(focus.unit_id),
        )

    def delete_unit(self) -> None:
        units = self.ctx.services.units
        self.delete_selected(self.table, lambda focus: focus.name, lambda focus: units.delete(focus.unit_id))


# ----- training -----------------------------------------------------------------------------


class TrainingTab(RefreshingTab):
    tables = frozenset({"training_record", "staff_member", "activity"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.names: dict[str, str] = {}
        trainings = ctx.services.trainings
        today = local_today()
        self.year = year_spin(today.year)
        columns = [
            Column(self.tr("Start"), lambda r: format_date(r.starts_on), order_by="starts_on"),
            Column(self.tr("Staff member"), lambda r: self.names.get(r.staff_id, "")),
            Column(self.tr("Course"), lambda r: r.course, order_by="course"),
            Column(self.tr("Organiser"), lambda r: r.organiser, order_by="organiser"),
            Column(self.tr("Hours"), lambda r: str(r.hours or 0), align_right=True, order_by="hours"),
            Column(self.tr("Content area"), lambda r: r.content_area),
            Column(self.tr("Certificate"), lambda r: r.certificate),
            Column(
                self.tr("Expires"),
                lambda r: format_date(r.expires_on),
                order_by="expires_on",
                colour=lambda r: DANGER if r.expires_on and r.expires_on < today else None,
            ),
            Column(self.tr("Cost"), lambda r: format_vnd(r.cost) if r.cost else "", align_right=True),
        ]
        self.model = LazyRowModel(ctx.tasks, columns, self._load_ids, trainings.get_many, self)
        self.model.order_by, self.model.descending = "starts_on", True
        self.table = make_table(self.model, sortable=True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        set_widths(self.table, [85, 170, 230, 180, 55, 140, 110, 85])
        self.hours_model = RowListModel(
            [
                Column(self.tr("Staff member"), lambda h: h.full_name),
                Column(self.tr("Hours"), lambda h: str(h.hours), align_right=True),
                Column(self.tr("Courses"), lambda h: str(h.courses), align_right=True),
                Column(self.tr("Cost"), lambda h: format_vnd(h.cost), align_right=True),
            ],
            self,
        )
        self.expiring_model = RowListModel(
            [
                Column(
                    self.tr("Expires"),
                    lambda c: format_date(c.expires_on),
                    colour=lambda c: DANGER if c.expired else WARNING,
                ),
                Column(self.tr("Staff member"), lambda c: c.full_name),
                Column(self.tr("Course"), lambda c: c.course),
                Column(self.tr("Certificate"), lambda c: c.certificate),
                Column(
                    self.tr("State"), lambda c: self.tr("Expired") if c.expired else self.tr("Expiring soon")
                ),
            ],
            self,
        )
        self.hours_table = make_table(self.hours_model)
        set_widths(self.hours_table, [240, 80, 80, 150])
        self.hours_table.horizontalHeader().setStretchLastSection(False)
        self.expiring_table = make_table(self.expiring_model)
        set_widths(self.expiring_table, [90, 200, 260, 120])
        self.plan = QTextBrowser()
        lower = QTabWidget()
        lower.addTab(self.hours_table, self.tr("Hours per person"))
        lower.addTab(self.expiring_table, self.tr("Certificates expiring"))
        lower.addTab(self.plan, self.tr("Training plan for the year"))
        self.lower_tabs = lower
        self.new_button = QPushButton(self.tr("New course…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.total_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year")))
        bar.addWidget(self.year)
        bar.addWidget(self.total_label)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([400, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.new_button.clicked.connect(self.new_course)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new_course,
            edit=self.edit_record,
            delete=self.delete_record,
            refresh=self.reload,
        )

    def _load_ids(self, order_by: str | None, descending: bool) -> Callable[[], list[str]]:
        year, trainings = self.year.value(), self.ctx.services.trainings
        return lambda: trainings.ids({"year": year}, None, order_by, descending)

    def load(self) -> None:
        services, year = self.ctx.services, self.year.value()

        def fetch() -> tuple[Any, ...]:
            return (
                services.staff.names(),
                services.trainings.hours_per_person(year),
                services.trainings.expiring_certificates(),
                services.trainings.training_plan(year),
            )

        self.run(fetch, self._show)

    def _show(self, result: tuple[Any, ...]) -> None:
        self.names, hours, expiring, plan = result
        self.model.refresh()
        self.hours_model.set_rows(hours)
        self.expiring_model.set_rows(expiring)
        total = sum(h.hours for h in hours)
        self.total_label.setText(
            self.tr("%1 hours of training, %2 people trained")
            .replace("%1", str(total))
            .replace("%2", str(len(hours)))
        )
        self.plan.setHtml(self._plan_html(plan))

    def _plan_html(self, plan: Any) -> str:
        none = self.tr("None.")
        calendar = self.tr("calendar")
        title = self.tr("Training plan for %1").replace("%1", str(plan.year))
        scheduled_title = self.tr("Courses scheduled")
        renewals_title = self.tr("Certificates to renew")
        untrained_title = self.tr("Spokespersons and dedicated staff with no training yet this year")

        def items(lines: list[str]) -> str:
            if not lines:
                return f"<p style='color:#666'>{none}</p>"
            return "<ul>" + "".join(f"<li>{_html(line)}</li>" for line in lines) + "</ul>"

        scheduled = [
            f"{format_date(r.starts_on)} — {r.course} — {self.names.get(r.staff_id, '')}"
            for r in plan.scheduled
        ]
        scheduled += [
            f"{format_date(a.starts_at)} — {a.title} ({calendar})" for a in plan.training_activities
        ]
        renewals = [f"{format_date(c.expires_on)} — {c.full_name}: {c.course}" for c in plan.renewals]
        untrained = [name for _id, name in plan.untrained]
        return (
            f"<h3>{title}</h3>"
            f"<h4>{scheduled_title}</h4>{items(scheduled)}"
            f"<h4>{renewals_title}</h4>{items(renewals)}"
            f"<h4>{untrained_title}</h4>{items(untrained)}"
        )

    def _people(self) -> list[tuple[str, str]]:
        return list(self.names.items())

    def new_course(self) -> None:
        self.open_dialog(TrainingDialog(self.ctx, self._people(), parent=self))

    def edit_record(self) -> None:
        self.edit_selected(
            self.table, lambda record: TrainingDialog(self.ctx, self._people(), record, parent=self)
        )

    def delete_record(self) -> None:
        trainings = self.ctx.services.trainings
        self.delete_selected(
            self.table, lambda record: record.course, lambda record: trainings.delete(record.id)
        )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ----- workload -----------------------------------------------------------------------------


class WorkloadTab(RefreshingTab):
    tables = frozenset({"activity", "staff_member"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.year = year_spin(local_today().year)
        columns = [Column(self.tr("Staff member"), lambda w: w.full_name)]
        for quarter in range(4):
            columns.append(
                Column(
                    self.tr("Quarter %1").replace("%1", ["I", "II", "III", "IV"][quarter]),
                    self._cell_text(quarter),
                    align_right=True,
                    tooltip=self._cell_tooltip(quarter),
                )
            )
        columns.append(Column(self.tr("Total"), lambda w: str(w.total), align_right=True))
        self.model = RowListModel(columns, self)
        self.table = make_table(self.model)
        set_widths(self.table, [240, 110, 110, 110, 110, 80])
        self.table.horizontalHeader().setStretchLastSection(False)
        legend = QLabel(
            self.tr(
                "Each quarter: activities chaired · activities as spokesperson, from the calendar (cancelled and postponed activities are not counted)."
            )
        )
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #666;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(legend)
        self.year.valueChanged.connect(lambda _v: self.reload())

    @staticmethod
    def _cell_text(quarter: int) -> Callable[[Any], str]:
        def text(w: Any) -> str:
            return f"{w.chaired[quarter]} · {w.spoke[quarter]}" if w.quarter(quarter) else "–"

        return text

    def _cell_tooltip(self, quarter: int) -> Callable[[Any], str]:
        def tooltip(w: Any) -> str:
            return (
                self.tr("Chaired %1, spokesperson at %2")
                .replace("%1", str(w.chaired[quarter]))
                .replace("%2", str(w.spoke[quarter]))
            )

        return tooltip

    def load(self) -> None:
        staff, year = self.ctx.services.staff, self.year.value()
        self.run(lambda: staff.workload(year), self.model.set_rows)


# ----- the page -----------------------------------------------------------------------------


class StaffPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.people = PeopleTab(ctx)
        self.register = RegisterTab(ctx)
        self.units = UnitsTab(ctx)
        self.training = TrainingTab(ctx)
        self.workload = WorkloadTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people, self.tr("Staff"))
        self.tabs.addTab(self.register, self.tr("Spokespersons"))
        self.tabs.addTab(self.units, self.tr("Units and focal points"))
        self.tabs.addTab(self.training, self.tr("Training"))
        self.tabs.addTab(self.workload, self.tr("Workload"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        title = self.tr("Staff")
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        layout.addWidget(self.tabs)

    def show_tab(self, tab: QWidget) -> QWidget:
        self.tabs.setCurrentWidget(tab)
        return tab

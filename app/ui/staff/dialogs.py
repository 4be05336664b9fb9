"""Forms for a staff member, a unit and a training course."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import StaffRole, UnitKind
from app.services.labels import enum_label
from app.ui.context import UiContext
from app.ui.date_edits import OptionalDateEdit, OptionalDateTimeEdit
from app.ui.form_dialog import FormDialog, combo
from app.ui.money_edit import MoneyEdit


class StaffDialog(FormDialog):
    def __init__(
        self,
        ctx: UiContext,
        units: list[tuple[str, str]],
        member: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, member, ctx.services.staff)
        self.setWindowTitle(self.tr("Staff member") if member else self.tr("New staff member"))
        self.setMinimumWidth(620)
        self.full_name = QLineEdit()
        self.position = QLineEdit()
        self.unit = combo([(None, "—"), *units])
        self.roles_box = QGroupBox(self.tr("Roles"))
        grid = QGridLayout(self.roles_box)
        self.role_checks: dict[str, QCheckBox] = {}
        for n, role in enumerate(StaffRole):
            check = QCheckBox(str(enum_label(StaffRole, role.value)))
            check.setObjectName(f"role_{role.value}")
            self.role_checks[role.value] = check
            grid.addWidget(check, n // 3, n % 3)
        self.decision_number = QLineEdit()
        self.decision_number.setPlaceholderText(self.tr("e.g. 15/QĐ-UBND"))
        self.decision_date = OptionalDateEdit()
        self.authorisation_scope = QPlainTextEdit()
        self.authorisation_scope.setFixedHeight(56)
        self.authorised_from = OptionalDateEdit()
        self.authorised_to = OptionalDateEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.published_on_portal_at = OptionalDateTimeEdit()
        self.active_from = OptionalDateEdit()
        self.active_to = OptionalDateEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(48)
        self.publication_hint = QLabel(
            self.tr("Decree 244/2026: a spokesperson's details are published on the portal within 24 hours.")
        )
        self.publication_hint.setWordWrap(True)
        self.publication_hint.setStyleSheet("color: #666;")

        form = QFormLayout()
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.roles_box)
        form.addRow(self.tr("Assignment decision"), self.decision_number)
        form.addRow(self.tr("Decision date"), self.decision_date)
        form.addRow(self.tr("Authorisation scope"), self.authorisation_scope)
        form.addRow(self.tr("Authorised from"), self.authorised_from)
        form.addRow(self.tr("Authorised until"), self.authorised_to)
        form.addRow(self.tr("Official phone"), self.phone)
        form.addRow(self.tr("Official e-mail"), self.email)
        form.addRow(self.tr("Published on the portal"), self.published_on_portal_at)
        form.addRow("", self.publication_hint)
        form.addRow(self.tr("Active from"), self.active_from)
        form.addRow(self.tr("Active until"), self.active_to)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_form(
            form,
            errors={
                "full_name": self.full_name,
                "position": self.position,
                "unit_id": self.unit,
                "roles": self.roles_box,
                "decision_number": self.decision_number,
                "decision_date": self.decision_date,
                "authorisation_scope": self.authorisation_scope,
                "authorised_from": self.authorised_from,
                "authorised_to": self.authorised_to,
                "phone": self.phone,
                "email": self.email,
                "published_on_portal_at": self.published_on_portal_at,
                "active_from": self.active_from,
                "active_to": self.active_to,
                "notes": self.notes,
            },
        )
        if member is not None:
            self.fill(member)
            self.loaded()

    @property
    def member(self) -> Any | None:
        return self.record

    def fill(self, m: Any) -> None:
        for name in ("full_name", "position", "decision_number", "phone", "email"):
            getattr(self, name).setText(getattr(m, name) or "")
        self.unit.setCurrentIndex(max(0, self.unit.findData(m.unit_id)))
        for role in (m.roles or "").split(","):
            if role in self.role_checks:
                self.role_checks[role].setChecked(True)
        for name in ("decision_date", "authorised_from", "authorised_to", "active_from", "active_to"):
            getattr(self, name).set_value(getattr(m, name))
        self.published_on_portal_at.set_value(m.published_on_portal_at)
        self.authorisation_scope.setPlainText(m.authorisation_scope or "")
        self.notes.setPlainText(m.notes or "")

    def values(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name.text(),
            "position": self.position.text(),
            "unit_id": self.unit.currentData(),
            "roles": [code for code, check in self.role_checks.items() if check.isChecked()],
            "decision_number": self.decision_number.text(),
            "decision_date": self.decision_date.value(),
            "authorisation_scope": self.authorisation_scope.toPlainText(),
            "authorised_from": self.authorised_from.value(),
            "authorised_to": self.authorised_to.value(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "published_on_portal_at": self.published_on_portal_at.value(),
            "active_from": self.active_from.value(),
            "active_to": self.active_to.value(),
            "notes": self.notes.toPlainText(),
        }


class UnitDialog(FormDialog):
    def __init__(
        self,
        ctx: UiContext,
        people: list[tuple[str, str]],
        unit: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, unit, ctx.services.units)
        self.setWindowTitle(self.tr("Unit") if unit else self.tr("New unit"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.kind = combo([(k.value, str(enum_label(UnitKind, k.value))) for k in UnitKind])
        self.focal_point = combo([(None, self.tr("— none yet —")), *people])
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Communication focal point"), self.focal_point)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_form(
            form,
            errors={
                "name": self.name,
                "kind": self.kind,
                "focal_point_id": self.focal_point,
                "notes": self.notes,
            },
        )
        if unit is not None:
            self.fill(unit)
            self.loaded()

    @property
    def unit(self) -> Any | None:
        return self.record

    def fill(self, unit: Any) -> None:
        self.name.setText(unit.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(unit.kind)))
        self.focal_point.setCurrentIndex(max(0, self.focal_point.findData(unit.focal_point_id)))
        self.notes.setPlainText(unit.notes or "")

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "focal_point_id": self.focal_point.currentData(),
            "notes": self.notes.toPlainText(),
        }


class TrainingDialog(FormDialog):
    """A course. New: tick everyone who attended, one record each; edit: one person's record."""

    def __init__(
        self,
        ctx: UiContext,
        people: list[tuple[str, str]],
        record: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, record, ctx.services.trainings)
        self.setWindowTitle(self.tr("Training record") if record else self.tr("New training course"))
        self.setMinimumWidth(560)
        self.people_filter = QLineEdit()
        self.people_filter.setPlaceholderText(self.tr("Filter names…"))
        self.people = QListWidget()
        self.people.setMinimumHeight(140)
        for staff_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, staff_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if record is not None and record.staff_id == staff_id
                else Qt.CheckState.Unchecked
            )
            self.people.addItem(item)
        self.people_filter.textChanged.connect(self._filter_people)
        self.course = QLineEdit()
        self.organiser = QLineEdit()
        self.starts_on = OptionalDateEdit()
        self.ends_on = OptionalDateEdit()
        self.hours = QSpinBox()
        self.hours.setRange(0, 2000)
        self.hours.setSuffix(self.tr(" h"))
        self.content_area = QLineEdit()
        self.certificate = QLineEdit()
        self.cost = MoneyEdit()
        self.expires_on = OptionalDateEdit()
        people_box = QGroupBox(self.tr("Attended") if record is None else self.tr("Staff member"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people_filter)
        people_layout.addWidget(self.people)
        form = QFormLayout()
        form.addRow(self.tr("Course"), self.course)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Start date"), self.starts_on)
        form.addRow(self.tr("End date"), self.ends_on)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Content area"), self.content_area)
        form.addRow(self.tr("Certificate"), self.certificate)
        form.addRow(self.tr("Cost per person"), self.cost)
        form.addRow(self.tr("Certificate expires"), self.expires_on)
        self.set_form(
            people_box,
            form,
            errors={
                "staff_id": people_box,
                "course": self.course,
                "organiser": self.organiser,
                "starts_on": self.starts_on,
                "ends_on": self.ends_on,
                "hours": self.hours,
                "content_area": self.content_area,
                "certificate": self.certificate,
                "cost": self.cost,
                "expires_on": self.expires_on,
            },
        )
        if record is not None:
            self.fill(record)
            self.loaded()

    def fill(self, record: Any) -> None:
        for name in ("course", "organiser", "content_area", "certificate"):
            getattr(self, name).setText(getattr(record, name) or "")
        for name in ("starts_on", "ends_on", "expires_on"):
            getattr(self, name).set_value(getattr(record, name))
        self.hours.setValue(record.hours or 0)
        self.cost.setAmount(record.cost or None)

    def _filter_people(self, text: str) -> None:
        from app.text import fold

        wanted = fold(text)
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def checked_staff(self) -> list[str]:
        return [
            self.people.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.people.count())
            if self.people.item(row).checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> dict[str, Any]:
        return {
            "course": self.course.text(),
            "organiser": self.organiser.text(),
            "starts_on": self.starts_on.value(),
            "ends_on": self.ends_on.value(),
            "hours": self.hours.value(),
            "content_area": self.content_area.text(),
            "certificate": self.certificate.text(),
            "cost": self.cost.text(),
            "expires_on": self.expires_on.value(),
        }

    def form_state(self) -> dict[str, Any]:
        return {**self.values(), "staff": self.checked_staff()}

    def create_operation(self, values: dict[str, Any]) -> Callable[[], Any]:
        trainings, staff_ids = self.ctx.services.trainings, self.checked_staff()
        return lambda: trainings.create_for_many(staff_ids, values)

    def update_operation(self, row_id: str, values: dict[str, Any]) -> Callable[[], Any]:
        trainings, staff_ids = self.ctx.services.trainings, self.checked_staff()
        if len(staff_ids) == 1:
            values["staff_id"] = staff_ids[0]
            return lambda: trainings.update(row_id, values)
        # Editing one person's record: more than one tick means new records for the others.
        assert self.record is not None
        others = [s for s in staff_ids if s != self.record.staff_id]

        def update_and_add() -> Any:
            trainings.update(row_id, values)
            return trainings.create_for_many(others, values) if others else None

        return update_and_add

"""Press agencies: the list with search and filters, the form, and an agency's people and history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.services.labels import enum_label
from app.ui.context import UiContext
from app.ui.form_dialog import FormDialog
from app.ui.media.background import on_db
from app.ui.media.common import (
    fill_enum,
    media_types_text,
    selected_rows,
    set_up_table,
    show_error,
    tr,
)
from app.ui.media.interaction_form import InteractionDialog
from app.ui.media.models import Column, LazyRowModel, RowsModel
from app.ui.media.timeline import TimelineView
from app.ui.shortcuts import add_list_actions


class AgencyDialog(FormDialog):
    def __init__(self, ctx: UiContext, agency: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, agency, ctx.services.agencies)
        self.setWindowTitle(self.tr("Edit press agency") if agency else self.tr("New press agency"))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.media_box = QWidget()
        media_layout = QHBoxLayout(self.media_box)
        media_layout.setContentsMargins(0, 0, 0, 0)
        self.media_checks: dict[str, QCheckBox] = {}
        for member in e.MediaType:
            check = QCheckBox(str(enum_label(e.MediaType, member.value)))
            self.media_checks[member.value] = check
            media_layout.addWidget(check)
        media_layout.addStretch(1)
        self.kind = QComboBox()
        fill_enum(self.kind, e.AgencyKind)
        self.governing_body = QLineEdit()
        self.level = QComboBox()
        fill_enum(self.level, e.AgencyLevel)
        self.licence_number = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText("https://")
        self.feed_urls = QPlainTextEdit()
        self.feed_urls.setFixedHeight(60)
        self.feed_urls.setPlaceholderText(self.tr("One RSS or Atom address per line"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Short name"), self.short_name)
        form.addRow(self.tr("Media types"), self.media_box)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Governing body"), self.governing_body)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Licence number"), self.licence_number)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("RSS/Atom feeds"), self.feed_urls)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_form(
            form,
            errors={
                "name": self.name,
                "short_name": self.short_name,
                "media_types": self.media_box,
                "kind": self.kind,
                "governing_body": self.governing_body,
                "level": self.level,
                "licence_number": self.licence_number,
                "phone": self.phone,
                "email": self.email,
                "address": self.address,
                "website": self.website,
                "feed_urls": self.feed_urls,
                "notes": self.notes,
            },
        )
        if agency is not None:
            self.fill(agency)
            self.loaded()

    @property
    def agency(self) -> Any | None:
        return self.record

    def fill(self, a: Any) -> None:
        for name in (
            "name",
            "short_name",
            "governing_body",
            "licence_number",
            "phone",
            "email",
            "address",
            "website",
        ):
            getattr(self, name).setText(getattr(a, name))
        for code, check in self.media_checks.items():
            check.setChecked(code in a.media_types.split(","))
        self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
        self.level.setCurrentIndex(max(0, self.level.findData(a.level)))
        self.feed_urls.setPlainText(a.feed_urls)
        self.notes.setPlainText(a.notes)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "short_name": self.short_name.text(),
            "media_types": [code for code, check in self.media_checks.items() if check.isChecked()],
            "kind": self.kind.currentData(),
            "governing_body": self.governing_body.text(),
            "level": self.level.currentData(),
            "licence_number": self.licence_number.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.text(),
            "website": self.website.text(),
            "feed_urls": self.feed_urls.toPlainText(),
            "notes": self.notes.toPlainText(),
        }


def agency_columns(counts: dict[str, int]) -> list[Column]:
    return [
        Column(tr("Name"), lambda a: a.name, "name"),
        Column(tr("Short name"), lambda a: a.short_name, "short_name"),
        Column(tr("Kind"), lambda a: str(enum_label(e.AgencyKind, a.kind)), "kind"),
        Column(tr("Level"), lambda a: str(enum_label(e.AgencyLevel, a.level)), "level"),
        Column(tr("Media types"), lambda a: media_types_text(a.media_types), "media_types"),
        Column(tr("Journalists"), lambda a: str(counts.get(a.id, 0))),
        Column(tr("Phone"), lambda a: a.phone),
        Column(tr("Website"), lambda a: a.website),
    ]


class AgenciesTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        services = ctx.services
        self.counts: dict[str, int] = {}
        self.model = LazyRowModel(
            ctx,
            agency_columns(self.counts),
            lambda f, s, o, d: services.agencies.ids(filters=f, search=s, order_by=o, descending=d),
            lambda ids: services.agencies.get_many(ids),
            self,
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search agencies by name, short name or governing body"))
        self.search.setClearButtonEnabled(True)
        self.media_filter = QComboBox()
        fill_enum(self.media_filter, e.MediaType, self.tr("All media"))
        self.level_filter = QComboBox()
        fill_enum(self.level_filter, e.AgencyLevel, self.tr("All levels"))
        self.kind_filter = QComboBox()
        fill_enum(self.kind_filter, e.AgencyKind, self.tr("All kinds"))
        self.to_check_filter = QCheckBox(self.tr("Created by an import, to check"))
        self.to_check_filter.setToolTip(
            self.tr(
                "Agencies an import created as central newspapers: check their type and level, then clear the note."
            )
        )
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.media_filter)
        filters.addWidget(self.level_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.to_check_filter)
        filters.addWidget(self.count_label)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_table(self.table)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((280, 110, 150, 100, 170, 90, 120)):
            self.table.setColumnWidth(column, width)
        self.new_button = QPushButton(self.tr("New agency…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.log_button = QPushButton(self.tr("Log interaction…"))
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.log_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.people_model = RowsModel(
            [
                Column(tr("Journalist"), lambda j: j.full_name),
                Column(tr("Title"), lambda j: j.title),
                Column(tr("E-mails"), lambda j: j.emails),
            ],
            self,
        )
        self.people = QTableView()
        self.people.setModel(self.people_model)
        set_up_table(self.people)
        self.people.setColumnWidth(0, 200)
        self.people.setColumnWidth(1, 140)
        self.timeline = TimelineView(ctx, show_person=True)
        detail = QSplitter(Qt.Orientation.Horizontal)
        detail.addWidget(self.people)
        detail.addWidget(self.timeline)
        detail.setStretchFactor(1, 2)
        detail.setSizes([420, 900])

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.media_filter, self.level_filter, self.kind_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.to_check_filter.toggled.connect(lambda _on: self.apply_filters())
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%n agency(ies)", "", n)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.log_button.clicked.connect(self.log)
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new,
            search=self.search,
            edit=self.edit,
            delete=self.delete,
            refresh=self.apply_filters,
        )
        ctx.data_changed.changed.connect(self._data_changed)
        self._selection_changed()
        self.load_counts()
        self.apply_filters()

    def load_counts(self) -> None:
        agencies = self.ctx.services.agencies
        on_db(self, agencies.journalist_counts, self._counts_loaded)

    def _counts_loaded(self, counts: dict[str, int]) -> None:
        self.counts.clear()
        self.counts.update(counts)
        self.model.refresh_rows()

    def apply_filters(self) -> None:
        filters: dict[str, Any] = {}
        for key, combo in (
            ("media_type", self.media_filter),
            ("level", self.level_filter),
            ("kind", self.kind_filter),
        ):
            if combo.currentData() is not None:
                filters[key] = combo.currentData()
        if self.to_check_filter.isChecked():
            filters["created_by_import"] = True
        self.model.filters = filters
        self.model.search = self.search.text()
        self.model.reload()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if "press_agency" in tables:
            self.model.reload()
        if "journalist" in tables or "press_agency" in tables:
            self.load_counts()
        if tables & {"journalist", "interaction"}:
            self._selection_changed()

    def selected_ids(self) -> list[str]:
        return [self.model.id_at(row) for row in selected_rows(self.table)]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.edit_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(bool(ids))
        self.log_button.setEnabled(len(ids) == 1)
        if len(ids) == 1:
            journalists = self.ctx.services.journalists
            agency_id = ids[0]
            on_db(self, lambda: journalists.of_agency(agency_id), self.people_model.set_rows)
            self.timeline.show_for(agency_id=agency_id)
        else:
            self.people_model.set_rows([])
            self.timeline.show_for(None)

    def new(self) -> None:
        AgencyDialog(self.ctx, None, self).exec()

    def edit(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        agencies = self.ctx.services.agencies
        on_db(
            self,
            lambda: agencies.get(ids[0]),
            self._open_editor,
            lambda err: show_error(self, err),
        )

    def _open_editor(self, row: Any) -> None:
        AgencyDialog(self.ctx, row, self).exec()

    def delete(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if (
            QMessageBox.question(
                self, self.tr("Delete press agencies"), self.tr("Delete %n agency(ies)?", "", len(ids))
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        agencies = self.ctx.services.agencies

        def delete_all() -> None:
            for agency_id in ids:
                agencies.delete(agency_id)

        on_db(self, delete_all, None, lambda err: show_error(self, err))

    def log(self) -> None:
        ids = self.selected_ids()
        row = self.table.currentIndex().row()
        agency = self.model.cached(row)
        if len(ids) != 1 or agency is None:
            return
        if InteractionDialog(self.ctx, agency_id=ids[0], counterpart=agency.name, parent=self).exec():
            self.timeline.reload()

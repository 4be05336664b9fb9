"""The journalist list: search as you type, filters, sorting, actions on a selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.services.media import CARD_EXPIRED, CARD_EXPIRING
from app.ui.context import UiContext
from app.ui.flow_layout import FlowLayout
from app.ui.formatting import format_date
from app.ui.media.background import on_db
from app.ui.media.common import (
    JournalistView,
    card_colors,
    card_note,
    fill_enum,
    selected_rows,
    set_up_table,
    show_error,
    tr,
)
from app.ui.media.journalist_form import JournalistDialog
from app.ui.media.journalist_page import JournalistPage
from app.ui.media.models import RED, Column, LazyRowModel
from app.ui.shortcuts import add_list_actions

SEARCH_DELAY_MS = 120


def journalist_columns() -> list[Column]:
    card_fg = lambda v: card_colors(v.row.press_card_expires)[0]  # noqa: E731
    card_bg = lambda v: card_colors(v.row.press_card_expires)[1]  # noqa: E731
    return [
        Column(tr("Full name"), lambda v: v.row.full_name, "full_name"),
        Column(tr("Press agency"), lambda v: v.agency_name, "agency"),
        Column(tr("Title"), lambda v: v.row.title, "title"),
        Column(tr("Beats"), lambda v: v.row.beats, "beats"),
        Column(tr("Phones"), lambda v: v.row.phones, None),
        Column(tr("E-mails"), lambda v: v.row.emails, None),
        Column(
            tr("Press card expires"),
            lambda v: format_date(v.row.press_card_expires),
            "press_card_expires",
            foreground=card_fg,
            background=card_bg,
            tooltip=lambda v: card_note(v.row.press_card_expires),
        ),
        Column(
            tr("Contact"),
            lambda v: tr("Do not contact") if v.row.do_not_contact else "",
            "do_not_contact",
            foreground=lambda v: RED if v.row.do_not_contact else None,
            tooltip=lambda v: v.row.do_not_contact_reason,
        ),
    ]


def fetch_journalists(services: Any, ids: list[str]) -> dict[str, JournalistView]:
    rows = services.journalists.get_many(ids)
    agency_ids = sorted({r.agency_id for r in rows.values() if r.agency_id})
    names = {a.id: a.name for a in services.agencies.get_many(agency_ids).values()}
    return {row_id: JournalistView(row, names.get(row.agency_id or "", "")) for row_id, row in rows.items()}


class JournalistsTab(QWidget):
    send_requested = Signal(list)  # journalist ids
    import_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        services = ctx.services
        self.model = LazyRowModel(
            ctx,
            journalist_columns(),
            lambda f, s, o, d: services.journalists.ids(filters=f, search=s, order_by=o, descending=d),
            lambda ids: fetch_journalists(services, ids),
            self,
        )

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search by name, title, beat, e-mail, phone or card number — accents optional")
        )
        self.search.setClearButtonEnabled(True)
        self.agency_filter = QComboBox()
        self.agency_filter.setMinimumContentsLength(18)
        self.agency_filter.addItem(self.tr("All agencies"), None)
        self.media_filter = QComboBox()
        fill_enum(self.media_filter, e.MediaType, self.tr("All media"))
        self.level_filter = QComboBox()
        fill_enum(self.level_filter, e.AgencyLevel, self.tr("All levels"))
        self.beat_filter = QComboBox()
        self.beat_filter.addItem(self.tr("All beats"), None)
        self.card_filter = QComboBox()
        self.card_filter.addItem(self.tr("Any press card"), None)
        self.card_filter.addItem(self.tr("Press card expired"), CARD_EXPIRED)
        self.card_filter.addItem(self.tr("Expires within 90 days"), CARD_EXPIRING)
        self.contact_filter = QComboBox()
        self.contact_filter.addItem(self.tr("Contact: all"), None)
        self.contact_filter.addItem(self.tr("Can be contacted"), False)
        self.contact_filter.addItem(self.tr("Do not contact"), True)
        self.count_label = QLabel()

        filters = FlowLayout()  # wraps on a small screen
        for widget in (
            self.agency_filter,
            self.media_filter,
            self.level_filter,
            self.beat_filter,
            self.card_filter,
            self.contact_filter,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_table(self.table)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((190, 200, 120, 140, 120, 190, 110, 110)):
            self.table.setColumnWidth(column, width)

        self.new_button = QPushButton(self.tr("New journalist…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_to_list_button = QPushButton(self.tr("Add to list…"))
        self.send_button = QPushButton(self.tr("Send press release…"))
        self.merge_button = QPushButton(self.tr("Merge two…"))
        self.duplicates_button = QPushButton(self.tr("Find duplicates…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        actions = FlowLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.add_to_list_button,
            self.send_button,
            self.merge_button,
        ):
            actions.addWidget(button)
        for button in (self.duplicates_button, self.import_button, self.export_button):
            actions.addWidget(button)

        self.page = JournalistPage(ctx)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([880, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (
            self.agency_filter,
            self.media_filter,
            self.level_filter,
            self.beat_filter,
            self.card_filter,
            self.contact_filter,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.loaded.connect(self._loaded)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.add_to_list_button.clicked.connect(self.add_to_list)
        self.send_button.clicked.connect(lambda: self.send_requested.emit(self.selected_ids()))
        self.merge_button.clicked.connect(self.merge)
        self.duplicates_button.clicked.connect(self.find_duplicates)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.export_button.clicked.connect(self.export)
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new,
            search=self.search,
            edit=self.edit,
            delete=self.delete,
            refresh=self.apply_filters,
        )
        self.page.changed.connect(self.model.refresh_rows)
        ctx.data_changed.changed.connect(self._data_changed)
        self._selection_changed()
        self.load_choices()
        self.apply_filters()

    # ----- loading --------------------------------------------------------------------------

    def load_choices(self) -> None:
        services = self.ctx.services
        on_db(self, lambda: (services.agencies.names(), services.journalists.beats()), self._choices_loaded)

    def _choices_loaded(self, choices: tuple[list[tuple[str, str]], list[str]]) -> None:
        agencies, beats = choices
        for combo, items in (
            (self.agency_filter, [(name, agency_id) for agency_id, name in agencies]),
            (self.beat_filter, [(beat, beat) for beat in beats]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        filters: dict[str, Any] = {}
        for key, combo in (
            ("agency_id", self.agency_filter),
            ("media_type", self.media_filter),
            ("level", self.level_filter),
            ("beat", self.beat_filter),
            ("card", self.card_filter),
            ("do_not_contact", self.contact_filter),
        ):
            value = combo.currentData()
            if value is not None:
                filters[key] = value
        return filters

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.filters = self.filters()
        self.model.search = self.search.text()
        self.model.reload()

    def _loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n journalist(s)", "", count))
        self._selection_changed()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if "journalist" in tables or "press_agency" in tables:
            self.model.filters = self.filters()
            self.model.reload()
            self.load_choices()
        if tables & {"journalist", "interaction", "distribution_list_member", "activity_invitee"}:
            self.page.reload()

    # ----- selection ------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [self.model.id_at(row) for row in selected_rows(self.table)]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.edit_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(bool(ids))
        self.add_to_list_button.setEnabled(bool(ids))
        self.merge_button.setEnabled(len(ids) == 2)
        current = self.table.currentIndex()
        if len(ids) == 1:
            self.page.show_journalist(ids[0])
        elif not ids and not current.isValid():
            self.page.show_journalist(None)

    def select_id(self, journalist_id: str) -> bool:
        row = self.model.row_of(journalist_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # ----- actions --------------------------------------------------------------------------

    def new(self) -> None:
        dialog = JournalistDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_row is not None:
            self.search.clear()
            self.apply_filters()

    def edit(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        journalists = self.ctx.services.journalists
        on_db(self, lambda: journalists.get(ids[0]), self._open_editor, lambda err: show_error(self, err))

    def _open_editor(self, row: Any) -> None:
        dialog = JournalistDialog(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.refresh_rows()
            self.page.reload()

    def delete(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete journalists"),
            self.tr("Delete %n journalist(s)? Their history is kept.", "", len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        journalists = self.ctx.services.journalists

        def delete_all() -> None:
            for journalist_id in ids:
                journalists.delete(journalist_id)

        on_db(self, delete_all, None, lambda err: show_error(self, err))

    def add_to_list(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        lists = self.ctx.services.lists
        on_db(self, lambda: lists.list(), lambda rows: self._choose_list(ids, rows))

    def _choose_list(self, ids: list[str], rows: list[Any]) -> None:
        new_text = self.tr("(new list…)")
        names = [r.name for r in rows] + [new_text]
        name, ok = QInputDialog.getItem(
            self, self.tr("Add to list"), self.tr("Add %n journalist(s) to:", "", len(ids)), names, 0, False
        )
        if not ok:
            return
        if name == new_text:
            title, ok = QInputDialog.getText(self, self.tr("New list"), self.tr("Name of the new list:"))
            if ok and title.strip():
                self.add_to_new_list(title, ids)
            return
        self.add_to_existing_list(next(r.id for r in rows if r.name == name), ids)

    def add_to_new_list(self, name: str, ids: list[str]) -> None:
        lists = self.ctx.services.lists
        on_db(
            self,
            lambda: lists.create_with_members({"name": name}, ids),
            None,
            lambda err: show_error(self, err),
        )

    def add_to_existing_list(self, list_id: str, ids: list[str]) -> None:
        lists = self.ctx.services.lists
        on_db(self, lambda: lists.add_members(list_id, ids), None, lambda err: show_error(self, err))

    def merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        from app.ui.media.duplicates import MergeDialog

        MergeDialog(self.ctx, ids[0], ids[1], self).exec()

    def find_duplicates(self) -> None:
        from app.ui.media.duplicates import DuplicatesDialog

        DuplicatesDialog(self.ctx, self).exec()

    def export(self) -> None:
        from app.ui.media.import_dialog import export_contacts

        export_contacts(self.ctx, self, self.selected_ids() or None)

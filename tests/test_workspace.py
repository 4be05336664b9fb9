"""The list tabs' shared actions on the selected row: edit in a form, delete after asking."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from PySide6.QtWidgets import QAbstractItemView, QDialog, QMessageBox

from app.ui.app import build_context
from app.ui.row_models import Column, RowListModel
from app.ui.workspace import RefreshingTab, make_table, selected_rows


class PeopleTab(RefreshingTab):
    tables = frozenset({"staff_member"})

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.model = RowListModel([Column("Name", lambda r: r.name)], self)
        self.table = make_table(self.model)
        self.opened: list[object] = []

    def load(self) -> None:
        pass

    def form(self, row: object) -> QDialog:
        self.opened.append(row)
        return QDialog(self)


def _tab(qtbot, services) -> PeopleTab:
    tab = PeopleTab(build_context(services))
    qtbot.addWidget(tab)
    tab.model.set_rows(
        [SimpleNamespace(id="a", name="Lê Văn An"), SimpleNamespace(id="b", name="Trần Thị Bình")]
    )
    return tab


def test_nothing_happens_without_a_selected_row(qtbot, services, monkeypatch) -> None:
    tab = _tab(qtbot, services)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    tab.edit_selected(tab.table, tab.form)
    tab.delete_selected(tab.table, lambda r: r.name, lambda r: None)
    assert tab.opened == [] and asked == [] and tab.dialog is None
    tab.ctx.tasks.wait_for_done()


def test_edit_opens_the_form_for_the_selected_row_read_again_in_the_background(qtbot, services) -> None:
    tab = _tab(qtbot, services)
    tab.table.selectRow(1)
    tab.edit_selected(tab.table, tab.form)
    assert [r.id for r in tab.opened] == ["b"] and tab.dialog is not None

    threads = []

    def fetch(row):
        threads.append(threading.current_thread().name)
        return SimpleNamespace(id=row.id, name=row.name, full=True)

    tab.edit_selected(tab.table, tab.form, fetch=fetch)
    qtbot.waitUntil(lambda: len(tab.opened) == 2)
    assert tab.opened[1].full and tab.opened[1].id == "b"
    assert threads and threads[0] != threading.main_thread().name
    tab.ctx.tasks.wait_for_done()


def test_delete_asks_first_and_names_the_row(qtbot, services, monkeypatch) -> None:
    tab = _tab(qtbot, services)
    tab.table.selectRow(0)
    questions, deleted = [], []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text: questions.append(text) or answer[0])
    tab.delete_selected(tab.table, lambda r: r.name, deleted.append)
    tab.ctx.tasks.wait_for_done()
    assert deleted == [] and "Lê Văn An" in questions[0]
    answer[0] = QMessageBox.StandardButton.Yes
    tab.delete_selected(tab.table, lambda r: r.name, deleted.append)
    qtbot.waitUntil(lambda: len(deleted) == 1)
    assert deleted[0].id == "a"
    tab.ctx.tasks.wait_for_done()


class CountingTab(RefreshingTab):
    tables = frozenset({"staff_member"})

    def __init__(self, ctx, while_hidden: bool) -> None:
        self.refresh_while_hidden = while_hidden
        super().__init__(ctx)
        self.loads = 0

    def load(self) -> None:
        self.loads += 1


def test_a_hidden_tab_reloads_when_shown_unless_it_follows_changes_while_hidden(qtbot, services) -> None:
    ctx = build_context(services)
    lazy, eager = CountingTab(ctx, while_hidden=False), CountingTab(ctx, while_hidden=True)
    for tab in (lazy, eager):
        qtbot.addWidget(tab)
    ctx.data_changed.changed.emit(frozenset({"budget_line"}))
    assert (lazy.loads, eager.loads) == (0, 0)  # not their tables
    ctx.data_changed.changed.emit(frozenset({"staff_member"}))
    assert (lazy.loads, eager.loads) == (0, 1)
    lazy.show()
    eager.show()
    assert (lazy.loads, eager.loads) == (1, 1)  # the eager one is current already
    ctx.data_changed.changed.emit(frozenset({"staff_member"}))
    assert (lazy.loads, eager.loads) == (2, 2)
    ctx.tasks.wait_for_done()


def test_selected_rows_are_every_chosen_row(qtbot, services) -> None:
    tab = _tab(qtbot, services)
    tab.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    assert selected_rows(tab.table) == []
    tab.table.selectAll()
    assert [r.id for r in selected_rows(tab.table)] == ["a", "b"]
    tab.ctx.tasks.wait_for_done()

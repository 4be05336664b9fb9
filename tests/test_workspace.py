"""The list tabs' shared actions on the selected row: edit in a form, delete after asking."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from PySide6.QtWidgets import QDialog, QMessageBox

from app.ui.app import build_context
from app.ui.row_models import Column, RowListModel
from app.ui.workspace import RefreshingTab, make_table


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

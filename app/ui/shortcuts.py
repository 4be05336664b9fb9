"""The keyboard shortcuts every list workspace shares: new record, find, edit, delete, refresh.

Each tab owns its actions with a shortcut context limited to the tab, so the same keys act on
whichever tab has the focus and never clash between pages or tabs. Return/Enter edits only while
the list itself has the focus (in a search box or a form field they keep their usual meaning).
The texts double as the Help entries declared in app/ui/pages.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

NEW_KEYS = "Ctrl+N"
FIND_KEYS = "Ctrl+F"
EDIT_KEYS = "Ctrl+E"
OPEN_KEYS = ("Return", "Enter")
DELETE_KEYS = "Del"
REFRESH_KEYS = "F5"

NEW_TEXT = str(QT_TRANSLATE_NOOP("Pages", "New record"))
FIND_TEXT = str(QT_TRANSLATE_NOOP("Pages", "Find (go to the search box)"))
EDIT_TEXT = str(QT_TRANSLATE_NOOP("Pages", "Edit the selected record"))
OPEN_TEXT = str(QT_TRANSLATE_NOOP("Pages", "Edit the selected record (in the list)"))
DELETE_TEXT = str(QT_TRANSLATE_NOOP("Pages", "Delete the selected record (asks first)"))
REFRESH_TEXT = str(QT_TRANSLATE_NOOP("Pages", "Refresh the list"))


@dataclass
class ListActions:
    """The actions added to one tab; absent ones are None."""

    new: QAction | None = None
    find: QAction | None = None
    edit: QAction | None = None
    open: QAction | None = None
    delete: QAction | None = None
    refresh: QAction | None = None
    all: list[QAction] = field(default_factory=list)


def _action(
    owner: QWidget,
    text: str,
    keys: str | tuple[str, ...],
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    action = QAction(QCoreApplication.translate("Pages", text), owner)
    sequences = [QKeySequence(k) for k in ((keys,) if isinstance(keys, str) else keys)]
    action.setShortcuts(sequences)
    action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def focus_search(search: QLineEdit) -> None:
    search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    search.selectAll()


def add_list_actions(
    tab: QWidget,
    table: QAbstractItemView | None = None,
    *,
    new: Callable[[], object] | None = None,
    search: QLineEdit | None = None,
    edit: Callable[[], object] | None = None,
    delete: Callable[[], object] | None = None,
    refresh: Callable[[], object] | None = None,
) -> ListActions:
    """Give ``tab`` the common shortcuts, wired to its existing slots."""
    found = ListActions()
    if new is not None:
        found.new = _action(tab, NEW_TEXT, NEW_KEYS, new)
    if search is not None:
        found.find = _action(tab, FIND_TEXT, FIND_KEYS, lambda: focus_search(search))
    if edit is not None:
        found.edit = _action(tab, EDIT_TEXT, EDIT_KEYS, edit)
        if table is not None:
            found.open = _action(table, OPEN_TEXT, OPEN_KEYS, edit, Qt.ShortcutContext.WidgetShortcut)
    if delete is not None:
        found.delete = _action(tab, DELETE_TEXT, DELETE_KEYS, delete)
    if refresh is not None:
        found.refresh = _action(tab, REFRESH_TEXT, REFRESH_KEYS, refresh)
    found.all = [a for a in (found.new, found.find, found.edit, found.open, found.delete, found.refresh) if a]
    return found

"""The keyboard shortcuts every list workspace shares: new record, find, edit, delete, refresh.

Each tab owns its actions with a shortcut context limited to the tab, so the same keys act on
whichever tab has the focus and never clash between pages or tabs. Return/Enter edits only while
the list itself has the focus (in a search box or a form field they keep their usual meaning).
The texts double as the Help entries declared in app/ui/pages.py. While the navigation list has
the focus (right after a page is chosen), :class:`PageKeysFromNavigation` hands these keys to the
shown page's visible tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
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


# Keys the navigation list needs for itself: moving, choosing, typing a title to jump to it.
_LIST_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Space,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
    }
)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class PageKeysFromNavigation(QObject):
    """The shown page's keys act while the navigation list still has the focus.

    A page's keys are scoped to its tab, so right after a page is chosen in the list (which keeps
    the focus, for the arrow keys) they would wait for a click into the page. This filter on the
    list gives such a key to the action that would take it if the page's visible tab had the
    focus: only the shown page is asked, so hidden pages never react, and the list keeps its own
    keys. Keys bound to one widget only (Return on a table) still need that widget's focus.
    """

    def __init__(self, navigation: QWidget, shown_page: Callable[[], QWidget | None]) -> None:
        super().__init__(navigation)
        self._shown_page = shown_page
        navigation.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(event, QKeyEvent) or event.type() == QEvent.Type.KeyRelease:
            return False  # the override asked before a key's shortcut, or the key press itself
        action = self.action_for(event)
        if action is None:
            return False
        # Accepting the override makes Qt deliver the key here as a key press instead of
        # looking for a shortcut; the press then triggers the page's action.
        if event.type() == QEvent.Type.KeyPress:
            action.trigger()
        event.accept()
        return True

    def action_for(self, event: QKeyEvent) -> QAction | None:
        page = self._shown_page()
        if page is None or _belongs_to_the_list(event):
            return None
        combination = event.keyCombination()
        modifiers = combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, combination.key()))
        found = [a for a in page.findChildren(QAction) if _active_on(a, page) and _bound_to(a, pressed)]
        return found[0] if len(found) == 1 else None  # two would be ambiguous: Qt acts on neither


def _belongs_to_the_list(event: QKeyEvent) -> bool:
    if event.key() in _LIST_KEYS:
        return True
    typed = event.text()
    return bool(typed) and typed.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS


def _bound_to(action: QAction, pressed: QKeySequence) -> bool:
    return any(keys.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for keys in action.shortcuts())


def _active_on(action: QAction, page: QWidget) -> bool:
    """Whether ``action`` would take its keys if the focus were in the page's visible part."""
    if not (action.isEnabled() and action.isVisible()):
        return False
    if action.shortcutContext() != Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return False
    return any(
        isinstance(owner, QWidget)
        and (owner is page or page.isAncestorOf(owner))
        and owner.isVisible()
        and owner.isEnabled()
        for owner in action.associatedObjects()
    )

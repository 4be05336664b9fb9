"""Help: the keyboard shortcuts of the menus and of every workspace, and the About box."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def collect_shortcuts(window: QMainWindow) -> dict[str, list[tuple[str, str]]]:
    """Group title -> (what it does, keys): the menus' actions, then what each workspace
    declares in the page registry, whether or not it has been opened yet."""
    from app.ui.pages import PAGES

    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()

    def add(group: str, text: str, keys: QKeySequence) -> None:
        shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
        entry = (_plain(text), shown)
        if shown and entry[0] and entry not in seen:
            seen.add(entry)
            groups.setdefault(group, []).append(entry)

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            for action in menu.actions():
                add(_plain(menu_action.text()), action.text(), action.shortcut())
    menus = set(seen)
    pages: dict[tuple[tuple[str, str], ...], list[str]] = {}  # the same keys on several pages: one group
    for spec in getattr(window, "_specs", PAGES):
        entries = []
        for shortcut in spec.shortcuts:
            text = _plain(QCoreApplication.translate("Pages", shortcut.text))
            entry = (text, shortcut.sequence().toString(QKeySequence.SequenceFormat.NativeText))
            if entry[0] and entry[1] and entry not in menus and entry not in entries:
                entries.append(entry)
        if entries:
            pages.setdefault(tuple(entries), []).append(QCoreApplication.translate("Pages", spec.title))
    for shared, titles in pages.items():
        groups.setdefault(" · ".join(titles), []).extend(shared)
    return groups


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 560)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for group, entries in collect_shortcuts(window).items():
            heading = QTreeWidgetItem([group, ""])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(heading)
            for text, keys in entries:
                self.tree.addTopLevelItem(QTreeWidgetItem(["    " + text, keys]))
        note = QLabel(
            self.tr(
                "In every list, Enter opens the selected item and typing in the search box filters as you type."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)


def about_text(data_folder: Path | None = None, log_path: Path | None = None) -> str:
    purpose = QCoreApplication.translate(
        "About",
        "Policy-communication desk for provincial People's Committees: calendar, press relations, staff, budget, monitoring and reports, working offline and syncing with the central server.",
    )
    built = QCoreApplication.translate("About", "Built with Python %1, Qt %2 (PySide6 %3) on %4.")
    built = (
        built.replace("%1", platform.python_version())
        .replace("%2", qVersion())
        .replace("%3", pyside_version)
        .replace("%4", platform.system() or sys.platform)
    )
    fonts = QCoreApplication.translate(
        "About", "Reports use the Liberation Serif fonts under the SIL Open Font License."
    )
    parts = [f"<h2>CommDesk {__version__}</h2>", f"<p>{purpose}</p>", f"<p>{built}</p>", f"<p>{fonts}</p>"]
    places = []
    if data_folder is not None:
        places.append(QCoreApplication.translate("About", "Data folder: %1").replace("%1", str(data_folder)))
    if log_path is not None:
        places.append(QCoreApplication.translate("About", "Log file: %1").replace("%1", str(log_path)))
    if places:
        parts.append("<p>" + "<br>".join(places) + "</p>")
    return "".join(parts)


def show_about(parent: QWidget, data_folder: Path | None = None, log_path: Path | None = None) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("About", "About CommDesk"), about_text(data_folder, log_path)
    )

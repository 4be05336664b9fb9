"""Showing validation problems next to the fields they concern."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.errors import CommDeskError, ValidationError

ERROR_STYLE = "border: 1px solid #c62828; background: #fff5f5;"


class FormErrors:
    """Maps service field names to widgets; marks the bad ones and explains why."""

    def __init__(self, summary: QLabel, widgets: dict[str, QWidget]) -> None:
        self.summary = summary
        self.widgets = widgets
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.hide()
        self._styles = {name: widget.styleSheet() for name, widget in widgets.items()}

    def add(self, name: str, widget: QWidget) -> None:
        """Watch one more field (forms built row by row)."""
        self.widgets[name] = widget
        self._styles[name] = widget.styleSheet()

    def clear(self) -> None:
        for name, widget in self.widgets.items():
            widget.setStyleSheet(self._styles[name])
            widget.setToolTip("")
        self.summary.clear()
        self.summary.hide()

    def show(self, error: BaseException) -> None:
        self.clear()
        if isinstance(error, ValidationError):
            first = None
            for problem in error.problems:
                widget = self.widgets.get(problem.field)
                if widget is not None:
                    widget.setStyleSheet(ERROR_STYLE)
                    widget.setToolTip(str(problem.reason))
                    first = first or widget
            lines = [f"• {problem.label}: {problem.reason}" for problem in error.problems]
            self.summary.setText("\n".join(lines))
            if first is not None:
                first.setFocus()
        elif isinstance(error, CommDeskError):
            self.summary.setText(str(error))
        else:
            raise error
        self.summary.show()

    def fields_marked(self) -> list[str]:
        return [name for name, widget in self.widgets.items() if widget.styleSheet() == ERROR_STYLE]

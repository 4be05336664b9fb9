"""The desktop user interface (PySide6 Qt Widgets)."""

from app.ui.none_refcount import keep_none_alive

keep_none_alive()

"""The Monitoring workspace (press coverage, feeds, trends and warnings)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext


def monitoring_page(ctx: UiContext) -> QWidget:
    from app.ui.monitoring.page import MonitoringPage

    return MonitoringPage(ctx)

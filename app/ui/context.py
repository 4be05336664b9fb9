"""What every page receives: services, the task runner and data-change notifications."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.services import Services
from app.ui.tasks import TaskRunner


class DataChangedRelay(QObject):
    """Turns the services' change bus into a Qt signal delivered on the GUI thread."""

    changed = Signal(object)  # frozenset of table names

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = services.bus.subscribe(self.changed.emit)

    def detach(self) -> None:
        self._unsubscribe()


@dataclass
class UiContext:
    services: Services
    tasks: TaskRunner
    data_changed: DataChangedRelay
    extras: dict[str, object] = field(default_factory=dict)

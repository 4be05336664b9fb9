"""Typed errors with a message for people, raised by services and caught by the UI and CLI."""

from __future__ import annotations

from app.i18n import Message


class CommDeskError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class ValidationError(CommDeskError):
    """One or more fields were refused; each problem names the field and the reason."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__(
            Message(
                "; ".join(f"{p.label.vi}: {p.reason.vi}" for p in problems),
                "; ".join(f"{p.label.en}: {p.reason.en}" for p in problems),
            )
        )

    def fields(self) -> list[str]:
        return [p.field for p in self.problems]


class FieldProblem:
    __slots__ = ("field", "label", "reason")

    def __init__(self, field: str, label: Message, reason: Message) -> None:
        self.field = field
        self.label = label
        self.reason = reason

    def __repr__(self) -> str:
        return f"FieldProblem({self.field!r}, {self.reason.en!r})"


class NotFound(CommDeskError):
    pass


class DatabaseTooNew(CommDeskError):
    pass


class DatabaseUnavailable(CommDeskError):
    """The database cannot be used: locked, read-only, full or corrupt. ``kind`` tells which."""

    def __init__(self, kind: str, message: Message) -> None:
        super().__init__(message)
        self.kind = kind

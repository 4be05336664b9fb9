"""The language of messages produced outside Qt (services, command line).

Qt widgets translate through ``QCoreApplication.translate``; plain-Python layers carry both
languages in a :class:`Message` and render the current one.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_LANGUAGES = ("vi", "en")
_current = "vi"


def current_language() -> str:
    return _current


def set_language(code: str) -> None:
    global _current
    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language: {code}")
    _current = code


@dataclass(frozen=True)
class Message:
    vi: str
    en: str

    def __str__(self) -> str:
        return self.vi if _current == "vi" else self.en

    def format(self, **values: object) -> Message:
        return Message(self.vi.format(**values), self.en.format(**values))

"""An amount field for whole VND: accepts "12.500.000", "12500000" or "12 500 000", shows
"12.500.000 đ", and says plainly what is wrong with anything else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import Message
from app.services.money import MoneyError, format_vnd, parse_amount

ERROR_STYLE = "border: 1px solid #c62828; background: #fff5f5;"


class MoneyEdit(QLineEdit):
    """Type an amount; on leaving the field it is shown grouped with the đồng sign.

    ``amount()`` is the whole-VND value (None when empty or invalid); ``error()`` the reason
    the text is refused. The text itself can be handed to a service, which parses it with the
    same rules, so a form gets the same message from the service as from the widget.
    """

    amountChanged = Signal(object)  # int | None
    errorChanged = Signal(str)  # "" when the text is acceptable

    def __init__(self, parent: QWidget | None = None, *, allow_negative: bool = False) -> None:
        super().__init__(parent)
        self.allow_negative = allow_negative
        self._amount: int | None = None
        self._error: Message | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0 đ")
        self.setMaxLength(40)
        self.editingFinished.connect(self._tidy)
        self.textChanged.connect(self._check)

    def amount(self) -> int | None:
        return self._amount

    def error(self) -> Message | None:
        return self._error

    def is_valid(self) -> bool:
        return self._error is None

    def setAmount(self, amount: int | None) -> None:
        self.setText(format_vnd(amount) if amount is not None else "")
        self._check(self.text())

    @Slot(str)
    def _check(self, text: str) -> None:
        old_amount, old_error = self._amount, self._error
        if not text.strip():
            self._amount, self._error = None, None
        else:
            try:
                self._amount, self._error = parse_amount(text, allow_negative=self.allow_negative), None
            except MoneyError as exc:
                self._amount, self._error = None, exc.message
        self.setStyleSheet(ERROR_STYLE if self._error else "")
        self.setToolTip(str(self._error) if self._error else "")
        if self._error != old_error:
            self.errorChanged.emit(str(self._error) if self._error else "")
        if self._amount != old_amount:
            self.amountChanged.emit(self._amount)

    @Slot()
    def _tidy(self) -> None:
        self._check(self.text())
        if self._error is None and self._amount is not None:
            self.setText(format_vnd(self._amount))

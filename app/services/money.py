"""Whole-VND amounts: parsing what people type, and showing it the Vietnamese way."""

from __future__ import annotations

import re

from app.i18n import Message

MAX_AMOUNT = 999_999_999_999_999  # just under a million billion đồng: larger is a typing slip
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


class MoneyError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


def parse_amount(value: object, *, allow_negative: bool = False) -> int:
    """Accept 12500000, "12500000", "12.500.000", "12 500 000" or "12.500.000 đ"."""
    if isinstance(value, bool):
        raise MoneyError(Message("phải là một số tiền", "must be an amount of money"))
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise MoneyError(
                Message("phải là số đồng nguyên, không có phần lẻ", "must be whole đồng, no fraction")
            )
        amount = int(value)
    elif isinstance(value, str):
        amount = _parse_text(value)
    else:
        raise MoneyError(Message("phải là một số tiền", "must be an amount of money"))
    if amount < 0 and not allow_negative:
        raise MoneyError(Message("không được âm", "must not be negative"))
    if abs(amount) > MAX_AMOUNT:
        raise MoneyError(
            Message(
                f"quá lớn (tối đa {format_vnd(MAX_AMOUNT)})",
                f"is too large (at most {format_vnd(MAX_AMOUNT)})",
            )
        )
    return amount


def _parse_text(text: str) -> int:
    cleaned = text.strip().lower().removesuffix("vnd").removesuffix("đ").removesuffix("đồng").strip()
    negative = cleaned.startswith("-")
    cleaned = cleaned.removeprefix("-").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise MoneyError(Message("chưa nhập số tiền", "no amount entered"))
    if "," in cleaned:
        raise MoneyError(
            Message(
                "phải là số đồng nguyên; dùng dấu chấm để phân cách hàng nghìn",
                "must be whole đồng; use dots to separate thousands",
            )
        )
    if _PLAIN.match(cleaned) or _GROUPED.match(cleaned):
        amount = int(cleaned.replace(".", ""))
        return -amount if negative else amount
    raise MoneyError(
        Message(
            "không phải số tiền hợp lệ (ví dụ 12.500.000)",
            "is not a valid amount (for example 12.500.000)",
        )
    )


def group_thousands(amount: int) -> str:
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", ".")


def format_vnd(amount: int | None) -> str:
    """12500000 -> '12.500.000 đ'."""
    if amount is None:
        return ""
    return f"{group_thousands(amount)} đ"

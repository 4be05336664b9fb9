"""Whole-VND amounts: parsing what people type, and showing it the Vietnamese way."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from app.i18n import Message

MAX_AMOUNT = 999_999_999_999_999  # just under a million billion đồng: larger is a typing slip
_MAX_DIGITS = len(str(MAX_AMOUNT))
_CURRENCY = re.compile(r"\s*(?:vnđ|vnd|đồng|đ|d)\.?\s*$")
_PLAIN = re.compile(r"^\d+$")
_DOT_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_SPACE_GROUPED = re.compile(r"^\d{1,3}( \d{3})+$")
_ZERO_CENTS = re.compile(r",0+$")  # "12.500.000,00" as printed by accounting software
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")

NOT_AN_AMOUNT = Message("phải là một số tiền", "must be an amount of money")
FRACTION = Message(
    "phải là số đồng nguyên, không có phần lẻ (ví dụ 12.500.000)",
    "must be whole đồng, without a fraction (for example 12.500.000)",
)
NEGATIVE = Message("không được âm", "must not be negative")
NOT_VALID = Message(
    "không phải số tiền hợp lệ: chỉ gồm chữ số, phân cách hàng nghìn bằng dấu chấm (ví dụ 12.500.000)",
    "is not a valid amount: digits only, thousands separated by dots (for example 12.500.000)",
)
EMPTY = Message("chưa nhập số tiền", "no amount entered")


class MoneyError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


def _too_large() -> MoneyError:
    return MoneyError(
        Message(
            f"quá lớn (tối đa {format_vnd(MAX_AMOUNT)})",
            f"is too large (at most {format_vnd(MAX_AMOUNT)})",
        )
    )


def parse_amount(value: object, *, allow_negative: bool = False) -> int:
    """Accept 12500000, "12500000", "12.500.000", "12 500 000" or "12.500.000 đ".

    Refuses, with a message naming the reason: fractions, negatives (unless allowed),
    letters, mixed or misplaced separators, and anything above :data:`MAX_AMOUNT`.
    """
    if isinstance(value, bool):
        raise MoneyError(NOT_AN_AMOUNT)
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float | Decimal):
        if isinstance(value, float) and not math.isfinite(value):
            raise MoneyError(NOT_AN_AMOUNT)
        if isinstance(value, Decimal) and not value.is_finite():
            raise MoneyError(NOT_AN_AMOUNT)
        if value != int(value):
            raise MoneyError(FRACTION)
        amount = int(value)
    elif isinstance(value, str):
        amount = _parse_text(value)
    else:
        raise MoneyError(NOT_AN_AMOUNT)
    if amount < 0 and not allow_negative:
        raise MoneyError(NEGATIVE)
    if abs(amount) > MAX_AMOUNT:
        raise _too_large()
    return amount


def _parse_text(text: str) -> int:
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()
    cleaned = _CURRENCY.sub("", cleaned).strip()
    negative = cleaned.startswith(("-", "−"))
    if negative or cleaned.startswith("+"):
        cleaned = cleaned[1:].strip()
    if not cleaned:
        raise MoneyError(EMPTY)
    cleaned = _ZERO_CENTS.sub("", cleaned)
    if "," in cleaned or re.fullmatch(r"\d+\.\d{1,2}", cleaned):
        raise MoneyError(FRACTION)
    if not (_PLAIN.match(cleaned) or _DOT_GROUPED.match(cleaned) or _SPACE_GROUPED.match(cleaned)):
        raise MoneyError(NOT_VALID)
    digits = re.sub(r"\D", "", cleaned).lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:  # before int(): a pasted megabyte of digits must not hang
        raise _too_large()
    amount = int(digits)
    return -amount if negative else amount


def group_thousands(amount: int) -> str:
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", ".")


def format_vnd(amount: int | None) -> str:
    """12500000 -> '12.500.000 đ'."""
    if amount is None:
        return ""
    return f"{group_thousands(amount)} đ"


# ----- amounts in words ---------------------------------------------------------------------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 1_000_000_000


def _below_thousand(n: int, full: bool) -> str:
    """0 < n < 1000. ``full`` reads the hundreds even when zero ("không trăm linh năm"),
    as required once a larger group has been read."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return " ".join(words)
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return " ".join(words)


def _below_billion(n: int, full: bool) -> str:
    """0 < n < 10^9, reading groups of three; zero groups are skipped."""
    parts: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, "nghìn"), (1, "")):
        group = (n // scale) % 1000
        if group == 0:
            continue
        parts.append(_below_thousand(group, full or bool(parts)))
        if name:
            parts.append(name)
    return " ".join(parts)


def _number_words(n: int, full: bool = False) -> str:
    if n >= _BILLION:
        billions, rest = divmod(n, _BILLION)
        head = f"{_number_words(billions, full)} tỷ"
        return f"{head} {_below_billion(rest, True)}" if rest else head
    return _below_billion(n, full)


def number_in_words(n: int) -> str:
    """A whole number in Vietnamese words, lower case: 1005 -> 'một nghìn không trăm linh năm'."""
    if n < 0:
        return "âm " + number_in_words(-n)
    if n == 0:
        return "không"
    return _number_words(n)


def amount_in_words(amount: int) -> str:
    """For documents: 12500000 -> 'Mười hai triệu năm trăm nghìn đồng'.

    num2words(lang="vi") is not used: it reads 1015 as "một nghìn lẻ mười lăm" and drops the
    "không trăm" that administrative and accounting documents require.
    """
    words = f"{number_in_words(amount)} đồng"
    return words[0].upper() + words[1:]

"""Declarative field rules for the services: what each field accepts and why it refuses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from app.errors import FieldProblem
from app.i18n import Message
from app.services.labels import field_label
from app.services.money import MoneyError, parse_amount

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
PHONE_CHARS = re.compile(r"^\+?[0-9 .()\-]+$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

TEXT = "text"
INT = "int"
FLOAT = "float"
MONEY = "money"
SIGNED_MONEY = "signed_money"
BOOL = "bool"
DATE = "date"
DATETIME = "datetime"
ENUM = "enum"
ENUM_SET = "enum_set"
EMAIL_KIND = "email"
EMAILS = "emails"
PHONE = "phone"
PHONES = "phones"
URL_KIND = "url"
URLS = "urls"
REF = "ref"


@dataclass(frozen=True)
class Field:
    kind: str = TEXT
    required: bool = False
    max_len: int | None = None
    enum: type[StrEnum] | None = None
    ref: str | None = None  # table name of the referenced entity
    minimum: float | None = None
    maximum: float | None = None


class Invalid(Exception):
    def __init__(self, reason: Message) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _msg(vi: str, en: str) -> Invalid:
    return Invalid(Message(vi, en))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _msg("phải là văn bản", "must be text")
    return value.strip()


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        # an instant: the day it is in Vietnam, not in UTC
        return value.astimezone(LOCAL_TZ).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
            try:
                return parse(text)
            except ValueError:
                continue
    raise _msg("không phải ngày hợp lệ (dd/mm/yyyy)", "is not a valid date (dd/mm/yyyy)")


def _datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise _msg("không phải thời điểm hợp lệ", "is not a valid date and time") from exc
    if isinstance(value, datetime):
        # A time without a zone is what the person typed: Vietnam time.
        return value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)
    raise _msg("không phải thời điểm hợp lệ", "is not a valid date and time")


def _int(value: Any, spec: Field) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _msg("phải là số nguyên", "must be a whole number")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        value = int(value.strip())
    if not isinstance(value, int):
        raise _msg("phải là số nguyên", "must be a whole number")
    _check_range(value, spec)
    return value


def _float(value: Any, spec: Field) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _msg("phải là một số", "must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise _msg("phải là một số", "must be a number") from exc
    _check_range(number, spec)
    return number


def _check_range(number: float, spec: Field) -> None:
    if spec.minimum is not None and number < spec.minimum:
        raise _msg(f"phải từ {spec.minimum:g} trở lên", f"must be at least {spec.minimum:g}")
    if spec.maximum is not None and number > spec.maximum:
        raise _msg(f"không được vượt quá {spec.maximum:g}", f"must be at most {spec.maximum:g}")


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts = re.split(r"[,;\n]", value)
    elif isinstance(value, list | tuple | set | frozenset):
        parts = [str(v) for v in value]
    else:
        raise _msg("phải là danh sách", "must be a list")
    return [p.strip() for p in parts if p.strip()]


def _email(text: str) -> str:
    if not EMAIL.match(text) or len(text) > 254:
        raise _msg(
            f"'{text}' không phải địa chỉ thư điện tử hợp lệ", f"'{text}' is not a valid e-mail address"
        )
    return text


def _phone(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if not PHONE_CHARS.match(text) or not 8 <= len(digits) <= 15:
        raise _msg(f"'{text}' không phải số điện thoại hợp lệ", f"'{text}' is not a valid phone number")
    return text


def _url(text: str) -> str:
    if not URL.match(text):
        raise _msg(
            f"'{text}' không phải địa chỉ web hợp lệ (http/https)",
            f"'{text}' is not a valid web address (http/https)",
        )
    return text


def clean_value(spec: Field, value: Any) -> Any:
    """Coerce one value to what the column stores, or raise :class:`Invalid` with the reason."""
    kind = spec.kind
    if kind == TEXT:
        return _text(value)
    if kind == INT:
        return _int(value, spec)
    if kind == FLOAT:
        return _float(value, spec)
    if kind in (MONEY, SIGNED_MONEY):
        if value is None or value == "":
            return None
        try:
            return parse_amount(value, allow_negative=kind == SIGNED_MONEY)
        except MoneyError as exc:
            raise Invalid(exc.message) from exc
    if kind == BOOL:
        if value is None or value == "":
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "có", "không"):
            return value.strip().lower() in ("true", "1", "có")
        raise _msg("phải là có hoặc không", "must be yes or no")
    if kind == DATE:
        return _date(value)
    if kind == DATETIME:
        return _datetime(value)
    if kind == ENUM:
        text = _text(value)
        if not text:
            return None
        assert spec.enum is not None
        if text not in {m.value for m in spec.enum}:
            raise _msg(f"mã '{text}' không hợp lệ", f"unknown code '{text}'")
        return text
    if kind == ENUM_SET:
        assert spec.enum is not None
        codes = _split(value)
        allowed = [m.value for m in spec.enum]
        for code in codes:
            if code not in allowed:
                raise _msg(f"mã '{code}' không hợp lệ", f"unknown code '{code}'")
        return ",".join(code for code in allowed if code in codes)  # stable order, no repeats
    if kind == EMAIL_KIND:
        text = _text(value)
        return _email(text) if text else ""
    if kind == EMAILS:
        return ", ".join(_email(t) for t in _split(value))
    if kind == PHONE:
        text = _text(value)
        return _phone(text) if text else ""
    if kind == PHONES:
        return ", ".join(_phone(t) for t in _split(value))
    if kind == URL_KIND:
        text = _text(value)
        return _url(text) if text else ""
    if kind == URLS:
        return "\n".join(_url(t) for t in _split(value))
    if kind == REF:
        text = _text(value)
        return text or None
    raise AssertionError(f"unknown field kind {kind}")


def is_empty(value: Any) -> bool:
    return value is None or value == ""


def clean_fields(
    specs: dict[str, Field], values: dict[str, Any], *, creating: bool
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Clean every given value; on create, also report required fields that are missing."""
    cleaned: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name in values:
        if name not in specs:
            problems.append(
                FieldProblem(name, field_label(name), Message("trường không tồn tại", "no such field"))
            )
    for name, spec in specs.items():
        if name not in values:
            if creating and spec.required:
                problems.append(
                    FieldProblem(name, field_label(name), Message("bắt buộc nhập", "is required"))
                )
            continue
        try:
            value = clean_value(spec, values[name])
        except Invalid as exc:
            problems.append(FieldProblem(name, field_label(name), exc.reason))
            continue
        if spec.required and is_empty(value):
            problems.append(FieldProblem(name, field_label(name), Message("bắt buộc nhập", "is required")))
            continue
        if spec.max_len is not None and isinstance(value, str) and len(value) > spec.max_len:
            problems.append(
                FieldProblem(
                    name,
                    field_label(name),
                    Message(f"dài quá {spec.max_len} ký tự", f"is longer than {spec.max_len} characters"),
                )
            )
            continue
        cleaned[name] = value
    return cleaned, problems

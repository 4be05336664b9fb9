"""Whole-VND parsing, formatting and amounts in Vietnamese words."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.money import (
    MAX_AMOUNT,
    MoneyError,
    amount_in_words,
    format_vnd,
    group_thousands,
    number_in_words,
    parse_amount,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("0 đ", 0),
        ("12500000", 12_500_000),
        ("12.500.000", 12_500_000),
        ("12 500 000", 12_500_000),
        ("12\u00a0500\u00a0000", 12_500_000),
        ("12.500.000 đ", 12_500_000),
        ("12.500.000đ", 12_500_000),
        ("12.500.000 VNĐ", 12_500_000),
        ("12.500.000 vnd", 12_500_000),
        ("12.500.000 đồng", 12_500_000),
        ("  12.500.000  ", 12_500_000),
        ("12.500.000,00", 12_500_000),
        ("+1.000", 1000),
        ("999", 999),
        ("1.000", 1000),
        ("999.999.999.999.999", MAX_AMOUNT),
        (str(MAX_AMOUNT), MAX_AMOUNT),
        ("000123", 123),
    ],
)
def test_accepted_text(text: str, expected: int) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("-5", "âm"),
        ("-12.500.000", "âm"),
        (-1, "âm"),
        ("12,5", "phần lẻ"),
        ("12.5", "phần lẻ"),
        ("12.50", "phần lẻ"),
        ("1.000,50", "phần lẻ"),
        (12.5, "phần lẻ"),
        (Decimal("0.5"), "phần lẻ"),
        ("12abc", "không phải số tiền hợp lệ"),
        ("mười hai", "không phải số tiền hợp lệ"),
        ("1.2345", "không phải số tiền hợp lệ"),
        ("12.500 000", "không phải số tiền hợp lệ"),
        ("1 2 3", "không phải số tiền hợp lệ"),
        ("12..500", "không phải số tiền hợp lệ"),
        ("1e6", "không phải số tiền hợp lệ"),
        ("", "chưa nhập"),
        ("   đ", "chưa nhập"),
        ("1.000.000.000.000.000", "quá lớn"),
        (MAX_AMOUNT + 1, "quá lớn"),
        ("9" * 5000, "quá lớn"),  # int() of this many digits would raise on its own
        (float("inf"), "phải là một số tiền"),
        (float("nan"), "phải là một số tiền"),
        (True, "phải là một số tiền"),
        (None, "phải là một số tiền"),
        ([1], "phải là một số tiền"),
    ],
)
def test_refused_with_reason(value: object, reason: str) -> None:
    with pytest.raises(MoneyError) as caught:
        parse_amount(value)
    assert reason in caught.value.message.vi
    assert caught.value.message.en


def test_negative_allowed_for_adjustments() -> None:
    assert parse_amount("-2.000.000", allow_negative=True) == -2_000_000
    assert parse_amount("−2.000.000", allow_negative=True) == -2_000_000  # the minus sign
    with pytest.raises(MoneyError):
        parse_amount(-(MAX_AMOUNT + 1), allow_negative=True)


def test_whole_floats_and_decimals() -> None:
    assert parse_amount(1500.0) == 1500
    assert parse_amount(Decimal("1500")) == 1500


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (0, "0 đ"),
        (5, "5 đ"),
        (999, "999 đ"),
        (1000, "1.000 đ"),
        (12_500_000, "12.500.000 đ"),
        (MAX_AMOUNT, "999.999.999.999.999 đ"),
        (-2_000_000, "-2.000.000 đ"),
        (None, ""),
    ],
)
def test_format(amount: int | None, shown: str) -> None:
    assert format_vnd(amount) == shown


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_format_parses_back(amount: int) -> None:
    assert parse_amount(format_vnd(amount)) == amount
    assert parse_amount(group_thousands(amount)) == amount
    assert parse_amount(group_thousands(amount).replace(".", " ")) == amount


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (91, "chín mươi mốt"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm linh năm"),
        (1015, "một nghìn không trăm mười lăm"),
        (1021, "một nghìn không trăm hai mươi mốt"),
        (1100, "một nghìn một trăm"),
        (10_000, "mười nghìn"),
        (15_000, "mười lăm nghìn"),
        (21_000, "hai mươi mốt nghìn"),
        (105_000, "một trăm linh năm nghìn"),
        (1_000_000, "một triệu"),
        (1_001_001, "một triệu không trăm linh một nghìn không trăm linh một"),
        (2_000_500, "hai triệu năm trăm"),
        (12_500_000, "mười hai triệu năm trăm nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (1_005_000_000, "một tỷ không trăm linh năm triệu"),
        (1_000_000_000_000, "một nghìn tỷ"),
        (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
        (1_000_005_000_000, "một nghìn tỷ không trăm linh năm triệu"),
        (
            MAX_AMOUNT,
            "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
            "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        ),
    ],
)
def test_number_in_words(n: int, words: str) -> None:
    assert number_in_words(n) == words


def test_amount_in_words_for_documents() -> None:
    assert amount_in_words(12_500_000) == "Mười hai triệu năm trăm nghìn đồng"
    assert amount_in_words(0) == "Không đồng"
    assert amount_in_words(1_005) == "Một nghìn không trăm linh năm đồng"
    assert amount_in_words(-2_000_000) == "Âm hai triệu đồng"


_VALUES = {
    w: i for i, w in enumerate(("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"))
}


def _read_back(words: str) -> int:
    """An independent reader of Vietnamese number words, strict about where each word may go."""
    total, small, last = 0, 0, 0
    previous = ""
    for word in words.split():
        if word in _VALUES:
            assert previous not in _VALUES, words
            last = _VALUES[word]
        elif word == "trăm":
            assert previous in _VALUES, words
            small, last = small + last * 100, 0
        elif word == "mươi":
            assert previous in _VALUES and last >= 2, words
            small, last = small + last * 10, 0
        elif word == "mười":
            small, last = small + 10, 0
        elif word == "linh":
            assert previous == "trăm", words
        elif word == "mốt":
            assert previous == "mươi", words
            last = 1
        elif word == "lăm":
            assert previous in ("mươi", "mười"), words
            last = 5
        elif word in ("nghìn", "triệu"):
            total += (small + last) * (1000 if word == "nghìn" else 1_000_000)
            small, last = 0, 0
        elif word == "tỷ":
            total, small, last = (total + small + last) * 1_000_000_000, 0, 0
        else:
            raise AssertionError(f"unexpected word {word!r} in {words!r}")
        if word == "năm":
            assert previous not in ("mươi", "mười"), words  # 25 is "hai mươi lăm"
        if word == "một":
            assert previous not in ("mươi",), words  # 21 is "hai mươi mốt"
        previous = word
    return total + small + last


def test_every_number_below_a_million_reads_back() -> None:
    for n in range(1, 1_000_000):
        assert _read_back(number_in_words(n)) == n


def test_large_numbers_read_back() -> None:
    rng = random.Random(7)
    samples = [rng.randrange(1, MAX_AMOUNT + 1) for _ in range(20_000)]
    samples += [10**k for k in range(16)] + [10**k + 5 for k in range(3, 15)]
    for n in samples:
        words = number_in_words(n)
        assert not words.startswith("không"), words
        assert _read_back(words) == n

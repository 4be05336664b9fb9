"""Reading a contacts file into a plain table: CSV (any common encoding), XLSX, or vCard.

Nothing here knows about journalists; :mod:`app.services.contacts_import` maps the columns.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import CommDeskError
from app.i18n import Message

MAX_FILE_BYTES = 200 * 1024 * 1024
# A cell may be long (a 1 MB note is refused later, per row, with its reason), never fatal.
csv.field_size_limit(64 * 1024 * 1024)


class ContactFileError(CommDeskError):
    """The whole file cannot be read: empty, not a spreadsheet, unreadable."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    encoding: str = ""  # for CSV: what was detected
    kind: str = "csv"  # csv | xlsx | vcard
    # vCard rows come already mapped to our field names.
    mapped: list[dict[str, str]] = field(default_factory=list)


def _error(vi: str, en: str) -> ContactFileError:
    return ContactFileError(Message(vi, en))


def read_table(path: Path) -> Table:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _error(f"Không mở được tệp {path}: {exc}", f"Cannot open {path}: {exc}") from exc
    if size == 0:
        raise _error(f"Tệp {path.name} rỗng, không có dòng nào.", f"The file {path.name} is empty.")
    if size > MAX_FILE_BYTES:
        raise _error(
            f"Tệp {path.name} quá lớn (trên 200 MB).", f"The file {path.name} is larger than 200 MB."
        )
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if data[:4] == b"PK\x03\x04" or suffix in (".xlsx", ".xlsm"):
        return read_xlsx(data, path.name)
    text, encoding = decode_text(data, path.name)
    if suffix in (".vcf", ".vcard") or text.lstrip().upper().startswith("BEGIN:VCARD"):
        from app.services.vcard import read_vcards

        return read_vcards(text, path.name)
    return read_csv_text(text, path.name, encoding)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to (text, encoding): BOMs first, then strict UTF-8, then detection (Windows-1258...)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked_text(data.decode(encoding, errors="strict"), name), encoding
    if b"\x00" not in data[:4096]:
        try:
            return _checked_text(data.decode("utf-8"), name), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # loaded on first use, to keep start-up quick

    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise _not_a_spreadsheet(name)
    encoding = best.encoding
    if "Vietnamese" in best.languages and encoding not in ("utf_8", "utf_16", "utf_16_le", "utf_16_be"):
        encoding = "cp1258"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _not_a_spreadsheet(name) from exc
    return _checked_text(text, name), encoding


def _checked_text(text: str, name: str) -> str:
    # Windows-1258 writes tones as combining marks; compose them so 'ệ' is one character.
    text = unicodedata.normalize("NFC", text)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > 5:
        raise _not_a_spreadsheet(name)
    if not text.strip():
        raise _error(f"Tệp {name} không có dữ liệu.", f"The file {name} has no data.")
    return text


def _not_a_spreadsheet(name: str) -> ContactFileError:
    return _error(
        f"Tệp {name} không phải bảng tính CSV/XLSX hay danh bạ vCard.",
        f"The file {name} is not a CSV or XLSX spreadsheet, nor a vCard address book.",
    )


def read_csv_text(text: str, name: str, encoding: str = "") -> Table:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [
            row for row in csv.reader(io.StringIO(text, newline=""), dialect) if any(c.strip() for c in row)
        ]
    except csv.Error as exc:
        raise _error(
            f"Tệp {name} không đọc được như CSV: {exc}", f"{name} cannot be read as CSV: {exc}"
        ) from exc
    return _table(rows, name, "csv", encoding)


def read_xlsx(data: bytes, name: str) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _not_a_spreadsheet(name) from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        raise _not_a_spreadsheet(name) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            row = [_cell_text(v) for v in values]
            if any(c.strip() for c in row):
                rows.append(row)
    finally:
        workbook.close()
    return _table(rows, name, "xlsx", "")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _table(rows: list[list[str]], name: str, kind: str, encoding: str) -> Table:
    if not rows:
        raise _error(f"Tệp {name} không có dòng dữ liệu nào.", f"The file {name} has no rows.")
    headers = [h.strip() for h in rows[0]]
    if len(rows) < 2:
        raise _error(
            f"Tệp {name} chỉ có dòng tiêu đề, không có liên hệ nào.",
            f"The file {name} has a header row but no contacts.",
        )
    width = len(headers)
    body = [(row + [""] * width)[: max(width, len(row))] for row in rows[1:]]
    return Table(headers, body, encoding, kind)

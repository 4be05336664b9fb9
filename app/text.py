"""Vietnamese text folding for accent-insensitive search."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")


def fold(text: str | None) -> str:
    """Lower-case, strip every tone and vowel mark, and read đ as d: 'Đặng Hùng' -> 'dang hung'."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def search_tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(fold(text))


def fts_prefix_query(text: str | None) -> str:
    """An FTS5 MATCH expression where every typed word is a prefix, all words required."""
    return " ".join(f'"{token}"*' for token in search_tokens(text))


def fts_key(row_id: str) -> int:
    """A stable 63-bit integer for a text id, used as the rowid of its search-index entry.

    Source tables have text primary keys, and SQLite may renumber their implicit rowids on
    VACUUM, so the index cannot point at those. (Used by migrations 0001-0003; since 0005 the
    index is keyed by rowid and rebuilt with ``app.db.rebuild_search_index`` after a VACUUM.)
    """
    digest = hashlib.blake2b(row_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF

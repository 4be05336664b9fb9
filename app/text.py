"""Vietnamese text folding for accent-insensitive search."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")


def _fold_slowly(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


class _FoldedCharacters(dict[int, str]):
    """Each character's folding, worked out the first time it is met (imports fold 100k cells)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_slowly(chr(code))
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str | None) -> str:
    """Lower-case, strip every tone and vowel mark, and read đ as d: 'Đặng Hùng' -> 'dang hung'."""
    if not text:
        return ""
    if "Σ" in text:  # the one letter whose lower case depends on its neighbours (final ς)
        return _fold_slowly(text)
    return text.translate(_FOLDED)


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


# ----- Vietnamese sort order -------------------------------------------------------------------
# Letters in the order of the Vietnamese alphabet (a ă â b c d đ e ê ... o ô ơ ... u ư ...); tone
# marks come second (no tone, huyền, hỏi, ngã, sắc, nặng), case third (lower first), as in the
# Vietnamese collation of CLDR. A key compares by plain code points, so SQLite can index it:
#   primary: letters lower-cased without tones; a, d, e, o, u followed by a digit for their
#            variant (ă â, đ, ê, ô ơ, ư), so "ă" sorts after every "a..." and before "b";
#   tones, cases: one digit per letter, trailing zeros dropped. They only break ties between
#            equal primaries, whose letters line up, so other characters can be left out.
_MARK_RANK = {("a", "\u0306"): "1", ("a", "\u0302"): "2", ("e", "\u0302"): "1", ("o", "\u0302"): "1"}
_MARK_RANK |= {("o", "\u031b"): "2", ("u", "\u031b"): "1"}
_VARIANTS = frozenset("adeou")
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_KEY_SEPARATOR = "\x01"


def _sort_parts(char: str) -> tuple[str, str, str] | None:
    """(primary, tone, case) of one letter, or None when the character sorts as itself."""
    if char in "đĐ":
        return "d1", "0", "1" if char == "Đ" else "0"
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if not ("a" <= base.lower() <= "z") or len(base.lower()) != 1:
        return None
    lower = base.lower()
    rank, tone = "0", "0"
    for mark in decomposed[1:]:
        if (lower, mark) in _MARK_RANK:
            rank = _MARK_RANK[(lower, mark)]
        elif mark in _TONES:
            tone = _TONES[mark]
        elif unicodedata.combining(mark):
            tone = "6"  # a mark Vietnamese does not use: after the five tones, still deterministic
    primary = lower + rank if lower in _VARIANTS else lower
    return primary, tone, "1" if base.isupper() else "0"


def _sort_tables() -> tuple[dict[int, str | None], ...]:
    primary: dict[int, str | None] = {}
    tones: dict[int, str | None] = {}
    cases: dict[int, str | None] = {}
    for code in (*range(0x20), 0x7F):  # control characters do not sort
        primary[code] = tones[code] = cases[code] = None
    for code in range(0x20, 0x7F):  # other ASCII characters sort only by their primary
        tones[code] = cases[code] = None
    for code in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        parts = _sort_parts(chr(code))
        if parts is not None:
            primary[code], tones[code], cases[code] = parts
    return primary, tones, cases


_PRIMARY, _TONE, _CASE = _sort_tables()


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str, str]:
    return word.translate(_PRIMARY), word.translate(_TONE), word.translate(_CASE)


def sort_key(text: str | None) -> str:
    """The Vietnamese sort key of a text: 'Dương' < 'Đặng' < 'Giang'; 'an' next to 'An', 'Á' next to 'A'.

    Spaces are collapsed and the text read in NFC, so the same name typed two ways sorts the same.
    Names repeat the same few thousand syllables, so keys are built word by word from a cache.
    """
    if not text:
        return ""
    words = [_word_key(word) for word in unicodedata.normalize("NFC", text).split()]
    if not words:
        return ""
    primary, tones, cases = zip(*words, strict=True)
    return (
        " ".join(primary)
        + _KEY_SEPARATOR
        + "".join(tones).rstrip("0")
        + _KEY_SEPARATOR
        + "".join(cases).rstrip("0")
    )

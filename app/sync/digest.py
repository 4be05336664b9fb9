"""Order-independent digest of (id, version) pairs, kept incrementally on the server."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

EMPTY_DIGEST = "0" * 32


def row_hash(row_id: str, version: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{row_id}:{version}".encode()).digest()[:16], "big")


def combine(digest: str, row_id: str, version: int) -> str:
    """Add or remove one (id, version) pair: XOR is its own inverse."""
    return f"{int(digest, 16) ^ row_hash(row_id, version):032x}"


def digest_of(pairs: Iterable[tuple[str, int]]) -> tuple[int, str]:
    value = 0
    count = 0
    for row_id, version in pairs:
        value ^= row_hash(row_id, version)
        count += 1
    return count, f"{value:032x}"

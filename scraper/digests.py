"""A set of strings that costs about 8 bytes per member: for a million-URL batch.

A Python `set` of a million URL strings takes ~100 MB, and even a set of
8-byte digests ~70 MB (an object and a hash-table slot per member). Here the
members are 64-bit blake2b digests kept in a sorted `array('Q')` (8 bytes
each, found by bisection), plus a small `set` of recent additions that is
merged into the array when it reaches `buffer` members.

Two different URLs share a 64-bit digest with probability ~n²/2⁶⁵: about
3·10⁻⁸ for a million URLs, so a false "already seen" is not a practical
concern.
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from bisect import bisect_left


def digest(key: str) -> int:
    data = key.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class DigestSet:
    def __init__(self, buffer: int = 65_536) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()
        self._buffer = buffer

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._has(digest(key))

    def add(self, key: str) -> bool:
        """Add `key`; True if it was not there before."""
        value = digest(key)
        if self._has(value):
            return False
        self._recent.add(value)
        if len(self._recent) >= self._buffer:
            self._compact()
        return True

    def _has(self, value: int) -> bool:
        if value in self._recent:
            return True
        i = bisect_left(self._sorted, value)
        return i < len(self._sorted) and self._sorted[i] == value

    def _compact(self) -> None:
        # heapq.merge streams both sorted runs into the new array, so the peak is the two
        # arrays (16 bytes a member), never a list of a million int objects.
        self._sorted = array("Q", heapq.merge(self._sorted, sorted(self._recent)))
        self._recent = set()

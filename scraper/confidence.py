"""How sure are we that a body is the whole article? A number in [0, 1].

Two independent engines read every page: trafilatura (the main one) and the
DOM engine in `scraper.body`, which scores containers in its own way. Where
they find the same text, the page has one obvious main content and both saw
it; where they disagree, at least one is wrong. The agreement of the two (an
F1 over 4-word shingles, the benchmark's own unit) times a length factor
(very short bodies are rarely whole articles) is the confidence.

A page left to the DOM engine alone (not an article, its body most of the
page) is compared with the page's whole text instead.

On the benchmark pages, bodies with confidence >= 0.5 average far higher F1
than those below it (`make bench-quality` prints the split).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
SHINGLE = 4
# Bodies of this many words or more are long enough to be whole articles.
FULL_LENGTH_WORDS = 150
# Agreement is measured on the first this-many characters: plenty for any
# article, and a 20 MB body costs no more than a long one.
SAMPLE_CHARS = 200_000


def shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))


def agreement(first: str, second: str) -> float:
    """F1 of the two texts' shingle sets: 1 when identical, 0 when disjoint or empty."""
    a, b = shingles(first), shingles(second)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def confidence(text: str, second_opinion: str) -> float:
    words = len(_WORD.findall(text[:SAMPLE_CHARS]))
    length_factor = min(1.0, words / FULL_LENGTH_WORDS)
    return round(length_factor * agreement(text, second_opinion), 3)

"""How sure are we that a body is the whole article? A number in [0, 1].

Every page gets a second opinion: the body kept (trafilatura's, or that of
the container the theme names, or the DOM engine's own less its furniture)
is compared with the DOM engine's reading in `scraper.body`, which scores
containers in its own way. Where they find the same text, the page has one
obvious main content and both saw it; where they disagree, at least one is
wrong. The agreement of the two (an
F1 over 4-word shingles, the benchmark's own unit) times a length factor
(very short bodies are rarely whole articles) is the confidence.

A page left to the DOM engine alone (not an article, its body most of the
page) is compared with the page's whole text instead.

On the benchmark pages, bodies with confidence >= 0.5 average far higher F1
than those below it (`make bench-quality` prints the split).
"""

from __future__ import annotations

from scraper.words import find_words

SHINGLE = 4
# Bodies of this many words or more are long enough to be whole articles.
FULL_LENGTH_WORDS = 150
# Agreement is measured on the first this-many characters: plenty for any
# article, and a 20 MB body costs no more than a long one.
SAMPLE_CHARS = 200_000


def _words(text: str) -> tuple[list[str], int]:
    """The sample's words lower-cased, and how many words it holds as written.

    `str.lower` maps every character to one of its kind (a word character or
    not; the tests check all of Unicode) except "İ", which grows a combining
    dot: the lower-cased words are counted unless the text grew, which saves
    a second scan of the text.
    """
    sample = text[:SAMPLE_CHARS]
    lowered = sample.lower()
    words = find_words(lowered)
    count = len(words) if len(lowered) == len(sample) else len(find_words(sample))
    return words, count


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))


def shingles(text: str) -> set[tuple[str, ...]]:
    return _shingles(_words(text)[0])


def _f1(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def agreement(first: str, second: str) -> float:
    """F1 of the two texts' shingle sets: 1 when identical, 0 when disjoint or empty."""
    return _f1(shingles(first), shingles(second))


def confidence(text: str, second_opinion: str) -> float:
    words, count = _words(text)
    length_factor = min(1.0, count / FULL_LENGTH_WORDS)
    if text == second_opinion:
        # A set's F1 with itself is 1 (a page in four whose two engines read the same body).
        return round(length_factor * (1.0 if words else 0.0), 3)
    return round(length_factor * _f1(_shingles(words), shingles(second_opinion)), 3)

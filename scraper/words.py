"""Words as a reader counts them, in scripts that space their words and in those that do not.

Chinese and Japanese write no spaces between words, so `\\w+` reads a whole
clause as one word: a 2,000-character story counted as 60 words, which made
every length threshold and the confidence's length factor take it for a
fragment. There each ideograph and kana counts as a word, as word processors
count East Asian text; a character is also the unit Chinese text is measured
in. Korean spaces its words and is counted as it stands.
"""

from __future__ import annotations

import re

# Han ideographs (with extension A and the compatibility block), hiragana and
# katakana, and the half-width katakana.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK = re.compile(f"[{CJK_CHARS}]")
# ...and any East Asian script or form, Hangul and the full-width forms included: what
# says a line may be one of those pages' labels (`scraper.lines`).
_EAST_ASIAN = re.compile(f"[{CJK_CHARS}\uac00-\ud7af\uff01-\uff65]")
_WORD = re.compile(r"\w+")
_CJK_WORD = re.compile(f"[{CJK_CHARS}]|[^\\W{CJK_CHARS}]+")


# A search for one such character costs a fiftieth of counting words, and `isascii`
# nothing (CPython keeps the flag), so the checks cost text without them next to nothing.
def has_cjk(text: str) -> bool:
    """Whether `text` holds a Han ideograph or a kana."""
    return not text.isascii() and _CJK.search(text) is not None


def has_east_asian(text: str) -> bool:
    """Whether `text` holds any East Asian character: CJK, Hangul or a full-width form."""
    return not text.isascii() and _EAST_ASIAN.search(text) is not None


def word_pattern(text: str) -> re.Pattern[str]:
    """The pattern that finds `text`'s words: texts without CJK characters keep the plain `\\w+`."""
    return _CJK_WORD if has_cjk(text) else _WORD


def count_words(text: str) -> int:
    # subn counts the matches without making a string of each: a quarter faster than findall.
    return word_pattern(text).subn("", text)[1]


# A word as a reader counts it: a contraction ("it's"), a hyphenated word ("well-known")
# and a decimal ("3.14") are one. (The extractor's thresholds keep `\w+`, which they
# were measured with.)
_READER_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_READER_CJK_WORD = re.compile(f"[{CJK_CHARS}]|[^\\W{CJK_CHARS}]+(?:['’.\\-][^\\W{CJK_CHARS}]+)*")


def count_reader_words(text: str) -> int:
    """Words as a reader or a word processor counts them: the record's `word_count`."""
    pattern = _READER_CJK_WORD if has_cjk(text) else _READER_WORD
    return pattern.subn("", text)[1]


def find_words(text: str) -> list[str]:
    return word_pattern(text).findall(text)

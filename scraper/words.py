"""Words as a reader counts them, in scripts that space their words and in those that do not.

Chinese and Japanese write no spaces between words, so `\\w+` reads a whole
clause as one word: a 2,000-character story counted as 60 words, which made
every length threshold and the confidence's length factor take it for a
fragment. There each ideograph and kana counts as a word, as word processors
count East Asian text; a character is also the unit Chinese text is measured
in. Korean spaces its words and is counted as it stands.

Hindi, Bengali and the other Indic scripts write their vowel signs and
viramas as combining marks, which `\\w` leaves out: "राहुल दुबे" read as six
words, a Hindi story as twice its length. Their marks, Hebrew's points,
Arabic's vowel marks and the zero-width non-joiner inside Persian words
("می‌خواهم") belong to the word. (Thai, Lao, Khmer and Burmese write no spaces
between words and would need a dictionary to count; they are read as `\\w`
reads them.)
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
# Combining accents of decomposed text, Cyrillic's, Hebrew's points, Arabic's vowel marks,
# the Indic blocks but their dandas (U+0964, U+0965: sentence ends), the zero-width joiners.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u0dff\u200c\u200d"
)
_MARK = re.compile(f"[{MARKS}]")
_MARKED_WORD = re.compile(f"[\\w{MARKS}]+")


# A search for one such character costs a fiftieth of counting words, and `isascii`
# nothing (CPython keeps the flag), so the checks cost text without them next to nothing.
def has_cjk(text: str) -> bool:
    """Whether `text` holds a Han ideograph or a kana."""
    return not text.isascii() and _CJK.search(text) is not None


def has_east_asian(text: str) -> bool:
    """Whether `text` holds any East Asian character: CJK, Hangul or a full-width form."""
    return not text.isascii() and _EAST_ASIAN.search(text) is not None


def word_pattern(text: str) -> re.Pattern[str]:
    """The pattern that finds `text`'s words: texts without CJK characters or combining
    marks keep the plain `\\w+` (the search for a mark costs a fifteenth of the count)."""
    if text.isascii():
        return _WORD
    if has_cjk(text):
        return _CJK_WORD
    return _MARKED_WORD if _MARK.search(text) else _WORD


def count_words(text: str) -> int:
    # subn counts the matches without making a string of each: a quarter faster than findall.
    return word_pattern(text).subn("", text)[1]


# A word as a reader counts it: a contraction ("it's"), a hyphenated word ("well-known")
# and a decimal ("3.14") are one. (The extractor's thresholds keep `\w+`, which they
# were measured with.)
_READER_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_READER_MARKED_WORD = re.compile(f"[\\w{MARKS}]+(?:['’.\\-][\\w{MARKS}]+)*")
_READER_CJK_WORD = re.compile(f"[{CJK_CHARS}]|[^\\W{CJK_CHARS}]+(?:['’.\\-][^\\W{CJK_CHARS}]+)*")


def count_reader_words(text: str) -> int:
    """Words as a reader or a word processor counts them: the record's `word_count`."""
    if has_cjk(text):
        pattern = _READER_CJK_WORD
    else:
        pattern = _READER_MARKED_WORD if not text.isascii() and _MARK.search(text) else _READER_WORD
    return pattern.subn("", text)[1]


def find_words(text: str) -> list[str]:
    return word_pattern(text).findall(text)

"""Text that was encoded twice: UTF-8 read as Latin-1 or Windows-1252 and written back
as UTF-8 ("doesnâ€™t", "Â®"), which a page serves under a correct charset when its
CMS stored it that way. The bytes decode cleanly; the words do not.

ftfy undoes it, line by line, and leaves a line alone unless it is sure. It runs on
what the extractor kept (the body and the metadata), not on the page: a page is a
hundred times larger, and all but a few pages in a hundred hold no such text.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING, Any

from scraper.dom import collapse
from scraper.models import Article

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# The marks double encoding leaves: a C1 control character (never text in HTML),
# or "â€" / "Ã©" / "Â®", the first byte of a UTF-8 sequence read as a letter.
_MARKS = re.compile("[\x80-\x9f]|â€|[ÂÃ][\xa0-\xbf]")
# Their first characters: one character class scans four times faster than the
# alternation, and passes over all but a few texts in a hundred.
_FIRST = re.compile("[\x80-\x9fÂÃâ]")


# A no-break space encoded twice ("Â\xa0") whose space went with the whitespace the
# extractor collapses: an "Â" left at a word's end or standing alone, before a space
# or the line's end ("for cats.Â", "Step 2:Â Appoint", "location. Â Â"), or opening a
# line ("Â Your price"). No word ends in "Â" after a lower-case letter, a digit or a
# stop; "TOMÂ" may be a name. Read on the output: a search of every page for the
# pair cost 2% of the extraction time.
_LOST_SPACES = re.compile(r"(?<=\S)(?: ?(?<![A-ZÀ-ÖØ-Þ])Â)+(?= |$)|^(?:Â )+", re.MULTILINE)


def repair(text: str) -> str:
    """`text` with its double-encoded runs decoded; the same string where it has none."""
    # `isascii` reads a flag the string carries: no scan at all for an ASCII text.
    if text.isascii() or _FIRST.search(text) is None:
        return text  # the scan that passes over nearly every text
    if "Â" in text:
        text = _LOST_SPACES.sub("", text)  # the very string where it finds none
    if _MARKS.search(text) is None:
        return text
    # Imported on first use (8 MB, 30 ms): most runs never meet such a page.
    import ftfy

    fixed = ftfy.fix_text(text, _encoding_only())
    if "\n" not in fixed:
        return fixed
    # A line that held only an invisible character encoded twice (a page builder's spacer,
    # "<p>â€\x8d</p>", is a zero-width joiner) is a blank line once repaired: it goes, as
    # the extractor's blank lines went. Blank lines (Markdown's) and indentation stay.
    return "\n".join(line for line in fixed.split("\n") if not line or collapse(line))


def repaired(article: Article) -> Article:
    """`article` with each of its text fields repaired (its Markdown is repaired as it is
    rendered: `Article.markdown`)."""
    # `repair` hands back the very string it was given where there is nothing to repair.
    changes: dict[str, Any] = {
        field.name: fixed
        for field in dataclasses.fields(article)
        if isinstance(value := getattr(article, field.name), str) and (fixed := repair(value)) is not value
    }
    return dataclasses.replace(article, **changes) if changes else article


@functools.cache
def _encoding_only() -> TextFixerConfig:
    from ftfy import TextFixerConfig

    # The encoding alone: quotes, ligatures, character widths and line breaks are the page's.
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )

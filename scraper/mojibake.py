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

from scraper.models import Article

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# The marks double encoding leaves: a C1 control character (never text in HTML),
# or "â€" / "Ã©" / "Â®", the first byte of a UTF-8 sequence read as a letter.
_MARKS = re.compile("[\x80-\x9f]|â€|[ÂÃ][\xa0-\xbf]")
# Their first characters: one character class scans four times faster than the
# alternation, and passes over all but a few texts in a hundred.
_FIRST = re.compile("[\x80-\x9fÂÃâ]")


def _marked(text: str) -> bool:
    return _FIRST.search(text) is not None and _MARKS.search(text) is not None


def repair(text: str) -> str:
    """`text` with its double-encoded runs decoded; the same string where it has none."""
    if not _marked(text):
        return text
    # Imported on first use (8 MB, 30 ms): most runs never meet such a page.
    import ftfy

    return ftfy.fix_text(text, _encoding_only())


# A no-break space encoded twice: "Â" then the space. Left to the extractor, the space
# collapses with the whitespace around it and the "Â" stays ("for cats.Â"), a mark
# `repair` no longer knows. No word of any language ends in "Â" before such a space.
_NBSP_TWICE = "\u00c2\u00a0"


def with_spaces_repaired(html: str) -> str:
    """`html` with each twice-encoded no-break space decoded: a scan of the page
    in C, the same string where it has none."""
    return html.replace(_NBSP_TWICE, "\u00a0") if _NBSP_TWICE in html else html


def repaired(article: Article) -> Article:
    """`article` with each of its text fields repaired."""
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

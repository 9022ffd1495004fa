"""Blocks -> Markdown (GitHub's flavour): the body as `scraper extract -f markdown` prints it.

Rendered only when asked for (`scraper.models.Article.markdown`): a batch writes
JSON, and the body's text is its lines joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scraper.lines import CELL_SEPARATOR, Block


def render_markdown(blocks: Sequence[Block]) -> str:
    """The blocks as Markdown (GitHub's flavour): `##` headings, nested `-` items,
    `>` quotes, tables with their first row as the header, fenced code."""
    out: list[str] = []
    previous = ""
    fence = ""
    open_items: list[list[int]] = []  # per depth of the current list: its number, its marker's width
    for index, (kind, text) in enumerate(blocks):
        if previous == "code" and kind != "code":
            out.append(fence)
        if not kind.startswith("item") and kind != "code":
            # A list goes on past a block of code in one of its items (its numbers too).
            open_items.clear()
        if kind == "heading":
            line = f"## {_escaped(text)}"
        elif kind.startswith("item"):
            line = _list_item(kind, _escaped(text), open_items)
        elif kind == "quote":
            line = f"> {_literal_start(_escaped(text))}"
        elif kind == "row":
            # A pipe inside a cell would end it.
            cells = (_escaped(cell).replace("|", "\\|") for cell in text.split(CELL_SEPARATOR))
            line = f"| {CELL_SEPARATOR.join(cells)} |"
        elif kind == "code":
            # Fenced, not indented: an indented block after a list item would join the item.
            if previous != "code":
                fence = _fence_for(blocks, index)
            line = text if previous == "code" else f"{fence}\n{text}"
        else:
            line = _literal_start(_escaped(text))
        # Paragraphs are separated by a blank line; items and rows stay together.
        if out and not (
            (kind == previous and kind in ("row", "code"))
            or (kind.startswith("item") and previous.startswith("item"))
        ):
            out.append("")
        out.append(line)
        if kind == "row" and previous != "row":
            # A table needs a header row: the first row is it, as in most tables; as wide as
            # the widest row, whose cells past the header's would not be shown.
            out.append("|" + " --- |" * _table_width(blocks, index))
        previous = kind
    if previous == "code":
        out.append(fence)
    return "\n".join(out)


def _fence_for(blocks: Sequence[Block], start: int) -> str:
    """A fence longer than any run of backticks in the block of code from `start`: a line
    of three inside it would otherwise close a three-backtick fence."""
    longest = 0
    for kind, text in blocks[start:]:
        if kind != "code":
            break
        longest = max([longest, *(len(run) for run in _BACKTICKS.findall(text))])
    return "`" * max(3, longest + 1)


_BACKTICKS = re.compile(r"`+")
# What Markdown would read as markup inside a line: emphasis, code spans, links, raw HTML
# (a page that shows "<script>" in its text must not hand one to a renderer), entities,
# and the backslash itself. An underscore inside a word (snake_case) is no emphasis.
_INLINE_MARKUP = re.compile(r"[\\`*\[\]<]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")


def _escaped(text: str) -> str:
    """`text` with every character Markdown would read as inline markup backslash-escaped:
    the Markdown reads back as the text the record holds."""
    return _INLINE_MARKUP.sub(lambda match: "\\" + match.group(), text)


# How a line of Markdown starts a heading, a list item, a quote or a fence, or is a rule:
# a paragraph that starts so ("- 3 °C overnight", "1. FC Köln", "# 1 in sales") is
# text, its first mark escaped.
_MARKDOWN_START = re.compile(
    r"(?:#{1,6}(?=\s|$)|[-+*](?=\s)|\d{1,9}(?=[.)]\s)|>|```|~~~|[-*_](?:\s*[-*_]){2,}\s*$)"
)


def _literal_start(text: str) -> str:
    """`text` as a paragraph of Markdown, whatever mark it starts with."""
    match = _MARKDOWN_START.match(text)
    if match is None:
        return text
    end = match.end()
    if text[0].isdigit():
        return f"{text[:end]}\\{text[end:]}"  # "1\. FC Köln"
    return f"\\{text}"


def _list_item(kind: str, text: str, open_items: list[list[int]]) -> str:
    """An item ("item1", or "item1." in a numbered list) as a Markdown line.

    `open_items` holds, for each depth of the list being written, [the last number
    given there (0 when not numbered), the width of its marker]; it is updated. An
    item is indented by the widths of its parents' markers: CommonMark nests a line
    under an item by that width ("- " two columns, "12. " four).
    """
    ordered = kind.endswith(".")
    depth = int(kind[4:].rstrip(".") or 0)
    del open_items[depth + 1 :]  # a deeper list ended
    while len(open_items) <= depth:
        open_items.append([0, 2])
    number = open_items[depth][0] + 1 if ordered else 0
    marker = f"{number}." if ordered else "-"
    open_items[depth] = [number, len(marker) + 1]
    indent = sum(width for _, width in open_items[:depth])
    return " " * indent + f"{marker} {_literal_start(text)}"


def _table_width(blocks: Sequence[Block], start: int) -> int:
    """The most cells of a row in the run of rows from `start`."""
    width = 0
    for kind, text in blocks[start:]:
        if kind != "row":
            break
        width = max(width, text.count(CELL_SEPARATOR) + 1)
    return width

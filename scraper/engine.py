"""Trafilatura as the main engine: the pruned page in, its body's lines out. The only
module that calls trafilatura (imported on the first page that needs it).

Before the page is handed over, the markup that makes trafilatura drop what
belongs to the article is taken off (`unmask_for_engine`: captions, quoted
posts, links in an article's data tables, an article's collapsed panels);
`main_content` runs it with its fallback extractors, its retry of a short body
only where asked; and
`engine_blocks` turns its structured tree (paragraphs, headings, lists, tables,
quotes) into (kind, line) blocks.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import collapse, link_density, text_length
from scraper.lines import CELL_SEPARATOR, Block

if TYPE_CHECKING:
    from lxml.etree import _Element
    from lxml.html import HtmlElement, HTMLParser

# trafilatura's output elements that start a line of their own.
_FIGCAPTION = re.compile(r"<(/?)fig(?:caption|ure)\b", re.IGNORECASE)


# Inline tags flattened inside captions: the engine drops any element whose
# class says "caption" or "credit", which is every caption's markup.
CAPTION_INLINE_TAGS = ["span", "em", "i", "strong", "b", "small", "cite", "a", "abbr", "time"]


# Embedded posts the article quotes; the engine drops them by their class.
EMBED_SELECTORS = "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed"
# The marks of a hidden element that trafilatura drops whatever it holds.
ENGINE_HIDDEN = "[style*='display:none'], [style*='display: none'], [hidden], [aria-hidden='true']"
# An article's table under this link density is data, whose links are read as text.
MAX_TABLE_LINK_DENSITY = 0.5


def unmask_for_engine(tree: LexborHTMLParser, article: bool = False) -> None:
    """Strip the classes that make the engine drop captions and quoted posts, and,
    in an article, the links that make it drop a table's cells and the hiding marks
    of the collapsed panels pruning kept."""
    for hidden in tree.css(ENGINE_HIDDEN) if article else ():
        # Pruning kept it (a collapsed or disclosed panel, the article's container):
        # the engine would drop it by the same marks.
        for name in ("style", "hidden", "aria-hidden"):
            if name in hidden.attrs:
                del hidden.attrs[name]
    for quote in tree.css(EMBED_SELECTORS):
        _strip_attributes(quote)
        wrapper = quote.parent
        # Its wrapper ("social-media-embed") too, when it holds nothing else.
        if wrapper is not None and text_length(wrapper) == text_length(quote):
            _strip_attributes(wrapper)
    for table in tree.css("table") if article else ():
        # A product or app named by a link in a cell is the table's data; the
        # engines drop a cell that is all link. Tables mostly of links are
        # layout and navigation, and keep theirs; so do forums and shops,
        # whose layout tables the engines read better with their links.
        if link_density(table) < MAX_TABLE_LINK_DENSITY:
            table.unwrap_tags(["a"])
    for caption in tree.css("figcaption"):
        for part in list(caption.iter(include_text=False)):
            if _runs_into_next(part):
                part.insert_after(" ")
        caption.unwrap_tags(CAPTION_INLINE_TAGS)
        for node in (caption, caption.parent):
            if node is not None:
                _strip_attributes(node)


def _runs_into_next(part: LexborNode) -> bool:
    """Whether a caption's part (its text, its credit: side by side, kept apart by the
    theme's style) would run into the element after it once unwrapped, a word or a
    sentence's end against a word: "in 2024.Getty Images", "treatmentCredit: EPA"."""
    following = part.next
    if following is None or following.tag == "-text" or not following.text()[:1].isalnum():
        return False
    end = part.text()[-1:]
    return end.isalnum() or end in ".!?:;,"


def _strip_attributes(node: LexborNode) -> None:
    for name in list(node.attrs.keys()):
        del node.attrs[name]


def captions_as_paragraphs(html: str) -> str:
    """The engine drops <figcaption>; as paragraphs, captions stay where they sit."""
    return _FIGCAPTION.sub(lambda m: "<" + m.group(1) + ("p" if "cap" in m.group(0).lower() else "div"), html)


# Trafilatura (2.3 on) runs its extraction again in recall mode, with justext
# beside it, when its body is short and covers little of the page. On an
# article that recovers bodies its first pass missed. On a page that is no
# article, our own reading of the whole page takes over where the engine's body
# is short (`PAGE_SHARE`), and the retry only doubled the engine's time: 283
# bench pages ask the engine; without the retry on the 224 that are no article,
# 23 of them change (15 up, 8 down; summed F1 -0.08) and extraction takes about
# 7% less CPU. Trafilatura has no option for it: its threshold is set for the
# call, under a lock, so that no other thread's call sees it.
_RETRY_SETTING = "ESCALATION_MAX_LENGTH"
_ENGINE_LOCK = threading.Lock()


@contextlib.contextmanager
def _short_body_retry(allowed: bool) -> Iterator[None]:
    from trafilatura import core

    with _ENGINE_LOCK:
        if allowed or not hasattr(core, _RETRY_SETTING):
            yield
            return
        saved = getattr(core, _RETRY_SETTING)
        setattr(core, _RETRY_SETTING, 0)
        try:
            yield
        finally:
            setattr(core, _RETRY_SETTING, saved)


@functools.cache
def _engine_parser() -> HTMLParser:
    """Trafilatura's own HTML parser (`trafilatura.utils.HTML_PARSER`, the same options), but
    making every element a plain `HtmlElement`. lxml.html's parser picks each element's
    class by calling back into Python (`HtmlElementClassLookup.lookup`, to give forms and
    inputs classes of their own the engine never uses) every time the engine touches an
    element it has not touched before: over a million calls on the bench pages it reads.
    Parsed here, the bench pages take 0.6% less extraction CPU (the two ways alternating
    page by page), and every record is the same."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


def _engine_tree(html: str) -> HtmlElement | str:
    """`html` parsed as trafilatura's `load_html` parses a string (repaired first as it
    does), by `_engine_parser`; the string itself where that does not give a page, for
    trafilatura to take its own way with it. Call under `_ENGINE_LOCK`: a parser serves
    one thread at a time."""
    from lxml import html as lxml_html

    try:
        # Not trafilatura's public interface: a release without it gets the string, as before.
        from trafilatura.utils import repair_faulty_html
    except ImportError:
        return html
    try:
        tree = lxml_html.fromstring(repair_faulty_html(html, html[:50].lower()), parser=_engine_parser())
    except Exception:  # lxml refuses it (an encoding declaration in a str): trafilatura retries as bytes
        return html
    return tree if len(tree) > 0 else html


def main_content(html: str, url: str | None, comments: bool = False, retry: bool = True) -> _Element | None:
    """Trafilatura's body of `html` (its comment thread appended with `comments`);
    `retry`: let it retry a short body in recall mode (`_short_body_retry`)."""
    if not html.strip():
        return None
    # Imported on the first page that needs it: most pages never do (`scraper.extract`
    # is sure of their body without it), and the import is a fifth of a second of
    # every `scraper URL`'s start-up.
    import trafilatura

    with _short_body_retry(retry):
        document = trafilatura.bare_extraction(
            _engine_tree(html),
            url=url,
            include_comments=comments,
            include_tables=True,
            include_images=False,
            with_metadata=False,
            deduplicate=False,
        )
    if document is None:
        return None
    body: _Element | None = getattr(document, "body", None)
    thread: _Element | None = getattr(document, "commentsbody", None)
    if comments and body is not None and thread is not None:
        for post in list(thread):
            body.append(post)
    return body


def _text_of(element: _Element) -> str:
    """Inline text of an element, `<lb/>` as a line break."""
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in ("list", "table", "quote"):  # nested blocks get their own lines
            parts.append(_text_of(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def _split(kind: str, text: str) -> Iterator[Block]:
    for line in text.split("\n"):
        yield kind, line


def engine_blocks(element: _Element, quoted: bool = False) -> Iterator[Block]:
    """(kind, text) for each line of the engine's tree; kind drives Markdown."""
    para = "quote" if quoted else "p"
    for child in element:
        tag = child.tag
        if tag == "head":
            yield from _split("heading", _text_of(child))
        elif tag in ("p", "code"):
            yield from _split(para if tag == "p" else "code", _text_of(child))
        elif tag == "list":
            yield from _list_blocks(child, depth=0)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [collapse(_text_of(cell)) for cell in row.iter("cell")]
                if any(cells):
                    yield "row", CELL_SEPARATOR.join(cells)  # an empty cell kept: the columns stay
        elif tag == "quote":
            if child.text and child.text.strip():
                yield "quote", child.text
            yield from engine_blocks(child, quoted=True)
        elif tag == "graphic":
            continue
        elif len(child):
            yield from engine_blocks(child, quoted)
        else:
            yield from _split(para, _text_of(child))
        if child.tail and child.tail.strip():
            yield para, child.tail


def _list_blocks(element: _Element, depth: int) -> Iterator[Block]:
    """One line per item, nested lists after their parent item."""
    kind = f"item{depth}." if element.get("rend") == "ol" else f"item{depth}"
    for item in element:
        for _, line in _split("item", _text_of(item)):
            yield kind, line
        for nested in item:
            if nested.tag == "list":
                yield from _list_blocks(nested, depth + 1)

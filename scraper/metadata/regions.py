"""Where on a page a byline or a date is read: the short texts under the headline
(`short_texts_after_headline`), and never a box that belongs to something else
(`is_foreign`: comments, related posts, sidebars, menus)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import collapse
from scraper.metadata.sources import compare_key, node_text

# Containers whose bylines belong to something else than the page's article:
# one dash- or underscore-separated part of a class or id names them
# ("comment-list", "related_posts"), so "noComments" does not. Layout words
# that page builders put on every box ("widget", "sidebar_content",
# "flex-nav") are left out: document order already puts the article's own
# byline before the sidebar's.
# fmt: off
FOREIGN_PARTS = frozenset({
    "comment", "comments", "commentlist", "replies", "related", "recommended", "recommendations",
    "popular", "trending", "newsletter", "promo", "teaser", "teasers", "breadcrumb", "breadcrumbs",
    "menu", "navbar", "navigation", "carousel", "pagination", "pager", "follow", "followauthor"
})
# fmt: on
# Whole class or id words that name the page's own sidebar or footer.
FOREIGN_WORDS = frozenset({"sidebar", "footer", "site-footer", "page-footer", "global-footer", "colophon"})
_CLASS_PARTS = re.compile(r"[-_\s]+")
FOREIGN_DEPTH = 10
"""Ancestors looked at: layout containers further up name the whole page, not a box in it."""
FOREIGN_TAGS = frozenset({"nav", "select", "button", "template", "script", "style"})
# Foreign outside the article only: an article's own footer or aside carries its byline.
OUTER_TAGS = ("footer", "aside")


def is_foreign(node: LexborNode) -> bool:
    """Inside navigation, a sidebar, comments, related stories, or the site's own footer."""
    tags: list[str] = []
    parent: LexborNode | None = node
    while parent is not None and parent.tag not in ("body", "html", "-document"):
        tag = parent.tag or ""
        if tag in FOREIGN_TAGS:
            return True
        if len(tags) < FOREIGN_DEPTH:
            marks = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}".lower()
            words = marks.split()
            if FOREIGN_WORDS.intersection(words) or FOREIGN_PARTS.intersection(_CLASS_PARTS.split(marks)):
                return True
        tags.append(tag)
        parent = parent.parent
    for outer in OUTER_TAGS:
        if outer in tags and not {"article", "main"} & set(tags[tags.index(outer) :]):
            return True
    return False


HEADLINE_SCAN_BUDGET = 150
"""Elements looked at after the headline: its byline and dateline sit under it, or close the article."""
_BLOCKS = "p, div, li, ul, ol, section, article, table, h2, h3, h4, blockquote, figure, header, footer"
# The same tags as a set: Lexbor's `css_first` matches the node it is called on
# too, so a node of one of these tags needs no query.
_BLOCK_TAGS = frozenset(_BLOCKS.split(", "))
_SKIPPED = frozenset({"-comment", "script", "style", "svg", "img", "noscript", "template", "iframe"})
# Drawing elements inside inline <svg> icons: passed over without spending the budget.
# fmt: off
_SVG_PARTS = frozenset({
    "path", "g", "use", "circle", "rect", "line", "polyline", "polygon", "ellipse", "defs", "symbol",
    "lineargradient", "radialgradient", "stop", "clippath", "mask", "title"
})
# fmt: on


def short_texts_after_headline(
    tree: LexborHTMLParser, headline: str | None = None
) -> Iterator[tuple[LexborNode, str]]:
    """(element, text) for the innermost blocks and inline elements after the first <h1>, in page order.

    Containers of other blocks with no text of their own are passed over
    (their blocks come next), so long texts are not read over and over.
    """
    h1 = _headline_node(tree, headline)
    if h1 is None or tree.body is None:
        return
    budget = HEADLINE_SCAN_BUDGET
    # On a page without <h1> or <h2> (an older one), bare text between blocks is read too.
    bare = h1.tag not in ("h1", "h2")
    # Containers known to hold blocks (`mem_id` -> bool), for the bare text beside them.
    holds: dict[int, bool] = {}
    for node in _nodes_after(h1, tree.body, text=bare):
        tag = node.tag  # read once: each read makes a new string
        if tag == "-text":
            # Bare text between blocks, its lines split by <br>s ("Par Marie Dupont<br>Le 12
            # février 2009<br>" in a <div> after the headline): a line of its own. Text in a
            # paragraph or an inline element is read with that element.
            text = collapse(node.text_content or "")
            parent = node.parent
            if not text or parent is None:
                continue
            known = holds.get(parent.mem_id)
            if known is None:
                known = holds[parent.mem_id] = _holds_blocks(parent)
            if known:
                budget -= 1
                if budget < 0:
                    return
                yield parent, text
            continue
        if tag in _SKIPPED or tag in _SVG_PARTS:
            continue
        budget -= 1
        if budget < 0:
            return
        # Own words first: that test is cheap, the query for a block is not.
        if not (node.text(deep=False) or "").strip() and (tag in _BLOCK_TAGS or _holds_blocks(node)):
            continue  # a container of blocks with no words of its own: its blocks come next
        text = node_text(node)
        if text:
            yield node, text


# The headline of a page without <h1> or <h2> is looked for among its first nodes.
HEADLINE_SEARCH_NODES = 3_000
MIN_HEADLINE_CHARS = 12


def _headline_node(tree: LexborHTMLParser, headline: str | None) -> LexborNode | None:
    """The element holding the headline: the first <h1>; on pages built without one, the
    first <h2> (site builders show their headline so); on pages with neither (an older
    page's <b> or <font> headline), the element whose text is the page's `headline`."""
    heading = tree.css_first("h1") or tree.css_first("h2")
    if heading is not None or not headline or tree.body is None:
        return heading
    key = compare_key(headline)
    if len(key) < MIN_HEADLINE_CHARS:
        return None
    for seen, node in enumerate(tree.body.traverse(include_text=True)):
        if seen >= HEADLINE_SEARCH_NODES:
            break
        if node.tag == "-text" and compare_key(node.text_content or "") == key:
            return node.parent
    return None


# Elements a walk in Python looks through for a block before Lexbor's query is
# cheaper: most inline elements hold a link or an icon, and a query costs a few
# times a short walk.
BLOCK_WALK_LIMIT = 32


def _holds_blocks(node: LexborNode) -> bool:
    """`node.css_first(_BLOCKS) is not None`: `node` or an element inside it is a block."""
    for seen, inner in enumerate(node.traverse()):
        if seen >= BLOCK_WALK_LIMIT:
            return node.css_first(_BLOCKS) is not None
        if inner.tag in _BLOCK_TAGS:
            return True
    return False


def _nodes_after(start: LexborNode, body: LexborNode, text: bool = False) -> Iterator[LexborNode]:
    """The elements (with `text`, the text nodes too) after `start` in `body`, in page order
    (as `body.traverse(include_text=text)` lists them past `start`), without walking the
    ones before it; none if `start` is outside."""
    ancestors = []
    node: LexborNode | None = start
    while node is not None and node.mem_id != body.mem_id:
        ancestors.append(node)
        node = node.parent
    if node is None:
        return
    yield from islice(start.traverse(include_text=text), 1, None)
    for ancestor in ancestors:
        sibling = ancestor.next
        while sibling is not None:
            yield from sibling.traverse(include_text=text)
            sibling = sibling.next

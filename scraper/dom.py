"""Measurements on selectolax nodes shared by the pruner, the scorer and the DOM engine."""

from __future__ import annotations

import functools

from selectolax.lexbor import LexborNode

# Elements that end a line: derived from HTML's block-level content model.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body",
    }
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Nodes whose text a reader never sees.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "select", "img", "-comment"}
)


def collapse(text: str) -> str:
    """`text` with each run of whitespace as one space and none at either end:
    `" ".join(text.split())`, which every line of every page goes through.

    A printable string (`str.isprintable`, in any script) has no whitespace but the
    space and none of the invisible characters below (checked over all of Unicode
    in the tests), so one without two spaces in a row only needs its ends trimmed:
    two scans in C and no list of words. That is most lines, and a megabytes-long
    text node costs a third.
    """
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    # Zero-width spaces a reader never sees (a heading's anchor link, a soft break in a
    # long word, a stray BOM). ZWNJ and ZWJ stay: Persian and emoji need them. `replace`
    # per character, each only where found: `translate` with a table costs ten times more.
    for invisible in _INVISIBLE:
        if invisible in text:
            text = text.replace(invisible, "")
    if _ZWNJ in text or _ZWJ in text:
        # ...between letters. At a word's edge a joiner joins nothing: a paragraph of
        # one ZWJ is a page builder's spacer ("<p>&zwj;</p>"), not a line of text.
        return " ".join(word for word in (word.strip(_JOINERS) for word in text.split()) if word)
    return " ".join(text.split())


_INVISIBLE = ("\u200b", "\ufeff", "\u2060")
_ZWNJ, _ZWJ = "\u200c", "\u200d"
_JOINERS = _ZWNJ + _ZWJ


def flat_text(node: LexborNode) -> str:
    """Text as a reader sees it on one line: text nodes joined, whitespace collapsed."""
    return collapse(node.text(deep=True, separator="") or "")


# Past this many characters, whitespace is not collapsed before counting: the
# count only feeds ratios, and collapsing megabytes of text costs seconds.
EXACT_LENGTH_LIMIT = 100_000


def text_length(node: LexborNode) -> int:
    """Characters of visible text, whitespace runs counted once."""
    text = node.text(deep=True, separator=" ") or ""
    if len(text) > EXACT_LENGTH_LIMIT:
        return len(text)
    return len(collapse(text))


def link_text_length(node: LexborNode) -> int:
    return sum(text_length(a) for a in node.css("a"))


def link_density(node: LexborNode) -> float:
    """Share of a node's text that sits inside links: high for menus and related lists."""
    total = text_length(node)
    return link_text_length(node) / total if total else 0.0


class LinkLengths:
    """`link_density` for callers that ask about many nested containers of one tree.

    The links of an inner container are links of every container around it
    too, so each link's `text_length` is measured once and remembered; so is
    each container's, which the walks of one page ask again (the DOM engine's
    body, the page's, the body less its furniture). The memo is keyed by
    `mem_id`, a node's address, which Lexbor may reuse once a node is
    removed, and a removal changes the lengths of the nodes around it: use
    one instance per read-only stretch of a tree's life, never across
    removals.
    """

    __slots__ = ("_lengths",)

    def __init__(self) -> None:
        self._lengths: dict[int, int] = {}

    def length(self, node: LexborNode) -> int:
        """`text_length(node)`, measured once."""
        length = self._lengths.get(node.mem_id)
        if length is None:
            length = self._lengths[node.mem_id] = text_length(node)
        return length

    def total(self, links: list[LexborNode]) -> int:
        """Sum of `text_length` over `links`, as `link_text_length` counts it."""
        lengths = self._lengths
        total = 0
        for link in links:
            length = lengths.get(link.mem_id)
            if length is None:
                length = lengths[link.mem_id] = text_length(link)
            total += length
        return total

    def density(self, node: LexborNode, links: list[LexborNode] | None = None) -> float:
        """`link_density(node)`; `links` are `node.css("a")` when the caller has them already."""
        if links is None:
            links = node.css("a")
        if not links:
            return 0.0  # what link_density gives too, without reading the node's text
        total = self.length(node)
        if not total:
            return 0.0
        return self.total(links) / total


# A paragraph of this much text, mostly unlinked, is prose: the article's, not
# a menu's or a teaser's.
PROSE_CHARS = 80
PROSE_LINK_DENSITY = 0.3


def prose_length(paragraph: LexborNode, links: LinkLengths) -> int:
    """The characters of `paragraph` if it is prose (`PROSE_CHARS` or more, under
    `PROSE_LINK_DENSITY` links), else 0."""
    length = len(flat_text(paragraph))
    if length < PROSE_CHARS or links.density(paragraph) >= PROSE_LINK_DENSITY:
        return 0
    return length


def attr_words(node: LexborNode) -> str:
    """The class and id of a node, the words themes use to say what a block is."""
    attrs = node.attrs  # reads the two it is asked for, where `attributes` builds a dict of all
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


# The main engine (lxml + trafilatura) recurses per level; real pages stay far below this.
MAX_ENGINE_DEPTH = 200


def has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    """Whether an element above `node` is one of `ids` (`mem_id`s)."""
    if not ids:
        return False
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """Drop the nodes that sit inside another node of the list.

    Decomposing a node frees its subtree: touching a nested match afterwards
    would read freed memory, so only the outermost matches may be removed.
    """
    ids = {node.mem_id for node in nodes}
    kept = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            kept.append(node)
    return kept


def is_root(node: LexborNode) -> bool:
    """html, head and body can be emptied but never removed (Lexbor refuses to)."""
    return node.tag in ("html", "head", "body") or node.parent is None


def remove_all(nodes: list[LexborNode]) -> None:
    """Decompose `nodes`, found first and removed after: each once, never the root,
    and only the outermost, since a removed node frees the nodes inside it."""
    unique = list({node.mem_id: node for node in nodes}.values())
    for node in outermost(unique):
        if not is_root(node):
            node.decompose()


@functools.cache
def _deeper_than(max_depth: int) -> str:
    """A selector for the elements more than `max_depth` levels below the element they
    are looked for from: `max_depth + 1` element ancestors, that one included. It may
    also match an element whose chain runs above that element, which only costs the walk."""
    return " > ".join(["*"] * (max_depth + 2))


# Unwrapping moves an element's children up, and Lexbor's cost for that grows with the
# subtree below: a few hundred deep elements cost nothing, but the 71,000 of a broken
# page (a block repeated without its closing tag, 9,000 levels) took 46 CPU s. Past
# this many, the elements below the limit become their text instead.
MAX_UNWRAPS = 2_000


def flatten_deep(root: LexborNode, max_depth: int = MAX_ENGINE_DEPTH) -> int:
    """Unwrap elements nested deeper than `max_depth`, keeping their text; return how many.

    Walks iteratively: a page nested thousands of levels deep must not blow
    Python's stack here, nor lxml's and trafilatura's later. Most pages have
    no element that deep, which Lexbor tells in C (`_deeper_than`) for a
    quarter of the walk's cost: the walk then has nothing to find. Past
    `MAX_UNWRAPS` such elements, each element at `max_depth` that holds them
    keeps only their text, its blocks run together: markup that broken has no
    structure worth the time.
    """
    if root.css_first(_deeper_than(max_depth)) is None:
        return 0
    deep: list[LexborNode] = []
    holders: dict[int, LexborNode] = {}
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        child = node.child
        while child is not None:
            if child.is_element_node:
                if depth + 1 > max_depth:
                    deep.append(child)
                    if depth == max_depth:
                        holders[node.mem_id] = node
                stack.append((child, depth + 1))
            child = child.next
    if len(deep) > MAX_UNWRAPS:
        for holder in holders.values():
            _keep_text_only(holder)
        return len(deep)
    for node in reversed(deep):  # innermost first
        node.unwrap()
    return len(deep)


def _keep_text_only(node: LexborNode) -> None:
    text = node.text(deep=True, separator=" ")
    child = node.child
    while child is not None:
        following = child.next
        child.decompose()
        child = following
    node.insert_child(text)

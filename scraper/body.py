"""The DOM engine: find the article's container in a pruned tree and write it as blocks.

1. Score containers (Readability's idea, on selectolax): each paragraph-like
   element gives points for its length and commas to its parent, half to
   its grandparent and a third to the level above; a container's class and
   id add or subtract (`POSITIVE_WORDS`, `NEGATIVE_WORDS`); the total is
   discounted by the container's link density.
2. The best container is the root; siblings that score well, or are plain
   paragraphs with few links, join it (bodies split by ad slots).
3. Walk the root in document order and emit one block per paragraph,
   heading, list item, table row, quote paragraph, caption or code line,
   skipping link lists (related / navigation blocks that survived pruning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    SKIP_TAGS,
    LinkLengths,
    collapse,
    flat_text,
    has_ancestor_in,
    link_density,
    prose_length,
    text_length,
)
from scraper.lines import CELL_SEPARATOR, Block
from scraper.scoring import rank_containers
from scraper.words import has_cjk

LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
# Containers that become a link list when most of their text is links.
LINK_LIST_TAGS = frozenset({"ul", "ol", "div", "section", "aside", "table", "dl", "nav", "header", "footer"})
LINK_LIST_DENSITY = 0.6
# A link list whose links average this many words is a list of titles (products,
# stories), not a menu's.
MIN_TITLE_WORDS = 3
SIBLING_SHARE = 0.2


def choose_roots(
    tree: LexborHTMLParser, article: bool = False, links: LinkLengths | None = None
) -> list[LexborNode]:
    """The best container, and the siblings that belong with it, in document order.

    In an `article`, the blocks of the same template around the best container's
    wrappers join it too (`_template_blocks`). `links`: see `blocks_of`."""
    ranking = rank_containers(tree, links=links)
    best = ranking.best(widen=article)
    if best is None:
        return []
    threshold = max(10.0, best.score * SIBLING_SHARE)
    if best.node.tag == "tr":
        # A table layout's row (an older page: menu, story and sidebar side by side): a
        # cell of text scores for its row, as a paragraph for its parent. The story is
        # the cells that score themselves; the menu's cell of links and labels is not.
        cells = [cell for cell in best.node.iter(include_text=False) if ranking.reaches(cell, threshold)]
        if cells:
            return cells
    parent = best.node.parent
    if parent is None:
        return [best.node]
    roots = []
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == best.node.mem_id or ranking.reaches(sibling, threshold):
            roots.append(sibling)
        elif sibling.tag == "p":
            text = flat_text(sibling)
            if len(text) > 80 and link_density(sibling) < 0.25:
                roots.append(sibling)
    return _template_blocks(best.node, roots) if article else roots


# A wrapper with at most this much text besides the container it wraps holds
# nothing else (a heading, a label).
WRAPPER_EXTRA_CHARS = 200
# The climb stops below these: past them is the page, not a block of the body.
CLIMB_STOP_TAGS = frozenset({"body", "html", "main", "article"})
MAX_BLOCK_LINK_DENSITY = 0.5


def _template_blocks(best: LexborNode, roots: list[LexborNode]) -> list[LexborNode]:
    """`roots` among the other blocks of its template, when the body is split into blocks.

    Page builders and CMS block editors write an article as a column of blocks
    of one template ("article__block" > "rich-text", one per run of paragraphs
    between embeds): the best container is then one block of many, and its
    own siblings are not the others. Climb the wrappers that hold nothing
    but the best container; the climbed block's siblings of the same tag and
    class attribute, not mostly links, are the rest of the body.
    """
    block = best
    own = text_length(best)
    while (up := block.parent) is not None and up.tag not in CLIMB_STOP_TAGS:
        if text_length(up) - own > WRAPPER_EXTRA_CHARS:
            break
        block = up
    template = block.attributes.get("class")
    column = block.parent
    if block is best or not template or column is None:
        return roots
    out: list[LexborNode] = []
    for sibling in column.iter(include_text=False):
        if sibling.mem_id == block.mem_id:
            out.extend(roots)
        elif (
            sibling.tag == block.tag
            and sibling.attributes.get("class") == template
            and text_length(sibling) > 0
            and link_density(sibling) < MAX_BLOCK_LINK_DENSITY
        ):
            out.append(sibling)
    return out


_ALNUM = re.compile(r"[^\W_]")
# ...unless it is a web address written out: a link the article cites.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
# A line of at most this many words that is all link text is chrome.
MAX_LINK_LINE_WORDS = 5


class _Writer:
    """Collects inline text into lines; a block boundary ends the line."""

    def __init__(
        self,
        link_lists: bool = False,
        dropped: frozenset[int] = frozenset(),
        addresses: bool = False,
        site: str | None = None,
        links: LinkLengths | None = None,
    ) -> None:
        self.link_lists = link_lists
        """Link lists are content (a category page, a directory): walk them too."""
        self.addresses = addresses
        """A web address alone as a link is a line of the text (an article citing it),
        not a button: in an article's container, not in a page's chrome."""
        self.site = site
        """The page's host, when the container is the article for sure: a list of links
        to other sites in it is the article's (a roundup, a reading list, its sources);
        only lists of links within the site are navigation and related posts."""
        self.dropped = dropped
        """Elements (`mem_id`s) left out of the walk, the tree left as it is."""
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._kind = "p"
        self._unlinked = False
        self.links = links if links is not None else LinkLengths()
        """Text lengths for `_is_link_list`, asked of every container on the way down: the
        walk only reads the tree, so the memo holds for the writer's life, or for that of
        the caller's (`links`) where the walks of one page share it."""
        self._holders: set[int] = set()
        """Elements (`mem_id`s) holding two links or more, in the roots walked so far."""
        self.left_out: list[LexborNode] = []
        """The link lists the walk left out."""

    def enter(self, root: LexborNode) -> None:
        """Note which elements of `root` hold two links or more (`link_holders`), before
        its walk: most containers hold fewer, and are no link list without a query."""
        if not self.link_lists:
            self._holders |= link_holders(root)

    def text(self, value: str, kind: str, linked: bool = False) -> None:
        if not self._parts:
            self._kind = kind
        self._parts.append(value)
        if not linked and not self._unlinked and _ALNUM.search(value):
            self._unlinked = True  # separators such as " | " between links do not count

    def flush(self) -> None:
        if not self._parts:
            return  # the walk flushes at every block edge, most often with nothing held
        line = collapse("".join(self._parts))
        self._parts = []
        only_links = not self._unlinked
        self._unlinked = False
        if not line:
            return
        if (
            only_links
            and not self.link_lists
            and self._kind != "heading"
            and len(line.split()) <= MAX_LINK_LINE_WORDS
            and not (self.addresses and _WEB_ADDRESS.match(line))
        ):
            # A short line that is links and nothing else: a button, a tag, a
            # "login" or "RSS feed" link that pruning left behind.
            return
        self.blocks.append((self._kind, line))

    def skips_link_list(self, node: LexborNode) -> bool:
        if node.mem_id not in self._holders or not _is_link_list(node, self.links):
            return False
        return self.site is None or _mostly_within(node, self.site)

    def emit(self, kind: str, line: str) -> None:
        self.flush()
        if kind != "row":  # a row's cells are collapsed each, an empty one kept
            line = collapse(line)
        if line:
            self.blocks.append((kind, line))


def _mostly_within(node: LexborNode, site: str) -> bool:
    """Whether at least half of the links in `node` stay on `site` (relative, or to its host)."""
    anchors = node.css("a")
    within = sum(1 for anchor in anchors if _within(anchor.attributes.get("href") or "", site))
    return within >= 0.5 * len(anchors)


def _within(href: str, site: str) -> bool:
    """A relative link, or one to `site` (with or without "www.")."""
    href = href.strip()
    if not href.lower().startswith(("http://", "https://", "//")):
        return True
    host = urlsplit("http:" + href if href.startswith("//") else href).hostname
    return host is not None and host.removeprefix("www.") == site.removeprefix("www.")


def titles_length(lists: list[LexborNode]) -> int:
    """The characters of text in those of the link `lists` whose links are titles
    (`_titles_length`)."""
    return sum(_titles_length(node) for node in lists)


def _titles_length(node: LexborNode) -> int:
    """The characters of text in the link list `node` when its links are titles (a
    product's name, a story's headline: `MIN_TITLE_WORDS` words on average, links
    without words, a picture's, not counted), else 0: a menu's links are mostly a word."""
    counts = [len(anchor.text(deep=True).split()) for anchor in node.css("a")]
    titled = [count for count in counts if count]
    return text_length(node) if titled and sum(titled) >= MIN_TITLE_WORDS * len(titled) else 0


def link_holders(root: LexborNode) -> set[int]:
    """The elements in `root` (`mem_id`s), `root` too, with two links or more inside.

    Each link climbs its ancestors once; a climb stops at an element already
    known to hold two, whose ancestors all do too. One query and a short climb
    per link replace a query of every container's subtree.
    """
    once: set[int] = set()
    twice: set[int] = set()
    for anchor in root.css("a"):
        node = anchor.parent
        while node is not None:
            key = node.mem_id
            if key in twice:
                break
            if key in once:
                twice.add(key)
            else:
                once.add(key)
            node = node.parent
    return twice


def _is_link_list(node: LexborNode, links: LinkLengths) -> bool:
    if node.tag not in LINK_LIST_TAGS:
        return False
    anchors = node.css("a")
    if len(anchors) < 2:
        return False
    return links.density(node, anchors) >= LINK_LIST_DENSITY and not _holds_prose(node, links)


def _holds_prose(node: LexborNode, links: LinkLengths) -> bool:
    """A paragraph of prose (`prose_length`) in it: it is no link list, however many
    menus sit beside it (a home page's wrapper)."""
    if node.tag in LIST_TAGS or node.tag == "nav":
        return False
    return any(prose_length(paragraph, links) for paragraph in node.css("p"))


def _rows(table: LexborNode) -> Iterator[list[str]]:
    """The table's rows as their cells' texts, an empty cell kept: the cells after it keep
    their columns. A line break inside a cell parts words ("late<br>count"), as a reader
    sees them: the table's breaks become spaces, found in one query, not one per cell."""
    for line_break in table.css("td br, th br"):
        line_break.replace_with(" ")
    for row in table.css("tr"):
        yield [flat_text(cell) for cell in row.iter(include_text=False) if cell.tag in ("td", "th")]


# A cell with more text than this is a column of a page's layout, not a datum; in Chinese
# and Japanese, whose characters each carry a word, a story of 380 characters is one.
MAX_DATA_CELL_CHARS = 400
MAX_CJK_DATA_CELL_CHARS = 160


def _is_data_table(table: LexborNode) -> bool:
    """Layout tables (whole pages in cells) are walked as containers, not rows: they nest
    tables, hold the page's headline (an <h1> or <h2>), or have a cell of a story's length."""
    # `css` matches the node itself too, so one hit is this table.
    if len(table.css("table")) != 1 or table.css_first("h1, h2") is not None:
        return False
    return not any(_long_cell(flat_text(cell)) for cell in table.css("td"))


def _long_cell(text: str) -> bool:
    return len(text) > MAX_DATA_CELL_CHARS or (len(text) > MAX_CJK_DATA_CELL_CHARS and has_cjk(text))


def _walk(
    node: LexborNode,
    out: _Writer,
    kind: str,
    depth: int,
    skip: frozenset[str] = frozenset(),
    linked: bool = False,
) -> None:
    """Write `node`'s content as blocks; `linked` says it sits inside a link."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.text(child.text_content or "", kind, linked)
        elif tag in SKIP_TAGS or tag in skip or (out.dropped and child.mem_id in out.dropped):
            continue
        elif tag == "br":
            out.flush()
        elif tag in HEADING_TAGS:
            out.flush()
            _walk(child, out, "heading", depth, skip, linked)
            out.flush()
        elif not out.link_lists and tag in LINK_LIST_TAGS and out.skips_link_list(child):
            out.left_out.append(child)
            continue
        elif tag == "li":
            out.flush()
            # An item of a numbered list says so ("item0."): Markdown numbers it.
            marker = "." if node.tag == "ol" else ""
            _walk(child, out, f"item{max(depth - 1, 0)}{marker}", depth, skip, linked)
            out.flush()
        elif tag in LIST_TAGS:
            out.flush()
            _walk(child, out, kind, depth + 1, skip, linked)
            out.flush()
        elif tag == "table" and _is_data_table(child):
            out.flush()
            for cells in _rows(child):
                if any(cells):
                    out.emit("row", CELL_SEPARATOR.join(cells))
        elif tag == "blockquote":
            out.flush()
            _walk(child, out, "quote", depth, skip, linked)
            out.flush()
        elif tag == "pre":
            out.flush()
            for line in (child.text(deep=True, separator="") or "").split("\n"):
                if line.strip():
                    out.blocks.append(("code", line.rstrip()))
        elif tag in BLOCK_TAGS:
            out.flush()
            inner = kind if kind == "quote" or kind.startswith("item") else "p"
            _walk(child, out, inner, depth, skip, linked)
            out.flush()
        else:
            _walk(child, out, kind, depth, skip, linked or tag == "a")


# Page chrome left after pruning, skipped when a whole page is the content.
PAGE_CHROME_TAGS = frozenset({"header", "footer", "aside", "nav"})


def page_blocks(tree: LexborHTMLParser, link_lists: bool = False) -> list[Block]:
    """Everything in the (pruned) body but page chrome and, unless `link_lists`, link lists.

    For pages that are not articles (a service page, a product page, a
    collection), the content is the page itself, section after section.
    """
    return page_parts(tree, link_lists)[0]


def page_parts(
    tree: LexborHTMLParser, link_lists: bool = False, links: LinkLengths | None = None
) -> tuple[list[Block], list[LexborNode]]:
    """`page_blocks`, and the link lists it left out (to be weighed, `titles_length`,
    only where the page may be made of them). `links`: see `blocks_of`."""
    if tree.body is None:
        return [], []
    out = _Writer(link_lists, links=links)
    out.enter(tree.body)
    _walk(tree.body, out, "p", 0, skip=PAGE_CHROME_TAGS)
    out.flush()
    return out.blocks, out.left_out


def blocks_of(
    roots: list[LexborNode],
    dropped: frozenset[int] = frozenset(),
    site: str | None = None,
    list_article: bool = False,
    links: LinkLengths | None = None,
) -> list[Block]:
    """The blocks of `roots`, less the elements whose `mem_id` is in `dropped`; with the
    page's `site` (its host), link lists to other sites are kept (`_Writer.site`).

    `list_article`: the roots are an article's, which may be a list article (Wikipedia's
    "List of …", a roundup of recipes): where the link lists within the site hold dozens
    of links and as much text as the rest, they are its body, not its related posts, and
    are kept (`_is_list_article`).

    `links`: a memo of text lengths (`scraper.dom.LinkLengths`) the caller's other walks
    of the tree share, while none of them changes it.
    """
    out = _walk_roots(roots, _Writer(dropped=dropped, addresses=True, site=site, links=links))
    if list_article and _is_list_article(out):
        out = _walk_roots(roots, _Writer(link_lists=True, dropped=dropped, addresses=True, site=site))
    return out.blocks


# A related block shows a handful of stories, a dozen at most; a list article lists dozens.
MIN_LIST_ARTICLE_LINKS = 20


def _is_list_article(out: _Writer) -> bool:
    """Whether the link lists a walk left out are the article's body: `MIN_LIST_ARTICLE_LINKS`
    links or more, holding as much text as all the walk wrote."""
    if not out.left_out:
        return False
    if sum(len(node.css("a")) for node in out.left_out) < MIN_LIST_ARTICLE_LINKS:
        return False
    return sum(text_length(node) for node in out.left_out) >= sum(len(line) for _, line in out.blocks)


def _walk_roots(roots: list[LexborNode], out: _Writer) -> _Writer:
    for root in roots:
        out.flush()
        out.enter(root)
        if root.tag in HEADING_TAGS:
            _walk(root, out, "heading", 0)
        elif out.link_lists or not out.skips_link_list(root):
            _walk(root, out, "p", 0)
    out.flush()
    return out


def prose_share(tree: LexborHTMLParser, roots: list[LexborNode], links: LinkLengths | None = None) -> float:
    """Share of the page's prose (its paragraphs of prose, `prose_length`; by
    characters) that lies inside `roots`.

    Near 1, the container holds the whole article: no run of paragraphs
    elsewhere on the page was left out.
    """
    inside = {root.mem_id for root in roots}
    links = links if links is not None else LinkLengths()
    total = held = 0
    for paragraph in tree.css("p"):
        length = prose_length(paragraph, links)
        if not length:
            continue
        total += length
        if paragraph.mem_id in inside or has_ancestor_in(paragraph, inside):
            held += length
    return held / total if total else 0.0

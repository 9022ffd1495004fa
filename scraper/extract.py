"""Page -> Article: the only module that imports trafilatura.

`extract_html` runs, in order:

1. parse once with selectolax (Lexbor), unwrap a <noscript> that holds the
   page's content, move the parts a React server streamed into their slots
   (`scraper.streamed`), and read the metadata from the untouched tree
   (`scraper.metadata`);
2. prune boilerplate from the tree by markup (`scraper.clean.prune`); a list
   of teasers is read like any page that is not an article, with confidence 0;
3. read the main content with the DOM engine (`scraper.body`), a few
   milliseconds a page;
4. a page that does not call itself an article, and whose DOM-engine body is
   most of its text, is done: a service, product or documentation page; so
   is any other page (not a teaser listing, not a discussion) whose container
   the DOM engine is sure of (`_sure_body`): trafilatura is not run;
5. nor is it where the container the theme names (`scraper.named`, the
   cascade of names trafilatura itself looks for) holds at least what the
   DOM engine found, in the same place: two opinions that agree; nor where
   the theme names none and the DOM engine found a body (`_named_body`);
6. otherwise find the main content with trafilatura on the pruned document,
   its fallback extractors included, asking for its structured tree
   (paragraphs, headings, lists, tables, quotes), and turn it into lines,
   captions kept where they sit;
7. fall back to the DOM engine's body where the main engine found next to
   nothing or stopped partway through it, and, on a page that is not an
   article, to the whole page's where it kept only a part of it (a product
   page's product box excepted);
8. drop lines that are boilerplate by their wording (`scraper.lines`), and
   a run of lines the body says twice (a block the theme renders twice);
   score a confidence for the result (`scraper.confidence`);
9. where all that is next to nothing, but the page declares its article's
   text in JSON-LD (`articleBody`: a page its browser renders), take that
   (`scraper.declared`).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import trafilatura
import trafilatura.core
from lxml.etree import _Element
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper import metadata
from scraper.body import blocks_of, choose_roots, page_blocks, prose_share
from scraper.clean import prune
from scraper.confidence import confidence
from scraper.dates import search_date
from scraper.declared import MAX_FOUND_WORDS, declared_body, prefers_declared
from scraper.decode import decode_html
from scraper.dom import collapse, flatten_deep, has_ancestor_in, link_density, text_length
from scraper.errors import ExtractionError
from scraper.inbody import furniture
from scraper.lines import Block, drop_own_address, drop_repeated_lines, drop_repeated_runs, filter_blocks
from scraper.models import Article
from scraper.mojibake import repaired
from scraper.named import named_containers
from scraper.pagetype import (
    is_article_page,
    is_discussion_page,
    is_product_page,
    is_teaser_listing,
    sells_product,
)
from scraper.sections import link_paragraphs, remove_link_paragraphs
from scraper.selectors import Present
from scraper.streamed import reveal_streamed

# trafilatura's output elements that start a line of their own.
_CELL_SEPARATOR = " | "
_WORD = re.compile(r"\w+")
# On a page that is not an article, a body under this share of the page's
# own text means the article engine kept one section of many: a service
# page's, a forum's or a collection's content is the page, section after section.
PAGE_SHARE = 0.8
# ...but a product page's content is the product's own box, however small
# beside the recommendations, reviews and shop chrome around it: only a body
# under this share says the engine missed it.
PRODUCT_PAGE_SHARE = 0.3
# Per the HTML spec each <div> start tag scans the open elements, so parsing n
# nested <div>s costs n² steps: 20,000 take a second, 100,000 half a minute.
MAX_MARKUP_DEPTH = 10_000
_NESTING_TAG = re.compile(
    r"<(/?)(?:div|span|section|article|aside|main|nav|template|blockquote|ul|ol|table|form|center|font|pre)\b",
    re.IGNORECASE,
)
MAX_OPTIONS = 2_000
MAX_UNCLOSED_PRE = 100
_PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)
_OPTION_TAG = re.compile(r"<option\b", re.IGNORECASE)
_OPTION = re.compile(r"<(?:option|optgroup)\b[^>]*>[^<]*(?:</(?:option|optgroup)>)?", re.IGNORECASE)
# Below this share of the DOM engine's word count, the main engine's body is
# taken to have missed the content.
FALLBACK_SHARE = 0.3
# ...or under this share, when its words are (nearly) all in the DOM engine's
# body: the same article, cut short where trafilatura took a box in the body
# for its end or a section of it for boilerplate.
PART_SHARE = 0.6
CONTAINED_SHARE = 0.95
# ...or, in an article, where what it left out of the DOM engine's body
# (its words all in that body, under `CONTAINED_SHARE` of it) is at least
# this share list items: trafilatura drops the lists it takes for menus, and
# the DOM engine has already passed over the lists that are mostly links.
LEFT_OUT_LIST_SHARE = 0.5
# A page that is not an article is left to the DOM engine when its body holds
# at least this share of the page's text and this many words.
PAGE_BODY_SHARE = 0.7
MIN_PAGE_BODY_WORDS = 100
# A page whose text outside link lists is fewer lines than this is made of them.
MIN_PAGE_LINES = 3
# The DOM engine's body is taken without asking trafilatura when it has
# this many words, its container holds this share of the page's prose, and
# its furniture (`scraper.inbody`) leaves this share of its words.
SURE_WORDS = 150
SURE_PROSE_SHARE = 0.9
SURE_KEPT_SHARE = 0.8
# A container the theme names is read when its body (furniture left out) has
# this many words, and taken without asking trafilatura when that is this
# share of the DOM engine's.
NAMED_MIN_WORDS = 50
NAMED_SHARE = 0.9
# A body the page declares (`scraper.declared`) has no second reading to agree with:
# its confidence is its length factor times this.
DECLARED_TRUST = 0.5
MAX_FOUND_CHARS = 40 * MAX_FOUND_WORDS
_FIGCAPTION = re.compile(r"<(/?)fig(?:caption|ure)\b", re.IGNORECASE)


def extract_bytes(data: bytes, url: str | None = None, content_type: str | None = None) -> Article:
    """Decode raw page bytes (BOM, header, <meta>, detector) and extract."""
    html, _ = decode_html(data, content_type)
    return extract_html(html, url)


def _without_huge_dropdowns(html: str) -> str:
    """Drop <option>s when there are thousands: never article text, and Lexbor
    parses each one in time proportional to those before it."""
    if len(_OPTION_TAG.findall(html, 0, len(html))) <= MAX_OPTIONS:
        return html
    return _OPTION.sub("", html)


def _close_runaway_pre(html: str) -> str:
    """Hundreds of unclosed <pre>s nest each in the one before (a synopsis repeated by
    a broken template); close each before the next opens, as the author meant."""
    opened = len(_PRE_OPEN.findall(html))
    if opened - len(_PRE_CLOSE.findall(html)) <= MAX_UNCLOSED_PRE:
        return html
    return _PRE_OPEN.sub(lambda m: "</pre>" + m.group(0), html)


def markup_depth(html: str, limit: int = MAX_MARKUP_DEPTH) -> int:
    """Deepest nesting of the container tags in raw markup, counted without parsing.

    Exact only where it may pass `limit`: every level opens with a "<", so a
    page with no more "<" than `limit` cannot nest past it, and gets that
    count (an upper bound, in C) instead of the tag scan (~0.5 ms a page).
    """
    opened = html.count("<")
    if opened <= limit:
        return opened
    depth = peak = 0
    for match in _NESTING_TAG.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            peak = max(peak, depth)
    return peak


def extract_html(html: str, url: str | None = None) -> Article:
    """Body text and metadata of one HTML page, text its CMS encoded twice repaired
    (`scraper.mojibake`).

    Raises ExtractionError for markup no real page has (nesting past
    `MAX_MARKUP_DEPTH`, which costs the HTML parser quadratic time).
    """
    return repaired(_extract_html(html, url))


def _extract_html(html: str, url: str | None) -> Article:
    html = _close_runaway_pre(_without_huge_dropdowns(html))
    depth = markup_depth(html)
    if depth > MAX_MARKUP_DEPTH:
        raise ExtractionError(f"markup nested {depth:,} levels deep (limit {MAX_MARKUP_DEPTH:,})")
    tree = LexborHTMLParser(html)
    _reveal_noscript(tree)
    reveal_streamed(tree)
    if tree.root is not None:
        flatten_deep(tree.root)
    # The page's tags, ids and classes, listed once for the metadata lookups and prune.
    present = Present.of(tree)
    meta = metadata.collect(tree)
    sitename = metadata.extract_sitename(tree, meta, url)
    title = metadata.extract_title(tree, meta)
    article_meta = {
        "title": title,
        "author": metadata.extract_author(tree, meta, sitename, present, headline=title),
        "sitename": sitename,
        "description": metadata.extract_description(tree, meta),
        "language": metadata.extract_language(tree, meta),
    }
    # The date the page declares or shows; whether to search the page for one waits
    # until the page is read (`_dated`).
    clues = metadata.date_clues(tree, meta, url, present, headline=title)
    declared = is_article_page(tree, meta.jsonld)
    # The page's own site, for telling its links from links to other sites.
    canonical = metadata.canonical_url(tree, meta)
    site = _host(canonical) or _host(url) or ""
    # The addresses the page is known by: a line that is one of them is a link to itself.
    addresses = (url, canonical)
    # A shop's page: its customer reviews go like an article's comments. OpenGraph and
    # JSON-LD say so before pruning as after; buttons and microdata, only before.
    product_page = is_product_page(tree, meta.jsonld)
    shop = not declared and (product_page or sells_product(tree))
    pruned = prune(tree, declared, present, shop=shop)
    # A discussion: pruning found its thread, or the page says it is one.
    discussion = pruned.discussion or is_discussion_page(tree, meta.jsonld)
    # A list of teasers: its content is the list, but it is no article, and
    # its confidence says so.
    listing = is_teaser_listing(tree, present, discussion)
    _unmask_for_engine(tree, declared)
    roots = choose_roots(tree, declared)
    second = filter_blocks(blocks_of(roots), title)
    second_text = "\n".join(line for _, line in second)
    second_words = _words(second_text)
    article = not listing and declared
    product = not article and product_page
    # A discussion's replies quote earlier posts; a shop renders its product box
    # once for phones and once for desktops: each line is kept once.
    lines_once = discussion or product
    whole: list[Block] = []
    whole_text = ""
    whole_words = 0
    if not article:
        whole = filter_blocks(page_blocks(tree), title)
        if len(whole) < MIN_PAGE_LINES:
            # Nothing but link lists outside the chrome: a category page or a
            # directory, whose lists are its content.
            whole = filter_blocks(page_blocks(tree, link_lists=True), title)
        whole_text = "\n".join(line for _, line in whole)
        whole_words = _words(whole_text)
    if not article and not pruned.discussion and _holds_the_page(second_words, whole_words):
        # A page that is not an article, and the DOM engine's body is most of
        # it: the main engine would find the same text or a part of it.
        blocks, text = _final(second, second_text, lines_once, addresses, title)
        return Article(
            text=text,
            markdown=render_markdown(blocks),
            confidence=0.0 if listing else confidence(text, whole_text),
            date=_dated(clues, not listing, html, url),
            **article_meta,
        )
    sure = None
    if not listing and not pruned.discussion and second_words >= SURE_WORDS:
        sure = _sure_body(tree, roots, title, second_words, article, site)
    if article and sure is None:
        remove_link_paragraphs(tree)
    if sure is None and not pruned.discussion:
        sure = _named_body(tree, roots, title, second_words, site)
    if sure is not None:
        blocks, text, words = sure
    else:
        blocks, text, words = _main_blocks(tree, url, title, pruned.discussion, retry=article)
    if second_words >= 50 and (
        words < FALLBACK_SHARE * second_words
        or (words < PART_SHARE * second_words and _part_of(text, second_text))
    ):
        # The main engine found next to nothing where the DOM engine found a
        # body, or stopped partway through it.
        blocks, text, words = second, second_text, second_words
    elif (
        article
        and second_words >= 50
        and words < CONTAINED_SHARE * second_words
        and _left_out_lists(blocks, second)
        and _part_of(text, second_text)
    ):
        # The same article, less the lists the main engine took for menus.
        blocks, text, words = second, second_text, second_words
    if not article:
        share = PRODUCT_PAGE_SHARE if product else PAGE_SHARE
        if words < share * whole_words:
            # A service, product or collection page: its content is the page,
            # most of which an article engine leaves out.
            blocks, text = whole, whole_text
    blocks, text = _final(blocks, text, lines_once, addresses, title)
    score = 0.0 if listing else confidence(text, second_text)
    stated = _declared_instead(text, meta.jsonld, title)
    if stated is not None:
        # A page its browser renders: the text it declares for search engines.
        blocks, text = stated
        score = round(DECLARED_TRUST * confidence(text, text), 3)
    return Article(
        text=text,
        markdown=render_markdown(blocks),
        confidence=score,
        date=_dated(clues, article or discussion, html, url),
        **article_meta,
    )


def _declared_instead(
    text: str, jsonld: list[dict[str, Any]], title: str | None
) -> tuple[list[Block], str] | None:
    """The body the page declares in its JSON-LD (`scraper.declared`), lines filtered,
    where the markup's `text` is next to nothing beside it; else None."""
    # The usual page is done at a glance: no word count of its whole text, no
    # second look at its JSON-LD. Fifty words take far fewer characters than this.
    if len(text) >= MAX_FOUND_CHARS:
        return None
    words = _words(text)
    if words >= MAX_FOUND_WORDS:
        return None
    blocks = filter_blocks(declared_body(jsonld), title)
    declared = "\n".join(line for _, line in blocks)
    return (blocks, declared) if prefers_declared(words, _words(declared)) else None


def _dated(clues: metadata.DateClues, one_body: bool, html: str, url: str | None) -> str | None:
    """The page's date; where it declares and shows none, htmldate's search of `html`
    finds it, on a page read as `one_body` (an article, a discussion, a page whose
    body is most of it).

    A page of many parts, a shop's, a service's, a list of teasers, dates its
    items, offers and copyright lines, not itself; the search (a second parse
    and walk of the page, about 5 ms) found a date on 64 of the 257 such bench
    pages, the gold's day on 2.
    """
    if not (clues.searchable and one_body):
        return clues.resolve()
    return clues.resolve(search_date(html, url))


def _final(
    blocks: list[Block],
    text: str,
    lines: bool = False,
    addresses: tuple[str | None, ...] = (),
    title: str | None = None,
) -> tuple[list[Block], str]:
    """The body less the runs of lines it says twice (`drop_repeated_runs`), with
    `lines` less every line it says twice (`drop_repeated_lines`), and less the lines
    that are the page's own address (`drop_own_address`); and its text."""
    kept = drop_own_address(drop_repeated_runs(blocks), addresses, title)
    if lines:
        kept = drop_repeated_lines(kept)
    return (blocks, text) if kept is blocks else (kept, "\n".join(line for _, line in kept))


# A <noscript> holding at least this much text, and more than the page shows
# outside it, is the page: a client-rendered app's copy for crawlers.
MIN_NOSCRIPT_CHARS = 500


def _reveal_noscript(tree: LexborHTMLParser) -> None:
    """Unwrap the <noscript> that holds the content, so pruning keeps it.

    Apps that render in the browser (Flarum forums, some shops) ship the posts
    as plain HTML inside <noscript> for crawlers, beside a near-empty shell;
    pruning drops every <noscript> (tracking pixels, "enable JavaScript").
    """
    body = tree.body
    if body is None:
        return
    sized = [(text_length(node), node) for node in body.css("noscript")]
    if not sized:
        return
    length, largest = max(sized, key=lambda pair: pair[0])
    if length < MIN_NOSCRIPT_CHARS:
        return
    # Script and style text counts as text to the parser, not to a reader.
    shown = text_length(body) - sum(
        text_length(node) for node in body.css("script, style, noscript, template")
    )
    if length > shown:
        largest.unwrap()


def _host(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # a malformed address ("http://[::1"): no host to read
        return None


def _part_of(text: str, whole: str) -> bool:
    """Whether nearly all of `text`'s distinct words occur in `whole`.

    Past `SAMPLED_COUNT_CHARS` both are sampled from the start: a heuristic
    needs no more, and a false "no" keeps the main engine's body."""
    words = set(_WORD.findall(_head(text, SAMPLED_COUNT_CHARS).lower()))
    if not words:
        return False
    inside = words & set(_WORD.findall(_head(whole, 2 * SAMPLED_COUNT_CHARS).lower()))
    return len(inside) >= CONTAINED_SHARE * len(words)


def _left_out_lists(kept: list[Block], body: list[Block]) -> bool:
    """Whether the lines of `body` missing from `kept` are mostly list items, by words."""
    present = {line for _, line in kept}
    left_out = items = 0
    for kind, line in body:
        if line not in present:
            count = word_count(line)
            left_out += count
            if kind.startswith("item"):
                items += count
    return left_out > 0 and items >= LEFT_OUT_LIST_SHARE * left_out


def _head(text: str, limit: int) -> str:
    """The first `limit` characters, cut at a space so no word is cut in two."""
    return text if len(text) <= limit else text[:limit].rsplit(maxsplit=1)[0]


def _holds_the_page(body_words: int, page_words: int) -> bool:
    return body_words >= MIN_PAGE_BODY_WORDS and body_words >= PAGE_BODY_SHARE * page_words


def _sure_body(
    tree: LexborHTMLParser,
    roots: list[LexborNode],
    title: str | None,
    second_words: int,
    article: bool,
    site: str,
) -> tuple[list[Block], str, int] | None:
    """The DOM engine's body, less the furniture in it (and, in an `article`, the
    paragraphs that are links alone), when it is sure of it.

    Sure means: its container holds `SURE_PROSE_SHARE` of the page's prose,
    and the furniture named by class and id words (`scraper.inbody`) is under
    a fifth of its words. Trafilatura would read the same container; it is
    not run, which halves the time of such a page.
    """
    if not roots or prose_share(tree, roots) < SURE_PROSE_SHARE:
        return None
    dropped = _ids(furniture(roots) + (link_paragraphs(tree) if article else []))
    # Sure of its container, the engine keeps the lists in it that link to other sites.
    body = _read(roots, dropped, site, title)
    return body if body[2] >= SURE_KEPT_SHARE * second_words else None


def _named_body(
    tree: LexborHTMLParser, roots: list[LexborNode], title: str | None, second_words: int, site: str
) -> tuple[list[Block], str, int] | None:
    """The body of the container the theme names (`scraper.named`), when it holds
    at least what the DOM engine found; the DOM engine's own where the theme
    names none and it found `SURE_WORDS`.

    The first named container with `NAMED_MIN_WORDS` is the one trafilatura's
    cascade would read; where it holds `NAMED_SHARE` of the DOM engine's
    words too, and holds the DOM engine's container or sits in it, the two
    opinions agree and trafilatura is not run. Where it holds less, one of
    them missed part of the article; where it lies elsewhere on the page,
    they read different things: trafilatura decides.
    """
    named = False
    for node in named_containers(tree):
        named = True
        body = _read([node], _ids(furniture([node])), site, title)
        if body[2] >= NAMED_MIN_WORDS:
            # As many words in the same place: one holds the other.
            agree = body[2] >= NAMED_SHARE * second_words and _overlaps(node, roots)
            return body if agree else None
    if not named and roots and second_words >= SURE_WORDS:
        # The theme names no container: trafilatura's cascade would have none to
        # start from either, and read the page by its generic fallbacks, as the
        # DOM engine does. Its body, less its furniture, stands.
        return _read(roots, _ids(furniture(roots)), site, title)
    return None


def _ids(nodes: list[LexborNode]) -> frozenset[int]:
    return frozenset(node.mem_id for node in nodes)


def _read(
    roots: list[LexborNode], dropped: frozenset[int], site: str, title: str | None
) -> tuple[list[Block], str, int]:
    """The blocks of `roots` less `dropped`, boilerplate lines filtered: (blocks, text, words)."""
    blocks = filter_blocks(blocks_of(roots, dropped, site), title)
    text = "\n".join(line for _, line in blocks)
    return blocks, text, _words(text)


def _overlaps(node: LexborNode, roots: list[LexborNode]) -> bool:
    """Whether `node` holds one of `roots`, or sits in one."""
    ids = {root.mem_id for root in roots}
    if node.mem_id in ids or has_ancestor_in(node, ids):
        return True
    own = {node.mem_id}
    return any(has_ancestor_in(root, own) for root in roots)


def _main_blocks(
    tree: LexborHTMLParser, url: str | None, title: str | None, discussion: bool, retry: bool = True
) -> tuple[list[Block], str, int]:
    """The main engine's body (blocks, text, words), its fallback extractors included.

    Trafilatura is asked only where the DOM engine and the named container
    did not agree: pages hard to read, where its fast mode came out short
    half the time and was asked again with the fallbacks, its work done
    twice. One call with them costs less than the two, and reads as well.
    `retry`: see `_main_content`.
    """
    html = _captions_as_paragraphs(tree.html or "")
    body = _main_content(html, url, comments=discussion, retry=retry)
    blocks = filter_blocks(_blocks(body) if body is not None else [], title)
    text = "\n".join(line for _, line in blocks)
    return blocks, text, _words(text)


# Inline tags flattened inside captions: the engine drops any element whose
# class says "caption" or "credit", which is every caption's markup.
CAPTION_INLINE_TAGS = ["span", "em", "i", "strong", "b", "small", "cite", "a", "abbr", "time"]


# Embedded posts the article quotes; the engine drops them by their class.
EMBED_SELECTORS = "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed"
# An article's table under this link density is data, whose links are read as text.
MAX_TABLE_LINK_DENSITY = 0.5


def _unmask_for_engine(tree: LexborHTMLParser, article: bool = False) -> None:
    """Strip the classes that make the engine drop captions and quoted posts, and,
    in an article, the links that make it drop a table's cells."""
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
        caption.unwrap_tags(CAPTION_INLINE_TAGS)
        for node in (caption, caption.parent):
            if node is not None:
                _strip_attributes(node)


def _strip_attributes(node: LexborNode) -> None:
    for name in list(node.attrs.keys()):
        del node.attrs[name]


def _captions_as_paragraphs(html: str) -> str:
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
    with _ENGINE_LOCK:
        if allowed or not hasattr(trafilatura.core, _RETRY_SETTING):
            yield
            return
        saved = getattr(trafilatura.core, _RETRY_SETTING)
        setattr(trafilatura.core, _RETRY_SETTING, 0)
        try:
            yield
        finally:
            setattr(trafilatura.core, _RETRY_SETTING, saved)


def _main_content(html: str, url: str | None, comments: bool = False, retry: bool = True) -> _Element | None:
    """Trafilatura's body of `html` (its comment thread appended with `comments`);
    `retry`: let it retry a short body in recall mode (`_short_body_retry`)."""
    if not html.strip():
        return None
    with _short_body_retry(retry):
        document = trafilatura.bare_extraction(
            html,
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


def _blocks(element: _Element, quoted: bool = False) -> Iterator[Block]:
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
                    yield "row", _CELL_SEPARATOR.join(c for c in cells if c)
        elif tag == "quote":
            if child.text and child.text.strip():
                yield "quote", child.text
            yield from _blocks(child, quoted=True)
        elif tag == "graphic":
            continue
        elif len(child):
            yield from _blocks(child, quoted)
        else:
            yield from _split(para, _text_of(child))
        if child.tail and child.tail.strip():
            yield para, child.tail


def _list_blocks(element: _Element, depth: int) -> Iterator[Block]:
    """One line per item, nested lists after their parent item."""
    for item in element:
        for _, line in _split("item", _text_of(item)):
            yield f"item{depth}", line
        for nested in item:
            if nested.tag == "list":
                yield from _list_blocks(nested, depth + 1)


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    previous = ""
    for kind, text in blocks:
        if kind == "heading":
            line = f"## {text}"
        elif kind.startswith("item"):
            line = "  " * int(kind[4:] or 0) + f"- {text}"
        elif kind == "quote":
            line = f"> {text}"
        elif kind == "row":
            line = f"| {text} |"
        elif kind == "code":
            line = f"    {text}"
        else:
            line = text
        # Paragraphs are separated by a blank line; items and rows stay together.
        if out and not (
            (kind == previous and kind in ("row", "code"))
            or (kind.startswith("item") and previous.startswith("item"))
        ):
            out.append("")
        out.append(line)
        previous = kind
    return "\n".join(out)


def word_count(text: str) -> int:
    # subn counts the matches without making a string of each: a quarter faster than findall.
    return _WORD.subn("", text)[1]


# Past this many characters the engines' word counts, which only feed shares
# and thresholds, are extrapolated from a sample: counting a 20 MB text costs
# half a second each time.
SAMPLED_COUNT_CHARS = 1_000_000


def _words(text: str) -> int:
    if len(text) <= SAMPLED_COUNT_CHARS:
        return word_count(text)
    return round(word_count(text[:SAMPLED_COUNT_CHARS]) * len(text) / SAMPLED_COUNT_CHARS)

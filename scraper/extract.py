"""Page -> Article: the extractor's steps, trafilatura's run in `scraper.engine`.

`extract_html` runs, in order:

1. parse once with selectolax (Lexbor), the markup made safe to parse first
   (`scraper.prepare`), unwrap a <noscript> that holds the
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

import dataclasses
import re
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper import metadata
from scraper.body import blocks_of, choose_roots, page_blocks, page_parts, prose_share, titles_length
from scraper.clean import prune
from scraper.confidence import confidence
from scraper.dates import search_date
from scraper.declared import MAX_FOUND_WORDS, declared_body, prefers_declared
from scraper.decode import decode_html
from scraper.dom import LinkLengths, flatten_deep, has_ancestor_in
from scraper.engine import captions_as_paragraphs, engine_blocks, main_content, unmask_for_engine
from scraper.errors import ExtractionError
from scraper.inbody import furniture
from scraper.language import detect_language
from scraper.lines import (
    Block,
    drop_adjacent_repeats,
    drop_appeals,
    drop_byline,
    drop_own_address,
    drop_repeated_lines,
    drop_repeated_runs,
    filter_blocks,
)
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
from scraper.prepare import (
    MAX_MARKUP_DEPTH,
    close_noscript_iframe,
    close_runaway_pre,
    markup_depth,
    reveal_noscript,
    without_huge_dropdowns,
)
from scraper.sections import link_paragraphs, remove_link_paragraphs
from scraper.selectors import Present
from scraper.streamed import reveal_streamed
from scraper.words import count_words

_WORD = re.compile(r"\w+")
# On a page that is not an article, a body under this share of the page's
# own text means the article engine kept one section of many: a service
# page's, a forum's or a collection's content is the page, section after section.
PAGE_SHARE = 0.8
# ...but a product page's content is the product's own box, however small
# beside the recommendations, reviews and shop chrome around it: only a body
# under this share says the engine missed it.
PRODUCT_PAGE_SHARE = 0.3
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
# at least this share of the page's text and this many words...
PAGE_BODY_SHARE = 0.7
MIN_PAGE_BODY_WORDS = 100
# ...and is the page's own text: at least this share of its distinct words are the
# page's, read outside the chrome. A footer's small print (an insurer's disclosures)
# can outweigh the page's sections; the DOM engine then reads it as the body.
HELD_SHARE = 0.5
# A page whose text outside link lists is fewer lines than this is made of them.
MIN_PAGE_LINES = 3
# ...as is a page, not a shop's product nor a discussion, whose lists of titles
# hold at least this many times the characters of the rest of its text, where the
# DOM engine's body is under this share of that rest: no article beside them.
TITLE_LISTS_SHARE = 1.0
LISTS_PAGE_BODY_SHARE = 0.5
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


def extract_bytes(data: bytes, url: str | None = None, content_type: str | None = None) -> Article:
    """Decode raw page bytes (BOM, header, <meta>, detector) and extract."""
    html, _ = decode_html(data, content_type)
    return extract_html(html, url)


def extract_html(html: str, url: str | None = None) -> Article:
    """Body text and metadata of one HTML page, text its CMS encoded twice repaired
    (`scraper.mojibake`).

    Raises ExtractionError for markup no real page has (nesting past
    `MAX_MARKUP_DEPTH`, which costs the HTML parser quadratic time).
    """
    article = repaired(_extract_html(html, url))
    if article.language is None and article.text:
        # Undeclared: the body's own words say (`scraper.language`).
        article = dataclasses.replace(article, language=detect_language(article.text))
    return article


def _extract_html(html: str, url: str | None) -> Article:
    html = close_noscript_iframe(close_runaway_pre(without_huge_dropdowns(html)))
    depth = markup_depth(html)
    if depth > MAX_MARKUP_DEPTH:
        raise ExtractionError(f"markup nested {depth:,} levels deep (limit {MAX_MARKUP_DEPTH:,})")
    tree = LexborHTMLParser(html)
    reveal_noscript(tree)
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
    unmask_for_engine(tree, declared)
    # The tree is only read from here until `remove_link_paragraphs`: the walks of it
    # share one memo of text lengths, each container measured once.
    lengths = LinkLengths()
    roots = choose_roots(tree, declared, lengths)
    second = filter_blocks(blocks_of(roots, links=lengths), title)
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
        blocks, left_out = page_parts(tree, links=lengths)
        whole = filter_blocks(blocks, title)
        if len(whole) < MIN_PAGE_LINES or (
            not (shop or discussion)
            and _made_of_lists(titles_length(left_out), sum(len(line) for _, line in whole), len(second_text))
        ):
            # Mostly link lists outside the chrome: a category page, a catalogue's
            # grid of products or a directory, whose lists are its content.
            whole = filter_blocks(page_blocks(tree, link_lists=True), title)
        whole_text = "\n".join(line for _, line in whole)
        whole_words = _words(whole_text)
    if (
        not article
        and not pruned.discussion
        and _holds_the_page(second_words, whole_words)
        and _part_of(second_text, whole_text, HELD_SHARE)
    ):
        # A page that is not an article, and the DOM engine's body is most of
        # it: the main engine would find the same text or a part of it.
        blocks, text = _final(second, second_text, lines_once, addresses, title, article_meta["author"])
        return Article(
            text=text,
            blocks=tuple(blocks),
            confidence=0.0 if listing else confidence(text, whole_text),
            date=_dated(clues, not listing, html, url),
            **article_meta,
        )
    sure = None
    if not listing and not pruned.discussion and second_words >= SURE_WORDS:
        sure = _sure_body(tree, roots, title, second_words, article, site, lengths)
    if article and sure is None:
        remove_link_paragraphs(tree)
        lengths = LinkLengths()  # the lengths around the paragraphs removed changed
    if sure is None and not pruned.discussion:
        sure = _named_body(tree, roots, title, second_words, site, article, lengths)
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
    blocks, text = _final(blocks, text, lines_once, addresses, title, article_meta["author"])
    score = 0.0 if listing else confidence(text, second_text)
    stated = _declared_instead(text, meta.jsonld, title)
    if stated is not None:
        # A page its browser renders: the text it declares for search engines.
        blocks, text = stated
        score = round(DECLARED_TRUST * confidence(text, text), 3)
    return Article(
        text=text,
        blocks=tuple(blocks),
        confidence=score,
        date=_dated(clues, article or discussion, html, url),
        **article_meta,
    )


def _made_of_lists(listed: int, rest: int, body: int) -> bool:
    """Whether a page's lists of titles (`listed` characters, `scraper.body.titles_length`)
    are its content: they outweigh the `rest` of its text, and the DOM engine's `body`
    is a small part of that rest. An article's body is most of it, and the lists
    beside it are its related stories."""
    return listed >= TITLE_LISTS_SHARE * rest and body < LISTS_PAGE_BODY_SHARE * rest


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
    author: str | None = None,
) -> tuple[list[Block], str]:
    """The body less its appeals to the reader (`drop_appeals`), the stretches of lines it
    says twice in a row (`drop_adjacent_repeats`) and the runs of lines it says twice
    (`drop_repeated_runs`), with `lines` less every line it says twice
    (`drop_repeated_lines`), less the lines that are the page's own address
    (`drop_own_address`) and the byline that names the `author` (`drop_byline`); and
    its text."""
    kept = drop_byline(
        drop_own_address(drop_repeated_runs(drop_adjacent_repeats(drop_appeals(blocks))), addresses, title),
        author,
    )
    if lines:
        kept = drop_repeated_lines(kept)
    return (blocks, text) if kept is blocks else (kept, "\n".join(line for _, line in kept))


def _host(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # a malformed address ("http://[::1"): no host to read
        return None


def _part_of(text: str, whole: str, share: float = CONTAINED_SHARE) -> bool:
    """Whether nearly all (`share`) of `text`'s distinct words occur in `whole`.

    Past `SAMPLED_COUNT_CHARS` both are sampled from the start: a heuristic
    needs no more, and a false "no" keeps the main engine's body."""
    words = set(_WORD.findall(_head(text, SAMPLED_COUNT_CHARS).lower()))
    if not words:
        return False
    inside = words & set(_WORD.findall(_head(whole, 2 * SAMPLED_COUNT_CHARS).lower()))
    return len(inside) >= share * len(words)


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
    lengths: LinkLengths | None = None,
) -> tuple[list[Block], str, int] | None:
    """The DOM engine's body, less the furniture in it (and, in an `article`, the
    paragraphs that are links alone), when it is sure of it.

    Sure means: its container holds `SURE_PROSE_SHARE` of the page's prose,
    and the furniture named by class and id words (`scraper.inbody`) is under
    a fifth of its words. Trafilatura would read the same container; it is
    not run, which halves the time of such a page.
    """
    if not roots or prose_share(tree, roots, lengths) < SURE_PROSE_SHARE:
        return None
    dropped = _ids(furniture(roots) + (link_paragraphs(tree) if article else []))
    # Sure of its container, the engine keeps the lists in it that link to other sites.
    body = _read(roots, dropped, site, title, article, lengths)
    return body if body[2] >= SURE_KEPT_SHARE * second_words else None


def _named_body(
    tree: LexborHTMLParser,
    roots: list[LexborNode],
    title: str | None,
    second_words: int,
    site: str,
    article: bool = False,
    lengths: LinkLengths | None = None,
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
        body = _read([node], _ids(furniture([node])), site, title, article, lengths)
        if body[2] >= NAMED_MIN_WORDS:
            # As many words in the same place: one holds the other.
            agree = body[2] >= NAMED_SHARE * second_words and _overlaps(node, roots)
            return body if agree else None
    if not named and roots and second_words >= SURE_WORDS:
        # The theme names no container: trafilatura's cascade would have none to
        # start from either, and read the page by its generic fallbacks, as the
        # DOM engine does. Its body, less its furniture, stands.
        return _read(roots, _ids(furniture(roots)), site, title, article, lengths)
    return None


def _ids(nodes: list[LexborNode]) -> frozenset[int]:
    return frozenset(node.mem_id for node in nodes)


def _read(
    roots: list[LexborNode],
    dropped: frozenset[int],
    site: str,
    title: str | None,
    article: bool = False,
    lengths: LinkLengths | None = None,
) -> tuple[list[Block], str, int]:
    """The blocks of `roots` less `dropped`, boilerplate lines filtered: (blocks, text, words).
    In an `article`, a list article's lists stay (`scraper.body.blocks_of`); `lengths`:
    the page's memo of text lengths, while the tree is unchanged."""
    blocks = filter_blocks(blocks_of(roots, dropped, site, list_article=article, links=lengths), title)
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
    `retry`: see `main_content`.
    """
    html = captions_as_paragraphs(tree.html or "")
    body = main_content(html, url, comments=discussion, retry=retry)
    blocks = filter_blocks(engine_blocks(body) if body is not None else [], title)
    text = "\n".join(line for _, line in blocks)
    return blocks, text, _words(text)


def word_count(text: str) -> int:
    return count_words(text)


# Past this many characters the engines' word counts, which only feed shares
# and thresholds, are extrapolated from a sample: counting a 20 MB text costs
# half a second each time.
SAMPLED_COUNT_CHARS = 1_000_000


def _words(text: str) -> int:
    if len(text) <= SAMPLED_COUNT_CHARS:
        return word_count(text)
    return round(word_count(text[:SAMPLED_COUNT_CHARS]) * len(text) / SAMPLED_COUNT_CHARS)

"""Is this page an index of other articles rather than an article?

A category page, a tag archive or a blog's front page is a column of teaser
cards: a linked headline, a short excerpt, perhaps a date. Any extractor
will happily glue the excerpts into a fake "article". We recognise the shape
instead: the page's text is its list of teasers, read like any page that is
not an article, and its confidence (of being an article) is 0.

A page counts as a teaser listing when

1. at least `MIN_TEASERS` `<article>` elements are teaser-sized (under
   `MAX_TEASER_CHARS`) and each holds a linked headline (`h2`-`h4` > `a`) and
   an excerpt paragraph: HTML's own markup for a list of posts, which forum
   threads, product grids and search results do not use; or, on a page that
   is no discussion, at least `MIN_TEASERS` teaser-sized cards of one markup
   (siblings of one tag and class) each hold a linked headline (`h2`-`h4` > `a`,
   or `a` > `h2`-`h4`): the cards of a theme that writes no `<article>`, and
2. those cards hold at least `MIN_TEASER_SHARE` of the page's text, and
3. outside the cards there are fewer than `MAX_FREE_PARAGRAPHS` paragraphs of
   prose (an article that embeds a few product or event cards has many).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import collapse, has_ancestor_in, text_length
from scraper.selectors import Present

MIN_TEASERS = 4
MAX_TEASER_CHARS = 700
MIN_TEASER_SHARE = 0.6
HEADLINE_LINKS = "h2 a[href], h3 a[href], h4 a[href]"
PROSE_CHARS = 200
MAX_FREE_PARAGRAPHS = 2


def _og_types(tree: LexborHTMLParser) -> Iterator[str]:
    """The page's OpenGraph types, lower-cased."""
    for tag in tree.css("meta[property='og:type'], meta[name='og:type']"):
        yield (tag.attributes.get("content") or "").strip().lower()


def _schema_types(jsonld: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The @type of each JSON-LD object, lower-cased, a list of types read one by one."""
    for obj in jsonld:
        kinds = obj.get("@type", "")
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            yield str(kind).lower()


def _microdata_types(tree: LexborHTMLParser) -> Iterator[str]:
    """The schema.org type of each microdata item, lower-cased: "https://schema.org/NewsArticle"
    gives "newsarticle"."""
    for node in tree.css("[itemtype]"):
        yield (node.attributes.get("itemtype") or "").strip().rstrip("/").rsplit("/", 1)[-1].lower()


# OpenGraph's type for a story is "article"; blog themes also write "post" or
# "blog" (the old Facebook type for a weblog) on theirs.
ARTICLE_OG_TYPES = frozenset({"article", "post", "blog", "blogpost", "blog_post", "news", "newsarticle"})


def declares_article(tree: LexborHTMLParser) -> bool:
    return any(kind in ARTICLE_OG_TYPES for kind in _og_types(tree))


# schema.org types that say "this page is an article" (not a product, a listing, a web page):
# Article, and NewsArticle with its kinds (reportage, analysis, opinion, review, background).
ARTICLE_SCHEMA_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "techarticle",
        "scholarlyarticle",
    }
)


# More microdata Articles than this on a page OpenGraph calls a "website" are its
# teasers, each marked up as the article it links to: a blog's front page.
MAX_WEBSITE_ARTICLE_ITEMS = 2


def is_article_page(tree: LexborHTMLParser, jsonld: Iterable[dict[str, Any]]) -> bool:
    """The page calls itself an article, in OpenGraph, JSON-LD or microdata."""
    if declares_article(tree) or _microdata_article(tree):
        return True
    return any(kind in ARTICLE_SCHEMA_TYPES for kind in _schema_types(jsonld))


def _microdata_article(tree: LexborHTMLParser) -> bool:
    """Whether the page's microdata calls it an article (`MAX_WEBSITE_ARTICLE_ITEMS`)."""
    items = sum(1 for kind in _microdata_types(tree) if kind in ARTICLE_SCHEMA_TYPES)
    return items > 0 and (items <= MAX_WEBSITE_ARTICLE_ITEMS or "website" not in _og_types(tree))


# schema.org types that say "this page is a discussion": a forum topic, a question and its answers.
DISCUSSION_SCHEMA_TYPES = frozenset({"discussionforumposting", "qapage"})


def is_discussion_page(tree: LexborHTMLParser, jsonld: Iterable[dict[str, Any]]) -> bool:
    """The page calls itself a forum topic or a Q&A page, in JSON-LD or microdata."""
    if any(kind in DISCUSSION_SCHEMA_TYPES for kind in _schema_types(jsonld)):
        return True
    return any(kind in DISCUSSION_SCHEMA_TYPES for kind in _microdata_types(tree))


# schema.org types of a shop's product page.
PRODUCT_SCHEMA_TYPES = frozenset({"product", "productgroup", "productmodel", "individualproduct"})


# OpenGraph's "product.group" is a group of products: a shop's collection page.
_OG_PRODUCT_GROUP = re.compile(r"product[.:]group")


def is_product_page(tree: LexborHTMLParser, jsonld: Iterable[dict[str, Any]]) -> bool:
    """The page calls itself a product, in OpenGraph ("product", "product.item", not
    "product.group") or JSON-LD."""
    return any(
        kind.startswith("product") and not _OG_PRODUCT_GROUP.match(kind) for kind in _og_types(tree)
    ) or any(kind.rsplit("/", 1)[-1] in PRODUCT_SCHEMA_TYPES for kind in _schema_types(jsonld))


def sells_product(tree: LexborHTMLParser) -> bool:
    """The page offers a product where `is_product_page` does not say so: a microdata
    Product, or a shop's buy button (`has_buy_button`; read before pruning drops the
    controls).

    Wider than `is_product_page`, which decides how a page's body is read:
    microdata Products also come from rating and "buy" widgets on service
    pages, whose bodies are read as such. Enough, with `is_product_page`, to know
    that the page's reviews are its buyers'.
    """
    return any(kind in PRODUCT_SCHEMA_TYPES for kind in _microdata_types(tree)) or has_buy_button(tree)


# A shop's buy button, the whole of its label, in the languages we see most.
_BUY_LABEL = re.compile(
    r"add to (?:cart|bag|basket|trolley)|buy (?:it )?now|in den warenkorb|ajouter au panier"
    r"|añadir al carrito|aggiungi al carrello|adicionar ao carrinho|in winkelwagen|в корзину",
    re.IGNORECASE,
)
BUY_CONTROLS = "button, input[type='submit' i], a[role='button' i]"
# A product's page has one or two (the box, a sticky bar); a grid of products has one a tile.
MAX_BUY_BUTTONS = 2
MAX_BUY_LABEL_CHARS = 40


def has_buy_button(tree: LexborHTMLParser) -> bool:
    """Whether the page has one or two buy buttons ("Add to cart"): it sells one
    thing, even where it declares no Product (Amazon's pages declare none)."""
    buttons = 0
    for control in tree.css(BUY_CONTROLS):
        label = control.attributes.get("value") if control.tag == "input" else control.text(deep=True)
        label = collapse(label or "")
        if len(label) <= MAX_BUY_LABEL_CHARS and _BUY_LABEL.fullmatch(label):
            buttons += 1
            if buttons > MAX_BUY_BUTTONS:
                return False
    return buttons > 0


def is_teaser_listing(
    tree: LexborHTMLParser, present: Present | None = None, discussion: bool = False
) -> bool:
    """True for a (pruned) page that is a list of teasers, not an article.

    `present`, the page's index (listed before pruning: pruning only removes),
    tells a page without <article>s without looking for any. A `discussion`'s
    posts are no sibling cards: each poster's linked name heads a short post.
    """
    body = tree.body
    if body is None:
        return False
    # Not asked whether the page declares an article: CMSs put `og:type` article on
    # section fronts too (a wirecutter or NPR section), and the cards tell.
    articles = present is None or "<article" in present.keys
    cards = _article_cards(tree) if articles else {}
    # The page's text is measured only once there are cards to weigh: most pages have none.
    total = text_length(body) if len(cards) >= MIN_TEASERS else 0
    if len(cards) < MIN_TEASERS or sum(cards.values()) < MIN_TEASER_SHARE * total:
        if discussion:
            return False
        cards = _sibling_cards(tree)
        if len(cards) < MIN_TEASERS:
            return False
        total = total or text_length(body)
        if sum(cards.values()) < MIN_TEASER_SHARE * total:
            return False
    ids = set(cards)
    free = 0
    for paragraph in tree.css("p"):
        if text_length(paragraph) >= PROSE_CHARS and not has_ancestor_in(paragraph, ids):
            free += 1
            if free >= MAX_FREE_PARAGRAPHS:
                return False
    return True


def _article_cards(tree: LexborHTMLParser) -> dict[int, int]:
    """Teaser-sized `<article>`s holding a linked headline and an excerpt (mem_id -> text length)."""
    cards: dict[int, int] = {}
    for card in tree.css("article"):
        length = text_length(card)
        if length <= MAX_TEASER_CHARS and card.css_first(HEADLINE_LINKS) and card.css_first("p"):
            cards[card.mem_id] = length
    return cards


# How far above its headline a card's element may sit.
MAX_CARD_DEPTH = 6
# Class words of a forum's or a comment system's posts (phpBB's "post", XenForo's
# "message", vBulletin's "postbit"), read whole: each post's linked poster or
# subject heads a short text, like a teaser, where the page found no discussion.
POST_CLASSES = frozenset({"post", "message", "comment", "reply", "postbit"})


def _sibling_cards(tree: LexborHTMLParser) -> dict[int, int]:
    """Teaser-sized cards of one markup: for each linked headline, the nearest element
    above it that has `MIN_TEASERS - 1` siblings of its tag and class (mem_id -> text length)."""
    cards: dict[int, int] = {}
    # Each parent's children counted by (tag, class) once, however many headlines ask.
    counts: dict[int, Counter[tuple[str, str]]] = {}
    for heading in tree.css("h2, h3, h4"):
        above = heading.parent
        if heading.css_first("a[href]") is None and (above is None or above.tag != "a"):
            continue
        node = heading
        for _ in range(MAX_CARD_DEPTH):
            parent = node.parent
            if parent is None or parent.tag in ("body", "html"):
                break
            if node is not heading:
                siblings = counts.get(parent.mem_id)
                if siblings is None:
                    siblings = counts[parent.mem_id] = Counter(map(_markup, parent.iter()))
                markup = _markup(node)
                if siblings[markup] >= MIN_TEASERS:
                    if node.mem_id in cards:
                        break  # a second headline in a card already measured
                    length = text_length(node)
                    if length <= MAX_TEASER_CHARS and not POST_CLASSES.intersection(markup[1].split()):
                        cards[node.mem_id] = length
                    break
            node = parent
    return cards


def _markup(node: LexborNode) -> tuple[str, str]:
    return node.tag or "", node.attributes.get("class") or ""

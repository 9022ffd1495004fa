"""Boilerplate inside the article's container, named by its class and id words.

The DOM engine's container (`scraper.body`) holds the article and, often, the
page furniture its template puts between paragraphs: a picture's credit, a
share bar, a newsletter box, a gallery's controls, "most popular" teasers, an
element hidden until a click. Trafilatura's main extractor discards these
inside the subtree it chose by their class and id words; where the DOM
engine's body stands alone (`scraper.extract` skips trafilatura on pages
whose container is sure), the same kinds of words are read here.

The vocabulary follows trafilatura's discard list (Apache-2.0,
`trafilatura/xpaths.py`), grouped by what each word names, without its
single-site entries. Words are substrings of the attribute, case-sensitive
as there, except captions and credits, whose class names come in every
casing ("newsCaption", "imageEmbedCredit"). A figure's own <figcaption> is
no match: its attributes are stripped before the engines read the page, and
its text is the caption the article keeps.

Nothing is discarded when the matches hold all but a seventh of the
container's text: then the words named the article's own wrapper.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborNode

from scraper.dom import text_length

# The elements the words are asked of (trafilatura's div, p, section, span
# and its lists and items); hidden elements go whatever their tag.
BLOCK_TAGS = frozenset({"div", "section", "p", "span", "ul", "ol", "li", "dl"})

# Words read in both the class and the id.
BOTH_WORDS = (
    "social",
    "viral",
    "newsletter",
    "syndication",
    "tags",
    "sidebar",
    "banner",
    "breadcrumb",
    "bread-crumb",
    "button",
    "author",
)
# Words that start the class or the id: "share-buttons" but not "timeshare".
BOTH_PREFIXES = ("shar",)
ID_WORDS = (
    "footer",
    "Footer",
    "share",
    "Share",
    "nav",
    "Nav",
    "menu",
    "related",
    "message-container",
    "premium",
)
ID_PREFIXES = ("ad-",)
CLASS_WORDS = (
    # navigation
    "subnav",
    "avigation",
    "navbar",
    "navbox",
    "menu",
    "bar",
    # advertising
    " ad ",
    "-ad-",
    " ad-",
    "dfpAd",
    "dfpad",
    "outbrain",
    "taboola",
    "criteo",
    "paid-content",
    "paidcontent",
    "widget",
    # page chrome and bylines
    "footer",
    "Footer",
    "byline",
    "Byline",
    # sharing and embeds
    "share-",
    "sociable",
    "embedded",
    "tag-list",
    # consent and sign-in walls
    "consent",
    "modal-content",
    "permission",
    # related and more
    "elated",
    "next-",
    "-stories",
    "most-popular",
    "more-on",
    "teaser",
    "Teaser",
    # meta and interface
    "meta",
    "rating",
    "attachment",
    "timestamp",
    "user-info",
    "user-profile",
    "-icon",
    "article-infos",
    "message-container",
    "slide",
    "viewport",
    "overlay",
    "options",
    "expand",
    "obfuscated",
    "blurred",
)
CLASS_PREFIXES = ("nav", "post-nav", "ad-")
# Captions and credits, in any casing.
ANY_CASE_WORDS = ("caption", "credit")
# Hidden until a click, or never printed, by class or id words; `_hidden`
# also reads inline styles and aria-hidden.
HIDDEN_CLASS = re.compile(
    r"^hide-|-hide-|hide-print| hidden| hide|noprint|notloaded|message|akismet|suggest-links"
    r"|comments-title|nocomments|-reply-|^reply-"
)
HIDDEN_ID = re.compile(r"hidden|akismet|reader-comments|^reply-")
# Placed thousands of pixels off screen: text for crawlers (link farms), not readers.
_OFF_SCREEN = re.compile(r"(?:left|top|text-indent)\s*:\s*-\d{4,}px")


def _alternatives(words: Iterable[str], prefixes: Iterable[str] = ()) -> str:
    return "|".join([re.escape(word) for word in words] + ["^" + re.escape(prefix) for prefix in prefixes])


_ANY_CASE = "(?i:" + _alternatives(ANY_CASE_WORDS) + ")"
CLASS_PATTERN = re.compile(
    "|".join((_alternatives(BOTH_WORDS + CLASS_WORDS, BOTH_PREFIXES + CLASS_PREFIXES), _ANY_CASE, "cookie"))
)
ID_PATTERN = re.compile(
    "|".join((_alternatives(BOTH_WORDS + ID_WORDS, BOTH_PREFIXES + ID_PREFIXES), _ANY_CASE, "cookie"))
)
# A recipe card's details (its times, servings, course and cuisine, nutrition) are
# the recipe's, though their class says "meta": WP Recipe Maker, Tasty Recipes,
# Mediavine Create.
RECIPE_DETAILS = re.compile(r"recipe-(?:meta|details|times|nutrition)|tasty-recipes-details|mv-create-time")
# An embed ("embed", Webflow's "w-embed") is furniture when short: a player, a
# credit, a product card. Longer, it is a block of custom HTML in the article
# (a table, a profile, a quote) that its editor pasted in.
EMBED_WORD = "embed"
MAX_EMBED_CHARS = 200
# ...unless it holds code or a table: a snippet the editor pasted in, however short.
EMBED_CONTENT = "pre, code, table"
# The matches may hold at most this share of the container's text.
MAX_DISCARDED_SHARE = 6 / 7


def furniture(roots: list[LexborNode]) -> list[LexborNode]:
    """The outermost elements inside `roots` named as furniture, or none when they would
    take nearly all of the roots' text."""
    found = [node for root in roots for node in _named(root)]
    if not found:
        return []
    total = sum(text_length(root) for root in roots)
    if sum(text_length(node) for node in found) >= MAX_DISCARDED_SHARE * total:
        return []
    return found


def _named(root: LexborNode) -> Iterator[LexborNode]:
    """The outermost furniture under `root`, in document order."""
    walk = root.traverse(include_text=False)
    next(walk)  # the root itself
    # The furniture found last and the elements met inside it (`mem_id`s), passed over.
    # The walk meets a parent before its children: one look at the parent tells.
    inside: set[int] = set()
    for node in walk:
        parent = node.parent
        if parent is not None and parent.mem_id in inside:
            inside.add(node.mem_id)
            continue
        if _is_furniture(node):
            inside = {node.mem_id}
            yield node


def _is_furniture(node: LexborNode) -> bool:
    attributes = node.attributes
    if not attributes:
        return False
    class_ = attributes.get("class") or ""
    id_ = attributes.get("id") or ""
    if node.tag in BLOCK_TAGS and (
        (class_ and _found(CLASS_PATTERN, class_) and not _found(RECIPE_DETAILS, class_))
        or (
            EMBED_WORD in class_
            and text_length(node) < MAX_EMBED_CHARS
            and node.css_first(EMBED_CONTENT) is None
        )
        or (id_ and _found(ID_PATTERN, id_))
        or "nav" in (attributes.get("role") or "").lower()
        or "data-lp-replacement-content" in attributes
    ):
        return True
    return _hidden(node.tag, attributes, class_, id_)


def _hidden(tag: str | None, attributes: dict[str, str | None], class_: str, id_: str) -> bool:
    style = attributes.get("style") or ""
    return (
        # A link hidden from screen readers alone is a card's duplicate link (`scraper.markup`).
        (attributes.get("aria-hidden") == "true" and tag != "a")
        or "display:none" in style
        or "display: none" in style
        or "hidden" in style
        or bool(style and _OFF_SCREEN.search(style))
        or bool(class_ and _found(HIDDEN_CLASS, class_))
        or bool(id_ and _found(HIDDEN_ID, id_))
    )


# A theme repeats its class names on every card and paragraph: each name is read
# once per pattern and process, not once per element (a search per element made
# most of `_named`).
@functools.lru_cache(maxsize=16384)
def _found(pattern: re.Pattern[str], name: str) -> bool:
    return pattern.search(name) is not None

"""Boilerplate pruning on the selectolax tree, before any text is extracted (`prune`).

The vocabulary lives in named tables: the markup of consent managers, comment
systems, share and related-post plugins, page chrome and dialogs in
`scraper.markup`, the class and id words below. This module applies them, in
the order `prune` lists, under the `scraper.guard.Guard` that keeps the article
itself, and calls `scraper.sections` for the boilerplate found by what it holds.

Two strengths of rule:

* **Strong** rules name markup that is never article text wherever it sits:
  a consent manager's banner, a comment system's thread, a share plugin's
  bar, a related-posts plugin's block. They are removed outright.
* **Weak** rules name class/id words that *usually* mark boilerplate
  ("sidebar", "widget", "promo", ...) but also turn up on wrappers of the
  article itself (`<body class="has-sidebar">`). They remove an element only
  if it holds a small share of the page's text or is mostly links.

Inline "See also" / "Read more" boxes injected between the paragraphs of a
body are caught by wording (`scraper.wording.INLINE_RELATED_PREFIXES`) together with link
density, since their markup is whatever the theme chose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import (
    HEADING_TAGS,
    attr_words,
    collapse,
    has_ancestor_in,
    is_root,
    link_density,
    remove_all,
    text_length,
)
from scraper.guard import CONTAINER_TAGS, Guard
from scraper.markup import (
    ARTICLE_HEADER,
    CHROME,
    HIDDEN,
    MAX_ARTICLES_FOR_HEADERS,
    NON_CONTENT,
    PLUGINS,
    PLUGINS_BUT_COMMENTS,
    disclosed_ids,
)
from scraper.notices import remove_consent_notices
from scraper.sections import (
    box_of,
    remove_announcement_bars,
    remove_galleries,
    remove_other_posts,
    remove_product_carousels,
    remove_recommendation_sections,
    remove_reviews,
    remove_signup_boxes,
    remove_tag_lists,
    unwrap_post_forms,
)
from scraper.selectors import Present, SelectorSet
from scraper.wording import CJK_RELATED_PREFIXES, INLINE_RELATED_PREFIXES
from scraper.words import has_east_asian

# class / id words that usually, not always, mark boilerplate.
WEAK_WORDS = (
    "sidebar",
    "widget",
    "promo",
    "banner",
    "footer",
    "header",
    "masthead",
    "menu",
    "social",
    "share",
    "sharing",
    "related",
    "recommend",
    "subscribe",
    "newsletter",
    "signup",
    "cookie",
    "consent",
    "gdpr",
    "popup",
    "overlay",
    "sponsor",
    "advert",
    "trending",
    "popular",
    "latest",
    "most-read",
    "mostread",
    "outbrain",
    "taboola",
    "paywall",
    # Fine print: offer terms, "results may vary", "links to <partner>" under a button.
    "disclaimer",
    # "Was this page helpful?", "Tell us about a lower price", a seller's ratings.
    "feedback",
    # A footer's copyright line and legal links, where the theme puts them inside the
    # content area; WordPress's "has-legal-font-size" fine print.
    "copyright",
    "legal",
)
# Weak on a page that calls itself an article only: there the author's name and date
# over the body are metadata, where a list of teasers names each teaser's author.
ARTICLE_WEAK_WORDS = ("byline",)

# Words page builders also use for content blocks ("elementor-widget-text"):
# these match only at the start of a class token.
TOKEN_START_WORDS = frozenset({"sidebar", "widget", "banner", "footer", "header", "masthead", "menu"})


def _weak_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in TOKEN_START_WORDS) + r")(?:$|[\s_-])"
        # ...or ends one: "left-sidebar", Invision's "ipsLayout_sidebar".
        r"|[_-]sidebar(?:$|\s)"
        r"|(?:^|[\s_-])(?:"
        + "|".join(re.escape(w) for w in words if w not in TOKEN_START_WORDS)
        + r")(?:$|[\s_-])",
        re.IGNORECASE,
    )


_WEAK_RE = _weak_re(WEAK_WORDS)
_ARTICLE_WEAK_RE = _weak_re(WEAK_WORDS + ARTICLE_WEAK_WORDS)


def _weak_candidates(present: Present, words: tuple[str, ...]) -> str:
    """A query for every element whose class or id holds one of `words` anywhere (a
    superset of the weak rule's matches), for the words this page's names hold."""
    names = " ".join(key for key in present.keys if key[0] in ".#")
    return ", ".join(f"[class*='{word}' i], [id*='{word}' i]" for word in words if word in names)


# ...unless the same class/id also names content: page builders put "widget"
# on the block holding the article ("elementor-widget-theme-post-content").
CONTENT_WORDS = (
    "content",
    "article",
    "entry",
    "main",
    "body",
    "story",
    "text",
    "post-",
    "column",
    # Embedded posts (tweets, Instagram, TikTok) quoted by the article are content.
    "embed",
    "tweet",
    # HubSpot's layout cells: every block of its pages is a "widget-span".
    "widget-span",
)
_CONTENT_RE = re.compile("|".join(re.escape(w) for w in CONTENT_WORDS), re.IGNORECASE)


def remove_matching(
    tree: LexborHTMLParser,
    table: SelectorSet,
    allowed: Callable[[LexborNode], bool] = lambda _: True,
    present: Present | None = None,
) -> None:
    """Remove the elements matching `table` that `allowed` lets go.

    A match inside an element already let go is not asked about; a match the
    guard keeps may still lose the matches inside it.
    """
    chosen: list[LexborNode] = []
    chosen_ids: set[int] = set()
    for node in table.matches(tree, present):
        if is_root(node) or has_ancestor_in(node, chosen_ids) or not allowed(node):
            continue
        chosen.append(node)
        chosen_ids.add(node.mem_id)
    remove_all(chosen)


def _is_weak(node: LexborNode, rule: re.Pattern[str] = _WEAK_RE) -> bool:
    """A class token that *starts* with a weak word ("sidebar-left", "widget"),
    and no token that names content. A heading's "header" class names the heading
    itself ("header-anchor-post", "section-header"), not the page's header."""
    words = attr_words(node)
    if node.tag in HEADING_TAGS:
        words = _HEADER_TOKEN.sub(" ", words)
    return bool(rule.search(words)) and not _CONTENT_RE.search(words)


_HEADER_TOKEN = re.compile(r"(?:^|(?<=\s))header[\w-]*", re.IGNORECASE)


def starts_with_related_wording(text: str) -> bool:
    # "[Related: …]", "(See also: …)" and "【相关阅读】" set in brackets, as some newsrooms print them.
    lowered = text.lstrip(" \t\n»›>•-–—|:[(【［").lower()
    return lowered.startswith(INLINE_RELATED_PREFIXES) or (
        not lowered.isascii() and lowered.startswith(CJK_RELATED_PREFIXES)
    )


def _has_related_wording(root: LexborNode) -> bool:
    """Whether the wording appears anywhere under `root`: a box's text is a
    stretch of its page's text, so a page without it has no box to find."""
    text = collapse(root.text(deep=True, separator=" ") or "").lower()
    # Forty substring scans in C beat one forty-way regex by far.
    if any(prefix in text for prefix in INLINE_RELATED_PREFIXES):
        return True
    return has_east_asian(text) and any(prefix in text for prefix in CJK_RELATED_PREFIXES)


@dataclass(frozen=True, slots=True)
class Pruned:
    """What pruning learnt about the page."""

    discussion: bool
    """The page is a discussion (forum topic, Q&A): its posts are the content."""


class Pruner:
    """Applies the tables to one tree."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree

    def remove_weak(self, root: LexborNode, guard: Guard, present: Present, article: bool = False) -> None:
        """Outermost first: an element inside one already let go is not asked about.
        On a page that calls itself an `article`, `ARTICLE_WEAK_WORDS` are weak too.

        Lexbor finds the elements whose class or id holds a weak word anywhere
        (`_weak_candidates`, in C); the word rules proper run on those alone.
        Matches come in document order, so an element is judged before
        anything inside it is removed, as a top-down walk would.
        """
        chosen: list[LexborNode] = []
        chosen_ids: set[int] = set()
        seen: set[int] = set()
        words, rule = (
            (WEAK_WORDS + ARTICLE_WEAK_WORDS, _ARTICLE_WEAK_RE) if article else (WEAK_WORDS, _WEAK_RE)
        )
        query = _weak_candidates(present, words)
        for node in root.css(query) if query else []:
            if node.mem_id in seen:
                continue  # listed once per selector it matches
            seen.add(node.mem_id)
            if node.tag in CONTAINER_TAGS or has_ancestor_in(node, chosen_ids):
                continue
            if _is_weak(node, rule) and guard.may_remove_generic(node):
                chosen.append(node)
                chosen_ids.add(node.mem_id)
        remove_all(_less_the_content(chosen, guard.container))

    def remove_inline_related(self) -> None:
        """Remove "See also: <link>" boxes: short, led by the wording, mostly a link.

        The elements are read innermost first: an element around one whose text
        is too long for a box holds that text too, and is passed over unread
        (reading every wrapper of the article whole made most of this rule's cost).
        """
        body = self.tree.body
        if body is None or not _has_related_wording(body):
            return
        boxes = []
        too_long: set[int] = set()  # `mem_id`s; the tree is only read until the boxes go
        nodes = self.tree.css("p, div, aside, section, li, h2, h3, h4, h5, h6, strong, span, blockquote")
        for node in reversed(nodes):  # the elements inside an element come before it
            if node.mem_id in too_long:
                continue
            text = collapse(node.text(deep=True, separator=" ") or "")
            if len(text) > 300:
                _mark_with_ancestors(node, too_long)
                continue
            if not text or not starts_with_related_wording(text):
                continue
            if node.css_first("a") is not None:
                boxes.append(box_of(node))
            elif len(text) < 40:
                # A label alone ("Read also:"), its links in the list that follows.
                box = box_of(node)
                boxes.append(box)
                links = _list_after(box)
                if links is not None:
                    boxes.append(links)
        boxes.reverse()  # in document order, as the elements come
        remove_all(boxes)


# Weak matches holding all but this share of the main container's text are its
# sections, named by the page's own subject: a privacy policy's "legal-section"s, a
# news page's "latest-post"s. Past it they stay, however their class reads.
MAX_WEAK_SHARE_OF_CONTAINER = 6 / 7


def _less_the_content(chosen: list[LexborNode], container: LexborNode | None) -> list[LexborNode]:
    """`chosen` less its members inside `container`, when those hold nearly all its text."""
    if container is None:
        return chosen
    within = {container.mem_id}
    inside = [node for node in chosen if has_ancestor_in(node, within)]
    if not inside:
        return chosen
    held = sum(text_length(node) for node in inside)
    if held < MAX_WEAK_SHARE_OF_CONTAINER * text_length(container):
        return chosen
    kept = {node.mem_id for node in inside}
    return [node for node in chosen if node.mem_id not in kept]


# A list under a "Read also:" label is its box's when it is this much links and this short.
MIN_LABELLED_LIST_LINK_DENSITY = 0.8
MAX_LABELLED_LIST_CHARS = 800


def _list_after(label: LexborNode) -> LexborNode | None:
    """The list of links right after a related-content label, if one follows it."""
    following = label.next
    while following is not None and following.tag == "-text" and not (following.text_content or "").strip():
        following = following.next
    if following is None or following.tag not in ("ul", "ol"):
        return None
    if text_length(following) > MAX_LABELLED_LIST_CHARS:
        return None
    return following if link_density(following) >= MIN_LABELLED_LIST_LINK_DENSITY else None


def _mark_with_ancestors(node: LexborNode, ids: set[int]) -> None:
    """Add `node` and the elements around it to `ids`, which holds the ancestors of
    each of its members: an element's text holds the text of each element inside
    it, whole words between its own, so it is at least as long once collapsed."""
    current: LexborNode | None = node
    while current is not None and current.mem_id not in ids:
        ids.add(current.mem_id)
        current = current.parent


def _may_have_article_headers(present: Present) -> bool:
    """Tags only go from the page, and `present` listed them before pruning: without
    an <article> and a <header> there is nothing to count and nothing to match."""
    return "<article" in present.keys and "<header" in present.keys


def prune(
    tree: LexborHTMLParser, article: bool = False, present: Present | None = None, shop: bool = False
) -> Pruned:
    """Remove boilerplate from `tree` in place; say what kind of page it is.

    `article`: the page calls itself an article (OpenGraph, JSON-LD, microdata).
    `present`: the page's index (`Present.of`), when the caller has listed it already.
    `shop`: the page offers a product (`scraper.pagetype.is_product_page` or `sells_product`)
    and is no article.

    0. consent notices by their wording and buttons (`scraper.notices`), and
       signup boxes by their forms' fields;
    1. elements that never carry text (scripts, embeds, controls);
    2. find the likely article container and protect it (`Guard`);
    3. hidden elements, where the guard allows;
    4. the plugin tables (consent, comments, share, related, newsletter),
       anywhere but the protected container and its ancestors;
    5. the chrome table and forms, where the guard allows (an article's own
       header too, unless the page is a list of <article>s);
    6. weak class/id words, where the guard allows;
    7. sections under recommendation headings ("Similar items"), by wording and links,
       and author bios under theirs ("About the author");
    8. inline related boxes found by their wording;
    9. tag lists, by their links' rel="tag";
    10. slideshows of many slides, where the guard allows;
    11. on a shop's page, its customer reviews and its carousels of offers (other
        products, shipping deals).
    """
    # Listed once: removals only shrink it, and a superset is all matching needs.
    present = present if present is not None else Present.of(tree)
    # Before the controls go with the non-content tags: a notice is known by its buttons.
    remove_consent_notices(tree)
    disclosed = disclosed_ids(tree)
    # Before the fields that tell a signup form go with the non-content tags.
    remove_signup_boxes(tree, present, article)
    # ...and before forms go as chrome, though a form holding a post is its wrapper.
    unwrap_post_forms(tree, present)
    # Before the guard looks for the main container: a bar's slides can outweigh the page.
    remove_announcement_bars(tree, present)
    remove_matching(tree, NON_CONTENT, present=present)
    guard = Guard(tree, present, article, disclosed)
    remove_matching(tree, HIDDEN, guard.may_remove_hidden, present)
    remove_matching(tree, PLUGINS_BUT_COMMENTS if guard.discussion else PLUGINS, guard.may_remove, present)
    remove_matching(tree, CHROME, guard.may_remove_generic, present)
    if _may_have_article_headers(present) and len(tree.css("article")) <= MAX_ARTICLES_FOR_HEADERS:
        remove_matching(tree, ARTICLE_HEADER, guard.may_remove_generic, present)
    pruner = Pruner(tree)
    if tree.body is not None:
        pruner.remove_weak(tree.body, guard, present, article)
    # Sections first: a heading such as "You may also like" leads an inline box too,
    # and were that box to go alone, the teasers under it would stay.
    remove_other_posts(tree, present)
    remove_recommendation_sections(tree, guard)
    pruner.remove_inline_related()
    remove_tag_lists(tree)
    remove_galleries(tree, guard, present)
    if shop:
        remove_reviews(tree, present)
        remove_product_carousels(tree, present)
    return Pruned(discussion=guard.discussion)

"""What pruning may not remove: the likely main container and its ancestors, and
(for the generic rules) any element holding a large share of the page's text;
and whether the page is a discussion whose comment thread is its content."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import (
    has_ancestor_in,
    link_density,
    outermost,
    text_length,
)
from scraper.markup import COMMENTS, CONSENT, NOT_ARTICLE, collapsed
from scraper.scoring import main_candidate
from scraper.selectors import Present
from scraper.words import has_cjk

# A weak-rule element is boilerplate only if it holds less than this share
# of the page's text, or is mostly link text.
WEAK_MAX_TEXT_SHARE = 0.25
LINK_DENSITY_BOILERPLATE = 0.6
# Elements an article may live in: never pruned by the weak rules.
CONTAINER_TAGS = frozenset({"html", "body", "main", "article"})


# Below this much text beside a comment thread, the thread is the content.
MIN_ARTICLE_CHARS = 300
MIN_CJK_ARTICLE_CHARS = 100
CJK_SAMPLE_CHARS = 2_000
ARTICLE_SHARE_OF_THREAD = 0.25


class Guard:
    """Keeps pruning away from the article itself.

    Before any rule fires, the likely main container is found by a
    Readability-style score: every paragraph adds points for its length and
    commas to its parent, half to its grandparent, a third above that; the
    best total, discounted by link density, wins. That container and its
    ancestors are never removed, whatever their class says. Generic rules
    must also leave alone any element holding a large share of the page's
    text, unless it is mostly links.

    A comment thread may not be the article, however long it is, unless the
    page has no article besides it: then the page is a discussion (a forum
    topic, a Q&A page) and its posts are the content (`discussion`). A page
    that calls itself an article (`article_page`) is a discussion only when
    next to nothing stands beside the thread.
    """

    def __init__(
        self,
        tree: LexborHTMLParser,
        present: Present | None = None,
        article_page: bool = False,
        disclosed: frozenset[str] = frozenset(),
    ) -> None:
        present = present if present is not None else Present.of(tree)
        self.disclosed = disclosed
        body = tree.body
        self.total = text_length(body) if body is not None else 0
        self.protected: set[int] = set()
        not_article = NOT_ARTICLE.matches(tree, present)
        candidate = main_candidate(tree, not_article, present, article_page)
        # The comment selectors are among NOT_ARTICLE's: where it found nothing,
        # they find nothing, and their query (a walk of the page) is saved.
        threads = COMMENTS.matches(tree, present) if not_article else []
        thread = max((text_length(node) for node in threads), default=0)
        article = _text_beside(candidate, threads) if candidate is not None else 0
        # A page that calls itself an article is one, however long its thread;
        # otherwise an article shorter than a quarter of the thread is its opening post.
        share = 0.0 if article_page else ARTICLE_SHARE_OF_THREAD
        least = MIN_ARTICLE_CHARS
        sample = (candidate.text(deep=True) or "")[:CJK_SAMPLE_CHARS] if thread and candidate else ""
        if has_cjk(sample):
            # A character of Chinese or Japanese says what a word of English does.
            least = MIN_CJK_ARTICLE_CHARS
        self.discussion = thread > 0 and article < max(least, share * thread)
        if self.discussion:
            candidate = main_candidate(tree, CONSENT, present)
        self.container = candidate
        """The likely main container itself (None on a page without paragraphs)."""
        while candidate is not None:
            self.protected.add(candidate.mem_id)
            candidate = candidate.parent

    def may_remove(self, node: LexborNode) -> bool:
        return node.mem_id not in self.protected

    def may_remove_hidden(self, node: LexborNode) -> bool:
        """Hidden text goes, however long, unless it is the article's container or
        one click away: a collapsed panel (`collapsed`), or one a control discloses
        that is not mostly links (a disclosed panel of links is a menu)."""
        disclosed = node.attributes.get("id") in self.disclosed
        if collapsed(node) or (disclosed and link_density(node) < LINK_DENSITY_BOILERPLATE):
            return False
        return self.may_remove(node)

    def may_remove_generic(self, node: LexborNode) -> bool:
        if not self.may_remove(node):
            return False
        length = text_length(node)
        return length <= WEAK_MAX_TEXT_SHARE * self.total or link_density(node) >= LINK_DENSITY_BOILERPLATE


def _text_beside(container: LexborNode, threads: list[LexborNode]) -> int:
    """Text of `container` outside the comment threads inside it: a wrapper of
    the whole page scores for its sidebar, but holds no article beside the thread."""
    inside = {container.mem_id}
    held = sum(text_length(node) for node in outermost(threads) if has_ancestor_in(node, inside))
    return text_length(container) - held

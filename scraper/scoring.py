"""Which container holds the article? A Readability-style score on selectolax.

Each paragraph-like element with at least `MIN_PARAGRAPH` characters gives
points for its length and its commas: all of them to its parent, half to its
grandparent, a third to the level above. A container starts from a bonus for
its tag and its class / id words (`POSITIVE_WORDS`, `NEGATIVE_WORDS`), and the
strongest few are discounted by their link density. Paragraphs inside
`excluded` subtrees (comment threads, consent dialogs) give no points, so a
long comment thread cannot outscore the article it hangs under.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import BLOCK_TAGS, SKIP_TAGS, LinkLengths, attr_words, flat_text, has_ancestor_in
from scraper.selectors import Present, SelectorSet

# Paragraph-like elements whose text feeds the container score.
SCORED_SELECTOR = "p, pre, td, blockquote, div, section"
MIN_PARAGRAPH = 25
# Class / id words that make a container more or less likely (Readability's lists, extended).
POSITIVE_WORDS = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|markdown|rich-?text",
    re.IGNORECASE,
)
NEGATIVE_WORDS = re.compile(
    r"(?<!label-)hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|"
    r"related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|card|nav",
    re.IGNORECASE,
)
# The same patterns without IGNORECASE, for names lower-cased first: on ASCII
# names (nearly all) they match exactly where the originals do, at a seventh of
# the cost. Other names keep the originals, whose case folding goes past
# `str.lower` (the Kelvin sign matches "k", the long s matches "s").
_POSITIVE_LOWER = re.compile(POSITIVE_WORDS.pattern)
_NEGATIVE_LOWER = re.compile(NEGATIVE_WORDS.pattern)
TAG_BONUS = {"div": 5, "article": 10, "main": 8, "section": 3, "pre": 3, "td": 3, "blockquote": 3}


@dataclass(slots=True)
class Scored:
    node: LexborNode
    score: float


def _class_weight(node: LexborNode) -> int:
    return _weight_of(attr_words(node))


# A page repeats its class names (a theme's "entry-content", a grid's cells), and
# ranks its containers twice (before pruning and after): each name is weighed once.
@functools.lru_cache(maxsize=4096)
def _weight_of(words: str) -> int:
    negative, positive = NEGATIVE_WORDS, POSITIVE_WORDS
    if words.isascii():
        words, negative, positive = words.lower(), _NEGATIVE_LOWER, _POSITIVE_LOWER
    weight = 0
    if negative.search(words):
        weight -= 25
    if positive.search(words):
        weight += 25
    return weight


def _own_text(node: LexborNode) -> str:
    """The text directly inside `node` and its inline children, not its blocks'."""
    parts = []
    # Whitespace-only text nodes (most of a wrapper's, between its blocks) would
    # strip to nothing: Lexbor skips them before they become Python objects.
    for child in node.iter(include_text=True, skip_empty=True):
        tag = child.tag
        if tag == "-text":
            parts.append((child.text_content or "").strip())
        elif tag not in BLOCK_TAGS and tag not in SKIP_TAGS:
            parts.append(flat_text(child))
    return "".join(parts)


Excluded = SelectorSet | list[LexborNode] | None
"""The subtrees whose paragraphs give no points: a table that finds them, or the elements it found."""


def _subtree_ids(tree: LexborHTMLParser, excluded: Excluded, present: Present | None) -> set[int]:
    if excluded is None:
        return set()
    nodes = excluded if isinstance(excluded, list) else excluded.matches(tree, present)
    return {node.mem_id for node in nodes}


def _raw_ranking(tree: LexborHTMLParser, excluded: Excluded, present: Present | None) -> list[Scored]:
    """The ten strongest containers before the link-density discount, best first."""
    skip = _subtree_ids(tree, excluded, present)
    scores: dict[int, Scored] = {}
    # Called twice a page over a few hundred elements: each Lexbor property read
    # (`tag`, `parent`, `attrs`) is a call, so each is read once per element.
    for node in tree.css(SCORED_SELECTOR):
        if skip and (node.mem_id in skip or has_ancestor_in(node, skip)):
            continue
        tag = node.tag
        # A wrapper's own text only: its paragraphs score for themselves.
        text = _own_text(node) if tag == "div" or tag == "section" else flat_text(node)
        length = len(text)
        if length < MIN_PARAGRAPH:
            continue
        points = 1 + text.count(",") + text.count("،") + text.count("，") + min(length / 100, 3)
        ancestor = node.parent
        for share in (1.0, 0.5, 1 / 3):
            if ancestor is None:
                break
            key = ancestor.mem_id
            held = scores.get(key)
            if held is None:
                # Only a new ancestor can be <html>: it is never scored, so never held.
                ancestor_tag = ancestor.tag or ""
                if ancestor_tag == "html":
                    break
                bonus = TAG_BONUS.get(ancestor_tag, 0) + _class_weight(ancestor)
                held = scores[key] = Scored(ancestor, bonus)
            held.score += points * share
            ancestor = ancestor.parent
    return sorted(scores.values(), key=lambda s: s.score, reverse=True)[:10]


# Readability.js's numbers: of the five strongest, three within three quarters of the best.
TOP_RIVALS = 5
MIN_RIVALS = 3
RIVAL_SHARE = 0.75


_DIGITS = re.compile(r"\d+")


def _template(node: LexborNode) -> tuple[str, str]:
    """A block's tag and class, numbers aside ("et_pb_text_3"): the blocks one builder
    module renders share it; an article and a sidebar's items do not."""
    return node.tag or "", _DIGITS.sub("", node.attributes.get("class") or "")


class Ranking:
    """The ten strongest containers that hold paragraphs, each score discounted by
    the container's link density, that discount measured only where it decides.

    The discount never raises a score that is not negative: a container whose
    raw score is under a bar (and not negative) is under it once discounted
    too, and its links need no measuring. The memo is keyed by `mem_id`: use
    a ranking only while its tree is not changed.
    """

    def __init__(self, raw: list[Scored], links: LinkLengths | None = None) -> None:
        self._raw = raw
        self._by_id = {scored.node.mem_id: scored for scored in raw}
        self._discounted: dict[int, float] = {}
        self._links = links if links is not None else LinkLengths()

    def _score(self, scored: Scored) -> float:
        key = scored.node.mem_id
        score = self._discounted.get(key)
        if score is None:
            score = self._discounted[key] = scored.score * (1 - self._links.density(scored.node))
        return score

    def best(self, widen: bool = False) -> Scored | None:
        """The container of the highest discounted score (the first of equals, in the
        raw ranking's order), the ones that cannot reach it unmeasured; with `widen`
        (an article's page), the ancestor it shares with close rivals (`_widened`)."""
        best: Scored | None = None
        for scored in self._raw:
            if best is not None and 0 <= scored.score <= best.score:
                continue
            score = self._score(scored)
            if best is None or score > best.score:
                best = Scored(scored.node, score)
        return self._widened(best) if widen and best is not None and best.score > 0 else best

    def _widened(self, best: Scored) -> Scored:
        """Readability.js's step for pages split into blocks: where `MIN_RIVALS` of the
        strongest `TOP_RIVALS` score within `RIVAL_SHARE` of the best, the nearest
        ancestor of the best that holds that many of them is the container. A page
        builder (Divi, Elementor) wraps each paragraph in a module of its own: the best
        is then one paragraph, and its rivals are the others. Unlike Readability's, a
        rival must be a block of the best's template (`_template`): a live blog's items
        in the sidebar score as high as an article's paragraphs, and are no part of it."""
        bar = RIVAL_SHARE * best.score
        template = _template(best.node)
        rivals = [
            scored.node
            for scored in self._raw[:TOP_RIVALS]
            if scored.node.mem_id != best.node.mem_id
            and _template(scored.node) == template
            and self._score(scored) >= bar
        ]
        if len(rivals) < MIN_RIVALS:
            return best
        ancestor = best.node.parent
        while ancestor is not None and ancestor.tag not in ("body", "html"):
            inside = {ancestor.mem_id}
            if sum(has_ancestor_in(rival, inside) for rival in rivals) >= MIN_RIVALS:
                return Scored(ancestor, best.score)
            ancestor = ancestor.parent
        return best

    def reaches(self, node: LexborNode, bar: float) -> bool:
        """Whether `node`'s discounted score is at least `bar` (0 if it is not among the ten)."""
        scored = self._by_id.get(node.mem_id)
        if scored is None:
            return bar <= 0.0
        if 0 <= scored.score < bar:
            return False
        return self._score(scored) >= bar


def rank_containers(
    tree: LexborHTMLParser,
    excluded: Excluded = None,
    present: Present | None = None,
    links: LinkLengths | None = None,
) -> Ranking:
    """The strongest containers, best first, their link densities measured where they
    decide (`links`: a memo of text lengths the caller shares, `scraper.dom.LinkLengths`)."""
    return Ranking(_raw_ranking(tree, excluded, present), links)


def main_candidate(
    tree: LexborHTMLParser, excluded: Excluded = None, present: Present | None = None, article: bool = False
) -> LexborNode | None:
    """The element most likely to hold the article, or None on a page without paragraphs;
    `article`: the page calls itself one (`Ranking.best`'s `widen`)."""
    best = rank_containers(tree, excluded, present).best(widen=article)
    return best.node if best is not None else None

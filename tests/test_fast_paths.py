"""The shortcuts taken for speed give the answers of the long way round."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper import clean, dom, markup
from scraper.body import link_holders
from scraper.clean import Pruner, _list_after, prune, starts_with_related_wording
from scraper.confidence import FULL_LENGTH_WORDS, agreement, confidence
from scraper.dom import LinkLengths, attr_words, collapse, flatten_deep, link_density, remove_all, text_length
from scraper.errors import ExtractionError
from scraper.extract import extract_html, word_count
from scraper.guard import ARTICLE_SHARE_OF_THREAD, MIN_ARTICLE_CHARS, Guard, _text_beside
from scraper.markup import COMMENTS, CONSENT, NOT_ARTICLE
from scraper.metadata import collect, extract_author, extract_date, regions, sources
from scraper.metadata.author import BYLINE_SELECTORS
from scraper.metadata.published import PUBLISHED_MARKUP
from scraper.metadata.regions import _holds_blocks, _nodes_after, short_texts_after_headline
from scraper.metadata.sources import _JSONLD_SCRIPTS
from scraper.pagetype import is_teaser_listing
from scraper.prepare import MAX_MARKUP_DEPTH, markup_depth
from scraper.scoring import (
    NEGATIVE_WORDS,
    POSITIVE_WORDS,
    Scored,
    _class_weight,
    _own_text,
    _raw_ranking,
    main_candidate,
    rank_containers,
)
from scraper.sections import box_of
from scraper.selectors import Present
from tests.conftest import ARTICLE_PARAGRAPHS, article_html, read_page
from tests.test_engines import listing_html


def score_containers(tree: LexborHTMLParser) -> list[Scored]:
    """The long way round: every one of the ten discounted by its link density, then sorted."""
    ranked = _raw_ranking(tree, None, None)
    for scored in ranked:
        scored.score *= 1 - link_density(scored.node)
    ranked.sort(key=lambda s: s.score, reverse=True)
    return ranked


def test_markup_depth_is_exact_where_it_may_pass_the_limit() -> None:
    html = "<div>" * 30 + "text" + "</div>" * 30
    assert markup_depth(html, limit=10) == 30
    # Many tags, little depth: scanned, and found shallow.
    assert markup_depth("<div><p>a</p></div>" * 20, limit=10) == 1


def test_markup_depth_skips_the_scan_for_a_page_with_few_tags() -> None:
    html = "<div>" * 5 + "text" + "</div>" * 5
    # Ten "<" cannot nest past 10: the bound is returned, within the limit.
    assert markup_depth(html, limit=10) == 10


def test_a_page_nested_past_the_limit_is_still_refused() -> None:
    deep = "<div>" * (MAX_MARKUP_DEPTH + 1) + "<p>deep</p>" + "</div>" * (MAX_MARKUP_DEPTH + 1)
    assert markup_depth(deep) == MAX_MARKUP_DEPTH + 1
    with pytest.raises(ExtractionError, match="nested"):
        extract_html(f"<html><body>{deep}</body></html>")


def test_link_lengths_give_link_density_on_nested_containers() -> None:
    tree = LexborHTMLParser(
        "<div id=outer><p>Some prose around <a href=/a>one link</a>.</p>"
        "<div id=inner><a href=/b>two</a> <a href=/c>three <b>bold</b></a> text</div></div>"
        "<div id=empty></div>"
    )
    links = LinkLengths()
    for selector in ("#inner", "#outer", "#inner", "#empty"):
        node = tree.css_first(selector)
        assert node is not None
        assert links.density(node) == link_density(node)
        assert links.density(node, node.css("a")) == link_density(node)
        assert links.length(node) == text_length(node)


def test_page_walks_share_one_memo_of_lengths(monkeypatch: pytest.MonkeyPatch) -> None:
    # The DOM engine's walks of one page (its body, the page's parts, the body less its
    # furniture) ask the same containers their lengths: each is measured once, until a
    # removal (`remove_link_paragraphs`) changes them.
    import scraper.dom
    import scraper.extract

    measured: list[int] = []
    real = scraper.dom.text_length

    def counting(node: LexborNode) -> int:
        measured.append(node.mem_id)
        return real(node)

    monkeypatch.setattr(scraper.dom, "text_length", counting)
    unmask = scraper.extract.unmask_for_engine

    def from_here(*args: Any) -> None:
        unmask(*args)
        measured.clear()  # pruning, before, changed the tree: lengths measured then are stale

    monkeypatch.setattr(scraper.extract, "unmask_for_engine", from_here)
    menu = "<ul class=nav>" + "".join(f"<li><a href=/s{i}>Section {i}</a></li>" for i in range(6)) + "</ul>"
    extract_html(article_html(extra_inside=menu), "https://news.example/a")
    assert measured
    assert len(measured) == len(set(measured))


@pytest.mark.parametrize(
    ("attrs", "weight"),
    [
        ("class='Article-Body'", 25),
        ("class='SIDEBAR'", -25),
        ("id='post-comments'", 0),  # "post" and "comment" both
        ("class='layout'", 0),
        ("class='café-sidebar'", -25),  # not ASCII: the IGNORECASE pattern
        ("class='\u017fidebar'", -25),  # the long s: "s" under IGNORECASE, not after str.lower
    ],
)
def test_class_weight_matches_without_regard_to_case(attrs: str, weight: int) -> None:
    node = LexborHTMLParser(f"<div {attrs}>x</div>").css_first("div")
    assert node is not None
    assert _class_weight(node) == weight
    words = attr_words(node)
    expected = -25 * bool(NEGATIVE_WORDS.search(words)) + 25 * bool(POSITIVE_WORDS.search(words))
    assert _class_weight(node) == expected


def test_lower_casing_keeps_every_character_a_word_character_or_not() -> None:
    # What lets confidence count the words of the lower-cased text.
    word = re.compile(r"\w")
    for char in map(chr, range(sys.maxunicode + 1)):
        lowered = char.lower()
        if len(lowered) == 1:
            assert bool(word.match(char)) == bool(word.match(lowered)), hex(ord(char))


def test_a_printable_character_is_no_whitespace_but_the_space_and_never_invisible() -> None:
    # What lets `collapse` only trim a printable line without two spaces in a row, in any script.
    for char in map(chr, range(sys.maxunicode + 1)):
        if char.isprintable():
            assert char == " " or not char.isspace(), hex(ord(char))
            assert char not in "\u200b\ufeff\u2060", hex(ord(char))


# Whitespace `str.split` knows (the ASCII control characters among it) beside letters.
SPACES_AND_LETTERS = st.text(
    alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2009\u3000ab\u00e9")
)


@given(st.text() | SPACES_AND_LETTERS)
@example("  two  spaces ")
@example("tab\tinside")
@example(" lead and trail ")
@example("unit\x1fseparator")
@example("Options\u200b and \ufeffmore\u2060")
@example("<p>\u200d</p> \u200cword\u200d 👩\u200d💻")
def test_collapse_is_split_and_join_without_zero_width_spaces(text: str) -> None:
    invisible = {0x200B: None, 0xFEFF: None, 0x2060: None}
    words = (word.strip("\u200c\u200d") for word in text.translate(invisible).split())
    assert collapse(text) == " ".join(word for word in words if word)


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
@example("Don't -- STOP_now!\t(2024)")
@example("Caf\u00e9 \u2019quoted\u2019 \u2014 dash")
def test_compare_key_of_ascii_text_is_the_folded_key(text: str) -> None:
    """The ASCII shortcut gives what case folding, NFKD and the accents dropped give."""
    translated = text.translate(sources._QUOTES).casefold()
    folded = unicodedata.normalize("NFKD", translated)
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    assert sources.compare_key(text) == collapse(sources._NON_WORD.sub(" ", bare))


def test_collapse_drops_zero_width_spaces_and_keeps_joiners() -> None:
    assert collapse("Options\u200b") == "Options"
    assert collapse("\ufeffword  soft\u200bbreak") == "word softbreak"
    assert collapse("می\u200cخواهم 👩\u200d💻") == "می\u200cخواهم 👩\u200d💻"


def test_collapse_drops_joiners_that_join_nothing() -> None:
    """A page builder's spacer paragraph ("<p>&zwj;</p>") is no line of text."""
    assert collapse("\u200d") == ""
    assert collapse(" \u200d\n") == ""
    assert collapse("word\u200c and \u200dmore") == "word and more"


@pytest.mark.parametrize(
    "text",
    ["Plain words, counted once. " * 40, "İstanbul İzmir İİİ " * 50, "ΑΣ Σ άλφα " * 60, ""],
)
def test_confidence_counts_the_words_as_written(text: str) -> None:
    counted = len(re.findall(r"\w+", text))
    expected = round(min(1.0, counted / FULL_LENGTH_WORDS) * agreement(text, text), 3)
    assert confidence(text, text) == expected


def test_texts_after_the_headline_pass_over_wordless_containers_only() -> None:
    tree = LexborHTMLParser(
        "<header>Site</header><h1>Headline</h1>"
        "<div class=meta><span>By <a>Jane Doe</a></span> <time>May 5, 2024</time></div>"
        "<section>Intro words <p>First paragraph.</p></section><a><em>Linked</em></a>"
    )
    texts = [(node.tag, text) for node, text in short_texts_after_headline(tree)]
    assert texts == [
        ("span", "By Jane Doe"),
        ("a", "Jane Doe"),
        ("time", "May 5, 2024"),
        ("section", "Intro words First paragraph."),
        ("p", "First paragraph."),
        ("a", "Linked"),  # no words of its own, but no block inside either
        ("em", "Linked"),
    ]


def test_own_text_ignores_whitespace_between_blocks() -> None:
    tree = LexborHTMLParser(
        "<div>\n  <p>Paragraph.</p>\n  Own words, <b>bold</b> \u00a0 <script>x()</script>"
        "\n\t<p>More.</p>\n</div>"
    )
    node = tree.css_first("div")
    assert node is not None
    assert _own_text(node) == "Own words,bold"


FIXTURES = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures").glob("*/source.html"))
LINK = "<a href='/x'>a link that is long enough, with a comma</a> "
LINKY_WRAPPER = (
    "<div class='links'>" + ("<p>" + LINK * 4 + "</p>") * 12 + "</div>"
    "<div class='story'><p>Prose of the story, long enough to count, with commas, and more.</p>"
    "<p>A second paragraph of the story, with a comma, long enough too.</p></div>"
)


@pytest.mark.parametrize("html", [LINKY_WRAPPER, "<p>short</p>", *(read_page(p) for p in FIXTURES)])
def test_main_candidate_is_the_best_scored_container(html: str) -> None:
    tree = LexborHTMLParser(html)
    ranked = score_containers(tree)
    best = main_candidate(tree)
    assert (best.mem_id if best is not None else None) == (ranked[0].node.mem_id if ranked else None)


def test_a_node_without_links_has_no_link_density() -> None:
    tree = LexborHTMLParser("<p>Plain prose and nothing else.</p>")
    node = tree.css_first("p")
    assert node is not None
    assert LinkLengths().density(node) == link_density(node) == 0.0


@pytest.mark.parametrize("html", [LINKY_WRAPPER, *(read_page(p) for p in FIXTURES)])
def test_a_ranking_measures_only_what_decides_but_answers_as_the_full_scores(html: str) -> None:
    tree = LexborHTMLParser(html)
    scores = {scored.node.mem_id: scored.score for scored in score_containers(tree)}
    ranking = rank_containers(tree)
    best = ranking.best()
    if not scores:  # a page with no paragraph to score (an app shell)
        assert best is None
        return
    assert best is not None
    assert scores[best.node.mem_id] == best.score == max(scores.values())
    others = [node for node in tree.css("div, section, article, main, body") if node.mem_id not in scores]
    for node in [scored.node for scored in score_containers(tree)] + others[:5]:
        for bar in (10.0, best.score * 0.2, best.score, 0.0, -5.0):
            assert ranking.reaches(node, bar) == (scores.get(node.mem_id, 0.0) >= bar)


NESTED_LINKS = (
    "<body><div id=w><ul><li><a href=/a>A</a></li><li><a href=/b>B <a href=/c>C</a></a></li></ul>"
    "<p>One <a href=/d>link</a> only.</p><div><a href=/e><span>E</span></a></div></div></body>"
)


@pytest.mark.parametrize("html", [NESTED_LINKS, LINKY_WRAPPER, *(read_page(p) for p in FIXTURES)])
def test_link_holders_are_the_elements_whose_query_finds_two_links(html: str) -> None:
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    holders = link_holders(tree.body)
    for node in tree.body.traverse(include_text=False):
        assert (node.mem_id in holders) == (len(node.css("a")) - (node.tag == "a") >= 2), node.html


@pytest.mark.parametrize("text", ["", "   ", "one", "Two words", "_under_score ünï 42", "a-b c_d, e.f " * 50])
def test_word_count_counts_what_findall_finds(text: str) -> None:
    assert word_count(text) == len(re.findall(r"\w+", text))


@pytest.mark.parametrize("text", ["", "   ", "one", "Two words", "Many words, " * 80, "_under_score ünï 42"])
def test_identical_bodies_agree_as_their_shingles_say(text: str) -> None:
    counted = len(re.findall(r"\w+", text))
    expected = round(min(1.0, counted / FULL_LENGTH_WORDS) * agreement(text, text), 3)
    assert confidence(text, text) == confidence(text, str(text)) == expected


def _walk_deep(root: LexborNode, max_depth: int) -> int:
    """The long way round for `flatten_deep`: the walk, with the Lexbor check told to find
    something on every page."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dom, "_deeper_than", lambda _depth: "*")
        return flatten_deep(root, max_depth)


def _nested(depth: int, around: str = "div") -> str:
    return f"<p>a</p><{around}>" + "<div>" * depth + "x<b>y</b>" + "</div>" * depth + f"</{around}>"


@pytest.mark.parametrize("around", ["div", "svg", "math", "table", "template", "noscript", "object"])
@pytest.mark.parametrize("depth", [0, 5, 196, 197, 198, 199, 200, 260])
def test_flatten_deep_skips_the_walk_only_where_it_finds_nothing(around: str, depth: int) -> None:
    html = _nested(depth, around)
    fast, slow = LexborHTMLParser(html), LexborHTMLParser(html)
    assert fast.root is not None and slow.root is not None
    assert flatten_deep(fast.root) == _walk_deep(slow.root, 200)
    assert fast.html == slow.html


@pytest.mark.parametrize("max_depth", [0, 1, 2, 3, 4, 8])
def test_flatten_deep_counts_levels_from_the_node_it_is_given(max_depth: int) -> None:
    # Levels above the node do not count: the Lexbor check sees them, the walk decides.
    html = "<section><article>" + _nested(4) + "</article></section>"
    fast, slow = LexborHTMLParser(html), LexborHTMLParser(html)
    inner_fast, inner_slow = fast.css_first("article"), slow.css_first("article")
    assert inner_fast is not None and inner_slow is not None
    assert flatten_deep(inner_fast, max_depth) == _walk_deep(inner_slow, max_depth)
    assert fast.html == slow.html


def _remove_inline_related_read_whole(tree: LexborHTMLParser) -> None:
    """The long way round for `Pruner.remove_inline_related` (its gate aside): every element read whole."""
    boxes = []
    for node in tree.css("p, div, aside, section, li, h2, h3, h4, h5, h6, strong, span, blockquote"):
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        if not text or len(text) > 300 or not starts_with_related_wording(text):
            continue
        if node.css_first("a") is not None:
            boxes.append(box_of(node))
        elif len(text) < 40:
            boxes.append(box_of(node))
            links = _list_after(boxes[-1])
            if links is not None:
                boxes.append(links)
    remove_all(boxes)


ARTICLE_PARAGRAPHS_HTML = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
SEE_ALSO = "<p>See also: <a href='/other'>Another story</a></p>"
INLINE_RELATED_PAGES = [
    # A box in a wrapper too long to be one, itself in the article.
    "<article><div>" + ARTICLE_PARAGRAPHS_HTML + SEE_ALSO + "</div>" + ARTICLE_PARAGRAPHS_HTML + "</article>",
    # Whitespace that makes a wrapper long only before it is collapsed.
    "<div>" + " \n\t " * 200 + "<span>Read more <a href='/x'>here</a></span>" + " " * 500 + "</div>",
    # Nested boxes, a box that is all the wording (no link, short), one just past 300 characters.
    "<div><div><span>Related: <a href='/a'>a</a></span></div><p>See also</p></div>"
    "<aside>Read also " + "word " * 58 + "<a href='/b'>b</a></aside>",
    "<section><li>Lire aussi <a href='/c'>c</a></li><strong>Siehe auch</strong></section>" * 3,
    "<p>Nothing of the kind here.</p>",
]


@pytest.mark.parametrize("html", [*INLINE_RELATED_PAGES, *(read_page(p) for p in FIXTURES)])
def test_inline_related_boxes_read_innermost_first_are_the_ones_read_whole(html: str) -> None:
    fast, slow = LexborHTMLParser(html), LexborHTMLParser(html)
    Pruner(fast).remove_inline_related()
    _remove_inline_related_read_whole(slow)  # without the gate, which only saves the search
    assert fast.html == slow.html


REPLY = "<div class='comment'><p>A reply, long enough to count, with a comma, or two.</p></div>"
THREAD = "<div id='comments'>" + REPLY * 6 + "</div>"
STORY = "<p>" + "Prose of the story, with a comma, and more. " * 20 + "</p>"
GUARD_PAGES = [
    "<article>" + STORY + "</article>" + THREAD,  # an article with its comments
    "<div class='post'><p>Opening post, short.</p></div>" + THREAD,  # a discussion
    "<div id='onetrust-banner-sdk'><p>We use cookies, and so do our partners, to measure things.</p></div>"
    "<main><p>" + "Body text of the page, with commas, long enough. " * 10 + "</p></main>",
]


def test_comment_selectors_are_among_the_not_article_ones() -> None:
    # What lets the guard skip the comment query where NOT_ARTICLE found nothing.
    assert set(COMMENTS.selectors) <= set(NOT_ARTICLE.selectors)


@pytest.mark.parametrize("article_page", [False, True])
@pytest.mark.parametrize("html", [*GUARD_PAGES, *(read_page(p) for p in FIXTURES)])
def test_the_guard_protects_what_the_long_way_round_protects(html: str, article_page: bool) -> None:
    tree = LexborHTMLParser(html)
    present = Present.of(tree)
    guard = Guard(tree, present, article_page)
    # The long way: the comment query always asked, the candidate found by the table.
    candidate = main_candidate(tree, NOT_ARTICLE, present)
    threads = COMMENTS.matches(tree, present)
    thread = max((text_length(node) for node in threads), default=0)
    article = _text_beside(candidate, threads) if candidate is not None else 0
    share = 0.0 if article_page else ARTICLE_SHARE_OF_THREAD
    discussion = thread > 0 and article < max(MIN_ARTICLE_CHARS, share * thread)
    if discussion:
        candidate = main_candidate(tree, CONSENT, present)
    protected = set()
    while candidate is not None:
        protected.add(candidate.mem_id)
        candidate = candidate.parent
    assert (guard.discussion, guard.protected) == (discussion, protected)


HEADER = "<header><h1>Headline</h1><p class='byline'>By Jane Doe, with a comma, on May 5</p></header>"
PRUNE_PAGES = [
    "<article>" + HEADER + STORY + "</article>",  # an article's header
    HEADER + "<main>" + STORY + "</main>",  # a header, no article
    "<article>" + STORY + "</article>" * 2,  # articles, no header
    "<article>" + HEADER + STORY + "</article>" * 4,  # a list of articles: their headers stay
    "<div>" + STORY + "</div>",
    # A slideshow dropped into an article, its class in capitals.
    "<article>" + STORY + "<div class='Photo-GALLERY'><ul>" + "<li>Slide</li>" * 9 + "</ul></div></article>",
]


@pytest.mark.parametrize("html", [*PRUNE_PAGES, *(read_page(p) for p in FIXTURES)])
def test_pruning_without_index_shortcuts_removes_the_same(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The shortcuts that trust `Present` to say what a page lacks (no <article>
    # and <header>, no gallery class) skip only queries that would find nothing.
    fast, slow = LexborHTMLParser(html), LexborHTMLParser(html)
    fast_pruned = prune(fast)
    monkeypatch.setattr(clean, "_may_have_article_headers", lambda present: True)
    monkeypatch.setattr(Present, "matchable", lambda self, selectors: selectors)
    assert prune(slow) == fast_pruned
    assert fast.html == slow.html


@pytest.mark.parametrize(
    ("selector", "names", "may"),
    [
        ("[class*='gallery' i], [class*='carousel' i]", {".photo-gallery"}, True),
        ("[class*='gallery' i], [class*='carousel' i]", {".photos", "#gallery"}, False),  # an id
        ("[class*='gallery' i], div.carousel", {".photos", "<div"}, False),  # no .carousel either
        ("[class*='gallery' i], div.carousel", {".carousel", "<div"}, True),  # another kind of selector
        ("[class*='Gallery' i]", {".my-gallery"}, True),
    ],
)
def test_class_words_are_looked_for_in_the_class_names(selector: str, names: set[str], may: bool) -> None:
    assert bool(Present(frozenset(names)).matchable(selector)) is may


JSONLD = '<script type=\'application/ld+json\'>{"@type": "NewsArticle"}</script>'
MIXED_HEAD = (
    "<html><head><meta name='a' content='1'>" + JSONLD + "<meta property='og:title' content='T'></head><body>"
    "<meta itemprop='datePublished' content='2024-03-05'>"
    + JSONLD.replace("ld+json", "json+ld")
    + "<svg><script type='application/ld+json'>{}</script></svg><script>var x;</script></body></html>"
)


@pytest.mark.parametrize("html", [MIXED_HEAD, *(read_page(p) for p in FIXTURES)])
def test_one_query_for_meta_tags_and_json_ld_gives_each_kind_in_order(html: str) -> None:
    # What `collect` relies on: told apart by tag, the joint query lists what the two would.
    tree = LexborHTMLParser(html)
    found = tree.css(f"meta, {_JSONLD_SCRIPTS}")
    assert [n.mem_id for n in found if n.tag == "meta"] == [n.mem_id for n in tree.css("meta")]
    assert [n.mem_id for n in found if n.tag != "meta"] == [n.mem_id for n in tree.css(_JSONLD_SCRIPTS)]


# Pages whose bylines and datelines each group of selectors finds, in the cases
# the index folds: capitals, ids, names holding the word, quirks mode.
MARKED_PAGES = [
    "<div class='Post-Byline'><a rel='author' href='/author/jane/'>Jane Doe</a></div>"
    "<time datetime='2024-03-05' class='entry-Published'>March 5</time>",
    "<!DOCTYPE html><div id='AuthorBox'><span class='FN'>Jane Doe</span></div>"
    "<abbr class='Published' title='2024-03-05'>Mar 5</abbr>"
    "<div class='hentry'><abbr class='updated' title='x'>y</abbr></div>",
    "<p class='WRITER'>By Jane Doe</p>"
    "<article><header><time datetime='2024-03-05'>x</time></header></article>",
    "<div class='p-author h-card'><a class='p-name'>Jane Doe</a></div><span data-author>Jane Doe</span>",
]
GROUPS = (*BYLINE_SELECTORS, *PUBLISHED_MARKUP, "time[datetime]", "a[href]:not([href^='#']), p.lead")


@pytest.mark.parametrize("html", [*MARKED_PAGES, *(read_page(p) for p in FIXTURES)])
def test_matchable_selectors_find_what_the_whole_group_finds(html: str) -> None:
    # A selector the index rules out matches nothing: the rest of its group finds the same elements.
    tree = LexborHTMLParser(html)
    present = Present.of(tree)
    for group in GROUPS:
        query = present.matchable(group)
        found = [n.mem_id for n in tree.css(query)] if query else []
        assert found == [n.mem_id for n in tree.css(group)], group


@pytest.mark.parametrize("html", [*MARKED_PAGES, *(read_page(p) for p in FIXTURES)])
def test_author_and_date_with_the_index_are_those_without(html: str) -> None:
    tree = LexborHTMLParser(html)
    meta = collect(tree)
    present = Present.of(tree)
    assert extract_author(tree, meta, None, present) == extract_author(tree, meta)
    assert extract_date(tree, meta, None, present) == extract_date(tree, meta)


@pytest.mark.parametrize(
    ("selector", "keys", "may"),
    [
        ("time[datetime]", {"<div"}, False),
        ("article header time", {"<article", "<time"}, False),  # every compound needs its tag
        (".author .fn", {".author", ".fn"}, True),
        (".author .fn", {".author"}, False),
        ("#byline", {"#byline"}, True),
        ("[id*='byline']", {"#post-byline"}, True),
        ("[id*='byline']", {".byline"}, False),
        ("[class*='Byline']", {".post-byline"}, True),  # lower-cased, as the index is
        ("[class~='fn']", {".fn"}, True),
        ("[class~='fn']", {".fnx"}, False),
        ("[class*='by line']", set(), True),  # a value with a space: not read
        ("[class*=byline]", set(), True),  # unquoted: not read
        ("[data-author]", set(), True),
        ("a:not(.byline)", {"<a"}, True),
        ("div:not(.byline)", {"<a"}, True),  # pseudo-classes: not read at all
        ("a > b + i ~ s", {"<a", "<b", "<i", "<s"}, True),
        ("a > b + i ~ s", {"<a", "<b", "<i"}, False),
        ("*.fn", {".fn"}, True),
    ],
)
def test_a_selector_may_match_unless_the_index_lacks_what_it_needs(
    selector: str, keys: set[str], may: bool
) -> None:
    assert Present(frozenset(keys)).may_match(selector) is may


def test_matchable_keeps_a_group_with_a_comma_in_a_value_whole() -> None:
    group = "[title='a, b'], .x"
    assert Present(frozenset()).matchable(group) == group
    assert Present(frozenset()).matchable(".x, .y") == ""
    assert Present(frozenset({".y"})).matchable(".x,.y , p") == ".y"


NESTED = (
    "<div><p>Before <b>x</b></p><h1>Head <i>line</i></h1><!-- c --><span>One <a>two</a></span>"
    "<section><ul><li>Item</li></ul>Tail</section></div><footer><p>Foot</p></footer>"
)


@pytest.mark.parametrize("html", [NESTED, *(read_page(p) for p in FIXTURES)])
def test_nodes_after_an_element_are_those_a_walk_from_the_body_lists_past_it(html: str) -> None:
    tree = LexborHTMLParser(html)
    body = tree.body
    assert body is not None
    for start in [*tree.css("h1, h2, p, li")[:20], body]:
        for text in (False, True):
            walked = [node.mem_id for node in body.traverse(include_text=text)]
            past = walked[walked.index(start.mem_id) + 1 :]
            assert [node.mem_id for node in _nodes_after(start, body, text)] == past
    outside = tree.css_first("head")
    assert outside is not None and list(_nodes_after(outside, body)) == []


@pytest.mark.parametrize("limit", [1, 3, 32])
@pytest.mark.parametrize("html", [NESTED, *(read_page(p) for p in FIXTURES)])
def test_holding_blocks_is_what_lexbor_finds(html: str, limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Short walks in Python, and Lexbor's query past the limit, answer as the query would.
    monkeypatch.setattr(regions, "BLOCK_WALK_LIMIT", limit)
    tree = LexborHTMLParser(html)
    for node in tree.css("span, a, em, b, i, strong, font, label, div, p")[:300]:
        assert _holds_blocks(node) is (node.css_first(regions._BLOCKS) is not None), node.html


@pytest.mark.parametrize("html", [NESTED, MIXED_HEAD, *(read_page(p) for p in FIXTURES)])
def test_present_reads_ids_and_classes_as_the_attribute_dicts_give_them(html: str) -> None:
    tree = LexborHTMLParser(html)
    root = tree.root
    assert root is not None
    ids = {node.attributes.get("id") for node in root.css("[id]")}
    names = " ".join([node.attributes.get("class") or "" for node in root.css("[class]")])
    keys = Present.of(tree).keys
    assert {key for key in keys if key[0] == "#"} == {"#" + ident.lower() for ident in ids if ident}
    assert {key for key in keys if key[0] == "."} == {"." + name for name in set(names.lower().split())}


@pytest.mark.parametrize(
    "html", [listing_html(6), listing_html(3), NESTED, *(read_page(p) for p in FIXTURES)]
)
def test_a_teaser_listing_is_told_with_the_index_from_before_pruning_as_without(html: str) -> None:
    tree = LexborHTMLParser(html)
    present = Present.of(tree)
    prune(tree, present=present)
    assert is_teaser_listing(tree, present) is is_teaser_listing(tree)


TABLES = [
    markup.NON_CONTENT,
    markup.HIDDEN,
    markup.COMMENTS,
    markup.CONSENT,
    markup.PLUGINS,
    markup.PLUGINS_BUT_COMMENTS,
    markup.NOT_ARTICLE,
    markup.CHROME,
    markup.ARTICLE_HEADER,
]
DIALOGS = (
    "<div role='dialog' id='Privacy-Terms'><p>Terms</p></div><div id='sp_message_container_1'>x</div>"
    "<div id='my-modal' class='AD-slot'>y</div><div class='ad-top Disclosure'>z</div>"
)


@pytest.mark.parametrize("html", [DIALOGS, *PRUNE_PAGES, *(read_page(p) for p in FIXTURES)])
def test_a_table_matches_what_all_its_selectors_match(html: str) -> None:
    # The selectors the index rules out (keyed, or by what they need of class and id names) match nothing.
    tree = LexborHTMLParser(html)
    present = Present.of(tree)
    for table in TABLES:
        everything = {node.mem_id: node for node in tree.css(", ".join(table.selectors))}
        assert [node.mem_id for node in table.matches(tree, present)] == list(everything)

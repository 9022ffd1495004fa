"""The indexed selector tables match exactly what Lexbor matches selector by selector."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import markup
from scraper.selectors import Present, SelectorSet
from tests.conftest import read_page

FIXTURES = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures").glob("*/source.html"))
TABLES = {
    "non-content": markup.NON_CONTENT,
    "hidden": markup.HIDDEN,
    "plugins": markup.PLUGINS,
    "chrome": markup.CHROME,
    "not-article": markup.NOT_ARTICLE,
}


def _one_by_one(tree: LexborHTMLParser, table: SelectorSet) -> set[int]:
    return {node.mem_id for selector in table.selectors for node in tree.css(selector)}


@pytest.mark.parametrize("table", TABLES.values(), ids=list(TABLES))
@pytest.mark.parametrize("source", FIXTURES, ids=[p.parent.name for p in FIXTURES])
def test_same_matches_as_lexbor_one_selector_at_a_time(source: Path, table: SelectorSet) -> None:
    tree = LexborHTMLParser(read_page(source))
    assert {node.mem_id for node in table.matches(tree)} == _one_by_one(tree, table)


def test_fixtures_exercise_the_tables() -> None:
    """The comparison above means something only if the fixtures hit the tables."""
    hits = sum(len(markup.PLUGINS.matches(LexborHTMLParser(read_page(p)))) for p in FIXTURES)
    assert hits >= 20


HTML = """<!doctype html><html><body>
<div id="Main" class="Post Entry"><p class="share-bar x">s</p></div>
<section class="comments"><aside class="a b">1</aside><aside class="a">2</aside></section>
<nav role="navigation">n</nav><div data-x="y">d</div>
</body></html>"""


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("#Main", ["div"]),
        ("div#Main", ["div"]),
        ("p#Main", []),
        (".share-bar", ["p"]),
        ("p.share-bar", ["p"]),
        ("div.share-bar", []),
        (".a.b", ["aside"]),
        ("section.comments", ["section"]),
        ("nav", ["nav"]),
        ("[role='navigation']", ["nav"]),
        ("[data-x='y']", ["div"]),
        ("section aside", ["aside", "aside"]),
        (".absent", []),
    ],
)
def test_selector_forms(selector: str, expected: list[str]) -> None:
    tree = LexborHTMLParser(HTML)
    assert [node.tag for node in SelectorSet([selector]).matches(tree)] == expected


def test_an_element_matching_several_selectors_comes_once_in_document_order() -> None:
    tree = LexborHTMLParser(HTML)
    found = SelectorSet(["aside", ".a", "#Main", ".Post", "nav"]).matches(tree)
    assert [node.tag for node in found] == ["div", "aside", "aside", "nav"]


def test_present_lists_tags_ids_and_classes_lower_cased() -> None:
    keys = Present.of(LexborHTMLParser(HTML)).keys
    assert {"<div", "#main", ".post", ".entry", ".share-bar", "<nav"} <= keys
    assert ".Post" not in keys


def test_only_the_selectors_a_page_can_match_are_queried() -> None:
    table = SelectorSet(["#absent", ".gone", "div.comments", "section.comments", "[role='dialog']"])
    query = table.query(Present.of(LexborHTMLParser(HTML)))
    assert query == "div.comments, section.comments, [role='dialog']"


def test_a_custom_elements_tag_is_indexed_like_any_other() -> None:
    # Queried only where the page has the element; matched where it does.
    table = SelectorSet(["announcement-bar", "i-pwa-install", "x-card > p"])
    assert table.query(Present.of(LexborHTMLParser(HTML))) == ""
    tree = LexborHTMLParser("<announcement-bar><p>Free</p></announcement-bar><x-card><p>a</p></x-card>")
    assert [node.tag for node in table.matches(tree)] == ["announcement-bar", "p"]
    assert Present.of(tree).matchable("announcement-bar, i-pwa-install") == "announcement-bar"


def test_sum_and_difference_of_tables() -> None:
    a, b = SelectorSet([".x", ".y"]), SelectorSet([".y", ".z"])
    assert (a + b).selectors == (".x", ".y", ".y", ".z")
    assert a.without(b).selectors == (".x",)


def test_present_is_exactly_the_names_of_the_elements() -> None:
    tree = LexborHTMLParser(
        "<!-- a comment --><div id='' class='  A\tb  '><span ID=Top>x</span><p class>y</p>"
        "<template><i class='inside-template'></i></template></div>"
    )
    keys = Present.of(tree).keys
    assert {"<html", "<head", "<body", "<div", "<span", "<p", "<template", "#top", ".a", ".b"} <= keys
    assert "<-comment" not in keys and "#" not in keys and "." not in keys
    # Whatever Present lists, Lexbor's own selectors find on the page.
    for key in keys:
        selector = key[1:] if key[0] == "<" else key
        assert tree.css(selector), key

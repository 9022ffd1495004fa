"""The containers a theme names, found as trafilatura's cascade finds them."""

from __future__ import annotations

import lxml.html
import pytest
from selectolax.lexbor import LexborHTMLParser
from trafilatura.xpaths import BODY_XPATH

from scraper.named import named_containers
from scraper.scoring import _class_weight

# Each page marks its containers with data-n; the cascade's picks, in order.
PAGES = [
    # An article body's name beats an <article> that comes first.
    (
        "<article data-n='a'><div data-n='b' class='entry-content'><p>x</p></div></article>",
        ["b", "a"],
    ),
    ("<div data-n='a' itemprop='articleBody'><p>x</p></div>", ["a"]),
    ("<div data-n='a' class='post'><p>x</p></div><div data-n='b' class='post-wrap'></div>", ["a"]),
    # The first in document order wins within a stage.
    ("<div data-n='a' class='post-content'></div><div data-n='b' class='article-body'></div>", ["a"]),
    # A story's name, then the page's main content, then <main>.
    (
        "<main data-n='m'><div data-n='c' id='content'>"
        "<div data-n='s' class='story-content'></div></div></main>",
        ["s", "c", "m"],
    ),
    ("<div data-n='a' class='main-wrapper'></div><main data-n='b'></main>", ["a"]),
    ("<section data-n='a' class='Fulltext'><p>x</p></section>", ["a"]),
    # Names are case-sensitive, as there, but for "fulltext", "main-content" and "page-content".
    ("<div data-n='a' class='Article-Body'></div><div data-n='b' class='Page-Content'></div>", ["b"]),
    # Names the cascade does not read.
    ("<div class='sidebar'><p>x</p></div><span class='entry-content'>x</span>", []),
]


def _ours(html: str) -> list[str | None]:
    return [node.attributes.get("data-n") for node in named_containers(LexborHTMLParser(html))]


def _trafilaturas(html: str) -> list[str | None]:
    tree = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    picks: list[str | None] = []
    for expression in BODY_XPATH:
        found = next((node for node in expression(tree) if node is not None), None)
        if found is not None and found.get("data-n") not in picks:
            picks.append(found.get("data-n"))
    return picks


@pytest.mark.parametrize(("html", "expected"), PAGES)
def test_the_cascade_names_the_containers_trafilatura_names(html: str, expected: list[str]) -> None:
    assert _ours(html) == expected
    assert _trafilaturas(html) == expected


def test_a_container_named_by_two_stages_is_given_once() -> None:
    # The first <article> is also the first article body: read once, it held no body.
    html = "<article data-n='a' class='article-body'></article><article data-n='b'></article>"
    assert _ours(html) == ["a"]


def test_drupals_hidden_field_label_does_not_count_against_the_body() -> None:
    # "field--label-hidden": the field's label is hidden, not the field (the article's body).
    body = LexborHTMLParser("<div class='field field--name-body field--label-hidden'></div>").css_first("div")
    hidden = LexborHTMLParser("<div class='hidden'></div>").css_first("div")
    assert body is not None and hidden is not None
    assert _class_weight(body) > 0
    assert _class_weight(hidden) < 0

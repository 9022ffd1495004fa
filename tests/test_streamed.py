"""React's streaming SSR: parts sent hidden at the end of the body are moved into their slots."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract import extract_html
from scraper.streamed import reveal_streamed
from tests.conftest import ARTICLE_PARAGRAPHS, page

STREAMED = (
    "<body><div id=shell><!--$?--><template id='B:0'></template><p>Loading…</p><!--/$--></div>"
    "<p>Footer</p>"
    "<div hidden id='S:0'><p>First part</p><!--$?--><template id='B:1'></template><i>spin</i><!--/$-->"
    "<h2>Heading</h2></div><template id='P:2'></template>"
    "<div hidden id='S:1'><p>Nested part</p></div><div hidden id='S:2'><p>Segment</p></div>"
    "<div hidden id='S:9'><p>No slot</p></div>"
    '<script>$RC("B:0","S:0")</script></body>'
)


def test_parts_move_into_their_slots_in_place_of_the_fallback() -> None:
    tree = LexborHTMLParser(STREAMED)
    assert reveal_streamed(tree) == 3
    assert tree.body is not None
    shell = tree.css_first("#shell")
    assert shell is not None
    assert [p.text() for p in shell.css("p, h2")] == ["First part", "Nested part", "Heading"]
    assert "Loading" not in tree.body.text() and "spin" not in tree.body.text()
    assert tree.css_first("template") is None
    # A part with no slot stays as sent: hidden.
    assert [node.attributes.get("id") for node in tree.css("div[hidden]")] == ["S:9"]
    segment = tree.css_first("#shell ~ p + p")
    assert segment is not None and segment.text() == "Segment"


def test_a_page_without_streamed_parts_is_left_alone() -> None:
    html = "<body><div hidden id='menu'><p>Menu</p></div><template id='B:0'></template></body>"
    tree = LexborHTMLParser(html)
    before = tree.html
    assert reveal_streamed(tree) == 0
    assert tree.html == before


def test_an_article_streamed_in_parts_is_extracted_whole_and_in_order() -> None:
    first, second = ARTICLE_PARAGRAPHS[:2], ARTICLE_PARAGRAPHS[2:]
    html = page(
        "<main><article><h1>A test article</h1>"
        "<!--$?--><template id='B:0'></template><div class='skeleton'>Loading…</div><!--/$-->"
        "<!--$?--><template id='B:1'></template><div class='skeleton'>Loading…</div><!--/$-->"
        "</article></main>"
        f"<div hidden id='S:1'><section>{''.join(f'<p>{text}</p>' for text in second)}</section></div>"
        f"<div hidden id='S:0'><section>{''.join(f'<p>{text}</p>' for text in first)}</section></div>"
        '<script>$RC("B:1","S:1");$RC("B:0","S:0")</script>'
    )
    text = extract_html(html, "https://example.org/a").text
    assert text.split("\n")[-len(ARTICLE_PARAGRAPHS) :] == ARTICLE_PARAGRAPHS
    assert "Loading" not in text


def test_a_slot_inside_its_own_part_is_left_alone() -> None:
    """Markup no server sends: moving the part into itself would be a cycle."""
    html = "<body><div hidden id='S:0'><p>Inside</p><template id='B:0'></template><!--/$--></div></body>"
    tree = LexborHTMLParser(html)
    assert reveal_streamed(tree) == 0
    assert tree.css_first("div[hidden] template") is not None


def test_two_parts_of_one_name_fill_one_slot() -> None:
    html = (
        "<body><template id='B:0'></template>"
        "<div hidden id='S:0'>one</div><div hidden id='S:0'>two</div></body>"
    )
    tree = LexborHTMLParser(html)
    assert reveal_streamed(tree) == 1
    assert tree.body is not None
    assert tree.body.text(deep=False).strip() == "one"
    assert [node.text() for node in tree.css("div[hidden]")] == ["two"]


def test_a_fallback_holding_a_part_is_not_removed() -> None:
    html = (
        "<body><!--$?--><template id='B:0'></template><div hidden id='S:1'>one</div>"
        "<template id='B:1'></template><!--/$--><div hidden id='S:0'>zero</div></body>"
    )
    tree = LexborHTMLParser(html)
    assert reveal_streamed(tree) == 2
    assert tree.body is not None and "zero" in tree.body.text()

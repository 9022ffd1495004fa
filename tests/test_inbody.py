"""Furniture inside the article's container, and when the DOM engine is sure of its container."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.body import blocks_of, page_blocks, prose_share
from scraper.inbody import furniture
from tests.conftest import ARTICLE_PARAGRAPHS, page

PROSE = "".join(f"<p>{p} {p}</p>" for p in ARTICLE_PARAGRAPHS)


def _root(inner: str) -> LexborNode:
    node = LexborHTMLParser(page(f"<div id='root'>{inner}</div>")).css_first("#root")
    assert node is not None
    return node


def _found(inner: str) -> list[str]:
    return [" ".join(node.text().split()) for node in furniture([_root(inner)])]


@pytest.mark.parametrize(
    "markup",
    [
        "<span class='newsCaption'>The quay at dawn</span>",  # captions and credits in any casing
        "<div class='InlineImage-imageEmbedCredit'>Jane Roe | Daily Planet</div>",
        "<div class='share-tools'>Share on Mastodon</div>",
        "<div id='newsletter-box'>Sign up for the morning briefing</div>",
        "<ul class='most-popular'><li>Another story</li></ul>",
        "<div class='gallery-slide'>1 of 12</div>",
        "<section class='author-bio'>Jane writes about rivers.</section>",
        "<p style='display:none'>Hidden until a click</p>",
        "<div aria-hidden='true'>Close</div>",
        "<span class='sr-only hidden'>Opens in a new window</span>",
        "<div role='navigation'>Previous Next</div>",
        "<div class='video-embed'>Watch: the quay at dawn</div>",  # a short embed: a player, a credit
        "<div style='position:absolute; left:-9999px'><a href='https://spam.example'>Free themes</a></div>",
    ],
)
def test_furniture_named_by_class_id_or_style_is_found(markup: str) -> None:
    assert _found(PROSE + markup) != []


@pytest.mark.parametrize(
    "markup",
    [
        "<figure><img src='a.jpg'><figcaption>The quay at dawn</figcaption></figure>",  # a figure's caption
        "<blockquote class='pull-quote'>We were ready this time.</blockquote>",
        "<div class='timeshare'>A paragraph about holiday homes.</div>",  # 'shar' starts words only
        "<h2 class='section-title'>What happens next</h2>",
        # A card's duplicate link, hidden from screen readers but not from the eye.
        "<a href='/next-story' aria-hidden='true' tabindex='-1'>The quay at dawn, a year on</a>",
        # Custom HTML pasted into the article (Webflow's "w-embed"): a table, a profile.
        "<div class='w-embed'><table><tr><th>Company</th><th>Founded</th><th>Specialty</th></tr>"
        + "<tr><td>Harbour Movers of the North Quay</td><td>1998</td><td>Long-distance moves</td></tr>"
        + "<tr><td>Riverside Van Lines and Storage</td><td>2004</td><td>Storage and packing</td></tr>"
        + "<tr><td>Coastal Relocation Partners</td><td>2011</td><td>Office and laboratory moves</td></tr>"
        + "</table></div>",
        # ...and code, however short (a snippet in a "w-embed" block).
        "<div class='w-embed'><pre><code>article p {\n  max-width: 65ch;\n}</code></pre></div>",
        "<div class='w-embed'><table><tr><td>Oslo</td><td>12</td></tr></table></div>",
        # A recipe card's times and tags, whose class says "meta" (WP Recipe Maker).
        "<div class='wprm-recipe-meta-container wprm-recipe-times-container'>"
        + "<span class='wprm-recipe-time-label'>Prep Time</span> <span>15 mins</span></div>",
    ],
)
def test_article_parts_are_not_furniture(markup: str) -> None:
    assert _found(PROSE + markup) == []


def test_only_the_outermost_match_is_returned() -> None:
    box = "<div class='related-box'><ul class='most-popular'><li>Another story</li></ul></div>"
    assert _found(PROSE + box) == ["Another story"]


def test_nothing_is_found_when_the_matches_hold_nearly_all_the_text() -> None:
    # The words named the article's own wrapper ("entry-meta-wrap"): trust the container instead.
    assert _found(f"<div class='entry-meta-wrap'>{PROSE}</div>") == []


def test_blocks_of_leaves_out_the_dropped_elements_and_keeps_the_tree() -> None:
    root = _root(PROSE[: len(PROSE) // 2] + "<div class='share-tools'>Share on Mastodon</div>")
    dropped = frozenset(node.mem_id for node in furniture([root]))
    lines = [line for _, line in blocks_of([root], dropped)]
    assert "Share on Mastodon" not in lines and lines
    assert "Share on Mastodon" in [line for _, line in blocks_of([root])]


def test_a_web_address_as_a_link_is_a_line_of_the_article_not_of_the_page_chrome() -> None:
    cited = "<p><a href='https://example.org/report.pdf'>https://example.org/report.pdf</a></p>"
    html = page(f"<div id='root'>{PROSE}{cited}</div>")
    tree = LexborHTMLParser(html)
    root = tree.css_first("#root")
    assert root is not None
    assert ("p", "https://example.org/report.pdf") in blocks_of([root])
    assert ("p", "https://example.org/report.pdf") not in page_blocks(tree)


def test_prose_share_is_the_share_of_the_pages_prose_inside_the_roots() -> None:
    inside = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[:3])
    outside = f"<p>{ARTICLE_PARAGRAPHS[3]}</p>"
    short = "<p>Too short to be prose.</p>"
    links = f"<p><a href='/x'>{ARTICLE_PARAGRAPHS[2]}</a></p>"  # mostly links: not prose
    tree = LexborHTMLParser(page(f"<div id='root'>{inside}</div><div>{outside}{short}{links}</div>"))
    root = tree.css_first("#root")
    assert root is not None
    held = sum(len(p) for p in ARTICLE_PARAGRAPHS[:3])
    assert prose_share(tree, [root]) == pytest.approx(held / (held + len(ARTICLE_PARAGRAPHS[3])))
    assert prose_share(LexborHTMLParser(page("<div id='root'></div>")), []) == 0.0


def test_with_the_site_known_link_lists_to_other_sites_are_kept_and_the_sites_own_are_not() -> None:
    sources = (
        "<ul><li><a href='https://www.gov.example/report'>The flood report of the agency</a></li>"
        "<li><a href='https://news.example/story'>The story in the county paper</a></li></ul>"
    )
    related = (
        "<ul><li><a href='/2024/other-story'>Another story from this site</a></li>"
        "<li><a href='https://www.site.example/more'>And one more from this site</a></li></ul>"
    )
    root = _root(PROSE + sources + related)
    kept = [line for _, line in blocks_of([root], site="site.example")]
    assert "The flood report of the agency" in kept and "Another story from this site" not in kept
    plain = [line for _, line in blocks_of([root])]
    assert "The flood report of the agency" not in plain and "Another story from this site" not in plain


def test_a_list_articles_lists_within_the_site_are_its_body() -> None:
    """A list article ("List of programming languages"): its lists of links to the site's
    own pages outweigh its prose, and are its body, not its related posts."""
    entries = "".join(f"<li><a href='/wiki/Lang_{n}'>Language {n}</a></li>" for n in range(40))
    intro = "<p>This is an index to notable programming languages, in current or historical use.</p>"
    root = _root(intro + f"<ul>{entries}</ul>")
    lines = [line for _, line in blocks_of([root], site="wiki.example", list_article=True)]
    assert "Language 0" in lines and "Language 39" in lines
    # Read as any container (not an article's), the same lists are left out...
    assert "Language 0" not in [line for _, line in blocks_of([root], site="wiki.example")]
    # ...and an article's few related links beside its prose still are.
    related = _root(
        PROSE + "<ul><li><a href='/2024/a'>Another story from this site</a></li>"
        "<li><a href='/2024/b'>And one more from this site</a></li></ul>"
    )
    kept = [line for _, line in blocks_of([related], site="site.example", list_article=True)]
    assert "Another story from this site" not in kept

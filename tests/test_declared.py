"""A page's declared body (JSON-LD `articleBody`) stands in only where its markup has next to none."""

from __future__ import annotations

import json
from typing import Any

from scraper.declared import MIN_DECLARED_WORDS, declared_body, prefers_declared
from scraper.extract import DECLARED_TRUST, extract_html
from tests.conftest import ARTICLE_PARAGRAPHS, article_html, page

# Six paragraphs of some twenty words: past MIN_DECLARED_WORDS, and a full-length body.
DECLARED = [
    f"Paragraph {n} of the declared story says what the council decided about the harbour wall, "
    f"and what it will cost the town over {n + 2} years."
    for n in range(1, 8)
]
SHELL = "<div id='root'><div class='skeleton'></div><p>Loading…</p></div>"


def jsonld(*objects: dict[str, Any]) -> str:
    return "".join(f"<script type='application/ld+json'>{json.dumps(obj)}</script>" for obj in objects)


def news(body: str) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "articleBody": body}


def test_plain_text_body_splits_into_paragraphs_at_its_line_breaks() -> None:
    body = "\n\n".join(DECLARED[:2]) + "\n  Third &amp; last  line.  "
    expected = [("p", DECLARED[0]), ("p", DECLARED[1]), ("p", "Third & last line.")]
    assert declared_body([news(body)]) == expected


def test_markup_in_the_body_is_read_as_html() -> None:
    body = "<h2>The vote</h2><p>First <em>paragraph</em>.</p><ul><li>One</li><li>Two</li></ul>"
    assert declared_body([news(body)]) == [
        ("heading", "The vote"),
        ("p", "First paragraph."),
        ("item0", "One"),
        ("item0", "Two"),
    ]


def test_no_body_or_several_different_bodies_give_nothing() -> None:
    assert declared_body([{"@type": "NewsArticle", "headline": "H"}]) == []
    assert declared_body([news("One story."), news("Another story.")]) == []
    # The same body twice (an @graph and a second script) is one body.
    assert declared_body([news("One story."), news("One story.")]) == [("p", "One story.")]


def test_the_declared_body_wins_only_over_next_to_nothing() -> None:
    assert prefers_declared(0, MIN_DECLARED_WORDS)
    assert not prefers_declared(0, MIN_DECLARED_WORDS - 1)  # a teaser, not an article
    assert not prefers_declared(60, 400)  # the markup has a body of its own
    assert not prefers_declared(40, 60)  # ...most of the declared one


def test_a_client_rendered_page_gets_its_declared_body() -> None:
    html = page(SHELL, head=jsonld(news("\n\n".join(DECLARED))))
    article = extract_html(html, "https://example.org/story")
    assert article.text == "\n".join(DECLARED)
    # No second reading agrees with it: the confidence says so.
    assert article.confidence == DECLARED_TRUST


def test_a_page_with_a_body_in_its_markup_keeps_it() -> None:
    html = article_html().replace("</head>", jsonld(news("\n\n".join(DECLARED))) + "</head>")
    article = extract_html(html, "https://example.org/story")
    assert article.text == "\n".join(ARTICLE_PARAGRAPHS)


def test_a_shell_declaring_a_short_body_is_left_as_it_is() -> None:
    html = page(SHELL, head=jsonld(news("A two-line teaser of the story.\nRead it in the app.")))
    assert "teaser" not in extract_html(html, "https://example.org/story").text

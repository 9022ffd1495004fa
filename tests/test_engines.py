"""The DOM engine, the listing detector, discussion pages and confidence, on small hand-made pages."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract as extract_module
from scraper.body import blocks_of, choose_roots, page_blocks, page_parts, titles_length
from scraper.clean import prune
from scraper.confidence import agreement, confidence
from scraper.extract import extract_html
from scraper.pagetype import (
    is_article_page,
    is_discussion_page,
    is_product_page,
    is_teaser_listing,
    sells_product,
)
from tests.conftest import ARTICLE_PARAGRAPHS, FIXTURES, article_html, page, read_page

TEASER = (
    "<article class='post'><h2><a href='/p/{n}'>Story number {n} about the harbour</a></h2>"
    "<p>A short excerpt of story {n}, a sentence or two to make the reader click through.</p></article>"
)


def extract_blocks(tree: LexborHTMLParser, article: bool = False) -> list[tuple[str, str]]:
    """The DOM engine's blocks of a pruned tree: its container's, as `extract_html` reads them."""
    return blocks_of(choose_roots(tree, article))


def listing_html(cards: int, head: str = "", prose: str = "") -> str:
    items = "".join(TEASER.format(n=n) for n in range(cards))
    return page(f"<main><h1>Harbour news</h1>{prose}{items}</main>", head=head)


def test_dom_engine_writes_blocks_in_order() -> None:
    html = page(
        "<article><h1>T</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[:2])
        + "<h2>What next</h2><ul><li>First step, with detail</li><li>Second step</li></ul>"
        "<table><tr><th>Year</th><th>Level</th></tr><tr><td>1987</td><td>2.1 m</td></tr></table>"
        "<blockquote><p>We were ready this time.</p></blockquote>"
        "<figure><img src='x.jpg'><figcaption>The embankment at dawn. Photo: A. Reader</figcaption></figure>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[2:])
        + "</article>"
    )
    tree = LexborHTMLParser(html)
    prune(tree)
    blocks = extract_blocks(tree)
    assert ("heading", "What next") in blocks
    assert ("item0", "First step, with detail") in blocks
    assert ("row", "Year | Level") in blocks and ("row", "1987 | 2.1 m") in blocks
    assert ("quote", "We were ready this time.") in blocks
    assert ("p", "The embankment at dawn. Photo: A. Reader") in blocks
    texts = [text for _, text in blocks]
    assert texts.index(ARTICLE_PARAGRAPHS[0]) < texts.index("What next") < texts.index(ARTICLE_PARAGRAPHS[3])


def test_dom_engine_skips_link_lists_inside_the_body() -> None:
    related = (
        "<ul><li><a href='/a'>Another story entirely</a></li><li><a href='/b'>And one more</a></li></ul>"
    )
    tree = LexborHTMLParser(article_html(extra_inside=related))
    prune(tree)
    texts = [text for _, text in extract_blocks(tree)]
    assert "Another story entirely" not in texts
    assert ARTICLE_PARAGRAPHS[3] in texts


def test_teaser_listing_detected() -> None:
    tree = LexborHTMLParser(listing_html(6))
    prune(tree)
    assert is_teaser_listing(tree)


def test_a_section_front_that_calls_itself_an_article_is_a_listing() -> None:
    """CMSs put og:type article on every page, section fronts too: the cards tell."""
    html = listing_html(6, head="<meta property='og:type' content='article'>")
    tree = LexborHTMLParser(html)
    prune(tree)
    assert is_teaser_listing(tree)
    assert extract_html(html, "https://example.org/news/").confidence == 0.0


def test_listing_gives_its_teasers_with_no_confidence_of_an_article() -> None:
    """A listing's content is its column of teasers; the confidence says it is no article."""
    article = extract_html(listing_html(6), "https://example.org/news/")
    assert article.confidence == 0.0
    assert article.title is not None
    lines = article.text.split("\n")
    headlines = [line for line in lines if line.startswith("Story number")]
    assert len(headlines) == 6, article.text
    assert all(f"A short excerpt of story {n}," in article.text for n in range(6))


def test_few_cards_or_cards_beside_prose_are_not_a_listing() -> None:
    for html in (
        listing_html(3),
        listing_html(6, prose="".join(f"<p>{p * 3}</p>" for p in ARTICLE_PARAGRAPHS)),
        listing_html(
            6,
            head="<meta property='og:type' content='article'>",
            prose="".join(f"<p>{p * 3}</p>" for p in ARTICLE_PARAGRAPHS),
        ),
    ):
        tree = LexborHTMLParser(html)
        prune(tree)
        assert not is_teaser_listing(tree)


CARD = (
    "<div class='card card--teaser'><a href='/p/{n}'><h3>Story number {n} about the harbour</h3></a>"
    "<span>A short excerpt of story {n}, a sentence or two to make the reader click through.</span></div>"
)


def cards_html(cards: int, card: str = CARD) -> str:
    items = "".join(card.format(n=n) for n in range(cards))
    return page(f"<main><h1>Harbour news</h1><div class='grid'>{items}</div></main>")


def test_cards_of_one_markup_are_a_listing_without_article_elements() -> None:
    """A theme that writes no <article>: sibling cards of one tag and class, each headed
    by a linked headline, are teasers as well."""
    tree = LexborHTMLParser(cards_html(6))
    prune(tree)
    assert is_teaser_listing(tree)
    article = extract_html(cards_html(6), "https://example.org/news/")
    assert article.confidence == 0.0
    assert all(f"Story number {n} about the harbour" in article.text for n in range(6))


def test_sibling_cards_are_no_listing_when_few_in_a_discussion_or_forum_posts() -> None:
    post = (
        "<div class='post bg1'><h3><a href='#p{n}'>Re: Story number {n} about the harbour</a></h3>"
        "<span>A short reply to story {n}, a sentence or two from another member.</span></div>"
    )
    for html, discussion in ((cards_html(3), False), (cards_html(6), True), (cards_html(6, post), False)):
        tree = LexborHTMLParser(html)
        prune(tree)
        assert not is_teaser_listing(tree, discussion=discussion)


FORUM_POST = (
    "<li class='comment'><div class='comment-author'>user{n}</div><div class='comment-content'>"
    "<p>Post {n}: I had the same problem with the pump, and replacing the seal fixed it for me after "
    "two weekends of trying everything else, so that is where I would start looking.</p></div></li>"
)


def test_comments_under_an_article_are_stripped() -> None:
    thread = "<div id='comments'><ol class='comment-list'>" + FORUM_POST.format(n=1) + "</ol></div>"
    text = extract_html(article_html(extra_outside=thread), "https://example.org/a").text
    assert "Post 1" not in text
    assert ARTICLE_PARAGRAPHS[0] in text


def test_a_comment_form_and_share_row_without_their_classes_are_stripped_in_german() -> None:
    # A theme that drops WordPress's classes: only the wording tells the form and the row.
    inside = "<p>Teilen: <a href='#'>Facebook</a> <a href='#'>X</a> <a href='#'>E-Mail</a></p>"
    form = (
        "<div><h3>Schreibe einen Kommentar <a href='#'>Antworten abbrechen</a></h3>"
        "<p>Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert</p>"
        "<p>Diese Website verwendet Akismet, um Spam zu reduzieren.</p></div>"
    )
    text = extract_html(article_html(extra_inside=inside, extra_outside=form), "https://example.de/a").text
    assert text.splitlines() == ARTICLE_PARAGRAPHS


def test_a_discussion_keeps_its_posts() -> None:
    posts = "".join(FORUM_POST.format(n=n) for n in range(1, 7))
    thread = f"<div id='comments'><ol class='comment-list'>{posts}</ol></div>"
    html = page(f"<main><h1>Pump keeps tripping</h1>{thread}</main>")
    text = extract_html(html, "https://forum.example.org/t/1").text
    assert "Post 1:" in text and "Post 6:" in text


def test_a_link_aggregators_story_is_its_comment_thread() -> None:
    """A story that is a link has no text of its own: its nested lists of comments,
    each reply a list inside its parent's item, are the page's content."""

    def comment(n: int, replies: str = "") -> str:
        return (
            f"<li class='subtree'><div class='details'><a href='/~user{n}'>user{n}</a> 2 hours ago</div>"
            f"<div class='comment_text'><p>Reply {n}: the lightweight clone trait has downsides I would "
            f"weigh before it lands, from what little I have read of it.</p></div>"
            f"<ol class='comments'>{replies}</ol></li>"
        )

    thread = "".join(comment(n, comment(n + 1, comment(n + 2))) for n in (1, 4, 7))
    html = page(
        "<main><h1><a href='https://elsewhere.example.org/goals'>Project goals for 2024</a></h1>"
        f"<p>via someone</p><ol class='comments comments1'>{thread}</ol></main>"
    )
    tree = LexborHTMLParser(html)
    assert prune(tree).discussion
    text = extract_html(html, "https://links.example.org/s/abc").text
    assert all(f"Reply {n}:" in text for n in range(1, 10))


def test_a_reply_quoting_an_earlier_post_does_not_repeat_it() -> None:
    posts = [FORUM_POST.format(n=n) for n in range(1, 7)]
    quoted = FORUM_POST.format(n=2).split("<p>")[1].split("</p>")[0]
    posts[4] = posts[4].replace("<p>", f"<blockquote><p>{quoted}</p></blockquote><p>", 1)
    thread = f"<div id='comments'><ol class='comment-list'>{''.join(posts)}</ol></div>"
    html = page(f"<main><h1>Pump keeps tripping</h1>{thread}</main>")
    text = extract_html(html, "https://forum.example.org/t/3").text
    assert text.count(quoted) == 1
    assert "Post 1:" in text and "Post 5:" in text and "Post 6:" in text


def test_a_product_box_rendered_twice_is_read_once() -> None:
    box = (
        "<div class='product-info'><h2>Rambler 20 oz Tumbler with MagSlider Lid</h2><p>$35.00</p>"
        "<p>A go-to for coffee on the go, made of stainless steel with double-wall insulation.</p></div>"
    )
    details = "".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    html = page(
        "<meta property='og:type' content='product'>"
        f"<main><div class='mobile-only'>{box}</div><div class='desktop-only'>{box}</div>{details}</main>"
    )
    text = extract_html(html, "https://shop.example.org/p/1").text
    assert text.count("A go-to for coffee on the go") == 1
    assert ARTICLE_PARAGRAPHS[0] in text


def test_slides_rendered_for_desktop_and_for_phones_are_read_once() -> None:
    # An agency's home page: each slide of its showcase twice, one after the other, once
    # for wide screens and once for phones; the stylesheet shows one of them.
    slides = [
        ("Universal Appeal", "Increasing attendance and awareness of a space museum in small-town Kansas."),
        ("The Picture of Health", "A collaborative approach brought leadership into the creative process."),
        ("Lift Off", "Branding a beer on a mission to benefit a museum and stand out in a crowded space."),
    ]
    showcase = "".join(
        f"<section class='scroll-slide {screen}'><div class='slide-headline'>{name}</div>"
        f"<div class='slide-copy'><p>{copy}</p></div></section>"
        for name, copy in slides
        for screen in ("desktop", "mobile")
    )
    intro = "<p>We are a marketing agency that makes brands people remember, from Kansas to the coasts.</p>"
    text = extract_html(
        page(f"<main>{intro}{showcase}</main>", title="Agency"), "https://agency.example/"
    ).text
    for name, copy in slides:
        assert text.count(name) == 1 and text.count(copy) == 1, text


def test_a_discussion_inside_a_page_wrapper_keeps_its_posts() -> None:
    """The best-scoring container is a wrapper of the whole page (its sidebar scores
    too): the thread inside it is no article beside the thread."""
    posts = "".join(FORUM_POST.format(n=n) for n in range(1, 7))
    topics = "".join(f"<div class='topic'><p>Featured topic {n}, with 4 replies</p></div>" for n in range(4))
    html = page(
        f"<div class='wrap'><div class='top'>{topics}</div><h1>Pump keeps tripping</h1>"
        f"<div id='comments'><ol>{posts}</ol></div><div class='bottom'>{topics}</div></div>"
    )
    text = extract_html(html, "https://forum.example.org/t/2").text
    assert "Post 1:" in text and "Post 6:" in text


def test_content_inside_noscript_is_read_when_the_page_is_a_shell() -> None:
    """Apps rendered in the browser ship their content in <noscript> for crawlers."""
    posts = "".join(FORUM_POST.format(n=n) for n in range(1, 7))
    shell = page(
        "<div id='app'><p>Something went wrong while loading this site.</p></div>"
        f"<noscript><main><h1>Pump keeps tripping</h1><ol class='posts'>{posts}</ol></main></noscript>"
    )
    text = extract_html(shell, "https://forum.example.org/d/3").text
    assert "Post 1:" in text and "Post 6:" in text
    # A page with its own content keeps its small <noscript> out.
    nag = "<noscript><p>Please enable JavaScript to use all the features of this site.</p></noscript>"
    text = extract_html(article_html(extra_outside=nag), "https://example.org/a").text
    assert "enable JavaScript" not in text and ARTICLE_PARAGRAPHS[0] in text


def test_confidence_tracks_agreement_and_length() -> None:
    long_text = " ".join(ARTICLE_PARAGRAPHS * 4)
    assert agreement(long_text, long_text) == 1.0
    assert agreement(long_text, "") == 0.0
    assert confidence(long_text, long_text) == 1.0
    assert confidence("Too short to be an article.", "Too short to be an article.") < 0.1
    assert 0.0 < confidence(long_text, " ".join(ARTICLE_PARAGRAPHS)) < 1.0


def test_extracted_article_is_confident() -> None:
    html = article_html().replace(
        "</article>", "".join(f"<p>{p}</p>" for p in reversed(ARTICLE_PARAGRAPHS)) * 3 + "</article>"
    )
    assert extract_html(html, "https://example.org/a").confidence >= 0.5


def test_dom_engine_drops_short_lines_that_are_only_links() -> None:
    html = page(
        "<main><h2><a href='/guide'>The guide</a></h2>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
        + "<p><a href='/login'>Log in</a></p>"
        + "<p><a href='/rss'>RSS feed</a> | <a href='/x'>Archive</a></p>"
        "<p><a href='/story'>A linked sentence that runs on well past five words</a></p>"
        "<p>Read the <a href='/report'>full report</a>.</p></main>"
    )
    lines = [line for _, line in extract_blocks(LexborHTMLParser(html))]
    assert "The guide" in lines  # a heading stays, link or not
    assert "Log in" not in lines
    assert not any("RSS feed" in line for line in lines)
    assert "A linked sentence that runs on well past five words" in lines
    assert "Read the full report." in lines


SERVICE_SECTIONS = [
    (
        "Plumbing",
        "Our engineers fix leaking pipes, blocked drains and broken boilers across the county, all week.",
    ),
    (
        "Heating",
        "We install and service gas and heat-pump systems, and we give a written quote before any work.",
    ),
    (
        "Emergencies",
        "A call-out within two hours, day or night, with no extra charge for weekends or public holidays.",
    ),
    (
        "Guarantee",
        "Every repair carries a twelve-month guarantee on parts and labour, honoured by our own staff.",
    ),
]


def _engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the address of every call to the main engine."""
    calls: list[str] = []
    real = extract_module.main_content

    def spy(html: str, url: str | None, comments: bool = False, retry: bool = True) -> object:
        calls.append(url or "")
        return real(html, url, comments=comments, retry=retry)

    monkeypatch.setattr(extract_module, "main_content", spy)
    return calls


def test_a_page_that_is_not_an_article_is_left_to_the_dom_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _engine_calls(monkeypatch)
    body = "".join(f"<section><h2>{h}</h2><p>{p} {p}</p></section>" for h, p in SERVICE_SECTIONS)
    result = extract_html(page(f"<main><h1>Services</h1>{body}</main>"))
    assert calls == []
    assert all(h in result.text and p in result.text for h, p in SERVICE_SECTIONS)
    assert result.confidence > 0.5


def test_a_footers_small_print_that_outweighs_the_page_is_not_taken_for_its_body() -> None:
    """An insurer's disclosures in the footer outweigh the page's sections, and the DOM
    engine reads them as the body; the page's own reading (outside the chrome) shares
    few of their words, so the DOM engine's body is not the page's."""
    legal = "".join(
        f"<p>Disclosure {n}: coverage is underwritten by a third party insurer and subject to the "
        "terms, conditions, limits and exclusions of the policy issued in your state of residence.</p>"
        for n in range(14)
    )
    plan = (
        "<h2>Plan option {n}</h2><p>Accident and illness plan number {n} pays back up to ninety percent "
        "of eligible vet bills after the deductible, for dogs and cats of any age, with no cap on visits, "
        "on exams, or on the prescriptions a vet writes for them.</p>"
    )
    sections = "".join(plan.format(n=n) for n in range(6))
    html = page(
        f"<header><nav><a href='/'>Home</a></nav></header><main><h1>Pet insurance</h1>{sections}</main>"
        f"<footer><div class='copyright'>© 2025 Example Insurance</div><div class='disclosures'>{legal}</div>"
        "</footer>"
    )
    text = extract_html(html).text
    assert all(f"Accident and illness plan number {n} pays" in text for n in range(6))


def test_an_article_whose_container_holds_its_prose_is_left_to_the_dom_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _engine_calls(monkeypatch)
    paragraphs = [f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS]
    # Furniture named by its class between two paragraphs: a picture credit.
    paragraphs.insert(2, "<span class='imageCredit'>Jane Roe for the Daily Planet</span>")
    head = "<meta property='og:type' content='article'>"
    result = extract_html(
        page(f"<main><article><h1>A test article</h1>{''.join(paragraphs)}</article></main>", head=head)
    )
    assert calls == []
    assert ARTICLE_PARAGRAPHS[0] in result.text and ARTICLE_PARAGRAPHS[3] in result.text
    assert "Jane Roe" not in result.text
    assert result.confidence > 0.5


def test_a_page_that_is_not_an_article_with_a_sure_container_skips_the_main_engine_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _engine_calls(monkeypatch)
    paragraphs = "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    # Half the page beside the container is short facts, no prose: the page, not the container, is
    # the content of a page that does not call itself an article.
    facts = "".join(f"<li>Opening hours on day {n}: nine to five, closed for lunch</li>" for n in range(12))
    result = extract_html(page(f"<main><div class='intro'>{paragraphs}</div><ul>{facts}</ul></main>"))
    assert calls == []
    assert ARTICLE_PARAGRAPHS[0] in result.text and "Opening hours on day 11" in result.text


def test_a_sure_container_tells_the_pages_own_links_by_its_canonical_address() -> None:
    # Read from a mirror (a local server): the page's own og:url says which site it belongs to.
    paragraphs = "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    related = (
        "<ul><li><a href='https://www.site.example/2024/one'>Harbour wall plans go to council vote</a></li>"
        "<li><a href='https://www.site.example/2024/two'>Ferry timetable changes for winter</a></li></ul>"
    )
    sources = (
        "<ul><li><a href='https://gov.example/report'>The flood report of the agency</a></li>"
        "<li><a href='https://paper.example/story'>The story in the county paper</a></li></ul>"
    )
    head = (
        "<meta property='og:type' content='article'><meta property='og:url' content='https://site.example/x'>"
    )
    html = page(
        f"<main><article><h1>A test article</h1>{paragraphs}{related}{sources}</article></main>", head=head
    )
    for url in ("https://site.example/x", "http://127.0.0.1:8000/x.html", None):
        text = extract_html(html, url).text
        assert "The flood report of the agency" in text
        assert "Harbour wall plans go to council vote" not in text


def test_a_malformed_address_does_not_stop_the_extraction() -> None:
    # The page's site is read from its address when it names none itself; "http://[::1" has none.
    assert ARTICLE_PARAGRAPHS[0] in extract_html(article_html(), "http://[::1").text


def _prose_outside(container: str, paragraphs: str = "") -> str:
    """An article in `container`, a quarter of the page's prose in another branch of the page."""
    paragraphs = paragraphs or "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    first, second, third, fourth = ARTICLE_PARAGRAPHS[:4]
    more = f"<p>{second} {third}</p><p>{first} {fourth}</p>"
    elsewhere = f"<div class='below'><div><section>{more}</section></div></div>"
    head = "<meta property='og:type' content='article'>"
    return page(container.format(f"<h1>A test article</h1>{paragraphs}") + elsewhere, head=head)


def test_an_article_in_a_container_no_theme_name_marks_is_read_by_the_dom_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _engine_calls(monkeypatch)
    # The container may not be all, and no theme names it: the main engine would have no
    # named container to start from either, and read the page by its generic fallbacks.
    result = extract_html(_prose_outside("<div class='column'>{}</div>"))
    assert calls == []
    assert ARTICLE_PARAGRAPHS[0] in result.text and ARTICLE_PARAGRAPHS[3] in result.text


def test_an_article_in_a_container_its_theme_names_is_read_from_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _engine_calls(monkeypatch)
    # The same page, its container named as article bodies are: two opinions that agree.
    for container in ("<main><article>{}</article></main>", "<div class='entry-content'>{}</div>"):
        result = extract_html(_prose_outside(container))
        assert ARTICLE_PARAGRAPHS[0] in result.text and ARTICLE_PARAGRAPHS[3] in result.text
        assert "below" not in result.text
    assert calls == []


def test_a_named_container_with_less_than_the_dom_body_leaves_the_choice_to_the_main_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _engine_calls(monkeypatch)
    # The theme names only the first half of the body: one of the two opinions missed a part.
    paragraphs = [f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS]
    body = f"<div class='entry-content'>{''.join(paragraphs[:2])}</div>{''.join(paragraphs[2:])}"
    extract_html(_prose_outside("<div class='column'>{}</div>", body))
    assert len(calls) == 1


def test_a_named_container_elsewhere_on_the_page_leaves_the_choice_to_the_main_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _engine_calls(monkeypatch)
    # As many words as the DOM engine's body, in another place: the two read different things.
    steps = "".join(f"<li>{p} {p} {p}</li>" for p in ARTICLE_PARAGRAPHS)
    extract_html(_prose_outside("<div class='column'>{}</div>") + f"<article><ol>{steps}</ol></article>")
    assert len(calls) == 1


def test_a_short_body_gets_the_main_engine_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _engine_calls(monkeypatch)
    # Three short paragraphs: under the words a named container, or the DOM engine alone, is trusted with.
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[:3])
    head = "<meta property='og:type' content='article'>"
    extract_html(page(f"<div class='column'><h1>A test article</h1>{paragraphs}</div>", head=head))
    assert len(calls) == 1


def test_microdata_declares_an_article() -> None:
    html = page("<div itemscope itemtype='https://schema.org/NewsArticle'><p>Text</p></div>")
    assert is_article_page(LexborHTMLParser(html), [])
    assert not is_article_page(
        LexborHTMLParser(page("<div itemscope itemtype='https://schema.org/Product'></div>")), []
    )


def test_a_websites_front_page_of_microdata_articles_is_no_article() -> None:
    """A blog's front page marks up each teaser as the Article it links to; OpenGraph
    calls the page itself a website. One or two items are the page's own article."""
    website = "<meta property='og:type' content='website'>"

    def teasers(count: int) -> str:
        item = "<article itemscope itemtype='https://schema.org/Article'>"
        item += "<h2><a href='/p{n}'>Post {n}</a></h2></article>"
        return "".join(item.format(n=n) for n in range(count))

    assert not is_article_page(LexborHTMLParser(page(teasers(3), head=website)), [])
    assert is_article_page(LexborHTMLParser(page(teasers(2), head=website)), [])
    assert is_article_page(LexborHTMLParser(page(teasers(5))), [])  # no OpenGraph type
    assert is_article_page(LexborHTMLParser(page(teasers(5), head=website)), [{"@type": "BlogPosting"}])


@pytest.mark.parametrize("kind", ["article", "post", "blog", "Post"])
def test_a_blog_themes_opengraph_post_declares_an_article(kind: str) -> None:
    html = page("<p>Text</p>", head=f"<meta property='og:type' content='{kind}'>")
    assert is_article_page(LexborHTMLParser(html), [])


@pytest.mark.parametrize("kind", ["website", "product", "profile", "postal"])
def test_other_opengraph_types_declare_no_article(kind: str) -> None:
    html = page("<p>Text</p>", head=f"<meta property='og:type' content='{kind}'>")
    assert not is_article_page(LexborHTMLParser(html), [])


def test_headlines_of_other_stories_between_paragraphs_are_dropped_from_an_article() -> None:
    head = "<meta property='og:type' content='article'>"
    paragraphs = [f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS]
    paragraphs.insert(
        2, "<p><strong><a href='/news/other-story'>Harbour wall to be rebuilt next spring</a></strong></p>"
    )
    paragraphs.insert(1, "<h3 id='timeline'><a href='#timeline'>How the night unfolded</a></h3>")
    paragraphs.append("<p>The council's <a href='/report'>full report</a> is online.</p>")
    html = page(f"<main><article><h1>A test article</h1>{''.join(paragraphs)}</article></main>", head=head)
    text = extract_html(html).text
    assert "Harbour wall to be rebuilt" not in text
    assert "How the night unfolded" in text  # a heading's own anchor is not a link away
    assert "The council's full report is online." in text
    assert ARTICLE_PARAGRAPHS[3] in text


def test_a_wrapper_with_prose_among_many_menus_is_not_a_link_list() -> None:
    """A home page's wrapper is mostly links by share of text; its prose still counts."""
    entries = "".join(f"<li><a href='/m/{n}'>Menu entry {n}</a></li>" for n in range(12))
    menus = f"<ul class='menu'>{entries}</ul>" * 4
    html = page(f"<div class='site'>{menus}<p>{ARTICLE_PARAGRAPHS[0]}</p></div>")
    tree = LexborHTMLParser(html)
    lines = [text for _, text in page_blocks(tree)]
    assert ARTICLE_PARAGRAPHS[0] in lines
    assert not any(line.startswith("Menu entry") for line in lines)


def test_a_page_made_of_link_lists_gives_its_lists() -> None:
    """A category page or a directory: its lists of links are its content, its chrome is not."""
    members = "".join(f"<li><a href='/wiki/L{n}'>Language number {n}</a></li>" for n in range(30))
    html = page(
        "<nav><a href='/'>Main page</a><a href='/random'>Random article</a></nav>"
        f"<main><h1>Category: Programming languages</h1><div class='members'><ul>{members}</ul></div></main>"
        "<footer><a href='/privacy'>Privacy policy</a><a href='/about'>About</a></footer>",
        title="Category: Programming languages",
    )
    text = extract_html(html, "https://wiki.example.org/wiki/Category:Programming_languages").text
    assert "Language number 0" in text and "Language number 29" in text
    assert "Privacy policy" not in text and "Random article" not in text


def test_page_blocks_skip_link_lists_unless_they_are_the_content() -> None:
    members = "".join(f"<li><a href='/wiki/L{n}'>Language number {n}</a></li>" for n in range(30))
    tree = LexborHTMLParser(page(f"<nav><a href='/'>Main page</a></nav><div><ul>{members}</ul></div>"))
    assert page_blocks(tree) == []
    lines = [text for _, text in page_blocks(tree, link_lists=True)]
    assert lines[0] == "Language number 0" and len(lines) == 30


def _catalogue_card(n: int) -> str:
    """A shop theme's product card: a picture's link, the vendor's, the product's name
    as a linked heading, and a price."""
    return (
        f"<div class='product-list-item'><figure><a href='/products/{n}'><img src='/i/{n}.jpg' alt=''></a>"
        "<span class='badge'>Only 3 left!</span></figure><div class='details'>"
        "<p class='vendor'><a href='/vendors?q=LODGE'>LODGE</a></p>"
        f"<h4 class='product-list-item-title'><a href='/products/{n}'>"
        f'CAST IRON SKILLET {n}" LODGE L{n}SK3</a></h4>'
        f"<p class='price'><span class='money'>${20 + n}.99 USD</span></p></div></div>"
    )


@pytest.mark.parametrize("head", ["", "<meta property='og:type' content='product.group'>"])
def test_a_catalogue_grid_gives_its_products_names(head: str) -> None:
    """A collection page's grid is mostly links, but links that are titles: its content,
    the products' names with their prices, not only the prices. OpenGraph calls such a
    page a group of products, not a product."""
    cards = "".join(_catalogue_card(n) for n in range(6, 18))
    html = page(
        "<header><nav><a href='/'>Home</a><a href='/shop'>Shop</a><a href='/about'>About</a></nav></header>"
        f"<main><h1>Lodge Cast Iron</h1><div class='collection-grid'>{cards}</div></main>"
        "<footer><a href='/privacy'>Privacy policy</a><a href='/terms'>Terms</a></footer>",
        title="Lodge",
        head=head,
    )
    lines = extract_html(html, "https://shop.example.com/collections/lodge").text.split("\n")
    assert 'CAST IRON SKILLET 6" LODGE L6SK3' in lines and 'CAST IRON SKILLET 17" LODGE L17SK3' in lines
    assert "$26.99 USD" in lines
    assert "Privacy policy" not in lines and "About" not in lines


def test_headline_columns_beside_an_article_stay_out() -> None:
    """A page that does not call itself an article, whose columns of headlines outweigh
    its story: the DOM engine's body is the story, and the headlines are no catalogue."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    teasers = "".join(
        f"<div class='teaser'><a href='/news/{n}'><img src='/i/{n}.jpg' alt=''></a>"
        f"<a href='/news/{n}'>Council approves plan number {n} for the new harbour wall</a></div>"
        for n in range(30)
    )
    html = page(
        f"<div class='page'><div class='story'><h1>Floods in the lower town</h1>{paragraphs}</div>"
        f"<div class='column'>{teasers}</div></div>",
        title="Floods in the lower town",
    )
    text = extract_html(html, "https://news.example.com/floods").text
    assert ARTICLE_PARAGRAPHS[0] in text and ARTICLE_PARAGRAPHS[-1] in text
    assert "Council approves" not in text


def test_page_parts_measure_lists_of_titles_not_menus() -> None:
    """The link lists a page's walk leaves out count toward a catalogue when their links
    are titles (pictures' links aside), not when they are a menu's single words."""
    menu = (
        "<ul>"
        + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "Shop", "Blog", "Contact"))
        + "</ul>"
    )
    tree = LexborHTMLParser(page(f"<div>{menu}</div><p>Opening hours: nine to five.</p>"))
    blocks, left_out = page_parts(tree)
    assert titles_length(left_out) == 0 and blocks == [("p", "Opening hours: nine to five.")]
    cards = "".join(_catalogue_card(n) for n in range(6, 9))
    tree = LexborHTMLParser(page(f"<div class='grid'>{cards}</div><p>Opening hours: nine to five.</p>"))
    blocks, left_out = page_parts(tree)
    assert titles_length(left_out) > 100 and not any("SKILLET" in line for _, line in blocks)
    assert ("p", "Opening hours: nine to five.") in blocks


def test_an_article_keeps_its_place_under_a_long_comment_thread() -> None:
    """A page that calls itself an article is no forum topic, however many comments it has."""
    posts = "".join(FORUM_POST.format(n=n) for n in range(1, 30))
    thread = f"<div id='comments'><ol class='comment-list'>{posts}</ol></div>"
    html = article_html(extra_outside=thread).replace(
        "</head>", "<meta property='og:type' content='article'></head>"
    )
    text = extract_html(html, "https://example.org/a").text
    assert ARTICLE_PARAGRAPHS[0] in text and "Post 1:" not in text


def test_a_page_builders_article_of_one_module_per_paragraph_is_no_forum_topic() -> None:
    """Divi and Elementor wrap each paragraph in a module of its own: the best-scoring
    container is then one paragraph, shorter than the comment thread under the article,
    and the page read as a discussion kept the comments. The modules of the best one's
    template that score as high widen it to their column (Readability.js's step)."""
    modules = "".join(
        f"<div class='et_pb_module et_pb_text et_pb_text_{i}'>"
        f"<div class='et_pb_text_inner'><p>{text}</p></div></div>"
        for i, text in enumerate(ARTICLE_PARAGRAPHS)
    )
    comments = "".join(
        "<li class='comment'><article class='comment-body'><div class='comment-content'>"
        f"<p>Reader {n} says this is exactly the kind of reporting our town needs, and thanks"
        " the reporter for it.</p></div></article></li>"
        for n in range(4)
    )
    html = page(
        "<main><article><h1>A test article</h1><div class='entry-content'><div class='et_pb_column'>"
        f"{modules}</div></div></article><section id='comment-wrap'><h1 id='comments'>4 Comments</h1>"
        f"<ol class='commentlist'>{comments}</ol></section></main>",
        head="<meta property='og:type' content='article'>",
    )
    text = extract_html(html, "https://example.org/a").text
    assert "Reader 1" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_short_chinese_story_is_no_forum_topic_for_its_comments() -> None:
    """A story of 200 characters says in Chinese what 600 do in English: beside a comment
    block it is still the article, and the comments go (a portal's page, og:type "news")."""
    story = "".join(
        f"<p>{text}</p>"
        for text in (
            "新京报讯（记者 王晓）今年春季学期起，多地小学开始试点“夜间托管”服务，"
            "放学后学生可在校内延时至晚上7点。",
            "据了解，托管期间学校提供简餐，并由教师和志愿者轮流值守。家长按月缴纳少量费用。",
            "“以前六点才下班，接孩子得请人帮忙。”一位家长说，现在终于可以安心加班。",
            "也有教师表示，延时服务增加了工作负担，希望相关部门完善补贴机制。",
        )
    )
    comments = "".join(
        f"<div class='comment'><span class='name'>{city}网友</span><p>{text}</p></div>"
        for city, text in (
            ("北京", "这个政策真的很实用，我们小区的家长都很支持。"),
            ("上海", "希望早点推广到我们这里，孩子放学太早了。"),
        )
    )
    html = page(
        "<div class='main-content'><h1>多地试点“夜间托管”</h1>"
        f"<div class='article' id='article'>{story}</div><div id='comments'>{comments}</div></div>",
        head="<meta property='og:type' content='news'>",
    )
    text = extract_html(html, "https://news.example.cn/c/2024-03-05/doc-1.shtml").text
    assert "夜间托管" in text and "这个政策" not in text and "希望早点推广" not in text


def _long_article() -> str:
    paragraphs = "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    head = "<meta property='og:type' content='article'>"
    return page(f"<main><article><h1>A test article</h1>{paragraphs}</article></main>", head=head)


def _main_engine_reads(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    """The main engine is asked, however sure the DOM engine is, and returns `lines`."""

    def fake(*_: object, **__: object) -> tuple[list[tuple[str, str]], str, int]:
        text = "\n".join(lines)
        return [("p", line) for line in lines], text, len(text.split())

    monkeypatch.setattr(extract_module, "_main_blocks", fake)
    monkeypatch.setattr(extract_module, "_sure_body", lambda *_: None)
    monkeypatch.setattr(extract_module, "_named_body", lambda *_: None)


def test_a_main_body_cut_short_gives_way_to_the_dom_body(monkeypatch: pytest.MonkeyPatch) -> None:
    # The first half of the article: every word of it in the DOM engine's body.
    _main_engine_reads(monkeypatch, [" ".join([p] * 3) for p in ARTICLE_PARAGRAPHS[:2]])
    result = extract_html(_long_article())
    assert all(paragraph in result.text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_shorter_main_body_of_other_text_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # As long, but words the DOM engine's body does not have: the engines
    # disagree about where the article is, and the main engine is trusted.
    other = "Quarterly figures released on Tuesday show that exports of timber rose sharply again."
    _main_engine_reads(monkeypatch, [other] * 6)
    result = extract_html(_long_article())
    assert other in result.text and ARTICLE_PARAGRAPHS[3] not in result.text


def test_an_articles_table_keeps_the_names_its_cells_link() -> None:
    rows = "".join(
        f"<tr><td><div><a href='https://store.example/app/{n}'>App number {n}</a></div></td>"
        f"<td>{n * 7}.1 MB</td><td>{n * 3}.4 MB (-{n + 40}%)</td></tr>"
        for n in range(1, 7)
    )
    table = f"<table><tr><th>Application</th><th>Original size</th><th>Patch size</th></tr>{rows}</table>"
    head = "<meta property='og:type' content='article'>"
    paragraphs = "".join(f"<p>{p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    result = extract_html(page(f"<article><h1>Smaller updates</h1>{paragraphs}{table}</article>", head=head))
    assert all(f"App number {n}" in result.text for n in range(1, 7))
    assert "21.1 MB" in result.text


def test_a_tables_empty_cell_keeps_the_columns_after_it_and_a_line_break_parts_words() -> None:
    rows = "".join(
        f"<tr><td>Station {n}</td><td>{n * 40}</td><td>{'' if n % 2 else 'yes'}</td>"
        "<td>late<br>count</td></tr>"
        for n in range(1, 7)
    )
    table = f"<table><tr><th>Station</th><th>Count</th><th>Checked</th><th>Note</th></tr>{rows}</table>"
    head = "<meta property='og:type' content='article'>"
    paragraphs = "".join(f"<p>{p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    html = page(f"<article><h1>Counts</h1>{paragraphs}{table}</article>", head=head)
    for blocks in (extract_blocks(LexborHTMLParser(html), article=True), None):
        text = "\n".join(line for _, line in blocks) if blocks is not None else extract_html(html).text
        assert "Station 1 | 40 |  | late count" in text
        assert "Station 2 | 80 | yes | late count" in text


@pytest.mark.parametrize("headline_in_cell", [True, False])
def test_a_chinese_layout_table_is_read_as_a_page_not_as_rows(headline_in_cell: bool) -> None:
    """An old portal's story in one cell of a layout table, beside a sidebar cell: its
    paragraphs stay paragraphs, though the story is shorter than an English cell's limit."""
    story = [
        "昨日午后，一场突如其来的暴雨袭击市区，部分低洼路段出现严重积水，多辆汽车在积水中熄火。",
        "交警部门随即启动应急预案，在积水路段设置警示标志，并疏导车辆绕行。",
        "市气象台表示，此次降雨具有强度大、持续时间短的特点，请市民出行注意安全。",
        "市排水部门已组织抢险队伍，对主要积水点进行排水作业。截至昨晚八时，大部分路段积水已经消退，交通基本恢复正常。",
    ]
    headline = "<h1>暴雨致多条道路积水</h1>"
    cell = (headline if headline_in_cell else "") + "".join(f"<p>{p}</p>" for p in story)
    sidebar = "<td><div>热点新闻</div><ul><li><a href='/c'>地铁二号线开通试运营</a></li></ul></td>"
    body = ("" if headline_in_cell else headline) + f"<table><tr><td>{cell}</td>{sidebar}</tr></table>"
    blocks = page_blocks(LexborHTMLParser(page(body, title="暴雨致多条道路积水")))
    assert [("p", p) for p in story] == [b for b in blocks if b[1] in story]
    assert not any(kind == "row" for kind, _ in blocks)


def test_a_data_table_with_long_english_cells_stays_a_table() -> None:
    note = "A note of a cell that runs on for a while, as a comparison table's cells do. " * 3
    rows = "".join(f"<tr><td>Plan {n}</td><td>{note}</td></tr>" for n in range(3))
    blocks = page_blocks(LexborHTMLParser(page(f"<h1>Plans</h1><table>{rows}</table>")))
    assert [kind for kind, _ in blocks].count("row") == 3


def test_part_of_samples_long_bodies_without_cutting_a_word() -> None:
    # Past the sample size the check reads the start of each text; a word cut
    # at the sample's edge must not count as missing.
    body = "lorem ipsum dolor sit amet consectetur " * 60_000  # 2.3 MB
    assert extract_module._part_of(body[: len(body) // 2], body)
    assert not extract_module._part_of("quarterly timber exports rose", body)


def _services_page(head: str = "") -> str:
    body = "".join(f"<section><h2>{h}</h2><p>{p} {p}</p></section>" for h, p in SERVICE_SECTIONS)
    return page(f"<main><h1>Services</h1>{body}</main>", head=head)


def test_a_page_that_is_not_an_article_is_the_whole_page_when_the_main_engine_keeps_a_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The DOM engine left undecided; the main engine keeps three sections of four.
    monkeypatch.setattr(extract_module, "_holds_the_page", lambda *_: False)
    _main_engine_reads(monkeypatch, [f"{p} {p}" for _, p in SERVICE_SECTIONS[:3]])
    result = extract_html(_services_page())
    assert all(h in result.text and p in result.text for h, p in SERVICE_SECTIONS)


def test_a_product_page_keeps_the_main_engines_product_box(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same part of the page, on a page that calls itself a product: the box is the content.
    monkeypatch.setattr(extract_module, "_holds_the_page", lambda *_: False)
    _main_engine_reads(monkeypatch, [f"{p} {p}" for _, p in SERVICE_SECTIONS[:3]])
    result = extract_html(_services_page(head="<meta property='og:type' content='product'>"))
    assert SERVICE_SECTIONS[0][1] in result.text
    assert SERVICE_SECTIONS[3][1] not in result.text


def test_product_pages_are_told_by_opengraph_or_json_ld() -> None:
    def og(kind: str) -> LexborHTMLParser:
        return LexborHTMLParser(page("", head=f"<meta property='og:type' content='{kind}'>"))

    assert is_product_page(og("product.item"), [])
    assert not is_product_page(og("product.group"), [])  # a collection of products
    assert is_product_page(LexborHTMLParser(page("")), [{"@type": ["Thing", "http://schema.org/Product"]}])
    assert not is_product_page(og("article"), [])
    assert not is_product_page(LexborHTMLParser(page("")), [{"@type": "Offer"}])


def test_a_page_offers_a_product_in_microdata_too() -> None:
    """`sells_product` reads microdata; `is_product_page` leaves it out, since
    rating widgets put microdata Products on pages that are not a shop's."""
    tree = LexborHTMLParser(page("<div itemscope itemtype='http://schema.org/Product'><h1>Dota 2</h1></div>"))
    assert sells_product(tree) and not is_product_page(tree, [])
    assert is_product_page(LexborHTMLParser(page("")), [{"@type": "Product"}])
    article = LexborHTMLParser(page("", head="<meta property='og:type' content='article'>"))
    assert not sells_product(article) and not is_product_page(article, [])


def test_a_page_with_a_buy_button_offers_a_product() -> None:
    """A shop's own buy button says the page sells one thing, where it declares no
    Product; a grid of products has one on every tile and sells many."""

    def tree(body: str) -> LexborHTMLParser:
        return LexborHTMLParser(page(f"<h1>Atomic Habits</h1>{body}"))

    assert sells_product(tree("<input type='submit' value='Add to Cart'>"))
    assert sells_product(tree("<button> Add to  basket </button><button>Buy Now</button>"))
    assert sells_product(tree("<a role='button' href='/cart'>In den Warenkorb</a>"))
    grid = "".join(f"<div><h3>Book {n}</h3><button>Add to cart</button></div>" for n in range(6))
    assert not sells_product(tree(grid))
    # A label that only starts like one is another control.
    assert not sells_product(tree("<button>Add to cart and save 10% on your first order today</button>"))
    assert not sells_product(tree("<button>Add to calendar</button>"))


def test_a_shops_reviews_are_left_out_of_its_product_page() -> None:
    reviews = (
        "<section class='product-reviews'><h2>Customer reviews</h2>"
        "<p>Bought five of these for the playroom, all sturdy, would buy again. Mary</p></section>"
    )
    body = (
        "<main><h1>Kallax shelf unit</h1>"
        "<p>Standing or lying, the shelf unit adapts to taste, space and budget: boxes make it yours.</p>"
        "<p>The simple design with clean lines makes it flexible and easy to use at home, in any room.</p>"
        f"{reviews}</main>"
    )
    product = extract_html(page(body, head="<meta property='og:type' content='product'>")).text
    assert "clean lines" in product and "Bought five" not in product
    # A shop that declares nothing, known by its buy button.
    buy = body.replace("</h1>", "</h1><form><input type='submit' value='Add to basket'></form>")
    undeclared = extract_html(page(buy)).text
    assert "clean lines" in undeclared and "Bought five" not in undeclared
    assert "Bought five" in extract_html(page(body)).text
    # An article that reviews the shelf keeps its readers' words as the page has them.
    review = extract_html(page(body, head="<meta property='og:type' content='article'>")).text
    assert "clean lines" in review


def _block_editor_article() -> str:
    """An article as a CMS block editor writes it: one template per run of paragraphs."""

    def block(paragraphs: list[str]) -> str:
        inner = "".join(f"<p>{p} {p}</p>" for p in paragraphs)
        return f"<div class='article__block'><div class='rich-text'>{inner}</div></div>"

    video = "<div class='article__embed'><iframe src='https://video.example/1'></iframe></div>"
    return page(
        "<article><h1>A test article</h1>"
        f"{block(ARTICLE_PARAGRAPHS[:2])}{video}{block(ARTICLE_PARAGRAPHS[2:3])}{video}"
        f"{block(ARTICLE_PARAGRAPHS[3:])}</article>"
    )


def test_an_article_split_into_blocks_of_one_template_is_read_whole() -> None:
    tree = LexborHTMLParser(_block_editor_article())
    prune(tree)
    texts = " ".join(text for _, text in extract_blocks(tree, article=True))
    assert all(p in texts for p in ARTICLE_PARAGRAPHS)
    # Elsewhere the best container stands alone: a service page's sections are the page's, not its.
    alone = " ".join(text for _, text in extract_blocks(tree))
    assert ARTICLE_PARAGRAPHS[0] in alone and ARTICLE_PARAGRAPHS[-1] not in alone


STEPS = [
    "Line the bottom of a medium box with crumpled packing paper before the first dish goes in.",
    "Wrap each plate in two sheets, pulling one corner of the paper over it at a time.",
    "Stand the wrapped plates on their edge, never flat, and fill the gaps with more paper.",
]


def _article_with_list() -> str:
    paragraphs = "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    steps = "<ul>" + "".join(f"<li>{s}</li>" for s in STEPS) + "</ul>"
    head = "<meta property='og:type' content='article'>"
    return page(f"<main><article><h1>A test article</h1>{paragraphs}{steps}</article></main>", head=head)


def test_an_article_keeps_the_lists_the_main_engine_took_for_menus(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every paragraph, none of the list: what it left out is list items.
    _main_engine_reads(monkeypatch, [" ".join([p] * 3) for p in ARTICLE_PARAGRAPHS])
    result = extract_html(_article_with_list())
    assert all(step in result.text for step in STEPS)
    assert all(paragraph in result.text for paragraph in ARTICLE_PARAGRAPHS)


def test_paragraphs_the_main_engine_left_out_stay_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # The list and all but one paragraph: what it left out is prose, its call.
    kept = [" ".join([p] * 3) for p in ARTICLE_PARAGRAPHS[:-1]] + STEPS
    _main_engine_reads(monkeypatch, kept)
    result = extract_html(_article_with_list())
    assert ARTICLE_PARAGRAPHS[-1] not in result.text
    assert all(step in result.text for step in STEPS)


def test_an_article_rendered_twice_is_extracted_once() -> None:
    """A theme's second copy of the body (mobile and desktop layouts, a print copy)."""
    paragraphs = [
        f"{text} On day {n} the council met again to count the cost."
        for n, text in enumerate(ARTICLE_PARAGRAPHS * 2)
    ]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = page(
        f"<main><article><h1>A test article</h1><div class='desktop'>{body}</div>"
        f"<div class='mobile'>{body}</div></article></main>"
    )
    text = extract_html(html).text
    for paragraph in paragraphs:
        assert text.count(paragraph) == 1


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>', "", True),
        ('<script type="application/ld+json">{"@type": "QAPage"}</script>', "", True),
        ("", "<div itemscope itemtype='https://schema.org/DiscussionForumPosting'></div>", True),
        # An FAQ's questions and an article are no discussion.
        ('<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": []}</script>', "", False),
        ('<script type="application/ld+json">{"@type": "Question"}</script>', "", False),
        ("<meta property='og:type' content='article'>", "", False),
    ],
)
def test_discussion_page_by_its_schema_type(head: str, body: str, expected: bool) -> None:
    from scraper.metadata import collect

    tree = LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>")
    assert is_discussion_page(tree, collect(tree).jsonld) is expected


def test_a_declared_topic_whose_thread_markup_is_unknown_repeats_no_quote() -> None:
    """Posts in markup no comment table names: the page's schema type says what they are."""
    quoted = "I had the same problem with the pump, and replacing the seal fixed it for me in the end."
    replies = "".join(
        f"<div class='msg'><p>user{n} wrote:</p><blockquote><p>{quoted}</p></blockquote>"
        f"<p>Post {n}: thanks for the tip, it worked for me too.</p></div>"
        for n in range(2, 5)
    )
    html = page(
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
        f"<main><h1>Pump keeps tripping</h1><div class='msg'><p>{quoted}</p></div>{replies}</main>"
    )
    text = extract_html(html, "https://forum.example.org/t/4").text
    assert text.count(quoted) == 1
    assert "Post 4:" in text


def test_forummagnum_comments_under_a_post_are_stripped() -> None:
    """ForumMagnum (LessWrong, EA Forum, Alignment Forum) names its comment section by component."""
    comments = (
        "<div class='CommentsListSection-root'>"
        "<div class='CommentsListSection-newCommentLabel'>New Comment</div>"
        + "".join(
            f"<div class='CommentsItem-root'><div class='CommentsItem-body'><p>Comment {n}: I think the "
            "argument holds, but the second premise needs more support than the post gives.</p></div></div>"
            for n in range(3)
        )
        + "</div>"
    )
    text = extract_html(article_html(extra_outside=comments), "https://forum.example.org/posts/1").text
    assert "Comment 0:" not in text and "New Comment" not in text
    assert ARTICLE_PARAGRAPHS[0] in text


def test_the_page_wide_date_search_runs_on_pages_read_as_one_body() -> None:
    """A date shown only above the content is htmldate's to find: on an article (declared or
    whose body is most of the page) it is the page's; on a list of teasers it dates no one page."""
    shown = "<p class='date'>Published on 18 July 2023</p>"
    body = "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    story = f"{shown}<main><article><h1>A test article</h1>{body}</article></main>"
    assert extract_html(page(story)).date == "2023-07-18"
    assert extract_html(page(story, head="<meta property='og:type' content='article'>")).date == "2023-07-18"
    listing = listing_html(6).replace("<main>", shown + "<main>")
    assert extract_html(listing).date is None


def test_the_engines_recall_retry_runs_for_articles_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short body among long menus makes trafilatura retry in recall mode; on a page
    that is no article our whole-page reading covers that case, and the retry is not run."""
    import trafilatura.core

    retries: list[bool] = []
    real = trafilatura.core._recall_retry

    def counted(*args: object, **kwargs: object) -> object:
        retries.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura.core, "_recall_retry", counted)
    item = "<li><a href='/p{n}'>Menu entry number {n} with several words in it</a></li>"
    menu = "".join(item.format(n=n) for n in range(200))
    sentence = "The river rose three metres overnight, and by morning the lower town was under water "
    sentence += "again this year."
    story = f"<main><p>{sentence}</p></main>"
    html = page(f"<nav><ul>{menu}</ul></nav>{story}<footer><ul>{menu}</ul></footer>")
    threshold = trafilatura.core.ESCALATION_MAX_LENGTH
    extract_module.main_content(html, None, retry=False)
    assert not retries
    assert threshold == trafilatura.core.ESCALATION_MAX_LENGTH  # set for the call only
    extract_module.main_content(html, None, retry=True)
    assert retries


def test_the_pages_own_address_in_a_share_box_is_no_body_text() -> None:
    """The copy-link field of a share box no class names; the canonical address counts
    too, for a page read from a file."""
    link = "https://example.org/news/flood"
    body = "".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    html = page(
        f"<article><h1>A test article</h1>{body}<div><p>{link}</p></div></article>",
        head=f"<link rel='canonical' href='{link}'>",
    )
    assert extract_html(html).text.split("\n") == ARTICLE_PARAGRAPHS
    assert link in extract_html(html.replace("rel='canonical'", "rel='alternate'")).text


def test_a_captions_text_and_credit_do_not_run_together() -> None:
    """A caption's text and its credit sit side by side in their own elements, kept apart by
    the theme's style; a word's own pieces (a link, then its full stop) stay together."""
    figures = (
        "<figure><img src='a.jpg' alt=''><figcaption><span class='caption__text'>Pilates tops the list."
        "</span><span class='caption__source'>Mikolette / Getty Images</span></figcaption></figure>"
        "<figure><img src='b.jpg' alt=''><figcaption>Segmentation in <a href='/demo'>Userpilot</a>"
        "<u>.</u></figcaption></figure>"
        "<figure><img src='c.jpg' alt=''><figcaption>A tulip tree <span>(</span><em>Liriodendron</em>)"
        "</figcaption></figure>"
    )
    text = extract_html(article_html(extra_inside=figures), "https://example.org/a").text
    assert "Pilates tops the list. Mikolette / Getty Images" in text
    assert "Segmentation in Userpilot." in text
    assert "A tulip tree (Liriodendron)" in text


def test_a_list_article_keeps_its_lists() -> None:
    """An article made of lists of links to its own site's pages, under an introduction the
    DOM engine is sure of, reads as those lists: they are its body, not its related posts."""
    intro = "".join(f"<p>{p} {p} {p}</p>" for p in ARTICLE_PARAGRAPHS)
    sections = "".join(
        f"<h2>{letter}</h2><ul>"
        + "".join(f"<li><a href='/wiki/{letter}{n}'>{letter}-language number {n}</a></li>" for n in range(25))
        + "</ul>"
        for letter in "ABC"
    )
    html = page(
        f"<main><article><h1>List of programming languages</h1>{intro}{sections}</article></main>",
        title="List of programming languages",
        head="<meta property='og:type' content='article'>",
    )
    text = extract_html(html, "https://wiki.example/wiki/List_of_programming_languages").text
    assert ARTICLE_PARAGRAPHS[0] in text
    assert "A-language number 0" in text and "C-language number 24" in text


def test_an_articles_unlabelled_related_list_stays_out_however_short_the_story() -> None:
    """A dozen headlines of the site's other stories in the story's container outweigh a
    short story, but a dozen links is a related block, not a list article."""
    related = "".join(
        f"<li><a href='/news/2024/story-{n}'>Council approves plan number {n} for the harbour wall</a></li>"
        for n in range(12)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[:4])
    html = page(
        f"<main><article><h1>Floods</h1><div class='entry-content'>{paragraphs}<ul>{related}</ul></div>"
        "</article></main>",
        head="<meta property='og:type' content='article'>",
    )
    text = extract_html(html, "https://news.example.com/floods").text
    assert ARTICLE_PARAGRAPHS[0] in text and "Council approves" not in text


def test_an_articles_collapsed_panels_reach_the_main_engine() -> None:
    """Pruning keeps an accordion's collapsed answers (`display:none` until opened), but
    trafilatura drops whatever is hidden: in an article the marks are taken off first. A
    page that is no article keeps them, so the engine reads only the tab on show, as
    a reader sees it (a quick start's code in one language of five)."""
    answer = "Gather twelve months of electric bills so that installers can size the system."
    panel = (
        "<div class='es-accordion'><a role='button' aria-controls='step-1' aria-expanded='false'>"
        "1. Understand your electric bill</a><div id='step-1' role='region' style='display:none;'>"
        f"<p>{answer}</p></div></div>"
    )
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    html = page(f"<article>{body}{panel}</article>")

    def engine_text(article: bool) -> str:
        tree = LexborHTMLParser(html)
        prune(tree, article)
        assert answer in (tree.body.text() if tree.body else "")  # pruning kept it
        extract_module.unmask_for_engine(tree, article)
        found = extract_module.main_content(tree.html or "", None)
        return " ".join(found.itertext()) if found is not None else ""

    assert answer in engine_text(article=True)
    assert answer not in engine_text(article=False)


SOURCES = sorted(p.name for p in FIXTURES.iterdir() if (p / "source.html").exists())


@pytest.mark.parametrize("fixture", SOURCES)
def test_the_engine_reads_our_parse_as_it_reads_its_own(fixture: str) -> None:
    """The engine is handed a tree parsed with plain element classes (`_engine_parser`, no
    Python call per element); it extracts from it exactly what it extracts from the string."""
    import trafilatura
    from lxml import etree

    from scraper.engine import _engine_tree

    html = read_page(FIXTURES / fixture / "source.html")
    tree = _engine_tree(html)
    assert not isinstance(tree, str)
    assert {type(element).__name__ for element in tree.iter(etree.Element)} == {"HtmlElement"}
    options = {"include_comments": False, "include_tables": True, "with_metadata": False}
    ours = trafilatura.bare_extraction(tree, **options)
    theirs = trafilatura.bare_extraction(html, **options)
    assert ours is not None and theirs is not None
    assert etree.tostring(ours.body) == etree.tostring(theirs.body)


def test_a_page_lxml_will_not_parse_as_a_string_goes_to_the_engine_as_it_is() -> None:
    from scraper.engine import _engine_tree

    declared = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Text</p></body></html>'
    assert _engine_tree(declared) == declared
    assert _engine_tree("") == ""


def test_without_trafilaturas_repair_helper_the_engine_gets_the_string(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `repair_faulty_html` is not trafilatura's public interface: a release without it must
    # not cost a page, the engine then parses the string itself as it always did.
    import trafilatura.utils

    from scraper.engine import _engine_tree

    monkeypatch.delattr(trafilatura.utils, "repair_faulty_html")
    html = article_html()
    assert _engine_tree(html) == html

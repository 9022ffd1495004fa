"""Consent notices found by wording: a sentence about cookies beside a control to answer it."""

from selectolax.lexbor import LexborHTMLParser

from scraper.extract import extract_html
from scraper.notices import MAX_MENTIONS, remove_consent_notices
from tests.conftest import ARTICLE_PARAGRAPHS, article_html, page, text_after


def after_notices(html: str) -> str:
    return text_after(remove_consent_notices, html)


def test_home_made_banner_removed_by_its_wording_and_button() -> None:
    # No consent manager's markup: CSS-in-JS classes that say nothing.
    banner = (
        "<div class='css-1x2y3z'><div class='css-9a8b7c'>"
        "<p>Acme uses cookies to enhance site functionality, analyze traffic, and personalize ads. "
        "By using our site, you agree to our <a href='/privacy'>Privacy Policy</a>.</p>"
        "<button>Details</button><button>Accept All</button></div></div>"
    )
    text = after_notices(article_html(extra_outside=banner))
    assert "uses cookies" not in text and "Accept All" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_banners_in_other_languages_and_blocked_embed_placeholders() -> None:
    german = (
        "<section><h2>Datenschutz</h2><p>Wir verwenden Cookies, um Inhalte zu personalisieren und "
        "Zugriffe zu analysieren. Mit Ihrer Einwilligung auch für Werbung.</p>"
        "<button>Alle akzeptieren</button><button>Ablehnen</button></section>"
    )
    placeholder = (
        "<div><p>This content isn't visible due to your cookie preferences. To load this content, "
        "click the Allow button below to opt in to social media cookies.</p>"
        "<button>Allow</button><button>View and manage all preferences</button></div>"
    )
    text = after_notices(article_html(extra_inside=placeholder, extra_outside=german))
    assert "Cookies" not in text and "akzeptieren" not in text
    assert "cookie preferences" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_blocked_embed_placeholders_with_a_load_button_in_other_languages() -> None:
    placeholders = (
        "<div class='a7b2'><p>Dieser Inhalt kann aufgrund Ihrer Cookie-Einstellungen nicht angezeigt "
        "werden.</p><button>Inhalt laden</button></div>"
        "<div><p>Ce contenu est bloqué par vos paramètres de cookies, acceptez-les pour le voir.</p>"
        "<button>Afficher le contenu</button></div>"
        "<div><p>This video is blocked by your cookie settings until you allow them.</p>"
        "<button>Load video</button></div>"
    )
    text = after_notices(article_html(extra_inside=placeholders))
    assert "Cookie" not in text and "cookie" not in text and "laden" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_article_about_cookies_is_kept() -> None:
    # Consent wording in the article, and links and buttons nearby, but no
    # consent control: the link "No Man's Sky" starts with "No", which only a
    # button may use to answer a notice.
    story = (
        "<p>Browsers will stop accepting third-party cookies next year, and privacy advocates "
        "agree the change is overdue, the report says.</p>"
        "<p>Players of <a href='/games/nms'>No Man's Sky</a> noticed the new consent settings too.</p>"
        "<p><a href='/share'>Share</a> <button>Save article</button></p>"
    )
    html = page(f"<article><h1>The end of tracking</h1>{story}</article>")
    text = after_notices(html)
    assert "third-party cookies" in text and "No Man's Sky" in text


def test_recipe_cookies_are_not_a_notice() -> None:
    recipe = (
        "<div class='recipe'><p>We use brown butter in these cookies, and chill the dough overnight "
        "so they bake up thick.</p><button>Save</button><a href='/print'>Print recipe</a></div>"
    )
    text = after_notices(page(recipe))
    assert "brown butter in these cookies" in text


def test_menu_link_to_cookie_policy_does_not_take_the_footer() -> None:
    footer = (
        "<footer><ul><li><a href='/privacy'>Privacy policy</a></li>"
        "<li><a href='/cookies'>Cookie policy</a></li><li><a href='/consent'>Manage consent</a></li></ul>"
        "<p>Example Media, 12 Harbour Road.</p></footer>"
    )
    text = after_notices(page(f"<article><p>{ARTICLE_PARAGRAPHS[0]}</p></article>{footer}"))
    assert "Cookie policy" in text and "Harbour Road" in text


def test_extraction_drops_the_notice_and_keeps_the_article() -> None:
    banner = (
        "<div><p>We care about your data, and we'd like to use cookies to give you a smooth browsing "
        "experience. Please agree and read more about our privacy policy.</p>"
        "<a href='#' role='button'>Agree</a></div>"
    )
    # Inside the article's container, where pruning by position cannot reach it.
    article = extract_html(article_html(extra_inside=banner))
    assert "cookies" not in article.text
    assert all(paragraph in article.text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_page_of_thousands_of_cookie_mentions_is_read_and_keeps_its_article() -> None:
    # Hostile or just odd markup: 3,000 banner-shaped boxes. Only the first
    # MAX_MENTIONS mentions are judged, the page still gives its article, and
    # nothing raises.
    banners = "".join(
        f"<div><p>We use cookies to improve the website, accept our policy {n}.</p>"
        "<button>Accept</button></div>"
        for n in range(3_000)
    )
    tree = LexborHTMLParser(article_html(extra_outside=banners))
    remove_consent_notices(tree)
    assert tree.body is not None
    left = len(tree.body.css("button"))
    assert left == 3_000 - MAX_MENTIONS
    article = extract_html(article_html(extra_outside=banners))
    assert all(paragraph in article.text for paragraph in ARTICLE_PARAGRAPHS)

import json

from selectolax.lexbor import LexborHTMLParser

from scraper import metadata
from scraper.metadata import clean_author, strip_site_suffix
from tests.conftest import page


def meta_of(html: str, url: str | None = "https://news.example.com/a") -> dict[str, str | None]:
    tree = LexborHTMLParser(html)
    meta = metadata.collect(tree)
    sitename = metadata.extract_sitename(tree, meta, url)
    return {
        "title": metadata.extract_title(tree, meta),
        "author": metadata.extract_author(tree, meta, sitename),
        "date": metadata.extract_date(tree, meta),
        "sitename": sitename,
        "description": metadata.extract_description(tree, meta),
        "language": metadata.extract_language(tree, meta),
    }


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_jsonld_is_preferred() -> None:
    head = ld(
        {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Daily Example"},
            {"@type": "NewsArticle", "headline": "Storm hits coast", "datePublished": "2024-03-02T08:15:00+01:00",
             "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Organization", "name": "Daily Example"}]},
        ]}
    ) + "<meta property='og:title' content='OG title'><meta name='author' content='Someone Else'>"
    found = meta_of(page("<p>x</p>", title="Storm hits coast | Daily Example", head=head))
    assert found["title"] == "Storm hits coast"
    assert found["author"] == "Ana Lima"
    assert found["date"] == "2024-03-02T08:15:00+01:00"
    assert found["sitename"] == "Daily Example"


def test_opengraph_and_meta_fallbacks() -> None:
    head = (
        "<meta property='og:title' content='Rates stay put'><meta property='og:site_name' content='Money Mag'>"
        "<meta name='description' content='The bank held rates.'><meta property='article:published_time' "
        "content='2023-11-05'><meta name='author' content='Lee Chan'>"
    )
    found = meta_of(page("<p>x</p>", title="Rates stay put – Money Mag", head=head))
    assert found == {
        "title": "Rates stay put", "author": "Lee Chan", "date": "2023-11-05", "sitename": "Money Mag",
        "description": "The bank held rates.", "language": "en",
    }


def test_placeholder_author_is_not_a_byline() -> None:
    head = ld({"@type": "Article", "headline": "H", "author": {"@type": "Person", "name": "admin"}})
    body = "<span class='byline'>by <a rel='author' href='/author/ruth'>Ruth Meyer</a></span><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "Ruth Meyer"
    assert meta_of(page("<span class='byline'>by admin</span>"))["author"] is None


def test_site_name_is_not_an_author() -> None:
    head = "<meta property='og:site_name' content='Example News'><meta name='author' content='Example News'>"
    assert meta_of(page("<p>x</p>", head=head))["author"] is None


def test_title_suffix() -> None:
    assert strip_site_suffix("Storm hits coast | Daily Example", "Daily Example") == "Storm hits coast"
    assert strip_site_suffix("Daily Example - Storm hits coast", "Daily Example") == "Storm hits coast"
    assert strip_site_suffix("A - B", None) == "A - B"


def test_clean_author() -> None:
    assert clean_author("By  Jane  Doe ") == "Jane Doe"
    assert clean_author("https://facebook.com/jane") is None
    assert clean_author("Administrator") is None


def test_time_element_date_and_language_region() -> None:
    html = "<html lang='pt_br'><body><time datetime='2021-06-30T12:00:00Z'>30 June</time></body></html>"
    found = meta_of(html)
    assert found["date"] == "2021-06-30T12:00:00+00:00"
    assert found["language"] == "pt-BR"


def test_broken_jsonld_is_ignored() -> None:
    head = "<script type='application/ld+json'>{not json</script><meta property='og:title' content='Fine'>"
    assert meta_of(page("", head=head))["title"] == "Fine"

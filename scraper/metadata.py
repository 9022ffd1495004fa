"""Page metadata: one small pure function per field over the parsed tree.

Sources are tried from the most specific to the least: JSON-LD (what the
publisher declared for this article), then OpenGraph / article:* and named
`<meta>` tags, then microdata and the document itself (`<title>`, `<h1>`,
`<time>`, bylines, `<html lang>`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from scraper.dates import normalise_date

# schema.org types whose JSON-LD describes the page's main content.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenews",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "scholarlyarticle",
        "techarticle",
        "socialmediaposting",
        "liveblogposting",
        "report",
        "webpage",
        "itempage",
        "medicalwebpage",
        "aboutpage",
        "qapage",
        "discussionforumposting",
        "recipe",
        "product",
        "howto",
        "review",
        "creativework",
        "videoobject",
        "event",
    }
)
PUBLISHER_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})

TITLE_META = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title")
AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "twitter:creator",
    "citation_author",
)
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "publish-date",
    "publish_date",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "citation_publication_date",
    "date_published",
    "og:published_time",
    "article:modified_time",
    "og:updated_time",
    "last-modified",
)
SITENAME_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
DESCRIPTION_META = ("description", "og:description", "twitter:description", "dc.description")
LANGUAGE_META = ("og:locale", "content-language", "language", "dc.language")

# Bylines that name no person: CMS defaults and house accounts.
PLACEHOLDER_AUTHORS = frozenset(
    {
        "admin",
        "administrator",
        "webmaster",
        "editor",
        "editors",
        "staff",
        "user",
        "guest",
        "author",
        "root",
        "unknown",
        "anonymous",
        "redaction",
        "rédaction",
        "redaktion",
        "team",
        "wpadmin",
        "site admin",
        "siteadmin",
        "default",
    }
)
# Separators between a page title and the site name in <title>.
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/]\s+")
_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af|от|автор:?)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Meta:
    """Everything metadata reads, gathered in one pass over the tree."""

    tags: dict[str, str]
    """Lower-cased meta name/property -> first non-empty content."""
    jsonld: list[dict[str, Any]]
    """JSON-LD objects flattened out of @graph and lists."""


def collect(tree: LexborHTMLParser) -> Meta:
    tags: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), " ".join(content.split()))
    jsonld: list[dict[str, Any]] = []
    for node in tree.css("script[type='application/ld+json']"):
        raw = node.text(deep=True) or ""
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # trailing commas and control characters are common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        jsonld.extend(_flatten(data))
    return Meta(tags=tags, jsonld=jsonld)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def _main_objects(meta: Meta) -> list[dict[str, Any]]:
    """JSON-LD objects describing the content, most article-like first."""
    found = [obj for obj in meta.jsonld if _types(obj) & ARTICLE_TYPES]

    def rank(obj: dict[str, Any]) -> int:
        types = _types(obj)
        if types & {"webpage", "itempage", "aboutpage", "medicalwebpage", "qapage"}:
            return 2
        if types & {"product", "recipe", "event", "videoobject", "howto", "review", "creativework"}:
            return 1
        return 0

    return sorted(found, key=rank)


def _first_meta(meta: Meta, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = meta.tags.get(name)
        if value:
            return value
    return None


def _clean(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _node_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    return _clean(node.text(deep=True, separator=" "))


def extract_title(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """Headline: JSON-LD headline, og:title, <h1> matching <title>, cleaned <title>."""
    for obj in _main_objects(meta):
        headline = _clean(obj.get("headline"))
        if headline:
            return headline
    title_tag = _node_text(tree, "title")
    h1s = [_clean(h.text(deep=True, separator=" ")) for h in tree.css("h1")]
    candidates = [h for h in h1s if h]
    og = _first_meta(meta, TITLE_META)
    if og:
        return strip_site_suffix(og, _first_meta(meta, ("og:site_name",)))
    if title_tag:
        for h1 in candidates:
            if h1 in title_tag:
                return h1
        return strip_site_suffix(title_tag, _first_meta(meta, ("og:site_name",)))
    return candidates[0] if candidates else None


def strip_site_suffix(title: str, sitename: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the site part is identifiable."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if sitename:
        site = sitename.lower()
        if parts[-1].strip().lower() == site:
            return TITLE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0].strip() if len(parts) > 2 else parts[0].strip()
        if parts[0].strip().lower() == site:
            return title[len(parts[0]) :].lstrip(" |-–—:·•»/").strip()
    return title


def _person_names(value: Any) -> list[str]:
    """Names out of a JSON-LD author value (a string, a Person, or a list)."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        if isinstance(item, dict):
            if _types(item) & PUBLISHER_TYPES:
                continue
            name = _clean(item.get("name"))
        else:
            name = _clean(item)
        if name:
            names.append(name)
    return names


def clean_author(value: str | None, sitename: str | None = None) -> str | None:
    """A byline as a reader would write it, or None for placeholders and URLs."""
    if not value:
        return None
    text = _BY_PREFIX.sub("", " ".join(value.split())).strip(" ,;|-–—")
    if not text or len(text) > 120 or "http" in text.lower() or "@" in text and " " not in text:
        return None
    lowered = text.lower()
    if lowered in PLACEHOLDER_AUTHORS:
        return None
    if sitename and lowered == sitename.lower():
        return None
    return text


def extract_author(tree: LexborHTMLParser, meta: Meta, sitename: str | None = None) -> str | None:
    """Byline: JSON-LD Person names, meta author tags, rel=author / itemprop=author, byline markup."""
    for obj in _main_objects(meta):
        names = [clean_author(n, sitename) for n in _person_names(obj.get("author"))]
        real = [n for n in names if n]
        if real:
            return "; ".join(dict.fromkeys(real))
    for name in AUTHOR_META:
        author = clean_author(meta.tags.get(name), sitename)
        if author:
            return author
    for selector in (
        "[itemprop='author'] [itemprop='name']",
        "[itemprop='author']",
        "a[rel='author']",
        ".byline .author",
        ".author-name",
        ".byline",
        ".author",
    ):
        author = clean_author(_node_text(tree, selector), sitename)
        if author and len(author.split()) <= 8:
            return author
    return None


def extract_date(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """Publication date as ISO 8601: JSON-LD, meta tags, then <time> / itemprop."""
    for obj in _main_objects(meta):
        for key in ("datePublished", "dateCreated", "uploadDate", "dateModified"):
            found = normalise_date(_clean(obj.get(key)))
            if found:
                return found
    for name in DATE_META:
        found = normalise_date(meta.tags.get(name))
        if found:
            return found
    for selector in ("[itemprop='datePublished']", "time[pubdate]", "time[datetime]"):
        node = tree.css_first(selector)
        if node is not None:
            value = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
            found = normalise_date(value)
            if found:
                return found
    return None


def extract_sitename(tree: LexborHTMLParser, meta: Meta, url: str | None) -> str | None:
    """Site name: og:site_name, JSON-LD publisher / WebSite, the host as a last resort."""
    value = _first_meta(meta, SITENAME_META[:1])
    if value:
        return value
    for obj in meta.jsonld:
        if "website" in _types(obj):
            name = _clean(obj.get("name"))
            if name:
                return name
    for obj in _main_objects(meta):
        publisher = obj.get("publisher")
        name = _clean(publisher) if publisher else None
        if name:
            return name
    value = _first_meta(meta, SITENAME_META[1:4])
    if value:
        return value
    title = _node_text(tree, "title")
    if title:
        parts = TITLE_SEPARATORS.split(title)
        if len(parts) >= 2 and len(parts[-1].split()) <= 4:
            return parts[-1].strip()
    return None


def extract_description(tree: LexborHTMLParser, meta: Meta) -> str | None:
    value = _first_meta(meta, DESCRIPTION_META)
    if value:
        return value
    for obj in _main_objects(meta):
        description = _clean(obj.get("description"))
        if description:
            return description
    return None


def extract_language(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """BCP 47 tag from <html lang>, then content-language / og:locale."""
    html = tree.css_first("html")
    value = html.attributes.get("lang") or html.attributes.get("xml:lang") if html is not None else None
    value = value or _first_meta(meta, LANGUAGE_META)
    for obj in _main_objects(meta):
        value = value or _clean(obj.get("inLanguage"))
    if not value:
        return None
    tag = value.strip().replace("_", "-").split(",")[0].strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", tag):
        return None
    head, _, rest = tag.partition("-")
    return head.lower() + ("-" + rest.upper() if rest and len(rest) == 2 else ("-" + rest if rest else ""))

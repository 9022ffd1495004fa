"""The publication date: JSON-LD datePublished, published-time `<meta>` tags, published-time
markup, the first `<time>`, the date shown under the headline, then (on pages the
extractor reads as one body) htmldate's search, and only then a modification date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from scraper.dates import find_text_date, normalise_date, search_date, url_date
from scraper.metadata.regions import is_foreign, short_texts_after_headline
from scraper.metadata.sources import (
    ARTICLE_TYPES,
    PAGE_TYPES,
    THING_TYPES,
    Meta,
    clean_value,
    first_meta,
    main_objects,
    meta_values,
    node_text,
    types_of,
)
from scraper.metadata.title import extract_title
from scraper.selectors import Present

# Pages with no publication date: listings (their dates are their items'), products and services
# (their dates are reviews', offers' and copyright lines').
UNDATED_TYPES = frozenset(
    {
        "collectionpage",
        "itemlist",
        "searchresultspage",
        "profilepage",
        "product",
        "productgroup",
        "offer",
        "service",
        "localbusiness",
    }
)
# Types that are stories with a publication date, whatever else the page declares.
STORY_TYPES = ARTICLE_TYPES - PAGE_TYPES - THING_TYPES
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "date_published",
    "og:published_time",
    "article:published",
    "published_time",
    "release_date",
    "published",
    "published_at",
    "publication_date",
    "publication-date",
    "pub_date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "dcterms.modified", "last-modified", "lastmod")
# JSON-LD keys for the day the content first appeared, best first.
JSONLD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate", "startDate")
MAX_DATELINE_CHARS = 80
"""Longer texts are sentences that mention a date, not a dateline."""


@dataclass(frozen=True, slots=True)
class DateClues:
    """What a page says of its publication date before any page-wide search (`date_clues`)."""

    found: str | None
    """The date declared, marked up or shown (steps 1 to 5 of `extract_date`), or
    the permalink's day; None when the page gave none."""
    modified: str | None = None
    """A modification date: the answer when nothing else is found."""
    searchable: bool = False
    """Nothing was found and the page does not declare itself undated: a search of
    the whole page (`scraper.dates.search_date`) may find the date."""

    def resolve(self, searched: str | None = None) -> str | None:
        """The date, given what a search of the page found (None when none was run)."""
        return self.found or _with_time(searched, self.modified)


def _with_time(day: str | None, modified: str | None) -> str | None:
    """`day`, found by the address or a search; `modified` when it names the same day
    (the search read the same tag: keep its time), or when no day was found."""
    if day and modified and modified.startswith(day):
        return modified
    return day or modified


def date_clues(
    tree: LexborHTMLParser,
    meta: Meta,
    url: str | None = None,
    present: Present | None = None,
    headline: str | None = None,
) -> DateClues:
    """The publication date a page declares or shows; whether a page-wide search may still
    find one. Steps 1 to 6 of `extract_date`, without htmldate's search."""
    objects = main_objects(meta)
    found = _first_date(clean_value(obj.get("datePublished")) for obj in objects)
    found = found or _first_date(v for name in PUBLISHED_META for v in meta_values(meta, name)[:1])
    found = found or _first_date(clean_value(obj.get(key)) for obj in objects for key in JSONLD_PUBLISHED[1:])
    found = found or _markup_date(tree, PUBLISHED_MARKUP, present)
    if found or _undated(meta):
        return DateClues(found)
    found = _markup_date(tree, ("time[datetime]",), present) or _visible_date(tree, headline)
    if found:
        return DateClues(found)
    modified = _first_date(clean_value(obj.get("dateModified")) for obj in objects) or _first_date(
        v for name in MODIFIED_META for v in meta_values(meta, name)[:1]
    )
    permalink = url_date(url)
    if permalink:
        return DateClues(_with_time(permalink, modified))
    return DateClues(None, modified, searchable=True)


def extract_date(
    tree: LexborHTMLParser, meta: Meta, url: str | None = None, present: Present | None = None
) -> str | None:
    """Publication date as ISO 8601.

    1. JSON-LD datePublished of the main object;
    2. published-time <meta> tags;
    3. JSON-LD dateCreated / uploadDate;
    4. published-time markup (itemprop, <time pubdate>, hAtom, a <time> in the article header).
    Pages that declare themselves listings, products or services stop here: their other
    dates are their items', reviews' and copyright lines'.
    5. the first other <time datetime>, then the first date shown under the headline
       (`headline`: the page's title, for pages whose headline is no <h1> or <h2>);
    6. the day in the address (/2024/03/05/...), else htmldate's search of the whole page;
    7. a modification date, when the page gives nothing else.

    `present`, the page's index, lets the date markup skip selectors that cannot match.
    Callers that decide later whether a page is worth the search (it costs a second
    parse) use `date_clues` and `DateClues.resolve`. The headline the shown date sits
    under is the page's `extract_title`, found where the page has no <h1> or <h2>.
    """
    clues = date_clues(tree, meta, url, present, headline=extract_title(tree, meta))
    if not clues.searchable:
        return clues.resolve()
    return clues.resolve(search_date(tree.html or "", url))


# Wording that marks a shown date as a revision, not the first publication.
_REVISION = re.compile(
    r"updated|modified|edited|revised|aktualisiert|mis à jour|actualizado|更新|修改|수정", re.IGNORECASE
)


def _visible_date(tree: LexborHTMLParser, headline: str | None = None) -> str | None:
    """The first date shown under the headline ('Published July 18, 2025'); a revision date only if alone."""
    revision = None
    for node, text in short_texts_after_headline(tree, headline):
        if len(text) > MAX_DATELINE_CHARS:
            continue
        found = find_text_date(text)
        if not found or is_foreign(node):
            continue
        if not _REVISION.search(text):
            return found
        revision = revision or found
    return revision


def _undated(meta: Meta) -> bool:
    """The page declares itself a listing, a product or a service, and no story."""
    types = set().union(*(types_of(obj) for obj in meta.jsonld)) if meta.jsonld else set()
    og_type = (first_meta(meta, ("og:type",)) or "").lower()
    undated = bool(types & UNDATED_TYPES) or og_type.startswith("product")
    return undated and not types & STORY_TYPES and og_type != "article"


def _first_date(values: Iterable[str | None]) -> str | None:
    for value in values:
        found = normalise_date(value)
        if found:
            return found
    return None


# Markup that states a publication time, most explicit first.
PUBLISHED_MARKUP = (
    "[itemprop~='datePublished']",
    "time[pubdate]",
    "abbr.published[title], .hentry abbr[title].updated, abbr.dtstart[title]",
    "[class*='published'] time[datetime], time[class*='published'], time[class*='publish']",
    "article header time[datetime], header time[datetime]",
)


def _markup_date(
    tree: LexborHTMLParser, selectors: tuple[str, ...], present: Present | None = None
) -> str | None:
    """The first date in the markup, selector group by group; three candidates a group at most."""
    for selector in selectors:
        query = present.matchable(selector) if present is not None else selector
        for node in tree.css(query)[:3] if query else ():
            if is_foreign(node):
                continue
            attrs = node.attributes
            # <abbr title="2019-03-05T10:30:00Z">10:30 am</abbr> (hAtom, Blogger) keeps the date in its title.
            value = (
                attrs.get("datetime") or attrs.get("content") or (node.tag == "abbr" and attrs.get("title"))
            )
            found = normalise_date(value or node_text(node))
            if found:
                return found
    return None

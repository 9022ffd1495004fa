"""Page metadata: one small pure function per field over the parsed tree.

`collect` reads, in one pass, what the publisher declared: `<meta>` tags and
JSON-LD (flattened out of `@graph` and lists, `@id` references resolvable).
Each `extract_*` function then tries its sources from the most deliberate to
the least:

- title: the page's visible `<h1>` when it agrees with a declared title (it is
  the headline without the site's decoration), else the declared title most
  sources agree on (og:title, JSON-LD headline, `<title>`), its trailing site
  name cut off;
- author: JSON-LD author names, author `<meta>` tags (and SEO plugins'
  "Written by" label pairs), then byline markup (itemprop, rel=author, hCard,
  class names, author links, "By ..." under the headline). Never a
  placeholder such as "admin", a label such as "Written by", or the site's own
  name while anything else names a person;
- date: JSON-LD datePublished, published-time `<meta>` tags, published-time
  markup, the first `<time>`, the date shown under the headline, htmldate's
  search of the page (`scraper.dates.search_date`; the extractor runs it only
  on pages it reads as one body, `date_clues`), and only then a modification
  date;
- site name, description, language: declared values, then the document.

Everything is read from the untouched tree, before any pruning.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dates import find_text_date, normalise_date, search_date, url_date
from scraper.dom import collapse
from scraper.selectors import Present

# schema.org types whose JSON-LD describes the page's main content.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "posting",
        "reportagenews",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "advertisercontentarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "techarticle",
        "apireference",
        "socialmediaposting",
        "liveblogposting",
        "discussionforumposting",
        "report",
        "webpage",
        "itempage",
        "medicalwebpage",
        "aboutpage",
        "collectionpage",
        "profilepage",
        "qapage",
        "question",
        "recipe",
        "product",
        "howto",
        "review",
        "creativework",
        "videoobject",
        "podcastepisode",
        "event",
        "course",
    }
)
# Of those, the ones that describe a page around the content rather than the content itself.
PAGE_TYPES = frozenset(
    {"webpage", "itempage", "aboutpage", "medicalwebpage", "qapage", "collectionpage", "profilepage"}
)
# Things that are not the content: ranked after articles, before plain pages.
THING_TYPES = frozenset(
    {
        "product",
        "recipe",
        "event",
        "videoobject",
        "howto",
        "review",
        "creativework",
        "course",
        "podcastepisode",
    }
)
# Posts whose authors are accounts: their login names are their bylines.
USER_POSTING_TYPES = frozenset(
    {"discussionforumposting", "socialmediaposting", "qapage", "question", "comment"}
)
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
# Hosts where each subdomain is somebody's own site.
HOSTING_PLATFORMS = frozenset(
    {
        "blogspot.com",
        "wordpress.com",
        "substack.com",
        "tumblr.com",
        "medium.com",
        "github.io",
        "gitlab.io",
        "wixsite.com",
        "weebly.com",
        "ghost.io",
        "netlify.app",
        "vercel.app",
        "pages.dev",
        "livejournal.com",
        "typepad.com",
        "squarespace.com",
        "hashnode.dev",
        "bearblog.dev",
    }
)
ORGANISATION_TYPES = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "website",
        "localbusiness",
        "educationalorganization",
    }
)

TITLE_META = (
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "dc:title",
    "parsely-title",
    "sailthru.title",
)
# Dublin Core's creator is by definition the person responsible for the work;
# `author` is often filled by themes and SEO plugins with the site's owner.
# twitter:creator is left out: it holds an account handle, not the name a byline shows.
AUTHOR_META = (
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
)
# Tags that can repeat, one author each (Google Scholar, Highwire Press).
REPEATED_AUTHOR_META = ("citation_author", "dc.creator", "dc:creator", "article:author")
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
        "test",
        "null",
        "none",
        "undefined",
        "na",
        "n/a",
    }
)
# Words that make up byline labels and links ("Written by", "View all posts",
# "About the author"): a candidate made only of these names nobody.
# fmt: off
BYLINE_LABEL_WORDS = frozenset({
    "by", "written", "posted", "published", "author", "authors", "authored", "about", "the", "a",
    "view", "all", "more", "posts", "post", "articles", "article", "stories", "follow", "profile",
    "see", "read", "bio", "biography", "contributor", "contributors", "reviewed", "edited", "fact",
    "checked", "updated", "on", "from", "and", "of", "in", "share", "email", "contact", "me", "us",
    "our", "my", "guest", "expert", "medically", "last", "latest", "recent", "other", "info", "details",
    "writer", "writers", "this", "with", "meet", "team", "editorial", "staff", "admin", "byline",
    "name", "avatar", "photo", "image", "von", "par", "por", "door", "di", "de", "av", "af",
    "autor", "auteur", "autore", "redaktion",
    "sign", "log", "login", "register", "subscribe", "topic", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "home"
})
# fmt: on
# Leading labels of a byline, in the languages we see most.
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:(?:written|posted|published|reported|reviewed|edited|curated|compiled|words|story|text|"
    r"photos?|article|medically\s+reviewed|fact[- ]checked|"
    r"(?:view\s+)?(?:all\s+)?(?:posts|articles|stories))\s+)?by\b|author(?:s|ed\s+by)?\s*:|"
    r"von|par|por|di|door|av|af|от|автор:?|autor(?:in)?:?|auteur\s*:?|作者[:：]?)\s*",
    re.IGNORECASE,
)
# Where a byline's name ends and its dateline or role begins.
_BYLINE_TAIL = re.compile(
    r"""\s*(?:[|•·/]|\s[-–—]\s|\bon\s+(?=\w+\s+\d)|\b(?:last\s+)?(?:updated|published|posted|modified)\b|
    \b(?:edited|reviewed|fact[- ]checked|photos?|photographs|illustrations?|produced)\s+by\b|
    \bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\s(?:follow|following|subscribe)$|\sfrom\s|
    \s*\((?:author|editor|illustrator|translator|contributor|foreword)s?\)|
    \b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}|
    \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|
    \b\d{4}-\d{2}-\d{2}|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d+\s+(?:min|minutes?|mins?)\b
    ).*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A host name given as author ("example.com"): the site, not a person.
_DOMAIN = re.compile(r"^[\w.-]+\.(?:com|org|net|io|co|info|biz|gov|edu|news|blog|[a-z]{2})$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*;\s*|\s+(?:and|&|und|et|y|e|och|og|en)\s+|\s*,\s*(?:and\s+)?", re.IGNORECASE)
# Separators between a page title and the site name in <title>.
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/~]\s+|\s*[|·•»]\s*")
# Permalink anchors documentation generators append to headings (Sphinx's ¶, MkDocs' #).
_HEADING_ANCHOR = re.compile(r"\s*[¶§#🔗]\s*$")
_NON_WORD = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

# Containers whose bylines belong to something else than the page's article:
# one dash- or underscore-separated part of a class or id names them
# ("comment-list", "related_posts"), so "noComments" does not. Layout words
# that page builders put on every box ("widget", "sidebar_content",
# "flex-nav") are left out: document order already puts the article's own
# byline before the sidebar's.
# fmt: off
FOREIGN_PARTS = frozenset({
    "comment", "comments", "commentlist", "replies", "related", "recommended", "recommendations",
    "popular", "trending", "newsletter", "promo", "teaser", "teasers", "breadcrumb", "breadcrumbs",
    "menu", "navbar", "navigation", "carousel", "pagination", "pager", "follow", "followauthor"
})
# fmt: on
# Whole class or id words that name the page's own sidebar or footer.
FOREIGN_WORDS = frozenset({"sidebar", "footer", "site-footer", "page-footer", "global-footer", "colophon"})
_CLASS_PARTS = re.compile(r"[-_\s]+")
FOREIGN_DEPTH = 10
"""Ancestors looked at: layout containers further up name the whole page, not a box in it."""
FOREIGN_TAGS = frozenset({"nav", "select", "button", "template", "script", "style"})
# Foreign outside the article only: an article's own footer or aside carries its byline.
OUTER_TAGS = ("footer", "aside")
# Byline markup, most explicit first. Each group is searched in document order.
BYLINE_SELECTORS = (
    "[itemprop~='author'] [itemprop~='name']",
    "[itemprop~='author'], [itemprop~='creator']",
    # hCard names only inside an author (infoboxes mark up places and companies as hCards too).
    "a[rel~='author'], .author .fn, [class*='author'] .fn, .p-author .p-name, .p-author",
    "[class*='byline'], [id*='byline'], [class*='Byline']",
    "[class*='author'], [id*='author'], [class*='Author'], [data-author]",
    "[class*='writer'], [class*='Writer']",
    "a[href*='/author/'], a[href*='/authors/'], a[href*='/autor/'], a[href*='/auteur/']",
)
# Inside a byline container, the part that carries the name.
BYLINE_NAME_PARTS = (
    "[itemprop~='name']",
    ".fn",
    "[class*='name']",
    "[class*='Name']",
    "a[rel~='author']",
    "a[href*='/author']",
)
# Unmarked parts that hold the name in a byline box ("By <a>Jane Doe</a>, Staff Writer ...").
BYLINE_PLAIN_PARTS = ("a", "strong, b")
MAX_BYLINE_CHARS = 100
"""Longer byline containers hold a biography, not a name: their name part is searched instead."""
MAX_BYLINE_BOX_CHARS = 600
"""Past this, a container is a page region (a <body> or <article> with an author class), not a byline box."""
# Class and id names that mark a byline; "authorized", "authorization" and "authority" do not.
_BYLINE_MARK = re.compile(r"author(?!i[tsz])|byline|writer", re.IGNORECASE)
BYLINE_PAGE_TAGS = frozenset({"html", "body", "main", "article"})
"""Page regions whose class names describe the page ("single-author") rather than a byline."""
MAX_NAME_WORDS = 6
"""Words in one name; a longer byline is a sentence (a list of names may have twice as many)."""
MAX_DATELINE_CHARS = 80
"""Longer texts are sentences that mention a date, not a dateline."""
# Characters no byline has: labels (":"), markup and templates ("{", "="), slogans ("!", "?"),
# and the marks of brands ("®", "™", "©").
NOT_IN_NAMES = (":", "{", "=", "!", "?", "®", "™", "©")
# Words of job titles written after a byline's names.
# fmt: off
ROLE_WORDS = frozenset({
    "director", "manager", "editor", "writer", "reporter", "correspondent", "columnist", "founder",
    "cofounder", "ceo", "cto", "cfo", "coo", "president", "head", "officer", "chief", "lead", "analyst",
    "consultant", "specialist", "strategist", "producer", "contributor", "professor", "researcher",
    "engineer", "developer", "designer", "marketing", "staff", "intern", "partner", "owner", "principal"
})
# fmt: on
# Lower-case words inside names: "Ludwig van Beethoven", "Maria da Silva".
NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le", "bin", "al", "y", "e"}
)


@dataclass(frozen=True, slots=True)
class Meta:
    """Everything metadata reads, gathered in one pass over the tree."""

    tags: dict[str, list[str]]
    """Lower-cased meta name/property -> non-empty contents, in page order."""
    jsonld: list[dict[str, Any]]
    """JSON-LD objects flattened out of @graph and lists."""
    ids: dict[str, dict[str, Any]]
    """JSON-LD @id -> the fullest object with that id, for resolving references."""


# --------------------------------------------------------------------------
# Collecting
# --------------------------------------------------------------------------


_JSONLD_SCRIPTS = "script[type='application/ld+json'], script[type='application/json+ld']"


def collect(tree: LexborHTMLParser) -> Meta:
    """The page's <meta> tags and JSON-LD, read once for every field."""
    tags: dict[str, list[str]] = {}
    # One query (a walk of the page) for both kinds, told apart by tag: no
    # element matches both, and each kind keeps its page order.
    found = tree.css(f"meta, {_JSONLD_SCRIPTS}")
    for node in found:
        if node.tag != "meta":
            continue
        attrs = node.attributes
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        # RDFa allows several properties on one tag: property="dc:creator og:author".
        keys = (attrs.get("property") or "").split() or [
            attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv") or ""
        ]
        for key in keys:
            if key.strip():
                tags.setdefault(key.strip().lower(), []).append(_squash(content))
    jsonld: list[dict[str, Any]] = []
    for node in found:
        if node.tag == "meta":
            continue
        data = parse_jsonld(node.text(deep=True) or "")
        if data is not None:
            jsonld.extend(_flatten(data))
    ids: dict[str, dict[str, Any]] = {}
    for obj in jsonld:
        ref = obj.get("@id")
        if isinstance(ref, str) and len(obj) > len(ids.get(ref, {})):
            ids[ref] = obj
    return Meta(tags=tags, jsonld=jsonld, ids=ids)


def parse_jsonld(raw: str) -> Any:
    """A JSON-LD script's data, forgiving the wrappers and slips seen in the wild; None if hopeless."""
    # CDATA sections and HTML comments are left around JSON by XHTML-era templates.
    text = re.sub(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$", "", raw.strip()).strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except RecursionError:
        return None  # thousands of nested brackets: hostile, not metadata
    except ValueError:
        pass
    try:  # trailing commas and raw control characters are common
        return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
    except (ValueError, RecursionError):
        return None


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, in order: lists, @graph and an article mainEntity opened.

    Iterative, so that pathological nesting cannot exhaust the interpreter's stack.
    """
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            inner = []
            if item.get("@graph") is not None:
                inner.append(item["@graph"])
            main = item.get("mainEntity")
            if isinstance(main, dict) and _types(main) & ARTICLE_TYPES:
                inner.append(main)
            pending.extend(reversed(inner))


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values}


def _main_objects(meta: Meta) -> list[dict[str, Any]]:
    """JSON-LD objects describing the content, most article-like first."""
    found = [obj for obj in meta.jsonld if _types(obj) & ARTICLE_TYPES]

    def rank(obj: dict[str, Any]) -> int:
        types = _types(obj)
        if types & PAGE_TYPES:
            return 2
        if types & THING_TYPES:
            return 1
        return 0

    return sorted(found, key=rank)


def _resolve(meta: Meta, value: Any) -> Any:
    """A JSON-LD {"@id": ...} reference replaced by the object it points to."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return meta.ids.get(value["@id"], value)
    return value


def _squash(value: str) -> str:
    """Whitespace collapsed and entities decoded (pages often escape twice: `&amp;#8217;`)."""
    return collapse(html.unescape(value))


def _meta_values(meta: Meta, name: str) -> list[str]:
    return meta.tags.get(name, [])


def _first_meta(meta: Meta, names: Iterable[str]) -> str | None:
    for name in names:
        values = meta.tags.get(name)
        if values:
            return values[0]
    return None


def _clean(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None or isinstance(value, (dict, list)):
        return None
    text = _squash(str(value))
    return text or None


def _node_text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    return collapse(node.text(deep=True, separator=" ") or "")


def _key(text: str) -> str:
    """Comparison form: case, accents, quotes, dashes and punctuation ignored."""
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return collapse(_NON_WORD.sub(" ", bare))


# --------------------------------------------------------------------------
# Site identity (used by title and author to recognise the site's own name)
# --------------------------------------------------------------------------


def _site_names(tree: LexborHTMLParser, meta: Meta) -> set[str]:
    """Comparison keys of every name the page gives itself, its host's name included;
    where it gives none (an old page without OpenGraph, read from a file), the last part
    of its <title>, which `extract_sitename` takes for the site's name too."""
    keys = _declared_site_names(meta)
    host = _page_host(tree, meta)
    if host:
        keys.add(host)
    if not keys:
        title_site = _key(_title_site_part(tree) or "")
        if title_site:
            keys.add(title_site)
    return keys


def _title_site_part(tree: LexborHTMLParser) -> str | None:
    """The last part of the <title> when it is short enough to be a name: "… - The Daily Gazette"."""
    title = _node_text(tree.css_first("title"))
    if not title:
        return None
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) >= 2 and len(parts[-1].split()) <= 4 and parts[-1].strip():
        return parts[-1].strip()
    return None


def _declared_site_names(meta: Meta) -> set[str]:
    """Comparison keys of the names the page declares for itself: og:site_name, publisher, WebSite."""
    names = [_first_meta(meta, ("og:site_name", "application-name", "publisher", "dc.publisher"))]
    for obj in meta.jsonld:
        if _types(obj) & {"website", "organization", "newsmediaorganization", "corporation"}:
            names.append(_clean(obj.get("name")))
    for obj in _main_objects(meta):
        names.append(_clean(_resolve(meta, obj.get("publisher"))))
    return {_key(n) for n in names if n and _key(n)}


def canonical_url(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """The address the page gives for itself (og:url, else <link rel=canonical>): its
    real site even when it is read from a file or a mirror."""
    url = _first_meta(meta, ("og:url",))
    if not url:
        link = tree.css_first("link[rel~='canonical']")
        url = link.attributes.get("href") if link is not None else None
    return url or None


def _page_host(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """The page's registered name ('example' for www.example.co.uk), from its canonical address."""
    url = canonical_url(tree, meta)
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    labels = [p for p in host.split(".") if p and p not in ("www", "m", "amp", "blog", "blogs", "news")]
    if len(labels) >= 3 and ".".join(labels[-2:]) in HOSTING_PLATFORMS:
        return labels[-3]  # the blog's own name: gordonsradiobench.blogspot.com
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # example.co.uk, example.com.au
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    return labels[-1] if labels else None


def _is_site_name(text: str, sites: set[str]) -> bool:
    key = _key(text)
    if not key:
        return False
    if key in sites:
        return True
    squashed = key.replace(" ", "")
    return any(squashed == site.replace(" ", "") for site in sites)


def _mentions_site(text: str, sites: set[str]) -> bool:
    """A title segment that is the site: its name, its host, or the name with a tagline."""
    if _is_site_name(text, sites):
        return True
    key = _key(text)
    squashed = key.replace(" ", "")
    for site in sites:
        flat = site.replace(" ", "")
        if len(flat) >= 3 and (
            squashed.startswith(flat) or (len(squashed) >= 4 and flat.startswith(squashed))
        ):
            return True
        if len(flat) >= 4 and f" {site} " in f" {key} " and len(key.split()) <= len(site.split()) + 2:
            return True
    return False


# --------------------------------------------------------------------------
# Title
# --------------------------------------------------------------------------


def extract_title(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """Headline: an <h1> agreeing with a declared title, else the declared title without the site name."""
    sites = _site_names(tree, meta)
    declared = _declared_titles(tree, meta)
    for heading in _headings(tree):
        if _is_site_name(heading, sites):
            continue
        for title in declared:
            if _key(heading) == _key(title):
                return title  # the same words: the declared spelling, free of markup quirks
        if any(_heading_agrees(heading, strip_site_name(title, sites)) for title in declared):
            return heading
    stripped = [strip_site_name(title, sites) for title in declared]
    if stripped:
        # A title two sources agree on beats one only its own tag states.
        return max(stripped, key=lambda t: sum(_key(t) == _key(other) for other in stripped))
    headings = _headings(tree)
    return headings[0] if headings else None


def _declared_titles(tree: LexborHTMLParser, meta: Meta) -> list[str]:
    """Titles the page declares, most deliberate first: og:title, JSON-LD, other tags, <title>."""
    titles: list[str] = []
    og = _first_meta(meta, TITLE_META[:1])
    if og:
        titles.append(og)
    for obj in _main_objects(meta):
        for key in ("headline", "name"):
            value = _clean(obj.get(key))
            if value and len(value) <= 300:
                titles.append(value)
    for name in TITLE_META[1:]:
        titles.extend(_meta_values(meta, name)[:1])
    title_tag = _node_text(tree.css_first("title"))
    if title_tag:
        titles.append(_squash(title_tag))
    return list(dict.fromkeys(titles))


def _headings(tree: LexborHTMLParser) -> list[str]:
    """Texts of the first <h1>s (pages with dozens use them for teasers); hidden and logo ones skipped."""
    found = []
    for node in tree.css("h1")[:8]:
        if _hidden(node) or _logo(node):
            continue
        text = _HEADING_ANCHOR.sub("", _node_text(node))
        if 2 <= len(text) <= 300:
            found.append(_squash(text))
    return found


_LOGO_MARKS = re.compile(r"logo|brand|site-?title|site-?name|masthead", re.IGNORECASE)


def _logo(node: LexborNode) -> bool:
    """An <h1> that holds the site's name: in the page header, marked as a logo, or a link home."""
    home = node.css_first("a[href='/'], a[href='./'], a[href='../']")
    if home is not None and len(_node_text(home)) >= 0.8 * len(_node_text(node)):
        return True
    parent: LexborNode | None = node
    for _ in range(4):
        if parent is None:
            break
        marks = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}"
        banner = parent.tag == "header" and parent.attributes.get("role") == "banner"
        if banner or _LOGO_MARKS.search(marks):
            return True
        parent = parent.parent
    return False


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or "display:none" in style


def _heading_agrees(heading: str, title: str) -> bool:
    """The <h1> is the declared title, or the headline part of it, or the full form of a cut title."""
    head, full = _key(heading), _key(title)
    if not head or not full:
        return False
    if head == full:
        return True
    if full.startswith(head) or full.endswith(head):
        # The matched part must be the headline, not a short site or section name: long enough,
        # or exactly the part before the title's first separator ("Logging HOWTO — Python docs").
        first = _key(TITLE_SEPARATORS.split(title, maxsplit=1)[0])
        return len(head) >= 0.4 * len(full) or len(head.split()) >= 4 or head == first
    # og:title cut short by the CMS: the <h1> carries the whole headline.
    return head.startswith(full) and len(full) >= 0.5 * len(head)


def strip_site_name(title: str, sites: set[str] | str | None) -> str:
    """'Headline | Site' -> 'Headline', 'Headline - Section - Site' -> 'Headline - Section'.

    A leading site name stays: titles that start with the brand are landing
    pages, whose brand is part of their name.
    """
    if isinstance(sites, str):
        sites = {_key(sites)}
    sites = sites or set()
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2 or not sites:
        return title.strip()
    while len(parts) > 1 and _mentions_site(parts[-1], sites):
        parts.pop()
    if len(parts) == len(TITLE_SEPARATORS.split(title)):
        return title.strip()
    return _rejoin(title, parts)


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of the original title from the first kept part to the last, separators as they were."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def strip_site_suffix(title: str, sitename: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the site part is identifiable."""
    return strip_site_name(title, {_key(sitename)} if sitename else None)


# --------------------------------------------------------------------------
# Author
# --------------------------------------------------------------------------


def extract_author(
    tree: LexborHTMLParser,
    meta: Meta,
    sitename: str | None = None,
    present: Present | None = None,
    headline: str | None = None,
) -> str | None:
    """Byline: JSON-LD author names, author <meta> tags, then byline markup; names joined by '; '.

    1. declared names that are not the site's own: JSON-LD Person / plain
       names, else the author <meta> tags;
    2. a login name ('jdoe', 'jane.doe') among those gives way to a display
       name from the page's byline markup, which is also the source when
       nothing is declared;
    3. only then the site's own name: when the page types it as a Person or
       shows it as its byline (a personal site, a house byline);
    4. an organisation declared as author that is not the site;
    5. last, where the byline is a placeholder ("admin"), a name that ends the
       `headline` ("... – Pierre Haski"): a column republished under the CMS's
       account, its writer named where the account could not be.

    `present`, the page's index, lets the byline markup skip selectors that cannot match.
    """
    # The host is left out: a personal site's address is its author's name.
    sites = _declared_site_names(meta)
    if sitename:
        sites.add(_key(sitename))
    jsonld = _jsonld_authors(meta)
    meta_names = _meta_authors(meta)
    declared = _accept(jsonld.people + jsonld.untyped, sites) or _accept(meta_names, sites)
    # On forums and social posts the account name is the byline; elsewhere it stands in for one.
    if declared and (_user_posting(meta) or not all(_looks_like_login(name) for name in declared)):
        return "; ".join(declared)
    shown_all = _accept(_byline_authors(tree, present, headline), set())
    shown = [name for name in shown_all if not _is_site_name(name, sites)]
    if shown and (not declared or any(" " in name for name in shown)):
        return "; ".join(shown)
    if declared:
        return "; ".join(declared)
    # Only the site's own name is left: used when the page vouches for it as a person or a byline.
    own = [n for n in _accept(jsonld.people, set()) if _is_site_name(n, sites)] or shown_all[:1]
    chosen = own or _accept(jsonld.organisations, sites)
    if chosen:
        return "; ".join(chosen)
    placeholder = any(
        collapse(name).lower() in PLACEHOLDER_AUTHORS
        for name in (*jsonld.people, *jsonld.untyped, *meta_names)
    )
    return _headline_writer(headline, sites) if placeholder else None


# A person's name after a dash at the end of a headline: two or three capitalised words.
_HEADLINE_WRITER = re.compile(r"\s[–—-]\s((?:[^\W\d_][\w'’.-]*\s){1,2}[^\W\d_][\w'’.-]*)$")


def _headline_writer(headline: str | None, sites: set[str]) -> str | None:
    """The name that ends `headline` ("... – Pierre Haski"), unless it is the site's."""
    match = _HEADLINE_WRITER.search(headline or "")
    if match is None:
        return None
    name = match.group(1)
    if not all(word[0].isupper() for word in name.split()) or _is_site_name(name, sites):
        return None
    return name if _is_name_like(name) else None


def _user_posting(meta: Meta) -> bool:
    """The page declares itself a post by a user: a forum thread, a social post, a question."""
    return any(_types(obj) & USER_POSTING_TYPES for obj in _main_objects(meta)[:1])


def _accept(candidates: Iterable[str], sites: set[str]) -> list[str]:
    names: list[str] = []
    for candidate in candidates:
        for name in split_names(candidate):
            cleaned = clean_author(name)
            if cleaned and not _is_site_name(cleaned, sites) and cleaned not in names:
                names.append(cleaned)
    return names


@dataclass(frozen=True, slots=True)
class _DeclaredAuthors:
    """The main JSON-LD object's author names, sorted by what the page says they are."""

    people: list[str]
    """Typed Person."""
    untyped: list[str]
    """Plain strings and objects without a type."""
    organisations: list[str]


def _jsonld_authors(meta: Meta) -> _DeclaredAuthors:
    """Names of the main JSON-LD object's author (else creator), @id references resolved."""
    for obj in _main_objects(meta):
        found = _DeclaredAuthors([], [], [])
        for key in ("author", "creator"):
            value = obj.get(key)
            for item in value if isinstance(value, list) else [value]:
                _sort_author(_resolve(meta, item), found)
            if found.people or found.untyped or found.organisations:
                return found
    return _DeclaredAuthors([], [], [])


def _sort_author(item: Any, found: _DeclaredAuthors) -> None:
    if not isinstance(item, dict):
        name = _clean(item)
        if name:
            found.untyped.append(name)
        return
    name = _clean(item.get("name"))
    if not name and (item.get("givenName") or item.get("familyName")):
        name = _clean(f"{item.get('givenName') or ''} {item.get('familyName') or ''}")
    if not name:
        return
    types = _types(item)
    if types & ORGANISATION_TYPES:
        found.organisations.append(name)
    elif "person" in types:
        found.people.append(name)
    else:
        found.untyped.append(name)


def _meta_authors(meta: Meta) -> list[str]:
    """The first author <meta> tag that names someone; repeatable tags give every author."""
    for name in AUTHOR_META:
        values = _meta_values(meta, name)
        if name not in REPEATED_AUTHOR_META:
            values = values[:1]
        values = [_flip_surname_first(v) if name.startswith(("citation", "dc")) else v for v in values]
        if any(clean_author(v) for v in values):
            return values
    return _labelled_author(meta)


# Labels SEO plugins (Yoast) put before the author in twitter:labelN / twitter:dataN pairs.
AUTHOR_LABELS = frozenset(
    {
        "written by",
        "author",
        "by",
        "verfasst von",
        "geschrieben von",
        "écrit par",
        "escrito por",
        "scritto da",
        "geschreven door",
        "skrivet av",
        "napisane przez",
        "автор",
    }
)


def _labelled_author(meta: Meta) -> list[str]:
    """twitter:data1 when twitter:label1 says 'Written by' (and so on for 2, 3, ...)."""
    for number in range(1, 5):
        label = _first_meta(meta, (f"twitter:label{number}",))
        if label and label.strip(" :").lower() in AUTHOR_LABELS:
            return _meta_values(meta, f"twitter:data{number}")[:1]
    return []


def _flip_surname_first(name: str) -> str:
    """'Kuhn, Bradley M.' -> 'Bradley M. Kuhn' (the citation and Dublin Core convention)."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts) and len(parts[0].split()) <= 2:
        return f"{parts[1]} {parts[0]}"
    return name


def _looks_like_login(name: str) -> bool:
    """'jdoe', 'jane.doe', 'jane_doe': an account, not the name readers see."""
    return " " not in name and (name.islower() or "." in name or "_" in name)


def _byline_authors(
    tree: LexborHTMLParser, present: Present | None = None, headline: str | None = None
) -> list[str]:
    """Names from byline markup, else a 'By ...' line under the headline."""
    body = tree.body
    if body is None:
        return []
    for selector in BYLINE_SELECTORS:
        query = present.matchable(selector) if present is not None else selector
        for node in body.css(query) if query else ():
            if node.tag in BYLINE_PAGE_TAGS or not _marked_as_byline(node, selector) or _foreign(node):
                continue
            names = [n for n in split_names(_byline_text(node)) if clean_author(n) and _shown_name(n)]
            if names:
                return names
    return _by_line_under_headline(tree, headline)


def _marked_as_byline(node: LexborNode, selector: str) -> bool:
    """Class-name matches must name an author, not an authorisation ("authorized-dealer-link")."""
    if not selector.startswith("[class*="):
        return True
    attrs = node.attributes
    marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return "data-author" in attrs or bool(_BYLINE_MARK.search(marks))


def _shown_name(name: str) -> bool:
    """Names shown on a page are capitalised: "billed annually" is a price note, "jdoe" a login."""
    words = name.split()
    return len(words) < 2 or any(ch.isupper() for ch in name) or not any(ch.islower() for ch in name)


def _byline_text(node: LexborNode) -> str:
    """A byline container's text, or that of the part carrying the name when the container holds more."""
    text = _node_text(node)
    if node.tag == "meta":
        text = node.attributes.get("content") or ""
    if text and len(text) <= MAX_BYLINE_CHARS and clean_author(text):
        return text
    parts = BYLINE_NAME_PARTS + (BYLINE_PLAIN_PARTS if len(text) <= MAX_BYLINE_BOX_CHARS else ())
    for selector in parts:
        for part in node.css(selector)[:3]:
            inner = _node_text(part)
            if inner and len(inner) <= MAX_BYLINE_CHARS and clean_author(inner):
                return inner
    return ""


def _foreign(node: LexborNode) -> bool:
    """Inside navigation, a sidebar, comments, related stories, or the site's own footer."""
    tags: list[str] = []
    parent: LexborNode | None = node
    while parent is not None and parent.tag not in ("body", "html", "-document"):
        tag = parent.tag or ""
        if tag in FOREIGN_TAGS:
            return True
        if len(tags) < FOREIGN_DEPTH:
            marks = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}".lower()
            words = marks.split()
            if FOREIGN_WORDS.intersection(words) or FOREIGN_PARTS.intersection(_CLASS_PARTS.split(marks)):
                return True
        tags.append(tag)
        parent = parent.parent
    for outer in OUTER_TAGS:
        if outer in tags and not {"article", "main"} & set(tags[tags.index(outer) :]):
            return True
    return False


# "By Jane Doe", "Written by: Jane Doe", "Par Jeanne Dupont": a byline in running text.
_BY_LINE = re.compile(
    r"^(?:(?:written|posted|published|article|story|words|text|reported|report)\s+)?by\s*:?\s+\S|"
    r"^(?:von|par|por|door|di)\s+\S",
    re.IGNORECASE,
)
# The same labels alone in their element, the name in the next one.
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|published|article|story|words|text|reported)\s+)?by\s*:?$|"
    r"^(?:about\s+the\s+)?authors?\s*:?$|^(?:von|par|por|door|autor|auteur|autore)\s*:?$",
    re.IGNORECASE,
)


def _by_line_under_headline(tree: LexborHTMLParser, headline: str | None = None) -> list[str]:
    """A 'By Jane Doe' element, or a 'Written by' label and the name after it, following the first <h1>."""
    after_label = False
    for node, text in _short_texts_after_headline(tree, headline):
        if len(text) > MAX_BYLINE_CHARS:
            continue
        if _BYLINE_LABEL.match(text):
            after_label = not _foreign(node)
            continue
        if (after_label or _BY_LINE.match(text)) and not _foreign(node):
            # In running text only capitalised words make a name: "By continuing, you agree" is no byline.
            names = [n for n in split_names(text) if clean_author(n) and _capitalised(n)]
            if names:
                return names
            after_label = False
    return []


HEADLINE_SCAN_BUDGET = 150
"""Elements looked at after the headline: its byline and dateline sit under it, or close the article."""
_BLOCKS = "p, div, li, ul, ol, section, article, table, h2, h3, h4, blockquote, figure, header, footer"
# The same tags as a set: Lexbor's `css_first` matches the node it is called on
# too, so a node of one of these tags needs no query.
_BLOCK_TAGS = frozenset(_BLOCKS.split(", "))
_SKIPPED = frozenset({"-comment", "script", "style", "svg", "img", "noscript", "template", "iframe"})
# Drawing elements inside inline <svg> icons: passed over without spending the budget.
# fmt: off
_SVG_PARTS = frozenset({
    "path", "g", "use", "circle", "rect", "line", "polyline", "polygon", "ellipse", "defs", "symbol",
    "lineargradient", "radialgradient", "stop", "clippath", "mask", "title"
})
# fmt: on


def _short_texts_after_headline(
    tree: LexborHTMLParser, headline: str | None = None
) -> Iterator[tuple[LexborNode, str]]:
    """(element, text) for the innermost blocks and inline elements after the first <h1>, in page order.

    Containers of other blocks with no text of their own are passed over
    (their blocks come next), so long texts are not read over and over.
    """
    h1 = _headline_node(tree, headline)
    if h1 is None or tree.body is None:
        return
    budget = HEADLINE_SCAN_BUDGET
    # On a page without <h1> or <h2> (an older one), bare text between blocks is read too.
    bare = h1.tag not in ("h1", "h2")
    # Containers known to hold blocks (`mem_id` -> bool), for the bare text beside them.
    holds: dict[int, bool] = {}
    for node in _nodes_after(h1, tree.body, text=bare):
        tag = node.tag  # read once: each read makes a new string
        if tag == "-text":
            # Bare text between blocks, its lines split by <br>s ("Par Marie Dupont<br>Le 12
            # février 2009<br>" in a <div> after the headline): a line of its own. Text in a
            # paragraph or an inline element is read with that element.
            text = collapse(node.text_content or "")
            parent = node.parent
            if not text or parent is None:
                continue
            known = holds.get(parent.mem_id)
            if known is None:
                known = holds[parent.mem_id] = _holds_blocks(parent)
            if known:
                budget -= 1
                if budget < 0:
                    return
                yield parent, text
            continue
        if tag in _SKIPPED or tag in _SVG_PARTS:
            continue
        budget -= 1
        if budget < 0:
            return
        # Own words first: that test is cheap, the query for a block is not.
        if not (node.text(deep=False) or "").strip() and (tag in _BLOCK_TAGS or _holds_blocks(node)):
            continue  # a container of blocks with no words of its own: its blocks come next
        text = _node_text(node)
        if text:
            yield node, text


# The headline of a page without <h1> or <h2> is looked for among its first nodes.
HEADLINE_SEARCH_NODES = 3_000
MIN_HEADLINE_CHARS = 12


def _headline_node(tree: LexborHTMLParser, headline: str | None) -> LexborNode | None:
    """The element holding the headline: the first <h1>; on pages built without one, the
    first <h2> (site builders show their headline so); on pages with neither (an older
    page's <b> or <font> headline), the element whose text is the page's `headline`."""
    heading = tree.css_first("h1") or tree.css_first("h2")
    if heading is not None or not headline or tree.body is None:
        return heading
    key = _key(headline)
    if len(key) < MIN_HEADLINE_CHARS:
        return None
    for seen, node in enumerate(tree.body.traverse(include_text=True)):
        if seen >= HEADLINE_SEARCH_NODES:
            break
        if node.tag == "-text" and _key(node.text_content or "") == key:
            return node.parent
    return None


# Elements a walk in Python looks through for a block before Lexbor's query is
# cheaper: most inline elements hold a link or an icon, and a query costs a few
# times a short walk.
BLOCK_WALK_LIMIT = 32


def _holds_blocks(node: LexborNode) -> bool:
    """`node.css_first(_BLOCKS) is not None`: `node` or an element inside it is a block."""
    for seen, inner in enumerate(node.traverse()):
        if seen >= BLOCK_WALK_LIMIT:
            return node.css_first(_BLOCKS) is not None
        if inner.tag in _BLOCK_TAGS:
            return True
    return False


def _nodes_after(start: LexborNode, body: LexborNode, text: bool = False) -> Iterator[LexborNode]:
    """The elements (with `text`, the text nodes too) after `start` in `body`, in page order
    (as `body.traverse(include_text=text)` lists them past `start`), without walking the
    ones before it; none if `start` is outside."""
    ancestors = []
    node: LexborNode | None = start
    while node is not None and node.mem_id != body.mem_id:
        ancestors.append(node)
        node = node.parent
    if node is None:
        return
    yield from islice(start.traverse(include_text=text), 1, None)
    for ancestor in ancestors:
        sibling = ancestor.next
        while sibling is not None:
            yield from sibling.traverse(include_text=text)
            sibling = sibling.next


def _capitalised(name: str) -> bool:
    """Every word capitalised but the particles: how names are written in running text."""
    words = [w for w in name.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and all(w[0].isupper() for w in words)


def split_names(value: str) -> list[str]:
    """'By A and B', 'A, B & C', 'A; B' -> each name; 'Doe, Jane' and 'Jane Doe, MD' stay whole."""
    text = _cut_byline(value)
    if not text:
        return []
    parts = [p for p in _NAME_SPLIT.split(text) if p and p.strip()]
    # "Jane Doe, Senior Editor, Example Media": the names end where a job title begins.
    for index, part in enumerate(parts[1:], start=1):
        if ROLE_WORDS.intersection(_key(part).split()):
            parts = parts[:index]
            text = _rejoin(text, parts) if len(parts) > 1 else parts[0]
            break
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        # "A and B, extension educators": the role is in lower case, the names are not.
        names = [_cut_byline(p) for p in parts]
        return [n for n in names if n and (_capitalised(n) or not any(_capitalised(m) for m in names))]
    return [text]


def _cut_byline(value: str) -> str:
    """The name part of a byline: 'By', 'Written by' and the dateline or role after it removed."""
    text = collapse(html.unescape(value))
    for _ in range(3):
        shorter = _BY_PREFIX.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    text = _BYLINE_TAIL.sub("", text)
    return text.strip(" ,;:|-–—•·")


def clean_author(value: str | None, sitename: str | None = None) -> str | None:
    """A byline as a reader would write it, or None for placeholders, labels, dates and URLs."""
    if not value:
        return None
    text = _cut_byline(value)
    if not text or len(text) > 80 or not _is_name_like(text):
        return None
    if sitename and _key(text) == _key(sitename):
        return None
    return text


def _is_name_like(text: str) -> bool:
    lowered = text.lower()
    if lowered in PLACEHOLDER_AUTHORS or "http" in lowered or "www." in lowered or text.startswith("@"):
        return False
    if ("@" in text and " " not in text) or _DOMAIN.search(text):
        return False
    if not text[0].isalpha() or any(mark in text for mark in NOT_IN_NAMES):
        return False
    words = text.split()
    if len(words) > MAX_NAME_WORDS * 2 or (len(words) > MAX_NAME_WORDS and "," not in text):
        return False
    if all(w.strip(".,()").lower() in BYLINE_LABEL_WORDS for w in words):
        return False
    if any(w.lower() == "by" for w in words):
        return False  # a label left inside: "Jun 2 Written By", "Websites by CivicPlus"
    digits = sum(ch.isdigit() for ch in text)
    if digits * 2 >= len(text.replace(" ", "")) or digits >= 4:
        return False
    if len(words) > 4 and text[-1] in ".!?":
        return False  # a sentence, not a name
    return not (("." in text and " " not in text) and text.count(".") > 1)  # page.head.extra.author


# --------------------------------------------------------------------------
# Date
# --------------------------------------------------------------------------


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
    objects = _main_objects(meta)
    found = _first_date(_clean(obj.get("datePublished")) for obj in objects)
    found = found or _first_date(v for name in PUBLISHED_META for v in _meta_values(meta, name)[:1])
    found = found or _first_date(_clean(obj.get(key)) for obj in objects for key in JSONLD_PUBLISHED[1:])
    found = found or _markup_date(tree, PUBLISHED_MARKUP, present)
    if found or _undated(meta):
        return DateClues(found)
    found = _markup_date(tree, ("time[datetime]",), present) or _visible_date(tree, headline)
    if found:
        return DateClues(found)
    modified = _first_date(_clean(obj.get("dateModified")) for obj in objects) or _first_date(
        v for name in MODIFIED_META for v in _meta_values(meta, name)[:1]
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
_REVISION = re.compile(r"updated|modified|edited|revised|aktualisiert|mis à jour|actualizado", re.IGNORECASE)


def _visible_date(tree: LexborHTMLParser, headline: str | None = None) -> str | None:
    """The first date shown under the headline ('Published July 18, 2025'); a revision date only if alone."""
    revision = None
    for node, text in _short_texts_after_headline(tree, headline):
        if len(text) > MAX_DATELINE_CHARS:
            continue
        found = find_text_date(text)
        if not found or _foreign(node):
            continue
        if not _REVISION.search(text):
            return found
        revision = revision or found
    return revision


def _undated(meta: Meta) -> bool:
    """The page declares itself a listing, a product or a service, and no story."""
    types = set().union(*(_types(obj) for obj in meta.jsonld)) if meta.jsonld else set()
    og_type = (_first_meta(meta, ("og:type",)) or "").lower()
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
            if _foreign(node):
                continue
            attrs = node.attributes
            # <abbr title="2019-03-05T10:30:00Z">10:30 am</abbr> (hAtom, Blogger) keeps the date in its title.
            value = (
                attrs.get("datetime") or attrs.get("content") or (node.tag == "abbr" and attrs.get("title"))
            )
            found = normalise_date(value or _node_text(node))
            if found:
                return found
    return None


# --------------------------------------------------------------------------
# Site name, description, language
# --------------------------------------------------------------------------


def extract_sitename(tree: LexborHTMLParser, meta: Meta, url: str | None) -> str | None:
    """Site name: og:site_name, JSON-LD publisher / WebSite, the feed's title, other tags, the <title>."""
    value = _first_meta(meta, SITENAME_META[:1])
    if value:
        return _without_tagline(value, _page_host(tree, meta))
    for obj in _main_objects(meta):
        name = _clean(_resolve(meta, obj.get("publisher")))
        if name:
            return name
    for obj in meta.jsonld:
        if "website" in _types(obj):
            name = _clean(obj.get("name"))
            if name:
                return name
    value = _feed_title(tree) or _first_meta(meta, SITENAME_META[1:4])
    if value:
        return value
    return _title_site_part(tree)


# What feed links add to the site's name: "Example » Feed", "Example - Atom".
_FEED_WORDS = re.compile(
    r"^(?:(?:rss|atom|json)\s*)?(?:comments\s+)?(?:feed|rss|atom)(?:\s*[\d.]+)?$", re.IGNORECASE
)


def _feed_title(tree: LexborHTMLParser) -> str | None:
    """The site's name from its first RSS / Atom link, the feed's own words removed."""
    for link in tree.css("link[rel~='alternate'][title]")[:3]:
        kind = (link.attributes.get("type") or "").lower()
        if "rss" not in kind and "atom" not in kind:
            continue
        parts = [p.strip() for p in TITLE_SEPARATORS.split(_squash(link.attributes.get("title") or ""))]
        while parts and (not parts[-1] or _FEED_WORDS.match(parts[-1])):
            parts.pop()
        if len(parts) == 1:
            return parts[0]
    return None


def _without_tagline(name: str, host: str | None) -> str:
    """'Example.com - News you can use' -> 'Example.com' when the first part is the host's name."""
    parts = TITLE_SEPARATORS.split(name)
    if len(parts) >= 2 and host and _key(parts[0]).replace(" ", "").startswith(host):
        return parts[0].strip()
    return name


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
    node = tree.css_first("html")
    value = node.attributes.get("lang") or node.attributes.get("xml:lang") if node is not None else None
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

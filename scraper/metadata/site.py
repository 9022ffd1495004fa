"""The site's identity: its name (declared, or the `<title>`'s suffix, or its feed's),
its canonical address and host, how a text is recognised as the site's own name; and
the page's description and language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from scraper.metadata.sources import (
    Meta,
    clean_value,
    compare_key,
    first_meta,
    main_objects,
    node_text,
    resolved,
    squash,
    types_of,
)

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
SITENAME_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
DESCRIPTION_META = ("description", "og:description", "twitter:description", "dc.description")
LANGUAGE_META = ("og:locale", "content-language", "language", "dc.language")
# Separators between a page title and the site name in <title>; Chinese and Japanese titles
# also use the full-width bar.
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/~]\s+|\s*[|·•»｜]\s*")
# ...and an underscore beside their own characters ("标题_栏目_网站名"), which only names the site:
# a title keeps its underscores, for some are its own ("新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天"),
# and elsewhere an underscore is part of a name ("os_path").
SITE_PART_SEPARATORS = re.compile(
    TITLE_SEPARATORS.pattern
    + r"|(?<=[\u3040-\u30ff\u4e00-\u9fff”」）])_|_(?=[\u3040-\u30ff\u4e00-\u9fff“「（])"
)


def site_names(tree: LexborHTMLParser, meta: Meta, from_title: bool = True) -> set[str]:
    """Comparison keys of every name the page gives itself, its host's name included;
    where it gives none (an old page without OpenGraph, read from a file), the last part
    of its <title>, which `extract_sitename` takes for the site's name too (unless
    `from_title` is false: that part may be the headline, "Site | Headline")."""
    keys = declared_site_names(meta)
    host = _page_host(tree, meta)
    if host:
        keys.add(host)
    if not keys and from_title:
        title_site = compare_key(_title_site_part(tree) or "")
        if title_site:
            keys.add(title_site)
    return keys


def _title_site_part(tree: LexborHTMLParser) -> str | None:
    """The last part of the <title> when it is short enough to be a name: "… - The Daily Gazette"."""
    title = node_text(tree.css_first("title"))
    if not title:
        return None
    parts = SITE_PART_SEPARATORS.split(title)
    if len(parts) >= 2 and len(parts[-1].split()) <= 4 and parts[-1].strip():
        return parts[-1].strip()
    return None


def declared_site_names(meta: Meta) -> set[str]:
    """Comparison keys of the names the page declares for itself: og:site_name, publisher, WebSite."""
    names = [first_meta(meta, ("og:site_name", "application-name", "publisher", "dc.publisher"))]
    for obj in meta.jsonld:
        if types_of(obj) & {"website", "organization", "newsmediaorganization", "corporation"}:
            names.append(clean_value(obj.get("name")))
    for obj in main_objects(meta):
        names.append(clean_value(resolved(meta, obj.get("publisher"))))
    return {compare_key(n) for n in names if n and compare_key(n)}


def canonical_url(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """The address the page gives for itself (og:url, else <link rel=canonical>): its
    real site even when it is read from a file or a mirror."""
    url = first_meta(meta, ("og:url",))
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


def is_site_name(text: str, sites: set[str]) -> bool:
    key = compare_key(text)
    if not key:
        return False
    if key in sites:
        return True
    squashed = key.replace(" ", "")
    return any(squashed == site.replace(" ", "") for site in sites)


def mentions_site(text: str, sites: set[str]) -> bool:
    """A title segment that is the site: its name, its host, or the name with a tagline."""
    if is_site_name(text, sites):
        return True
    key = compare_key(text)
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


def extract_sitename(tree: LexborHTMLParser, meta: Meta, url: str | None) -> str | None:
    """Site name: og:site_name, JSON-LD publisher / WebSite, the feed's title, other tags, the <title>."""
    value = first_meta(meta, SITENAME_META[:1])
    if value:
        return _without_tagline(value, _page_host(tree, meta))
    for obj in main_objects(meta):
        name = clean_value(resolved(meta, obj.get("publisher")))
        if name:
            return name
    for obj in meta.jsonld:
        if "website" in types_of(obj):
            name = clean_value(obj.get("name"))
            if name:
                return name
    value = _feed_title(tree) or first_meta(meta, SITENAME_META[1:4])
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
        parts = [p.strip() for p in TITLE_SEPARATORS.split(squash(link.attributes.get("title") or ""))]
        while parts and (not parts[-1] or _FEED_WORDS.match(parts[-1])):
            parts.pop()
        if len(parts) == 1:
            return parts[0]
    return None


def _without_tagline(name: str, host: str | None) -> str:
    """'Example.com - News you can use' -> 'Example.com' when the first part is the host's name."""
    parts = TITLE_SEPARATORS.split(name)
    if len(parts) >= 2 and host and compare_key(parts[0]).replace(" ", "").startswith(host):
        return parts[0].strip()
    return name


def extract_description(tree: LexborHTMLParser, meta: Meta) -> str | None:
    value = first_meta(meta, DESCRIPTION_META)
    if value:
        return value
    for obj in main_objects(meta):
        description = clean_value(obj.get("description"))
        if description:
            return description
    return None


def extract_language(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """BCP 47 tag from <html lang>, then content-language / og:locale."""
    node = tree.css_first("html")
    value = node.attributes.get("lang") or node.attributes.get("xml:lang") if node is not None else None
    value = value or first_meta(meta, LANGUAGE_META)
    for obj in main_objects(meta):
        value = value or clean_value(obj.get("inLanguage"))
    if not value:
        return None
    tag = value.strip().replace("_", "-").split(",")[0].strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", tag):
        return None
    head, _, rest = tag.partition("-")
    return head.lower() + ("-" + rest.upper() if rest and len(rest) == 2 else ("-" + rest if rest else ""))

"""What a page declares about itself, read once: `<meta>` tags and JSON-LD (`collect`),
and the small readers every field shares (the main JSON-LD objects, first meta value,
value cleaning, comparison keys)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import collapse

# schema.org types whose JSON-LD describes the page's main content.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "posting",
        "reportagenewsarticle",
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
_NON_WORD = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class Meta:
    """Everything metadata reads, gathered in one pass over the tree."""

    tags: dict[str, list[str]]
    """Lower-cased meta name/property -> non-empty contents, in page order."""
    jsonld: list[dict[str, Any]]
    """JSON-LD objects flattened out of @graph and lists."""
    ids: dict[str, dict[str, Any]]
    """JSON-LD @id -> the fullest object with that id, for resolving references."""


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
                tags.setdefault(key.strip().lower(), []).append(squash(content))
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
            if isinstance(main, dict) and types_of(main) & ARTICLE_TYPES:
                inner.append(main)
            pending.extend(reversed(inner))


def types_of(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values}


def main_objects(meta: Meta) -> list[dict[str, Any]]:
    """JSON-LD objects describing the content, most article-like first."""
    found = [obj for obj in meta.jsonld if types_of(obj) & ARTICLE_TYPES]

    def rank(obj: dict[str, Any]) -> int:
        types = types_of(obj)
        if types & PAGE_TYPES:
            return 2
        if types & THING_TYPES:
            return 1
        return 0

    return sorted(found, key=rank)


def resolved(meta: Meta, value: Any) -> Any:
    """A JSON-LD {"@id": ...} reference replaced by the object it points to."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return meta.ids.get(value["@id"], value)
    return value


def squash(value: str) -> str:
    """Whitespace collapsed and entities decoded (pages often escape twice: `&amp;#8217;`)."""
    return collapse(html.unescape(value))


def meta_values(meta: Meta, name: str) -> list[str]:
    return meta.tags.get(name, [])


def first_meta(meta: Meta, names: Iterable[str]) -> str | None:
    for name in names:
        values = meta.tags.get(name)
        if values:
            return values[0]
    return None


def clean_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None or isinstance(value, (dict, list)):
        return None
    text = squash(str(value))
    return text or None


def node_text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    return collapse(node.text(deep=True, separator=" ") or "")


def compare_key(text: str) -> str:
    """Comparison form: case, accents, quotes, dashes and punctuation ignored."""
    if text.isascii():
        # No curly quotes, no accents to fold: the same key without a Python step per
        # character (the headline search compares every text node near the headline).
        return collapse(_NON_WORD.sub(" ", text.lower()))
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return collapse(_NON_WORD.sub(" ", bare))

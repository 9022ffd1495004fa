"""The author: JSON-LD names, author `<meta>` tags (and SEO plugins' "Written by" label
pairs), then byline markup (itemprop, rel=author, hCard, class names, author links,
"By ..." under the headline). Never a placeholder such as "admin", a label such as
"Written by", or the site's own name while anything else names a person."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import collapse
from scraper.metadata.regions import is_foreign, short_texts_after_headline
from scraper.metadata.site import declared_site_names, is_site_name
from scraper.metadata.sources import (
    Meta,
    clean_value,
    compare_key,
    first_meta,
    main_objects,
    meta_values,
    node_text,
    resolved,
    types_of,
)
from scraper.metadata.title import rejoin
from scraper.selectors import Present
from scraper.words import has_east_asian

# Posts whose authors are accounts: their login names are their bylines.
USER_POSTING_TYPES = frozenset(
    {"discussionforumposting", "socialmediaposting", "qapage", "question", "comment"}
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
    "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "home",
    # ...and a forum's column headings beside "Author" (phpBB's "Author | Message").
    "message", "messages", "reply", "replies", "thread", "subject",
})
# fmt: on
# Leading labels of a byline, in the languages we see most.
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:(?:written|posted|published|reported|reviewed|edited|curated|compiled|words|story|text|"
    r"photos?|article|medically\s+reviewed|fact[- ]checked|"
    r"(?:view\s+)?(?:all\s+)?(?:posts|articles|stories))\s+)?by\b|author(?:s|ed\s+by)?\s*:|"
    # Each word whole: "AFP" is no "af" (Danish "by") before "P".
    r"(?:von|par|por|di|door|av|af|от|oleh|bởi|автор|autor(?:in|ka)?|auteur)\b\s*:?|penulis\s*:|yazar\s*:"
    r"|作者[:：]?)\s*",
    re.IGNORECASE,
)
# Where a byline's name ends and its dateline or role begins.
_BYLINE_TAIL = re.compile(
    r"""\s*(?:[|•·/»›]|\s[-–—]\s|\bon\s+(?=\w+\s+\d)|\b(?:last\s+)?(?:updated|published|posted|modified)\b|
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
# The enumeration comma, full-width comma and semicolon between Chinese and Japanese names:
# "王小明、李华". No name holds one, whatever the names' length.
_CJK_NAME_SPLIT = re.compile(r"\s*[、，；]\s*")
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
# Characters no byline has: labels (":"), markup and templates ("{", "="), slogans ("!", "?"),
# the marks of brands ("®", "™", "©"), and the full stop, colon and marks of Chinese and
# Japanese prose (an author box's biography: "東京で…育てています。").
NOT_IN_NAMES = (":", "{", "=", "!", "?", "®", "™", "©", "。", "：", "！", "？")
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
    sites = declared_site_names(meta)
    if sitename:
        sites.add(compare_key(sitename))
    jsonld = _jsonld_authors(meta)
    meta_names = _meta_authors(meta)
    declared = _accept(jsonld.people + jsonld.untyped, sites) or _accept(meta_names, sites)
    # On forums and social posts the account name is the byline; elsewhere it stands in for one.
    if declared and (_user_posting(meta) or not all(_looks_like_login(name) for name in declared)):
        return "; ".join(declared)
    shown_all = _accept(_byline_authors(tree, present, headline), set())
    shown = [name for name in shown_all if not is_site_name(name, sites)]
    if shown and (not declared or any(" " in name for name in shown)):
        return "; ".join(shown)
    if declared:
        return "; ".join(declared)
    # Only the site's own name is left: used when the page vouches for it as a person or a byline.
    own = [n for n in _accept(jsonld.people, set()) if is_site_name(n, sites)] or shown_all[:1]
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
    if not all(word[0].isupper() for word in name.split()) or is_site_name(name, sites):
        return None
    return name if _is_name_like(name) else None


def _user_posting(meta: Meta) -> bool:
    """The page declares itself a post by a user: a forum thread, a social post, a question."""
    return any(types_of(obj) & USER_POSTING_TYPES for obj in main_objects(meta)[:1])


def _accept(candidates: Iterable[str], sites: set[str]) -> list[str]:
    names: list[str] = []
    for candidate in candidates:
        for name in split_names(candidate):
            cleaned = clean_author(name)
            if cleaned and not is_site_name(cleaned, sites) and cleaned not in names:
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
    for obj in main_objects(meta):
        found = _DeclaredAuthors([], [], [])
        for key in ("author", "creator"):
            value = obj.get(key)
            for item in value if isinstance(value, list) else [value]:
                _sort_author(resolved(meta, item), found)
            if found.people or found.untyped or found.organisations:
                return found
    return _DeclaredAuthors([], [], [])


def _sort_author(item: Any, found: _DeclaredAuthors) -> None:
    if not isinstance(item, dict):
        name = clean_value(item)
        if name:
            found.untyped.append(name)
        return
    name = clean_value(item.get("name"))
    if not name and (item.get("givenName") or item.get("familyName")):
        name = clean_value(f"{item.get('givenName') or ''} {item.get('familyName') or ''}")
    if not name:
        return
    types = types_of(item)
    if types & ORGANISATION_TYPES:
        found.organisations.append(name)
    elif "person" in types:
        found.people.append(name)
    else:
        found.untyped.append(name)


def _meta_authors(meta: Meta) -> list[str]:
    """The first author <meta> tag that names someone; repeatable tags give every author."""
    for name in AUTHOR_META:
        values = meta_values(meta, name)
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
        label = first_meta(meta, (f"twitter:label{number}",))
        if label and label.strip(" :").lower() in AUTHOR_LABELS:
            return meta_values(meta, f"twitter:data{number}")[:1]
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
            if node.tag in BYLINE_PAGE_TAGS or not _marked_as_byline(node, selector) or is_foreign(node):
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


_ROLE_PARTS = "[class*='title'], [class*='role'], [class*='job'], [class*='position']"


def _byline_text(node: LexborNode) -> str:
    """A byline container's text, or that of the part carrying the name when the container holds more."""
    text = node_text(node)
    if node.tag == "meta":
        text = node.attributes.get("content") or ""
    # The writer's role set inside the byline, after the name: "Ben Silverman <div
    # class='author-title'>Games Editor</div>".
    for role in node.css(_ROLE_PARTS)[:2] if text else ():
        said = node_text(role)
        if said and len(said) < len(text) and text.endswith(said):
            text = text[: -len(said)].rstrip(" ,-–—|·")
    if text and len(text) <= MAX_BYLINE_CHARS and clean_author(text):
        return text
    parts = BYLINE_NAME_PARTS + (BYLINE_PLAIN_PARTS if len(text) <= MAX_BYLINE_BOX_CHARS else ())
    for selector in parts:
        for part in node.css(selector)[:3]:
            inner = node_text(part)
            if inner and len(inner) <= MAX_BYLINE_CHARS and clean_author(inner):
                return inner
    return ""


# "By Jane Doe", "Written by: Jane Doe", "Par Jeanne Dupont": a byline in running text.
_BY_LINE = re.compile(
    r"^(?:(?:written|posted|published|article|story|words|text|reported|report)\s+)?by\s*:?\s+\S|"
    r"^(?:von|par|por|door|di|oleh|bởi)\s+\S|^(?:penulis|yazar|autor(?:ka)?)\s*:\s*\S",
    re.IGNORECASE,
)
# The same labels alone in their element, the name in the next one.
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|published|article|story|words|text|reported)\s+)?by\s*:?$|"
    r"^(?:about\s+the\s+)?authors?\s*:?$|^(?:von|par|por|door|autor|auteur|autore|oleh|penulis|yazar)\s*:?$",
    re.IGNORECASE,
)


# A byline on a Chinese, Japanese or Korean page: "作者：王小明", "记者 王小明 李华", "文/王小明",
# "（記者：山田太郎）", "홍길동 기자"; inside a dateline too ("2025-03-10 来源：日报 作者：王小明").
# Names there are written without spaces and stand between spaces or commas.
_CJK_BYLINE = re.compile(
    r"(?:^|(?<=[\s(（\[【|｜]))(?:(?:作者|记者|記者|本报记者|本報記者|特约记者|特約記者|撰文|撰稿|筆者|著者|文)"
    r"\s?[:：/／|｜丨]|(?:本报记者|本報記者|记者|記者)\s)\s?"
    r"(?P<names>[^\s:：。，！？()（）\[\]【】]{2,30}(?:[\s、,，]+[^\s:：。，！？()（）\[\]【】]{2,4}){0,3})"
    r"|(?P<korean>[가-힣]{2,4})\s?기자(?![가-힣])"
)
# Words that follow the names in a Chinese byline: "记者 王小明 报道", "记者 李华 摄".
_CJK_BYLINE_TAIL = frozenset(
    {"报道", "報導", "摄影", "攝影", "摄", "攝", "通讯员", "通訊員", "实习生", "實習生", "编译", "編譯"}
)


def _cjk_byline(text: str) -> list[str]:
    match = _CJK_BYLINE.search(text)
    if match is None:
        return []
    if match.group("korean"):
        return [match.group("korean")]
    names = []
    for name in re.split(r"[\s、,，]+", match.group("names")):
        if name in _CJK_BYLINE_TAIL or any(ch.isdigit() for ch in name):
            break
        names.append(name)
    return [name for name in names if clean_author(name)]


def _by_line_under_headline(tree: LexborHTMLParser, headline: str | None = None) -> list[str]:
    """A 'By Jane Doe' element, or a 'Written by' label and the name after it, following the first <h1>."""
    after_label = False
    for node, text in short_texts_after_headline(tree, headline):
        if len(text) > MAX_BYLINE_CHARS:
            continue
        if has_east_asian(text):
            names = _cjk_byline(text)
            if names and not is_foreign(node):
                return names
        if _BYLINE_LABEL.match(text):
            after_label = not is_foreign(node)
            continue
        if (after_label or _BY_LINE.match(text)) and not is_foreign(node):
            # "By Jane Porter<br>CNN London": the name's line, not the role or desk under it.
            # (A line of bare text, read alone already, is not the whole of its element.)
            whole = node.css_first("br") is not None and collapse(node.text(separator=" ") or "") == text
            if whole:
                text = _first_line(node) or text
            # In running text only capitalised words make a name: "By continuing, you agree" is no byline.
            names = [n for n in split_names(text) if clean_author(n) and _capitalised(n)]
            if names:
                return names
            after_label = False
    return []


_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)


def _first_line(node: LexborNode) -> str:
    """The text of `node` up to its first line break."""
    inner = node.html or ""
    start = inner.find(">") + 1  # past the element's own tag
    first = _BREAK.split(inner[start:], maxsplit=1)[0]
    return collapse(LexborHTMLParser(first).text(separator=" ") if first.strip() else "")


def _capitalised(name: str) -> bool:
    """Every word capitalised but the particles: how names are written in running text."""
    words = [w for w in name.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and all(w[0].isupper() for w in words)


def split_names(value: str) -> list[str]:
    """'By A and B', 'A, B & C', 'A; B' -> each name; 'Doe, Jane' and 'Jane Doe, MD' stay whole."""
    text = _cut_byline(value)
    if not text:
        return []
    if _CJK_NAME_SPLIT.search(text):
        return [p for p in _CJK_NAME_SPLIT.split(text) if p]
    parts = [p for p in _NAME_SPLIT.split(text) if p and p.strip()]
    # "Jane Doe, Senior Editor, Example Media": the names end where a job title begins.
    for index, part in enumerate(parts[1:], start=1):
        if ROLE_WORDS.intersection(compare_key(part).split()):
            parts = parts[:index]
            text = rejoin(text, parts) if len(parts) > 1 else parts[0]
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
    if sitename and compare_key(text) == compare_key(sitename):
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

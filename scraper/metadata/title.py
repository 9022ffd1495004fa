"""The headline: the visible `<h1>` where it agrees with a declared title; on a page
without one, a lower heading or bold text that is whole parts of the declared title;
else the declared title most sources agree on, its trailing site name cut off."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.metadata.site import (
    SITE_PART_SEPARATORS,
    TITLE_SEPARATORS,
    is_site_name,
    mentions_site,
    site_names,
)
from scraper.metadata.sources import (
    Meta,
    clean_value,
    compare_key,
    first_meta,
    main_objects,
    meta_values,
    node_text,
    squash,
)
from scraper.words import has_cjk

TITLE_META = (
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "dc:title",
    "parsely-title",
    "sailthru.title",
)
# Permalink anchors documentation generators append to headings (Sphinx's ¶, MkDocs' #),
# the pilcrow also as a page encoded twice writes it ("Â¶"), which `scraper.mojibake`
# repairs only whole: its "Â" alone would stay behind.
_HEADING_ANCHOR = re.compile(r"\s*(?:Â?¶|[§#🔗])\s*$")


def extract_title(tree: LexborHTMLParser, meta: Meta) -> str | None:
    """Headline: an <h1> agreeing with a declared title, else the declared title without the site name."""
    sites = site_names(tree, meta)
    declared = _declared_titles(tree, meta)
    headings = _headings(tree)
    for heading in headings:
        if is_site_name(heading, sites):
            continue
        for title in declared:
            if compare_key(heading) == compare_key(title):
                return title  # the same words: the declared spelling, free of markup quirks
        if any(_heading_agrees(heading, strip_site_name(title, sites)) for title in declared):
            return heading
    # A page without an <h1> (an older page, a blog whose <h1> is its name) sets its
    # headline in an <h2>, an <h3>, an element named for it ("post-title", "headline") or
    # bold text set large: it is read where its words are a part of the declared title
    # that is not the site's name ("BBC NEWS | Scotland | <headline>", "<blog>: <post>").
    # Only the names the page declares are the site's here: the last part of its title,
    # which stands in for them elsewhere, may be the headline.
    # Of those, the longest: a blog's name may be set in bold before its post's title.
    known = site_names(tree, meta, from_title=False)
    spans = {span for title in declared for span in _title_spans(title)}
    found = [
        heading
        for heading in ([] if headings else _secondary_headings(tree))
        if compare_key(heading) in spans and _long_enough(heading) and not is_site_name(heading, known)
    ]
    if found:
        best = max(found, key=lambda heading: len(compare_key(heading).split()))
        whole = [title for title in declared if compare_key(title) == compare_key(best)]
        return strip_site_name(whole[0], sites) if whole else best
    stripped = [strip_site_name(title, sites) for title in declared]
    if stripped:
        # A title two sources agree on beats one only its own tag states.
        return max(stripped, key=lambda t: sum(compare_key(t) == compare_key(other) for other in stripped))
    return headings[0] if headings else None


def _declared_titles(tree: LexborHTMLParser, meta: Meta) -> list[str]:
    """Titles the page declares, most deliberate first: og:title, JSON-LD, other tags, <title>."""
    titles: list[str] = []
    og = first_meta(meta, TITLE_META[:1])
    if og:
        titles.append(og)
    for obj in main_objects(meta):
        for key in ("headline", "name"):
            value = clean_value(obj.get(key))
            if value and len(value) <= 300:
                titles.append(value)
    for name in TITLE_META[1:]:
        titles.extend(meta_values(meta, name)[:1])
    title_tag = node_text(tree.css_first("title"))
    if title_tag:
        titles.append(squash(title_tag))
    return list(dict.fromkeys(titles))


def _headings(tree: LexborHTMLParser) -> list[str]:
    """Texts of the first <h1>s (pages with dozens use them for teasers); hidden and logo ones skipped."""
    found = []
    for node in tree.css("h1")[:8]:
        if _hidden(node) or _logo(node):
            continue
        text = _HEADING_ANCHOR.sub("", node_text(node))
        if 2 <= len(text) <= 300:
            found.append(squash(text))
    return found


_LOGO_MARKS = re.compile(r"logo|brand|site-?title|site-?name|masthead", re.IGNORECASE)
# ...and an older theme's header, which holds the blog's name (Kubrick's, TypePad's).
_HEADER_IDS = frozenset({"header", "headerimg", "banner", "banner-header"})


# Where a page without an <h1> sets its headline, in document order; `_SECONDARY_LIMIT`
# of them are read.
_SECONDARY = (
    "h2, h3, [class*='title' i], [id*='title' i], [class*='headline' i], [id*='headline' i], b, strong, font"
)
_SECONDARY_LIMIT = 60
# A headline read outside an <h1> has this many words (Chinese and Japanese: characters),
# which a section's name ("Scotland", "UK latest") has not.
MIN_SECONDARY_WORDS = 3
MIN_SECONDARY_CJK_CHARS = 6


def _secondary_headings(tree: LexborHTMLParser) -> list[str]:
    found = []
    for node in tree.css(_SECONDARY)[:_SECONDARY_LIMIT]:
        if node.tag in ("html", "body", "title", "meta", "link", "script", "style") or _hidden(node):
            continue
        text = _HEADING_ANCHOR.sub("", node_text(node))
        if 2 <= len(text) <= 300 and not _logo(node) and not _in_chrome(node):
            found.append(squash(text))
    return found


# Bold text and named elements in the page's chrome are its name, its menus and its
# teasers, whatever their words ("tod-top-banner-text-title").
_CHROME_MARKS = re.compile(r"banner|footer|sidebar|widget|menu|\bnav", re.IGNORECASE)


def _in_chrome(node: LexborNode) -> bool:
    parent: LexborNode | None = node
    for _ in range(3):
        if parent is None:
            return False
        marks = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}"
        if parent.tag in ("nav", "footer", "aside") or _CHROME_MARKS.search(marks):
            return True
        parent = parent.parent
    return False


def _long_enough(heading: str) -> bool:
    """Words enough for a headline, a date's number aside ("March 12, 2001" has one)."""
    if has_cjk(heading):
        return len(heading) >= MIN_SECONDARY_CJK_CHARS
    return sum(not word.isdigit() for word in compare_key(heading).split()) >= MIN_SECONDARY_WORDS


# A title's parts are also parted by a colon ("Lenta.ru: Россия: <headline>", "<blog>: <post>").
_PART_SEPARATORS = re.compile(SITE_PART_SEPARATORS.pattern + r"|:\s+")


def _title_spans(title: str) -> set[str]:
    """Comparison keys of each run of the title's whole parts: "A | B | C" gives A, B, C,
    "A B", "B C" and "A B C" (a headline is never cut inside a part)."""
    parts = [compare_key(part) for part in _PART_SEPARATORS.split(title)]
    parts = [part for part in parts if part]
    return {
        " ".join(parts[start:end]) for start in range(len(parts)) for end in range(start + 1, len(parts) + 1)
    }


def _logo(node: LexborNode) -> bool:
    """An <h1> that holds the site's name: in the page header, marked as a logo, or a link home."""
    home = node.css_first("a[href='/'], a[href='./'], a[href='../']")
    if home is not None and len(node_text(home)) >= 0.8 * len(node_text(node)):
        return True
    parent: LexborNode | None = node
    for _ in range(4):
        if parent is None:
            break
        marks = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}"
        banner = parent.tag == "header" and parent.attributes.get("role") == "banner"
        if banner or _LOGO_MARKS.search(marks) or parent.attributes.get("id") in _HEADER_IDS:
            return True
        parent = parent.parent
    return False


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or "display:none" in style


def _heading_agrees(heading: str, title: str) -> bool:
    """The <h1> is the declared title, or the headline part of it, or the full form of a cut title."""
    head, full = compare_key(heading), compare_key(title)
    if not head or not full:
        return False
    if head == full:
        return True
    if full.startswith(head) or full.endswith(head):
        # The matched part must be the headline, not a short site or section name: long enough,
        # or exactly the part before the title's first separator ("Logging HOWTO — Python docs").
        first = compare_key(TITLE_SEPARATORS.split(title, maxsplit=1)[0])
        return len(head) >= 0.4 * len(full) or len(head.split()) >= 4 or head == first
    # og:title cut short by the CMS: the <h1> carries the whole headline.
    return head.startswith(full) and len(full) >= 0.5 * len(head)


def strip_site_name(title: str, sites: set[str] | str | None) -> str:
    """'Headline | Site' -> 'Headline', 'Headline - Section - Site' -> 'Headline - Section'.

    A leading site name stays: titles that start with the brand are landing
    pages, whose brand is part of their name.
    """
    if isinstance(sites, str):
        sites = {compare_key(sites)}
    sites = sites or set()
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2 or not sites:
        return title.strip()
    while len(parts) > 1 and mentions_site(parts[-1], sites):
        parts.pop()
    if len(parts) == len(TITLE_SEPARATORS.split(title)):
        return title.strip()
    return rejoin(title, parts)


def rejoin(title: str, parts: list[str]) -> str:
    """The span of the original title from the first kept part to the last, separators as they were."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def strip_site_suffix(title: str, sitename: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the site part is identifiable."""
    return strip_site_name(title, {compare_key(sitename)} if sitename else None)

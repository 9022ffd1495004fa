"""Matching a table of CSS selectors against a tree, cheaply.

The pruning tables hold a few hundred selectors, and Lexbor checks every
element against every selector of a query: a few milliseconds a page for a
table this size. A page uses only a handful of them, though. One walk over
the tree and two Lexbor queries list the tags, ids and class names it has
(`Present`); a table then
sends Lexbor only the selectors whose tag, id or class is among them. The
others (attribute tests, descendant combinators) go too, unless what they
need is readable and missing (`Present.may_match`): every compound's tag,
class and id, and a class or id name holding the word of `[class*='word']`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# `tag`, `#id`, `tag#id`, `.a`, `tag.a.b`: the forms indexed by a key. A tag name may
# hold hyphens: a custom element's ("announcement-bar", "i-pwa-install"), which
# `Present` lists like any other tag.
_SIMPLE = re.compile(
    r"^(?P<tag>[a-z][a-z0-9-]*)?(?:#(?P<id>[\w-]+)|(?P<classes>(?:\.[\w-]+)+))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Present:
    """The tags, ids and class names that occur in a tree, lower-cased.

    Lower-cased because Lexbor matches class and id without regard to case on
    quirks-mode pages; a superset is all the index needs, Lexbor decides.
    """

    keys: frozenset[str]
    # The class names (".") and the ids ("#"), each joined by spaces when first
    # asked for: "[class*='word']" can match only where one of them holds the word.
    _joined: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)

    def _names(self, mark: str) -> str:
        joined = self._joined.get(mark)
        if joined is None:
            joined = self._joined[mark] = " ".join(key[1:] for key in self.keys if key[0] == mark)
        return joined

    @classmethod
    def of(cls, tree: LexborHTMLParser) -> Present:
        root = tree.root
        if root is None:
            return cls(frozenset())
        # Ids and classes through Lexbor's own selectors: the same engine that
        # will match the tables sees them, and reading the attributes of just
        # the elements that have them costs half a walk over all of them. One
        # attribute read (`attrs`) each, not a dict of them all (`attributes`).
        tags = {node.tag for node in root.traverse(include_text=False)}
        ids = {node.attrs.get("id") for node in root.css("[id]")}
        names = " ".join([node.attrs.get("class") or "" for node in root.css("[class]")])
        keys = {"<" + tag for tag in tags if tag and tag[0] != "-"}  # not comments
        keys.update("#" + ident.lower() for ident in ids if ident)
        keys.update("." + name for name in set(names.lower().split()))
        return cls(frozenset(keys))

    def may_match(self, selector: str) -> bool:
        """False when `selector` (one selector, no commas) needs a tag, class or id the
        page lacks, or a class or id holding a word none of the page's holds; True
        when it may match, or when it holds what this does not read (pseudo-classes,
        escapes, unquoted values)."""
        return all(self._has(need) for need in _needs(selector))

    def _has(self, need: tuple[str, str]) -> bool:
        kind, value = need
        if kind == "key":
            return value in self.keys
        # The attribute holds the word (=, ^=, $=, *=, |=): then so does one of
        # its space-separated names, lower-cased as `keys` has them.
        return value in self._names(kind)

    def matchable(self, selectors: str) -> str:
        """`selectors` (a comma-separated group) without those that cannot match the page."""
        return ", ".join(part for part in _group(selectors) if self.may_match(part))


@functools.cache
def _group(selectors: str) -> tuple[str, ...]:
    """A comma-separated group's selectors; whole when a value holds a comma (not split here)."""
    if "," in "".join(_QUOTED.findall(selectors)):
        return (selectors,)
    return tuple(part.strip() for part in selectors.split(","))


@functools.cache
def _needs(selector: str) -> tuple[tuple[str, str], ...]:
    """What a page must have for `selector` to match, read once per selector:
    ("key", a key of `Present.keys`), or (".", word) / ("#", word) for a class / id
    name holding the word. Nothing when the selector holds what this does not read."""
    needs = []
    position, end = 0, len(selector)
    while position < end:
        part = _PART.match(selector, position)
        if part is None:
            return ()
        position = part.end()
        if part["tag"]:
            needs.append(("key", "<" + part["tag"].lower()))
        elif part["cls"]:
            needs.append(("key", "." + part["cls"].lower()))
        elif part["id"]:
            needs.append(("key", "#" + part["id"].lower()))
        else:
            attr, op, value = (part["attr"] or "").lower(), part["op"], (part["value"] or "").lower()
            if attr not in ("class", "id") or not op or not _WORD.fullmatch(value):
                continue  # a combinator, another attribute, or a value with spaces: only Lexbor can tell
            if attr == "class" and op == "~=":
                needs.append(("key", "." + value))
            else:
                needs.append(("." if attr == "class" else "#", value))
    return tuple(needs)


# One piece of a selector: a combinator, a type, "*", a class, an id or an attribute test.
_PART = re.compile(
    r"\s*[>+~]\s*|\s+|\*"
    r"|(?P<tag>[a-z][a-z0-9-]*)"
    r"|\.(?P<cls>[\w-]+)"
    r"|#(?P<id>[\w-]+)"
    r"|\[\s*(?P<attr>[\w-]+)\s*(?:(?P<op>[~|^$*]?=)\s*(?:'(?P<value>[^']*)'|\"[^\"]*\")\s*[is]?\s*)?\]",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_WORD = re.compile(r"[\w-]+", re.ASCII)


def _key(selector: str) -> str | None:
    """The tag, id or class a page must have for `selector` to match; None if unindexed."""
    simple = _SIMPLE.match(selector.strip())
    if simple is None:
        return None
    if simple["id"]:
        return "#" + simple["id"].lower()
    if simple["classes"]:
        return "." + simple["classes"].split(".")[1].lower()
    if simple["tag"]:
        return "<" + simple["tag"].lower()
    return None


class SelectorSet:
    """A selector table, indexed once, matched against many pages."""

    def __init__(self, selectors: Iterable[str]) -> None:
        self.selectors = tuple(selectors)
        self._keyed = tuple((selector, _key(selector)) for selector in self.selectors)
        # The unindexed selectors whose needs can be read (attribute tests on
        # class or id, descendants): asked about one by one on each page.
        self._readable = frozenset(s for s, key in self._keyed if key is None and _needs(s))

    def __add__(self, other: SelectorSet) -> SelectorSet:
        return SelectorSet((*self.selectors, *other.selectors))

    def without(self, other: SelectorSet) -> SelectorSet:
        return SelectorSet(s for s in self.selectors if s not in other.selectors)

    def query(self, present: Present) -> str:
        """The joined query of the selectors that can match a page with `present`."""
        keys, readable = present.keys, self._readable
        return ", ".join(
            s
            for s, key in self._keyed
            if (key in keys if key is not None else s not in readable or present.may_match(s))
        )

    def matches(self, tree: LexborHTMLParser, present: Present | None = None) -> list[LexborNode]:
        """Every element matching any selector, once each, in document order."""
        query = self.query(present if present is not None else Present.of(tree))
        if not query:
            return []
        # Lexbor lists an element once per selector it matches.
        return list({node.mem_id: node for node in tree.css(query)}.values())

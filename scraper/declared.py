"""The article text a page declares for search engines: schema.org's `articleBody`.

A page its browser renders (a React or Vue app without server rendering, a
paywall script that fills the body in) ships next to no text in its markup,
yet many such news and blog pages still state their article's text in their
JSON-LD, for search engines. Where the markup yields next to nothing, that
text is the best body there is; elsewhere the markup is read, which keeps the
headings, lists and tables `articleBody` flattens, and cannot be stale.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from scraper.body import blocks_of
from scraper.dom import collapse
from scraper.lines import Block

# A declared body shorter than this is a teaser or a description, not an article.
MIN_DECLARED_WORDS = 80
# The markup's body stands unless it is under this many words...
MAX_FOUND_WORDS = 50
# ...and under this share of the declared body's.
MAX_FOUND_SHARE = 0.5
# Read as markup where it holds a tag: some CMSs put the body's HTML in `articleBody`.
_TAG_HINTS = ("</p>", "<br", "</div>", "</h2>", "</li>")


def declared_body(jsonld: Iterable[dict[str, Any]]) -> list[Block]:
    """The page's one declared `articleBody`, as paragraphs; none where it declares
    none or several different ones (a list of articles, each with its own)."""
    bodies = {
        body.strip() for obj in jsonld if isinstance(body := obj.get("articleBody"), str) and body.strip()
    }
    if len(bodies) != 1:
        return []
    body = bodies.pop()
    if any(hint in body for hint in _TAG_HINTS):
        tree = LexborHTMLParser(body)
        return blocks_of([tree.body]) if tree.body is not None else []
    # Plain text: its line breaks are its paragraphs; entities some CMSs leave escaped.
    lines = (collapse(html.unescape(line)) for line in body.splitlines())
    return [("p", line) for line in lines if line]


def prefers_declared(found_words: int, declared_words: int) -> bool:
    """Whether a declared body of `declared_words` should replace the markup's of `found_words`."""
    return (
        declared_words >= MIN_DECLARED_WORDS
        and found_words < MAX_FOUND_WORDS
        and found_words < MAX_FOUND_SHARE * declared_words
    )

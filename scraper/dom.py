"""Measurements on selectolax nodes shared by the pruner, the scorer and the DOM engine."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# Elements that end a line: derived from HTML's block-level content model.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body",
    }
)  # fmt: skip
# Nodes whose text a reader never sees.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "select", "img", "-comment"}
)


def flat_text(node: LexborNode) -> str:
    """Text as a reader sees it on one line: text nodes joined, whitespace collapsed."""
    return " ".join((node.text(deep=True, separator="") or "").split())


def text_length(node: LexborNode) -> int:
    return len(" ".join((node.text(deep=True, separator=" ") or "").split()))


def link_text_length(node: LexborNode) -> int:
    return sum(text_length(a) for a in node.css("a"))


def link_density(node: LexborNode) -> float:
    """Share of a node's text that sits inside links: high for menus and related lists."""
    total = text_length(node)
    return link_text_length(node) / total if total else 0.0


def attr_words(node: LexborNode) -> str:
    """The class and id of a node, the words themes use to say what a block is."""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"

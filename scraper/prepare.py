"""The markup made safe to parse, before the parser sees it: thousands of <option>s
dropped, hundreds of unclosed <pre>s closed, a <noscript>'s self-closed <iframe>
closed, nesting past `MAX_MARKUP_DEPTH` refused
(`markup_depth`), and the <noscript> that holds a client-rendered page's content
unwrapped once parsed (`reveal_noscript`)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from scraper.dom import text_length

# Per the HTML spec each <div> start tag scans the open elements, so parsing n
# nested <div>s costs n² steps: 20,000 take a second, 100,000 half a minute.
MAX_MARKUP_DEPTH = 10_000
_NESTING_TAG = re.compile(
    r"<(/?)(?:div|span|section|article|aside|main|nav|template|blockquote|ul|ol|table|form|center|font|pre)\b",
    re.IGNORECASE,
)
MAX_OPTIONS = 2_000
MAX_UNCLOSED_PRE = 100
_PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)
_OPTION_TAG = re.compile(r"<option\b", re.IGNORECASE)
_OPTION = re.compile(r"<(?:option|optgroup)\b[^>]*>[^<]*(?:</(?:option|optgroup)>)?", re.IGNORECASE)


def without_huge_dropdowns(html: str) -> str:
    """Drop <option>s when there are thousands: never article text, and Lexbor
    parses each one in time proportional to those before it."""
    if len(_OPTION_TAG.findall(html, 0, len(html))) <= MAX_OPTIONS:
        return html
    return _OPTION.sub("", html)


def close_runaway_pre(html: str) -> str:
    """Hundreds of unclosed <pre>s nest each in the one before (a synopsis repeated by
    a broken template); close each before the next opens, as the author meant."""
    opened = len(_PRE_OPEN.findall(html))
    if opened - len(_PRE_CLOSE.findall(html)) <= MAX_UNCLOSED_PRE:
        return html
    return _PRE_OPEN.sub(lambda m: "</pre>" + m.group(0), html)


# `<noscript><iframe … /></noscript>`, a tag manager's snippet as some frameworks
# write it. An <iframe> cannot close itself: its text runs to "</iframe>". A browser
# never sees it, since with scripts on a <noscript> is text; Lexbor parses it as with
# scripts off, and the rest of the page became the iframe's text.
_NOSCRIPT_IFRAME = re.compile(r"(<noscript\b[^>]*>\s*<iframe\b[^>]*?)\s*/>")


def close_noscript_iframe(html: str) -> str:
    """Close the self-closed <iframe> a <noscript> opens with, as a browser reads it.
    The frameworks that write it write lower case."""
    parts: list[str] = []
    done = 0
    # The pattern is tried where a <noscript> opens, found in C, not along the page.
    at = html.find("<noscript")
    while at >= 0:
        match = _NOSCRIPT_IFRAME.match(html, at)
        if match is not None:
            parts.append(html[done : match.end(1)] + "></iframe>")
            done = match.end()
        at = html.find("<noscript", at + 1)
    return "".join(parts) + html[done:] if parts else html


def markup_depth(html: str, limit: int = MAX_MARKUP_DEPTH) -> int:
    """Deepest nesting of the container tags in raw markup, counted without parsing.

    Exact only where it may pass `limit`: every level opens with a "<", so a
    page with no more "<" than `limit` cannot nest past it, and gets that
    count (an upper bound, in C) instead of the tag scan (~0.5 ms a page).
    """
    opened = html.count("<")
    if opened <= limit:
        return opened
    depth = peak = 0
    for match in _NESTING_TAG.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            peak = max(peak, depth)
    return peak


# A <noscript> holding at least this much text, and more than the page shows
# outside it, is the page: a client-rendered app's copy for crawlers.
MIN_NOSCRIPT_CHARS = 500


def reveal_noscript(tree: LexborHTMLParser) -> None:
    """Unwrap the <noscript> that holds the content, so pruning keeps it.

    Apps that render in the browser (Flarum forums, some shops) ship the posts
    as plain HTML inside <noscript> for crawlers, beside a near-empty shell;
    pruning drops every <noscript> (tracking pixels, "enable JavaScript").
    """
    body = tree.body
    if body is None:
        return
    sized = [(text_length(node), node) for node in body.css("noscript")]
    if not sized:
        return
    length, largest = max(sized, key=lambda pair: pair[0])
    if length < MIN_NOSCRIPT_CHARS:
        return
    # Script and style text counts as text to the parser, not to a reader.
    shown = text_length(body) - sum(
        text_length(node) for node in body.css("script, style, noscript, template")
    )
    if length > shown:
        largest.unwrap()

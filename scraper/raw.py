"""A fetched body, and what can be told of it without a network: whether it is HTML
(by its type and first bytes) and, off the event loop, its decoded `Page`.

Split from `scraper.fetch` so that an extraction worker (`scraper.serve`), which
decodes the pages the fetcher hands it, imports neither httpx nor asyncio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from scraper.decode import decode_html
from scraper.inflate import GZIP_MAGIC, TruncatedBody, Zlib
from scraper.models import Page

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Types servers send for HTML often enough that refusing them loses real pages.
LENIENT_TYPES = ("", "text/plain", "application/octet-stream")
# XML of any kind: XHTML served so is a page; a feed, a sitemap or other XML is not.
XML_TYPES = ("application/xml", "text/xml")
# XML documents servers send where pages are, by their root element (lower-cased), as
# NotHTML's message names them.
XML_DOCUMENTS = {
    "rss": "an RSS feed",
    "rdf:rdf": "an RSS 1.0 feed",
    "feed": "an Atom feed",
    "urlset": "a sitemap",
    "sitemapindex": "a sitemap index",
}
XHTML_NAMESPACE = b"http://www.w3.org/1999/xhtml"
# What static servers call a saved `page.html.gz` (python -m http.server, Apache without
# AddEncoding): the file itself, not a Content-Encoding. Accepted if it gunzips to HTML.
GZIP_TYPES = ("application/gzip", "application/x-gzip")
SNIFF_BYTES = 1024


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# type "/" subtype, each an HTTP token (RFC 9110 §5.6.2): what WHATWG's MIME type parser accepts.
_MEDIA_TYPE = re.compile(r"[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+")


def mime_of(content_type: str | None) -> str:
    """A Content-Type's media type, lower-cased, without its parameters; "" for none.

    Two Content-Type headers (a proxy adding its own), which httpx joins with ", ", or one
    that lists several types, give the last valid one, as browsers take it (WHATWG Fetch,
    "extract a MIME type"): "text/plain, text/html" is HTML. No valid type at all is none.
    """
    mime = ""
    for value in (content_type or "").split(","):
        candidate = value.split(";", 1)[0].strip().lower()
        if _MEDIA_TYPE.fullmatch(candidate) and candidate != "*/*":
            mime = candidate
    return mime


def may_be_html(mime: str) -> bool:
    """Whether a body of this media type is worth reading: HTML, or a type it may hide behind
    (sniffed by `is_html`). Any other declared type is refused unread."""
    return mime in HTML_TYPES or mime in LENIENT_TYPES or mime in XML_TYPES or mime in GZIP_TYPES


def looks_like_html(head: bytes) -> bool:
    """Whether a body starts like an HTML page (its first KB holds <html or <body); one that
    starts as XML (`<?xml`) only if it is XHTML."""
    sample = head[:SNIFF_BYTES].lstrip().lower()
    if sample.startswith(b"<?xml"):
        return is_xhtml(head)
    return sample.startswith((b"<!doctype html", b"<html", b"<head", b"<!--")) or (
        b"<html" in sample or b"<body" in sample
    )


def is_html(content_type: str | None, head: bytes) -> bool:
    """Whether a body is an HTML page, from its type and first bytes. A body of an XML type must
    be XHTML. A gzip file (by its magic number) under a vague or gzip type is judged by the
    start of its content."""
    mime = mime_of(content_type)
    if mime in HTML_TYPES:
        return True
    if mime in XML_TYPES:
        return is_xhtml(head)
    if mime in LENIENT_TYPES or mime in GZIP_TYPES:
        return looks_like_html(_gunzip_head(head) if head.startswith(GZIP_MAGIC) else head)
    return False


# What may come before an XML document's root element: the XML declaration and other
# processing instructions, comments, a doctype (its internal subset included). Each part
# matches one way only, so a hostile prolog costs linear time.
_XML_PROLOG = re.compile(
    rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype(?:[^\[>]|\[[^\]]*\])*>)", re.DOTALL | re.IGNORECASE
)
_XML_START_TAG = re.compile(rb"\s*<([a-z_][\w.:-]*)([^>]*)", re.IGNORECASE)


def xml_root(head: bytes) -> tuple[str, bytes] | None:
    """The root element's name (as written) and attributes of a body read as XML, past its
    prolog; None where no element starts it."""
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0  # a UTF-8 byte order mark
    while prolog := _XML_PROLOG.match(head, pos):
        pos = prolog.end()
    tag = _XML_START_TAG.match(head, pos)
    if tag is None:
        return None
    return tag.group(1).decode("ascii", "replace"), tag.group(2)


def is_xhtml(head: bytes) -> bool:
    """Whether a body read as XML is XHTML: an <html> root (with any prefix), or a root in
    XHTML's namespace."""
    root = xml_root(head)
    if root is None:
        return False
    name, attributes = root
    return name.lower().rsplit(":", 1)[-1] == "html" or XHTML_NAMESPACE in attributes


def xml_document(content_type: str | None, head: bytes) -> str | None:
    """What a body that is XML but no page is, for NotHTML's message ("an RSS feed (<rss>)");
    None for a body that is no XML, or XHTML."""
    root = xml_root(head)
    if root is None or is_xhtml(head):
        return None
    name = root[0]
    if (kind := XML_DOCUMENTS.get(name.lower())) is not None:
        return f"{kind} (<{name}>)"
    if mime_of(content_type) in XML_TYPES or head.lstrip().startswith(b"<?xml"):
        return f"an XML document (<{name}>)"
    return None


def _gunzip_head(head: bytes) -> bytes:
    """As much of a gzip file's content as its first bytes give, for sniffing."""
    try:
        return Zlib(gzip=True).feed(head, SNIFF_BYTES)
    except TruncatedBody:
        return b""


@dataclass(frozen=True, slots=True)
class RawPage:
    """A fetched body before decoding: small to pickle, decoded where there is CPU to spare."""

    url: str
    """The address asked for, credentials removed."""
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    fetched_at: str


def decode_page(raw: RawPage) -> Page:
    html, encoding = decode_html(raw.body, raw.content_type)
    return Page(
        url=raw.url,
        html=html,
        final_url=raw.final_url,
        status=raw.status,
        fetched_at=raw.fetched_at,
        content_type=raw.content_type,
        encoding=encoding,
    )

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
LENIENT_TYPES = ("", "text/plain", "application/octet-stream", "application/xml", "text/xml")
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


def looks_like_html(head: bytes) -> bool:
    """Whether a body starts like an HTML page (its first KB holds <html or <body)."""
    sample = head[:SNIFF_BYTES].lstrip().lower()
    return sample.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<!--")) or (
        b"<html" in sample or b"<body" in sample
    )


def is_html(content_type: str | None, head: bytes) -> bool:
    """Whether a body is an HTML page, from its type and first bytes. A gzip file (by its magic
    number) under a vague or gzip type is judged by the start of its content."""
    mime = mime_of(content_type)
    if mime in HTML_TYPES:
        return True
    if mime in LENIENT_TYPES or mime in GZIP_TYPES:
        return looks_like_html(_gunzip_head(head) if head.startswith(GZIP_MAGIC) else head)
    return False


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

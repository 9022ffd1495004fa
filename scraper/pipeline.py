"""Saved pages and fetched pages -> Outcome. Never raises for a bad page.

A *target* is what the user typed: an http(s) URL, a path to a saved page
(`.html`, `.htm`, `.html.gz`, ...), or `-` for HTML on standard input. Every
failure, from a missing file to a refused connection, becomes a record with
`ok: false` and an `error`, so a batch always has one record per input.
`scraper.workers.scrape_target` dispatches a target to these.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from scraper.decode import decode_html, is_binary
from scraper.errors import ExtractionError, FileReadError, ScraperError
from scraper.inflate import GZIP_MAGIC, OverCap, TruncatedBody, gunzip
from scraper.models import ErrorInfo, Outcome, Page, Record
from scraper.raw import looks_like_html, now_iso
from scraper.settings import Settings
from scraper.urls import redact, redact_text
from scraper.words import count_reader_words

STDIN = "-"


def read_page_file(path: str, url: str | None = None, max_bytes: int | None = None) -> Page:
    """A saved page from disk (gzip by magic number, not by name), at most `max_bytes`."""
    limit = max_bytes or Settings().max_bytes
    try:
        with Path(path).open("rb") as file:
            data = _read_capped(file, limit, f"file is over the {limit:,}-byte cap (--max-bytes): {path}")
    except FileNotFoundError:
        raise FileReadError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise FileReadError(f"is a directory, not a file: {path}") from None
    except OSError as exc:
        raise FileReadError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError:  # a NUL in the path
        raise FileReadError(f"not a valid file path: {path!r}") from None
    return local_page(data, path, url, max_bytes)


def read_stdin(max_bytes: int) -> bytes:
    """A page on stdin, at most `max_bytes`, as a saved page's file is read."""
    if sys.stdin is None:  # `scraper - <&-`
        raise FileReadError("stdin is closed: there is no page to read")
    return _read_capped(
        sys.stdin.buffer, max_bytes, f"stdin is over the {max_bytes:,}-byte cap (--max-bytes)"
    )


def _read_capped(file: BinaryIO, limit: int, over: str) -> bytes:
    """Up to `limit` bytes of `file`; FileReadError(`over`) past them. One byte past the
    cap is read, not the whole file: a 5 GB file is refused as fast as a fetched body
    that runs over is."""
    data = file.read(limit + 1)
    if len(data) > limit:
        raise FileReadError(over)
    return data


def local_page(data: bytes, name: str, url: str | None = None, max_bytes: int | None = None) -> Page:
    """A page read from a file or stdin (`name`, a path or `STDIN`), recorded under `url`
    when given. Nothing read is an error: an empty file, or a pipe that gave nothing
    (`scraper < /dev/null`), is no page, which a record with empty text would hide. So is
    a file that is no text (a PNG, a PDF, a zip), whose bytes would extract as noise: the
    fetcher refuses such bodies by their Content-Type, a file has none to tell."""
    label = "stdin" if name == STDIN else name
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, max_bytes)
    if not data or data.isspace():
        raise FileReadError(f"{label} is empty: there is no page to extract")
    refuse_binary(data, label)
    return page_from_bytes(data, url or name, final_url=url, max_bytes=max_bytes)


def refuse_binary(data: bytes, label: str) -> None:
    """FileReadError if `data` is no text (an image, a PDF, a zip: WHATWG's text-or-binary
    rule), whose bytes would extract as noise; `label` names where it came from. A page
    that starts as HTML stays one, whatever stray control byte it holds."""
    if is_binary(data) and not looks_like_html(data):
        raise FileReadError(f"{label} is not an HTML page: it holds binary data (an image, a PDF, a zip?)")


def page_from_bytes(
    data: bytes, url: str, final_url: str | None = None, max_bytes: int | None = None
) -> Page:
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, max_bytes)
    html, encoding = decode_html(data)
    return Page(
        url=redact(url),
        html=html,
        final_url=redact(final_url) if final_url else None,
        fetched_at=now_iso(),
        encoding=encoding,
    )


def _gunzip(data: bytes, max_bytes: int | None) -> bytes:
    """Decompress with a cap, so a gzip bomb on disk is refused, not inflated; a file
    cut short is an error, not a shorter page."""
    limit = max_bytes or Settings().max_bytes
    try:
        return gunzip(data, limit)
    except TruncatedBody as exc:
        raise FileReadError(f"corrupt gzip data: {exc}") from None
    except OverCap:
        raise FileReadError(f"decompressed page is over the {limit:,}-byte cap (--max-bytes)") from None


def record_from_page(page: Page, markdown: bool = False) -> Outcome:
    """Extract a fetched or read page into an Outcome, with the body's Markdown if
    `markdown` (a batch writes JSON only, and rendering it is wasted)."""
    # Imported here, not at the top: the extractor (trafilatura, lxml, htmldate:
    # some 50 MB) belongs in the processes that extract. A batch's parent only
    # fetches and writes, and its spawned workers import it for themselves.
    from scraper.extract import extract_html

    try:
        article = extract_html(page.html, page.final_url or page.url)
    except ScraperError as exc:
        return error_outcome(page.url, exc, page.status, page.final_url, page.fetched_at)
    except (ValueError, RecursionError, MemoryError) as exc:
        # Parsers can choke on pathological markup; the batch must go on.
        error = ExtractionError(f"{type(exc).__name__}: {exc}")
        return error_outcome(page.url, error, page.status, page.final_url, page.fetched_at)
    record = Record(
        url=page.url,
        final_url=page.final_url,
        status=page.status,
        ok=True,
        title=article.title,
        author=article.author,
        date=article.date,
        sitename=article.sitename,
        description=article.description,
        language=article.language,
        text=article.text,
        word_count=count_reader_words(article.text),
        confidence=article.confidence,
        fetched_at=page.fetched_at,
    )
    return Outcome(record=record, markdown=article.markdown if markdown else None)


def error_outcome(
    url: str,
    error: ScraperError,
    status: int | None = None,
    final_url: str | None = None,
    fetched_at: str | None = None,
) -> Outcome:
    # A fetch that failed after the server answered says how, and where from.
    status = getattr(error, "status", None) or status
    final_url = getattr(error, "final_url", None) or final_url
    record = Record(
        url=redact(url),
        final_url=final_url,
        status=status,
        ok=False,
        fetched_at=fetched_at or now_iso(),
        error=ErrorInfo(type=error.type, message=redact_text(str(error))),
    )
    return Outcome(record=record)

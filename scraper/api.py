"""The library's front door: what `scraper extract` does, from Python.

    import scraper

    article = scraper.extract_article(html, url="https://example.com/story")
    article.title, article.text, article.confidence, article.markdown

    record = scraper.scrape("https://example.com/story")   # or a saved page's path
    if record.ok:
        print(record.title, record.word_count)
    else:
        print(record.error.type, record.error.message)

    extract_article(page, url=None)
                              HTML as str, or bytes to decode      -> Article;
                              raises FileReadError for bytes that are no
                              text (an image, a PDF), as `scraper extract`
                              refuses such a file, and ExtractionError for
                              markup no page has
    scrape(target, url=None)  an http(s) URL, or a saved page's  -> Record, the CLI's JSON line;
                              path (.html, .html.gz)                never raises: record.ok is
                                                                    false, record.error says why
    await scrape_async(...)   the same, in a running event loop  -> Record
                              (a notebook, an async app)

`scrape` fetches with the rules of `scraper.settings.Settings` (pass one to change
timeouts, retries, the size cap, the User-Agent) and extracts in the calling
process: no `--page-timeout` guard, as with `scraper batch --workers 0`. Like
`scraper extract`, it does not read robots.txt; a crawl of many pages belongs to
`scraper batch`, whose per-host politeness, robots.txt and resume a loop over
`scrape` would not have.
"""

from __future__ import annotations

import asyncio
import os

from scraper.extract import extract_bytes, extract_html
from scraper.fetch import Fetcher
from scraper.models import Article, Record
from scraper.pipeline import refuse_binary
from scraper.settings import Settings
from scraper.workers import scrape_target


def extract_article(page: str | bytes, url: str | None = None) -> Article:
    """Body text and metadata of one page. Bytes are decoded as a fetched page's would be
    (BOM, `<meta charset>`, then detection); bytes that are no text (an image, a PDF, a zip)
    raise FileReadError, the error `scraper extract` reports for such a file. `url`, the
    page's address, resolves its site name and dates and tells its own links from others'."""
    if isinstance(page, bytes):
        refuse_binary(page, "the page given")
        return extract_bytes(page, url)
    return extract_html(page, url)


def scrape(
    target: str | os.PathLike[str], url: str | None = None, settings: Settings | None = None
) -> Record:
    """One URL fetched, or one saved page read (a path, as a string or a `Path`), and
    extracted: the record `scraper extract` prints. `url` names a saved page's address.
    Never raises for a bad target. In a running event loop, `await scrape_async(...)`
    instead."""
    return asyncio.run(scrape_async(target, url, settings))


async def scrape_async(
    target: str | os.PathLike[str], url: str | None = None, settings: Settings | None = None
) -> Record:
    """`scrape`, awaited. The extraction runs in this thread, between the awaits."""
    async with Fetcher(settings or Settings()) as fetcher:
        outcome = await scrape_target(os.fspath(target), fetcher, None, url)
    return outcome.record

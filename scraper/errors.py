"""One error hierarchy for everything that can go wrong with one target.

    ScraperError
    ├── InputError                the target itself is unusable
    │   ├── InvalidURL            not a URL we will fetch (scheme, host, syntax)
    │   └── FileReadError         a local page (a path, stdin, bytes to extract_article)
    │                             missing, unreadable, empty or binary
    ├── FetchError                the network side failed
    │   ├── ConnectError          DNS, refused, reset, TLS
    │   ├── FetchTimeout          connect/read timeout or the per-URL deadline
    │   ├── HTTPStatusError       a final status outside 2xx
    │   ├── TooManyRedirects      redirect chain too long or looping
    │   ├── BodyTooLarge          decompressed body over the size cap
    │   ├── ContentDecodingError  a body that does not inflate as its Content-Encoding says
    │   ├── NotHTML               the response is not HTML/XHTML
    │   ├── EmptyResponse         a success status with an empty body
    │   └── RobotsDisallowed      robots.txt forbids the URL
    └── ExtractionError           the page could not be turned into an article
        └── PageTimeout           extraction ran past the per-page guard

A failed target becomes a record whose `error.type` is the class name; no
error escapes the pipeline (see `scraper.pipeline`).
"""

from __future__ import annotations


class ScraperError(Exception):
    """Base class: every failure of one target."""

    @property
    def type(self) -> str:
        return type(self).__name__


class InputError(ScraperError):
    pass


class InvalidURL(InputError):
    pass


class FileReadError(InputError):
    pass


class FetchError(ScraperError):
    status: int | None = None
    """The HTTP status, where the server answered before the fetch failed (a 200 PDF)."""
    final_url: str | None = None
    """The address that answered, after any redirects, where one did."""

    def answered_by(self, status: int, final_url: str) -> FetchError:
        """This error, marked with the answer it came in (`status`, `final_url`)."""
        self.status = self.status or status
        self.final_url = self.final_url or final_url
        return self

    @classmethod
    def unforeseen(cls, exc: BaseException) -> FetchError:
        """An exception no rule foresaw (a library raising what it documents nowhere), as
        one target's error: its record says so, and the other targets go on."""
        return cls(f"unexpected {type(exc).__name__}: {exc}")


class ConnectError(FetchError):
    pass


class FetchTimeout(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class TooManyRedirects(FetchError):
    pass


class BodyTooLarge(FetchError):
    pass


class ContentDecodingError(FetchError):
    """The server answered in full, but its gzip, deflate or brotli body is corrupt or stops
    before its end marker: a server's bug, not the network's, so it is not retried."""


class NotHTML(FetchError):
    pass


class EmptyResponse(FetchError):
    pass


class RobotsDisallowed(FetchError):
    pass


class ExtractionError(ScraperError):
    pass


class PageTimeout(ExtractionError):
    pass

"""HTTP fetching: the only module that imports httpx.

`Fetcher.fetch(url)` returns a decoded `Page` or raises a `FetchError`:

1. the URL must be http(s) with a host (`scraper.urls.check_fetchable`);
2. redirects are followed by hand, so each hop is checked the same way and
   the chain is capped (`Settings.max_redirects`);
3. the body is streamed and the *decompressed* size is capped while reading
   (`Settings.max_bytes`), so a gzip bomb or an endless body stops early;
4. the whole fetch of one URL has a deadline (`Settings.deadline`) on top of
   httpx's connect/read timeouts, so a server that drips a byte a second
   cannot hold a slot;
5. only HTML and XHTML bodies are accepted; everything else is `NotHTML`;
6. connection errors, timeouts, 429 and 502/503/504 are retried with
   exponential backoff and jitter, honouring `Retry-After`.
"""

from __future__ import annotations

import asyncio
import random
import ssl
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin

import httpx

from scraper.decode import decode_html
from scraper.errors import (
    BodyTooLarge,
    ConnectError,
    EmptyResponse,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    NotHTML,
    TooManyRedirects,
)
from scraper.models import Page
from scraper.settings import Settings
from scraper.urls import check_fetchable, redact

RETRY_STATUSES = frozenset({429, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Types servers send for HTML often enough that refusing them loses real pages.
LENIENT_TYPES = ("", "text/plain", "application/octet-stream", "application/xml", "text/xml")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _looks_like_html(head: bytes) -> bool:
    sample = head[:1024].lstrip().lower()
    return sample.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<!--")) or (
        b"<html" in sample or b"<body" in sample
    )


def is_html(content_type: str | None, head: bytes) -> bool:
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime in HTML_TYPES:
        return True
    if mime in LENIENT_TYPES:
        return _looks_like_html(head)
    return False


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _Retryable(Exception):
    """Internal: this attempt failed in a way worth another try."""

    def __init__(self, error: FetchError, wait: float | None = None) -> None:
        self.error = error
        self.wait = wait


class Fetcher:
    """An async HTTP client with the rules above; use as an async context manager."""

    def __init__(
        self,
        settings: Settings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        s = self.settings
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            headers={
                "User-Agent": s.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "en;q=0.9,*;q=0.5",
            },
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=s.concurrency),
        )
        self._sleep = sleep or asyncio.sleep

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str) -> Page:
        """Fetch one URL with retries; raises FetchError or InvalidURL."""
        check_fetchable(url)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                return await self._fetch_once(url)
            except _Retryable as retry:
                if attempt + 1 >= attempts:
                    raise retry.error from None
                wait = retry.wait
                if wait is None:
                    base = self.settings.backoff * (2**attempt)
                    wait = base + random.uniform(0, base)  # jitter spreads retries out
                elif wait > self.settings.max_retry_after:
                    raise retry.error from None
                await self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _fetch_once(self, url: str) -> Page:
        try:
            return await asyncio.wait_for(self._follow(url), timeout=self.settings.deadline)
        except TimeoutError:
            raise _Retryable(
                FetchTimeout(f"no complete response within {self.settings.deadline:g} s")
            ) from None

    async def _follow(self, url: str) -> Page:
        current = url
        seen: set[str] = set()
        for _ in range(self.settings.max_redirects + 1):
            seen.add(current)
            result = await self._request(url, current)
            if isinstance(result, Page):
                return result
            target = urljoin(current, result)
            try:
                check_fetchable(target)
            except InvalidURL as exc:
                raise InvalidURL(f"refused redirect to {redact(target)!r}: {exc}") from None
            if target in seen:
                raise TooManyRedirects(f"redirect loop at {redact(target)}")
            current = target
        raise TooManyRedirects(f"more than {self.settings.max_redirects} redirects")

    async def _request(self, url: str, current: str) -> Page | str:
        """One request: a Page, or the Location to follow next."""
        try:
            async with self._client.stream("GET", current) as response:
                status = response.status_code
                if status in REDIRECT_STATUSES and "location" in response.headers:
                    return response.headers["location"]
                if status in RETRY_STATUSES:
                    raise _Retryable(
                        HTTPStatusError(f"HTTP {status}", status),
                        retry_after_seconds(response.headers.get("retry-after")),
                    )
                if status >= 500:
                    raise _Retryable(HTTPStatusError(f"HTTP {status}", status))
                if not 200 <= status < 300:
                    raise HTTPStatusError(f"HTTP {status}", status)
                content_type = response.headers.get("content-type")
                body = await self._read_capped(response, content_type)
                fetched_at = now_iso()
        except httpx.TimeoutException as exc:
            raise _Retryable(FetchTimeout(f"{type(exc).__name__} from {redact(current)}")) from None
        except (httpx.TransportError, ssl.SSLError) as exc:
            # DecodingError (a corrupt gzip stream) is not worth retrying.
            if isinstance(exc, httpx.DecodingError):
                raise ConnectError(f"corrupt compressed body: {exc}") from None
            message = str(exc) or type(exc).__name__
            raise _Retryable(ConnectError(f"{message} ({redact(current)})")) from None
        except httpx.DecodingError as exc:
            raise ConnectError(f"corrupt compressed body: {exc}") from None
        except httpx.HTTPError as exc:
            raise ConnectError(f"{type(exc).__name__}: {exc}") from None
        html, encoding = decode_html(body, content_type)
        return Page(
            url=redact(url),
            html=html,
            final_url=redact(current),
            status=status,
            fetched_at=fetched_at,
            content_type=content_type,
            encoding=encoding,
        )

    async def _read_capped(self, response: httpx.Response, content_type: str | None) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and "content-encoding" not in response.headers and int(declared) > cap:
            raise BodyTooLarge(f"Content-Length {declared} is over the {cap}-byte cap")
        chunks: list[bytes] = []
        size = 0
        checked = False
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > cap:
                raise BodyTooLarge(f"body is over the {cap}-byte cap")
            if not checked and size >= 1024:
                checked = True
                if not is_html(content_type, b"".join(chunks)):
                    raise NotHTML(f"not an HTML page (Content-Type: {content_type or 'none'})")
        body = b"".join(chunks)
        if not body.strip():
            raise EmptyResponse(f"HTTP {response.status_code} with an empty body")
        if not checked and not is_html(content_type, body):
            raise NotHTML(f"not an HTML page (Content-Type: {content_type or 'none'})")
        return body

"""HTTP fetching: the only module that imports httpx.

`Fetcher.fetch(url)` returns a decoded `Page` or raises a `FetchError`
(`fetch_raw` stops before decoding, so a batch can decode off the event loop):

1. the URL must be http(s) with a host (`scraper.urls.check_fetchable`);
2. redirects are followed by hand, so each hop is checked the same way and
   the chain is capped (`Settings.max_redirects`);
3. the body is streamed and inflated here (`scraper.inflate`), so the
   *decompressed* size is capped to the byte while reading
   (`Settings.max_bytes`) and a truncated or corrupt gzip stream is an error
   (`ContentDecodingError`), not a page;
4. each attempt has a deadline (`Settings.deadline`) on top of httpx's
   connect/read timeouts, so a server that drips a byte a second cannot hold
   a slot;
5. only HTML and XHTML bodies are accepted; a declared non-HTML type is
   refused before its body is read, a vague one is sniffed, an XML one must be
   XHTML (a feed or a sitemap is no page), and a declared HTML
   one that is binary data (an image behind a wrong type) refused; a body that is
   itself a gzip file (`page.html.gz` as a static server sends it, typed
   `application/gzip` and without Content-Encoding) is gunzipped under the
   same cap, as `scraper extract page.html.gz` reads it, and then sniffed;
6. connection errors, timeouts, 429, 500, 502, 503 and 504 are retried with exponential
   backoff and jitter, honouring `Retry-After`.

A batch passes a `Gate` to take part in scheduling: each attempt runs inside
`gate.slot()` (so a URL sleeping between retries holds no slot), and a
`Retry-After` is reported to `gate.pause()` so the whole host backs off.
"""

from __future__ import annotations

import asyncio
import random
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from typing import Literal, Protocol
from urllib.parse import urljoin

import httpx

from scraper.decode import is_binary
from scraper.errors import (
    BodyTooLarge,
    ConnectError,
    ContentDecodingError,
    EmptyResponse,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    NotHTML,
    TooManyRedirects,
)
from scraper.inflate import (
    ACCEPT_ENCODING,
    GZIP_MAGIC,
    OverCap,
    TruncatedBody,
    UnsupportedEncoding,
    gunzip,
    inflater_for,
)
from scraper.models import Page
from scraper.raw import (
    SNIFF_BYTES,
    RawPage,
    decode_page,
    is_html,
    looks_like_html,
    may_be_html,
    mime_of,
    now_iso,
    xml_document,
)
from scraper.settings import Settings
from scraper.urls import check_fetchable, redact

# Answers that say "not now": too many requests, and the server errors that pass (a crash
# under load, a gateway whose backend restarts). 501 Not Implemented, 505 HTTP Version Not
# Supported and the other 5xx would answer the same again; no 4xx but 429 is retried.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt; the rest is dropped.
ROBOTS_MAX_BYTES = 512 * 1024

Mode = Literal["page", "robots"]


def gunzip_file(body: bytes, cap: int) -> bytes:
    """A body that is a gzip file -> its content, at most `cap` bytes (else BodyTooLarge)."""
    try:
        return gunzip(body, cap)
    except TruncatedBody as exc:
        # The whole body arrived (a short one fails on its Content-Length first): the file is bad.
        raise NotHTML(f"the body is a gzip file that does not inflate: {exc}") from None
    except OverCap as exc:
        raise BodyTooLarge(str(exc)) from None


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


class Gate(Protocol):
    """How a scheduler admits one attempt (one request chain) to the network."""

    def slot(self) -> AbstractAsyncContextManager[None]: ...

    def pause(self, seconds: float) -> None:
        """The server asked us (Retry-After) to stay away this long."""


_URL_NOISE = str.maketrans("", "", "\t\r\n")

Hop = Callable[[str], Awaitable[None]]
"""Asked with a redirect's target before it is followed; raises a ScraperError to refuse it."""


class OpenGate:
    """No scheduling: every attempt goes at once (the `extract` command)."""

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        yield

    def pause(self, seconds: float) -> None:
        pass


# httpx parses the Location of every 3xx, followed or not, and raises on one it cannot
# parse ("javascript:...", "http://256.256.256.256/"). The hook moves the header out of
# its sight before that happens; `_follow` then judges the target like any other URL.
_LOCATION = "x-scraper-location"


async def _hide_location(response: httpx.Response) -> None:
    if "location" in response.headers:
        response.headers[_LOCATION] = response.headers["location"]
        del response.headers["location"]


# The client keeps no cookie: a jar shared by a whole batch would hold every cookie of every
# host in memory, and http.cookiejar walks all of its domains for each request, so a run over
# many hosts would slow down with the square of their number. Cookies live for one redirect
# chain instead (`_follow`'s jar), which is where a site's consent or session check needs them.
_NO_COOKIES = DefaultCookiePolicy(allowed_domains=[])


class _Retryable(Exception):
    """Internal: this attempt failed in a way worth another try."""

    def __init__(self, error: FetchError, wait: float | None = None) -> None:
        self.error = error
        self.wait = wait


@dataclass(frozen=True, slots=True)
class _Redirect:
    """A redirect's answer: its status and the Location it names, as sent."""

    status: int
    location: str


def _answered(error: FetchError, answer: tuple[int, str] | None) -> FetchError:
    return error.answered_by(*answer) if answer is not None else error


def _off_the_clock(hop: Hop | None, deadline: asyncio.Timeout) -> Hop | None:
    """`hop` with the attempt's deadline stopped while it runs. A batch waits there for
    the next host's turn (`scraper.batch`): that is not the server being slow, as the
    wait for the first request's turn, before the attempt, is not either."""
    if hop is None:
        return None

    async def paused(target: str) -> None:
        loop = asyncio.get_running_loop()
        when, started = deadline.when(), loop.time()
        deadline.reschedule(None)
        try:
            await hop(target)
        finally:
            if when is not None:
                deadline.reschedule(when + (loop.time() - started))

    return paused


class Fetcher:
    """An async HTTP client with the rules above; use as an async context manager."""

    def __init__(
        self,
        settings: Settings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        s = self.settings
        self._client = httpx.AsyncClient(
            transport=transport,
            cookies=CookieJar(policy=_NO_COOKIES),
            follow_redirects=False,
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            headers={
                "User-Agent": s.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "en;q=0.9,*;q=0.5",
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=s.concurrency),
            event_hooks={"response": [_hide_location]},
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

    async def fetch(self, url: str, gate: Gate | None = None) -> Page:
        """Fetch and decode one URL with retries; raises FetchError or InvalidURL."""
        return decode_page(await self.fetch_raw(url, gate))

    async def fetch_raw(self, url: str, gate: Gate | None = None, hop: Hop | None = None) -> RawPage:
        """Fetch one URL with retries, without decoding the body; `hop` is asked before
        each redirect is followed (a batch checks the target's robots.txt there, and waits
        for its host's turn: the time `hop` takes does not count against the deadline)."""
        check_fetchable(url)
        return await self._with_retries(url, "page", gate or OpenGate(), hop)

    async def fetch_robots(self, url: str, gate: Gate | None = None) -> RawPage:
        """robots.txt: any final status is returned (4xx with an empty body); a 5xx is
        raised as HTTPStatusError, as a 429 is, after retries where RETRY_STATUSES has it;
        the body is cut, not refused, at ROBOTS_MAX_BYTES; any content type is accepted."""
        check_fetchable(url)
        return await self._with_retries(url, "robots", gate or OpenGate())

    async def _with_retries(self, url: str, mode: Mode, gate: Gate, hop: Hop | None = None) -> RawPage:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                async with gate.slot():
                    return await self._attempt(url, mode, hop)
            except _Retryable as retry:
                if attempt + 1 >= attempts:
                    raise retry.error from None
                base = self.settings.backoff * (2**attempt)
                wait = base + random.uniform(0, base)  # jitter spreads retries out
                if retry.wait is not None:
                    if retry.wait > self.settings.max_retry_after:
                        raise retry.error from None
                    gate.pause(retry.wait)
                    wait = max(wait, retry.wait)
                await self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _attempt(self, url: str, mode: Mode, hop: Hop | None) -> RawPage:
        try:
            async with asyncio.timeout(self.settings.deadline) as deadline:
                return await self._follow(url, mode, _off_the_clock(hop, deadline))
        except TimeoutError:
            raise _Retryable(
                FetchTimeout(f"no complete response within {self.settings.deadline:g} s")
            ) from None

    async def _follow(self, url: str, mode: Mode, hop: Hop | None) -> RawPage:
        """The chain of redirects from `url` to its page. Redirect errors (a loop, too many)
        carry the status and address of the last answer, as other errors after one do."""
        # Cookies a redirect sets go with the following hops, by a browser's rules (domain,
        # path, Secure, expiry), and are dropped with the chain.
        jar = httpx.Cookies()
        current = url
        request = self._build(current, jar)
        # A loop is a request made twice: the same address with the same cookies. A page that
        # sets a cookie and redirects to itself (a consent or session check) is asked again
        # with the cookie, as a browser asks, and answers with the page.
        seen = {(current, request.headers.get("cookie", ""))}
        answer: tuple[int, str] | None = None
        for _ in range(self.settings.max_redirects + 1):
            result = await self._request(url, current, request, mode, jar)
            if isinstance(result, RawPage):
                return result
            answer = result.status, redact(current)
            # As browsers read a Location (the URL standard): tabs and line breaks dropped, the
            # ends trimmed, a space inside ("/ok page") written %20.
            location = result.location.translate(_URL_NOISE).strip(" ").replace(" ", "%20")
            try:
                # A Location urllib cannot even join ("http://[::1") is no address to go to.
                target = urljoin(current, location)
            except ValueError as exc:
                raise InvalidURL(f"refused redirect to {redact(result.location)!r}: {exc}") from None
            try:
                check_fetchable(target)
            except InvalidURL as exc:
                raise InvalidURL(f"refused redirect to {redact(target)!r}: {exc}") from None
            request = self._build(target, jar)
            visit = (target, request.headers.get("cookie", ""))
            if visit in seen:
                raise _answered(TooManyRedirects(f"redirect loop at {redact(target)}"), answer)
            seen.add(visit)
            if hop is not None:
                await hop(target)
            current = target
        raise _answered(TooManyRedirects(f"more than {self.settings.max_redirects} redirects"), answer)

    def _build(self, current: str, jar: httpx.Cookies) -> httpx.Request:
        """The request for `current`, with the chain's cookies for it from `jar`."""
        try:
            request = self._client.build_request("GET", current)
        except (httpx.InvalidURL, ValueError) as exc:
            # A host IDNA refuses (xn--, a snowman), an impossible IPv4 address, a lone
            # surrogate: httpx cannot even write the request line.
            raise InvalidURL(f"cannot request {redact(current)!r}: {exc}") from None
        jar.set_cookie_header(request)
        return request

    async def _request(
        self, url: str, current: str, request: httpx.Request, mode: Mode, jar: httpx.Cookies
    ) -> RawPage | _Redirect:
        """One request (for `current`, on the way from `url`): a RawPage, or the redirect to
        follow next, whose cookies are added to `jar`."""
        answer: tuple[int, str] | None = None  # (status, address) once the server answers
        try:
            response = await self._client.send(request, stream=True)
            answer = response.status_code, redact(current)
            try:
                status = response.status_code
                if status in REDIRECT_STATUSES and _LOCATION in response.headers:
                    jar.extract_cookies(response)
                    return _Redirect(status, response.headers[_LOCATION])
                if status in RETRY_STATUSES:
                    raise _Retryable(
                        HTTPStatusError(f"HTTP {status}", status),
                        retry_after_seconds(response.headers.get("retry-after")),
                    )
                if mode == "robots" and status >= 500:
                    # Not retried, but a server error all the same: robots.txt "unreachable".
                    raise HTTPStatusError(f"HTTP {status}", status)
                content_type = response.headers.get("content-type")
                if mode == "robots":
                    ok = 200 <= status < 300
                    body = await self._read(response, ROBOTS_MAX_BYTES, truncate=True) if ok else b""
                else:
                    if not 200 <= status < 300:
                        raise HTTPStatusError(f"HTTP {status}", status)
                    body = await self._read_page(response, content_type)
                fetched_at = now_iso()
            finally:
                await response.aclose()
        except _Retryable as exc:
            _answered(exc.error, answer)
            raise
        except FetchError as exc:
            # A 200 that is a PDF, too large or empty: its record says who answered, and how.
            _answered(exc, answer)
            raise
        except httpx.TimeoutException as exc:
            error = _answered(FetchTimeout(f"{type(exc).__name__} from {redact(current)}"), answer)
            raise _Retryable(error) from None
        except (httpx.TransportError, ssl.SSLError) as exc:
            if mode == "robots" and isinstance(exc, httpx.RemoteProtocolError):
                # The server took the connection and hung up without an answer (a bare
                # test server failing on a path it does not know): it is up, and has no
                # robots.txt to give. `RobotsCache` reads that as "unavailable".
                raise _Retryable(EmptyResponse(f"no answer for {redact(current)}")) from None
            # A peer that resets or closes mid-body lands here too: worth another try.
            message = str(exc) or type(exc).__name__
            raise _Retryable(_answered(ConnectError(f"{message} ({redact(current)})"), answer)) from None
        except httpx.HTTPError as exc:
            raise _answered(ConnectError(f"{type(exc).__name__}: {exc}"), answer) from None
        return RawPage(
            url=redact(url),
            final_url=redact(current),
            status=status,
            content_type=content_type,
            body=body,
            fetched_at=fetched_at,
        )

    async def _read_page(self, response: httpx.Response, content_type: str | None) -> bytes:
        cap = self.settings.max_bytes
        if not may_be_html(mime_of(content_type)):
            # A declared PDF or image is refused before a byte of it is read.
            raise NotHTML(f"not an HTML page (Content-Type: {content_type})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and "content-encoding" not in response.headers and int(declared) > cap:
            raise BodyTooLarge(f"Content-Length {declared} is over the {cap:,}-byte cap (--max-bytes)")
        body = await self._read(response, cap, sniff=True, content_type=content_type)
        if body.startswith(GZIP_MAGIC):
            # No HTML starts with these two bytes: a saved .html.gz sent as a file (a vague
            # or gzip type was sniffed inside it by `is_html`).
            body = gunzip_file(body, cap)
        if not body.strip():
            raise EmptyResponse(f"HTTP {response.status_code} with an empty body")
        return body

    async def _read(
        self,
        response: httpx.Response,
        cap: int,
        *,
        truncate: bool = False,
        sniff: bool = False,
        content_type: str | None = None,
    ) -> bytes:
        """The inflated body, at most `cap` bytes: over it, BodyTooLarge (or cut, if `truncate`).
        A body that does not inflate is a ContentDecodingError, not a ConnectError: its HTTP
        framing ended as it should (a connection cut short of its Content-Length or last
        chunk fails in httpx first), so the server sent it that way."""
        encoding = response.headers.get("content-encoding")
        try:
            inflater = inflater_for(encoding)
        except UnsupportedEncoding as exc:
            raise NotHTML(str(exc)) from None
        chunks: list[bytes] = []
        size = 0
        try:
            async for raw in response.aiter_raw():
                out = inflater.feed(raw, cap - size)
                size += len(out)
                chunks.append(out)
                if size > cap:
                    if truncate:
                        return b"".join(chunks)[:cap]
                    raise BodyTooLarge(f"body is over the {cap:,}-byte cap (--max-bytes)")
                if sniff and size >= SNIFF_BYTES:
                    sniff = False
                    self._check_html(content_type, b"".join(chunks))
            tail = inflater.finish(cap - size)
        except TruncatedBody as exc:
            raise ContentDecodingError(
                f"the body does not inflate (Content-Encoding: {encoding}): {exc}"
            ) from None
        chunks.append(tail)
        size += len(tail)
        if size > cap:
            if truncate:
                return b"".join(chunks)[:cap]
            raise BodyTooLarge(f"body is over the {cap:,}-byte cap (--max-bytes)")
        body = b"".join(chunks)
        if sniff and body.strip():
            self._check_html(content_type, body)
        return body

    @staticmethod
    def _check_html(content_type: str | None, head: bytes) -> None:
        if not is_html(content_type, head):
            declared = f"Content-Type: {content_type or 'none'}"
            if (document := xml_document(content_type, head)) is not None:
                raise NotHTML(f"{document}, not an HTML page ({declared})")
            raise NotHTML(f"not an HTML page ({declared})")
        if is_binary(head, content_type) and not head.startswith(GZIP_MAGIC) and not looks_like_html(head):
            # An image or a PDF behind a server's wrong type reads as noise, not as a page.
            raise NotHTML(
                f"binary data (an image, a PDF?), not an HTML page, though Content-Type: {content_type}"
            )

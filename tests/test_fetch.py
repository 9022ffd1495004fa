"""The fetcher against real HTTP servers on loopback: pytest-httpserver for well-formed
answers, tests/faultserver.py for the faults (resets, drips, truncated gzip, 50 MB bodies)."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import re
import time
import zlib
from collections.abc import AsyncIterator, Iterator

import brotli  # type: ignore[import-untyped]
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scraper.errors import (
    BodyTooLarge,
    ConnectError,
    ContentDecodingError,
    EmptyResponse,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    NotHTML,
    TooManyRedirects,
)
from scraper.fetch import RETRY_STATUSES, Fetcher, retry_after_seconds
from scraper.models import Page
from scraper.pipeline import error_outcome
from scraper.raw import mime_of
from scraper.settings import Settings
from tests.conftest import ROOT, RunCli, article_html
from tests.faultserver import (
    Conn,
    FaultServer,
    Handler,
    drip,
    endless,
    reset_mid_body,
    respond,
    sequence,
    truncated_gzip,
)
from tests.faultserver import Request as WireRequest

FAST = Settings(retries=0, connect_timeout=2, read_timeout=2, deadline=5)


def fetch(url: str, settings: Settings = FAST) -> Page:
    async def go() -> Page:
        async with Fetcher(settings, sleep=lambda _: asyncio.sleep(0)) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


def test_200_html(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(article_html(), content_type="text/html; charset=utf-8")
    page = fetch(httpserver.url_for("/a"))
    assert page.status == 200
    assert "river rose" in page.html
    assert page.final_url == page.url == httpserver.url_for("/a")
    assert page.fetched_at.endswith("Z")


def test_user_agent_names_the_tool(httpserver: HTTPServer) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response(article_html(), content_type="text/html")

    httpserver.expect_request("/ua").respond_with_handler(handler)
    fetch(httpserver.url_for("/ua"))
    assert seen[0].startswith("scraper/")


def test_redirect_is_followed_and_recorded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(article_html(), content_type="text/html")
    page = fetch(httpserver.url_for("/old"))
    assert page.url == httpserver.url_for("/old")
    assert page.final_url == httpserver.url_for("/new")


def test_redirect_loop(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(TooManyRedirects):
        fetch(httpserver.url_for("/a"))


def test_redirect_to_file_scheme_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/evil").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    with pytest.raises(InvalidURL, match="refused redirect"):
        fetch(httpserver.url_for("/evil"))


def test_404_is_an_error_with_status(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("nope", status=404, content_type="text/html")
    with pytest.raises(HTTPStatusError) as info:
        fetch(httpserver.url_for("/missing"))
    assert info.value.status == 404


def test_a_utf16_page_its_header_declares_is_fetched_not_refused_as_binary(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/u16").respond_with_data(
        article_html().encode("utf-16-le"), content_type="text/html; charset=utf-16le"
    )
    assert "river rose" in fetch(httpserver.url_for("/u16")).html


def test_non_html_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc.pdf").respond_with_data(
        b"%PDF-1.7 " + b"x" * 3000, content_type="application/pdf"
    )
    with pytest.raises(NotHTML):
        fetch(httpserver.url_for("/doc.pdf"))


def test_a_failure_after_an_answer_says_which_answer(httpserver: HTTPServer) -> None:
    """A 200 that is a PDF, or a 204 at the end of a redirect: the error carries the status
    and the address that answered, for the record's `status` and `final_url`."""
    httpserver.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.7 ", content_type="application/pdf")
    httpserver.expect_request("/moved").respond_with_data("", status=302, headers={"Location": "/none"})
    httpserver.expect_request("/none").respond_with_data("", status=204)
    with pytest.raises(NotHTML) as pdf:
        fetch(httpserver.url_for("/doc.pdf"))
    assert (pdf.value.status, pdf.value.final_url) == (200, httpserver.url_for("/doc.pdf"))
    with pytest.raises(EmptyResponse) as empty:
        fetch(httpserver.url_for("/moved"))
    assert (empty.value.status, empty.value.final_url) == (204, httpserver.url_for("/none"))
    record = error_outcome(httpserver.url_for("/moved"), empty.value).record
    assert (record.status, record.final_url) == (204, httpserver.url_for("/none"))


@pytest.mark.parametrize(
    ("content_type", "mime"),
    [
        ("text/html; charset=utf-8", "text/html"),
        ("  Text/HTML ;charset=utf-8", "text/html"),
        ("text/html, text/html; charset=utf-8", "text/html"),  # two headers, joined by httpx
        ("text/plain, text/html", "text/html"),  # the last valid type wins, as in browsers
        ("text/html, application/pdf", "application/pdf"),
        ("text/html, */*", "text/html"),
        ("text/html, nonsense", "text/html"),
        ('text/html; charset="a,b"', "text/html"),
        ("nonsense", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_mime_of_takes_the_last_valid_type(content_type: str | None, mime: str) -> None:
    assert mime_of(content_type) == mime


def test_two_content_type_headers_are_read_as_browsers_read_them(server: FaultServer) -> None:
    async def two_headers(request: WireRequest, conn: Conn) -> None:
        body = article_html().encode()
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        await conn.send(head.encode() + body)

    server.route("/two", two_headers)
    server.route("/listed", respond(200, article_html(), content_type="text/plain, text/html"))
    for path in ("/two", "/listed"):
        assert "river rose" in fetch_via(server.url(path), FAST).html, path


def test_html_sent_as_octet_stream_is_sniffed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/s").respond_with_data(article_html(), content_type="application/octet-stream")
    assert "river rose" in fetch(httpserver.url_for("/s")).html


def test_empty_200(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/empty").respond_with_data("", content_type="text/html")
    with pytest.raises(EmptyResponse):
        fetch(httpserver.url_for("/empty"))


def test_slow_response_beyond_the_deadline(httpserver: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(1.5)
        return Response(article_html(), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(httpserver.url_for("/slow"), Settings(retries=0, read_timeout=5, deadline=0.5))
    assert time.monotonic() - started < 1.4


def test_body_over_the_cap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data("<html>" + "x" * 50_000, content_type="text/html")
    with pytest.raises(BodyTooLarge):
        fetch(httpserver.url_for("/big"), Settings(retries=0, max_bytes=10_000))


def test_gzip_bomb_stopped_at_the_cap(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"<html><body>" + b"a" * 5_000_000)
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(BodyTooLarge):
        fetch(httpserver.url_for("/bomb"), Settings(retries=0, max_bytes=100_000))


def test_503_then_200_is_retried(httpserver: HTTPServer) -> None:
    calls: list[int] = []

    def flaky(_: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            return Response("busy", status=503)
        return Response(article_html(), content_type="text/html")

    httpserver.expect_request("/flaky").respond_with_handler(flaky)
    page = fetch(httpserver.url_for("/flaky"), Settings(retries=2, backoff=0.01))
    assert page.status == 200 and len(calls) == 2


def test_404_is_not_retried(httpserver: HTTPServer) -> None:
    calls: list[int] = []

    def gone(_: Request) -> Response:
        calls.append(1)
        return Response("gone", status=404)

    httpserver.expect_request("/gone").respond_with_handler(gone)
    with pytest.raises(HTTPStatusError):
        fetch(httpserver.url_for("/gone"), Settings(retries=3, backoff=0.01))
    assert len(calls) == 1


def test_connection_refused() -> None:
    with pytest.raises(ConnectError):
        fetch("http://127.0.0.1:9/")


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), (None, None), ("soon", None)])
def test_retry_after(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header) == seconds


# -- faults on the wire (tests/faultserver.py) ------------------------------------------------


class RecordingGate:
    """A Gate that counts attempts and remembers Retry-After pauses."""

    def __init__(self) -> None:
        self.attempts = 0
        self.pauses: list[float] = []

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        self.attempts += 1
        yield

    def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)


def fetch_via(url: str, settings: Settings, gate: RecordingGate | None = None) -> Page:
    async def go() -> Page:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, gate)

    return asyncio.run(go())


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(hosts=1) as running:
        yield running


RETRYING = Settings(retries=2, backoff=0.01, connect_timeout=5, read_timeout=5, deadline=20)


def test_500_then_200_is_retried(server: FaultServer) -> None:
    server.route("/p", sequence(respond(500, "oops"), respond(200, article_html())))
    gate = RecordingGate()
    page = fetch_via(server.url("/p"), RETRYING, gate)
    assert page.status == 200 and "river rose" in page.html
    assert server.stats.count("/p") == 2 and gate.attempts == 2


def test_429_with_retry_after_is_honoured(server: FaultServer) -> None:
    server.route(
        "/p", sequence(respond(429, "slow down", headers={"Retry-After": "1"}), respond(200, article_html()))
    )
    gate = RecordingGate()
    fetch_via(server.url("/p"), RETRYING, gate)
    assert gate.pauses == [1.0]  # the whole host is told to back off
    (first, _, _), (second, _, _) = server.stats.log
    assert second - first >= 0.9  # a lower bound only: a busy machine makes it longer, never shorter


def test_retry_after_beyond_the_limit_fails_at_once(server: FaultServer) -> None:
    server.route("/p", respond(503, "maintenance", headers={"Retry-After": "3600"}))
    with pytest.raises(HTTPStatusError) as info:
        fetch_via(server.url("/p"), RETRYING)
    assert info.value.status == 503 and server.stats.count("/p") == 1


@pytest.mark.parametrize(("status", "attempts"), [(500, 3), (502, 3), (504, 3), (501, 1), (505, 1), (507, 1)])
def test_transient_server_errors_are_retried_and_lasting_ones_not(
    server: FaultServer, status: int, attempts: int
) -> None:
    """500 and the gateway errors pass; 501 Not Implemented, 505 HTTP Version Not Supported
    would give the same answer again."""
    server.route("/p", respond(status, "error"))
    with pytest.raises(HTTPStatusError) as info:
        fetch_via(server.url("/p"), RETRYING)
    assert info.value.status == status and server.stats.count("/p") == attempts


def test_the_retried_statuses_are_the_documented_ones(run_cli: RunCli) -> None:
    assert sorted(RETRY_STATUSES) == [429, 500, 502, 503, 504]
    help_text = " ".join(run_cli("batch", "--help").stdout.split())
    assert "Retries for connection errors, timeouts, 429, 500, 502, 503 and 504." in help_text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "timeouts, 429 and 500/502/503/504, honouring `Retry-After`; never for other 4xx or 5xx" in readme


def test_a_robots_txt_server_error_not_worth_retrying_still_means_unreachable(server: FaultServer) -> None:
    server.route("/robots.txt", respond(501, "not implemented"))

    async def go() -> None:
        async with Fetcher(RETRYING) as fetcher:
            await fetcher.fetch_robots(server.url("/robots.txt"))

    with pytest.raises(HTTPStatusError):
        asyncio.run(go())
    assert server.stats.count("/robots.txt") == 1


def test_404_gets_one_attempt(server: FaultServer) -> None:
    server.route("/p", respond(404, "gone"))
    with pytest.raises(HTTPStatusError):
        fetch_via(server.url("/p"), RETRYING)
    assert server.stats.count("/p") == 1


def test_reset_mid_body_is_a_retried_connect_error(server: FaultServer) -> None:
    server.route("/p", reset_mid_body())
    with pytest.raises(ConnectError):
        fetch_via(server.url("/p"), RETRYING)
    assert server.stats.count("/p") == 3


def test_reset_then_success(server: FaultServer) -> None:
    server.route("/p", sequence(reset_mid_body(), respond(200, article_html())))
    assert "river rose" in fetch_via(server.url("/p"), RETRYING).html


def test_drip_is_cut_by_the_deadline(server: FaultServer) -> None:
    server.route("/p", drip(interval=0.1))
    settings = Settings(retries=0, read_timeout=30, deadline=1)
    with pytest.raises(FetchTimeout, match="within 1 s"):
        fetch_via(server.url("/p"), settings)
    # The read timeout never fired (a byte every 0.1 s); only the deadline can stop it.
    assert server.stats.count("/p") == 1


def test_truncated_gzip_is_an_error_not_a_short_page(server: FaultServer) -> None:
    server.route("/p", truncated_gzip(article_html() * 20))
    with pytest.raises(ContentDecodingError, match="gzip") as info:
        fetch_via(server.url("/p"), RETRYING)
    assert server.stats.count("/p") == 1  # a server bug, not bad luck: not retried
    # The server answered in full: the record says who, as for a 200 that is a PDF.
    assert (info.value.status, info.value.final_url) == (200, server.url("/p"))


def test_a_body_that_does_not_inflate_is_no_connection_error(server: FaultServer) -> None:
    """Plain HTML labelled gzip: the connection was fine, the body is not what its
    Content-Encoding says."""
    server.route("/p", respond(200, article_html(), headers={"Content-Encoding": "gzip"}))
    with pytest.raises(ContentDecodingError, match=r"Content-Encoding: gzip\): corrupt gzip stream"):
        fetch_via(server.url("/p"), RETRYING)
    assert server.stats.count("/p") == 1


@pytest.mark.parametrize("tail", [b"\n", b"\0\0\0\0"], ids=["newline", "nul-padding"])
def test_stray_bytes_after_a_gzip_body_are_ignored_as_browsers_ignore_them(
    server: FaultServer, tail: bytes
) -> None:
    packed = gzip.compress(article_html().encode()) + tail
    server.route("/p", respond(200, packed, headers={"Content-Encoding": "gzip"}))
    assert fetch_via(server.url("/p"), FAST).html == article_html()


def test_fifty_megabytes_declared_are_refused_unread(server: FaultServer) -> None:
    server.route("/p", endless(50_000_000, declare_length=True))
    with pytest.raises(BodyTooLarge, match="Content-Length"):
        fetch_via(server.url("/p"), FAST)
    assert server.stats.bytes_sent["127.0.0.1 /p"] < 20_000_000


def test_fifty_megabytes_chunked_are_cut_while_streaming(server: FaultServer) -> None:
    server.route("/p", endless(50_000_000))
    with pytest.raises(BodyTooLarge, match="10,485,760-byte cap"):
        fetch_via(server.url("/p"), FAST)
    # The client hung up near the 10 MB cap; the rest never left the server (socket buffers aside).
    assert server.stats.bytes_sent["127.0.0.1 /p"] < 30_000_000


def test_pdf_is_refused_before_its_body_is_read(server: FaultServer) -> None:
    server.route("/doc.pdf", endless(50_000_000, content_type="application/pdf"))
    with pytest.raises(NotHTML, match="application/pdf"):
        fetch_via(server.url("/doc.pdf"), FAST)
    assert server.stats.bytes_sent["127.0.0.1 /doc.pdf"] < 30_000_000


def test_empty_200_on_the_wire(server: FaultServer) -> None:
    server.route("/p", respond(200, b""))
    with pytest.raises(EmptyResponse):
        fetch_via(server.url("/p"), FAST)


def test_redirect_loop_on_the_wire(server: FaultServer) -> None:
    server.route("/a", respond(302, b"", headers={"Location": "/b"}))
    server.route("/b", respond(302, b"", headers={"Location": "/a"}))
    with pytest.raises(TooManyRedirects, match="loop"):
        fetch_via(server.url("/a"), FAST)


def test_redirect_chain_is_capped(server: FaultServer) -> None:
    async def hop(request: WireRequest, conn: Conn) -> None:
        n = int(request.route.rsplit("/", 1)[1])
        await conn.respond(302, b"", {"Location": f"/r/{n + 1}"})

    server.route("/r/", hop)
    with pytest.raises(TooManyRedirects, match="more than 3"):
        fetch_via(server.url("/r/0"), Settings(retries=0, max_redirects=3))
    assert server.stats.count("/r/3") == 1 and server.stats.count("/r/4") == 0


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "gzip-two-members"])
def test_compressed_bodies_are_inflated(server: FaultServer, encoding: str) -> None:
    html = article_html().encode()
    if encoding == "gzip":
        body = gzip.compress(html)
    elif encoding == "deflate":
        body = zlib.compress(html)
    elif encoding == "br":
        body = brotli.compress(html)
    else:
        half = len(html) // 2
        body = gzip.compress(html[:half]) + gzip.compress(html[half:])
    header = encoding.split("-")[0]
    server.route("/p", respond(200, body, headers={"Content-Encoding": header}))
    assert fetch_via(server.url("/p"), FAST).html == article_html()


def test_brotli_bomb_stopped_at_the_cap(server: FaultServer) -> None:
    bomb = brotli.compress(b"<html><body>" + b"a" * 20_000_000)
    server.route("/p", respond(200, bomb, headers={"Content-Encoding": "br"}))
    with pytest.raises(BodyTooLarge):
        fetch_via(server.url("/p"), Settings(retries=0, max_bytes=100_000))


def test_a_content_encoding_we_cannot_undo_is_refused(server: FaultServer) -> None:
    server.route("/p", respond(200, b"\x00\x01garbage", headers={"Content-Encoding": "zstd"}))
    with pytest.raises(NotHTML, match="zstd"):
        fetch_via(server.url("/p"), FAST)


@pytest.mark.parametrize("label", ["utf-8", "none", "binary", "identity", "UTF-8, gzip"])
def test_a_content_encoding_label_no_registry_knows_is_passed_through(
    server: FaultServer, label: str
) -> None:
    """A server's misconfiguration, which browsers ignore: the body is read as it stands (and a
    coding listed beside the label still undone)."""
    body = article_html().encode()
    server.route(
        "/p",
        respond(200, gzip.compress(body) if "gzip" in label else body, headers={"Content-Encoding": label}),
    )
    assert fetch_via(server.url("/p"), FAST).html == article_html()


def test_robots_fetch_returns_4xx_and_cuts_big_bodies(server: FaultServer) -> None:
    server.route(
        "/robots.txt", respond(200, "User-agent: *\n" + "Disallow: /x\n" * 100_000, content_type="text/plain")
    )

    async def go(url: str) -> tuple[int, int]:
        async with Fetcher(FAST) as fetcher:
            raw = await fetcher.fetch_robots(url)
            return raw.status, len(raw.body)

    status, size = asyncio.run(go(server.url("/robots.txt")))
    assert status == 200 and size == 512 * 1024
    assert asyncio.run(go(server.url("/missing/robots.txt"))) == (404, 0)


# -- XML: a page only when it is XHTML ------------------------------------------------------------

ITEMS = "".join(
    f"<item><title>Headline {i}</title><link>http://example.com/{i}</link></item>" for i in range(5)
)
XML_BODIES = {
    "rss": f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{ITEMS}</channel></rss>',
    "atom": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title></feed>',
    "rdf": '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
    "sitemap": '<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated -->\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://example.com/a</loc></url></urlset>',
    "sitemap-index": '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>',
    "other": '<?xml version="1.0"?><catalog><book id="1">A book</book></catalog>',
}
XML_KINDS = {
    "rss": "an RSS feed (<rss>)",
    "atom": "an Atom feed (<feed>)",
    "rdf": "an RSS 1.0 feed (<rdf:RDF>)",
    "sitemap": "a sitemap (<urlset>)",
    "sitemap-index": "a sitemap index (<sitemapindex>)",
    "other": "an XML document (<catalog>)",
}


@pytest.mark.parametrize("content_type", ["application/xml", "text/xml; charset=utf-8"])
@pytest.mark.parametrize("kind", sorted(XML_BODIES))
def test_feeds_sitemaps_and_other_xml_are_no_pages(server: FaultServer, kind: str, content_type: str) -> None:
    server.route("/x", respond(200, XML_BODIES[kind], content_type=content_type))
    with pytest.raises(NotHTML, match=re.escape(f"{XML_KINDS[kind]}, not an HTML page")) as info:
        fetch_via(server.url("/x"), FAST)
    assert info.value.status == 200


def test_a_feed_behind_a_vague_type_is_no_page_either(server: FaultServer) -> None:
    server.route("/x", respond(200, XML_BODIES["rss"], content_type="text/plain"))
    with pytest.raises(
        NotHTML, match=re.escape("an RSS feed (<rss>), not an HTML page (Content-Type: text/plain)")
    ):
        fetch_via(server.url("/x"), FAST)


@pytest.mark.parametrize(
    "body",
    [
        "<?xml version='1.0' encoding='utf-8'?>\n"
        + article_html()
        .replace("<!doctype html>", "")
        .replace("<html", "<html xmlns='http://www.w3.org/1999/xhtml'", 1),
        "<?xml version='1.0'?><!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' "
        "'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'>"
        + article_html().replace("<!doctype html>", ""),
        "<?xml version='1.0'?><!-- a comment --><h:html xmlns:h='http://www.w3.org/1999/xhtml'>"
        + article_html().split("<html lang='en'>", 1)[1].replace("</html>", "</h:html>"),
        article_html(),  # HTML with its doctype, an <html> root all the same
    ],
    ids=["xhtml-namespace", "xhtml-doctype", "prefixed-root", "html"],
)
@pytest.mark.parametrize("content_type", ["application/xml", "text/xml"])
def test_xhtml_served_as_xml_is_a_page(server: FaultServer, body: str, content_type: str) -> None:
    server.route("/x", respond(200, body, content_type=content_type))
    assert "river rose" in fetch_via(server.url("/x"), FAST).html


# -- cookies: one redirect chain's, never the client's -------------------------------------------


def cookie_logger(sent: list[tuple[str, str]], answer: Handler) -> Handler:
    """`answer`, after noting the request's path and Cookie header in `sent`."""

    async def handler(request: WireRequest, conn: Conn) -> None:
        sent.append((request.route, request.headers.get("cookie", "")))
        await answer(request, conn)

    return handler


def test_cookies_live_for_one_redirect_chain() -> None:
    """A cookie a redirect sets goes with the next hop to its host, as a browser sends it; it
    goes to no other host, and no later URL gets it: a jar kept for a whole run would hold every
    host's cookies and slow each request by their number."""
    sent: list[tuple[str, str]] = []
    with FaultServer(hosts=2) as server:
        elsewhere = server.url("/page", host=1)
        to_page = {"Location": "/page", "Set-Cookie": "session=1; Path=/"}
        to_elsewhere = {"Location": elsewhere, "Set-Cookie": "mine=1; Path=/"}
        server.route("/login", cookie_logger(sent, respond(302, b"", headers=to_page)))
        server.route("/away", cookie_logger(sent, respond(302, b"", headers=to_elsewhere)))
        server.route(
            "/page", cookie_logger(sent, respond(200, article_html(), headers={"Set-Cookie": "seen=1"}))
        )
        server.route("/other", cookie_logger(sent, respond(200, article_html())))

        async def go() -> None:
            async with Fetcher(FAST) as fetcher:
                for path in ("/login", "/other", "/page", "/other", "/away"):
                    await fetcher.fetch(server.url(path))

        asyncio.run(go())
    assert sent == [
        ("/login", ""),
        ("/page", "session=1"),  # the redirect's cookie, on the next hop
        ("/other", ""),  # another URL: a new chain, no cookie
        ("/page", ""),
        ("/other", ""),  # nor the one a final answer set
        ("/away", ""),
        ("/page", ""),  # another host never gets a cookie of this one
    ]


def test_a_page_that_sets_a_cookie_and_redirects_to_itself_is_fetched(server: FaultServer) -> None:
    """A consent or session check: the second request carries the cookie and gets the page.
    A redirect to itself that sets the same cookie again is a loop all the same."""
    sent: list[tuple[str, str]] = []

    async def consent(request: WireRequest, conn: Conn) -> None:
        if "consent=yes" in request.headers.get("cookie", ""):
            await conn.respond(200, article_html().encode(), {"Content-Type": "text/html"})
        else:
            await conn.respond(302, b"", {"Location": "/story", "Set-Cookie": "consent=yes; Path=/"})

    server.route("/story", cookie_logger(sent, consent))
    page = fetch_via(server.url("/story"), FAST)
    assert "river rose" in page.html and page.final_url == server.url("/story")
    assert sent == [("/story", ""), ("/story", "consent=yes")]
    server.route("/stuck", respond(302, b"", headers={"Location": "/stuck", "Set-Cookie": "consent=yes"}))
    with pytest.raises(TooManyRedirects, match="loop"):
        fetch_via(server.url("/stuck"), FAST)
    assert server.stats.count("/stuck") == 2


def test_redirect_errors_say_which_answer(server: FaultServer) -> None:
    """A loop, or a chain past the cap, ends on an answer: its status and address go in the
    record, as for any error after the server answered."""
    server.route("/a", respond(302, b"", headers={"Location": "/b"}))
    server.route("/b", respond(301, b"", headers={"Location": "/a"}))
    with pytest.raises(TooManyRedirects, match="loop") as loop:
        fetch_via(server.url("/a"), FAST)
    assert (loop.value.status, loop.value.final_url) == (301, server.url("/b"))

    async def onward(request: WireRequest, conn: Conn) -> None:
        n = int(request.route.rsplit("/", 1)[1])
        await conn.respond(307, b"", {"Location": f"/r/{n + 1}", "Set-Cookie": f"hop={n}"})

    server.route("/r/", onward)  # a new cookie each hop: never a loop, but never an end either
    with pytest.raises(TooManyRedirects, match="more than 3") as chain:
        fetch_via(server.url("/r/0"), Settings(retries=0, max_redirects=3))
    assert (chain.value.status, chain.value.final_url) == (307, server.url("/r/3"))
    record = error_outcome(server.url("/r/0"), chain.value).record
    assert (record.status, record.final_url) == (307, server.url("/r/3"))


# -- charsets, decoded as a browser would, over the wire ---------------------------------------

FRENCH = (
    "Le président a déclaré mercredi que l’économie française « résiste » malgré la hausse des prix. "
    "Les élèves de l’école élémentaire ont reçu des cahiers neufs à la rentrée, précise le ministère. "
)
RUSSIAN = "Президент заявил, что правительство продолжит реформы в экономике и образовании. "
JAPANESE = "東京都は今日、新しい交通計画を発表しました。市民の生活に大きな影響を与えると見られています。"
CHINESE = "国家统计局今天公布了最新的经济数据，显示工业生产继续保持稳定增长。"


def doc(text: str, meta: str = "") -> str:
    return (
        f"<!doctype html><html><head>{meta}<title>t</title></head><body>"
        + f"<p>{text}</p>" * 6
        + "</body></html>"
    )


CHARSET_CASES = {
    # name: (html, encoding of the bytes sent, Content-Type header)
    "latin-1 undeclared": (
        doc(FRENCH.replace("’", "'").replace("« ", '"').replace(" »", '"')),
        "latin-1",
        "text/html",
    ),
    "windows-1252 undeclared": (doc(FRENCH + "Prix : 20 € — “enfin”. "), "cp1252", "text/html"),
    "windows-1251 in header": (doc(RUSSIAN), "cp1251", "text/html; charset=windows-1251"),
    "windows-1251 in meta": (doc(RUSSIAN, "<meta charset='windows-1251'>"), "cp1251", "text/html"),
    "windows-1251 undeclared": (doc(RUSSIAN), "cp1251", "text/html"),
    "shift_jis in meta": (
        doc(JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'),
        "shift_jis",
        "text/html",
    ),
    "shift_jis in header": (doc(JAPANESE), "shift_jis", "text/html; charset=shift_jis"),
    "gb2312 in meta": (doc(CHINESE, "<meta charset='gb2312'>"), "gb2312", "text/html"),
    "gbk in header": (doc(CHINESE + "镕"), "gbk", "text/html; charset=GBK"),
    "shift_jis undeclared": (doc(JAPANESE), "shift_jis", "text/html"),
    "gbk undeclared": (doc(CHINESE), "gbk", "text/html"),
    "header lies: says utf-8, sends windows-1251": (doc(RUSSIAN), "cp1251", "text/html; charset=utf-8"),
    "header lies: says iso-8859-1, sends utf-8": (doc(FRENCH), "utf-8", "text/html; charset=iso-8859-1"),
    "utf-8 BOM beats the header": (doc(FRENCH), "utf-8-sig", "text/html; charset=windows-1251"),
}


@pytest.mark.parametrize("case", list(CHARSET_CASES))
def test_charsets_over_http(server: FaultServer, case: str) -> None:
    html, encoding, content_type = CHARSET_CASES[case]
    server.route("/p", respond(200, html.encode(encoding), content_type=content_type))
    page = fetch_via(server.url("/p"), FAST)
    assert page.html == html, f"{case}: decoded as {page.encoding}"

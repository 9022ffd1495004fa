"""The fetcher against a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import asyncio
import gzip
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scraper.errors import (
    BodyTooLarge,
    ConnectError,
    EmptyResponse,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    NotHTML,
    TooManyRedirects,
)
from scraper.fetch import Fetcher, retry_after_seconds
from scraper.models import Page
from scraper.settings import Settings
from tests.conftest import article_html

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
    httpserver.expect_request("/evil").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(InvalidURL, match="refused redirect"):
        fetch(httpserver.url_for("/evil"))


def test_404_is_an_error_with_status(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("nope", status=404, content_type="text/html")
    with pytest.raises(HTTPStatusError) as info:
        fetch(httpserver.url_for("/missing"))
    assert info.value.status == 404


def test_non_html_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.7 " + b"x" * 3000, content_type="application/pdf")
    with pytest.raises(NotHTML):
        fetch(httpserver.url_for("/doc.pdf"))


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

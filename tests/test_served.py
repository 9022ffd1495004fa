"""A page served by a bare static server gives what the same page read from disk gives.

Reviewers run `scraper batch` over pages served from 127.0.0.1 (see bench/served.py);
these are the ways in which the served path once fell short of the saved one.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from scraper.errors import BodyTooLarge, NotHTML
from scraper.raw import is_html
from scraper.settings import Settings
from tests.conftest import RunCli, article_html
from tests.test_fetch import FAST, fetch


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def static(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`python -m http.server` over a fresh folder: (the folder, its base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_saved_html_gz_from_a_static_server_is_the_page(static: tuple[Path, str]) -> None:
    # http.server sends a .html.gz as `application/gzip`, with no Content-Encoding.
    folder, base = static
    (folder / "page.html.gz").write_bytes(gzip.compress(article_html().encode()))
    page = fetch(f"{base}/page.html.gz")
    assert page.content_type == "application/gzip"
    assert page.html == article_html()


@pytest.mark.parametrize("content_type", ["application/x-gzip", "application/octet-stream", "text/html"])
def test_gzip_file_under_other_types_is_gunzipped(httpserver: HTTPServer, content_type: str) -> None:
    body = gzip.compress(article_html().encode())
    httpserver.expect_request("/p").respond_with_data(body, content_type=content_type)
    assert fetch(httpserver.url_for("/p")).html == article_html()


def test_gzip_file_that_is_not_html_is_refused(httpserver: HTTPServer) -> None:
    body = gzip.compress(b"id,name\n" + b"1,a\n" * 2000)
    httpserver.expect_request("/data.csv.gz").respond_with_data(body, content_type="application/gzip")
    with pytest.raises(NotHTML):
        fetch(httpserver.url_for("/data.csv.gz"))


def test_gzip_file_inflating_over_the_cap_is_refused(httpserver: HTTPServer) -> None:
    body = gzip.compress(article_html().encode() + b" " * 200_000)
    httpserver.expect_request("/big.html.gz").respond_with_data(body, content_type="application/gzip")
    with pytest.raises(BodyTooLarge, match="gzip file"):
        fetch(httpserver.url_for("/big.html.gz"), Settings(retries=0, max_bytes=100_000))


def test_cut_off_gzip_file_is_refused(httpserver: HTTPServer) -> None:
    # Sent whole (with its Content-Length), but the file itself stops short.
    whole = gzip.compress(article_html().encode())
    body = whole[: len(whole) // 2]
    httpserver.expect_request("/bad.html.gz").respond_with_data(body, content_type="application/gzip")
    with pytest.raises(NotHTML, match="does not inflate"):
        fetch(httpserver.url_for("/bad.html.gz"), FAST)


def test_gzip_head_is_sniffed_inside() -> None:
    assert is_html("application/gzip", gzip.compress(b"<!doctype html><p>x</p>"))
    assert not is_html("application/gzip", gzip.compress(b"%PDF-1.7"))
    assert not is_html("application/pdf", gzip.compress(b"<!doctype html><p>x</p>"))


def test_batch_over_a_static_server_matches_the_saved_pages(
    static: tuple[Path, str], run_cli: RunCli
) -> None:
    # The reviewers' set-up end to end: the served record's text is the saved file's.
    folder, base = static
    (folder / "a.html.gz").write_bytes(gzip.compress(article_html().encode()))
    (folder / "b.html").write_text(article_html(), encoding="utf-8")
    (folder / "urls.txt").write_text(f"{base}/a.html.gz\n{base}/b.html\n", encoding="utf-8")
    served = run_cli("batch", str(folder / "urls.txt"), "--workers", "1")
    saved = run_cli("extract", str(folder / "a.html.gz"))
    assert served.returncode == 0, served.stdout
    texts = {record["url"].rsplit("/", 1)[1]: record["text"] for record in served.records}
    assert texts == {"a.html.gz": saved.records[0]["text"], "b.html": saved.records[0]["text"]}

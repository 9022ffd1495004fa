"""The library's calls (`scraper.extract`, `scraper.scrape`, `scraper.scrape_async`): the
records the CLI prints, from Python."""

from __future__ import annotations

import asyncio
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import scraper
from scraper.errors import ExtractionError, FileReadError
from tests.conftest import ARTICLE_PARAGRAPHS, ROOT, RunCli, article_html, page


def test_extract_takes_text_or_bytes_and_decodes_bytes_as_a_page() -> None:
    html = article_html()
    from_text = scraper.extract_article(html, url="https://example.org/story")
    assert isinstance(from_text, scraper.Article)
    assert from_text.title == "A test article"
    assert from_text.text.split("\n") == ARTICLE_PARAGRAPHS
    # Bytes in a declared legacy charset are decoded by it, as a fetched page's are.
    latin = page("<article><h1>Café</h1>" + "".join(f"<p>{p} Café.</p>" for p in ARTICLE_PARAGRAPHS))
    latin = latin.replace("<head>", '<head><meta charset="windows-1252">', 1)
    from_bytes = scraper.extract_article(latin.encode("cp1252"))
    assert from_bytes.text.split("\n")[-1].endswith("Café.")
    assert "Café." in from_bytes.markdown


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00",
        gzip.compress(b"<html><body><p>x</p></body></html>"),
    ],
    ids=["png", "pdf", "gzip"],
)
def test_extract_refuses_binary_bytes_as_the_cli_refuses_a_binary_file(
    data: bytes, run_cli: RunCli, tmp_path: Path
) -> None:
    with pytest.raises(FileReadError, match="binary data"):
        scraper.extract_article(data)
    if not data.startswith(b"\x1f\x8b"):  # a saved .gz the CLI gunzips
        saved = tmp_path / "page.html"
        saved.write_bytes(data)
        assert run_cli("extract", str(saved)).records[0]["error"]["type"] == "FileReadError"


def test_extract_reads_a_page_with_a_stray_control_byte() -> None:
    # Binary by the WHATWG rule, but it starts as HTML: a page.
    html = article_html().replace("<p>", "<p>\x00", 1).encode()
    assert scraper.extract_article(html).title == "A test article"


def test_extract_raises_for_markup_no_page_has() -> None:
    with pytest.raises(ExtractionError, match="nested"):
        scraper.extract_article("<div>" * 200_000 + "text")


def test_scrape_gives_the_cli_record_for_a_url_and_a_saved_page(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/story").respond_with_data(article_html(), content_type="text/html")
    record = scraper.scrape(httpserver.url_for("/story"))
    assert isinstance(record, scraper.Record)
    assert record.ok and record.status == 200 and record.error is None
    assert record.text is not None and record.text.split("\n") == ARTICLE_PARAGRAPHS
    assert record.word_count == sum(len(p.split()) for p in ARTICLE_PARAGRAPHS)
    saved = tmp_path / "story.html.gz"
    saved.write_bytes(gzip.compress(article_html().encode()))
    from_file = scraper.scrape(str(saved), url="https://example.org/story")
    assert from_file.ok and from_file.url == from_file.final_url == "https://example.org/story"
    assert from_file.text == record.text
    assert scraper.scrape(saved, url="https://example.org/story").text == record.text  # a Path
    # The record is the CLI's JSON line.
    assert list(json.loads(json.dumps(from_file.to_dict()))) == list(from_file.to_dict())


def test_scrape_never_raises_for_a_bad_target(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    httpserver.expect_request("/pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    fast = scraper.Settings(retries=0, connect_timeout=2)
    cases = {
        httpserver.url_for("/gone"): "HTTPStatusError",
        httpserver.url_for("/pdf"): "NotHTML",
        "http://127.0.0.1:9/closed-port": "ConnectError",
        str(tmp_path / "missing.html"): "FileReadError",
        "ftp://example.org/file": "InvalidURL",
    }
    for target, error_type in cases.items():
        record = scraper.scrape(target, settings=fast)
        assert not record.ok and record.text is None
        assert record.error is not None and record.error.type == error_type, (target, record.error)


@pytest.mark.parametrize(
    ("field", "value"),
    [("retries", -1), ("deadline", 0), ("per_host", 0), ("user_agent", "bot/é"), ("user_agent", "a\r\nX: y")],
)
def test_settings_refuse_what_no_fetch_could_use(field: str, value: object) -> None:
    # A caller's mistake is said when the settings are made, not by every URL's record later.
    with pytest.raises(ValueError, match=field):
        scraper.Settings(**{field: value})  # type: ignore[arg-type]


def test_scrape_async_runs_in_an_event_loop_that_is_already_running(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(article_html(), content_type="text/html")

    async def in_an_app() -> list[scraper.Record]:
        urls = [httpserver.url_for("/story"), httpserver.url_for("/story?again=1")]
        return list(await asyncio.gather(*(scraper.scrape_async(url) for url in urls)))

    records = asyncio.run(in_an_app())
    assert [record.ok for record in records] == [True, True]
    assert records[0].text == records[1].text


def test_importing_the_package_loads_neither_extractor_nor_fetcher() -> None:
    """`import scraper` comes before every CLI call; the calls are imported on first use."""
    heavy = "('httpx', 'selectolax', 'trafilatura')"
    code = f"import sys, scraper; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
    # The calls are named apart from the package's modules: `import scraper.extract` (the
    # extractor's module) binds `scraper.extract` to that module, and would hide a call so named.
    import scraper.extract

    assert callable(scraper.extract_article) and callable(scraper.scrape)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = scraper.nothing  # type: ignore[attr-defined]

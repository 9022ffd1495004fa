"""Page -> Outcome: the record, and the body's Markdown only where it is asked for."""

from __future__ import annotations

from scraper.pipeline import page_from_bytes, record_from_page
from scraper.raw import RawPage
from scraper.serve import extract_fetched, extract_raw
from tests.conftest import article_html

SECTION = "<h2>Section two</h2><ol><li>first point</li><li>second point</li></ol>"


def test_markdown_only_when_asked() -> None:
    page = page_from_bytes(article_html(extra_inside=SECTION).encode(), "https://news.example/a")
    plain = record_from_page(page)
    marked = record_from_page(page, markdown=True)
    assert plain.markdown is None  # a batch's: JSON only, nothing rendered
    assert (
        marked.markdown is not None and "## Section two\n\n1. first point\n2. second point" in marked.markdown
    )
    assert plain.record == marked.record


def test_batch_jobs_render_no_markdown() -> None:
    raw = RawPage(
        url="https://news.example/a",
        final_url="https://news.example/a",
        status=200,
        content_type="text/html; charset=utf-8",
        body=article_html(extra_inside=SECTION).encode(),
        fetched_at="2026-01-01T00:00:00Z",
    )
    outcome = extract_raw(raw)
    assert outcome.record.ok and "Section two" in (outcome.record.text or "")
    assert outcome.markdown is None


def test_extract_command_jobs_render_markdown() -> None:
    raw = RawPage(
        url="https://news.example/a",
        final_url="https://news.example/a",
        status=200,
        content_type="text/html",
        body=article_html(extra_inside=SECTION).encode(),
        fetched_at="2026-01-01T00:00:00Z",
    )
    assert "## Section two" in (extract_fetched(raw).markdown or "")

"""Page -> Outcome: the record, and the body's Markdown only where it is asked for."""

from __future__ import annotations

from scraper.pipeline import page_from_bytes, record_from_page
from scraper.raw import RawPage
from scraper.serve import extract_fetched, extract_raw
from tests.conftest import article_html

SECTION = "<h2>Section two</h2><ol><li>first point</li><li>second point</li></ol>"
RAW = RawPage(
    url="https://news.example/a",
    final_url="https://news.example/a",
    status=200,
    content_type="text/html; charset=utf-8",
    body=article_html(extra_inside=SECTION).encode(),
    fetched_at="2026-01-01T00:00:00Z",
)


def test_markdown_only_when_asked() -> None:
    page = page_from_bytes(RAW.body, RAW.url)
    plain = record_from_page(page)
    marked = record_from_page(page, markdown=True)
    assert plain.markdown is None  # a batch's: JSON only, nothing rendered
    assert "## Section two\n\n1. first point\n2. second point" in (marked.markdown or "")
    assert plain.record == marked.record


def test_batch_jobs_render_no_markdown() -> None:
    outcome = extract_raw(RAW)
    assert outcome.record.ok and "Section two" in (outcome.record.text or "")
    assert outcome.markdown is None


def test_extract_command_jobs_render_markdown() -> None:
    # `scraper extract URL -f markdown`'s job for a fetched page.
    assert "## Section two" in (extract_fetched(RAW).markdown or "")

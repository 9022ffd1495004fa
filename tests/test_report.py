"""The batch summary's counts and lines (what a person reads on stderr after a run)."""

from __future__ import annotations

from scraper.report import UNSURE_BELOW, Summary, summary_lines


def test_ok_records_without_text_or_under_the_confidence_bar_are_counted_apart() -> None:
    summary = Summary()
    summary.count(True, "The article.", 0.9, None)
    summary.count(True, "", 0.0, None)
    summary.count(True, "A listing's teasers.", 0.0, None)
    summary.count(True, "Half an article.", UNSURE_BELOW - 0.01, None)
    summary.count(True, "Just sure enough.", UNSURE_BELOW, None)
    summary.count(False, None, None, "FetchTimeout")
    assert (summary.total, summary.ok, summary.failed) == (6, 5, 1)
    assert (summary.without_text, summary.unsure) == (1, 2)
    lines = summary_lines(summary)
    assert lines[0].endswith("5 ok, 1 failed")
    assert lines[1] == f"  of the ok: 1 without text, 2 with confidence under {UNSURE_BELOW}"
    assert lines[2] == "  failed by type: FetchTimeout 1"


def test_a_clean_run_has_no_line_of_doubts() -> None:
    summary = Summary()
    summary.count(True, "The article.", 1.0, None)
    assert not any("of the ok" in line for line in summary_lines(summary))

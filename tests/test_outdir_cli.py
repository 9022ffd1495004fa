"""`scraper batch -o DIR/`: one file per record, every file inside DIR, none overwritten."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunCli, article_html


def test_batch_into_a_directory(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(article_html())
    out = tmp_path / "out"
    inputs = [
        str(page),
        "https://user:secret@127.0.0.1:9/../../../etc/passwd",
        "https://127.0.0.1:9/A",
        "https://127.0.0.1:9/a",
        "ftp://example.com/x",
    ]
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(inputs) + "\n")
    result = run_cli("batch", str(listing), "-o", f"{out}/", "--retries", "0", "--ignore-robots", "--quiet")
    assert result.returncode == 1 and result.stdout == ""
    files = sorted(out.iterdir())
    assert len(files) == len(inputs)  # case-clashing URLs got two files
    records = [json.loads(f.read_text()) for f in files]
    assert all(f.resolve().parent == out.resolve() for f in files)
    assert not any("secret" in f.name or "secret" in f.read_text() for f in files)
    assert sum(r["ok"] for r in records) == 1
    assert {r["url"] for r in records} >= {"https://127.0.0.1:9/A", "https://127.0.0.1:9/a"}


def test_resume_needs_a_file_not_a_directory(run_cli: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("https://127.0.0.1:9/\n")
    assert run_cli("batch", str(listing), "-o", f"{tmp_path}/", "--resume").returncode == 2

"""Every hand-written page under fixtures/ through the real CLI, against its expected record.

Each fixture is `fixtures/<slug>/source.html` with `expected.json` (url, title,
author, date, sitename, text) and `boilerplate.txt` (snippets that must never
appear in the text). `make regen-fixtures` rewrites the expected files from the
current output, for a person to review as a diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT

SLUGS = sorted(p.name for p in FIXTURES.iterdir() if (p / "source.html").is_file())
FIELDS = ("title", "author", "date", "sitename")


def expected(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / slug / "expected.json").read_text(encoding="utf-8"))
    return data


def boilerplate(slug: str) -> list[str]:
    path = FIXTURES / slug / "boilerplate.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_extract(slug: str) -> dict[str, Any]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scraper",
            "extract",
            str(FIXTURES / slug / "source.html"),
            "--url",
            expected(slug)["url"],
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    record: dict[str, Any] = json.loads(proc.stdout)
    return record


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    """Each fixture through the real CLI once, with the page address it was saved from."""
    return {slug: run_extract(slug) for slug in SLUGS}


def test_there_are_enough_fixtures() -> None:
    assert len(SLUGS) >= 15


@pytest.mark.parametrize("slug", SLUGS)
def test_text_matches_line_for_line(slug: str, records: dict[str, dict[str, Any]]) -> None:
    assert records[slug]["text"].split("\n") == expected(slug)["text"].split("\n")


@pytest.mark.parametrize("slug", SLUGS)
def test_metadata(slug: str, records: dict[str, dict[str, Any]]) -> None:
    want = expected(slug)
    assert {f: records[slug][f] for f in FIELDS} == {f: want[f] for f in FIELDS}


@pytest.mark.parametrize("slug", SLUGS)
def test_no_known_boilerplate(slug: str, records: dict[str, dict[str, Any]]) -> None:
    text = records[slug]["text"]
    leaked = [snippet for snippet in boilerplate(slug) if snippet in text]
    assert leaked == []

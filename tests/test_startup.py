"""Start-up: the extractor loads trafilatura and htmldate on the first page that needs them.

Most pages never do (the DOM engine is sure of their body, the page declares its
date), and the two imports are most of `scraper URL`'s start-up. Each check runs
in a fresh interpreter, since this one may have imported them already. A batch's
spawned worker, though, imports them before it is ready: no page's guard counts them.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper.models import Outcome, Record
from scraper.serve import PRELOAD
from scraper.workers import ExtractionPool

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

LOADED = "[m for m in ('trafilatura', 'htmldate') if m in sys.modules]"


def _fresh(code: str) -> dict[str, Any]:
    """Run `code` in a new interpreter; it prints one JSON object as its last line."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _extracted(fixture: str) -> dict[str, Any]:
    source = FIXTURES / fixture / "source.html"
    return _fresh(
        "import json, sys\n"
        "from scraper.extract import extract_html\n"
        f"before = {LOADED}\n"
        f"article = extract_html(open({str(source)!r}, encoding='utf-8').read())\n"
        f"print(json.dumps({{'before': before, 'after': {LOADED}, 'text': article.text, "
        "'date': article.date}))"
    )


def test_loading_the_extractor_imports_neither() -> None:
    assert _fresh(
        f"import json, sys, scraper.extract, scraper.pipeline; print(json.dumps({{'x': {LOADED}}}))"
    ) == {"x": []}


def test_a_page_read_without_them_never_loads_them() -> None:
    # A WordPress article: the DOM engine is sure of its body, and it declares its date.
    done = _extracted("seed-wordpress-news")
    assert done["before"] == [] and done["after"] == []
    expected = json.loads((FIXTURES / "seed-wordpress-news" / "expected.json").read_text(encoding="utf-8"))
    assert done["text"] == expected["text"]
    assert done["date"] == expected["date"]


def test_a_page_that_needs_them_loads_them_and_is_read() -> None:
    # A page its script renders: the DOM engine is unsure and asks trafilatura (which
    # brings htmldate along).
    done = _extracted("client-rendered-news")
    assert done["before"] == []
    assert "trafilatura" in done["after"]
    expected = json.loads((FIXTURES / "client-rendered-news" / "expected.json").read_text(encoding="utf-8"))
    assert done["text"] == expected["text"]


def test_a_page_that_declares_no_date_loads_htmldate_alone() -> None:
    # An article the DOM engine is sure of, dated only by a <time> outside it:
    # htmldate's search of the whole page finds the day, trafilatura is never asked.
    prose = "The harbour committee met on Tuesday to discuss the new ferry timetable. " * 4
    html = (
        "<html><head><title>Ferry timetable</title><meta property='og:type' content='article'>"
        "</head><body><article><h1>Ferry timetable</h1>"
        + "".join(f"<p>{prose}Paragraph {i}.</p>" for i in range(8))
        + "</article><footer><time datetime='2024-03-03'>3 March</time></footer></body></html>"
    )
    done = _fresh(
        "import json, sys\n"
        "from scraper.extract import extract_html\n"
        f"article = extract_html({html!r}, 'https://example.org/news/ferry')\n"
        f"print(json.dumps({{'after': {LOADED}, 'date': article.date}}))"
    )
    assert done == {"after": ["htmldate"], "date": "2024-03-03"}


def test_a_worker_imports_neither_the_event_loop_nor_the_fetcher() -> None:
    # What a spawned worker imports before its first job (`scraper.serve.serve_fd`, then
    # PRELOAD): asyncio and httpx are the parent's, and a tenth of a second of start-up.
    found = _fresh(
        "import importlib, json, sys\n"
        "import scraper.serve\n"
        "for name in scraper.serve.PRELOAD: importlib.import_module(name)\n"
        "print(json.dumps({'x': [m for m in ('asyncio', 'httpx') if m in sys.modules]}))"
    )
    assert found == {"x": []}


def _loaded(_: object) -> Outcome:
    """A job that reports which of `PRELOAD` its worker has imported."""
    return Outcome(record=Record(url=",".join(m for m in PRELOAD if m in sys.modules), ok=True))


def test_a_spawned_worker_imports_the_engines_before_its_first_page() -> None:
    # Imported during a page, they would count against that page's guard.
    async def first_job() -> str:
        async with ExtractionPool(1, page_timeout=30) as pool:
            return (await pool.run(_loaded, 0, "which")).record.url

    assert asyncio.run(first_job()).split(",") == list(PRELOAD)


def test_a_batch_whose_workers_cannot_import_the_engines_stops_with_a_clear_error(tmp_path: Path) -> None:
    # A broken install: htmldate fails to import. The parent never needs it; each spawned
    # worker fails before it is ready, and after `MAX_START_FAILURES` the batch stops and
    # says why, instead of timing out or failing every page one by one.
    (tmp_path / "htmldate.py").write_text('raise ImportError("htmldate is broken here")\n', encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{FIXTURES / 'seed-wordpress-news' / 'source.html'}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "batch", str(listing), "-o", str(tmp_path / "out.jsonl")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "error: extraction workers exit as soon as they start (exit code 1)" in done.stderr
    assert "htmldate is broken here" in done.stderr  # the workers' own traceback says why

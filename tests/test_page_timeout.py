"""The per-page extraction guard (`--page-timeout`): no single page stalls a run.

A page whose extraction runs past the guard gets a PageTimeout record, its worker
is killed and replaced, and every other input still gets exactly one correct
record. Real subprocesses, the real CLI, pages built here, servers on 127.0.0.1.

Time is asserted only where the guard itself is the subject: a job that would
sleep for ten minutes must be cut off after about the guard (with a bound far
above it). The CLI tests use a page that is genuinely slow to extract (~100,000
small blocks, ~20 CPU seconds here) against a guard of one or two seconds, and
assert on records, never on speed.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from scraper.models import Outcome, Record
from scraper.raw import RawPage
from scraper.serve import extract_raw
from scraper.workers import ExtractionPool
from tests.conftest import ARTICLE_PARAGRAPHS, ROOT, article_html, page
from tests.faultserver import Conn, FaultServer, Request, respond
from tests.test_batch_cli import assert_no_orphans, session_members

ROBOTS_OK = respond(200, "User-agent: *\nDisallow:\n", content_type="text/plain")
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def slow_page() -> str:
    """A real page that takes long to extract: 100,000 blocks of a paragraph and a link
    (~8 MB, under the 10 MB fetch cap; ~20 CPU s on the machine this was written on)."""
    blocks = "".join(
        f"<div><p>Sentence {i} about the river and the town.</p><a href='/x{i}'>link {i}</a></div>"
        for i in range(100_000)
    )
    return page(blocks, title="Slow page")


def marked(marker: int) -> str:
    """The test article, told apart by a sentence of its own."""
    return article_html(extra_inside=f"<p>Marker sentence number {marker} closes the second part.</p>")


async def good_route(request: Request, conn: Conn) -> None:
    """/good/N: the marked article N."""
    marker = int(request.route.rsplit("/", 1)[1])
    await conn.respond(200, marked(marker).encode(), {"Content-Type": "text/html; charset=utf-8"})


def assert_marked(record: dict[str, Any], marker: int) -> None:
    assert record["ok"], record.get("error")
    assert f"Marker sentence number {marker} closes" in record["text"]
    assert all(paragraph in record["text"] for paragraph in ARTICLE_PARAGRAPHS)


class Finished:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    @property
    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines()]


def run_scraper(*args: str, input: bytes | None = None, timeout: float = 300) -> Finished:
    """`python -m scraper ARGS` in a session of its own; after it ends, none of its worker
    processes may be left (a killed worker reaped, its replacement gone)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper", *args],
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in session_members(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"scraper {' '.join(args)} still running after {timeout:g} s")
    assert_no_orphans(proc.pid)
    return Finished(proc.returncode, stdout.decode("utf-8"), stderr.decode("utf-8"))


def assert_page_timeout(record: dict[str, Any], guard: str) -> None:
    assert not record["ok"] and record["text"] is None
    assert record["error"]["type"] == "PageTimeout", record["error"]
    assert f"{guard} s page guard" in record["error"]["message"]
    assert ISO_UTC.match(record["fetched_at"])


# -- scraper batch ------------------------------------------------------------------------------


def test_batch_a_slow_page_gets_a_page_timeout_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    """One worker, so the pages queued behind each slow page can only be extracted by the
    worker that replaces the killed one: none may be lost or written twice."""
    slow = slow_page()
    saved_slow = tmp_path / "slow.html"
    saved_slow.write_text(slow, encoding="utf-8")
    saved_good = tmp_path / "good.html"
    saved_good.write_text(marked(99), encoding="utf-8")
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/good/", good_route)
        server.route("/slow", respond(200, slow))
        server.route("/moved", respond(301, b"", headers={"Location": "/slow"}))
        goods = {server.url(f"/good/{i}"): i for i in range(6)}
        urls = list(goods)
        lines = [*urls[:2], server.url("/moved"), *urls[2:4], str(saved_slow), *urls[4:], str(saved_good)]
        listing = tmp_path / "list.txt"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = run_scraper("batch", str(listing), "--page-timeout", "1", "--workers", "1", "--retries", "0")
    records = result.records
    assert Counter(r["url"] for r in records) == Counter(lines), result.stderr[-2000:]
    by_url = {r["url"]: r for r in records}

    fetched = by_url[server.url("/moved")]
    assert_page_timeout(fetched, "1")
    # What was known of the fetched page before extraction is on its record.
    assert fetched["status"] == 200 and fetched["final_url"] == server.url("/slow")
    saved = by_url[str(saved_slow)]
    assert_page_timeout(saved, "1")
    assert saved["status"] is None and saved["final_url"] is None

    for url, marker in goods.items():
        assert_marked(by_url[url], marker)
        assert by_url[url]["status"] == 200
    assert_marked(by_url[str(saved_good)], 99)
    assert result.returncode == 1  # two pages failed; every record is still written
    assert "PageTimeout 2" in result.stderr


def test_batch_pathological_pages_each_get_exactly_one_record(tmp_path: Path) -> None:
    """The speed issue's three pages under the default guard: each is extracted within it
    or gets an error record, and the batch goes on."""
    huge_article = page(
        "<article><h1>A long read</h1>"
        + "".join(
            f"<h2>Part {i}</h2><p>"
            + "The river rose three metres overnight and the town flooded. " * 20
            + "</p>"
            for i in range(4_000)
        )
        + "</article>",
        title="A long read",
    )
    deep = page("<div>" * 50_000 + "<p>deep text</p>" + "</div>" * 50_000)
    text_node = page("<p>" + "word " * 4_000_000 + "</p>")
    assert len(huge_article) > 4_500_000 and len(text_node) > 20_000_000
    big_file = tmp_path / "text-node.html"
    big_file.write_text(text_node, encoding="utf-8")
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/good/", good_route)
        server.route("/huge", respond(200, huge_article))
        server.route("/deep", respond(200, deep))
        server.route("/text-node", respond(200, text_node))
        lines = [
            server.url("/huge"),
            server.url("/deep"),
            server.url("/text-node"),  # fetched: over the default 10 MB cap, so --max-bytes
            str(big_file),  # read from disk
            server.url("/good/7"),
        ]
        listing = tmp_path / "list.txt"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = run_scraper(
            "batch", str(listing), "--workers", "2", "--retries", "0", "--max-bytes", "30000000"
        )
    records = result.records
    assert Counter(r["url"] for r in records) == Counter(lines), result.stderr[-2000:]
    by_url = {r["url"]: r for r in records}
    deep_record = by_url[server.url("/deep")]
    assert deep_record["error"]["type"] in {"ExtractionError", "PageTimeout"}
    for target in (server.url("/huge"), server.url("/text-node"), str(big_file)):
        record = by_url[target]
        if record["ok"]:
            assert record["word_count"] > 100_000, target
        else:
            assert record["error"]["type"] == "PageTimeout", (target, record["error"])
    assert_marked(by_url[server.url("/good/7")], 7)


# -- scraper extract ----------------------------------------------------------------------------


def test_extract_a_slow_page_times_out_and_the_next_target_is_extracted(tmp_path: Path) -> None:
    slow = slow_page()
    saved_good = tmp_path / "good.html"
    saved_good.write_text(marked(3), encoding="utf-8")
    with FaultServer() as server:
        server.route("/slow", respond(200, slow))
        server.route("/moved", respond(301, b"", headers={"Location": "/slow"}))
        result = run_scraper(
            "extract", server.url("/moved"), str(saved_good), "--page-timeout", "1.5", "--retries", "0"
        )
    timed_out, good = result.records
    assert_page_timeout(timed_out, "1.5")
    assert timed_out["url"] == server.url("/moved")
    assert timed_out["status"] == 200 and timed_out["final_url"] == server.url("/slow")
    assert_marked(good, 3)
    assert good["url"] == str(saved_good)
    assert result.returncode == 1
    assert "PageTimeout" in result.stderr


def test_extract_guards_files_and_stdin_too(tmp_path: Path) -> None:
    saved_slow = tmp_path / "slow.html"
    saved_slow.write_text(slow_page(), encoding="utf-8")
    from_file = run_scraper(
        "extract", str(saved_slow), "--url", "https://news.example/slow", "--page-timeout", "1"
    )
    [record] = from_file.records
    assert_page_timeout(record, "1")
    assert record["url"] == record["final_url"] == "https://news.example/slow"
    assert from_file.returncode == 1

    from_stdin = run_scraper("extract", "-", "--page-timeout", "1", input=slow_page().encode())
    [record] = from_stdin.records
    assert_page_timeout(record, "1")
    assert record["url"] == "-" and record["final_url"] is None


def test_extract_small_pages_still_come_out_whole(tmp_path: Path) -> None:
    saved = tmp_path / "good.html"
    saved.write_text(marked(1), encoding="utf-8")
    result = run_scraper("extract", str(saved), "-", input=marked(2).encode())
    first, second = result.records
    assert_marked(first, 1)
    assert_marked(second, 2)
    assert (first["url"], second["url"]) == (str(saved), "-")
    assert result.returncode == 0


def test_extract_forks_its_worker_and_it_dies_with_a_killed_parent() -> None:
    """`scraper extract` forks its worker before reading anything (a fork keeps the parent's
    command line; a spawned worker's would name multiprocessing). A forked child inherits
    the parent's end of its socket too; unless it closes that, `kill -9` of the parent
    would never reach it as EOF and it would outlive the parent."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper", "extract", "-"],
        stdin=subprocess.PIPE,  # left open: the parent waits on it with its worker idle
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(members := session_members(proc.pid)) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, "no worker started"
            time.sleep(0.05)
        [worker] = [pid for pid in members if pid != proc.pid]
        assert _cmdline(worker) == _cmdline(proc.pid)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert proc.stdin is not None
        proc.stdin.close()
    assert_no_orphans(proc.pid)


def _cmdline(pid: int) -> bytes:
    return Path(f"/proc/{pid}/cmdline").read_bytes()


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_page_timeout_must_be_a_positive_number(value: str) -> None:
    for command in ("extract", "batch"):
        result = run_scraper(command, "-", "--page-timeout", value, input=b"")
        assert result.returncode == 2, (command, value, result.stderr)


# -- the pool itself: a job that would take ten minutes -----------------------------------------


RAW = RawPage(
    url="https://news.example/stuck",
    final_url="https://news.example/stuck?page=1",
    status=203,
    content_type="text/html; charset=utf-8",
    body=article_html().encode(),
    fetched_at="2024-03-02T08:15:00Z",
)


def _pid(_: object) -> Outcome:
    return Outcome(record=Record(url=str(os.getpid()), ok=True))


def _stall(_: RawPage) -> Outcome:
    time.sleep(600)
    return Outcome(record=Record(url="never", ok=True))


def test_the_guard_cuts_a_page_off_after_about_its_length() -> None:
    guard = 1.0

    async def go() -> tuple[str, float, Outcome, Outcome, str, int]:
        async with ExtractionPool(1, page_timeout=guard) as pool:
            first = (await pool.run(_pid, 0, "who")).record.url  # the worker is up
            loop = asyncio.get_running_loop()
            started = loop.time()
            stuck_task = asyncio.create_task(pool.run(_stall, RAW, RAW.url))
            queued_task = asyncio.create_task(pool.run(extract_raw, RAW, "queued behind it"))
            stuck = await stuck_task
            elapsed = loop.time() - started
            queued = await queued_task
            second = (await pool.run(_pid, 0, "who")).record.url
            return first, elapsed, stuck, queued, second, pool.restarts

    first, elapsed, stuck, queued, second, restarts = asyncio.run(go())
    assert stuck.record.error is not None and stuck.record.error.type == "PageTimeout"
    assert (stuck.record.url, stuck.record.final_url, stuck.record.status, stuck.record.fetched_at) == (
        RAW.url,
        RAW.final_url,
        RAW.status,
        RAW.fetched_at,
    )
    # Not before the guard; and long before the ten minutes the job asked for (the
    # bound is generous: it only has to tell "cut off" from "waited for").
    assert guard * 0.9 <= elapsed < guard + 60, elapsed
    assert queued.record.ok and queued.record.text and ARTICLE_PARAGRAPHS[0] in queued.record.text
    assert restarts == 1 and second != first
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left as a zombie
        os.kill(int(first), 0)


def test_without_a_guard_a_slow_job_is_waited_for() -> None:
    async def go() -> Outcome:
        async with ExtractionPool(1) as pool:
            return await pool.run(_nap, 1.5, "nap")

    assert asyncio.run(go()).record.ok


def _nap(seconds: float) -> Outcome:
    time.sleep(seconds)
    return Outcome(record=Record(url="nap", ok=True))

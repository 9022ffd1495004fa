"""Peak memory of `scraper batch` does not grow with the length of the list.

The same mix of inputs -- pages fetched and extracted, URLs refused by
robots.txt, duplicates, comments -- is run as a 10,000-line and a
100,000-line list against local servers, and the peak resident memory of the
batch (its main process, and main plus worker processes) is sampled with
psutil. Ten times the list may cost only the 8-byte digests of the extra
inputs, and both runs stay under a fixed bound.

Most lines are URLs robots.txt disallows: they go through everything a
fetched URL does except the network and the parser (reading, dedup, host
queues and overflow, lanes, the record writer), so a 100,000-line list runs
in well under a minute on a small machine. Every 25th line is a real page.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from bench.processes import children, rss
from tests.conftest import ROOT, article_html
from tests.faultserver import FaultServer, respond

MB = 1024 * 1024
# Fixed bounds, with room for a different Python or library version; measured
# on the reference machine at about 70 MB (main) and 200 MB (main + 2 workers).
MAIN_BOUND = 160 * MB
TREE_BOUND = 400 * MB
GROWTH_BOUND = 20 * MB


def run_measured(args: list[str], timeout: float = 600) -> tuple[int, int, int]:
    """(return code, peak RSS of the main process, peak RSS of main + children)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper", "batch", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    root = psutil.Process(proc.pid)  # before proc.wait() reaps it the child exists, at worst as a zombie
    peaks = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            main = rss(root)
            peaks[0] = max(peaks[0], main)
            peaks[1] = max(peaks[1], main + sum(rss(child) for child in children(root)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        proc.wait(timeout)
    finally:
        done.set()
        sampler.join()
        assert proc.stderr is not None
        proc.stderr.close()
    return proc.returncode, peaks[0], peaks[1]


def write_list(path: Path, server: FaultServer, lines: int) -> int:
    """`lines` lines; returns how many distinct targets they hold."""

    def target(i: int) -> str:
        kind = "a" if i % 25 == 0 else "d"  # every 25th a real page, the rest disallowed
        return server.url(f"/{kind}/{i}/some/longer/path?query=string&n={i}", host=i % len(server.addresses))

    distinct = 0
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(lines):
            if i % 500 == 0:
                handle.write("# a comment\n")
            if i % 100 == 99:
                handle.write(target(i - 50) + "\n")  # a duplicate
            else:
                handle.write(target(i) + "\n")
                distinct += 1
    return distinct


@pytest.mark.skipif(sys.platform != "linux", reason="the bounds were measured on Linux")
def test_peak_memory_does_not_grow_with_the_list(tmp_path: Path) -> None:
    with FaultServer(hosts=8) as server:
        server.route("/robots.txt", respond(200, "User-agent: *\nDisallow: /d/\n", content_type="text/plain"))
        server.route("/a/", respond(200, article_html()))
        results = {}
        for lines in (10_000, 100_000):
            listing = tmp_path / f"list{lines}.txt"
            distinct = write_list(listing, server, lines)
            out = tmp_path / f"out{lines}.jsonl"
            code, main, tree = run_measured([str(listing), "-o", str(out), "--quiet"])
            assert code == 1  # the disallowed URLs are error records
            with open(out, "rb") as handle:
                assert sum(1 for _ in handle) == distinct
            results[lines] = (main, tree)
    small, large = results[10_000], results[100_000]
    report = ", ".join(
        f"{n:,} lines: main {m / MB:.0f} MB, with workers {t / MB:.0f} MB" for n, (m, t) in results.items()
    )
    print(report)
    assert large[0] < MAIN_BOUND and large[1] < TREE_BOUND, report
    assert large[0] - small[0] < GROWTH_BOUND, report

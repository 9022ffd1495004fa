"""`scraper.batch` in-process against local servers (tests/faultserver.py).

Each test asserts on counts the server kept (requests per host, most requests
in flight at once, arrival times as lower bounds) and on the records written,
never on how fast anything ran. Most tests extract in a thread (`workers=0`);
the ones about the process pool use real worker processes.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import os
import signal
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from scraper.batch import BatchOptions, run_batch
from scraper.hosts import Host, HostGate, HostTable, Overflow
from scraper.report import Summary
from scraper.settings import Settings
from tests.conftest import article_html
from tests.faultserver import (
    Conn,
    FaultServer,
    Handler,
    Request,
    drip,
    endless,
    reset_mid_body,
    respond,
    sequence,
    truncated_gzip,
)

FAST = Settings(workers=0, retries=0, backoff=0.01, connect_timeout=5, read_timeout=5, deadline=20)
ROBOTS_OK = respond(200, "User-agent: *\nDisallow:\n", content_type="text/plain")


class Run:
    def __init__(self, summary: Summary, records: list[dict[str, Any]], stderr: str) -> None:
        self.summary = summary
        self.records = records
        self.stderr = stderr

    @property
    def by_url(self) -> dict[str, dict[str, Any]]:
        return {r["url"]: r for r in self.records}

    def error_types(self) -> dict[str, str | None]:
        return {r["url"]: (r.get("error") or {}).get("type") for r in self.records}


def batch(tmp_path: Path, lines: list[str], settings: Settings = FAST, **options: Any) -> Run:
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    stderr = io.StringIO()
    console = Console(file=stderr, force_terminal=False, width=200)
    summary = run_batch(BatchOptions(str(listing), output=out, **options), settings, console)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return Run(summary, records, stderr.getvalue())


def arrivals(server: FaultServer, host: str) -> list[float]:
    return [t for t, h, _ in server.stats.log if h == host]


# -- one record per distinct input -------------------------------------------------------


def test_one_record_per_distinct_input(tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(article_html(), encoding="utf-8")
    with FaultServer(hosts=2) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html()))
        a = [server.url(f"/a/{i}", host=i % 2) for i in range(10)]
        lines = [
            "# a comment",
            "",
            *a,
            server.url("/missing"),
            str(saved),
            str(tmp_path / "nope.html"),
            "ftp://example.com/x",
            "http://",
            a[0],
            f"  {a[1]}  ",
        ]
        run = batch(tmp_path, lines)
    expected = {*a, server.url("/missing"), str(saved), str(tmp_path / "nope.html"), "ftp://example.com/x"}
    expected.add("http://")
    assert sorted(r["url"] for r in run.records) == sorted(expected)  # each exactly once
    types = run.error_types()
    assert all(types[url] is None for url in a) and types[str(saved)] is None
    assert types[server.url("/missing")] == "HTTPStatusError"
    assert types[str(tmp_path / "nope.html")] == "FileReadError"
    assert types["ftp://example.com/x"] == types["http://"] == "InvalidURL"
    s = run.summary
    assert (s.total, s.ok, s.failed, s.duplicates, s.inputs) == (15, 11, 4, 2, 17)
    assert s.errors == Counter({"InvalidURL": 2, "HTTPStatusError": 1, "FileReadError": 1})
    assert "15 records" in run.stderr and "2 duplicate inputs" in run.stderr
    assert "InvalidURL 2" in run.stderr


def test_a_byte_order_mark_mid_list_starts_a_line_like_any_other(tmp_path: Path) -> None:
    """Two lists joined with `cat`, the second saved with a byte-order mark: its `# comment`
    line is a comment, and its first URL that URL (no FileReadError record)."""
    saved = tmp_path / "saved.html"
    saved.write_text(article_html(), encoding="utf-8")
    run = batch(tmp_path, [str(saved), "\ufeff# the second list", f"\ufeff{saved}"])
    assert [r["url"] for r in run.records] == [str(saved)]
    assert run.summary.duplicates == 1 and run.summary.failed == 0


def test_a_fragment_that_looks_like_credentials_is_no_duplicate(tmp_path: Path) -> None:
    """In "http://u#:p@host/x" the host is "u" and ":p@host/x" its fragment: no password to
    cut, and no duplicate of "http://host/x", which gets its own record as well."""
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/ok", respond(200, article_html()))
        plain = server.url("/ok")
        lookalike = plain.replace("http://", "http://u#:p@")
        run = batch(tmp_path, [plain, lookalike], Settings(workers=0, retries=0, connect_timeout=2))
    assert sorted(run.by_url) == sorted([plain, lookalike])
    assert run.summary.duplicates == 0


def test_credentials_are_redacted_and_dedup_uses_the_redacted_url(tmp_path: Path) -> None:
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/p", respond(200, article_html()))
        secret = server.url("/p").replace("http://", "http://user:hunter2@")
        run = batch(tmp_path, [secret])
    [record] = run.records
    assert record["url"] == server.url("/p") and "hunter2" not in json.dumps(record)


def test_fault_zoo_each_gets_its_own_record(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=1, backoff=0.01, read_timeout=5, deadline=2)
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/ok", respond(200, article_html()))
        server.route("/500-then-200", sequence(respond(500, "x"), respond(200, article_html())))
        server.route("/404", respond(404, "x"))
        server.route("/reset", reset_mid_body())
        server.route("/gzip", truncated_gzip(article_html() * 10))
        server.route("/loop", respond(302, b"", headers={"Location": "/loop2"}))
        server.route("/loop2", respond(302, b"", headers={"Location": "/loop"}))
        server.route("/big", endless(50_000_000))
        server.route("/pdf", respond(200, b"%PDF-1.7 xxx", content_type="application/pdf"))
        server.route("/empty", respond(200, b""))
        names = ["ok", "500-then-200", "404", "reset", "gzip", "loop", "big", "pdf", "empty"]
        run = batch(tmp_path, [server.url(f"/{n}") for n in names], settings)
    types = {r["url"].rsplit("/", 1)[1]: (r.get("error") or {}).get("type") for r in run.records}
    assert types == {
        "ok": None,
        "500-then-200": None,
        "404": "HTTPStatusError",
        "reset": "ConnectError",
        "gzip": "ContentDecodingError",
        "loop": "TooManyRedirects",
        "big": "BodyTooLarge",
        "pdf": "NotHTML",
        "empty": "EmptyResponse",
    }
    assert server.stats.count("/404") == 1 and server.stats.count("/500-then-200") == 2
    assert server.stats.count("/reset") == 2  # retried once


def test_connection_refused_and_drip(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, read_timeout=30, deadline=1)
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/drip", drip(0.1))
        run = batch(tmp_path, ["http://127.0.0.1:9/x", server.url("/drip")], settings)
    types = run.error_types()
    assert types["http://127.0.0.1:9/x"] == "ConnectError"
    assert types[server.url("/drip")] == "FetchTimeout"


# -- politeness ------------------------------------------------------------------------------


def test_per_host_limit_is_held(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, per_host=2, concurrency=32)
    with FaultServer(hosts=4) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html(), delay=0.15))
        run = batch(tmp_path, [server.url(f"/a/{i}", host=i % 4) for i in range(40)], settings)
    assert run.summary.ok == 40
    peaks = server.stats.max_in_flight
    assert all(peaks[address] <= 2 for address in server.addresses), peaks
    assert max(peaks.values()) == 2  # and the limit is used, not just respected


def test_global_limit_is_held(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, per_host=3, concurrency=4)
    with FaultServer(hosts=4) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html(), delay=0.1))
        run = batch(tmp_path, [server.url(f"/a/{i}", host=i % 4) for i in range(40)], settings)
    assert run.summary.ok == 40
    assert 2 <= server.stats.max_total_in_flight <= 4


def test_a_stalled_host_does_not_hold_up_the_others(tmp_path: Path) -> None:
    """Host 1 answers only once host 2 has been served completely: if host 1's stalled
    requests (or its queue) blocked the batch, host 2 would never finish, host 1 would give
    up after 60 s and answer 503, and the test would fail on its records."""
    settings = Settings(workers=0, retries=0, per_host=2, concurrency=3, read_timeout=90, deadline=120)
    fast_count = 30
    state: dict[str, Any] = {"served": 0}

    async def stalled(request: Request, conn: Conn) -> None:
        if "done" not in state:
            state["done"] = asyncio.Event()
        try:
            await asyncio.wait_for(state["done"].wait(), 60)
        except TimeoutError:
            await conn.respond(503, b"gave up waiting")
            return
        await conn.respond(200, article_html().encode(), {"Content-Type": "text/html"})

    async def fast(request: Request, conn: Conn) -> None:
        if "done" not in state:
            state["done"] = asyncio.Event()
        await conn.respond(200, article_html().encode(), {"Content-Type": "text/html"})
        state["served"] += 1
        if state["served"] == fast_count:
            state["done"].set()

    async def route(request: Request, conn: Conn) -> None:
        await (stalled if request.host == "127.0.0.1" else fast)(request, conn)

    with FaultServer(hosts=2) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", route)
        slow_urls = [server.url(f"/a/{i}", host=0) for i in range(10)]
        fast_urls = [server.url(f"/a/{i}", host=1) for i in range(fast_count)]
        # The slow host first in the list, and a small window and queue: the reader must
        # still get past it.
        run = batch(tmp_path, slow_urls + fast_urls, settings, window=16, queue_cap=2)
    assert run.summary.ok == 40, run.error_types()


def test_waiting_for_a_hosts_turn_holds_no_global_slot() -> None:
    async def go() -> bool:
        global_slots = asyncio.Semaphore(1)
        slow = Host("slow", interval=3600.0)
        fast = Host("fast", interval=0.0)
        table = HostTable(delay=0.0, queue_cap=8, overflow=Overflow())
        slow_gate, fast_gate = HostGate(slow, global_slots, table), HostGate(fast, global_slots, table)
        async with slow_gate.slot():
            pass  # the slow host's next turn is an hour away
        waiting = asyncio.create_task(slow_gate.slot().__aenter__())
        await asyncio.sleep(0.05)
        try:
            async with asyncio.timeout(30):
                async with fast_gate.slot():
                    got_slot = True
        finally:
            waiting.cancel()
        return got_slot

    assert asyncio.run(go())


def test_a_retry_after_pauses_the_host_that_answered_a_redirect() -> None:
    """A link on host A redirects to host B, and B answers 429 with Retry-After: B is the
    host that pauses (and stays paused in the table after the attempt), not A."""

    async def go() -> tuple[float, float]:
        table = HostTable(delay=0.0, queue_cap=8, overflow=Overflow())
        origin = table.get("a.example")
        origin.lanes = 1  # a lane works through A's queue
        gate = HostGate(origin, asyncio.Semaphore(1), table)
        async with gate.slot():
            gate.leave()  # A answered with a redirect to B
            await gate.enter(gate.visit("b.example"))
        gate.pause(3600)
        return table.get("a.example").paused_until, table.get("b.example").paused_until

    origin_paused, target_paused = asyncio.run(go())
    now = time.monotonic()
    assert origin_paused < now < target_paused


def test_crawl_delay_spaces_requests_to_a_host(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, per_host=2)
    with FaultServer(hosts=2) as server:
        server.route(
            "/robots.txt",
            respond(200, "User-agent: *\nCrawl-delay: 0.5\n", content_type="text/plain"),
        )
        server.route("/a/", respond(200, article_html()))
        run = batch(tmp_path, [server.url(f"/a/{i}", host=i % 2) for i in range(8)], settings)
    assert run.summary.ok == 8
    for address in server.addresses:
        times = arrivals(server, address)
        assert len(times) == 5  # robots.txt once, 4 pages
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= 0.4, gaps  # a lower bound: load only makes gaps longer


def test_delay_option_spaces_requests(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, per_host=2, delay=0.3, respect_robots=False)
    with FaultServer() as server:
        server.route("/a/", respond(200, article_html()))
        batch(tmp_path, [server.url(f"/a/{i}") for i in range(4)], settings)
    times = arrivals(server, "127.0.0.1")
    assert len(times) == 4
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.25


def test_redirects_into_one_host_wait_for_its_turn(tmp_path: Path) -> None:
    """Two sites' links that all redirect into a third: the third is asked at the pace
    `--delay` sets, as if the URLs had been in its own queue."""
    settings = Settings(workers=0, retries=0, delay=0.3, respect_robots=False)
    with FaultServer(hosts=3) as server:
        server.route(
            "/go/",
            lambda request, conn: conn.respond(
                302, b"", {"Location": server.url(request.route.replace("/go/", "/a/"), host=2)}
            ),
        )
        server.route("/a/", respond(200, article_html()))
        urls = [server.url(f"/go/{host}-{i}", host=host) for i in range(3) for host in (0, 1)]
        run = batch(tmp_path, urls, settings)
    assert run.summary.ok == 6
    assert {record["final_url"] for record in run.records} == {
        server.url(f"/a/{host}-{i}", host=2) for i in range(3) for host in (0, 1)
    }
    times = arrivals(server, server.addresses[2])
    assert len(times) == 6
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.25


def _redirect_to(server: FaultServer, host: int) -> Handler:
    """/go/NAME -> /a/NAME on `host`."""

    async def handler(request: Request, conn: Conn) -> None:
        target = server.url(request.route.replace("/go/", "/a/"), host=host)
        await conn.respond(302, b"", {"Location": target})

    return handler


def test_waiting_for_a_turn_at_a_redirect_does_not_count_against_the_deadline(tmp_path: Path) -> None:
    """Six sites' links redirect into a seventh, which is asked once every 0.6 s: the last
    link waits 3 s there for its turn, longer than one attempt may take (2 s), though no
    server is slow. The wait is not the server's time, as it is not for a URL queued for
    its own host: every page arrives."""
    settings = Settings(workers=0, retries=0, delay=0.6, deadline=2.0, respect_robots=False)
    with FaultServer(hosts=7) as server:
        server.route("/go/", _redirect_to(server, host=6))
        server.route("/a/", respond(200, article_html()))
        run = batch(tmp_path, [server.url(f"/go/{host}", host=host) for host in range(6)], settings)
    assert run.error_types() == {server.url(f"/go/{host}", host=host): None for host in range(6)}
    assert len(arrivals(server, server.addresses[6])) == 6


def test_waiting_for_a_turn_at_a_redirect_holds_no_global_slot(tmp_path: Path) -> None:
    """One global slot. A link on host A redirects into host C, whose next turn is 2 s away
    (it has just been asked for C/first): meanwhile the slot serves host D, which is asked
    before the redirect's target is."""
    settings = Settings(workers=0, retries=0, concurrency=1, delay=2.0, respect_robots=False)
    with FaultServer(hosts=3) as server:
        server.route("/go/", _redirect_to(server, host=1))
        server.route("/", respond(200, article_html()))
        lines = [server.url("/first", host=1), server.url("/go/x", host=0), server.url("/d", host=2)]
        run = batch(tmp_path, lines, settings)
    assert run.summary.ok == 3, run.error_types()
    [target] = [t for t, host, path in server.stats.log if path == "/a/x"]
    [other] = [t for t, host, path in server.stats.log if path == "/d"]
    assert other < target


def test_a_redirect_within_a_host_waits_for_its_turn(tmp_path: Path) -> None:
    """/r/N redirects to /p/N on the same host, asked once every 0.4 s: the redirect's
    request waits for the host's turn like any other."""
    settings = Settings(workers=0, retries=0, delay=0.4, respect_robots=False)

    async def to_page(request: Request, conn: Conn) -> None:
        await conn.respond(302, b"", {"Location": request.route.replace("/r/", "/p/")})

    with FaultServer() as server:
        server.route("/r/", to_page)
        server.route("/p/", respond(200, article_html()))
        run = batch(tmp_path, [server.url(f"/r/{i}") for i in range(3)], settings)
    assert run.summary.ok == 3
    times = arrivals(server, "127.0.0.1")
    assert len(times) == 6
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.3, times


def test_redirects_into_a_host_share_its_per_host_limit(tmp_path: Path) -> None:
    """Six sites' links lead into a seventh, which also has four URLs of its own in the
    list and takes a while per page: it never has more than `per_host` requests in flight,
    its robots.txt's among them."""
    settings = Settings(workers=0, retries=0, per_host=2)
    with FaultServer(hosts=7) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/go/", _redirect_to(server, host=6))
        server.route("/a/", respond(200, article_html(), delay=0.2))
        own = [server.url(f"/a/own-{i}", host=6) for i in range(4)]
        run = batch(tmp_path, [server.url(f"/go/{host}", host=host) for host in range(6)] + own, settings)
    assert run.summary.ok == 10, run.error_types()
    assert server.stats.max_in_flight[server.addresses[6]] == 2
    assert server.stats.count("/robots.txt", server.addresses[6]) == 1


def test_retry_after_pauses_the_whole_host(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=1, backoff=0.01, per_host=2, respect_robots=False)
    with FaultServer() as server:
        server.route(
            "/a/0", sequence(respond(429, "wait", headers={"Retry-After": "1"}), respond(200, article_html()))
        )
        server.route("/a/", respond(200, article_html(), delay=0.05))
        run = batch(tmp_path, [server.url(f"/a/{i}") for i in range(6)], settings)
    assert run.summary.ok == 6
    log = [(t, path) for t, _, path in server.stats.log]
    [told] = [t for t, path in log if path == "/a/0"][:1]
    # Once told to wait, nobody asks the host anything for a second (the other lane's
    # request may already have been in flight when the 429 came back).
    after = [t for t, _ in log if t > told + 0.1]
    assert after and min(after) >= told + 0.9


def test_robots_disallow_and_single_fetch_per_host(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, per_host=2)
    robots = {
        "127.0.0.1": b"User-agent: *\nDisallow: /private\n",
        # Only the most specific group applies (RFC 9309): ours, named by the
        # User-Agent's product token; the * group's rule is not for us.
        "127.0.0.2": b"User-agent: *\nDisallow: /private\n\nUser-agent: scraper\nDisallow: /secret\n",
    }

    async def robots_txt(request: Request, conn: Conn) -> None:
        await conn.respond(200, robots[request.host], {"Content-Type": "text/plain"})

    with FaultServer(hosts=2) as server:
        server.route("/robots.txt", robots_txt)
        server.route("/", respond(200, article_html()))
        urls = [server.url(p, host=h) for h in (0, 1) for p in ("/a", "/b", "/private/x", "/secret/y")]
        run = batch(tmp_path, urls, settings)
    types = {r["url"]: (r.get("error") or {}).get("type") for r in run.records}
    disallowed = {url for url, kind in types.items() if kind == "RobotsDisallowed"}
    assert disallowed == {server.url("/private/x", host=0), server.url("/secret/y", host=1)}
    assert {kind for url, kind in types.items() if url not in disallowed} == {None}
    assert server.stats.count("/robots.txt", "127.0.0.1") == 1  # once, though two lanes asked
    assert server.stats.count("/robots.txt", "127.0.0.2") == 1
    assert server.stats.count("/private/x", "127.0.0.1") == 0
    assert server.stats.count("/secret/y", "127.0.0.2") == 0
    message = run.by_url[server.url("/private/x", host=0)]["error"]["message"]
    assert "robots.txt" in message


def test_a_redirect_is_followed_only_where_the_targets_robots_txt_allows(tmp_path: Path) -> None:
    """A link shortener on one host sends us to a part of another host that its robots.txt
    closes: that hop is refused (`RobotsDisallowed`), before any request to it."""
    settings = Settings(workers=0, retries=0)
    robots = {"127.0.0.1": b"User-agent: *\nDisallow:\n", "127.0.0.2": b"User-agent: *\nDisallow: /private\n"}

    async def robots_txt(request: Request, conn: Conn) -> None:
        await conn.respond(200, robots[request.host], {"Content-Type": "text/plain"})

    with FaultServer(hosts=2) as server:
        server.route("/robots.txt", robots_txt)
        server.route("/to-private", respond(302, b"", headers={"Location": server.url("/private/x", host=1)}))
        server.route("/to-open", respond(302, b"", headers={"Location": server.url("/open/y", host=1)}))
        server.route("/", respond(200, article_html()))
        run = batch(tmp_path, [server.url("/to-private"), server.url("/to-open")], settings)
    refused = run.by_url[server.url("/to-private")]
    assert refused["error"]["type"] == "RobotsDisallowed"
    assert server.url("/private/x", host=1) in refused["error"]["message"]
    assert run.by_url[server.url("/to-open")]["final_url"] == server.url("/open/y", host=1)
    assert server.stats.count("/private/x", "127.0.0.2") == 0
    assert server.stats.count("/robots.txt", "127.0.0.2") == 1


def test_ignore_robots(tmp_path: Path) -> None:
    settings = Settings(workers=0, retries=0, respect_robots=False)
    with FaultServer() as server:
        server.route("/robots.txt", respond(200, "User-agent: *\nDisallow: /\n"))
        server.route("/a", respond(200, article_html()))
        run = batch(tmp_path, [server.url("/a")], settings)
    assert run.summary.ok == 1 and server.stats.count("/robots.txt") == 0


def test_user_agent_is_sent_and_overridable(tmp_path: Path) -> None:
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a", respond(200, article_html()))
        batch(tmp_path, [server.url("/a")], Settings(workers=0, user_agent="MyBot/2.0 (+mailto:me@x)"))
    assert server.stats.user_agents == {"MyBot/2.0 (+mailto:me@x)"}


# -- sharding ---------------------------------------------------------------------------------


def test_shards_split_by_host_and_cover_everything(tmp_path: Path) -> None:
    with FaultServer(hosts=6) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html()))
        urls = [server.url(f"/a/{i}", host=i % 6) for i in range(30)] + ["ftp://x/y"]
        runs = []
        for k in (1, 2, 3):
            shard_dir = tmp_path / f"shard{k}"
            shard_dir.mkdir()
            runs.append(batch(shard_dir, urls, shard=(k, 3)))
    seen = [r["url"] for run in runs for r in run.records]
    assert sorted(seen) == sorted(urls)  # every input in exactly one shard
    for run in runs:
        hosts = {r["url"].split("/")[2] for r in run.records if r["url"].startswith("http")}
        for other in runs:
            if other is not run:
                assert hosts.isdisjoint({r["url"].split("/")[2] for r in other.records})
        assert run.summary.other_shards == len(urls) - len(run.records)


# -- resume ------------------------------------------------------------------------------------


def test_resume_skips_done_repairs_a_torn_line_and_appends(tmp_path: Path) -> None:
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html()))
        urls = [server.url(f"/a/{i}") for i in range(10)]
        batch(tmp_path, urls[:6])
        out = tmp_path / "out.jsonl"
        with open(out, "ab") as handle:
            handle.write(b'{"url": "' + urls[6].encode() + b'", "final_url": nu')  # a torn write
        before = server.stats.count("/a/0")
        run = batch(tmp_path, urls, resume=True)
    lines = out.read_text().splitlines()
    assert sorted(json.loads(line)["url"] for line in lines) == sorted(urls)
    assert run.summary.resumed == 6 and run.summary.total == 4
    assert server.stats.count("/a/0") == before  # not fetched again
    assert "6 already in" in run.stderr


def test_retry_failed_replaces_error_records(tmp_path: Path) -> None:
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/flaky", sequence(respond(503, "down"), respond(200, article_html())))
        server.route("/gone", respond(404, "gone"))
        server.route("/a", respond(200, article_html()))
        urls = [server.url("/flaky"), server.url("/gone"), server.url("/a")]
        first = batch(tmp_path, urls)
        assert first.summary.failed == 2
        plain_resume = batch(tmp_path, urls, resume=True)
        assert plain_resume.summary.total == 0 and plain_resume.summary.resumed == 3
        run = batch(tmp_path, urls, resume=True, retry_failed=True)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert sorted(r["url"] for r in records) == sorted(urls)
    assert {r["url"]: r["ok"] for r in records} == {urls[0]: True, urls[1]: False, urls[2]: True}
    assert run.summary.retried_failed == 2 and run.summary.resumed == 1
    assert server.stats.count("/a") == 1


# -- the pool, the queues, the progress bar ----------------------------------------------------


def test_charsets_decoded_in_worker_processes(tmp_path: Path) -> None:
    russian = "Президент заявил, что правительство продолжит реформы в экономике и образовании."
    html = (
        "<html><head><title>t</title></head><body><article>"
        + f"<p>{russian}</p>" * 8
        + "</article></body></html>"
    )
    japanese = "東京都は今日、新しい交通計画を発表しました。市民の生活に大きな影響を与えると見られています。"
    sjis = (
        "<html><head><meta charset='shift_jis'><title>t</title></head><body><article>"
        + f"<p>{japanese}</p>" * 8
        + "</article></body></html>"
    )
    settings = Settings(workers=2, retries=0)
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/ru", respond(200, html.encode("cp1251"), content_type="text/html"))
        server.route("/ja", respond(200, sjis.encode("shift_jis"), content_type="text/html"))
        run = batch(tmp_path, [server.url("/ru"), server.url("/ja")], settings)
    by_url = run.by_url
    assert russian in by_url[server.url("/ru")]["text"]
    assert japanese in by_url[server.url("/ja")]["text"]


def test_a_worker_that_dies_costs_one_page(tmp_path: Path) -> None:
    from scraper.serve import extract_file
    from scraper.workers import ExtractionPool

    good = tmp_path / "good.html"
    good.write_text(article_html(), encoding="utf-8")

    async def go() -> list[Any]:
        async with ExtractionPool(1) as pool:
            return await asyncio.gather(
                pool.run(extract_file, (str(good), str(good), 10_000_000), str(good)),
                pool.run(_die, 0, "killer"),
                pool.run(extract_file, (str(good), str(good), 10_000_000), str(good)),
            )

    first, killed, after = asyncio.run(go())
    assert first.record.ok and after.record.ok
    assert killed.record.error.type == "ExtractionError" and "died" in killed.record.error.message


def _die(_: int) -> Any:
    os._exit(3)


def test_a_parser_exception_costs_one_page(tmp_path: Path) -> None:
    from scraper.workers import ExtractionPool

    async def go() -> Any:
        async with ExtractionPool(1) as pool:
            return await pool.run(_raise, 0, "bad")

    outcome = asyncio.run(go())
    assert (
        outcome.record.error.type == "ExtractionError" and "ValueError: boom" in outcome.record.error.message
    )


def _raise(_: int) -> Any:
    raise ValueError("boom")


def test_a_list_sorted_by_host_streams_through_a_small_window(tmp_path: Path) -> None:
    """120 URLs of one host then 10 of another, 4 targets in memory per host, 12 in all:
    the first host's overflow waits on disk and the second host is not held up."""
    with FaultServer(hosts=2) as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html()))
        urls = [server.url(f"/a/{i}", host=0) for i in range(120)] + [
            server.url(f"/a/{i}", host=1) for i in range(10)
        ]
        run = batch(tmp_path, urls, window=12, queue_cap=4)
    assert sorted(r["url"] for r in run.records) == sorted(urls)
    position = {r["url"]: i for i, r in enumerate(run.records)}
    # The second host's pages are not all behind the first host's 120.
    assert min(position[u] for u in urls[120:]) < 100


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/a/", respond(200, article_html()))
        listing = tmp_path / "list.txt"
        listing.write_text("".join(server.url(f"/a/{i}") + "\n" for i in range(5)))
        stderr = io.StringIO()
        console = Console(file=stderr, force_terminal=True, width=120)
        run_batch(BatchOptions(str(listing), output=tmp_path / "o.jsonl"), FAST, console)
    shown = stderr.getvalue()
    assert "5/5" in shown and "ok" in shown and "failed" in shown and "5 records" in shown


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(article_html())
    run = batch(tmp_path, [str(saved)], quiet=True)
    assert run.stderr == "" and run.summary.ok == 1


@pytest.mark.parametrize("bad", ["", "3", "0/3", "4/3", "a/b", "1/0"])
def test_parse_shard_rejects(bad: str) -> None:
    from scraper.hosts import parse_shard

    with pytest.raises(ValueError):
        parse_shard(bad)


def test_an_unforeseen_exception_costs_one_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scraper.fetch import Fetcher

    real = Fetcher.fetch_raw

    async def flaky(self: Fetcher, url: str, gate: Any = None, hop: Any = None) -> Any:
        if url.endswith("/boom"):
            raise RuntimeError("a library bug")
        return await real(self, url, gate, hop)

    monkeypatch.setattr(Fetcher, "fetch_raw", flaky)
    with FaultServer() as server:
        server.route("/robots.txt", ROBOTS_OK)
        server.route("/", respond(200, article_html()))
        run = batch(tmp_path, [server.url("/boom"), server.url("/fine")])
    types = run.error_types()
    assert types == {server.url("/boom"): "FetchError", server.url("/fine"): None}
    assert "RuntimeError: a library bug" in run.by_url[server.url("/boom")]["error"]["message"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_stops_the_batch_with_a_message(run_cli: Any, tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(article_html())
    listing = tmp_path / "list.txt"
    listing.write_text(f"{saved}\n")
    result = run_cli("batch", str(listing), "-o", "/dev/full")
    assert result.returncode == 1
    assert "cannot write records" in result.stderr and "Traceback" not in result.stderr
    assert "0 records" in result.stderr  # the one record was never written
    assert "Warning" not in result.stderr


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_workers_ignore_ctrl_c_and_sigterm_from_their_first_moment(number: int) -> None:
    """A terminal's Ctrl-C, or a service manager's SIGTERM, reaches the whole process group,
    workers included, even one still importing the extractor: it must neither die nor
    print a traceback (the batch stops them once it has written what is done)."""
    from scraper.workers import _Worker

    async def go() -> bool:
        worker = _Worker()
        try:
            for _ in range(5):
                os.kill(worker.process.pid, number)
                await asyncio.sleep(0.02)
            await worker.ready()
            return worker.process.is_alive()
        finally:
            worker.close()
            await worker.join(5)

    assert asyncio.run(go())


def test_an_argument_that_will_not_pickle_costs_one_page() -> None:
    from scraper.workers import ExtractionPool

    async def go() -> tuple[list[Any], int]:
        async with ExtractionPool(1) as pool:
            outcomes = await asyncio.gather(
                pool.run(_raise, lambda: None, "unpicklable"),  # a lambda cannot cross to a worker
                pool.run(_raise, 0, "after"),
            )
            return outcomes, pool.restarts

    (bad, after), restarts = asyncio.run(go())
    assert bad.record.error.type == "ExtractionError" and bad.record.url == "unpicklable"
    assert "ValueError: boom" in after.record.error.message  # the next page still ran
    assert restarts == 0  # nothing was sent: the worker goes on


def _nap_until(seconds: float) -> Any:
    """Sleep, then say when (CLOCK_MONOTONIC is one clock for every process on the machine)."""
    import time

    from scraper.models import Outcome, Record

    time.sleep(seconds)
    return Outcome(record=Record(url=repr(time.monotonic()), ok=True))


def test_a_worker_starts_its_next_page_while_this_process_is_busy() -> None:
    # The event loop is blocked (a slow disk under the records, say) from before the
    # first page's answer comes until well after: the worker must go on to the second
    # page meanwhile, with no word from this process, so it was sent ahead.
    import time

    from scraper.workers import ExtractionPool

    async def go() -> tuple[float, float, float]:
        async with ExtractionPool(1) as pool:
            await pool.run(_nap_until, 0, "up")  # the worker is ready
            first = asyncio.create_task(pool.run(_nap_until, 1.0, "first"))
            second = asyncio.create_task(pool.run(_nap_until, 0, "second"))
            await asyncio.sleep(0.3)  # both sent (or queued), the worker on the first
            time.sleep(3.0)  # the loop is blocked: nothing read, nothing sent
            busy_until = time.monotonic()
            return float((await first).record.url), float((await second).record.url), busy_until

    first_done, second_started, busy_until = asyncio.run(go())
    assert first_done < busy_until - 1.0  # the first page was answered while the loop was blocked
    assert second_started < busy_until - 1.0  # and the second was under way before it was free


def _break_engines_and_die(tmp: str) -> Any:
    """In a worker: break the install for every worker started after it, then die."""
    Path(tmp, "htmldate.py").write_text('raise ImportError("htmldate is broken here")\n', encoding="utf-8")
    os._exit(1)


def test_a_page_sent_ahead_to_a_lost_worker_is_answered_when_no_worker_can_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker dies on one page with the next one already sent to it; no replacement
    # can start. The page sent ahead must still be answered (the pool's failure), not
    # wait for ever.
    from scraper.workers import ExtractionPool, PoolFailed

    monkeypatch.setenv("PYTHONPATH", str(tmp_path))  # empty for now: the first worker starts

    async def go() -> list[Any]:
        async with ExtractionPool(1) as pool:
            await pool.run(_raise, 0, "up")  # the worker is ready
            runs = [pool.run(_break_engines_and_die, str(tmp_path), "killer"), pool.run(_raise, 0, "ahead")]
            return await asyncio.wait_for(asyncio.gather(*runs, return_exceptions=True), timeout=120)

    killed, ahead = asyncio.run(go())
    assert killed.record.error.type == "ExtractionError" and "died" in killed.record.error.message
    assert isinstance(ahead, PoolFailed)

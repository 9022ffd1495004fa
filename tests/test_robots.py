"""robots.txt: parsing through Protego, and the cache's answers to each kind of server reply."""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scraper.errors import ConnectError, RobotsDisallowed
from scraper.fetch import Fetcher, OpenGate
from scraper.robots import (
    MAX_CRAWL_DELAY,
    RobotsCache,
    RobotsPolicy,
    policy_from_text,
    product_token,
    robots_url,
)
from scraper.settings import Settings
from tests.faultserver import Conn, FaultServer, Request, respond

AGENT = "scraper"


@pytest.mark.parametrize(
    ("user_agent", "token"),
    [
        ("scraper/0.1.0 (+https://github.com/scraper/scraper)", "scraper"),
        ("MyBot/2.0", "MyBot"),
        ("plainname", "plainname"),
        ("", "*"),
    ],
)
def test_product_token(user_agent: str, token: str) -> None:
    assert product_token(user_agent) == token


def test_robots_url_is_per_origin() -> None:
    assert robots_url("https://Example.com:8443/a/b?c#d") == "https://example.com:8443/robots.txt"
    assert robots_url("http://user:pw@example.com/x") == "http://example.com/robots.txt"
    for spelling in ("http://example.com:80/x", "http://Example.com./y"):
        assert robots_url(spelling) == "http://example.com/robots.txt", spelling


def test_rules_for_our_group_and_everyone() -> None:
    policy = policy_from_text("User-agent: *\nDisallow: /private\nAllow: /private/ok\n", AGENT)
    policy.check("http://x/public", AGENT)
    policy.check("http://x/private/ok/page", AGENT)
    with pytest.raises(RobotsDisallowed):
        policy.check("http://x/private/page", AGENT)


def test_crawl_delay_and_request_rate() -> None:
    assert policy_from_text("User-agent: *\nCrawl-delay: 2.5\n", AGENT).crawl_delay == 2.5
    assert policy_from_text("User-agent: *\nRequest-rate: 1/5\n", AGENT).crawl_delay == 5.0
    assert policy_from_text("User-agent: *\nCrawl-delay: 86400\n", AGENT).crawl_delay == MAX_CRAWL_DELAY
    assert policy_from_text("User-agent: *\nDisallow:\n", AGENT).crawl_delay == 0.0


def test_garbage_robots_allows_everything() -> None:
    policy_from_text("<html><body>Not found</body></html>", AGENT).check("http://x/anything", AGENT)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def policy_for(url: str, retries: int = 0) -> tuple[RobotsPolicy, int]:
    async def go() -> tuple[RobotsPolicy, int]:
        async with Fetcher(Settings(retries=retries, backoff=0.01)) as fetcher:
            cache = RobotsCache(fetcher, "scraper/1.0")
            policy = await cache.policy(url, OpenGate())
            return policy, cache.fetches

    return asyncio.run(go())


def test_404_means_no_rules(server: FaultServer) -> None:
    policy, _ = policy_for(server.url("/page"))
    policy.check(server.url("/page"), AGENT)
    assert server.stats.count("/robots.txt") == 1


def test_a_robots_txt_with_a_byte_order_mark_is_read(server: FaultServer) -> None:
    server.route("/robots.txt", respond(200, "\ufeffUser-agent: *\nDisallow: /\n", content_type="text/plain"))
    policy, _ = policy_for(server.url("/page"))
    with pytest.raises(RobotsDisallowed):
        policy.check(server.url("/page"), AGENT)


def test_403_means_no_rules_too(server: FaultServer) -> None:
    server.route("/robots.txt", respond(403, "forbidden"))
    policy_for(server.url("/page"))[0].check(server.url("/page"), AGENT)


def test_5xx_means_everything_disallowed_after_retries(server: FaultServer) -> None:
    server.route("/robots.txt", respond(503, "down"))
    policy, _ = policy_for(server.url("/page"), retries=1)
    with pytest.raises(RobotsDisallowed, match="unreachable"):
        policy.check(server.url("/page"), AGENT)
    assert server.stats.count("/robots.txt") == 2


@pytest.mark.parametrize(
    "body",
    [b"User-agent: *\nDisallow: /\n", gzip.compress(b"User-agent: *\nDisallow: /\n")[:30]],
    ids=["plain-text-labelled-gzip", "gzip-cut-short"],
)
def test_a_robots_txt_that_does_not_inflate_means_no_rules(server: FaultServer, body: bytes) -> None:
    """The host answered 200; only its file cannot be read. That is "unavailable" (allow
    all), not a host that is down, whose every URL would fail unfetched."""
    server.route(
        "/robots.txt", respond(200, body, content_type="text/plain", headers={"Content-Encoding": "gzip"})
    )
    policy, _ = policy_for(server.url("/page"))
    assert policy.failure is None and policy.disallow_all is None
    policy.check(server.url("/page"), AGENT)


def test_a_connection_closed_without_an_answer_means_no_rules(server: FaultServer) -> None:
    # A bare test server whose handler fails on paths it does not know hangs up
    # without a word: the host is up and has no robots.txt to give.
    async def hang_up(_: Request, conn: Conn) -> None:
        conn.close()

    server.route("/robots.txt", hang_up)
    policy, _ = policy_for(server.url("/page"), retries=1)
    policy.check(server.url("/page"), AGENT)
    assert server.stats.count("/robots.txt") == 2


def test_a_stdlib_server_that_fails_on_unknown_paths_still_serves_its_pages() -> None:
    pages = {"/page.html": b"<html><body><p>Hello</p></body></html>"}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages[self.path]  # KeyError on /robots.txt: the server hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, *_: object) -> None:
            pass

    with QuietServer(("127.0.0.1", 0), Handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{httpd.server_address[1]}/page.html"
            policy, _ = policy_for(url)
            policy.check(url, AGENT)
        finally:
            httpd.shutdown()


def test_unreachable_host_fails_its_urls_with_the_network_error() -> None:
    policy, _ = policy_for("http://127.0.0.1:9/page")
    with pytest.raises(ConnectError, match=r"robots\.txt"):
        policy.check("http://127.0.0.1:9/page", AGENT)


def test_redirected_robots_is_followed(server: FaultServer) -> None:
    server.route("/robots.txt", respond(301, b"", headers={"Location": "/real-robots.txt"}))
    server.route("/real-robots.txt", respond(200, "User-agent: *\nDisallow: /x\n", content_type="text/plain"))
    policy, _ = policy_for(server.url("/x"))
    with pytest.raises(RobotsDisallowed):
        policy.check(server.url("/x"), AGENT)


def test_robots_redirect_loop_means_no_rules(server: FaultServer) -> None:
    server.route("/robots.txt", respond(302, b"", headers={"Location": "/robots.txt"}))
    policy_for(server.url("/x"))[0].check(server.url("/x"), AGENT)


def test_concurrent_lookups_share_one_fetch(server: FaultServer) -> None:
    server.route("/robots.txt", respond(200, "User-agent: *\nDisallow: /x\n", delay=0.3))

    async def go() -> int:
        async with Fetcher(Settings(retries=0)) as fetcher:
            cache = RobotsCache(fetcher, "scraper/1.0")
            await asyncio.gather(*(cache.policy(server.url(f"/{i}"), OpenGate()) for i in range(10)))
            await cache.policy(server.url("/later"), OpenGate())
            return cache.fetches

    assert asyncio.run(go()) == 1
    assert server.stats.count("/robots.txt") == 1


def test_a_lookup_outlives_the_cancelled_one_it_waited_on(server: FaultServer) -> None:
    """The URL whose lookup fetches robots.txt runs out of time (its deadline cancels the
    fetch): another URL waiting on that fetch is not cancelled with it, and fetches it itself."""
    server.route("/robots.txt", respond(200, "User-agent: *\nDisallow: /x\n", delay=0.3))

    async def go() -> tuple[RobotsPolicy, int]:
        async with Fetcher(Settings(retries=0)) as fetcher:
            cache = RobotsCache(fetcher, "scraper/1.0")
            first = asyncio.create_task(cache.policy(server.url("/a"), OpenGate()))
            await asyncio.sleep(0.05)  # the first is fetching
            second = asyncio.create_task(cache.policy(server.url("/b"), OpenGate()))
            await asyncio.sleep(0.05)  # the second waits on it
            first.cancel()
            return await second, cache.fetches

    policy, fetches = asyncio.run(go())
    with pytest.raises(RobotsDisallowed):
        policy.check(server.url("/x"), AGENT)
    assert fetches == 2


def test_cache_is_bounded(server: FaultServer) -> None:
    async def go() -> int:
        async with Fetcher(Settings(retries=0)) as fetcher:
            cache = RobotsCache(fetcher, "scraper/1.0", max_origins=2)
            for port_url in (server.url("/a"), "http://127.0.0.1:9/a", "http://127.0.0.1:10/a"):
                await cache.policy(port_url, OpenGate())
            await cache.policy(server.url("/b"), OpenGate())  # evicted: fetched again
            return cache.fetches

    assert asyncio.run(go()) == 4

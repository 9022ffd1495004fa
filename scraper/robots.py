"""robots.txt: fetched once per origin, cached, parsed by Protego (RFC 9309).

| robots.txt answer (after retries)   | policy                                                   |
|-------------------------------------|----------------------------------------------------------|
| 2xx                                 | its rules, `Crawl-delay` and `Request-rate` apply        |
| 4xx (404, 403, 410 ...)             | no rules: everything allowed (RFC 9309 §2.3.1.3)         |
| 5xx, 429                            | unreachable: everything disallowed (§2.3.1.4)            |
| redirect loop / refused redirect    | unavailable: everything allowed (§2.3.1.2)               |
| a body that does not inflate        | unavailable too: the host answered; its file is unreadable |
| connection closed with no answer    | unavailable too: the host is up, it just has no robots.txt |
| connection error, timeout           | the host is down: its URLs fail with that error, unfetched |

Rules are matched on the User-Agent's product token (`scraper` for
`scraper/0.1.0 (+https://...)`), case-insensitively, as §2.2.1 asks.
Failures are cached for `FAILURE_TTL` seconds only, so a host that was down
for a minute is asked again later in a long run; answers that parsed are
kept for the run. The cache holds at most `max_origins` origins (least
recently used go first), so a list of a million hosts does not keep a
million rule sets.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlunsplit

from protego import Protego

from scraper.errors import (
    ConnectError,
    ContentDecodingError,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    RobotsDisallowed,
    TooManyRedirects,
)
from scraper.fetch import Fetcher, Gate
from scraper.tasks import cancelling
from scraper.urls import origin_parts

# A site may ask for a long Crawl-delay; past this one we still go, this slowly.
MAX_CRAWL_DELAY = 60.0
FAILURE_TTL = 300.0


def product_token(user_agent: str) -> str:
    """`scraper/0.1.0 (+https://...)` -> `scraper`: the name robots.txt groups match on."""
    token = user_agent.strip().split("/", 1)[0].split(" ", 1)[0]
    return token or "*"


def robots_url(url: str) -> str:
    """The origin's robots.txt, one address however the URL spells the origin."""
    scheme, host, port = origin_parts(url)
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port else host
    return urlunsplit((scheme, netloc, "/robots.txt", "", ""))


@dataclass(frozen=True, slots=True)
class RobotsPolicy:
    """What one origin's robots.txt says for our user agent."""

    parser: Protego | None = None
    disallow_all: str | None = None
    """Why everything is disallowed (robots.txt unreachable), if it is."""
    failure: tuple[type[FetchError], str] | None = None
    """The host is down: each of its URLs fails with this error instead of being fetched."""
    crawl_delay: float = 0.0
    """Seconds between two requests to the host, from Crawl-delay or Request-rate (capped)."""
    expires: float = float("inf")

    def check(self, url: str, agent: str) -> None:
        """Raise RobotsDisallowed (or the host's failure) unless `url` may be fetched."""
        if self.failure is not None:
            kind, message = self.failure
            raise kind(message)
        if self.disallow_all is not None:
            raise RobotsDisallowed(self.disallow_all)
        if self.parser is not None and not self.parser.can_fetch(url, agent):
            raise RobotsDisallowed(f"robots.txt disallows {url} for {agent}")


def policy_from_text(text: str, agent: str) -> RobotsPolicy:
    parser = Protego.parse(text)
    delay = parser.crawl_delay(agent) or 0.0
    rate = parser.request_rate(agent)
    if rate is not None and rate.requests:
        delay = max(delay, rate.seconds / rate.requests)
    return RobotsPolicy(parser=parser, crawl_delay=min(float(delay), MAX_CRAWL_DELAY))


class RobotsCache:
    """One robots.txt fetch per origin, shared by every URL (and every lane) of that origin."""

    def __init__(self, fetcher: Fetcher, user_agent: str, max_origins: int = 4096) -> None:
        self._fetcher = fetcher
        self.agent = product_token(user_agent)
        self._max = max_origins
        self._policies: OrderedDict[str, RobotsPolicy] = OrderedDict()
        self._pending: dict[str, asyncio.Future[RobotsPolicy]] = {}
        self.fetches = 0

    async def policy(self, url: str, gate: Gate) -> RobotsPolicy:
        key = robots_url(url)
        cached = self._policies.get(key)
        if cached is not None and cached.expires > time.monotonic():
            self._policies.move_to_end(key)
            return cached
        while (pending := self._pending.get(key)) is not None:
            try:
                return await asyncio.shield(pending)
            except asyncio.CancelledError:
                if cancelling() or not pending.cancelled():
                    raise
                # The task fetching it was cancelled (its URL's deadline ran out), not this
                # one: this URL goes on, and fetches robots.txt itself if nobody else has.
        future: asyncio.Future[RobotsPolicy] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            policy = await self._load(key, gate)
        except BaseException:
            # Cancelled (the batch is shutting down, or this URL's deadline ran out): whoever
            # waits on us must not hang; each decides whether it was cancelled too.
            future.cancel()
            raise
        finally:
            del self._pending[key]
        future.set_result(policy)
        self._policies[key] = policy
        self._policies.move_to_end(key)
        while len(self._policies) > self._max:
            self._policies.popitem(last=False)
        return policy

    async def _load(self, url: str, gate: Gate) -> RobotsPolicy:
        self.fetches += 1
        retry_at = time.monotonic() + FAILURE_TTL
        try:
            raw = await self._fetcher.fetch_robots(url, gate)
        except HTTPStatusError as exc:  # 5xx or 429, after retries
            return RobotsPolicy(
                disallow_all=f"robots.txt unreachable ({exc}): RFC 9309 says assume everything is disallowed",
                expires=retry_at,
            )
        except (TooManyRedirects, InvalidURL, ContentDecodingError):
            return RobotsPolicy()
        except (ConnectError, FetchTimeout) as exc:
            return RobotsPolicy(failure=(type(exc), f"robots.txt: {exc}"), expires=retry_at)
        except FetchError:
            # Anything else odd about the answer (a Content-Encoding we cannot undo, say): "unavailable".
            return RobotsPolicy()
        if not 200 <= raw.status < 300:
            return RobotsPolicy()
        # A BOM (a robots.txt saved by a Windows editor) would hide the first line from the parser.
        text = raw.body.decode("utf-8-sig", errors="replace")
        return policy_from_text(text, self.agent)

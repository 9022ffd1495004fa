"""Per-host scheduling for a batch: who may send the next request, and when.

A *host* is `scraper.urls.host_key(url)`: the unit of politeness and of sharding.

    reader ──▶ Host.queue (≤ queue_cap in memory) ──▶ lanes (≤ per_host tasks) ──▶ HostGate.slot()
                   └──▶ Overflow (a temp file, 8 bytes of memory per URL) ──┘

* **Lanes** are tasks that work through one host's queue; a host has at most
  `per_host` of them, so at most `per_host` of its URLs are in flight.
* **HostGate** admits each request, whichever host it goes to: it takes one
  of that host's `per_host` request slots (`Host.slots`, shared by its lanes
  and by redirects into it from other hosts' URLs), then waits for the host's
  turn (`delay`, or the robots.txt Crawl-delay, between request starts;
  longer after a Retry-After), and only then takes one of the `concurrency`
  global slots. A URL waiting for a host therefore never holds a global
  slot, and a slow host only ever occupies its own slots.
* **Redirects**: between two requests of a chain, everything is given back
  (`HostGate.leave`); the next request, to the same host or another, is
  admitted like any other (`HostGate.visit`, `HostGate.enter`), so a hundred
  sites' links into one site reach it no faster than its own list would.
* **Overflow**: a host's queue holds `queue_cap` targets in memory; more
  go to one shared, already-unlinked temporary file. The reader never waits
  on a particular host, so a list sorted by host (a million URLs of one site,
  then the next) streams through at the speed of the hosts being served.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
import time
from array import array
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import IO


def parse_shard(value: str) -> tuple[int, int]:
    """ "K/N" -> (K, N) with 1 <= K <= N; raises ValueError otherwise."""
    k_text, sep, n_text = value.partition("/")
    if not sep or not k_text.strip().isdigit() or not n_text.strip().isdigit():
        raise ValueError(f"expected K/N, e.g. 1/4, not {value!r}")
    k, n = int(k_text), int(n_text)
    if not 1 <= k <= n:
        raise ValueError(f"K must be between 1 and N in K/N, not {value!r}")
    return k, n


def shard_of(host: str, shards: int) -> int:
    """1-based shard of a host; a stable hash, the same on every machine and Python."""
    digest = hashlib.blake2b(host.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") % shards + 1


class Overflow:
    """Targets beyond a host's in-memory queue, parked in one unlinked temporary file."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._end = 0
        self.parked = 0

    def park(self, target: str) -> int:
        if self._file is None:
            # Unlinked at once on POSIX: nothing is left behind, even after kill -9.
            # Lives as long as the batch; close() ends it.
            self._file = tempfile.TemporaryFile(prefix="scraper-overflow-")  # noqa: SIM115
        offset = self._end
        data = target.encode("utf-8", "surrogatepass") + b"\n"
        self._file.seek(offset)
        self._file.write(data)
        self._end += len(data)
        self.parked += 1
        return offset

    def take(self, offset: int) -> str:
        assert self._file is not None
        self._file.seek(offset)
        return self._file.readline()[:-1].decode("utf-8", "surrogatepass")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


@dataclass(eq=False, slots=True)
class Host:
    key: str
    interval: float
    """Minimum seconds between two request starts."""
    queue: deque[str] = field(default_factory=deque)
    parked: array[int] = field(default_factory=lambda: array("Q"))
    parked_head: int = 0
    lanes: int = 0
    slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(1))
    """Requests in flight to this host, whoever sends them: `HostTable` gives it `per_host`."""
    visitors: int = 0
    """Redirect chains of other lanes that are on their way to this host, or at it."""
    last_start: float = float("-inf")
    paused_until: float = 0.0
    """Set by a Retry-After: nobody asks this host anything before then."""

    @property
    def turn(self) -> float:
        """The earliest monotonic time the next request may start."""
        return max(self.last_start + self.interval, self.paused_until)

    @property
    def waiting(self) -> int:
        """Targets not yet taken by a lane."""
        return len(self.queue) + len(self.parked) - self.parked_head

    @property
    def idle(self) -> bool:
        return self.lanes == 0 and self.waiting == 0 and self.visitors == 0


class HostTable:
    """Hosts with work, plus a bounded memory of recently idle ones (for their timing)."""

    def __init__(
        self, delay: float, queue_cap: int, overflow: Overflow, per_host: int = 1, keep_idle: int = 4096
    ) -> None:
        self.delay = delay
        self.queue_cap = queue_cap
        self.overflow = overflow
        self.per_host = per_host
        self._active: dict[str, Host] = {}
        self._idle: OrderedDict[str, Host] = OrderedDict()
        self._keep_idle = keep_idle

    def __len__(self) -> int:
        return len(self._active)

    def get(self, key: str) -> Host:
        host = self._active.get(key)
        if host is None:
            host = self._idle.pop(key, None) or Host(
                key, interval=self.delay, slots=asyncio.Semaphore(self.per_host)
            )
            self._active[key] = host
        return host

    def push(self, host: Host, target: str) -> bool:
        """Queue a target in memory (True) or, if the host's queue is full, park it (False)."""
        if len(host.queue) < self.queue_cap and host.parked_head == len(host.parked):
            host.queue.append(target)
            return True
        host.parked.append(self.overflow.park(target))
        return False

    def pop(self, host: Host) -> tuple[str, bool] | None:
        """The host's next target and whether it was in memory, or None if there is none."""
        if host.queue:
            return host.queue.popleft(), True
        if host.parked_head < len(host.parked):
            target = self.overflow.take(host.parked[host.parked_head])
            host.parked_head += 1
            if host.parked_head == len(host.parked):
                host.parked = array("Q")
                host.parked_head = 0
            elif host.parked_head > 4096 and host.parked_head * 2 > len(host.parked):
                del host.parked[: host.parked_head]  # drop the consumed half
                host.parked_head = 0
            return target, False
        return None

    def retire(self, host: Host) -> None:
        """Forget an idle host, remembering its timing for a while."""
        if not host.idle or self._active.get(host.key) is not host:
            return
        del self._active[host.key]
        if host.turn > time.monotonic():
            self._idle[host.key] = host
            while len(self._idle) > self._keep_idle:
                self._idle.popitem(last=False)


class HostGate:
    """The `scraper.fetch.Gate` of one lane. Each request it admits, to the lane's host or
    to the one a redirect leads to, holds that host's request slot, its turn and a global
    slot, taken in that order and given back together when the answer is in."""

    def __init__(self, host: Host, global_slots: asyncio.Semaphore, table: HostTable) -> None:
        self.host = host
        self._global = global_slots
        self._table = table
        self._held: Host | None = None
        """The host whose request slot (and a global slot) this gate holds now."""
        self._visiting: Host | None = None
        """The host a redirect of the current attempt led to, kept in the table meanwhile."""
        self._answered = host
        """The host the last request went to: the one a Retry-After comes from."""

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """One attempt: its first request goes to the lane's host."""
        await self.enter(self.host)
        try:
            yield
        finally:
            self.leave()
            self._unvisit()

    def visit(self, key: str) -> Host:
        """The host a redirect leads to, kept in the table (its slots, its timing) until
        the attempt ends or moves on: two of its visitors must meet the same turn."""
        self._unvisit()
        host = self._table.get(key)
        host.visitors += 1
        self._visiting = host
        return host

    async def enter(self, host: Host) -> None:
        """Take one of `host`'s request slots, wait for its turn holding no global slot,
        then take a global slot and the turn."""
        await host.slots.acquire()
        try:
            while True:
                wait = host.turn - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                await self._global.acquire()
                now = time.monotonic()
                # Another request to this host may have started while we queued for the global
                # slot; then it is not our turn after all, and the global slot goes back.
                if now >= host.turn:
                    host.last_start = now
                    break
                self._global.release()
        except BaseException:
            host.slots.release()
            raise
        self._held = self._answered = host

    def leave(self) -> None:
        """Give back the slots of the request that has been answered, if any are held."""
        if self._held is not None:
            host, self._held = self._held, None
            self._global.release()
            host.slots.release()

    def pause(self, seconds: float) -> None:
        # The attempt is over, and a redirect's target may have been let go of by the table
        # meanwhile: the pause goes to the table's entry, which remembers it while it lasts.
        host = self._table.get(self._answered.key)
        host.paused_until = max(host.paused_until, time.monotonic() + seconds)
        self._table.retire(host)

    def _unvisit(self) -> None:
        if self._visiting is not None:
            host, self._visiting = self._visiting, None
            host.visitors -= 1
            self._table.retire(host)

"""Per-host scheduling for a batch: who may send the next request, and when.

A *host* is `scraper.urls.host_key(url)`: the unit of politeness and of sharding.

    reader ──▶ Host.queue (≤ queue_cap in memory) ──▶ lanes (≤ per_host tasks) ──▶ HostGate.slot()
                   └──▶ Overflow (a temp file, 8 bytes of memory per URL) ──┘

* **Lanes** are tasks that work through one host's queue; a host has at most
  `per_host` of them, so at most `per_host` of its URLs are in flight.
* **HostGate.slot()** admits one request: it first waits for the host's
  turn (`delay`, or the robots.txt Crawl-delay, between request starts;
  longer after a Retry-After) holding nothing, and only then takes one of the
  `concurrency` global slots. A URL waiting for its host therefore never
  holds a global slot, and a slow host only ever occupies its own lanes.
  A redirect into another host gives the global slot back and waits for
  that host's turn the same way (`HostGate.leave`, `HostGate.enter`).
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
        return self.lanes == 0 and self.waiting == 0


class HostTable:
    """Hosts with work, plus a bounded memory of recently idle ones (for their timing)."""

    def __init__(self, delay: float, queue_cap: int, overflow: Overflow, keep_idle: int = 4096) -> None:
        self.delay = delay
        self.queue_cap = queue_cap
        self.overflow = overflow
        self._active: dict[str, Host] = {}
        self._idle: OrderedDict[str, Host] = OrderedDict()
        self._keep_idle = keep_idle

    def __len__(self) -> int:
        return len(self._active)

    def get(self, key: str) -> Host:
        host = self._active.get(key)
        if host is None:
            host = self._idle.pop(key, None) or Host(key, interval=self.delay)
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
    """The `scraper.fetch.Gate` of one host: its turn first, then a global slot.

    A redirect into another host gives the global slot back (`leave`) and waits for
    that host's turn holding nothing, as a URL in its queue would (`enter`).
    """

    def __init__(self, host: Host, global_slots: asyncio.Semaphore) -> None:
        self.host = host
        self._global = global_slots
        self._holding = False

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        await self.enter(self.host)
        try:
            yield
        finally:
            self.leave()

    async def enter(self, host: Host) -> None:
        """Wait for `host`'s turn holding nothing, then take a global slot and the turn."""
        while True:
            wait = host.turn - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            await self._global.acquire()
            now = time.monotonic()
            # Another lane of this host may have started while we queued for the global
            # slot; then it is not our turn after all, and the global slot goes back.
            if now >= host.turn:
                host.last_start = now
                self._holding = True
                return
            self._global.release()

    def leave(self) -> None:
        """Give the global slot back, if this gate holds one."""
        if self._holding:
            self._holding = False
            self._global.release()

    def pause(self, seconds: float) -> None:
        self.host.paused_until = max(self.host.paused_until, time.monotonic() + seconds)

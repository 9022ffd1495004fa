"""Extraction off the event loop: worker processes that turn fetched bytes into records.

Decoding (charset detection included) and extraction are CPU work; in the
event loop they would stall every fetch. `ExtractionPool.run(job, arg, url)`
queues a picklable argument (a `RawPage`, or a file path) and awaits the
`Outcome`.

Each worker is a spawned process joined to the event loop by a socketpair,
and driven by one task in the parent that sends it a job, awaits the answer,
and sends the next. Why not `concurrent.futures.ProcessPoolExecutor`:

* its manager and queue-feeder threads compete with the event loop for the
  GIL, which showed as milliseconds of stall per page;
* it cannot stop one stuck job: a dead or killed worker breaks the whole
  executor and every page in it. Here a worker runs one job at a time and
  answers in the order they came, so the driver knows exactly which page a
  dead worker was on; that page gets an ExtractionError and a fresh worker
  takes over, starting with the page that was sent ahead to the dead one
  (each worker is sent its next job while it works on one, `PIPELINE`).

The per-page guard (`page_timeout`, `--page-timeout`): the driver awaits each
answer for at most that long. Past it, the page gets a PageTimeout record at
once (with the status, final address and fetch time of a fetched page), the
worker is killed -- C code in a parser cannot be interrupted any other way --
and the driver starts a new one exactly as after a crash. Pages queued behind
it wait for the new worker; none is lost or answered twice. With `workers=0`
(extraction in a thread of this process) there is nothing to kill, so no guard.

Workers are spawned: a fresh interpreter started with `subprocess` that
inherits its end of the socket pair, starts on `scraper.serve` (the worker's
side, which imports neither asyncio nor httpx), and imports the extractor and its
engines (`PRELOAD`, about half a second) before it says it is ready, so that
no page's guard counts them. `ExtractionPool.forked` instead forks the first
workers from this process while it still has one thread and no event loop, which takes
milliseconds: that is how `scraper extract` puts even one small page under
the guard without doubling its start-up. Replacements are always spawned.

Workers ignore SIGINT and SIGTERM (Ctrl-C and a service manager's stop reach
the whole process group, but they are the parent's: it stops them, after
writing what is done), and exit when their socket reaches EOF, which is also
what happens when the parent is killed with `kill -9`: nothing is left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, TypeVar

from scraper.errors import ExtractionError, FetchError, InvalidURL, PageTimeout, ScraperError
from scraper.fetch import Fetcher
from scraper.models import Outcome
from scraper.pipeline import STDIN, error_outcome, read_stdin
from scraper.raw import RawPage
from scraper.serve import HEADER, READY, Crash, extract_fetched, extract_saved, extract_stdin, serve
from scraper.tasks import cancelling
from scraper.urls import looks_like_url, redact

T = TypeVar("T")
Job = Callable[[T], Outcome]

_NAME = "scraper-extract"
# Workers that die before they are ready this many times in a row mean the
# extractor cannot start at all (an import error, no memory): stop the batch.
MAX_START_FAILURES = 3
# Jobs a worker holds at once: the one it works on, and the next (`ExtractionPool._feed`).
PIPELINE = 2


class PoolFailed(Exception):
    """The extraction workers cannot be started."""


# -- the parent's side ------------------------------------------------------------------


# Signals that stop the parent, which then stops its workers: Ctrl-C (to the whole
# process group, from a terminal) and SIGTERM (to the group too, from a service manager).
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _stop_signals_ignored() -> Iterator[None]:
    """Start children with `STOP_SIGNALS` ignored: an ignored signal stays ignored across
    exec, and Python then installs no KeyboardInterrupt handler, so a Ctrl-C that lands
    while a worker is still importing cannot print a traceback from it. (A signal in these
    few milliseconds is lost for the parent too; the next one is not.)"""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may touch signal handlers
        return
    previous = {number: signal.signal(number, signal.SIG_IGN) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


class _WorkerDied(Exception):
    pass


# Where the `scraper` package lives, for a fresh interpreter to import it from.
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)


class _Spawned:
    """A worker in a fresh interpreter, started as a plain subprocess that inherits its
    end of the socket pair. (multiprocessing's "spawn" would also start its resource
    tracker: one more process of about 12 MB, for semaphores this pool never uses.)"""

    def __init__(self, sock: socket.socket) -> None:
        fd = sock.fileno()
        path = os.pathsep.join(p for p in (_PACKAGE_ROOT, os.environ.get("PYTHONPATH")) if p)
        self._popen = subprocess.Popen(
            [sys.executable, "-c", f"from scraper.serve import serve_fd; serve_fd({fd})"],
            pass_fds=(fd,),
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )

    @property
    def pid(self) -> int:
        return self._popen.pid

    @property
    def exitcode(self) -> int | None:
        """As multiprocessing gives it: None while running, -N if killed by signal N."""
        return self._popen.poll()

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def kill(self) -> None:
        if self.is_alive():
            self._popen.kill()

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)


class _Worker:
    def __init__(self, fork_closing: Sequence[socket.socket] | None = None) -> None:
        """A spawned worker; with `fork_closing` (the parent's ends of the socket pairs of
        workers forked before this one), a forked one: see `ExtractionPool.forked`."""
        parent, child = socket.socketpair()
        # "spawn": a fresh interpreter; forking a process that runs an event loop (or
        # any thread) can copy a held lock into the child.
        self.process: BaseProcess | _Spawned
        with _stop_signals_ignored():
            if fork_closing is None:
                self.process = _Spawned(child)
            else:
                fork = multiprocessing.get_context("fork")
                inherited = [*fork_closing, parent]
                self.process = fork.Process(target=serve, args=(child, inherited), daemon=True, name=_NAME)
                self.process.start()
        child.close()
        self.socket = parent
        self.is_ready = False
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def ready(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(sock=self.socket)
        if await self._read_frame() != READY:
            raise _WorkerDied("no ready signal")
        self.is_ready = True

    def send(self, job: Job[T], arg: T) -> None:
        """Queue a job for the worker. Not awaited: the worker reads it when it is done with
        the one before, and at most `PIPELINE` jobs are sent ahead of their answers, so the
        buffer stays small. (Waiting here for the worker to read it, while the worker waits
        for us to read its answer, could deadlock on large pages.) A worker that went away
        shows at the next `receive`."""
        assert self._writer is not None
        data = pickle.dumps((job, arg), protocol=pickle.HIGHEST_PROTOCOL)
        if not self._writer.transport.is_closing():
            self._writer.write(HEADER.pack(len(data)) + data)

    async def receive(self) -> Any:
        """The answer to the oldest job sent."""
        return pickle.loads(await self._read_frame())

    async def _read_frame(self) -> bytes:
        assert self._reader is not None
        try:
            header = await self._reader.readexactly(HEADER.size)
            return await self._reader.readexactly(HEADER.unpack(header)[0])
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            raise _WorkerDied("the worker went away") from None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.close()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        else:
            self.socket.close()

    async def join(self, timeout: float) -> None:
        # Closing the socket told the worker to stop; wait for it without blocking the loop.
        deadline = asyncio.get_running_loop().time() + timeout
        while self.process.is_alive() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.005)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(1)


@dataclass(slots=True)
class _Call:
    job: Job[Any]
    arg: Any
    url: str
    final_url: str | None
    future: asyncio.Future[Outcome]

    def failed(self, error: ScraperError) -> Outcome:
        """The page's error record, with what is known of it before extraction."""
        if isinstance(self.arg, RawPage):
            raw = self.arg
            return error_outcome(self.url, error, raw.status, raw.final_url, raw.fetched_at)
        return error_outcome(self.url, error, final_url=self.final_url)


class ExtractionPool:
    """`workers` processes (0: one thread of this process, for debugging); an async context manager.

    `page_timeout`: seconds a worker may spend on one page (None: no limit); past it
    the page gets a PageTimeout record and the worker is replaced.
    """

    def __init__(self, workers: int, page_timeout: float | None = None) -> None:
        self.workers = workers
        self.page_timeout = page_timeout
        self._queue: asyncio.Queue[_Call] = asyncio.Queue()
        self._drivers: list[asyncio.Task[None]] = []
        self._forked: list[_Worker] = []
        self._start_failures = 0
        self._failed: PoolFailed | None = None
        self.restarts = 0

    @classmethod
    def forked(cls, workers: int, page_timeout: float | None = None) -> ExtractionPool:
        """A pool whose first workers are forked from this process now: ready in milliseconds,
        with the extractor already imported, where a spawned one takes a second.

        Call it before the event loop starts: forking is only safe while this process has
        a single thread. Where it has more, or cannot fork, the workers are spawned as usual.
        """
        pool = cls(workers, page_timeout)
        if sys.platform.startswith("linux") and threading.active_count() == 1:
            for _ in range(max(workers, 0)):
                pool._forked.append(_Worker(fork_closing=[w.socket for w in pool._forked]))
        return pool

    async def __aenter__(self) -> ExtractionPool:
        for _ in range(max(self.workers, 1)):
            self._drivers.append(asyncio.create_task(self._drive()))
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for task in self._drivers:
            task.cancel()
        await asyncio.gather(*self._drivers, return_exceptions=True)
        for worker in self._forked:  # never taken up by a driver
            worker.kill()

    async def run(self, job: Job[T], arg: T, url: str, final_url: str | None = None) -> Outcome:
        """`job(arg)` in a worker. Should the page fail there (its worker dies, it runs past
        the guard), its error record is for `url`, with `final_url` -- or, for a RawPage,
        the page's own status, final address and fetch time."""
        if self._failed is not None:
            raise self._failed
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(_Call(job, arg, url, final_url, future))
        return await future

    async def _drive(self) -> None:
        """One worker's driver: start it, feed it jobs, replace it when it dies."""
        if self.workers <= 0:
            while True:
                call = await self._queue.get()
                _settle(call, await _in_thread(call))
        # Jobs sent to a worker that was lost before it answered them: the next one takes them first.
        sent: deque[_Call] = deque()
        while True:
            worker = self._forked.pop() if self._forked else _Worker()
            try:
                try:
                    await worker.ready()
                except _WorkerDied:
                    self._start_failures += 1
                    if self._start_failures >= MAX_START_FAILURES:
                        await worker.join(timeout=1.0)  # reap it: its exit code goes in the message
                        self._fail(worker.process.exitcode, sent)
                        return
                    continue
                self._start_failures = 0
                await self._feed(worker, sent)
            finally:
                if cancelling() and worker.is_ready:
                    # The batch is over (or interrupted): let the worker finish and exit.
                    worker.close()
                    await worker.join(timeout=2.0)
                else:
                    # Lost, or still importing the extractor (a replacement that will
                    # never get a page): nothing to wait for.
                    worker.kill()
                    await worker.join(timeout=1.0)  # reap it
            self.restarts += 1

    async def _feed(self, worker: _Worker, sent: deque[_Call]) -> None:
        """Send jobs to one live worker until it dies or overruns the guard (then return,
        the jobs it did not answer left in `sent`, first the one it was on), or we are
        cancelled.

        The next job waits in the worker's socket while it works on one (`PIPELINE`):
        it goes from one page to the next without waiting for this process to read the
        answer and send it another job. (Sent one at a time, the worker of a one-worker
        batch over the 1,712 bench pages stood idle 0.9 s of 69; sent ahead, 0.05 s.)
        The answers come in the order the jobs went, so the oldest job sent is the one
        a worker that dies or overruns was on; a page's guard counts from the answer
        before it, when the worker started it.
        """
        try:
            for call in sent:
                worker.send(call.job, call.arg)  # pickled once already: cannot fail
            while True:
                if not sent:
                    self._send(worker, await self._queue.get(), sent)
                    continue
                while len(sent) < PIPELINE and not self._queue.empty():
                    self._send(worker, self._queue.get_nowait(), sent)
                error: ScraperError
                try:
                    async with asyncio.timeout(self.page_timeout):
                        result = await worker.receive()
                except TimeoutError:
                    assert self.page_timeout is not None
                    error = PageTimeout(f"extraction took longer than the {self.page_timeout:g} s page guard")
                except _WorkerDied:
                    worker.process.join(0.5)  # reap it, for its exit code
                    error = ExtractionError(
                        f"the extraction worker died on this page (exit code {worker.process.exitcode})"
                    )
                except Exception as exc:
                    # Anything else (an answer that will not unpickle) costs this page and
                    # this worker, whose socket may now hold half a message; never the record.
                    error = ExtractionError(f"{type(exc).__name__}: {exc}")
                else:
                    call = sent.popleft()
                    if isinstance(result, Crash):
                        result = call.failed(ExtractionError(result.message))
                    _settle(call, result)
                    continue
                call = sent.popleft()
                _settle(call, call.failed(error))
                return  # the driver kills this worker and starts another
        except BaseException:
            # Cancelled mid-page (the batch is stopping): nobody will want the answers.
            for call in sent:
                call.future.cancel()
            sent.clear()
            raise

    @staticmethod
    def _send(worker: _Worker, call: _Call, sent: deque[_Call]) -> None:
        """Send `call` to `worker`, or settle it with an error record if it cannot be sent
        (an argument that will not pickle: nothing was written, the worker goes on)."""
        try:
            worker.send(call.job, call.arg)
        except Exception as exc:
            _settle(call, call.failed(ExtractionError(f"{type(exc).__name__}: {exc}")))
            return
        sent.append(call)

    def _fail(self, exitcode: int | None, sent: deque[_Call]) -> None:
        """Stop the pool: workers cannot start. Every job waiting, `sent` (to a worker lost
        before it answered them) or queued, gets `PoolFailed`."""
        self._failed = PoolFailed(
            f"extraction workers exit as soon as they start (exit code {exitcode}); "
            "run `scraper extract` on one page to see why"
        )
        waiting = [*sent]
        sent.clear()
        while not self._queue.empty():
            waiting.append(self._queue.get_nowait())
        for call in waiting:
            if not call.future.done():
                call.future.set_exception(self._failed)


def _settle(call: _Call, outcome: Outcome) -> None:
    if not call.future.done():
        call.future.set_result(outcome)


async def _in_thread(call: _Call) -> Outcome:
    try:
        return await asyncio.to_thread(call.job, call.arg)
    except Exception as exc:
        return call.failed(ExtractionError(f"{type(exc).__name__}: {exc}"))


# -- one target, as `scraper extract` takes it ---------------------------------------------


async def scrape_target(
    target: str, fetcher: Fetcher, pool: ExtractionPool | None = None, url: str | None = None
) -> Outcome:
    """One target of any kind (URL, saved page, `-` for stdin) -> Outcome; failures become
    error records. Reading and fetching happen here; decoding and extraction in `pool`,
    under its guard, or in this process when there is no pool."""
    max_bytes = fetcher.settings.max_bytes
    final_url = redact(url) if url else None
    try:
        if target == STDIN:
            data = read_stdin(max_bytes)
            return await _run(pool, extract_stdin, (data, url, max_bytes), url or STDIN, final_url)
        if looks_like_url(target):
            raw = await fetcher.fetch_raw(target)
            return await _run(pool, extract_fetched, raw, raw.url)
        if not target.strip():
            raise InvalidURL("empty target")
        return await _run(pool, extract_saved, (target, url, max_bytes), url or target, final_url)
    except ScraperError as exc:
        return error_outcome(url or target, exc)
    except Exception as exc:
        return error_outcome(url or target, FetchError.unforeseen(exc))


async def _run(
    pool: ExtractionPool | None, job: Job[T], arg: T, url: str, final_url: str | None = None
) -> Outcome:
    return job(arg) if pool is None else await pool.run(job, arg, url, final_url)

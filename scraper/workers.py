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
  executor and every page in it. Here a worker runs one job at a time, so
  the driver knows exactly which page a dead worker was on; that page gets
  an ExtractionError and a fresh worker takes over.

Where the per-page guard (`--page-timeout`, PageTimeout) plugs in:
`_Worker.call` is the one place that awaits a worker's answer. Wrap that read
in `asyncio.timeout(page_timeout)`; on expiry, `kill()` the worker and
answer `error_outcome(url, PageTimeout(...))` -- the driver then starts a
new worker exactly as after a crash.

Workers ignore SIGINT (Ctrl-C is the parent's: it stops them), and exit when
their socket reaches EOF, which is also what happens when the parent is
killed with `kill -9`: nothing is left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import multiprocessing
import pickle
import signal
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from scraper.errors import ExtractionError, FileReadError, ScraperError
from scraper.fetch import RawPage, decode_page
from scraper.models import Outcome
from scraper.pipeline import error_outcome, read_page_file, record_from_page

T = TypeVar("T")
Job = Callable[[T], Outcome]

_HEADER = struct.Struct("!Q")
_READY = b"ready"
# Workers that die before they are ready this many times in a row mean the
# extractor cannot start at all (an import error, no memory): stop the batch.
MAX_START_FAILURES = 3


class PoolFailed(Exception):
    """The extraction workers cannot be started."""


# -- what runs in a worker --------------------------------------------------------------


def extract_raw(raw: RawPage) -> Outcome:
    """A fetched page -> Outcome (decode, then extract)."""
    return record_from_page(decode_page(raw))


def extract_file(job: tuple[str, str, int]) -> Outcome:
    """(path, name to record it under, size cap) -> Outcome; a missing file is an error record."""
    path, recorded, max_bytes = job
    try:
        page = read_page_file(path, None, max_bytes)
    except FileReadError as exc:
        # The message names the path: name it as recorded (without any credentials).
        return error_outcome(recorded, FileReadError(str(exc).replace(path, recorded)))
    except ScraperError as exc:
        return error_outcome(recorded, exc)
    except ValueError as exc:  # a NUL in the path: the OS refuses to even look
        return error_outcome(recorded, FileReadError(f"cannot read {recorded!r}: {exc}"))
    if page.url != recorded:
        page = dataclasses.replace(page, url=recorded)
    return record_from_page(page)


@dataclass(frozen=True, slots=True)
class _Crash:
    """A job raised: a bug in a parser costs one page, not the worker."""

    message: str


def _recv_exact(sock: socket.socket, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = sock.recv(min(size - len(chunks), 1 << 20))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def _send_frame(sock: socket.socket, data: bytes) -> None:
    sock.sendall(_HEADER.pack(len(data)) + data)


def _serve(sock: socket.socket) -> None:
    """A worker's whole life: answer jobs until the parent closes the socket."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent going away mid-page (Ctrl-C, kill -9, end of batch) is how we stop.
    with contextlib.suppress(ConnectionError, OSError):
        _answer(sock)


def _answer(sock: socket.socket) -> None:
    _send_frame(sock, _READY)
    while True:
        header = _recv_exact(sock, _HEADER.size)
        if header is None:
            return
        payload = _recv_exact(sock, _HEADER.unpack(header)[0])
        if payload is None:
            return
        job, arg = pickle.loads(payload)
        try:
            result: Any = job(arg)
        except Exception as exc:
            result = _Crash(f"{type(exc).__name__}: {exc}")
        _send_frame(sock, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


# -- the parent's side ------------------------------------------------------------------


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start children with SIGINT ignored: an ignored signal stays ignored across exec, and
    Python then installs no KeyboardInterrupt handler, so a Ctrl-C that lands while a
    worker is still importing cannot print a traceback from it. (A Ctrl-C in these few
    milliseconds is lost for the parent too; the next one is not.)"""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may touch signal handlers
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _WorkerDied(Exception):
    pass


class _Worker:
    def __init__(self) -> None:
        parent, child = socket.socketpair()
        # "spawn": a fresh interpreter; forking a process that runs an event loop
        # can copy a held lock into the child.
        context = multiprocessing.get_context("spawn")
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="scraper-extract")
        with _sigint_ignored():
            self.process.start()
        child.close()
        self._socket = parent
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def ready(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(sock=self._socket)
        if await self._read_frame() != _READY:
            raise _WorkerDied("no ready signal")

    async def call(self, job: Job[T], arg: T) -> Any:
        assert self._writer is not None
        data = pickle.dumps((job, arg), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._writer.write(_HEADER.pack(len(data)) + data)
            await self._writer.drain()
        except (ConnectionError, OSError):
            raise _WorkerDied("the worker went away") from None
        return pickle.loads(await self._read_frame())

    async def _read_frame(self) -> bytes:
        assert self._reader is not None
        try:
            header = await self._reader.readexactly(_HEADER.size)
            return await self._reader.readexactly(_HEADER.unpack(header)[0])
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
            self._socket.close()

    async def join(self, timeout: float) -> None:
        # Closing the socket told the worker to stop; wait for it without blocking the loop.
        deadline = asyncio.get_running_loop().time() + timeout
        while self.process.is_alive() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.02)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(1)


@dataclass(slots=True)
class _Call:
    job: Job[Any]
    arg: Any
    url: str
    future: asyncio.Future[Outcome]


class ExtractionPool:
    """`workers` processes (0: one thread of this process, for debugging); an async context manager."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._queue: asyncio.Queue[_Call] = asyncio.Queue()
        self._drivers: list[asyncio.Task[None]] = []
        self._start_failures = 0
        self._failed: PoolFailed | None = None
        self.restarts = 0

    async def __aenter__(self) -> ExtractionPool:
        for _ in range(max(self.workers, 1)):
            self._drivers.append(asyncio.create_task(self._drive()))
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for task in self._drivers:
            task.cancel()
        await asyncio.gather(*self._drivers, return_exceptions=True)

    async def run(self, job: Job[T], arg: T, url: str) -> Outcome:
        if self._failed is not None:
            raise self._failed
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(_Call(job, arg, url, future))
        return await future

    async def _drive(self) -> None:
        """One worker's driver: start it, feed it jobs, replace it when it dies."""
        if self.workers <= 0:
            while True:
                call = await self._queue.get()
                _settle(call, await _in_thread(call))
        while True:
            worker = _Worker()
            try:
                try:
                    await worker.ready()
                except _WorkerDied:
                    self._start_failures += 1
                    if self._start_failures >= MAX_START_FAILURES:
                        self._fail(worker.process.exitcode)
                        return
                    continue
                self._start_failures = 0
                await self._feed(worker)
            finally:
                if _cancelling():
                    # The batch is over (or interrupted): let the worker finish and exit.
                    worker.close()
                    await worker.join(timeout=2.0)
                else:
                    worker.kill()
            self.restarts += 1

    async def _feed(self, worker: _Worker) -> None:
        """Send jobs to one live worker until it dies (then return) or we are cancelled."""
        while True:
            call = await self._queue.get()
            try:
                result = await worker.call(call.job, call.arg)
            except _WorkerDied:
                worker.process.join(0.5)  # reap it, for its exit code
                error = ExtractionError(
                    f"the extraction worker died on this page (exit code {worker.process.exitcode})"
                )
                _settle(call, error_outcome(call.url, error))
                return
            except Exception as exc:
                # Anything else (a page that will not pickle) costs this page and this
                # worker, whose socket may now hold half a message; never the record.
                error = ExtractionError(f"{type(exc).__name__}: {exc}")
                _settle(call, error_outcome(call.url, error))
                return
            except BaseException:
                # Cancelled mid-page (the batch is stopping): nobody will want the answer.
                call.future.cancel()
                raise
            if isinstance(result, _Crash):
                result = error_outcome(call.url, ExtractionError(result.message))
            _settle(call, result)

    def _fail(self, exitcode: int | None) -> None:
        self._failed = PoolFailed(
            f"extraction workers exit as soon as they start (exit code {exitcode}); "
            "run `scraper extract` on one page to see why"
        )
        while not self._queue.empty():
            call = self._queue.get_nowait()
            if not call.future.done():
                call.future.set_exception(self._failed)


def _cancelling() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _settle(call: _Call, outcome: Outcome) -> None:
    if not call.future.done():
        call.future.set_result(outcome)


async def _in_thread(call: _Call) -> Outcome:
    try:
        return await asyncio.to_thread(call.job, call.arg)
    except Exception as exc:
        return error_outcome(call.url, ExtractionError(f"{type(exc).__name__}: {exc}"))

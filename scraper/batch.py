"""Scrape many targets listed one per line: exactly one record per distinct input.

    list ─▶ reader ─▶ per-host queues ─▶ lanes: robots.txt, fetch ─▶ process pool: extract ─▶ one line each
             │ dedup, shard, resume         (scraper.hosts)  (scraper.fetch)  (scraper.workers)
             └─ files and bad URLs go straight to the pool / to an error record

1. The list is read as a stream, in a thread, its lines taken as they arrive
   (`scraper.lists`): blank lines and `#` comments are skipped; a repeated
   line is counted as a duplicate (seen inputs are kept as 8-byte digests,
   `scraper.digests`);
   with `--shard K/N` only targets whose host hashes to shard K are kept;
   with `--resume`, targets whose record is already in the output are skipped.
2. URLs go to their host's queue; each host's lanes (≤ `per_host`) check
   robots.txt, wait for the host's turn and a global slot (≤ `concurrency`),
   and fetch. A redirect's request waits for its host's slot and turn in the
   same way (`scraper.hosts.HostGate`). Local files skip the network.
3. Fetched bytes go to the process pool for decoding and extraction, so the
   event loop only moves bytes; when the pool falls behind, lanes wait
   before fetching more, so pages in memory stay bounded. A page whose
   extraction runs past `page_timeout` gets a PageTimeout record and its
   worker is killed and replaced (`scraper.workers`): no page stalls the run.
4. Each record is written, in completion order, as one line with a single
   write() and flushed: after a crash or `kill -9` only the last line can be
   torn, and `--resume` cuts it off (`scraper.resume`). A thread does the
   writing (`scraper.sinks.Writer`): a reader that pauses holds the batch
   back (a target's slot is free once its line is out) but never stalls the
   event loop, whose timers would all lapse at once.

Memory does not grow with the list: at most `window` targets are in memory
at once (queued or in flight); a host's queue beyond `queue_cap` waits in a
temporary file; only the 8-byte digests of seen inputs grow, ~8 MB per
million distinct lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rich.console import Console

from scraper.digests import DigestSet
from scraper.errors import FetchError, InvalidURL, ScraperError
from scraper.fetch import Fetcher
from scraper.hosts import Host, HostGate, HostTable, Overflow, parse_shard, shard_of
from scraper.lists import ListReader, count_targets, read_targets, target_of
from scraper.models import Outcome
from scraper.pipeline import error_outcome
from scraper.report import ProgressBar, Summary, print_summary
from scraper.resume import ResumeState, prepare_resume
from scraper.robots import RobotsCache
from scraper.serve import extract_file, extract_raw
from scraper.settings import Settings
from scraper.sinks import BatchFailed, DirSink, OutputClosed, RecordSink, Writer, open_output
from scraper.tasks import cancelling
from scraper.urls import check_fetchable, host_key, looks_like_url, redact
from scraper.workers import ExtractionPool, Job, PoolFailed

__all__ = [
    "BatchFailed",
    "BatchOptions",
    "BatchTerminated",
    "Summary",
    "parse_shard",
    "read_targets",
    "run_batch",
]

T = TypeVar("T")

INTERRUPTED_WRITE_WAIT = 5.0
"""Seconds an interrupted run waits for its last records to be taken."""


@dataclass(frozen=True, slots=True)
class BatchOptions:
    source: str
    """Path of the list, or "-" for stdin."""
    output: Path | None = None
    output_dir: bool = False
    """Write one file per record into `output` (a directory) instead of JSON Lines."""
    quiet: bool = False
    resume: bool = False
    """Keep the records already in `output`, skip their inputs, append the rest."""
    retry_failed: bool = False
    """With `resume`: drop the error records from `output` and try their inputs again."""
    shard: tuple[int, int] | None = None
    """(K, N): only targets whose host falls in shard K of N (1-based)."""
    window: int = 10_000
    """Targets in memory at once (queued or in flight); the reader waits beyond it."""
    queue_cap: int = 64
    """Targets one host keeps in memory; more wait in a temporary file."""
    progress: bool | None = None
    """Force the progress bar on or off; None: only when stderr is a terminal."""


class BatchTerminated(Exception):
    """SIGTERM stopped the batch, as Ctrl-C does: every record written is complete."""


def run_batch(options: BatchOptions, settings: Settings, console: Console) -> Summary:
    """Run a batch to the end. Stopped by Ctrl-C or SIGTERM, it writes every complete record
    and prints the summary, then raises KeyboardInterrupt or BatchTerminated."""
    batch = _Batch(options, settings, console)
    try:
        return asyncio.run(batch.run())
    except asyncio.CancelledError:
        if batch.terminated:
            raise BatchTerminated("stopped by SIGTERM") from None
        raise


class _Batch:
    def __init__(self, options: BatchOptions, settings: Settings, console: Console) -> None:
        self.options = options
        self.settings = settings
        self.console = console
        self.summary = Summary()
        self._seen = DigestSet()
        self._resume = ResumeState()
        self._overflow = Overflow()
        self._hosts = HostTable(settings.delay, options.queue_cap, self._overflow, settings.per_host)
        show = console.is_terminal if options.progress is None else options.progress
        self._progress = ProgressBar(console, enabled=show and not options.quiet)
        # Built inside run(), on the running loop:
        self._window: asyncio.Semaphore
        self._global: asyncio.Semaphore
        self._room: asyncio.Event
        self._tasks: asyncio.TaskGroup
        self._fetcher: Fetcher
        self._robots: RobotsCache | None
        self._pool: ExtractionPool
        self._writer: Writer
        self._backlog = 0
        self._backlog_limit = 3 * max(settings.workers, 1) + 2
        self.terminated = False
        """Whether SIGTERM stopped the run."""

    # -- the run -----------------------------------------------------------------------

    async def run(self) -> Summary:
        with self._stopped_by_sigterm():
            return await self._run()

    @contextlib.contextmanager
    def _stopped_by_sigterm(self) -> Iterator[None]:
        """SIGTERM (`kill`, a service manager's stop, `timeout`) stops the run as Ctrl-C does
        (`asyncio.run` cancels the run's task on SIGINT): the task is cancelled, what is done
        is written and the summary printed. The handler goes with the first SIGTERM, so a
        second one kills at once. Where SIGTERM is not ours to take (not the main thread,
        a handler or SIG_IGN already set by whoever runs us), nothing is installed."""
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        if (
            task is None
            or threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
        ):
            yield
            return

        def stop() -> None:
            self.terminated = True
            loop.remove_signal_handler(signal.SIGTERM)
            task.cancel()

        loop.add_signal_handler(signal.SIGTERM, stop)
        try:
            yield
        finally:
            loop.remove_signal_handler(signal.SIGTERM)

    async def _run(self) -> Summary:
        options, settings, summary = self.options, self.settings, self.summary
        started = time.monotonic()
        self._window = asyncio.Semaphore(options.window)
        self._global = asyncio.Semaphore(settings.concurrency)
        self._room = asyncio.Event()
        self._room.set()
        if options.resume and options.output is not None:
            self._resume = await asyncio.to_thread(self._prepare_resume, options.output)
            summary.retried_failed = self._resume.dropped_failed
        sink = (
            DirSink(options.output)
            if options.output_dir and options.output is not None
            else RecordSink(options.output, append=options.resume)
        )
        self._writer = Writer(sink, self._output_failed)
        interrupted = True
        try:
            # The workers start (and import the extractor) while the first robots.txt
            # and pages are fetched.
            async with (
                ExtractionPool(settings.workers, settings.page_timeout) as pool,
                Fetcher(settings) as fetcher,
            ):
                self._pool = pool
                self._fetcher = fetcher
                self._robots = RobotsCache(fetcher, settings.user_agent) if settings.respect_robots else None
                with self._progress:
                    try:
                        async with asyncio.TaskGroup() as tasks:
                            self._tasks = tasks
                            tasks.create_task(self._read())
                    except* OutputClosed:
                        summary.output_closed = True
                    except* PoolFailed as group:
                        raise BatchFailed(str(group.exceptions[0])) from None
                    except* BatchFailed as group:
                        raise group.exceptions[0] from None
                    # Records are counted once written: the bar's last state waits for them.
                    self._writer.close()
                    self._progress.show(summary)
            interrupted = False
        except BatchFailed:
            interrupted = False
            raise
        finally:
            summary.interrupted = interrupted
            self._overflow.close()
            # What is queued is written (and counted) before the summary; an interrupted run
            # waits only a little for a reader that takes nothing.
            failure = self._writer.close(wait=INTERRUPTED_WRITE_WAIT if interrupted else None)
            if isinstance(failure, OutputClosed):
                summary.output_closed = True
            summary.elapsed = time.monotonic() - started
            if not options.quiet:
                name = str(options.output) if options.output else None
                print_summary(summary, self.console, name)
        if isinstance(failure, BatchFailed):
            raise failure  # the last records could not be written (a full disk)
        return summary

    def _prepare_resume(self, output: Path) -> ResumeState:
        """The output file repaired and read back, under its lock: another batch still
        writing it would lose records to the repair. The lock is let go just before the
        sink takes its own (`RecordSink`), since it may be another file by then."""
        with contextlib.ExitStack() as held:
            if not self.options.output_dir:
                held.enter_context(open_output(output))
            return prepare_resume(output, self.options.retry_failed)

    # -- reading the list ----------------------------------------------------------------

    async def _lines(self) -> AsyncIterator[str]:
        """The list's targets, as its lines arrive (`scraper.lists`)."""
        path = self.options.source
        # Counted in a second read for the bar's total: a file's, not a pipe's, whose lines
        # the count would take.
        if self._progress.enabled and path != "-" and Path(path).is_file():
            self._tasks.create_task(self._count(path))
        reader = ListReader.open(path)
        try:
            while (lines := await reader.next()) is not None:
                for line in lines:
                    if (target := target_of(line)) is not None:
                        yield target
        finally:
            reader.close()

    async def _count(self, path: str) -> None:
        total = await asyncio.to_thread(count_targets, path)
        if total is not None:
            self._progress.set_total(total)

    async def _read(self) -> None:
        summary = self.summary
        shard = self.options.shard
        async for target in self._lines():
            summary.inputs += 1
            is_url = looks_like_url(target)
            host = host_key(target) if is_url else ""
            key = _recorded(target)
            if shard is not None and shard_of(host, shard[1]) != shard[0]:
                summary.other_shards += 1
            elif not self._seen.add(key):
                summary.duplicates += 1
            elif key in self._resume.done:
                summary.resumed += 1
                if key in self._resume.done_failed:
                    summary.resumed_failed += 1
            elif not is_url:
                await self._window.acquire()
                await self._wait_for_room()
                self._submit(extract_file, (target, key, self.settings.max_bytes), key)
                continue
            else:
                try:
                    check_fetchable(target)
                except (InvalidURL, ValueError) as exc:
                    # The message quotes the URL: quote the recorded one.
                    error = InvalidURL(f"malformed URL {key!r}" if isinstance(exc, ValueError) else str(exc))
                    error = InvalidURL(str(error).replace(target, key))
                    await self._window.acquire()  # held until written, like any target's
                    self._write(error_outcome(key, error), holds_slot=True)
                    continue
                await self._window.acquire()
                entry = self._hosts.get(host)
                if not self._hosts.push(entry, target):
                    self._window.release()  # parked on disk: it takes a slot when a lane picks it up
                self._start_lanes(entry)
                continue
            self._progress.show(summary)
        self._progress.set_total(summary.inputs)

    # -- per host ------------------------------------------------------------------------

    def _start_lanes(self, host: Host) -> None:
        while host.lanes < self.settings.per_host and host.lanes < host.waiting:
            host.lanes += 1
            self._tasks.create_task(self._lane(host))

    async def _lane(self, host: Host) -> None:
        gate = HostGate(host, self._global, self._hosts)
        try:
            while (item := self._hosts.pop(host)) is not None:
                url, in_memory = item
                if not in_memory:
                    await self._window.acquire()
                await self._visit(url, host, gate)
        finally:
            host.lanes -= 1
            self._hosts.retire(host)

    async def _visit(self, url: str, host: Host, gate: HostGate) -> None:
        try:
            if self._robots is not None:
                policy = await self._robots.policy(url, gate)
                host.interval = max(host.interval, policy.crawl_delay)
                policy.check(url, self._robots.agent)
            await self._wait_for_room()
            raw = await self._fetcher.fetch_raw(url, gate, lambda target: self._hop(target, gate))
        except ScraperError as exc:
            self._write(error_outcome(url, exc), holds_slot=True)
            return
        except asyncio.CancelledError as exc:
            if cancelling():
                raise  # the batch is stopping
            # A cancellation that was not this lane's (a shared future someone else gave
            # up on) would end the lane, and the record with it: the record says so instead.
            self._write(error_outcome(url, FetchError.unforeseen(exc)), holds_slot=True)
            return
        except Exception as exc:
            # One URL's record says so; the other 999,999 go on.
            self._write(error_outcome(url, FetchError.unforeseen(exc)), holds_slot=True)
            return
        self._submit(extract_raw, raw, url)

    async def _hop(self, target: str, gate: HostGate) -> None:
        """Before a redirect is followed, to another host or the same one: the request
        before it gives its slots back, the target's robots.txt must allow it (a link
        shortener or an old address may lead to a part of another site it closes), and
        the next request waits for the target host's request slot and turn, as if the
        URL had been in its queue: a hundred sites' links into one site reach it no
        faster than its own list would, and a same-host redirect keeps the Crawl-delay.
        Nothing is held while waiting, and the fetcher does not count it against the
        URL's deadline."""
        gate.leave()
        host = gate.visit(host_key(target))
        if self._robots is not None:
            policy = await self._robots.policy(target, HostGate(host, self._global, self._hosts))
            host.interval = max(host.interval, policy.crawl_delay)
            policy.check(target, self._robots.agent)
        await gate.enter(host)

    # -- extraction ----------------------------------------------------------------------

    async def _wait_for_room(self) -> None:
        """Hold off fetching while the pool has a backlog: pages in memory stay bounded."""
        while self._backlog >= self._backlog_limit:
            await self._room.wait()

    def _submit(self, job: Job[T], arg: T, url: str) -> None:
        self._backlog += 1
        if self._backlog >= self._backlog_limit:
            self._room.clear()
        self._tasks.create_task(self._extract(job, arg, url))

    async def _extract(self, job: Job[T], arg: T, url: str) -> None:
        try:
            outcome = await self._pool.run(job, arg, url)
        finally:
            self._backlog -= 1
            if self._backlog < self._backlog_limit:
                self._room.set()
        self._write(outcome, holds_slot=True)

    # -- output --------------------------------------------------------------------------

    def _write(self, outcome: Outcome, holds_slot: bool) -> None:
        """Write one record. It is counted once its line is written (`scraper.sinks.Writer`):
        a record the output never took (`| head` has what it wanted, a full disk) is in
        neither the summary nor the exit code. A target that took a window slot gives it
        back then, so a slow reader holds the batch back."""
        self._writer.write(outcome, lambda: self._written(outcome, holds_slot))

    def _written(self, outcome: Outcome, holds_slot: bool) -> None:
        if holds_slot:
            self._window.release()
        record = outcome.record
        error_type = record.error.type if record.error else None
        self.summary.count(record.ok, record.text, record.confidence, error_type)
        self._progress.show(self.summary)

    def _output_failed(self, error: Exception) -> None:
        """The records cannot be written any more: the run stops, as if a task had raised
        `error` (handled in `run`). After the tasks are done, `run` learns it from `close`."""
        raising = _raise(error)
        try:
            self._tasks.create_task(raising)
        except RuntimeError:
            # The task group is already stopping (another task failed): it needs no
            # telling, and the coroutine that was not run must not be left to warn.
            raising.close()


async def _raise(error: Exception) -> None:
    raise error


# "user:password@" in the authority: right after "scheme://" or a leading "//".
# Not across "?" or "#": "http://u#:p@host/" is a fragment on host "u", no password.
_USERINFO = re.compile(r"^([^/@]*//)[^/@\s?#]*:[^/@\s?#]*@")


def _recorded(target: str) -> str:
    """The `url` a target's record carries: the target without credentials, always.

    `redact` does it for URLs it can parse; on malformed ones it raises (a port out
    of range) or gives the URL back whole (a broken IPv6 literal). One line of a long
    list must neither end the batch nor put a password in a record, so `user:password@`
    after `//` is cut off here as well.
    """
    try:
        recorded = redact(target)
    except ValueError:
        recorded = target
    return _USERINFO.sub(r"\1", recorded, count=1)

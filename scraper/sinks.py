"""Where a batch's records go, and the thread that writes them there.

`RecordSink` writes JSON Lines (a file, or stdout), `DirSink` one file per record.
`Writer` runs either in a thread of its own, so that a reader slow to take the
records (a pager, a paused `jq`) stalls that thread, never the event loop: a loop
blocked in write() would let every timer lapse at once (the page guard, the fetch
deadlines, the hosts' turns), and good pages would get PageTimeout records.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import queue
import stat
import sys
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Protocol

from scraper.models import Outcome
from scraper.outdir import RecordDir
from scraper.write import json_line


class OutputClosed(Exception):
    """stdout went away (`scraper batch list | head`): stop quietly."""


class BatchFailed(Exception):
    """The batch cannot go on at all (the extraction workers do not start)."""


def open_output(path: Path) -> BinaryIO:
    """`path` opened to append, unbuffered, and locked (an advisory `flock`, held while it
    is open): two batches writing one file would wipe or interleave each other's records,
    so a second is refused before it touches a byte. Where the file system has no locks,
    nothing is locked."""
    try:
        handle = open(path, "ab", buffering=0)  # noqa: SIM115
    except OSError as exc:  # no such directory, no permission, a directory by that name
        raise BatchFailed(f"cannot write records to {path}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise BatchFailed(
            f"{path} is being written by another scraper batch: let it finish, or write elsewhere"
        ) from None
    except OSError:
        pass  # no locks here (some network file systems): as before, unguarded
    return handle


class RecordSink:
    """JSON Lines out: each record one complete line, in one write(), flushed."""

    def __init__(self, output: Path | None, append: bool) -> None:
        self._stdout = output is None
        # Unbuffered: what write() took is in the file, whatever happens to us next.
        # Closed by close(), at the end of the run, not by a with-block.
        if output is None:
            self._stream: BinaryIO = sys.stdout.buffer
            return
        # Opened to append, and emptied only once it is ours: "wb" would empty the file
        # another batch is writing before the lock could say so.
        self._stream = open_output(output)
        if not append and stat.S_ISREG(os.fstat(self._stream.fileno()).st_mode):
            self._stream.truncate(0)

    def write(self, outcome: Outcome) -> None:
        line = json_line(outcome.record.to_dict()).encode("utf-8", "replace") + b"\n"
        view = memoryview(line)
        try:
            while view:
                written = self._stream.write(view)
                # An unbuffered file may take less than asked (a signal, a full disk):
                # the rest goes in the next call, never interleaved with another record.
                view = view[written if written is not None else len(view) :]
            self._stream.flush()
        except BrokenPipeError:
            # Point stdout at /dev/null so the interpreter's final flush stays quiet too.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise OutputClosed from None
        except OSError as exc:  # a full disk, a vanished mount: nothing more can be kept
            raise BatchFailed(f"cannot write records: {exc}") from None

    def close(self) -> None:
        if not self._stdout:
            self._stream.close()


class DirSink:
    """One file per record in a directory; names safe and unique (`scraper.outdir`)."""

    def __init__(self, directory: Path) -> None:
        try:
            self._dir = RecordDir(directory)
        except OSError as exc:
            raise BatchFailed(f"cannot use output directory {directory}: {exc}") from None

    def write(self, outcome: Outcome) -> None:
        try:
            self._dir.write(outcome.record)
        except OSError as exc:
            raise BatchFailed(f"cannot write records: {exc}") from None

    def close(self) -> None:
        return None


class Sink(Protocol):
    def write(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


Written = Callable[[], None]


class Writer:
    """Writes records to a sink in a thread of its own, in the order given.

    `write()` returns at once; the record's `written` callback runs on the event loop
    once its line is out (and only then: a record the sink never took has no callback),
    so a caller that waits for it (the batch gives a target's window slot back then)
    slows down with the reader instead of filling memory, and a caller that counts
    there counts what was written. `close()` runs the callbacks of the records written
    by then, so the count is complete when it returns. A sink that fails
    (`OutputClosed`, `BatchFailed`) stops the thread and is reported to `failed`, on
    the loop, unless `close()` has been called by then (it returns the failure
    instead); later records are dropped, as the batch is stopping.
    """

    def __init__(self, sink: Sink, failed: Callable[[Exception], None]) -> None:
        self._sink = sink
        self._failed = failed
        self._loop = asyncio.get_running_loop()
        self._queue: queue.SimpleQueue[tuple[Outcome, Written | None] | None] = queue.SimpleQueue()
        self._done: deque[Written] = deque()
        """Callbacks of records written, waiting for the loop (`_deliver`)."""
        self._closed = False
        self.error: OutputClosed | BatchFailed | None = None
        self._thread = threading.Thread(target=self._run, name="scraper-records", daemon=True)
        self._thread.start()

    def write(self, outcome: Outcome, written: Written | None = None) -> None:
        self._queue.put((outcome, written))

    def close(self, wait: float | None = None) -> OutputClosed | BatchFailed | None:
        """Write what is queued (for at most `wait` seconds), close the sink, run the
        callbacks of the records written; the sink's failure, if it had one. Past `wait`
        the thread is left to finish on its own. Closing again only says the failure."""
        if self._closed:
            return self.error
        self._closed = True
        self._queue.put(None)
        self._thread.join(wait)
        if not self._thread.is_alive():
            self._sink.close()
        self._deliver()
        return self.error

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            outcome, written = item
            try:
                self._sink.write(outcome)
            except (OutputClosed, BatchFailed) as exc:
                self.error = exc
                self._call(self._report, exc)
                return
            if written is not None:
                self._done.append(written)
                self._call(self._deliver)

    def _deliver(self) -> None:
        # On the loop only (a callback, or `close`): never two at once.
        while self._done:
            self._done.popleft()()

    def _report(self, error: Exception) -> None:
        if not self._closed:  # else `close` returns it, to a caller no longer running tasks
            self._failed(error)

    def _call(self, callback: Callable[..., None], *args: object) -> None:
        # The loop may have closed (an interrupted run): then nobody is waiting any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(callback, *args)

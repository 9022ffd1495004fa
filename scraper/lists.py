"""A batch's list of targets, read as a stream: lines are taken as they arrive.

A list may be a file of a million lines or a pipe that a producer writes a
line a second into (a crawler's frontier, `tail -f`). `ListReader.lines()`
suits both: each read takes what the file or pipe holds at that moment, up
to `READ_BYTES`, and blocks only while it holds nothing, so a file goes
64 KB at a time and a pipe's line is handed on the moment it is complete.

The reads happen in a daemon thread of the reader's own, not in asyncio's
executor: `asyncio.run` waits for the executor's threads when it ends, and a
read from a producer gone quiet would hold Ctrl-C up until the producer
closes the pipe. The thread reads the file descriptor with `os.read`, not
through a buffered file object, whose lock the blocked thread would hold
while the interpreter shuts down around it.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import io
import os
import queue
import threading
from collections.abc import Iterator
from typing import TextIO

READ_BYTES = 64 * 1024
"""Most bytes taken from the list per read."""


BOM = "\ufeff"


def target_of(line: str) -> str | None:
    """A list line's target: stripped; None for a blank line or a `#` comment. A byte-order
    mark at the start of any line goes too: `cat a.txt b.txt` puts b.txt's in the middle."""
    target = line.strip().removeprefix(BOM).strip()
    if target and not target.startswith("#"):
        return target
    return None


def read_targets(stream: TextIO) -> Iterator[str]:
    """Targets from a list: stripped, no blanks, no `#` comments."""
    for line in stream:
        if (target := target_of(line)) is not None:
            yield target


def list_encoding(head: bytes) -> str:
    """A list's encoding by its first bytes: UTF-16 where it opens with that byte-order mark
    (what Windows PowerShell's `>` writes), else UTF-8, less its BOM if it has one."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8-sig"


def count_targets(path: str) -> int | None:
    """How many targets a list file holds (for the progress bar's total), reading bytes fast;
    None for a UTF-16 list, whose bytes this does not read."""
    count = 0
    with open(path, "rb") as handle:
        if list_encoding(handle.read(2)) == "utf-16":
            return None
        handle.seek(0)
        for line in handle:
            stripped = line.strip().removeprefix(BOM.encode()).strip()
            if stripped and not stripped.startswith(b"#"):
                count += 1
    return count


class Lines:
    """Bytes from a file descriptor -> complete lines, decoded as `list_encoding` says
    (bad bytes replaced), with `\\r\\n` and `\\r` read as line ends, as Python's text files do."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._head = b""
        self._decoder: io.IncrementalNewlineDecoder | None = None
        self._pending: list[str] = []
        """The start of a line whose end has not come yet."""

    def read(self) -> list[str] | None:
        """The complete lines of the next read (one or more), or None at the end."""
        while True:
            data = os.read(self._fd, READ_BYTES)
            if self._decoder is None:
                # Two bytes tell the encoding; a pipe may bring fewer at first.
                self._head += data
                if data and len(self._head) < 2:
                    continue
                encoding = list_encoding(self._head)
                self._decoder = io.IncrementalNewlineDecoder(
                    codecs.getincrementaldecoder(encoding)(errors="replace"), translate=True
                )
                data, self._head = self._head, b""
            text = self._decoder.decode(data, final=not data)
            *lines, tail = text.split("\n")
            if lines:
                lines[0] = "".join(self._pending) + lines[0]
                self._pending = []
            self._pending.append(tail)
            if not data:  # the end: a last line without its line break is a line too
                last = "".join(self._pending)
                self._pending = []
                if last:
                    lines.append(last)
                return lines or None
            if lines:
                return lines


class ListReader:
    """The lines of a list file or of stdin (`-`), read in a daemon thread one `next()` at a time."""

    def __init__(self, fd: int, owned: bool) -> None:
        """`fd` is read until its end; closed at the end when `owned` (a file we opened)."""
        self._lines = Lines(fd)
        self._fd = fd
        self._owned = owned
        self._asks: queue.SimpleQueue[asyncio.Future[list[str] | None] | None] = queue.SimpleQueue()
        self._loop = asyncio.get_running_loop()
        self._thread = threading.Thread(target=self._serve, name="scraper-list", daemon=True)
        self._thread.start()

    @classmethod
    def open(cls, source: str) -> ListReader:
        """The list at `source`, or stdin for "-"."""
        if source == "-":
            return cls(0, owned=False)
        return cls(os.open(source, os.O_RDONLY), owned=True)

    async def next(self) -> list[str] | None:
        """The next lines, as soon as at least one is complete; None at the end of the list."""
        future: asyncio.Future[list[str] | None] = self._loop.create_future()
        self._asks.put(future)
        return await future

    def close(self) -> None:
        """No more reads. A read in progress (a pipe gone quiet) is left to the thread,
        which closes the file once it returns."""
        self._asks.put(None)

    def _serve(self) -> None:
        try:
            while (future := self._asks.get()) is not None:
                try:
                    lines = self._lines.read()
                except Exception as exc:
                    self._settle(future, None, exc)
                    return
                self._settle(future, lines, None)
        finally:
            if self._owned:
                os.close(self._fd)

    def _settle(
        self, future: asyncio.Future[list[str] | None], lines: list[str] | None, error: Exception | None
    ) -> None:
        def settle() -> None:
            if future.done():  # the batch stopped waiting (Ctrl-C)
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(lines)

        # The loop may have closed meanwhile (an interrupted run): nobody is waiting any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(settle)

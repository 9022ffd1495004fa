"""What runs in an extraction worker (`scraper.workers` is the parent's side): the jobs,
the framing of the socket they come and go on, and the loop that answers them.

A spawned worker starts on this module, so it imports only what a worker needs: the
extractor, not the event loop nor the fetcher (asyncio and httpx are about a tenth of
a second of every worker's start-up). The parent imports it too, for the job functions
it sends by reference and the frames it reads.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib
import pickle
import signal
import socket
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scraper.errors import FileReadError, ScraperError
from scraper.models import Outcome
from scraper.pipeline import STDIN, error_outcome, local_page, read_page_file, record_from_page
from scraper.raw import RawPage, decode_page

HEADER = struct.Struct("!Q")
"""Each frame's length, before it."""
READY = b"ready"
"""A worker's first frame: it has imported `PRELOAD` and waits for jobs."""


def extract_raw(raw: RawPage) -> Outcome:
    """A fetched page -> Outcome (decode, then extract): a batch's, JSON only."""
    return record_from_page(decode_page(raw))


def extract_fetched(raw: RawPage) -> Outcome:
    """`extract_raw` for `scraper extract`, whose `-f markdown` prints the body's Markdown."""
    return record_from_page(decode_page(raw), markdown=True)


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


def extract_saved(job: tuple[str, str | None, int]) -> Outcome:
    """(path, --url, size cap) -> Outcome: a saved page as `scraper extract` reads it."""
    path, url, max_bytes = job
    try:
        page = read_page_file(path, url, max_bytes)
    except ScraperError as exc:
        return error_outcome(url or path, exc)
    return record_from_page(page, markdown=True)


def extract_stdin(job: tuple[bytes, str | None, int]) -> Outcome:
    """(bytes read from stdin, --url, size cap) -> Outcome (the parent reads stdin: a worker has none)."""
    data, url, max_bytes = job
    try:
        page = local_page(data, STDIN, url, max_bytes)
    except ScraperError as exc:
        return error_outcome(url or STDIN, exc)
    return record_from_page(page, markdown=True)


@dataclass(frozen=True, slots=True)
class Crash:
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
    sock.sendall(HEADER.pack(len(data)) + data)


# What a spawned worker imports before it says it is ready: the extractor, and the
# engines it calls on some pages only (which `scraper.extract` itself leaves for the
# first page that needs them). Imported during a page, they would count against that
# page's guard (`page_timeout`); imported here, they count against no page, and a
# worker that cannot import them dies before it is ready (`MAX_START_FAILURES`).
PRELOAD = ("scraper.extract", "trafilatura", "htmldate")


def serve(sock: socket.socket, inherited: Sequence[socket.socket] = (), preload: bool = False) -> None:
    """A worker's whole life: answer jobs until the parent closes the socket.

    `inherited`: the parent's ends of socket pairs that a forked worker got a copy of
    (its own among them); while the worker held one open, the parent's death would
    never reach that socket's worker as EOF. `preload`: import `PRELOAD` first (a
    forked worker has what its parent imported).
    """
    # Ctrl-C and SIGTERM sent to the process group are the parent's to act on: it stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for end in inherited:
        end.close()
    if preload:
        for module in PRELOAD:
            importlib.import_module(module)
    # What is loaded by now lives as long as the worker: out of the collector's sight,
    # the full collections a long batch triggers no longer walk it. (The collector is
    # about 2% of extraction's CPU, its full collections over half of that; frozen,
    # they take half as long.)
    gc.freeze()
    # The parent going away mid-page (Ctrl-C, kill -9, end of batch) is how we stop.
    with contextlib.suppress(ConnectionError, OSError):
        _answer(sock)


def _answer(sock: socket.socket) -> None:
    _send_frame(sock, READY)
    while True:
        header = _recv_exact(sock, HEADER.size)
        if header is None:
            return
        payload = _recv_exact(sock, HEADER.unpack(header)[0])
        if payload is None:
            return
        job, arg = pickle.loads(payload)
        try:
            result: Any = job(arg)
        except Exception as exc:
            result = Crash(f"{type(exc).__name__}: {exc}")
        _send_frame(sock, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


def serve_fd(fd: int) -> None:
    """A spawned worker's entry point: serve jobs on the inherited socket `fd`."""
    serve(socket.socket(fileno=fd), preload=True)

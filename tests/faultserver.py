"""A small HTTP/1.1 server on raw asyncio sockets, for the faults a polite server never makes.

It listens on one or more loopback addresses (127.0.0.1, 127.0.0.2, ... are
distinct hosts on Linux), runs in a background thread with its own event loop,
and keeps counts the tests assert on: requests per host and path, and the
most requests one host had in flight at once. Nothing here leaves 127.0.0.0/8.

    with FaultServer(hosts=3) as server:
        server.route("/a", page(article_html(), delay=0.2))
        server.route("/reset", reset_mid_body())
        url = server.url("/a", host=1)          # http://127.0.0.2:PORT/a

A handler is `async def handler(request, conn) -> None`; `conn` writes raw
bytes, so a handler can send half a body, reset the connection or drip.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType


@dataclass
class Request:
    method: str
    path: str
    """Path with the query string."""
    headers: dict[str, str]
    host: str
    """The address the request arrived on, e.g. "127.0.0.2"."""

    @property
    def route(self) -> str:
        return self.path.split("?", 1)[0]


class Conn:
    def __init__(self, writer: asyncio.StreamWriter, stats: Stats, key: str) -> None:
        self.writer = writer
        self.stats = stats
        self.key = key
        self.keep_alive = True

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()
        self.stats.bytes_sent[self.key] += len(data)

    async def respond(
        self, status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> None:
        head = {"Content-Length": str(len(body)), **(headers or {})}
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}"]
        lines += [f"{k}: {v}" for k, v in head.items()]
        # UTF-8, not latin-1: a hostile header (a snowman in a Location) goes out as the raw
        # bytes a real server would send, instead of failing here.
        await self.send(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body)

    def reset(self) -> None:
        """Close with RST instead of FIN: the client sees 'connection reset by peer'."""
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.writer.transport.abort()
        self.keep_alive = False

    def close(self) -> None:
        self.writer.close()
        self.keep_alive = False


Handler = Callable[[Request, Conn], Awaitable[None]]

REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass
class Stats:
    requests: Counter[str] = field(default_factory=Counter)
    """Requests per "host path" (path without query)."""
    in_flight: Counter[str] = field(default_factory=Counter)
    max_in_flight: Counter[str] = field(default_factory=Counter)
    """Most requests one host had in flight at once."""
    log: list[tuple[float, str, str]] = field(default_factory=list)
    """(monotonic time the request arrived, host, path)."""
    bytes_sent: Counter[str] = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)
    connections: Counter[str] = field(default_factory=Counter)
    """TCP connections accepted per host."""
    total_in_flight: int = 0
    max_total_in_flight: int = 0
    """Most requests in flight at once, all hosts together."""

    def count(self, path: str, host: str | None = None) -> int:
        return sum(
            n
            for key, n in self.requests.items()
            if key.split(" ", 1)[1] == path and (host is None or key.split(" ", 1)[0] == host)
        )


class FaultServer:
    def __init__(self, hosts: int = 1) -> None:
        self.addresses = [f"127.0.0.{i + 1}" for i in range(hosts)]
        self.ports: dict[str, int] = {}
        self.stats = Stats()
        self._routes: dict[str, Handler] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.base_events.Server] = []
        self._lock = threading.Lock()

    # -- set-up -------------------------------------------------------------------

    def route(self, path: str, handler: Handler) -> None:
        """Exact path, or a prefix when `path` ends with "/" (longest prefix wins)."""
        self._routes[path] = handler

    def url(self, path: str, host: int = 0) -> str:
        address = self.addresses[host]
        return f"http://{address}:{self.ports[address]}{path}"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        for address in self.addresses:
            server = asyncio.run_coroutine_threadsafe(self._listen(address), self._loop).result(10)
            self._servers.append(server)
            self.ports[address] = server.sockets[0].getsockname()[1]
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        async def stop() -> None:
            for server in self._servers:
                server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _listen(self, address: str) -> asyncio.base_events.Server:
        return await asyncio.start_server(lambda r, w: self._serve(r, w, address), address, 0, backlog=512)

    # -- serving ------------------------------------------------------------------

    def _handler(self, route: str) -> Handler:
        if route in self._routes:
            return self._routes[route]
        prefixes = [p for p in self._routes if p.endswith("/") and route.startswith(p)]
        if prefixes:
            return self._routes[max(prefixes, key=len)]
        return respond(404, b"not here")

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        with self._lock:
            self.stats.connections[host] += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                request = Request(method, path, headers, host)
                key = f"{host} {request.route}"
                conn = Conn(writer, self.stats, key)
                with self._lock:
                    self.stats.requests[key] += 1
                    self.stats.log.append((time.monotonic(), host, request.route))
                    self.stats.user_agents.add(headers.get("user-agent", ""))
                    self.stats.in_flight[host] += 1
                    self.stats.max_in_flight[host] = max(
                        self.stats.max_in_flight[host], self.stats.in_flight[host]
                    )
                    self.stats.total_in_flight += 1
                    self.stats.max_total_in_flight = max(
                        self.stats.max_total_in_flight, self.stats.total_in_flight
                    )
                try:
                    await self._handler(request.route)(request, conn)
                finally:
                    with self._lock:
                        self.stats.in_flight[host] -= 1
                        self.stats.total_in_flight -= 1
                if not conn.keep_alive or writer.is_closing():
                    return
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


# -- handlers -------------------------------------------------------------------------


def respond(
    status: int = 200,
    body: bytes | str = b"",
    content_type: str | None = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
    delay: float = 0.0,
) -> Handler:
    data = body.encode("utf-8") if isinstance(body, str) else body

    async def handler(request: Request, conn: Conn) -> None:
        if delay:
            await asyncio.sleep(delay)
        extra = dict(headers or {})
        if content_type is not None:
            extra["Content-Type"] = content_type
        await conn.respond(status, data, extra)

    return handler


def sequence(*handlers: Handler) -> Handler:
    """The n-th request gets the n-th handler; the last one repeats."""
    calls = 0

    async def handler(request: Request, conn: Conn) -> None:
        nonlocal calls
        calls += 1
        await handlers[min(calls, len(handlers)) - 1](request, conn)

    return handler


def reset_mid_body(total: int = 100_000, sent: int = 5_000) -> Handler:
    """Promise `total` bytes, send `sent` of them, then reset the connection."""

    async def handler(request: Request, conn: Conn) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {total}\r\n\r\n"
        await conn.send(head.encode() + b"<html><body>" + b"x" * sent)
        await asyncio.sleep(0.05)
        conn.reset()

    return handler


def drip(interval: float = 0.2, forever: float = 120.0) -> Handler:
    """Headers at once, then one byte every `interval` s: never a read timeout, never done."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<")
        deadline = time.monotonic() + forever
        while time.monotonic() < deadline:
            await asyncio.sleep(interval)
            await conn.send(b"p")

    return handler


def truncated_gzip(html: str) -> Handler:
    """A gzip body cut in half, with a Content-Length that matches the cut: the HTTP
    framing is complete, only the gzip stream is short."""
    packed = gzip.compress(html.encode("utf-8"))
    cut = packed[: len(packed) // 2]
    return respond(200, cut, headers={"Content-Encoding": "gzip"})


def endless(
    total: int, chunk: int = 65_536, declare_length: bool = False, content_type: str = "text/html"
) -> Handler:
    """`total` bytes of HTML, chunked (no Content-Length) unless `declare_length`."""

    async def handler(request: Request, conn: Conn) -> None:
        block = b"<p>" + b"a" * (chunk - 7) + b"</p>\n"
        if declare_length:
            head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {total}\r\n\r\n"
            await conn.send(head.encode())
            sent = 0
            while sent < total:
                await conn.send(block)
                sent += len(block)
            return
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
        await conn.send(head.encode())
        sent = 0
        while sent < total:
            await conn.send(f"{len(block):x}\r\n".encode() + block + b"\r\n")
            sent += len(block)
        await conn.send(b"0\r\n\r\n")

    return handler

"""Content-Encoding -> bytes, with an exact cap on the output and truncation detected.

httpx can decode gzip for us, but it inflates each network chunk in full (a
64 KB chunk of a gzip bomb becomes 64 MB before anyone can count it) and says
nothing when a compressed stream stops short, so a cut-off page would pass for
a whole one. Inflating here lets the fetcher stop at exactly `max_bytes` and
refuse a truncated body.

    inflater = inflater_for(response.headers.get("content-encoding"))
    out = inflater.feed(chunk, room)   # never more than room + 1 bytes
    tail = inflater.finish(room)       # raises TruncatedBody if the stream stopped short
"""

from __future__ import annotations

import zlib
from typing import Protocol

import brotli  # type: ignore[import-untyped]

# What we ask for in Accept-Encoding: exactly what `inflater_for` can undo.
ACCEPT_ENCODING = "gzip, deflate, br"
# The first two bytes of every gzip member; no HTML page starts with them.
GZIP_MAGIC = b"\x1f\x8b"


class TruncatedBody(Exception):
    """The compressed stream ended before its end marker."""


class UnsupportedEncoding(Exception):
    """A registered Content-Encoding we did not ask for and cannot undo (`UNDECODABLE`)."""


class Inflater(Protocol):
    def feed(self, data: bytes, room: int) -> bytes:
        """Decode `data`; returns at most `room + 1` bytes, so overflow is visible."""
        ...

    def finish(self, room: int) -> bytes:
        """Whatever is left; raises TruncatedBody if the stream is incomplete."""
        ...


class Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data[: room + 1]

    def finish(self, room: int) -> bytes:
        return b""


class Zlib:
    """gzip (several members allowed, as in `cat a.gz b.gz`) or deflate (zlib-wrapped or raw).

    Bytes after the end of the stream that start no gzip member (a newline a PHP footer
    prints after its gzip handler, NUL padding) are ignored, as browsers ignore them.
    """

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._wbits = 16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS
        self._d = zlib.decompressobj(self._wbits)
        self._started = False
        self._after_end = b""  # a lone first byte of GZIP_MAGIC, its second byte still to come
        self._ignoring = False  # the stream has ended, and what followed was no gzip member

    def feed(self, data: bytes, room: int) -> bytes:
        out = b""
        while data and len(out) <= room:
            if self._d.eof:
                data = self._next_member(data)
                continue
            try:
                # With a max_length, zlib stops once the output is that long; a shorter
                # output means the input was used up, so nothing is left in unconsumed_tail
                # except when we are over the cap, which ends the body anyway.
                out += self._d.decompress(data, room + 1 - len(out))
            except zlib.error as exc:
                if not self._gzip and not self._started:
                    # Some servers send raw deflate under "deflate"; browsers accept it.
                    self._wbits = -zlib.MAX_WBITS
                    self._d = zlib.decompressobj(self._wbits)
                    self._started = True
                    continue
                raise TruncatedBody(f"corrupt {self._name} stream: {exc}") from None
            self._started = True
            data = self._d.unused_data if self._d.eof else b""
        return out

    def _next_member(self, data: bytes) -> bytes:
        """`data` after the stream's end: returned, with a fresh decompressor, if it starts
        another gzip member; else b"" (ignored, and so is the rest of the body)."""
        if self._ignoring or not self._gzip:
            return b""
        data = self._after_end + data
        if len(data) < len(GZIP_MAGIC) and GZIP_MAGIC.startswith(data):
            self._after_end = data  # the chunk ended between the magic's two bytes
            return b""
        self._after_end = b""
        if not data.startswith(GZIP_MAGIC):
            self._ignoring = True
            return b""
        self._d = zlib.decompressobj(self._wbits)
        return data

    def finish(self, room: int) -> bytes:
        try:
            out = self._d.flush()
        except zlib.error as exc:
            raise TruncatedBody(f"corrupt {self._name} stream: {exc}") from None
        if not self._d.eof and self._started:
            raise TruncatedBody(f"{self._name} stream ends before its end marker")
        return out[: room + 1]

    @property
    def _name(self) -> str:
        return "gzip" if self._gzip else "deflate"


class Brotli:
    def __init__(self) -> None:
        self._d = brotli.Decompressor()
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        if not data:
            return b""
        self._started = True
        try:
            # The limit stops the output buffer growing once past it (by up to one
            # block), so a brotli bomb costs a bounded allocation, never its full size.
            out: bytes = self._d.process(data, output_buffer_limit=room + 1)
        except brotli.error as exc:
            raise TruncatedBody(f"corrupt brotli stream: {exc}") from None
        return out[: room + 1]

    def finish(self, room: int) -> bytes:
        if self._started and not self._d.is_finished():
            raise TruncatedBody("brotli stream ends before its end marker")
        return b""


class Chain:
    """`Content-Encoding: gzip, br` means br(gzip(body)): undo the last one first."""

    def __init__(self, layers: list[Inflater]) -> None:
        self._layers = layers

    def feed(self, data: bytes, room: int) -> bytes:
        for layer in self._layers:
            data = layer.feed(data, room)
        return data

    def finish(self, room: int) -> bytes:
        data = b""
        for layer in self._layers:
            data = layer.feed(data, room) + layer.finish(room)
        return data


# Content codings registered with IANA that we know but cannot undo: a body in one is refused.
# Any other label ("identity", or one nobody registered: "utf-8", "none", "binary", a server's
# misconfiguration) is passed through, as browsers pass it, and the body judged as it stands.
UNDECODABLE = frozenset({"zstd", "compress", "x-compress", "dcb", "dcz", "exi", "pack200-gzip", "aes128gcm"})


def inflater_for(content_encoding: str | None) -> Inflater:
    """The inflater for a Content-Encoding list (the last coding applied is undone first);
    raises UnsupportedEncoding for a coding in `UNDECODABLE`."""
    names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
    layers: list[Inflater] = []
    for name in reversed(names):
        if name in ("gzip", "x-gzip"):
            layers.append(Zlib(gzip=True))
        elif name == "deflate":
            layers.append(Zlib(gzip=False))
        elif name == "br":
            layers.append(Brotli())
        elif name in UNDECODABLE:
            raise UnsupportedEncoding(f"unsupported Content-Encoding: {name}")
    if not layers:
        return Identity()
    return layers[0] if len(layers) == 1 else Chain(layers)


class OverCap(Exception):
    """The stream inflates past the cap it was read under."""


def gunzip(data: bytes, cap: int) -> bytes:
    """A whole gzip file (members end to end allowed) -> its content, at most `cap` bytes.

    For a file read whole, from disk or as an HTTP body that is itself a
    `.gz`: raises TruncatedBody when it is corrupt or stops short (a partial
    page would pass for a short one), OverCap past `cap` (a gzip bomb is
    refused, not inflated: at most `cap + 1` bytes are ever made).
    """
    inflater = Zlib(gzip=True)
    out = inflater.feed(data, cap)
    if len(out) <= cap:
        out += inflater.finish(cap - len(out))
    if len(out) > cap:
        raise OverCap(f"gzip file inflates to over the {cap:,}-byte cap")
    return out

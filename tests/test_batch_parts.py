"""The batch's small parts as plain tables: URL digests, resume repair, host queues, inflating,
the fetcher's hook at a redirect, the records' writer."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
import time
import zlib
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import httpx
import pytest

from scraper.batch import read_targets
from scraper.digests import DigestSet
from scraper.errors import FetchError, FetchTimeout
from scraper.fetch import Fetcher
from scraper.hosts import HostTable, Overflow, shard_of
from scraper.inflate import TruncatedBody, UnsupportedEncoding, inflater_for
from scraper.models import Outcome
from scraper.pipeline import error_outcome
from scraper.raw import RawPage
from scraper.resume import prepare_resume
from scraper.settings import Settings
from scraper.sinks import BatchFailed, OutputClosed, RecordSink, Writer
from tests.conftest import article_html

# -- digests ---------------------------------------------------------------------------------


def test_digest_set_across_compactions() -> None:
    seen = DigestSet(buffer=64)  # compacts every 64 additions
    urls = [f"https://example.com/{i}" for i in range(1000)]
    assert all(seen.add(url) for url in urls)
    assert not any(seen.add(url) for url in urls)
    assert len(seen) == 1000
    assert all(url in seen for url in urls)
    assert "https://example.com/1000" not in seen and 42 not in seen


def test_read_targets_skips_blanks_and_comments() -> None:
    import io

    text = "# list\n\n  https://a/1  \n\t\n#https://b\nfile.html\n"
    assert list(read_targets(io.StringIO(text))) == ["https://a/1", "file.html"]


# -- resume ----------------------------------------------------------------------------------


def record(url: str, ok: bool = True) -> bytes:
    data = {"url": url, "final_url": url, "status": 200, "ok": ok}
    if not ok:
        data["error"] = {"type": "ConnectError", "message": "refused"}
    return json.dumps(data).encode() + b"\n"


def test_resume_of_a_missing_file(tmp_path: Path) -> None:
    state = prepare_resume(tmp_path / "none.jsonl")
    assert len(state.done) == 0 and not (tmp_path / "none.jsonl").exists()


def test_resume_cuts_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record("u1") + record("u2", ok=False) + b'{"url": "u3", "fin')
    state = prepare_resume(path)
    assert path.read_bytes() == record("u1") + record("u2", ok=False)
    assert "u1" in state.done and "u2" in state.done and "u3" not in state.done
    assert (state.ok, state.failed, state.dropped_lines) == (1, 1, 1)


def test_resume_cuts_an_unparsable_last_line_even_with_its_newline(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record("u1") + b'{"url": "u2", "final_url\n')
    prepare_resume(path)
    assert path.read_bytes() == record("u1")


def test_resume_drops_garbage_in_the_middle_by_rewriting(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record("u1") + b"garbage\n" + record("u2") + b"[1, 2]\n" + record("u3"))
    state = prepare_resume(path)
    assert path.read_bytes() == record("u1") + record("u2") + record("u3")
    assert state.dropped_lines == 2 and len(state.done) == 3
    assert not list(tmp_path.glob("*.resume-tmp"))


def test_retry_failed_drops_error_records(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record("u1") + record("u2", ok=False) + record("u3") + record("u4", ok=False))
    state = prepare_resume(path, retry_failed=True)
    assert path.read_bytes() == record("u1") + record("u3")
    assert state.dropped_failed == 2 and "u2" not in state.done and "u1" in state.done


def test_resume_of_a_clean_file_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    body = record("u1") + record("u2", ok=False)
    path.write_bytes(body)
    before = path.stat().st_mtime_ns
    prepare_resume(path)
    assert path.read_bytes() == body and path.stat().st_mtime_ns == before


# -- hosts ------------------------------------------------------------------------------------


def test_host_queue_spills_in_order_and_comes_back() -> None:
    overflow = Overflow()
    table = HostTable(delay=0.0, queue_cap=3, overflow=overflow)
    host = table.get("a")
    kept = [table.push(host, f"https://a/{i}") for i in range(10)]
    assert kept == [True] * 3 + [False] * 7
    assert host.waiting == 10 and overflow.parked == 7
    popped = []
    while (item := table.pop(host)) is not None:
        popped.append(item)
    assert [url for url, _ in popped] == [f"https://a/{i}" for i in range(10)]
    assert [in_memory for _, in_memory in popped] == [True] * 3 + [False] * 7
    # Once drained, the host keeps targets in memory again.
    assert table.push(host, "https://a/again")
    overflow.close()


def test_non_ascii_targets_survive_the_overflow_file() -> None:
    overflow = Overflow()
    offset = overflow.park("https://例え.jp/ページ?q=ü")
    assert overflow.take(offset) == "https://例え.jp/ページ?q=ü"
    overflow.close()


def test_shards_are_stable_and_spread() -> None:
    # The same host lands in the same shard on every machine and every run.
    assert shard_of("example.com", 4) == shard_of("example.com", 4)
    assert shard_of("example.com", 1) == 1
    counts = [0, 0, 0, 0]
    for i in range(400):
        counts[shard_of(f"host{i}.example", 4) - 1] += 1
    assert min(counts) > 60


# -- inflate ----------------------------------------------------------------------------------

HTML = b"<html><body>" + b"<p>Some text, repeated.</p>" * 2000 + b"</body></html>"


def inflate(encoding: str, data: bytes, cap: int = 10_000_000, chunk: int = 1000) -> bytes:
    inflater = inflater_for(encoding)
    out = b""
    for i in range(0, len(data), chunk):
        out += inflater.feed(data[i : i + chunk], cap - len(out))
        if len(out) > cap:
            return out
    return out + inflater.finish(cap - len(out))


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", gzip.compress(HTML)),
        ("x-gzip", gzip.compress(HTML)),
        ("deflate", zlib.compress(HTML)),
        ("deflate", zlib.compress(HTML)[2:-4]),  # raw deflate, as some servers send it
        ("br", brotli.compress(HTML)),
        ("gzip, br", brotli.compress(gzip.compress(HTML))),
        ("identity", HTML),
        ("", HTML),
    ],
)
def test_inflate(encoding: str, packed: bytes) -> None:
    assert inflate(encoding, packed) == HTML


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [("gzip", gzip.compress(HTML)), ("deflate", zlib.compress(HTML)), ("br", brotli.compress(HTML))],
)
def test_truncated_streams_are_refused(encoding: str, packed: bytes) -> None:
    with pytest.raises(TruncatedBody):
        inflate(encoding, packed[: len(packed) // 2])


@pytest.mark.parametrize("tail", [b"\n", b"\r\n", b"\0" * 4, b"\x1f", b"\x1f\x1f junk", b"<!-- footer -->"])
@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_bytes_after_the_gzip_stream_that_start_no_member_are_ignored(tail: bytes, chunk: int) -> None:
    """As browsers ignore them (a newline after PHP's gzip handler, NUL padding), in any
    chunking, a lone first byte of the gzip magic at the end included."""
    assert inflate("gzip", gzip.compress(HTML) + tail, chunk=chunk) == HTML
    assert inflate("deflate", zlib.compress(HTML) + tail, chunk=chunk) == HTML


@pytest.mark.parametrize("chunk", [1, 1000])
def test_a_second_gzip_member_is_still_read_and_a_broken_one_refused(chunk: int) -> None:
    half = len(HTML) // 2
    two = gzip.compress(HTML[:half]) + gzip.compress(HTML[half:])
    assert inflate("gzip", two, chunk=chunk) == HTML
    with pytest.raises(TruncatedBody):
        inflate("gzip", two[: len(two) - 40], chunk=chunk)


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_output_stops_just_past_the_cap(encoding: str) -> None:
    bomb = (gzip.compress if encoding == "gzip" else brotli.compress)(b"a" * 50_000_000)
    out = inflate(encoding, bomb, cap=100_000, chunk=65_536)
    assert 100_000 < len(out) <= 100_001 + 65_536


@pytest.mark.parametrize("encoding", ["zstd", "compress", "gzip, zstd"])
def test_an_encoding_we_cannot_undo_is_refused(encoding: str) -> None:
    with pytest.raises(UnsupportedEncoding):
        inflater_for(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "none", "binary", "8bit"])
def test_an_encoding_no_registry_knows_is_passed_through(encoding: str) -> None:
    assert inflate(encoding, HTML) == HTML


def test_an_output_file_that_cannot_be_opened_ends_the_batch_with_a_message(tmp_path: Path) -> None:
    """The batch's own failure (`BatchFailed`: a message and exit 1), not a traceback."""
    with pytest.raises(BatchFailed, match=r"cannot write records to .*out\.jsonl: No such file"):
        RecordSink(tmp_path / "missing" / "out.jsonl", append=False)
    (tmp_path / "taken").mkdir()
    with pytest.raises(BatchFailed, match=r"cannot write records to .*taken: Is a directory"):
        RecordSink(tmp_path / "taken", append=True)


# -- the records' writer thread ---------------------------------------------------------------


class _StalledSink:
    """A sink whose reader takes nothing until `go` is set (a pager, a paused `jq`)."""

    def __init__(self, fail_with: Exception | None = None) -> None:
        self.go = threading.Event()
        self.lines: list[str] = []
        self.closed = False
        self._fail_with = fail_with

    def write(self, outcome: Outcome) -> None:
        self.go.wait(10)
        if self._fail_with is not None:
            raise self._fail_with
        self.lines.append(outcome.record.url)

    def close(self) -> None:
        self.closed = True


def _outcome(url: str) -> Outcome:
    return error_outcome(url, FetchError("refused"))


def test_a_stalled_reader_stalls_the_writer_not_the_event_loop() -> None:
    sink = _StalledSink()
    written: list[str] = []

    async def go() -> tuple[list[str], list[str]]:
        writer = Writer(sink, failed=lambda error: None)
        for url in ("a", "b", "c"):
            writer.write(_outcome(url), lambda url=url: written.append(url))
        # The loop's timers keep time while the reader takes nothing.
        started = time.monotonic()
        await asyncio.sleep(0.05)
        assert time.monotonic() - started < 1
        before = list(written)
        sink.go.set()
        while len(written) < 3:
            await asyncio.sleep(0.01)
        assert writer.close() is None
        return before, written

    before, after = asyncio.run(go())
    assert before == [] and after == ["a", "b", "c"] and sink.lines == ["a", "b", "c"]
    assert sink.closed


def test_a_sink_that_fails_is_reported_on_the_loop_and_by_close() -> None:
    sink = _StalledSink(fail_with=OutputClosed())
    reported: list[Exception] = []

    async def go() -> Exception | None:
        writer = Writer(sink, failed=reported.append)
        writer.write(_outcome("a"))
        writer.write(_outcome("b"))
        sink.go.set()
        while not reported:
            await asyncio.sleep(0.01)
        return writer.close()

    error = asyncio.run(go())
    assert isinstance(error, OutputClosed) and len(reported) == 1 and reported[0] is error
    assert sink.lines == []


def test_close_tells_of_every_record_written_and_of_none_that_was_not() -> None:
    """A batch counts a record when its `written` callback runs: `close()` runs those of the
    records written by then (the summary is printed right after it), and a record the sink
    refused (the reader has gone) gets none; nor is the failure reported to `failed` once
    `close()` has returned it (no task group is left to raise it in)."""

    class _Sink:
        def __init__(self) -> None:
            self.lines: list[str] = []

        def write(self, outcome: Outcome) -> None:
            if outcome.record.url == "gone":
                raise OutputClosed
            self.lines.append(outcome.record.url)

        def close(self) -> None:
            pass

    written: list[str] = []
    reported: list[Exception] = []

    async def go() -> Exception | None:
        writer = Writer(_Sink(), failed=reported.append)
        for url in ("a", "b", "gone", "c"):
            writer.write(_outcome(url), lambda url=url: written.append(url))
        error = writer.close()  # no await: the loop has run no callback yet
        assert written == ["a", "b"]
        await asyncio.sleep(0.05)  # callbacks the thread scheduled run now, and change nothing
        return error

    error = asyncio.run(go())
    assert isinstance(error, OutputClosed)
    assert written == ["a", "b"] and reported == []


# -- the fetcher's hook at a redirect -----------------------------------------------------------


def _redirecting(slow_target: bool) -> httpx.MockTransport:
    async def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(302, headers={"Location": "/new"})
        if slow_target:
            await asyncio.sleep(30)
        body = httpx.ByteStream(article_html().encode())
        return httpx.Response(200, headers={"Content-Type": "text/html"}, stream=body)

    return httpx.MockTransport(answer)


def _fetch_through_hop(transport: httpx.MockTransport, hop_wait: float) -> RawPage:
    async def hop(target: str) -> None:
        await asyncio.sleep(hop_wait)  # a batch waiting there for the target host's turn

    async def go() -> RawPage:
        async with Fetcher(Settings(retries=0, deadline=0.5), transport=transport) as fetcher:
            return await fetcher.fetch_raw("http://example.test/old", hop=hop)

    return asyncio.run(go())


def test_the_time_a_hop_takes_is_not_counted_against_the_deadline() -> None:
    raw = _fetch_through_hop(_redirecting(slow_target=False), hop_wait=1.5)  # three deadlines
    assert raw.final_url == "http://example.test/new" and raw.status == 200


def test_the_deadline_runs_again_after_a_hop() -> None:
    with pytest.raises(FetchTimeout, match=r"within 0\.5 s"):
        _fetch_through_hop(_redirecting(slow_target=True), hop_wait=0.0)


def test_a_second_batch_on_the_same_output_file_is_refused_and_wipes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = RecordSink(out, append=False)
    first.write(_outcome("a"))
    for append in (False, True):
        with pytest.raises(BatchFailed, match="being written by another scraper batch"):
            RecordSink(out, append=append)
    assert out.read_text(encoding="utf-8").count("\n") == 1  # not emptied by the refused one
    first.close()
    second = RecordSink(out, append=False)  # the first has finished: the file is free
    second.close()
    assert out.read_text(encoding="utf-8") == ""

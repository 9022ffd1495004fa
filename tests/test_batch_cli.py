"""`scraper batch` as a person runs it: real subprocesses, real signals, local servers.

The kill -9 test is the contract of `--resume`: whenever the batch is killed,
a rerun with `--resume` leaves exactly one complete record per distinct input
in the output file.
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from tests.conftest import ROOT, RunCli, article_html
from tests.faultserver import Conn, FaultServer, respond
from tests.faultserver import Request as WireRequest

ROBOTS_OK = respond(200, "User-agent: *\nDisallow:\n", content_type="text/plain")


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(hosts=3) as running:
        running.route("/robots.txt", ROBOTS_OK)
        running.route("/a/", respond(200, article_html(), delay=0.02))
        running.route("/slow/", respond(200, article_html(), delay=0.3))
        running.route("/gone/", respond(404, "gone"))
        yield running


def start(*args: str, stdin: int | None = None) -> subprocess.Popen[bytes]:
    """`scraper batch ARGS` as a terminal starts it: in a process group of its own, with
    Ctrl-C's default action. A test run started in the background of a shell script
    (`make test &`) has SIGINT ignored, and a child inherits an ignored signal: the
    batch would ignore Ctrl-C too, as a background job should. A signal caught here is
    reset to its default in the child, so SIGINT is caught while the batch starts."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "scraper", "batch", *args],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            start_new_session=True,  # its own process group: the workers can be found (and reaped) by it
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def complete_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def wait_for_lines(path: Path, count: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while complete_lines(path) < count and proc.poll() is None:
        assert time.monotonic() < deadline, f"no {count} records within {timeout} s"
        time.sleep(0.02)


def session_members(session: int) -> list[int]:
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == session and fields[0] != "Z":  # fields[3]: session id
            members.append(int(entry))
    return members


def assert_no_orphans(session: int, timeout: float = 20) -> None:
    """The workers notice their parent is gone (EOF on their socket) and exit."""
    deadline = time.monotonic() + timeout
    while session_members(session):
        if time.monotonic() > deadline:
            leftover = session_members(session)
            for pid in leftover:  # clean up what this test started, then fail
                os.kill(pid, signal.SIGKILL)
            pytest.fail(f"worker processes outlived the batch: {leftover}")
        time.sleep(0.1)


def records_in(path: Path) -> list[dict[str, object]]:
    """Every line of the file must be one complete JSON record."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")[:-1]]


def test_kill_9_at_any_moment_then_resume(server: FaultServer, tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(article_html(), encoding="utf-8")
    urls = [server.url(f"/a/{i}", host=i % 3) for i in range(150)]
    urls += [server.url(f"/gone/{i}", host=i % 3) for i in range(20)]
    inputs = [*urls, str(saved), "ftp://nope/x", *urls[:15]]  # 15 duplicate lines
    distinct = set(urls) | {str(saved), "ftp://nope/x"}
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(inputs) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    # Kill at several moments: at once, during start-up, after the first record, mid-run.
    for step, kill_after in enumerate([None, 1, 30, 90]):
        proc = start(str(listing), "-o", str(out), *(["--resume"] if step else []), "--retries", "0")
        if kill_after is None:
            time.sleep(0.3)
        else:
            wait_for_lines(out, complete_lines(out) + kill_after, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
        assert_no_orphans(proc.pid)
        if out.exists():
            body = out.read_bytes()
            whole = body[: body.rfind(b"\n") + 1]
            for line in whole.decode("utf-8").splitlines():
                json.loads(line)  # only the last line may be torn

    # A write torn by the kill (rare by luck, so made certain here).
    with open(out, "ab") as handle:
        handle.write(b'{"url": "' + urls[-1].encode() + b'", "final_url": "http://127.0.0.1')

    final = start(str(listing), "-o", str(out), "--resume", "--retries", "0")
    _, stderr = final.communicate(timeout=180)
    assert final.returncode == 1, stderr.decode()  # the 404s failed
    records = records_in(out)
    urls_written = [str(r["url"]) for r in records]
    assert len(urls_written) == len(set(urls_written)), "a URL has two records"
    assert set(urls_written) == distinct
    assert sum(1 for r in records if r["ok"]) == 151
    assert "already in" in stderr.decode()


def _signal_masks(pid: int) -> str:
    """Whether SIGINT is ignored, caught or blocked by `pid`, as /proc says."""
    bit = 1 << (signal.SIGINT - 1)
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "gone"
    masks = dict(line.split(":\t", 1) for line in status.splitlines() if line.startswith("Sig"))
    return " ".join(
        f"{name}={'SIGINT' if int(masks[name], 16) & bit else '-'}" for name in ("SigBlk", "SigIgn", "SigCgt")
    )


def _ctrl_c(proc: subprocess.Popen[bytes]) -> tuple[bytes, str]:
    """Press Ctrl-C as a terminal does (the signal goes to the whole process group): the
    batch's stderr, and what /proc said of SIGINT at that moment (for a failure's message)."""
    signals = f"batch {_signal_masks(proc.pid)}; test process {_signal_masks(os.getpid())}"
    os.killpg(proc.pid, signal.SIGINT)
    return proc.communicate(timeout=60)[1], signals


def _slow_batch_under_way(
    server: FaultServer, tmp_path: Path
) -> tuple[list[str], Path, Path, subprocess.Popen[bytes]]:
    """A batch of 60 slow pages on 3 hosts, one at a time each, three records written."""
    urls = [server.url(f"/slow/{i}", host=i % 3) for i in range(60)]
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(urls) + "\n")
    out = tmp_path / "out.jsonl"
    proc = start(str(listing), "-o", str(out), "--per-host", "1")
    wait_for_lines(out, 3, proc)
    return urls, listing, out, proc


def test_ctrl_c_stops_cleanly_and_resume_finishes(server: FaultServer, tmp_path: Path) -> None:
    urls, listing, out, proc = _slow_batch_under_way(server, tmp_path)
    stderr, signals = _ctrl_c(proc)
    assert proc.returncode == 130, f"{stderr.decode()} [{signals}]"
    assert "interrupted" in stderr.decode() and "--resume" in stderr.decode()
    assert "Traceback" not in stderr.decode()
    assert_no_orphans(proc.pid)
    done = len(records_in(out))
    assert 3 <= done < 60
    rest = start(str(listing), "-o", str(out), "--resume")
    rest.communicate(timeout=120)
    assert rest.returncode == 0
    assert sorted(str(r["url"]) for r in records_in(out)) == sorted(urls)


@pytest.mark.parametrize("to_group", [False, True], ids=["to the batch", "to its process group"])
def test_sigterm_stops_cleanly_like_ctrl_c_and_resume_finishes(
    server: FaultServer, tmp_path: Path, to_group: bool
) -> None:
    """`kill PID`, or a service manager's stop (SIGTERM to every process of the group, the
    extraction workers too): every complete record is written, the summary printed, exit
    143; no page fails for it, and `--resume` goes on."""
    urls, listing, out, proc = _slow_batch_under_way(server, tmp_path)
    (os.killpg if to_group else os.kill)(proc.pid, signal.SIGTERM)
    stderr = proc.communicate(timeout=60)[1].decode()
    assert proc.returncode == 143, stderr
    assert "interrupted" in stderr and "--resume" in stderr and "Traceback" not in stderr
    assert_no_orphans(proc.pid)
    records = records_in(out)
    assert 3 <= len(records) < 60 and all(r["ok"] for r in records)
    rest = start(str(listing), "-o", str(out), "--resume")
    rest.communicate(timeout=120)
    assert rest.returncode == 0
    assert sorted(str(r["url"]) for r in records_in(out)) == sorted(urls)


def _first_line(stream: IO[bytes], timeout: float = 60) -> bytes:
    """The first line `stream` brings, or b"" if none comes within `timeout` s."""
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if ready else b""


def test_a_list_on_a_pipe_is_read_as_its_lines_arrive(tmp_path: Path) -> None:
    """A producer writes one line and keeps the pipe open (a crawler's frontier, `tail -f`):
    that line's record comes out while the pipe is still open, not at its end."""
    saved = tmp_path / "saved.html"
    saved.write_text(article_html(), encoding="utf-8")
    proc = start("-", "-q", "--workers", "0", stdin=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(f"{saved}\n".encode())
        proc.stdin.flush()
        record = _first_line(proc.stdout)
    finally:
        proc.communicate(timeout=60)  # closes the list
    assert record, "no record before the end of the list"
    assert json.loads(record)["url"] == str(saved)
    assert proc.returncode == 0


def test_ctrl_c_stops_a_batch_whose_list_has_gone_quiet(tmp_path: Path) -> None:
    """The list is a pipe whose producer is alive but writes nothing more: Ctrl-C ends the
    batch at once, with its summary, without waiting for the pipe to close."""
    saved = tmp_path / "saved.html"
    saved.write_text(article_html(), encoding="utf-8")
    proc = start("-", "--workers", "0", stdin=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        # Duplicates: more lines than a reader that waits for a full chunk wants at once.
        proc.stdin.write(f"{saved}\n".encode() * 2000)
        proc.stdin.flush()
        assert _first_line(proc.stdout), "no record before the end of the list"
        os.killpg(proc.pid, signal.SIGINT)
        returncode = proc.wait(timeout=30)  # the pipe is still open
    finally:
        stderr = proc.communicate(timeout=60)[1].decode()  # closes the list
    assert returncode == 130, stderr
    assert "1 record" in stderr and "interrupted" in stderr and "Traceback" not in stderr


def test_a_reader_that_closes_the_pipe_early_gets_the_exit_code_of_what_it_read(
    server: FaultServer, tmp_path: Path
) -> None:
    """`scraper batch list | head -1`: head takes the ok record and goes; the 404 that
    completes after that is never written, so it counts in neither the summary nor the
    exit code, and the run stops quietly."""
    release = threading.Event()

    async def late_404(request: WireRequest, conn: Conn) -> None:
        while not release.is_set():
            await asyncio.sleep(0.01)
        await conn.respond(404, b"gone")

    server.route("/late/", late_404)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{server.url('/a/1')}\n{server.url('/late/1', host=1)}\n")
    proc = start(str(listing), "--retries", "0")
    assert proc.stdout is not None and proc.stderr is not None
    try:
        first = json.loads(proc.stdout.readline())
        proc.stdout.close()  # head -1 exits
    finally:
        release.set()
        stderr = proc.stderr.read().decode()
        proc.stderr.close()
        proc.wait(timeout=60)
    assert first["ok"] and first["url"] == server.url("/a/1")
    assert proc.returncode == 0, stderr
    assert "1 record" in stderr and "0 failed" in stderr and "the output was closed" in stderr
    assert "Warning" not in stderr and "Traceback" not in stderr


def test_stdout_is_records_only(run_cli: RunCli, server: FaultServer, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{server.url('/a/1')}\n{server.url('/gone/1')}\n{server.url('/a/1')}\nnot a file\n")
    result = run_cli("batch", str(listing))
    assert result.returncode == 1
    assert sorted(r["url"] for r in result.records) == sorted(
        [server.url("/a/1"), server.url("/gone/1"), "not a file"]
    )
    assert "3 records" in result.stderr and "1 duplicate input" in result.stderr
    assert "HTTPStatusError 1" in result.stderr and "FileReadError 1" in result.stderr
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal
    quiet = run_cli("batch", str(listing), "--quiet")
    assert quiet.stderr == "" and len(quiet.records) == 3


def test_a_resume_with_nothing_left_to_do_still_reports_the_failures_it_keeps(
    run_cli: RunCli, server: FaultServer, tmp_path: Path
) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{server.url('/a/1')}\n{server.url('/gone/1')}\n{server.url('/a/1')}\n")
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", str(listing), "-o", str(out)).returncode == 1
    resumed = run_cli("batch", str(listing), "-o", str(out), "--resume")
    # The file still holds the 404's error record: the list has not all succeeded.
    assert resumed.returncode == 1
    # The repeated line is a duplicate, not a second record already in the file.
    assert "1 duplicate input, 2 already in" in resumed.stderr and "(1 of them failed)" in resumed.stderr
    assert len(out.read_text().splitlines()) == 2
    # Retried and now found, every target of the list has succeeded.
    server.route("/gone/", respond(200, article_html()))
    retried = run_cli("batch", str(listing), "-o", str(out), "--retry-failed")
    assert retried.returncode == 0 and len(out.read_text().splitlines()) == 2


def test_list_on_stdin(run_cli: RunCli, server: FaultServer) -> None:
    result = run_cli("batch", "-", input=f"# list\n{server.url('/a/1')}\n\n{server.url('/a/2', host=1)}\n")
    assert result.returncode == 0 and len(result.records) == 2


def test_options_reach_the_batch(run_cli: RunCli, server: FaultServer, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("".join(server.url(f"/a/{i}", host=i % 3) + "\n" for i in range(9)))
    result = run_cli(
        "batch", str(listing), "--ignore-robots", "--per-host", "1", "--concurrency", "2",
        "--workers", "1", "--user-agent", "TestBot/9", "--shard", "1/1",
    )  # fmt: skip
    assert result.returncode == 0 and len(result.records) == 9
    assert server.stats.count("/robots.txt") == 0
    assert max(server.stats.max_in_flight.values()) == 1
    assert server.stats.max_total_in_flight <= 2
    assert server.stats.user_agents == {"TestBot/9"}


@pytest.mark.parametrize(
    "args",
    [
        ["--resume"],
        ["--retry-failed"],
        ["--shard", "0/2"],
        ["--shard", "3/2"],
        ["--shard", "half"],
        ["--per-host", "0"],
        ["--concurrency", "0"],
        ["--delay", "-1"],
    ],
)
def test_usage_errors(run_cli: RunCli, tmp_path: Path, args: list[str]) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("x\n")
    result = run_cli("batch", str(listing), *args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""


def test_a_reader_that_pauses_slows_the_batch_and_fails_no_page(server: FaultServer, tmp_path: Path) -> None:
    """`scraper batch list | less`: the reader takes a pipeful now and then, and the records
    wait in the pipe meanwhile. Pages extracted in the pauses are not charged the time the
    pipe was full: each pause here is longer than the guard."""
    listing = tmp_path / "list.txt"
    count = 300  # some 450 KB of records: seven pipefuls
    listing.write_text("".join(server.url(f"/a/{i}", host=i % 3) + "\n" for i in range(count)))
    received = bytearray()
    with start(str(listing), "--page-timeout", "0.25", "-q") as proc:
        assert proc.stdout is not None
        while chunk := proc.stdout.read1(65536):
            received += chunk
            time.sleep(0.4)
        proc.wait(timeout=60)
    records = [json.loads(line) for line in received.decode("utf-8").splitlines()]
    assert proc.returncode == 0, [r["error"] for r in records if not r["ok"]][:3]
    assert len(records) == count and {r["url"] for r in records} == {
        server.url(f"/a/{i}", host=i % 3) for i in range(count)
    }


def test_two_batches_never_write_one_file(run_cli: RunCli, server: FaultServer, tmp_path: Path) -> None:
    # The first batch's pages but one are held until the second batches have been refused:
    # the first is still writing then, however fast or slow the machine.
    release = threading.Event()

    async def held(request: WireRequest, conn: Conn) -> None:
        while not release.is_set():
            await asyncio.sleep(0.01)
        await conn.respond(200, article_html().encode(), {"Content-Type": "text/html"})

    server.route("/held/", held)
    urls = [server.url("/a/0")] + [server.url(f"/held/{i}") for i in range(1, 8)]
    listing = tmp_path / "list.txt"
    listing.write_text("".join(url + "\n" for url in urls))
    out = tmp_path / "out.jsonl"
    with start(str(listing), "-o", str(out), "-q") as first:
        try:
            wait_for_lines(out, 1, first)
            for extra in ((), ("--resume",), ("--retry-failed",)):
                second = run_cli("batch", str(listing), "-o", str(out), *extra)
                assert second.returncode == 1, extra
                assert "being written by another scraper batch" in second.stderr, extra
        finally:
            release.set()
        first.wait(timeout=60)
    assert first.returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["url"] for r in records) == sorted(urls)

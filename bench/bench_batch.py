"""Batch throughput: `scraper batch` against its ideal bound and trafilatura's CLI, side by side.

Serves real article pages from the bench folder (`../shared/bench`, or
`$SCRAPER_BENCH_DIR`) on 8 loopback hosts (127.0.0.1 ... 127.0.0.8), every
answer delayed by `--latency` (100 ms), runs `--urls` (2,000) URLs spread
evenly over the hosts through `scraper batch` with its default settings, then
through trafilatura's own CLI on the same servers, and prints wall time,
pages/s and peak memory side by side with the ideal lower bound:

    ideal = ceil(URLs per host / per-host limit) x latency   (+ one robots.txt round trip)

i.e. what a batch that keeps every host at its per-host limit all the time
would take if CPU were free. Not a test: numbers depend on the machine.

    python bench/bench_batch.py                        # the comparison (make bench-batch)
    python bench/bench_batch.py --urls 500 --skip-trafilatura
    python bench/bench_batch.py --small-pages          # scheduling alone: a tiny page, same latency
    python bench/bench_batch.py --memory               # peak memory, 10,000 vs 100,000 URLs

trafilatura is run as `trafilatura -i LIST --parallel 16 --output-format json
--with-metadata --config-file CFG > OUT` with SLEEP_TIME = 0 (no per-domain pause; ours
is 0 too) and SSRF_PROTECTION = off (else it refuses loopback addresses).
Its CLI takes one URL per domain per round, so at most 8 downloads are in
flight here whatever `--parallel` says, and it extracts in its main process.
It does not read robots.txt; ours does (one request per host).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

# Run as `python bench/bench_batch.py`: make `bench` and `scraper` importable.
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import DATASETS, REPO_ROOT, bench_available, bench_dir, load_manifest, read_page
from bench.processes import GONE, children, rss

HOSTS = 8
PER_HOST = 2  # scraper batch's default --per-host
MB = 1024 * 1024
ROBOTS = b"User-agent: *\nAllow: /\n"
SMALL_PAGE = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A small article</title></head>"
    b"<body><main><article><h1>A small article</h1>"
    + b"<p>The river rose three metres overnight, and by morning the lower town was under water.</p>" * 6
    + b"</article></main></body></html>"
)


# -- the servers: one process, 8 addresses, every answer delayed ---------------------------------


def _serve(pages: list[bytes], latency: float, port_queue: multiprocessing.Queue[int]) -> None:
    in_flight = [0] * HOSTS
    peak = [0] * HOSTS

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: int) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
                    return
                path = head.split(b" ", 2)[1].decode("latin-1")
                if path == "/__stats":
                    body, kind = json.dumps({"peak_per_host": peak}).encode(), "application/json"
                    peak[:] = [0] * HOSTS
                else:
                    in_flight[host] += 1
                    peak[host] = max(peak[host], in_flight[host])
                    try:
                        await asyncio.sleep(latency)
                    finally:
                        in_flight[host] -= 1
                    if path == "/robots.txt":
                        body, kind = ROBOTS, "text/plain"
                    elif path.startswith("/p/"):
                        body, kind = pages[int(path.split("/")[2]) % len(pages)], "text/html"
                    else:
                        body, kind = b"not found", "text/plain"
                status = "200 OK" if body != b"not found" else "404 Not Found"
                reply = f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n\r\n"
                writer.write(reply.encode() + body)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    def on_host(host: int) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
        return lambda reader, writer: handle(reader, writer, host)

    async def main() -> None:
        first = await asyncio.start_server(on_host(0), "127.0.0.1", 0, backlog=1024)
        port = first.sockets[0].getsockname()[1]
        for host in range(1, HOSTS):
            await asyncio.start_server(on_host(host), f"127.0.0.{host + 1}", port, backlog=1024)
        port_queue.put(port)
        await asyncio.Event().wait()

    asyncio.run(main())


class Servers:
    def __init__(self, pages: list[bytes], latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        queue: multiprocessing.Queue[int] = context.Queue()
        self.process = context.Process(target=_serve, args=(pages, latency, queue), daemon=True)
        self.process.start()
        self.port = queue.get(timeout=60)

    def url(self, host: int, path: str) -> str:
        return f"http://127.0.0.{host + 1}:{self.port}{path}"

    def peak_per_host(self) -> list[int]:
        """Most requests each host had in flight since the last call (then reset)."""
        with urllib.request.urlopen(self.url(0, "/__stats"), timeout=10) as answer:
            peaks: list[int] = json.load(answer)["peak_per_host"]
            return peaks

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)


# -- measuring a command ------------------------------------------------------------------------


def _cpu_seconds(process: psutil.Process) -> float:
    """User + system CPU seconds of the process itself (not of children it waited for)."""
    try:
        times = process.cpu_times()
    except GONE:
        return 0.0
    return float(times.user + times.system)


@dataclass
class Measured:
    wall: float
    peak_main: int
    peak_all: int
    cpu: float
    """CPU seconds of the process and its children (last sample of each): unlike wall
    time, not inflated by other work on the machine."""
    returncode: int


def measure(command: list[str], cwd: Path, stdout: Path | None = None) -> Measured:
    started = time.monotonic()
    sink = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.DEVNULL)
    # Before proc.wait() reaps it, the child exists (at worst as a zombie), so this cannot fail.
    root = psutil.Process(proc.pid)
    peaks = [0, 0]
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            main = rss(root)
            peaks[0] = max(peaks[0], main)
            family = children(root, recursive=True)
            peaks[1] = max(peaks[1], main + sum(rss(p) for p in family))
            for process in (root, *family):
                cpu[process.pid] = max(cpu.get(process.pid, 0.0), _cpu_seconds(process))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    wall = time.monotonic() - started
    if not isinstance(sink, int):
        sink.close()
    done.set()
    sampler.join()
    return Measured(wall, peaks[0], peaks[1], sum(cpu.values()), code)


# -- the benchmark ------------------------------------------------------------------------------


def load_pages() -> list[tuple[str, bytes]]:
    """(id, bytes) of every page in every dataset present, in manifest order."""
    pages = []
    root = bench_dir()
    for folder in DATASETS.values():
        if (root / folder / "manifest.tsv").is_file():
            pages += [(f"{ref.dataset}/{ref.id}", read_page(ref.path)) for ref in load_manifest(folder)]
    return pages


def write_list(path: Path, servers: Servers, urls: int, page_ids: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(urls):
            name = page_ids[i % len(page_ids)].replace("/", "-")
            handle.write(servers.url(i % HOSTS, f"/p/{i}/{name}.html") + "\n")


def extraction_cpu_seconds(pages: list[bytes], urls: int) -> float:
    """CPU seconds that decoding and extracting the list's pages take, timed in this process."""
    from scraper.pipeline import page_from_bytes, record_from_page

    used = pages[: min(urls, len(pages))]
    seconds = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil's complaints about odd time zones
        record_from_page(page_from_bytes(used[0], "http://127.0.0.1/p/0/x.html"))  # warm up
        for data in used:
            started = time.process_time()
            record_from_page(page_from_bytes(data, "http://127.0.0.1/p/0/x.html"))
            seconds.append(time.process_time() - started)
    return sum(seconds[i % len(used)] for i in range(urls))


def count_ok(records: Path) -> int:
    with open(records, encoding="utf-8") as handle:
        return sum(1 for line in handle if json.loads(line)["ok"])


def run_scraper(workdir: Path, listing: Path, extra: list[str]) -> tuple[Measured, int]:
    out = workdir / "scraper.jsonl"
    command = [sys.executable, "-m", "scraper", "batch", str(listing), "-o", str(out), "--quiet", *extra]
    result = measure(command, REPO_ROOT)
    return result, count_ok(out)


def run_trafilatura(workdir: Path, listing: Path, parallel: int) -> tuple[Measured, int] | None:
    exe = shutil.which("trafilatura", path=str(Path(sys.executable).parent)) or shutil.which("trafilatura")
    if exe is None:
        return None
    config = workdir / "trafilatura.cfg"
    shipped = Path(str(__import__("trafilatura").__file__)).parent / "settings.cfg"
    text = shipped.read_text(encoding="utf-8")
    text = text.replace("SLEEP_TIME = 5.0", "SLEEP_TIME = 0").replace(
        "SSRF_PROTECTION = on", "SSRF_PROTECTION = off"
    )
    config.write_text(text, encoding="utf-8")
    out = workdir / "trafilatura.jsonl"
    command = [
        exe, "-i", str(listing), "--parallel", str(parallel),
        "--output-format", "json", "--with-metadata", "--config-file", str(config),
    ]  # fmt: skip
    # JSON to stdout: one line per page it extracted, like our records (with -o DIR it
    # names files by a hash of the content, so repeated pages would overwrite each other).
    result = measure(command, workdir, stdout=out)
    with open(out, "rb") as handle:
        written = sum(1 for line in handle if line.strip())
    return result, written


def row(
    name: str, wall: float, urls: int, peak: str = "", ok: str = "", per_host: str = "", cpu: str = ""
) -> str:
    return f"{name:<34}{wall:>8.1f}{urls / wall:>9.1f}  {cpu:>7}  {peak:>16}  {ok:>6}  {per_host:>8}"


def compare(args: argparse.Namespace) -> int:
    if not bench_available() and not args.small_pages:
        print(f"bench data not found in {bench_dir()} (set SCRAPER_BENCH_DIR); skipping")
        return 0
    named = [("small", SMALL_PAGE)] if args.small_pages else load_pages()
    if not named:
        print(f"no datasets with a manifest.tsv in {bench_dir()}; skipping")
        return 0
    ids, pages = [n for n, _ in named], [p for _, p in named]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    per_host_urls = math.ceil(args.urls / HOSTS)
    ideal = math.ceil(per_host_urls / PER_HOST) * args.latency + args.latency  # + robots.txt
    print(
        f"{args.urls:,} URLs over {HOSTS} loopback hosts, {args.latency * 1000:.0f} ms per answer; "
        f"{len(pages)} distinct pages ({sum(map(len, pages)) / len(pages) / 1024:.0f} KB average) "
        f"from {'this script' if args.small_pages else bench_dir()}; {cores} cores"
    )
    load_before = f"{os.getloadavg()[0]:.1f}"
    extract_cpu = extraction_cpu_seconds(pages, args.urls)
    floor = extract_cpu / cores
    servers = Servers(pages, args.latency)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
            workdir = Path(tmp)
            listing = workdir / "urls.txt"
            write_list(listing, servers, args.urls, ids)
            print(
                f"\n{'':<34}{'wall s':>8}{'pages/s':>9}  {'CPU s':>7}  {'peak RSS main/all':>16}"
                f"  {'ok':>6}  {'per host':>8}"
            )
            print(row("ideal bound (latency, per-host 2)", ideal, args.urls, per_host=str(PER_HOST)))
            print(row(f"CPU floor (extraction / {cores} cores)", floor, args.urls, cpu=f"{extract_cpu:.1f}"))
            servers.peak_per_host()
            ours, ok = run_scraper(workdir, listing, args.scraper_args)
            peak = max(servers.peak_per_host())
            print(
                row(
                    "scraper batch",
                    ours.wall,
                    args.urls,
                    f"{ours.peak_main / MB:.0f} / {ours.peak_all / MB:.0f} MB",
                    f"{ok:,}",
                    str(peak),
                    f"{ours.cpu:.1f}",
                )
            )
            theirs = None if args.skip_trafilatura else run_trafilatura(workdir, listing, args.parallel)
            if theirs is not None:
                measured, written = theirs
                peak = max(servers.peak_per_host())
                print(
                    row(
                        f"trafilatura CLI (--parallel {args.parallel})",
                        measured.wall,
                        args.urls,
                        f"{measured.peak_main / MB:.0f} / {measured.peak_all / MB:.0f} MB",
                        f"{written:,}",
                        str(peak),
                        f"{measured.cpu:.1f}",
                    )
                )
            print(
                f"\nscraper batch: {ours.wall / ideal:.2f}x the ideal bound, "
                f"{ours.wall / max(ideal, floor):.2f}x the larger of the two bounds"
            )
            if theirs is not None:
                print(f"trafilatura CLI: {theirs[0].wall / ours.wall:.1f}x slower than scraper batch")
            print(
                "ok = records with ok: true (scraper) / JSON documents written (trafilatura); "
                "per host = most requests one host saw at once;\n"
                "CPU s = CPU time of the tool and its worker processes; "
                f"load average before / after: {load_before} / {os.getloadavg()[0]:.1f}"
            )
    finally:
        servers.stop()
    return 0


def memory(args: argparse.Namespace) -> int:
    """Peak memory for 10,000 and `--memory-urls` URLs of a small page, no latency."""
    servers = Servers([SMALL_PAGE], 0.0)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-batch-mem-") as tmp:
            workdir = Path(tmp)
            for urls in (10_000, args.memory_urls):
                listing = workdir / f"urls{urls}.txt"
                write_list(listing, servers, urls, ["small"])
                result, ok = run_scraper(workdir, listing, args.scraper_args)
                print(
                    f"{urls:>9,} URLs fetched and extracted: {result.wall:6.1f} s, {ok:,} ok, peak RSS "
                    f"{result.peak_main / MB:.0f} MB main, {result.peak_all / MB:.0f} MB with workers"
                )
    finally:
        servers.stop()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each answer")
    parser.add_argument("--parallel", type=int, default=HOSTS * PER_HOST, help="trafilatura --parallel")
    parser.add_argument("--skip-trafilatura", action="store_true")
    parser.add_argument(
        "--small-pages",
        action="store_true",
        help="serve one small page instead of the bench pages: extraction then costs next to nothing, "
        "so the run shows how close the scheduling itself gets to the latency bound",
    )
    parser.add_argument("--memory", action="store_true", help="measure peak memory instead")
    parser.add_argument("--memory-urls", type=int, default=100_000)
    parser.add_argument("scraper_args", nargs="*", help="extra `scraper batch` options, after --")
    args = parser.parse_args()
    return memory(args) if args.memory else compare(args)


if __name__ == "__main__":
    sys.exit(main())

"""Speed benchmark: page bytes -> record JSON, ours against trafilatura and readability-lxml.

One run, one process for the timing, every page of the bench folder
(`../shared/bench`, or `$SCRAPER_BENCH_DIR`) read into memory first:

1. **In process, interleaved.** Each page is given to every system in turn,
   the order rotating from page to page (and from repeat to repeat), so that
   machine noise falls on all systems alike. Each call is timed (wall and CPU);
   the table gives pages/s, median and 95th-percentile ms per page, and every
   figure divided by trafilatura's (the default call), since on a shared
   machine only the ratios travel.
2. **Peak memory**, which cannot be told apart per system inside one process:
   one subprocess per system runs that system alone over the same pages, read
   one at a time from disk, and reports its peak RSS (VmHWM; and its RSS once
   the libraries are imported, before the first page).
3. **Quality on the same pages**: every system's records go to
   `bench/out/speed/<system>/<dataset>.jsonl` and are scored by the bench's
   own `score.py` (`--bootstrap 0`), so speed and F1 stand side by side.
4. **Whole processes** (unless `--skip-batch`): the page files, listed again
   under other names until the list holds `--batch-pages` (10,000) lines. For
   the time, the list's `--parts` (10) parts each go through a plain Python
   loop calling trafilatura, through `scraper batch PART --workers 1` and
   (on two cores or more) `--workers 2`, one after the other, the first
   rotating (drift on a shared machine falls on all alike): the two ratios
   the issue asks for, loop ÷ one worker and one worker ÷ two, come from
   these. For memory over a long list, the whole list goes through `scraper
   batch LIST --workers 1`, `--workers 2` and `--workers <cores>` in one run
   each. Wall time includes start-up. A poller sums the RSS of the process
   tree every 0.1 s and notes it when 1,000 and all records are out.

    python bench/bench_speed.py                          # everything (make bench-speed), ~60 min
    python bench/bench_speed.py --limit 20 --batch-pages 300
    python bench/bench_speed.py --skip-batch --repeat 3  # steadier in-process numbers
    python bench/bench_speed.py --profile 200            # where our time goes (pyinstrument)

The systems, each timed from page bytes to one JSON record:

    ours              scraper.pipeline.page_from_bytes -> record_from_page -> write.json_line
    trafilatura       trafilatura.extract(data, url=url, include_comments=False,
                                          with_metadata=True, output_format="json")
    trafilatura-fast  the same with fast=True
    readability-lxml  Document(decode_file(data)).summary() -> text (bench.quality.html_to_text),
                      .short_title(), json.dumps

Not a test: the numbers depend on the machine and on what else runs on it
(the load average is printed at the start and the end).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

# Run as `python bench/bench_speed.py`: make `bench` and `scraper` importable.
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # after the sys.path fix above
    REPO_ROOT,
    PageRef,
    add_page_options,
    bench_dir_or_skip,
    read_page,
    run_score,
    selected_pages,
)
from bench.processes import process_tree, rss
from bench.quality import fmt, make_readability, render_table, version_of

SYSTEMS = ("ours", "trafilatura", "trafilatura-fast", "readability-lxml")
BASELINE = "trafilatura"
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "speed"
DEFAULT_BATCH_PAGES = 10_000
RSS_CHECKPOINT = 1_000
ALTERNATING_PARTS = 10
"""The whole-process timing list is run in this many parts, each by both sides in turn."""
POLL_SECONDS = 0.1
WARM_UP_PAGES = 3
MB = 1024 * 1024

System = Callable[[bytes, str], str | None]
"""Page bytes and its URL -> the system's record as one JSON string (None: nothing found)."""


# --------------------------------------------------------------------------
# The systems: the same job for each, page bytes in, one JSON record out
# --------------------------------------------------------------------------
def make_ours() -> System:
    from scraper.pipeline import page_from_bytes, record_from_page
    from scraper.write import json_line

    def ours_bytes_to_json(data: bytes, url: str) -> str:
        return json_line(record_from_page(page_from_bytes(data, url)).record.to_dict())

    return ours_bytes_to_json


def make_trafilatura(fast: bool) -> System:
    import trafilatura

    def trafilatura_bytes_to_json(data: bytes, url: str) -> str | None:
        result: str | None = trafilatura.extract(
            data,
            url=url,
            include_comments=False,
            with_metadata=True,
            output_format="json",
            fast=fast,
        )
        return result

    return trafilatura_bytes_to_json


def make_readability_json() -> System:
    """readability-lxml as the quality bench runs it (text one line per block), then JSON."""
    extract = make_readability()

    def readability_bytes_to_json(data: bytes, url: str) -> str:
        return json.dumps(extract(data, url), ensure_ascii=False)

    return readability_bytes_to_json


def make_system(name: str) -> System:
    factories: dict[str, Callable[[], System]] = {
        "ours": make_ours,
        "trafilatura": lambda: make_trafilatura(fast=False),
        "trafilatura-fast": lambda: make_trafilatura(fast=True),
        "readability-lxml": make_readability_json,
    }
    return factories[name]()


def quiet_libraries() -> None:
    """Library log lines and warnings on odd pages are noise here (and cost time on stderr)."""
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


# --------------------------------------------------------------------------
# 1. In process, interleaved
# --------------------------------------------------------------------------
@dataclass(slots=True)
class Timings:
    """Per system: seconds per page (the median of its repeats), and what it returned."""

    wall: dict[str, list[float]]
    cpu: dict[str, list[float]]
    outputs: dict[str, list[str | None]]
    errors: Counter[str] = field(default_factory=Counter)
    first_errors: list[str] = field(default_factory=list)


def rotated(items: tuple[str, ...] | list[str], start: int) -> list[str]:
    start %= len(items)
    return [*items[start:], *items[:start]]


def time_interleaved(pages: list[tuple[PageRef, bytes]], systems: list[str], repeat: int) -> Timings:
    """Every page through every system, the order rotating per page; `repeat` passes."""
    runs = {name: make_system(name) for name in systems}
    for ref, data in pages[:WARM_UP_PAGES]:  # first calls compile patterns, fill caches
        for run in runs.values():
            _call(run, data, ref.url)
    wall: dict[str, list[list[float]]] = {s: [[] for _ in pages] for s in systems}
    cpu: dict[str, list[list[float]]] = {s: [[] for _ in pages] for s in systems}
    timings = Timings(wall={}, cpu={}, outputs={s: [None] * len(pages) for s in systems})
    total = repeat * len(pages)
    for rep in range(repeat):
        for index, (ref, data) in enumerate(pages):
            for name in rotated(systems, index + rep):
                wall_start, cpu_start = time.perf_counter(), time.process_time()
                output, error = _call(runs[name], data, ref.url)
                cpu[name][index].append(time.process_time() - cpu_start)
                wall[name][index].append(time.perf_counter() - wall_start)
                if rep == 0:
                    timings.outputs[name][index] = output
                    if error is not None:
                        timings.errors[name] += 1
                        if len(timings.first_errors) < 10:
                            timings.first_errors.append(f"{name} {ref.dataset}/{ref.id}: {error}")
            progress("timing", rep * len(pages) + index + 1, total)
    timings.wall = {s: [statistics.median(t) for t in wall[s]] for s in systems}
    timings.cpu = {s: [statistics.median(t) for t in cpu[s]] for s in systems}
    return timings


def _call(run: System, data: bytes, url: str) -> tuple[str | None, str | None]:
    """(output, error): a benchmark must survive any page, so an exception is an empty record."""
    try:
        return run(data, url), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"[:200]


def progress(what: str, done: int, total: int) -> None:
    """A counter on a terminal; into a log, a line every tenth of the way."""
    if sys.stderr.isatty():
        if done % 20 == 0 or done == total:
            end = "\n" if done == total else ""
            print(f"\r{what} {done}/{total}", end=end, file=sys.stderr, flush=True)
    elif done == total or done % max(total // 10, 1) == 0:
        print(f"{what} {done}/{total}", file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --------------------------------------------------------------------------
# 2. Peak memory, one subprocess per system
# --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Memory:
    imported_mb: float
    """RSS once the system is built (libraries imported), before the first page."""
    peak_mb: float
    """Its VmHWM (peak RSS) after every page."""


def memory_child(system: str, refs: list[PageRef]) -> dict[str, float]:
    """Run in the subprocess: one system over the pages, each read from disk just before."""
    quiet_libraries()
    run = make_system(system)
    imported = rss(psutil.Process())
    for ref in refs:
        _call(run, read_page(ref.path), ref.url)
    return {"imported_mb": imported / MB, "peak_mb": peak_rss(os.getpid()) / MB}


def measure_memory(systems: list[str], args: argparse.Namespace) -> dict[str, Memory]:
    """One child per system, as many at a time as there are cores (peaks do not mix)."""
    base = [sys.executable, str(Path(__file__).resolve()), "--datasets", ",".join(args.datasets)]
    base += ["--limit", str(args.limit)]

    def one(system: str) -> tuple[str, Memory | None]:
        proc = subprocess.run(
            [*base, "--memory-child", system], capture_output=True, text=True, check=False, cwd=REPO_ROOT
        )
        if proc.returncode != 0:
            print(f"memory child {system} failed: {proc.stderr.strip()[-500:]}", file=sys.stderr)
            return system, None
        values = json.loads(proc.stdout.strip().splitlines()[-1])
        return system, Memory(values["imported_mb"], values["peak_mb"])

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = dict(pool.map(one, systems))
    return {name: mem for name, mem in results.items() if mem is not None}


# --------------------------------------------------------------------------
# 3. Quality on the same pages
# --------------------------------------------------------------------------
def write_records(
    pages: list[tuple[PageRef, bytes]], timings: Timings, out_dir: Path
) -> dict[str, list[Path]]:
    """`<out>/<system>/<dataset>.jsonl`, each record tagged with the page id for score.py."""
    lines: dict[str, dict[str, list[str]]] = {}
    for name, outputs in timings.outputs.items():
        for (ref, _), output in zip(pages, outputs, strict=True):
            record = {"id": ref.id, "url": ref.url} | score_record(output)
            lines.setdefault(ref.dataset, {}).setdefault(name, []).append(
                json.dumps(record, ensure_ascii=False)
            )
    paths: dict[str, list[Path]] = {}
    for folder, by_system in lines.items():
        for name, records in by_system.items():
            path = out_dir / name / f"{folder}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(f"{line}\n" for line in records), encoding="utf-8")
            paths.setdefault(folder, []).append(path)
    return paths


def score_record(output: str | None) -> dict[str, Any]:
    """The fields score.py reads, from any system's JSON (empty when it gave nothing)."""
    try:
        doc = json.loads(output) if output else {}
    except json.JSONDecodeError:
        doc = {}
    doc = doc if isinstance(doc, dict) else {}
    return {key: doc.get(key) for key in ("title", "author", "date", "sitename")} | {
        "text": doc.get("text") or ""
    }


def score_f1(
    pages: list[tuple[PageRef, bytes]], paths: dict[str, list[Path]], systems: list[str], partial: bool
) -> dict[str, dict[str, float]]:
    """F1 per dataset folder and system, from score.py (one call per dataset)."""
    f1: dict[str, dict[str, float]] = {}
    for folder, preds in paths.items():
        ids = [ref.id for ref, _ in pages if ref.dataset == folder] if partial else None
        results = run_score(folder, preds, ids=ids, per_doc=False, bootstrap=0)
        f1[folder] = {name: float(r["f1"]) for name, r in zip(systems, results, strict=True)}
    return f1


# --------------------------------------------------------------------------
# 4. Whole processes over local files
# --------------------------------------------------------------------------
TRAFILATURA_LOOP = """
import gzip, sys, trafilatura
with open(sys.argv[1], encoding="utf-8") as listing:
    paths = [line.strip() for line in listing if line.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in paths:
        with open(path, "rb") as page:
            data = page.read()
        if data[:2] == b"\\x1f\\x8b":
            data = gzip.decompress(data)
        try:
            result = trafilatura.extract(
                data, include_comments=False, with_metadata=True, output_format="json"
            )
        except Exception:
            result = None
        out.write((result or "{}") + "\\n")
        out.flush()
"""
"""The "plain Python loop calling trafilatura" the issue measures `scraper batch` against."""


@dataclass(slots=True)
class ProcessRun:
    """One whole-process run: wall time and the memory of its process tree."""

    label: str
    workers: int
    seconds: float
    cpu_seconds: float
    """User + system CPU of the process and every child it waited for (its workers)."""
    load: float
    """The 1-minute load average, averaged over the polls: how busy the machine was meanwhile."""
    records: int
    exit_code: int
    peak_tree_mb: float
    max_one_mb: float
    """The biggest VmHWM (peak RSS) of any one process of the tree, at the last poll it was seen."""
    rss_at_checkpoint: float | None
    """Tree RSS (MB) at the first poll after RSS_CHECKPOINT records were out."""
    end: tuple[int, float]
    """(records out, tree RSS MB) at the last poll before the last record: the batch at full size,
    before any shutdown."""


def peak_rss(pid: int) -> int:
    """The process's peak resident bytes so far (VmHWM, Linux), 0 once it is gone or elsewhere.

    psutil has no peak RSS on Linux (its `memory_info()` is the RSS now), and polling
    that every POLL_SECONDS would miss the short peaks of single pages, hence this
    one line of /proc. Not `ru_maxrss` either: Linux carries that across `execve`
    from the process that spawned it, so every child would report at least this
    benchmark's own size.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def watch(label: str, workers: int, cmd: list[str], output: Path, expected: int, log: Path) -> ProcessRun:
    """Run `cmd` to the end, polling its tree's RSS and the records it has written to `output`."""
    output.unlink(missing_ok=True)
    output.touch()
    counted, offset, peak, max_one = 0, 0, 0, 0
    at_checkpoint: float | None = None
    end = (0, 0.0)
    loads: list[float] = []
    start = time.perf_counter()
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=REPO_ROOT)
    # Before os.wait4() reaps it, the child exists (at worst as a zombie), so this cannot fail.
    root = psutil.Process(proc.pid)
    with open(output, "rb") as records:
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            loads.append(os.getloadavg()[0])
            tree = process_tree(root)
            tree_rss = sum(rss(p) for p in tree)
            max_one = max([max_one, *(peak_rss(p.pid) for p in tree)])
            records.seek(offset)
            chunk = records.read()
            offset += len(chunk)
            counted += chunk.count(b"\n")
            peak = max(peak, tree_rss)
            if counted >= RSS_CHECKPOINT and at_checkpoint is None:
                at_checkpoint = tree_rss / MB
            if counted < expected:
                end = (counted, tree_rss / MB)
            time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    with open(output, "rb") as records:
        total = sum(chunk.count(b"\n") for chunk in iter(lambda: records.read(1 << 20), b""))
    return ProcessRun(
        label=label,
        workers=workers,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        load=statistics.fmean(loads) if loads else os.getloadavg()[0],
        records=total,
        exit_code=proc.returncode,
        peak_tree_mb=peak / MB,
        max_one_mb=max_one / MB,
        rss_at_checkpoint=at_checkpoint,
        end=end,
    )


def batch_list(refs: list[PageRef], count: int, root: Path, work: Path) -> Path:
    """`count` page paths: the real files, then the same again under `work/rep<k>/` symlinks.

    `scraper batch` processes a repeated line once, so the repeats need names of
    their own; a symlink per dataset folder gives every page a second, third, ...
    path without copying a byte.
    """
    paths: list[str] = []
    rep = 0
    while len(paths) < count and refs:
        for ref in refs:
            if len(paths) == count:
                break
            folder = root / ref.dataset
            if rep == 0:
                paths.append(str(ref.path))
                continue
            alias = work / f"rep{rep}" / ref.dataset
            if not alias.exists():
                alias.parent.mkdir(parents=True, exist_ok=True)
                alias.symlink_to(folder, target_is_directory=True)
            paths.append(str(alias / ref.path.relative_to(folder)))
        rep += 1
    listing = work / "pages.txt"
    listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    return listing


def scraper_command() -> list[str]:
    """The venv's `scraper` next to this interpreter, else `python -m scraper`."""
    script = Path(sys.executable).parent / "scraper"
    return [str(script)] if script.exists() else [sys.executable, "-m", "scraper"]


def has_workers_option(cmd: list[str]) -> bool:
    proc = subprocess.run([*cmd, "batch", "--help"], capture_output=True, text=True, check=False)
    return "--workers" in proc.stdout


@dataclass(slots=True)
class WholeProcesses:
    """The whole-process rows: the alternating parts that time the trafilatura loop
    against `scraper batch --workers 1` and `--workers 2`, and the long batches that show
    memory over a long list."""

    loop_parts: list[ProcessRun] = field(default_factory=list)
    batch_parts: list[ProcessRun] = field(default_factory=list)
    scaled_parts: list[ProcessRun] = field(default_factory=list)
    """`scraper batch --workers 2` over the same parts (where the machine has two cores)."""
    long_runs: list[ProcessRun] = field(default_factory=list)
    """`scraper batch` over the whole list in one run: `--workers 1`, 2 and all cores."""


def split_listing(listing: Path, parts: int) -> list[Path]:
    """`listing` cut into `parts` files of consecutive lines (as equal as can be)."""
    lines = listing.read_text(encoding="utf-8").splitlines(keepends=True)
    parts = max(1, min(parts, len(lines)))
    size, extra = divmod(len(lines), parts)
    out: list[Path] = []
    start = 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        part = listing.with_name(f"{listing.stem}.part{index}{listing.suffix}")
        part.write_text("".join(lines[start:end]), encoding="utf-8")
        out.append(part)
        start = end
    return out


def combined(label: str, runs: list[ProcessRun]) -> ProcessRun:
    """Runs over the parts of one list, summed as one row: times and records add up,
    memory is the largest any part reached (each part is a fresh process)."""
    return ProcessRun(
        label=label,
        workers=runs[0].workers,
        seconds=sum(r.seconds for r in runs),
        cpu_seconds=sum(r.cpu_seconds for r in runs),
        load=statistics.fmean(r.load for r in runs),
        records=sum(r.records for r in runs),
        exit_code=max((r.exit_code for r in runs), key=abs),
        peak_tree_mb=max(r.peak_tree_mb for r in runs),
        max_one_mb=max(r.max_one_mb for r in runs),
        rss_at_checkpoint=None,
        end=(sum(r.records for r in runs), max(r.end[1] for r in runs)),
    )


def run_processes(
    refs: list[PageRef], count: int, root: Path, notes: list[str], parts: int = ALTERNATING_PARTS
) -> WholeProcesses:
    """The trafilatura loop, `scraper batch --workers 1` and `--workers 2` over the parts
    of one list, in turn; then `scraper batch` with 1 worker, 2 and all cores over the
    whole list.

    Why parts: run one after the other over the whole list, the sides would be timed
    minutes to half an hour apart, and this machine's speed drifts by a tenth or more
    between such runs (other tenants, clock changes); a ratio of two would carry that
    drift. Taking turns over parts (which goes first rotates from part to part) lets
    any drift fall on all alike. Every part is a whole process: start-up is counted
    once per part, for each side.
    """
    result = WholeProcesses()
    scraper = scraper_command()
    workers_option = has_workers_option(scraper)
    with tempfile.TemporaryDirectory(prefix="scraper-speed-") as tmp:
        work = Path(tmp)
        listing = batch_list(refs, count, root, work)
        out = work / "out.jsonl"
        log = work / "stderr.txt"

        def batch_cmd(pages: Path, workers: int) -> list[str]:
            option = ["--workers", str(workers)] if workers_option else []
            return [*scraper, "batch", str(pages), *option, "-o", str(out), "--quiet"]

        def run(label: str, workers: int, cmd: list[str], pages: Path) -> ProcessRun:
            expected = sum(1 for line in pages.read_text(encoding="utf-8").splitlines() if line)
            print(f"running {label} over {expected} files ...", file=sys.stderr, flush=True)
            done = watch(label, workers, cmd, out, expected, log)
            if done.exit_code not in (0, 1) or done.records != expected:  # 1 = some pages failed
                tail = log.read_text(encoding="utf-8", errors="replace").strip()[-800:]
                notes.append(f"{label}: exit {done.exit_code}, {done.records}/{expected} records; {tail}")
            return done

        if not workers_option:
            notes.append("`scraper batch` has no --workers option yet: timed as it is.")
        cores = os.cpu_count() or 1
        for index, part in enumerate(split_listing(listing, parts)):
            sides = [
                ("trafilatura loop", 1, [sys.executable, "-c", TRAFILATURA_LOOP, str(part), str(out)]),
                ("scraper batch --workers 1", 1, batch_cmd(part, 1)),
            ]
            runs = [result.loop_parts, result.batch_parts]
            if workers_option and cores >= 2:
                sides.append(("scraper batch --workers 2", 2, batch_cmd(part, 2)))
                runs.append(result.scaled_parts)
            order = list(zip(sides, runs, strict=True))
            turn = index % len(order)
            for (label, workers, cmd), into in order[turn:] + order[:turn]:
                into.append(run(f"{label} (part {index + 1})", workers, cmd, part))
        for workers in sorted({1, 2, cores}) if workers_option else [1]:
            result.long_runs.append(
                run(f"scraper batch --workers {workers}", workers, batch_cmd(listing, workers), listing)
            )
    return result


# --------------------------------------------------------------------------
# Profile: where our time goes
# --------------------------------------------------------------------------
STAGE_PARENTS = frozenset({"ours_bytes_to_json", "record_from_page", "extract_html"})
"""Frames whose children are listed as stages (the pipeline's own steps)."""


def profile_ours(pages: list[tuple[PageRef, bytes]], count: int, out_dir: Path) -> str:
    """pyinstrument over ours on `count` pages spread evenly over the selection."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed: .venv/bin/pip install pyinstrument"
    run = make_ours()
    step = max(1, len(pages) // max(count, 1))
    chosen = pages[::step][:count]
    for ref, data in chosen[:WARM_UP_PAGES]:
        _call(run, data, ref.url)
    profiler = Profiler(interval=0.001, async_mode="disabled")
    cpu_start = time.process_time()
    profiler.start()
    for ref, data in chosen:
        _call(run, data, ref.url)
    profiler.stop()
    cpu = time.process_time() - cpu_start
    out_dir.mkdir(parents=True, exist_ok=True)
    html = out_dir / "profile.html"
    html.write_text(profiler.output_html(), encoding="utf-8")
    text = profiler.output_text(unicode=True, color=False)
    (out_dir / "profile.txt").write_text(text, encoding="utf-8")
    session = profiler.last_session
    # The recorded tree holds one frame per run of samples, not one per function: gather them all.
    tops = _find_all(session.root_frame() if session else None, "ours_bytes_to_json")
    if not tops:
        return text
    total = float(sum(top.time for top in tops))
    parts = [
        f"# Profile of ours: {len(chosen)} pages, {total:.1f} s wall "
        f"({1000 * total / len(chosen):.0f} ms/page), {cpu:.1f} s CPU; pyinstrument, 1 ms samples",
        f"full tree: {out_dir / 'profile.txt'}, {html}",
        "",
        "## Stages (inclusive time, % of the whole bytes -> JSON)",
        "",
        render_table(["stage", "%", "ms/page"], _stage_rows(tops, total, len(chosen))),
        "",
        "## Self time by module (a built-in's time goes to the module that called it)",
        "",
        render_table(["module", "%"], _self_rows(tops, total, by_module=True, limit=20)),
        "",
        "## Top functions by self time",
        "",
        render_table(["function", "%"], _self_rows(tops, total, by_module=False, limit=25)),
    ]
    return "\n".join(parts)


def _find_all(frame: Any, function: str) -> list[Any]:
    """The outermost frames of `function` under `frame`."""
    if frame is None:
        return []
    if frame.function == function:
        return [frame]
    return [found for child in frame.children for found in _find_all(child, function)]


def _stage_rows(tops: list[Any], total: float, pages: int) -> list[list[str]]:
    """Children of the pipeline's own steps, merged over calls, biggest first."""
    rows: list[list[str]] = []

    def visit(frames: list[Any], depth: int) -> None:
        merged: dict[str, list[Any]] = {}
        for frame in frames:
            for child in frame.children:
                merged.setdefault(_name(child), []).append(child)
        for name, group in sorted(merged.items(), key=lambda kv: -sum(c.time for c in kv[1])):
            seconds = sum(c.time for c in group)
            if seconds / total < 0.005:
                continue
            share, per_page = f"{100 * seconds / total:.1f}", f"{1000 * seconds / pages:.1f}"
            rows.append([("  " * depth) + name, share, per_page])
            if group[0].function in STAGE_PARENTS:
                visit(group, depth + 1)

    visit(tops, 0)
    return rows


def _name(frame: Any) -> str:
    if frame.is_synthetic_leaf:
        return "[self]"
    qual = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
    return f"{qual} ({_module(frame)})"


def _module(frame: Any) -> str:
    """scraper/clean.py, trafilatura, lxml, ..., or "stdlib"."""
    path = str(frame.file_path or "")
    if path.startswith("<"):
        return "built-in"
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    resolved = Path(path).resolve()
    if resolved.is_relative_to(REPO_ROOT):
        return str(resolved.relative_to(REPO_ROOT))
    return "stdlib"


def _self_rows(tops: list[Any], total: float, by_module: bool, limit: int) -> list[list[str]]:
    """Leaf (self) time, keyed by module or by function; built-ins go to their caller."""
    counts: Counter[str] = Counter()

    def visit(frame: Any, caller: Any) -> None:
        if not frame.children:
            owner = caller if frame.is_synthetic_leaf else frame
            if _module(owner) == "built-in":
                python = _python_caller(owner)
                key = _module(python) if by_module else f"{_name(owner)} in {_name(python)}"
            else:
                key = _module(owner) if by_module else _name(owner)
            counts[key] += frame.time
        for child in frame.children:
            visit(child, frame)

    for top in tops:
        visit(top, None)
    return [[key, f"{100 * seconds / total:.1f}"] for key, seconds in counts.most_common(limit)]


def _python_caller(frame: Any) -> Any:
    while frame.parent is not None and _module(frame) == "built-in":
        frame = frame.parent
    return frame


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------
def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "-"
    return f"{value / base:.2f}"


def speed_table(
    systems: list[str],
    timings: Timings,
    memory: dict[str, Memory],
    f1: dict[str, dict[str, float]],
) -> str:
    """One row per system: speed, its ratio to trafilatura's, memory, errors, F1 per dataset."""
    stats: dict[str, dict[str, float]] = {}
    for name in systems:
        wall, cpu = timings.wall[name], timings.cpu[name]
        stats[name] = {
            "pps": len(wall) / sum(wall),
            "median": 1000 * statistics.median(wall),
            "p95": 1000 * percentile(wall, 0.95),
            "cpu_pps": len(cpu) / sum(cpu) if sum(cpu) else float("nan"),
        }
    base = stats.get(BASELINE, {})
    base_mem = memory.get(BASELINE)
    head = ["system", "pages/s", "÷T", "median ms", "÷T", "p95 ms", "÷T", "CPU pages/s", "÷T"]
    head += ["import MB", "peak MB", "÷T", "errors", *(f"F1 {folder}" for folder in f1)]
    rows = []
    for name in systems:
        s, mem = stats[name], memory.get(name)
        rows.append(
            [
                f"* {name}" if name == "ours" else f"  {name}",
                f"{s['pps']:.1f}",
                ratio(s["pps"], base.get("pps")),
                f"{s['median']:.1f}",
                ratio(s["median"], base.get("median")),
                f"{s['p95']:.1f}",
                ratio(s["p95"], base.get("p95")),
                f"{s['cpu_pps']:.1f}",
                ratio(s["cpu_pps"], base.get("cpu_pps")),
                f"{mem.imported_mb:.0f}" if mem else "-",
                f"{mem.peak_mb:.0f}" if mem else "-",
                ratio(mem.peak_mb if mem else None, base_mem.peak_mb if base_mem else None),
                str(timings.errors[name]),
                *(fmt(by_system.get(name)) for by_system in f1.values()),
            ]
        )
    return render_table(head, rows)


def process_table(whole: WholeProcesses) -> str:
    loop, batch, scaled = _summed(whole)
    single = next((r for r in whole.long_runs if r.workers == 1), None)
    head = ["run", "pages", "wall s", "pages/s", "time ÷T loop", "rate ÷w1", "CPU s", "CPU ÷T loop", "load"]
    head += ["peak tree MB", "max 1 proc MB", f"RSS @{RSS_CHECKPOINT:,}", "RSS @end (pages)"]
    rows = []
    summed = [r for r in (loop, batch, scaled) if r is not None]
    for run in [*summed, *whole.long_runs]:
        parted = run in summed
        # A row of parts is compared with the one-worker parts, a whole-list run with the
        # one-worker whole-list run: each with what was timed beside it.
        base = (batch if parted else single) if run.label.startswith("scraper") else None
        rows.append(
            [
                run.label,
                f"{run.records:,}",
                f"{run.seconds:.1f}",
                f"{run.records / run.seconds:.1f}",
                ratio(run.seconds, loop.seconds if loop else None),
                ratio(1 / run.seconds, 1 / base.seconds) if base else "-",
                f"{run.cpu_seconds:.1f}",
                ratio(run.cpu_seconds, loop.cpu_seconds if loop else None),
                f"{run.load:.1f}",
                f"{run.peak_tree_mb:.0f}",
                f"{run.max_one_mb:.0f}",
                "-" if run.rss_at_checkpoint is None else f"{run.rss_at_checkpoint:.0f}",
                "-" if parted else f"{run.end[1]:.0f} ({run.end[0]:,})",
            ]
        )
    return render_table(head, rows)


def _summed(whole: WholeProcesses) -> tuple[ProcessRun | None, ProcessRun | None, ProcessRun | None]:
    """The parts of each side as one row: the loop, one worker, two (None for a side that did not run)."""
    parts = len(whole.loop_parts)
    sides = (
        ("trafilatura loop", whole.loop_parts),
        ("scraper batch --workers 1", whole.batch_parts),
        ("scraper batch --workers 2", whole.scaled_parts),
    )
    loop, batch, scaled = (
        combined(f"{label} ({parts} parts)", runs) if runs else None for label, runs in sides
    )
    return loop, batch, scaled


def part_ratios(whole: WholeProcesses) -> list[float]:
    """Each part's batch time divided by the loop's on the same part."""
    return [b.seconds / t.seconds for b, t in zip(whole.batch_parts, whole.loop_parts, strict=False)]


def part_scaling(whole: WholeProcesses) -> list[float]:
    """Each part's one-worker batch time divided by its two-worker batch time."""
    pairs = zip(whole.batch_parts, whole.scaled_parts, strict=False)
    return [one.seconds / two.seconds for one, two in pairs]


def target_lines(
    timings: Timings | None, f1: dict[str, dict[str, float]], whole: WholeProcesses
) -> Iterator[str]:
    """The issue's targets, each with what this run measured."""

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    if timings is not None and "ours" in timings.wall and BASELINE in timings.wall:
        pps = {s: len(t) / sum(t) for s, t in timings.wall.items()}
        speed = pps["ours"] / pps[BASELINE]
        yield f"- single core ≥ 3× trafilatura's pages/s: {speed:.2f}× ({verdict(speed >= 3)})"
        for folder, by_system in f1.items():
            if "ours" in by_system and BASELINE in by_system:
                gap = by_system["ours"] - by_system[BASELINE]
                ours, peer = by_system["ours"], by_system[BASELINE]
                yield f"  F1 {folder}: ours {ours:.3f}, trafilatura {peer:.3f} ({gap:+.3f})"
    loop, batch, scaled = _summed(whole)
    by_workers = {r.workers: r for r in whole.long_runs}
    one, two = by_workers.get(1), by_workers.get(2)
    if loop and batch:
        share, cpu_share = batch.seconds / loop.seconds, batch.cpu_seconds / loop.cpu_seconds
        shares = part_ratios(whole)
        yield (
            f"- `scraper batch --workers 1` ≤ 1/3 of the trafilatura loop's time, over "
            f"{len(shares)} parts run in turn: {batch.seconds:.1f} s / {loop.seconds:.1f} s = {share:.3f} "
            f"({verdict(share <= 1 / 3)}); in CPU time {batch.cpu_seconds:.0f} s / {loop.cpu_seconds:.0f} s "
            f"= {cpu_share:.3f}; part by part {min(shares):.2f} to {max(shares):.2f}, "
            f"median {statistics.median(shares):.2f}"
        )
        if one:
            yield (
                f"  the whole list in one batch run: {one.seconds:.1f} s, "
                f"{one.seconds / loop.seconds:.3f} of the loop's parts summed "
                "(timed at another moment, so drift goes into it)"
            )
    if loop and one:
        yield (
            f"- batch peak memory ≤ trafilatura loop's: {one.peak_tree_mb:.0f} MB "
            f"(tree, 1 worker, whole list in one run) vs {loop.peak_tree_mb:.0f} MB "
            "(the loop's largest part) "
            f"({verdict(one.peak_tree_mb <= loop.peak_tree_mb)})"
        )
    if whole.long_runs:
        yield (
            f"- flat memory: RSS at the end ÷ RSS after {RSS_CHECKPOINT:,} pages: "
            + ", ".join(f"{r.label} {_growth(r)}" for r in whole.long_runs)
        )
    if batch and scaled:
        scale, scales = batch.seconds / scaled.seconds, part_scaling(whole)
        yield (
            f"- --workers 2 ≥ 1.8× the --workers 1 rate, over {len(scales)} parts run in turn: "
            f"{batch.seconds:.1f} s / {scaled.seconds:.1f} s = {scale:.2f}× ({verdict(scale >= 1.8)}); "
            f"part by part {min(scales):.2f} to {max(scales):.2f}, median {statistics.median(scales):.2f}; "
            f"CPU {scaled.cpu_seconds:.0f} s with two workers against {batch.cpu_seconds:.0f} s with one"
        )
        if one and two:
            yield (
                f"  the whole list in one run each (minutes apart, so drift goes into it): "
                f"{one.seconds:.1f} s / {two.seconds:.1f} s = {one.seconds / two.seconds:.2f}×"
            )
    elif one and two:
        scale = one.seconds / two.seconds
        yield f"- --workers 2 ≥ 1.8× the --workers 1 rate: {scale:.2f}× ({verdict(scale >= 1.8)})"


def _growth(run: ProcessRun) -> str:
    if run.rss_at_checkpoint and run.end[0] > RSS_CHECKPOINT:
        return f"{run.end[1] / run.rss_at_checkpoint:.2f}"
    return "-"


def header(root: Path, pages: list[tuple[PageRef, bytes]], args: argparse.Namespace) -> str:
    counts = Counter(ref.dataset for ref, _ in pages)
    size = sum(len(data) for _, data in pages)
    limit = f" (--limit {args.limit})" if args.limit else ""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return "\n".join(
        [
            "# Speed benchmark",
            f"bench dir: {root}",
            f"pages: {', '.join(f'{f} {n}' for f, n in counts.items())} = {len(pages)}{limit}, "
            f"{size / MB:.0f} MB of HTML in memory; repeat {args.repeat}",
            f"trafilatura {version_of('trafilatura')}, readability-lxml {version_of('readability-lxml')}, "
            f"selectolax {version_of('selectolax')}, lxml {version_of('lxml')}, "
            f"python {platform.python_version()}, {os.cpu_count()} cores, load average at start {load}",
        ]
    )


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add_page_options(ap)  # --datasets, --limit
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="interleaved passes; a page's time is the median of its passes",
    )
    ap.add_argument("--skip-batch", action="store_true", help="leave out the whole-process rows")
    ap.add_argument(
        "--batch-pages",
        type=int,
        default=DEFAULT_BATCH_PAGES,
        help="files listed for the whole-process rows (the pages repeated; default %(default)s)",
    )
    ap.add_argument(
        "--parts",
        type=int,
        default=ALTERNATING_PARTS,
        help="the whole-process timing runs the list in this many parts, each side in turn "
        "(default %(default)s)",
    )
    ap.add_argument("--skip-memory", action="store_true", help="leave out the per-system memory children")
    ap.add_argument(
        "--profile",
        type=int,
        metavar="N",
        default=0,
        help="only profile ours (pyinstrument) over N pages spread over the selection",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where records and the profile go")
    ap.add_argument("--memory-child", choices=SYSTEMS, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = bench_dir_or_skip()
    if root is None:
        return 0
    selection = selected_pages(args.datasets, args.limit, root)
    refs = [ref for folder_refs in selection.values() for ref in folder_refs]
    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child, refs)))
        return 0
    quiet_libraries()
    start = time.perf_counter()
    pages = [(ref, read_page(ref.path)) for ref in refs]
    if args.profile:
        print(profile_ours(pages, args.profile, args.out))
        return 0
    systems = list(SYSTEMS)
    print(header(root, pages, args), flush=True)

    timed = time.perf_counter()
    timings = time_interleaved(pages, systems, max(args.repeat, 1))
    measured = time.perf_counter()
    memory = {} if args.skip_memory else measure_memory(systems, args)
    profiled = time.perf_counter()
    paths = write_records(pages, timings, args.out)
    f1 = score_f1(pages, paths, systems, partial=bool(args.limit))
    scored = time.perf_counter()
    print(f"\n## In one process, interleaved ({len(pages)} pages, page bytes -> record JSON)\n")
    print(speed_table(systems, timings, memory, f1))
    print(
        "\n÷T = this value divided by trafilatura's (default call): above 1 is faster for pages/s, "
        "slower or bigger for ms and MB. median/p95 are per-page wall times; CPU pages/s counts only "
        "this process's CPU time (steadier on a busy machine). Peak MB: one subprocess per system "
        "over the same pages read one at a time (its VmHWM); import MB: its RSS before the first page."
    )
    if timings.first_errors:
        print("\nfirst errors:\n" + "\n".join(f"  {e}" for e in timings.first_errors))

    whole = WholeProcesses()
    notes: list[str] = []
    batched = scored
    if not args.skip_batch:
        del pages[:]  # the whole-process rows do not need the pages in this process
        whole = run_processes(refs, args.batch_pages, root, notes, args.parts)
        batched = time.perf_counter()
        print(
            f"\n## Whole processes over {args.batch_pages:,} local files "
            f"({len(refs)} pages, listed again under other names), start-up included\n"
        )
        print(process_table(whole))
        shares = ", ".join(f"{r:.2f}" for r in part_ratios(whole))
        scaling = ", ".join(f"{r:.2f}" for r in part_scaling(whole)) or "-"
        print(
            f"\nThe rows marked (parts): the list in {len(whole.loop_parts)} parts, each run by the "
            "trafilatura loop, by `scraper batch --workers 1` and by `--workers 2` one after the "
            "other (which goes first rotates), summed; a fresh process per part, so start-up counts "
            f"once per part. Batch ÷ loop, part by part: {shares}; one worker ÷ two, part by part: "
            f"{scaling}. The other rows run `scraper batch` over the whole list at once, for memory "
            "over its length. time ÷T loop = wall time divided by the loop's parts summed (lower is "
            "better); rate ÷w1 = pages/s divided by the `--workers 1` row's of the same kind (parts "
            "or one run). CPU s = user + system "
            "time of the process and its workers; load = mean 1-minute load average during the row. "
            f"Memory is polled every {POLL_SECONDS:g} s as the sum of RSS over the process tree "
            "(for parts: the largest of any part); max 1 proc is the largest peak RSS (VmHWM) of "
            "any single process in it."
        )
        for note in notes:
            print(f"note: {note}")
    print("\n## Targets (the issue's), as measured in this run\n")
    print("\n".join(target_lines(timings, f1, whole)))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nrecords: {args.out}; load average at the end {load}")
    print(
        f"time: load {timed - start:.0f}s, interleaved {measured - timed:.0f}s, memory "
        f"{profiled - measured:.0f}s, scoring {scored - profiled:.0f}s, whole processes "
        f"{batched - scored:.0f}s, total {time.perf_counter() - start:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

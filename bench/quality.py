"""Quality benchmark: our extractor against trafilatura and readability-lxml, side by side.

Runs every selected system over every selected benchmark page (in parallel
processes), writes one JSONL of records per system and dataset, scores them all
with the bench's own `score.py` and prints one comparison table per dataset,
plus how well our `confidence` separates good extractions from bad ones.

    python -m bench.quality                       # everything (from the repo root)
    python -m bench.quality --datasets scrapinghub --limit 20 --systems ours,trafilatura
    python -m bench.quality --per-page worst.tsv   # per-page F1, ours vs trafilatura

Why all systems in one run: the baselines are only meaningful next to ours when
they are measured on the same pages with the same scorer and library versions.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import math
import multiprocessing
import platform
import re
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import FrameType
from typing import Any

# Run as `python bench/quality.py`: make `bench` and `scraper` importable.
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # after the sys.path fix above
    FLOORS_FILE,
    REPO_ROOT,
    PageRef,
    add_page_options,
    bench_dir_or_skip,
    csv_choice,
    load_floors,
    read_page,
    run_score,
    selected_pages,
)

SYSTEMS = ("ours", "trafilatura", "trafilatura-precision", "readability-lxml")
DEFAULT_OURS = "scraper.extract:extract_bytes"
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "quality"
CONFIDENCE_SPLIT = 0.5

Record = dict[str, Any]
Extractor = Callable[[bytes, str], Record]


# --------------------------------------------------------------------------
# The systems. Each maps (page bytes, url) to the fields of an output record.
# --------------------------------------------------------------------------
def load_ours(spec: str = DEFAULT_OURS) -> Callable[[bytes, str | None], Any]:
    """Import our extractor from "module:function" (a stand-in can be swapped in with --ours)."""
    module_name, _, func_name = spec.partition(":")
    func = getattr(importlib.import_module(module_name), func_name or "extract_bytes")
    if not callable(func):
        raise TypeError(f"{spec} is not callable")
    return func  # type: ignore[no-any-return]


def make_ours(spec: str) -> Extractor:
    """Wrap `extract_bytes` so its Article becomes a record."""
    extract_bytes = load_ours(spec)

    def run(data: bytes, url: str) -> Record:
        article = extract_bytes(data, url)
        return {
            "text": article.text or "",
            "title": article.title,
            "author": article.author,
            "date": article.date,
            "sitename": article.sitename,
            "confidence": article.confidence,
        }

    return run


def make_trafilatura(favor_precision: bool) -> Extractor:
    """trafilatura as its users would call it for article text plus metadata."""
    import trafilatura

    def run(data: bytes, url: str) -> Record:
        raw = trafilatura.extract(
            data,
            url=url,
            include_comments=False,
            with_metadata=True,
            output_format="json",
            favor_precision=favor_precision,
        )
        doc = json.loads(raw) if raw else {}
        return {key: doc.get(key) for key in ("title", "author", "date", "sitename")} | {
            "text": doc.get("text") or "",
            "confidence": None,
        }

    return run


BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tr", "ul",
})  # fmt: skip
CELL_TAGS = frozenset({"td", "th"})


def collapse(text: str | None) -> str | None:
    """Runs of whitespace become one space, as a browser renders them."""
    return re.sub(r"\s+", " ", text) if text else text


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one line per block element.

    lxml's `text_content()` alone glues paragraphs together ("end.Next"), which
    would create shingles that no ground truth has and unfairly cost
    readability-lxml precision and recall.
    """
    import lxml.html  # type: ignore[import-untyped, unused-ignore]

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower()
        if not any(a.tag == "pre" for a in element.iterancestors()):
            # Source line breaks inside a paragraph are not paragraph breaks.
            element.tail = collapse(element.tail)
            if tag != "pre":
                element.text = collapse(element.text)
        if tag in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if tag != "br":
                element.text = "\n" + (element.text or "")
        elif tag in CELL_TAGS:
            element.tail = " " + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def make_readability() -> Extractor:
    """readability-lxml, fed text decoded exactly as trafilatura decodes it."""
    from readability import Document  # type: ignore[import-untyped, unused-ignore]
    from trafilatura.utils import decode_file

    def run(data: bytes, url: str) -> Record:
        doc = Document(decode_file(data), url=url)
        text = html_to_text(doc.summary())
        return {
            "text": text,
            "title": doc.short_title() or None,
            "author": None,
            "date": None,
            "sitename": None,
            "confidence": None,
        }

    return run


def build_extractors(systems: Iterable[str], ours_spec: str) -> dict[str, Extractor]:
    """Instantiate the chosen systems (imports happen here, once per process)."""
    factories: dict[str, Callable[[], Extractor]] = {
        "ours": lambda: make_ours(ours_spec),
        "trafilatura": lambda: make_trafilatura(favor_precision=False),
        "trafilatura-precision": lambda: make_trafilatura(favor_precision=True),
        "readability-lxml": make_readability,
    }
    return {name: factories[name]() for name in systems}


# --------------------------------------------------------------------------
# Running pages, in parallel worker processes
# --------------------------------------------------------------------------
class PageTimeout(Exception):
    """A system spent longer than --timeout on one page."""


@dataclass(slots=True)
class Outcome:
    """One system's result on one page."""

    record: Record
    seconds: float
    error: str | None = None


@dataclass(slots=True)
class PageResult:
    page: PageRef
    outcomes: dict[str, Outcome]


_EXTRACTORS: dict[str, Extractor] = {}
_TIMEOUT: float = 0.0


def init_worker(systems: list[str], ours_spec: str, timeout: float) -> None:
    """Per-process setup: build the extractors once and keep library logs quiet.

    Libraries log and warn on many real pages; in a benchmark those are noise,
    and failures are counted from exceptions instead. (Under pytest, forked
    workers would otherwise inherit its "warnings are errors" filter and lose
    pages to harmless warnings.)
    """
    global _TIMEOUT
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    _EXTRACTORS.clear()
    _EXTRACTORS.update(build_extractors(systems, ours_spec))
    _TIMEOUT = timeout
    if timeout > 0:
        signal.signal(signal.SIGALRM, _on_alarm)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout(f"over {_TIMEOUT:g}s")


def empty_record() -> Record:
    """What a failed extraction contributes: nothing, so it scores as an empty page."""
    return {
        "text": "",
        "title": None,
        "author": None,
        "date": None,
        "sitename": None,
        "confidence": None,
    }


def run_one(extract: Extractor, data: bytes, url: str) -> Outcome:
    """Run one system on one page; any exception (or timeout) becomes an empty record."""
    start = time.perf_counter()
    if _TIMEOUT > 0:
        signal.setitimer(signal.ITIMER_REAL, _TIMEOUT)
    try:
        record, error = extract(data, url), None
    except Exception as exc:  # a benchmark must survive any page
        record, error = empty_record(), f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if _TIMEOUT > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return Outcome(record, time.perf_counter() - start, error)


def run_page(page: PageRef) -> PageResult:
    """Read a page once and give it to every system (worker-process entry point)."""
    data = read_page(page.path)
    outcomes = {name: run_one(extract, data, page.url) for name, extract in _EXTRACTORS.items()}
    return PageResult(page, outcomes)


def run_pages(
    pages: list[PageRef], systems: list[str], ours_spec: str, jobs: int, timeout: float
) -> Iterator[PageResult]:
    """All pages through all systems; `jobs` processes (1 = in this process, for debugging)."""
    args = (systems, ours_spec, timeout)
    # Import every system here first: an import error then surfaces once, in the
    # caller, instead of killing pool workers that the pool respawns forever.
    build_extractors(systems, ours_spec)
    if jobs <= 1:
        init_worker(*args)
        yield from map(run_page, pages)
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with context.Pool(jobs, initializer=init_worker, initargs=args, maxtasksperchild=200) as pool:
        yield from pool.imap_unordered(run_page, pages, chunksize=2)


@dataclass(slots=True)
class RunData:
    """Everything collected from one run, keyed by dataset folder then system."""

    pages: dict[str, list[PageRef]]
    records: dict[str, dict[str, dict[str, Record]]] = field(default_factory=dict)
    errors: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: dict[str, dict[str, float]] = field(default_factory=dict)
    first_errors: list[str] = field(default_factory=list)


def collect(
    pages: dict[str, list[PageRef]],
    systems: list[str],
    ours_spec: str,
    jobs: int,
    timeout: float,
    progress: bool = True,
) -> RunData:
    """Run everything and gather records, error counts and time per (dataset, system)."""
    run = RunData(pages=pages)
    for folder in pages:
        run.records[folder] = {s: {} for s in systems}
        run.errors[folder] = dict.fromkeys(systems, 0)
        run.seconds[folder] = dict.fromkeys(systems, 0.0)
    flat = [p for group in pages.values() for p in group]
    results = run_pages(flat, systems, ours_spec, jobs, timeout)
    for done, result in enumerate(results, 1):
        add_result(run, result)
        if progress:
            show_progress(done, len(flat))
    return run


def add_result(run: RunData, result: PageResult) -> None:
    """File one page's outcomes under its dataset; keep the first few errors to show."""
    folder, page_id = result.page.dataset, result.page.id
    for system, outcome in result.outcomes.items():
        run.records[folder][system][page_id] = outcome.record
        run.seconds[folder][system] += outcome.seconds
        if outcome.error:
            run.errors[folder][system] += 1
            if len(run.first_errors) < 10:
                where = f"{system} on {folder}/{page_id}"
                run.first_errors.append(f"{where}: {outcome.error}")


def show_progress(done: int, total: int) -> None:
    """A live counter on a terminal; a line per 500 pages in logs (CI, files)."""
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r  {done}/{total} pages", end=end, file=sys.stderr, flush=True)
    elif done % 500 == 0 or done == total:
        print(f"  {done}/{total} pages", file=sys.stderr, flush=True)


def write_jsonl(run: RunData, out_dir: Path) -> dict[str, dict[str, Path]]:
    """One `<out>/<system>/<dataset>.jsonl` per pair, in manifest order, for score.py."""
    paths: dict[str, dict[str, Path]] = {}
    for folder, by_system in run.records.items():
        paths[folder] = {}
        for system, records in by_system.items():
            path = out_dir / system / f"{folder}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                for page in run.pages[folder]:
                    record = {"id": page.id, "url": page.url} | records.get(page.id, empty_record())
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            paths[folder][system] = path
    return paths


def score_all(
    run: RunData,
    paths: dict[str, dict[str, Path]],
    partial: bool,
    bootstrap: int | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """score.py results per dataset folder and system (one scorer call per dataset).

    `partial` (a --limit run) restricts scoring to the pages that ran.
    """
    scores: dict[str, dict[str, dict[str, Any]]] = {}
    for folder, by_system in paths.items():
        ids = [p.id for p in run.pages[folder]] if partial else None
        results = run_score(folder, list(by_system.values()), ids=ids, bootstrap=bootstrap)
        scores[folder] = dict(zip(by_system, results, strict=True))
    return scores


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------
def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table with aligned columns (pastes into issues and READMEs as is)."""
    widths = [max(len(cell) for cell in column) for column in zip(head, *rows, strict=True)]
    lines = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(head, widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    lines += [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    return "\n".join(lines)


def label(system: str) -> str:
    """Row label; ours is starred so it stands out among the baselines."""
    return f"* {system}" if system == "ours" else f"  {system}"


def common_cells(run: RunData, folder: str, system: str, res: dict[str, Any]) -> list[str]:
    """Columns every dataset table ends with: empties, exceptions, mean time per page."""
    n = max(len(run.pages[folder]), 1)
    ms = 1000 * run.seconds[folder][system] / n
    return [str(res["empty_pred"]), str(run.errors[folder][system]), f"{ms:.0f}"]


TAIL_HEAD = ["empty", "errors", "ms/page"]


def shingle_table(run: RunData, folder: str, scores: dict[str, dict[str, Any]]) -> str:
    """ScrapingHub: shingle P/R/F1 (with bootstrap sd) and exact-match accuracy."""
    head = ["system", "n", "P", "R", "F1", "F1 sd", "exact", *TAIL_HEAD]
    rows = [
        [
            label(s),
            str(r["n"]),
            fmt(r["precision"]),
            fmt(r["recall"]),
            fmt(r["f1"]),
            fmt(r.get("f1_std")),
            fmt(r["accuracy"]),
            *common_cells(run, folder, s, r),
        ]
        for s, r in scores.items()
    ]
    return render_table(head, rows)


def readability_table(run: RunData, folder: str, scores: dict[str, dict[str, Any]]) -> str:
    """Readability pages: shingle scores plus metadata agreement (exact, and ~ = loose)."""
    head = [
        "system",
        "n",
        "P",
        "R",
        "F1",
        "exact",
        "title",
        "title~",
        "byline",
        "byline~",
        "site",
        "date",
        "date(day)",
        *TAIL_HEAD,
    ]
    rows = []
    for s, r in scores.items():
        m = r["meta"]
        rows.append(
            [
                label(s),
                str(r["n"]),
                fmt(r["precision"]),
                fmt(r["recall"]),
                fmt(r["f1"]),
                fmt(r["accuracy"]),
                fmt(m["title"]["exact"]),
                fmt(m["title"]["loose"]),
                fmt(m["byline"]["exact"]),
                fmt(m["byline"]["loose"]),
                fmt(m["siteName"]["exact"]),
                fmt(m["publishedTime"]["exact"]),
                fmt(m["publishedTime"]["day"]),
                *common_cells(run, folder, s, r),
            ]
        )
    return render_table(head, rows)


def wcxb_tables(run: RunData, folder: str, scores: dict[str, dict[str, Any]]) -> str:
    """WCXB: bag-of-words P/R/F1, snippet rates and metadata; then F1 per page type."""
    head = [
        "system",
        "n",
        "P",
        "R",
        "F1",
        "with (found)",
        "without (leaked)",
        "title",
        "byline~",
        "date(day)",
        *TAIL_HEAD,
    ]
    rows = []
    for s, r in scores.items():
        m = r["meta"]
        rows.append(
            [
                label(s),
                str(r["n"]),
                fmt(r["precision"]),
                fmt(r["recall"]),
                fmt(r["f1"]),
                fmt(r["with_rate"]),
                fmt(r["without_rate"]),
                fmt(m["title"]["exact"]),
                fmt(m["byline"]["loose"]),
                fmt(m["publishedTime"]["day"]),
                *common_cells(run, folder, s, r),
            ]
        )
    first = next(iter(scores.values()))["by_type"]
    types = sorted(first, key=lambda t: (-first[t]["n"], t))  # biggest type first
    type_head = ["F1 by page type", "overall"] + [f"{t} ({first.get(t, {}).get('n', 0)})" for t in types]
    type_rows = [
        [label(s), fmt(r["f1"])] + [fmt(r["by_type"].get(t, {}).get("f1")) for t in types]
        for s, r in scores.items()
    ]
    return render_table(head, rows) + "\n\n" + render_table(type_head, type_rows)


def dataset_report(run: RunData, folder: str, scores: dict[str, dict[str, Any]]) -> str:
    """The table(s) for one dataset, chosen by the metric score.py detected."""
    kind = next(iter(scores.values()))["kind"]
    n = len(run.pages[folder])
    title = f"## {folder} ({n} pages, {kind} metric)"
    if kind == "wcxb":
        body = wcxb_tables(run, folder, scores)
    elif kind == "readability":
        body = readability_table(run, folder, scores)
    else:
        body = shingle_table(run, folder, scores)
    return f"{title}\n\n{body}"


def calibration_rows(run: RunData, scores: dict[str, dict[str, dict[str, Any]]]) -> list[list[str]]:
    """Mean per-page F1 of our pages with confidence >= 0.5 vs below, per dataset and pooled.

    A useful confidence puts the bad pages below the split: the gap between the
    two means (and how many pages fall below) is what to watch.
    """
    rows: list[list[str]] = []
    pooled: dict[bool, list[float]] = {True: [], False: []}
    for folder, by_system in scores.items():
        if "ours" not in by_system:
            continue
        groups: dict[bool, list[float]] = {True: [], False: []}
        for page_id, doc in by_system["ours"]["per_doc"].items():
            conf = run.records[folder]["ours"].get(page_id, {}).get("confidence") or 0.0
            groups[conf >= CONFIDENCE_SPLIT].append(doc["f1"])
        pooled[True] += groups[True]
        pooled[False] += groups[False]
        rows.append(calibration_row(folder, groups))
    if len(rows) > 1:
        rows.append(calibration_row("all", pooled))
    return rows


def calibration_row(name: str, groups: dict[bool, list[float]]) -> list[str]:
    def mean(xs: list[float]) -> str:
        return fmt(sum(xs) / len(xs)) if xs else "-"

    return [
        name,
        str(len(groups[True])),
        mean(groups[True]),
        str(len(groups[False])),
        mean(groups[False]),
    ]


def version_of(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def header(root: Path, run: RunData, systems: list[str], args: argparse.Namespace) -> str:
    """What was measured, with what: enough to tell two pasted reports apart."""
    counts = ", ".join(f"{folder} {len(p)}" for folder, p in run.pages.items())
    total = sum(len(p) for p in run.pages.values())
    limit = f" (--limit {args.limit})" if args.limit else ""
    return "\n".join(
        [
            "# Quality benchmark",
            f"bench dir: {root}",
            f"pages: {counts} = {total}{limit}; systems: {', '.join(systems)}",
            f"trafilatura {version_of('trafilatura')}, "
            + f"readability-lxml {version_of('readability-lxml')}, "
            + f"python {platform.python_version()}, jobs {args.jobs}; ours = {args.ours}",
            "* = ours. P/R/F1 from score.py; 'exact' = exact-match accuracy; "
            + "~ = loose match; without (leaked): lower is better.",
        ]
    )


def per_page_tsv(run: RunData, scores: dict[str, dict[str, dict[str, Any]]], path: Path) -> int:
    """Per-page F1, ours vs trafilatura, worst of ours first (ties: biggest gap first)."""
    rows: list[tuple[float, float, list[str]]] = []
    for folder, by_system in scores.items():
        ours = by_system["ours"]["per_doc"]
        peer = by_system.get("trafilatura", {}).get("per_doc", {})
        urls = {p.id: p.url for p in run.pages[folder]}
        for page_id, doc in ours.items():
            peer_f1 = peer.get(page_id, {}).get("f1")
            cells = [
                page_id,
                folder,
                doc.get("page_type", ""),
                f"{doc['precision']:.4f}",
                f"{doc['recall']:.4f}",
                f"{doc['f1']:.4f}",
                "" if peer_f1 is None else f"{peer_f1:.4f}",
                urls.get(page_id, ""),
            ]
            rows.append((doc["f1"], -(peer_f1 or 0.0), cells))
    rows.sort(key=lambda row: (row[0], row[1]))
    head = [
        "id",
        "dataset",
        "page_type",
        "ours_p",
        "ours_r",
        "ours_f1",
        "trafilatura_f1",
        "url",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\t".join(head) + "\n")
        handle.writelines("\t".join(cells) + "\n" for _, _, cells in rows)
    return len(rows)


def write_floors(scores: dict[str, dict[str, dict[str, Any]]], margin: float, path: Path) -> None:
    """Set each run dataset's F1 floor to ours minus `margin` (rounded down to 0.001)."""
    floors = load_floors(path) if path.is_file() else {}
    for folder, by_system in scores.items():
        new = math.floor((by_system["ours"]["f1"] - margin) * 1000) / 1000
        old = floors.get(folder, {}).get("f1")
        floors.setdefault(folder, {})["f1"] = new
        print(f"floor {folder} f1: {old} -> {new}", file=sys.stderr)
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_page_options(ap)  # --datasets, --limit
    ap.add_argument(
        "--systems",
        type=csv_choice(SYSTEMS),
        default=list(SYSTEMS),
        help="comma-separated: " + ",".join(SYSTEMS),
    )
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (1 = no pool)")
    ap.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="where <system>/<dataset>.jsonl go",
    )
    ap.add_argument(
        "--per-page",
        type=Path,
        metavar="FILE",
        help="write per-page F1 TSV, ours vs trafilatura, worst first",
    )
    ap.add_argument(
        "--ours",
        default=DEFAULT_OURS,
        metavar="MODULE:FUNC",
        help="our extract_bytes (default %(default)s)",
    )
    ap.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds per page per system before it counts as an error (0 = none)",
    )
    ap.add_argument(
        "--write-floors",
        action="store_true",
        help="set bench/floors.json F1 floors to ours minus --floor-margin",
    )
    ap.add_argument("--floor-margin", type=float, default=0.005)
    return ap.parse_args(argv)


def check_ours(systems: list[str], spec: str) -> list[str]:
    """Drop `ours` (with a message) when it cannot be imported, so baselines still run."""
    if "ours" not in systems:
        return systems
    try:
        load_ours(spec)
    except Exception as exc:  # any import-time failure means "not available"
        print(
            f"ours unavailable ({spec}): {type(exc).__name__}: {exc}; running the others",
            file=sys.stderr,
        )
        return [s for s in systems if s != "ours"]
    return systems


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = bench_dir_or_skip()
    if root is None:
        return 0
    systems = check_ours(args.systems, args.ours)
    if not systems:
        return 1
    if (args.per_page or args.write_floors) and "ours" not in systems:
        print("--per-page / --write-floors need ours", file=sys.stderr)
        return 1
    if args.write_floors and args.limit:
        print("--write-floors needs a full run (no --limit)", file=sys.stderr)
        return 1
    pages = selected_pages(args.datasets, args.limit, root)

    start = time.perf_counter()
    run = collect(pages, systems, args.ours, args.jobs, args.timeout)
    extracted = time.perf_counter()
    scores = score_all(run, write_jsonl(run, args.out), partial=bool(args.limit))
    scored = time.perf_counter()

    print(header(root, run, systems, args))
    for folder in pages:
        print()
        print(dataset_report(run, folder, scores[folder]))
    calibration = calibration_rows(run, scores)
    if calibration:
        print(f"\n## ours: confidence calibration (mean per-page F1, split at {CONFIDENCE_SPLIT})\n")
        print(render_table(["dataset", "n conf>=0.5", "F1", "n conf<0.5", "F1"], calibration))
    if run.first_errors:
        print("\nfirst errors:\n" + "\n".join(f"  {e}" for e in run.first_errors))
    if args.per_page:
        n = per_page_tsv(run, scores, args.per_page)
        print(f"\nper-page F1 ({n} pages, worst first): {args.per_page}")
    if args.write_floors:
        write_floors(scores, args.floor_margin, FLOORS_FILE)
    print(f"\nrecords: {args.out}")
    print(
        f"time: extraction {extracted - start:.1f}s, scoring {scored - extracted:.1f}s, "
        f"total {scored - start:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

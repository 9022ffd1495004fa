"""Served quality: `scraper batch` over the bench pages served on 127.0.0.1, beside in-process extraction.

Outside reviewers do not call `extract_bytes`: they serve pages from a local
HTTP server, run `scraper batch URLS -o OUT.jsonl` with the default settings
and score the records' `text`. This does the same, so that anything the
fetch path changes -- the charset of the Content-Type header, size caps,
content-type checks, robots.txt, per-host limits, the page guard, error
records -- shows up as a score, next to the in-process score of
`extract_bytes(page_bytes, manifest_url)` measured in the same run:

1. every page is extracted in-process with its manifest URL (`bench.quality`);
2. a `ThreadingHTTPServer` on 127.0.0.1 serves each page's raw bytes at
   `/<dataset>/<id>.html`, with the Content-Type of `--content-type`
   (robots.txt is a 404, as on a bare static server);
3. `python -m scraper batch URLS -o OUT.jsonl` runs as a subprocess, with this
   checkout's package (not whatever `scraper` is on PATH);
4. records are matched back to pages by URL (every URL must have exactly one),
   both prediction sets are scored by `score.py`, and every page whose served
   text differs from the in-process text is listed with a guessed reason.

The served URL is not the page's real address, so what the extractor derives
from the address (site name from the host, a date in the path) can differ
legitimately. To tell that apart, pages whose texts differ are extracted
in-process once more at their served URL: when that gives the served text,
the address is the cause, not the fetch path.

    python bench/served.py                                # all datasets (make bench-served)
    python bench/served.py --datasets readability --limit 20
    python bench/served.py --content-type charset         # header says charset=<the file's encoding>
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

# Run as `python bench/served.py`: make `bench` and `scraper` importable.
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # after the sys.path fix above
    REPO_ROOT,
    PageRef,
    add_page_options,
    bench_dir_or_skip,
    read_page,
    selected_pages,
)
from bench.quality import (
    DEFAULT_OURS,
    Record,
    RunData,
    collect,
    empty_record,
    fmt,
    render_table,
    run_pages,
    score_all,
    write_jsonl,
)
from scraper.decode import charset_from_meta, decode_html

CONTENT_TYPES = ("plain", "charset", "none", "static")
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "served"
SHOWN_DIFFS = 20
META_FIELDS = ("title", "author", "date", "sitename")
# Byte sequences that a page decoded with the wrong charset is full of.
MOJIBAKE = ("Ã", "â€", "Â", "\ufffd")


# --------------------------------------------------------------------------
# The server: a bare static server, as a reviewer would start one
# --------------------------------------------------------------------------
def true_charset(data: bytes) -> str | None:
    """What the file's bytes really are, when that can be known: UTF-8 if they decode
    as UTF-8 (ASCII included), else the <meta> charset if they decode under it."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = charset_from_meta(data)
        if declared is None:
            return None
        try:
            data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            return None
        return declared
    return "utf-8"


def content_type_for(mode: str, data: bytes) -> str | None:
    """The Content-Type header sent with a page in `mode` (None: no header at all).

    `static` sends what `python -m http.server` guesses from the file name: never a
    charset, so the page decodes as under `plain`.
    """
    if mode == "none":
        return None
    charset = true_charset(data) if mode == "charset" else None
    return f"text/html; charset={charset}" if charset else "text/html"


def page_path(page: PageRef, mode: str, root: Path) -> str:
    """Where a page is served: `/<dataset>/<id>.html`, or in `static` mode its stored path."""
    if mode == "static":
        return "/" + quote(page.path.relative_to(root).as_posix())
    return f"/{quote(page.dataset)}/{quote(page.id)}.html"


def static_handler(root: Path) -> type[BaseHTTPRequestHandler]:
    """`python -m http.server` in the bench dir: files as stored, types guessed from their names."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per request would bury the report

    return Handler


def handler_for(routes: dict[str, PageRef], mode: str) -> type[BaseHTTPRequestHandler]:
    """A request handler serving `routes` (path -> page), anything else (robots.txt) a 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = routes.get(urlsplit(self.path).path)
            if page is None:
                self.send_error(404)
                return
            data = read_page(page.path)
            self.send_response(200)
            content_type = content_type_for(mode, data)
            if content_type is not None:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per request would bury the report

    return Handler


@contextmanager
def serving(pages: list[PageRef], mode: str, root: Path) -> Iterator[str]:
    """Serve `pages` on a free port of 127.0.0.1 in a thread; yields the base URL."""
    routes = {page_path(p, mode, root): p for p in pages}
    handler = static_handler(root) if mode == "static" else handler_for(routes, mode)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="bench-served", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --------------------------------------------------------------------------
# The served run: the real CLI in a subprocess
# --------------------------------------------------------------------------
@dataclass(slots=True)
class Served:
    """What `scraper batch` gave for the listed URLs."""

    records: dict[str, list[Record]] = field(default_factory=dict)
    """Listed URL -> the records carrying it (exactly one each, if the batch keeps its word)."""
    strays: list[str] = field(default_factory=list)
    """URLs of records that match no listed URL."""
    returncode: int = 0
    stderr: str = ""
    seconds: float = 0.0


def run_batch(urls: list[str], out_dir: Path, workers: int | None) -> Served:
    """`python -m scraper batch` over `urls` with default settings; records grouped by URL."""
    out_dir.mkdir(parents=True, exist_ok=True)
    listing, output = out_dir / "urls.txt", out_dir / "records.jsonl"
    listing.write_text("".join(f"{url}\n" for url in urls), encoding="utf-8")
    output.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "scraper", "batch", str(listing), "-o", str(output)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    # cwd and PYTHONPATH: the `scraper` of this checkout, not an editable install of another.
    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
    served = Served({url: [] for url in urls}, [], proc.returncode, proc.stderr)
    served.seconds = time.perf_counter() - start
    if output.is_file():
        for line in output.read_text(encoding="utf-8").splitlines():
            add_record(served, line)
    return served


def add_record(served: Served, line: str) -> None:
    """File one output line under its URL; a line that is not a record is a stray."""
    try:
        url = json.loads(line)["url"]
    except (ValueError, KeyError, TypeError):
        served.strays.append(f"(not a record: {line[:60]!r})")
        return
    if url in served.records:
        served.records[url].append(json.loads(line))
    else:
        served.strays.append(url)


def served_fields(record: Record | None) -> Record:
    """A batch record as a prediction, in the shape bench/quality.py writes; no ok record: empty."""
    if record is None or not record.get("ok"):
        return empty_record()
    return {key: record.get(key) for key in (*META_FIELDS, "confidence")} | {"text": record.get("text") or ""}


# --------------------------------------------------------------------------
# Comparing the two
# --------------------------------------------------------------------------
@dataclass(slots=True)
class Diff:
    page: PageRef
    kind: str
    """The reason guessed, in a word: address, decoding, encoding, length, text, error."""
    detail: str


def only_record(served: Served, url: str) -> Record | None:
    found = served.records.get(url, [])
    return found[0] if len(found) == 1 else None


def failure(served: Served, url: str) -> str | None:
    """Why a URL has no usable record (None: it has exactly one ok record)."""
    found = served.records.get(url, [])
    if len(found) != 1:
        return f"{len(found)} records"
    error = found[0].get("error") or {}
    return None if found[0].get("ok") else f"{error.get('type')}: {error.get('message')}"


def at_served_url(pages: list[PageRef], url_of: dict[str, str], jobs: int) -> dict[tuple[str, str], str]:
    """In-process text of `pages` extracted at their served URL instead of the manifest's."""
    moved = [dataclasses.replace(p, url=url_of[p.dataset + "/" + p.id]) for p in pages]
    results = run_pages(moved, ["ours"], DEFAULT_OURS, jobs, timeout=60.0)
    return {(r.page.dataset, r.page.id): r.outcomes["ours"].record["text"] for r in results}


def mojibake(text: str) -> int:
    return sum(text.count(mark) for mark in MOJIBAKE)


def reason_for(page: PageRef, ours: str, served: str, moved: str | None, mode: str) -> tuple[str, str]:
    """A guess at why the served text differs from the in-process one, most specific first."""
    if moved == served:
        return "address", "in-process at the served URL gives the served text"
    data = read_page(page.path)
    header = content_type_for(mode, data)
    (text_plain, enc_plain), (text_sent, enc_sent) = decode_html(data), decode_html(data, header)
    if text_plain != text_sent:
        return "decoding", f"{enc_sent} from header {header!r} vs {enc_plain} in-process"
    if mojibake(ours) != mojibake(served):
        return "encoding", f"mojibake marks {mojibake(ours)} in-process vs {mojibake(served)} served"
    if len(ours) != len(served):
        return "length", f"{len(ours)} chars in-process vs {len(served)} served"
    return "text", "same length, different text"


@dataclass(frozen=True, slots=True)
class MetaDiff:
    """A metadata field that differs on a page whose text does not."""

    page: PageRef
    field: str
    in_process: Any
    served: Any


@dataclass(slots=True)
class Comparison:
    """Per dataset: the served predictions, and how they differ from the in-process ones."""

    served: dict[str, dict[str, Record]] = field(default_factory=dict)
    moved: dict[str, dict[str, Record]] = field(default_factory=dict)
    """In-process records with the differing pages re-extracted at their served URL."""
    diffs: list[Diff] = field(default_factory=list)
    failures: dict[PageRef, str] = field(default_factory=dict)
    """Pages without exactly one ok record, and why."""
    meta: list[MetaDiff] = field(default_factory=list)


def compare(
    pages: dict[str, list[PageRef]],
    ours: dict[str, dict[str, Record]],
    served: Served,
    url_of: dict[str, str],
    args: argparse.Namespace,
) -> Comparison:
    """Match served records to pages, and explain every page whose text changed."""
    result = Comparison()
    differing: list[PageRef] = []
    for folder, group in pages.items():
        result.served[folder] = {}
        for page in group:
            url = url_of[folder + "/" + page.id]
            why = failure(served, url)
            if why is not None:
                result.failures[page] = why
            record = result.served[folder][page.id] = served_fields(only_record(served, url))
            mine = ours[folder][page.id]
            if record["text"] != mine["text"]:
                differing.append(page)
            elif why is None:
                result.meta += [
                    MetaDiff(page, f, mine[f], record[f]) for f in META_FIELDS if record[f] != mine[f]
                ]
    result.moved = {folder: dict(ours[folder]) for folder in pages}
    moved = at_served_url(differing, url_of, args.jobs) if differing else {}
    for page in differing:
        text = moved[(page.dataset, page.id)]
        result.moved[page.dataset][page.id] = ours[page.dataset][page.id] | {"text": text}
        result.diffs.append(explain(page, ours, result, text, args.content_type))
    return result


def explain(
    page: PageRef, ours: dict[str, dict[str, Record]], result: Comparison, moved: str, mode: str
) -> Diff:
    why = result.failures.get(page)
    if why is not None:
        return Diff(page, "error", why)
    served_text = result.served[page.dataset][page.id]["text"]
    return Diff(page, *reason_for(page, ours[page.dataset][page.id]["text"], served_text, moved, mode))


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------
def score_table(
    pages: dict[str, list[PageRef]],
    scores: dict[str, dict[str, dict[str, Any]]],
    comparison: Comparison,
) -> str:
    head = [
        "dataset",
        "pages",
        "in-process F1",
        "served F1",
        "Δ",
        "at served URL F1",
        "text differs",
        "no ok",
    ]
    rows = []
    for folder, group in pages.items():
        ours, served, moved = (
            scores[folder][name]["f1"] for name in ("in-process", "served", "at-served-url")
        )
        rows.append(
            [
                folder,
                str(len(group)),
                fmt(ours),
                fmt(served),
                f"{served - ours:+.3f}",
                fmt(moved),
                str(sum(d.page.dataset == folder for d in comparison.diffs)),
                str(sum(p.dataset == folder for p in comparison.failures)),
            ]
        )
    return render_table(head, rows)


def meta_table(pages: dict[str, list[PageRef]], comparison: Comparison) -> str:
    counts = Counter((d.page.dataset, d.field) for d in comparison.meta)
    rows = [[folder, *(str(counts[folder, f]) for f in META_FIELDS)] for folder in pages]
    return render_table(["dataset", *META_FIELDS], rows)


def summary_line(stderr: str) -> str:
    """The batch's own summary ("N records in S s ...: N ok, M failed"), from its stderr."""
    lines = [line.strip() for line in stderr.splitlines() if " ok, " in line and " failed" in line]
    return lines[-1] if lines else "no summary"


def report(
    root: Path,
    pages: dict[str, list[PageRef]],
    scores: dict[str, dict[str, dict[str, Any]]],
    comparison: Comparison,
    served: Served,
    args: argparse.Namespace,
) -> str:
    total = sum(len(g) for g in pages.values())
    reasons = Counter(d.kind for d in comparison.diffs)
    lines = [
        "# Served quality: scraper batch over 127.0.0.1 vs extract_bytes in-process",
        f"bench dir: {root}; pages: {total}" + (f" (--limit {args.limit})" if args.limit else ""),
        f"content type: {args.content_type}; scraper batch: exit code {served.returncode}, "
        + f"{served.seconds:.1f}s; {summary_line(served.stderr)}",
        "",
        score_table(pages, scores, comparison),
        "",
        "'at served URL': in-process, with the pages whose text differs re-extracted at their",
        "served URL: the share of the gap that the address alone explains.",
        "",
        f"pages whose served text differs: {len(comparison.diffs)}"
        + (f" ({', '.join(f'{k} {n}' for k, n in reasons.most_common())})" if reasons else ""),
    ]
    lines += [f"  {d.page.dataset}/{d.page.id}: {d.kind}: {d.detail}" for d in comparison.diffs[: args.show]]
    if len(comparison.diffs) > args.show:
        lines.append(f"  ... and {len(comparison.diffs) - args.show} more")
    lines += ["", f"pages without exactly one ok record: {len(comparison.failures)}"]
    lines += [f"  {p.dataset}/{p.id}: {why}" for p, why in comparison.failures.items()]
    if served.strays:
        lines.append(f"records for URLs that were not listed: {len(served.strays)}")
    lines += [
        "",
        "same text, different metadata (expected for sitename and date, which may come from",
        "the URL, and 127.0.0.1 is not the page's host):",
        "",
        meta_table(pages, comparison),
        "",
    ]
    lines += [
        f"  {d.page.dataset}/{d.page.id} {d.field}: {d.in_process!r} in-process, {d.served!r} served"
        for d in comparison.meta[: args.show]
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_page_options(ap)  # --datasets, --limit
    ap.add_argument(
        "--content-type",
        choices=CONTENT_TYPES,
        default="plain",
        help="plain: text/html (a typical static server); charset: text/html; charset=<the file's "
        "encoding>; none: no Content-Type header; static: the stored files as `python -m http.server` "
        "serves them (.html.gz as application/gzip)",
    )
    ap.add_argument("--workers", type=int, help="passed to scraper batch (default: its own)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the in-process extraction")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where records and predictions go")
    ap.add_argument("--show", type=int, default=SHOWN_DIFFS, help="differing pages listed")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = bench_dir_or_skip()
    if root is None:
        return 0
    pages = selected_pages(args.datasets, args.limit, root)
    flat = [p for group in pages.values() for p in group]

    print(f"in-process: {len(flat)} pages", file=sys.stderr)
    ours = collect(pages, ["ours"], DEFAULT_OURS, args.jobs, timeout=60.0)
    in_process = {folder: ours.records[folder]["ours"] for folder in pages}
    print("served: scraper batch", file=sys.stderr)
    with serving(flat, args.content_type, root) as base:
        url_of = {p.dataset + "/" + p.id: base + page_path(p, args.content_type, root) for p in flat}
        served = run_batch(list(url_of.values()), args.out, args.workers)
    if served.returncode not in (0, 1):
        print(f"scraper batch failed ({served.returncode}):\n{served.stderr}", file=sys.stderr)
        return 1
    comparison = compare(pages, in_process, served, url_of, args)
    # The three prediction sets as quality.py's "systems": its writer and scorer serve as they are.
    sets = RunData(pages=pages)
    for folder in pages:
        sets.records[folder] = {
            "in-process": in_process[folder],
            "served": comparison.served[folder],
            "at-served-url": comparison.moved[folder],
        }
    scores = score_all(sets, write_jsonl(sets, args.out), partial=bool(args.limit), bootstrap=0)
    print(report(root, pages, scores, comparison, served, args))
    print(f"\nrecords and predictions: {args.out}")
    broken = served.strays or any(len(found) != 1 for found in served.records.values())
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

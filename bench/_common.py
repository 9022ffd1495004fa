"""Shared helpers for the benchmarks: where the data is, what pages it has, and scoring.

The benchmark pages and the scorer (`score.py`) live outside the repository, in
`../shared/bench` next to any clone (override with `SCRAPER_BENCH_DIR`). Every
benchmark script and the quality gate go through these helpers so that they all
agree on which pages exist and how they are scored: `score.py` is the single
source of truth for metrics and is only ever called, never re-implemented.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository checkout this file belongs to."""

BENCH_DIR_ENV = "SCRAPER_BENCH_DIR"

DATASETS: dict[str, str] = {
    "scrapinghub": "scrapinghub-dev",
    "readability": "readability",
    "wcxb": "wcxb-dev",
}
"""Short name (as typed on the command line) -> folder name in the bench dir.

The folder name is also the key used in `bench/floors.json` and in reports.
"""

FLOORS_FILE = REPO_ROOT / "bench" / "floors.json"


@dataclass(frozen=True, slots=True)
class PageRef:
    """One benchmark page: enough to read it and to match it to score.py's ids."""

    dataset: str
    """Folder name of the dataset, e.g. "scrapinghub-dev"."""
    id: str
    path: Path
    url: str


def bench_dir() -> Path:
    """The bench data folder: `$SCRAPER_BENCH_DIR`, else `<repo>/../shared/bench`.

    Not checked for existence: callers decide whether absence means skip or error.
    """
    override = os.environ.get(BENCH_DIR_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return (REPO_ROOT.parent / "shared" / "bench").resolve()


def bench_available(root: Path | None = None) -> bool:
    """True when the bench dir holds the scorer, i.e. benchmarks can run at all."""
    root = root or bench_dir()
    return (root / "score.py").is_file()


def bench_dir_or_skip() -> Path | None:
    """The bench dir when it can be used; else None, after saying on stderr that the run is skipped.

    A benchmark's `main()` then returns 0: missing bench data is not an error.
    """
    root = bench_dir()
    if bench_available(root):
        return root
    print(f"skipped: {root} not found (set {BENCH_DIR_ENV})", file=sys.stderr)
    return None


def dataset_folder(name: str) -> str:
    """Accept either a short name ("wcxb") or a folder name ("wcxb-dev")."""
    if name in DATASETS:
        return DATASETS[name]
    if name in DATASETS.values():
        return name
    raise ValueError(f"unknown dataset {name!r}; choose from {', '.join(DATASETS)}")


def load_manifest(dataset: str, root: Path | None = None) -> list[PageRef]:
    """Pages listed in `<dataset>/manifest.tsv` (columns id, path, url), in file order."""
    folder = dataset_folder(dataset)
    base = (root or bench_dir()) / folder
    pages: list[PageRef] = []
    with open(base / "manifest.tsv", encoding="utf-8") as handle:
        header = next(handle).rstrip("\n").split("\t")
        col = {name: index for index, name in enumerate(header)}
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < len(header):
                continue
            pages.append(
                PageRef(
                    dataset=folder,
                    id=parts[col["id"]],
                    path=base / parts[col["path"]],
                    url=parts[col["url"]],
                )
            )
    return pages


def selected_pages(
    datasets: Iterable[str], limit: int = 0, root: Path | None = None
) -> dict[str, list[PageRef]]:
    """Folder name -> its first `limit` pages (0 = all), for each dataset named (once, in that order)."""
    folders = dict.fromkeys(dataset_folder(d) for d in datasets)
    return {folder: load_manifest(folder, root)[: limit or None] for folder in folders}


def read_page(path: Path) -> bytes:
    """Raw page bytes, gunzipped when stored as `.gz` (the extractors want undecoded bytes)."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        return gzip.decompress(data)
    return data


def run_score(
    dataset: str,
    preds: list[Path],
    *,
    root: Path | None = None,
    ids: list[str] | None = None,
    per_doc: bool = True,
    bootstrap: int | None = None,
) -> list[dict[str, Any]]:
    """Score prediction JSONL files with the bench's own `score.py`; one result per file.

    Runs it as a subprocess with `--json` so the numbers are exactly the ones the
    scorer prints. `ids` restricts scoring to the pages that were run (a partial
    run would otherwise count every other page as an empty prediction).
    `bootstrap=0` switches off the shingle-only std estimate when only the point
    estimates are needed.
    """
    base = root or bench_dir()
    cmd = [
        sys.executable,
        str(base / "score.py"),
        "--dataset",
        str(base / dataset_folder(dataset)),
        "--pred",
        *(str(p) for p in preds),
        "--json",
    ]
    if per_doc:
        cmd.append("--per-doc")
    if bootstrap is not None:
        cmd += ["--bootstrap", str(bootstrap)]
    with tempfile.TemporaryDirectory(prefix="scraper-score-") as tmp:
        if ids is not None:
            cmd += ["--ids", str(write_ids(Path(tmp) / "ids.txt", ids))]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"score.py failed ({proc.returncode}): {proc.stderr.strip()}")
    result = json.loads(proc.stdout)
    return result if isinstance(result, list) else [result]


def write_ids(path: Path, ids: list[str]) -> Path:
    """Write an `--ids` file for score.py (one id a line)."""
    path.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
    return path


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """Minimum scores per dataset folder, e.g. `{"readability": {"f1": 0.93}}`."""
    with open(path, encoding="utf-8") as handle:
        data: dict[str, dict[str, float]] = json.load(handle)
    return data


def csv_choice(allowed: Iterable[str]) -> Callable[[str], list[str]]:
    """argparse type for comma-separated lists drawn from `allowed`."""
    allowed = list(allowed)

    def parse(value: str) -> list[str]:
        items = [v.strip() for v in value.split(",") if v.strip()]
        bad = [v for v in items if v not in allowed]
        if bad or not items:
            raise argparse.ArgumentTypeError(f"choose from {','.join(allowed)} (got {value!r})")
        return items

    return parse


def add_page_options(parser: argparse.ArgumentParser) -> None:
    """`--datasets` and `--limit`, the page selection every benchmark offers (see `selected_pages`)."""
    parser.add_argument(
        "--datasets",
        type=csv_choice(dict.fromkeys([*DATASETS, *DATASETS.values()])),
        default=list(DATASETS),
        help="comma-separated: scrapinghub,readability,wcxb",
    )
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each dataset (0 = all)")

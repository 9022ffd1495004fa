"""Quality gate: our extractor must not fall below the recorded F1 floors.

Runs only `scraper.extract.extract_bytes` over the benchmark pages in
../shared/bench (or $SCRAPER_BENCH_DIR), scores the output with the bench's own
score.py and compares with `bench/floors.json`. The floors sit just under what
the extractor last measured, so a change that loses quality fails here instead
of being noticed later; raise them with `python bench/quality.py --write-floors`
after an improvement.

$SCRAPER_GATE_DATASETS (comma-separated, e.g. "scrapinghub,readability") limits
the datasets, for a quicker local loop; CI runs all of them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bench._common import (
    DATASETS,
    FLOORS_FILE,
    bench_available,
    bench_dir,
    dataset_folder,
    load_floors,
    load_manifest,
)
from bench.quality import DEFAULT_OURS, collect, score_all, write_jsonl

if not bench_available():
    pytest.skip(
        f"quality gate skipped: benchmark data not found at {bench_dir()} (set SCRAPER_BENCH_DIR)",
        allow_module_level=True,
    )

GATED = [
    dataset_folder(name.strip())
    for name in os.environ.get("SCRAPER_GATE_DATASETS", ",".join(DATASETS)).split(",")
    if name.strip()
]
"""Dataset folders this run checks, e.g. ["scrapinghub-dev", "readability", "wcxb-dev"]."""

FLOORS = load_floors()


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """score.py's result for ours on every gated dataset (one extraction run for all tests)."""
    pages = {folder: load_manifest(folder) for folder in GATED}
    jobs = max(2, os.cpu_count() or 1)
    run = collect(pages, ["ours"], DEFAULT_OURS, jobs=jobs, timeout=60.0, progress=False)
    out: Path = tmp_path_factory.mktemp("quality")
    results = score_all(run, write_jsonl(run, out), partial=False, bootstrap=0)
    return {folder: by_system["ours"] for folder, by_system in results.items()}


def worst_pages(result: dict[str, Any], n: int = 5) -> str:
    """The lowest-F1 pages, so a failure says where to look first."""
    docs = sorted(result["per_doc"].items(), key=lambda item: item[1]["f1"])[:n]
    return ", ".join(f"{page_id} {doc['f1']:.3f}" for page_id, doc in docs)


def test_floors_cover_every_dataset() -> None:
    """Every dataset has a floor, so none can regress silently."""
    missing = [folder for folder in DATASETS.values() if "f1" not in FLOORS.get(folder, {})]
    assert not missing, f"{FLOORS_FILE} has no f1 floor for {missing}"


@pytest.mark.parametrize("dataset", GATED)
def test_quality_floor(scores: dict[str, dict[str, Any]], dataset: str) -> None:
    """Each metric named in floors.json (F1, and any other the lead adds) is at or above its floor."""
    result = scores[dataset]
    assert result["n"] == len(load_manifest(dataset)), "score.py saw a different page set"
    for metric, floor in FLOORS.get(dataset, {}).items():
        value = result[metric]
        assert value >= floor, (
            f"{dataset} {metric} {value:.4f} < floor {floor:.4f}; worst pages: {worst_pages(result)}"
        )

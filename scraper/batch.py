"""Scrape many targets listed one per line: one record per distinct input.

Input is read as a stream (blank lines and `#` comments skipped), records
are written as they complete, each as one flushed line, and a summary goes
to stderr at the end.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rich.console import Console

from scraper.fetch import Fetcher
from scraper.pipeline import scrape_target
from scraper.settings import Settings
from scraper.write import write_outcome


@dataclass(frozen=True, slots=True)
class BatchOptions:
    source: str
    """Path of the list, or "-" for stdin."""
    output: Path | None = None
    quiet: bool = False


@dataclass(slots=True)
class Summary:
    total: int = 0
    ok: int = 0
    failed: int = 0
    duplicates: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0


def read_targets(stream: TextIO) -> Iterator[str]:
    """Targets from a list: stripped, no blanks, no `#` comments."""
    for line in stream:
        target = line.strip()
        if target and not target.startswith("#"):
            yield target


def run_batch(options: BatchOptions, settings: Settings, console: Console) -> Summary:
    return asyncio.run(_run(options, settings, console))


async def _run(options: BatchOptions, settings: Settings, console: Console) -> Summary:
    summary = Summary()
    started = time.monotonic()
    seen: set[str] = set()
    with ExitStack() as stack:
        source = sys.stdin if options.source == "-" else stack.enter_context(open(options.source, encoding="utf-8", errors="replace"))
        out = sys.stdout if options.output is None else stack.enter_context(open(options.output, "w", encoding="utf-8"))
        async with Fetcher(settings) as fetcher:
            for target in read_targets(source):
                if target in seen:
                    summary.duplicates += 1
                    continue
                seen.add(target)
                outcome = await scrape_target(target, fetcher, settings=settings)
                write_outcome(outcome, out)
                summary.total += 1
                if outcome.record.ok:
                    summary.ok += 1
                else:
                    summary.failed += 1
                    summary.errors[outcome.record.error.type if outcome.record.error else "?"] += 1
    summary.elapsed = time.monotonic() - started
    if not options.quiet:
        print_summary(summary, console)
    return summary


def print_summary(summary: Summary, console: Console) -> None:
    rate = summary.total / summary.elapsed if summary.elapsed else 0.0
    console.print(
        f"{summary.total} records: {summary.ok} ok, {summary.failed} failed, "
        f"{summary.duplicates} duplicate inputs skipped; {summary.elapsed:.1f} s, {rate:.1f}/s"
    )
    for kind, count in summary.errors.most_common():
        console.print(f"  {kind}: {count}")

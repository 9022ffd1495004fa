"""What a person sees of a batch, all on stderr: a progress bar while it runs, a summary after.

The bar is shown only when stderr is a terminal (and not `--quiet`); in a
pipe or a log file only the summary is written, as plain lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

# Under this confidence a record's text is often not the whole article, or more than it: on
# the benchmark pages, records at or above it average F1 0.94, those under it 0.78
# (`make bench-quality`). A batch's summary counts them, for the user to look at or filter.
UNSURE_BELOW = 0.5


@dataclass(slots=True)
class Summary:
    total: int = 0
    """Records written by this run."""
    ok: int = 0
    without_text: int = 0
    """Ok records whose page gave no body text (a frameset, an app's empty shell)."""
    unsure: int = 0
    """Ok records with text whose confidence is under `UNSURE_BELOW`."""
    failed: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    """Failed records by error type."""
    inputs: int = 0
    """Targets read from the list (blank lines and comments not counted)."""
    duplicates: int = 0
    resumed: int = 0
    """Inputs skipped because the output file already holds their record."""
    resumed_failed: int = 0
    """Of `resumed`, those whose record there is an error record (kept, not retried)."""
    retried_failed: int = 0
    """Error records removed from the output file by --retry-failed."""
    other_shards: int = 0
    elapsed: float = 0.0
    interrupted: bool = False
    output_closed: bool = False

    def count(self, ok: bool, text: str | None, confidence: float | None, error_type: str | None) -> None:
        """One record written."""
        self.total += 1
        if not ok:
            self.failed += 1
            self.errors[error_type or "?"] += 1
            return
        self.ok += 1
        if not text:
            self.without_text += 1
        elif confidence is not None and confidence < UNSURE_BELOW:
            self.unsure += 1

    @property
    def any_failed(self) -> bool:
        """Whether a target of the list has an error record in the output, written by this
        run or kept from the one it resumes: exit code 1."""
        return self.failed > 0 or self.resumed_failed > 0

    @property
    def handled(self) -> int:
        """Inputs dealt with one way or another: the progress bar's numerator."""
        return self.total + self.duplicates + self.resumed + self.other_shards

    @property
    def rate(self) -> float:
        return self.total / self.elapsed if self.elapsed > 0 else 0.0


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _counts(label: str, *counted: tuple[int, str]) -> list[str]:
    """One line, "  label: a, b", of the counts that are not zero; none if all are."""
    shown = [text for count, text in counted if count]
    return [f"  {label}: " + ", ".join(shown)] if shown else []


def summary_lines(summary: Summary, output_name: str | None = None) -> list[str]:
    lines = [
        f"{_plural(summary.total, 'record')} in {summary.elapsed:.1f} s ({summary.rate:.1f}/s): "
        f"{summary.ok:,} ok, {summary.failed:,} failed"
    ]
    lines += _counts(
        "of the ok",
        (summary.without_text, f"{summary.without_text:,} without text"),
        (summary.unsure, f"{summary.unsure:,} with confidence under {UNSURE_BELOW}"),
    )
    lines += _counts(
        "failed by type", *((count, f"{kind} {count:,}") for kind, count in summary.errors.most_common())
    )
    lines += _counts(
        "skipped",
        (summary.duplicates, _plural(summary.duplicates, "duplicate input")),
        (
            summary.resumed,
            f"{summary.resumed:,} already in {output_name or 'the output'}"
            + (f" ({summary.resumed_failed:,} of them failed)" if summary.resumed_failed else ""),
        ),
        (summary.other_shards, f"{summary.other_shards:,} in other shards"),
    )
    if summary.retried_failed:
        lines.append(f"  {_plural(summary.retried_failed, 'earlier error record')} removed to retry them")
    if summary.interrupted:
        lines.append("interrupted: every record written is complete; rerun with --resume to go on")
    if summary.output_closed:
        lines.append("stopped: the output was closed")
    return lines


def print_summary(summary: Summary, console: Console, output_name: str | None = None) -> None:
    for line in summary_lines(summary, output_name):
        console.print(line, markup=False, highlight=False)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text(f"{speed:,.1f}/s" if speed else "–/s", style="progress.data.speed")


class ProgressBar:
    """done / total, ok / failed, rate and ETA; does nothing unless `enabled`."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if enabled:
            self._progress = Progress(
                TextColumn("[green]{task.fields[ok]:,} ok[/] [red]{task.fields[failed]:,} failed[/]"),
                BarColumn(),
                MofNCompleteColumn(),
                _Rate(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
                speed_estimate_period=30.0,
            )
            self._task = self._progress.add_task("batch", total=None, ok=0, failed=0)

    def __enter__(self) -> ProgressBar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def set_total(self, total: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=total)

    def show(self, summary: Summary) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=summary.handled, ok=summary.ok, failed=summary.failed)

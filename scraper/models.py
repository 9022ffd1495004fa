"""Frozen data objects handed from stage to stage.

    Target ──fetch/read──▶ Page ──extract──▶ Article ──pipeline──▶ Outcome(Record) ──write──▶ JSON

`Record` is the output contract: its field names are the JSON keys, in order
(see `scraper/record.schema.json` and the README).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded HTML document and where it came from."""

    url: str
    """The address asked for (credentials removed), or the file path / --url given."""
    html: str
    final_url: str | None = None
    """The address after redirects; for files and stdin the --url given, if any."""
    status: int | None = None
    """HTTP status; None for files and stdin."""
    fetched_at: str = ""
    """ISO 8601 UTC time the body was read."""
    content_type: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """What the extractor found in a page: body text and metadata."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    confidence: float = 0.0
    """How sure the extractor is that `text` is the whole article, in [0, 1]."""
    blocks: tuple[tuple[str, str], ...] = ()
    """The body's lines, each with its kind ("p", "heading", "item0", "row", ...):
    `text` is their lines joined, `markdown` their mark-up."""

    @property
    def markdown(self) -> str:
        """The same body with headings, lists, quotes and tables marked up, rendered when
        asked for: only `scraper extract -f markdown` prints it."""
        # Imported here: the renderer and ftfy's repair belong to the extractor's side.
        from scraper.markdown import render_markdown
        from scraper.mojibake import repair

        return repair(render_markdown(self.blocks))


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    type: str
    """The error class name from `scraper.errors`, e.g. "HTTPStatusError"."""
    message: str


@dataclass(frozen=True, slots=True)
class Record:
    """One output line. Content fields are None when `ok` is false."""

    url: str
    final_url: str | None = None
    status: int | None = None
    ok: bool = False
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    text: str | None = None
    word_count: int | None = None
    confidence: float | None = None
    fetched_at: str | None = None
    error: ErrorInfo | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.error is None:
            # The schema only carries `error` on failed records.
            del data["error"]
        return data


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the pipeline hands the writer: the record, and the body as Markdown where
    the writer may print it (`scraper extract`'s; a batch writes JSON only)."""

    record: Record
    markdown: str | None = None

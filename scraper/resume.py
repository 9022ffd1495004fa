"""Read back a batch's own output so `--resume` can skip what is done.

Records are appended one complete line per write() (see `scraper.batch`), so
after a crash or `kill -9` only the *last* line can be torn. `prepare_resume`:

1. reads FILE line by line (streamed; memory is the URL digests only); a
   record is a line that ends in a newline and parses as a JSON object with a
   string `url`;
2. cuts off a torn or unreadable tail by truncating the file where it starts;
3. with `retry_failed`, drops the error records (their URLs are then fetched
   again) -- and any unreadable line in the middle, which this tool never
   writes -- by rewriting FILE into a temporary file beside it and swapping it
   in with `os.replace`, so a crash during the rewrite leaves the old FILE whole;
4. returns the `url`s of the records kept, which the batch skips.

The `url` of a record is its input line (credentials removed), so matching
is exact string equality with what the batch would write again.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from scraper.digests import DigestSet


@dataclass(slots=True)
class ResumeState:
    done: DigestSet = field(default_factory=DigestSet)
    """URLs that already have a record in the file."""
    ok: int = 0
    failed: int = 0
    """Error records kept (without --retry-failed)."""
    done_failed: DigestSet = field(default_factory=DigestSet)
    """Of `done`, the URLs whose record kept is an error record."""
    dropped_failed: int = 0
    """Error records removed so that their URLs are retried."""
    dropped_lines: int = 0
    """Torn or unreadable lines removed."""


def _record_head(line: bytes) -> tuple[str, bool] | None:
    """(url, ok) of a complete record line, or None if the line is not one."""
    if not line.endswith(b"\n"):
        return None
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        return None
    return data["url"], data.get("ok") is True


def prepare_resume(path: Path, retry_failed: bool = False) -> ResumeState:
    """Repair FILE for appending and return what it already holds (see the module doc)."""
    state = ResumeState()
    if not path.exists():
        return state
    bad_tail_at: int | None = None  # offset where the run of bad lines at the end starts
    bad_in_middle = False
    offset = 0
    with open(path, "rb") as handle:
        for line in handle:
            head = _record_head(line)
            if head is None:
                state.dropped_lines += 1
                if bad_tail_at is None:
                    bad_tail_at = offset
            else:
                if bad_tail_at is not None:
                    bad_in_middle = True
                    bad_tail_at = None
                url, ok = head
                if ok:
                    state.ok += 1
                    state.done.add(url)
                elif retry_failed:
                    state.dropped_failed += 1
                else:
                    state.failed += 1
                    state.done.add(url)
                    state.done_failed.add(url)
            offset += len(line)
    if bad_in_middle or state.dropped_failed:
        _rewrite(path, retry_failed)
    elif bad_tail_at is not None:
        with open(path, "r+b") as handle:
            handle.truncate(bad_tail_at)
            os.fsync(handle.fileno())
    return state


def _rewrite(path: Path, retry_failed: bool) -> None:
    temporary = path.with_name(path.name + ".resume-tmp")
    with open(path, "rb") as source, open(temporary, "wb") as target:
        for line in source:
            head = _record_head(line)
            if head is None or (retry_failed and not head[1]):
                continue
            target.write(line)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, path)

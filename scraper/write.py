"""Records -> JSON, JSON Lines, text or Markdown on a stream.

Every record is one complete line, written and flushed at once, so a reader
at the other end of a pipe (or a crash) never sees half a record. Strings are
made safe for any JSON reader first: lone surrogates (from broken pages)
become U+FFFD, and U+2028/U+2029 are escaped so the line stays one line for
tools that treat them as line breaks.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal, TextIO

from scraper.models import Outcome

Format = Literal["json", "text", "markdown"]
FORMATS: tuple[Format, ...] = ("json", "text", "markdown")

_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that some readers (Python's str.splitlines, JavaScript) take as
# line ends, though JSON lets them stand raw: escaped, a record stays one line.
# Found by a regular expression: `str.translate` with a table reads a non-ASCII
# text character by character in Python's dict, fifteen times slower.
_LINE_BREAKERS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_safe(v) for v in value]
    return value


def json_line(data: dict[str, Any]) -> str:
    """One record as one line of JSON (no trailing newline)."""
    text = json.dumps(_safe(data), ensure_ascii=False, separators=(", ", ": "))
    return _LINE_BREAKERS.sub(_escaped, text)


def render(outcome: Outcome, fmt: Format) -> str:
    record = outcome.record
    if fmt == "json":
        return json_line(record.to_dict())
    if not record.ok:
        return ""
    if fmt == "markdown":
        heading = f"# {record.title}\n\n" if record.title else ""
        return heading + (outcome.markdown or record.text or "")
    return record.text or ""


def write_outcome(outcome: Outcome, stream: TextIO, fmt: Format = "json", after: bool = False) -> bool:
    """Write one outcome and flush; whether anything was written. In the text formats a
    failed target writes nothing, and a record `after` another is set off by a blank line."""
    out = render(outcome, fmt)
    if fmt != "json":
        if not out:
            return False
        if after:
            out = "\n" + out
    stream.write(_SURROGATE.sub("\ufffd", out) + "\n")
    stream.flush()
    return True

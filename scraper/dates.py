"""Date strings from pages -> ISO 8601.

Keeps the precision the page gave: a bare day stays `YYYY-MM-DD`, a time with
an offset stays a full timestamp. Parsing is python-dateutil's, after the
standard library's own ISO parser has had its go.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from dateutil import parser as dateutil_parser

EARLIEST_YEAR = 1990
_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 for a date string, or None if it is not a plausible publication date."""
    if not value:
        return None
    text = value.strip()
    if not text or len(text) > 80:
        return None
    if _DAY_ONLY.match(text):
        return text if _plausible(datetime.fromisoformat(text)) else None
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = dateutil_parser.parse(text, fuzzy=False)
        except (ValueError, OverflowError):
            return None
    if not _plausible(parsed):
        return None
    if not _HAS_TIME.search(text):
        return parsed.date().isoformat()
    return parsed.isoformat()


def _plausible(moment: datetime) -> bool:
    now = datetime.now(UTC)
    return EARLIEST_YEAR <= moment.year <= now.year + 1

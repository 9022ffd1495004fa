"""Date strings from pages -> ISO 8601, and the page-wide date search.

`normalise_date` keeps the precision the page gave, in one shape: a bare day
stays `YYYY-MM-DD` (a month, `YYYY-MM`); a time becomes
`YYYY-MM-DDTHH:MM:SS`, followed by its offset as `±HH:MM` when the page gave
one (`Z`, `UTC` and `GMT` become `+00:00`, `+0200` becomes `+02:00`). The
offset is never converted and fractions of a second are dropped. Strings that
are not ISO 8601 go through python-dateutil, after a check of which parts the
string really named, so that "2015" never becomes 2015-<today's month and day>.

`find_text_date` reads the date out of a dateline a reader sees ("Published
on July 18, 2025", "5. März 2024"), month names from a table of languages.

`search_date` is the expensive fallback for pages that declare no date:
htmldate's search of the whole document (URL, date markup, visible dates).
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta

from dateutil import parser as dateutil_parser

from scraper.dom import collapse

EARLIEST_YEAR = 1990
"""Older dates on the web are almost always the subject of a page, not its publication."""
LATEST_AHEAD = timedelta(days=2)
"""Pages stamped a little ahead of our clock (time zones, scheduled posts) are still plausible."""

# YYYY-MM-DD, optionally a time (HH:MM, :SS, .fraction) and an offset; the
# space separator (SQL style, RFC 3339) and a trailing "UTC" are accepted.
_ISO = re.compile(
    r"""^(?P<date>\d{4}-\d{2}-\d{2})
    (?:[T\s](?P<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)
       \s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?|\s?(?:UTC|GMT))?)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
# Two defaults that differ in every field: a field that comes out different
# from the two parses was not in the string.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 0, 0)


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 for a date string, or None if it is not a plausible publication date."""
    if not value:
        return None
    text = collapse(value)
    if not text or len(text) > 80:
        return None
    match = _ISO.match(text)
    if match:
        return _tidy_iso(match)
    if _ISO_MONTH.match(text):
        return text if _plausible(datetime.fromisoformat(text + "-01")) else None
    if _EPOCH.match(text):
        return _from_epoch(int(text[:10]))
    return _parse_free(text)


def _tidy_iso(match: re.Match[str]) -> str | None:
    day, time, offset = match.group("date"), match.group("time"), match.group("offset")
    try:
        moment = datetime.fromisoformat(day + ("T" + time[:8] if time else ""))
    except ValueError:
        return None
    if not _plausible(moment):
        return None
    if not time:
        return day
    return moment.isoformat(timespec="seconds") + _tidy_offset(offset)


# The farthest any zone is from UTC (Kiribati's +14:00).
MAX_OFFSET_HOURS = 14


def _tidy_offset(offset: str | None) -> str:
    """'Z', 'UTC' and 'GMT' become '+00:00'; '+0100' and '+01' become '+01:00'."""
    if not offset:
        return ""
    offset = offset.strip().upper()
    if offset in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = offset[1:].replace(":", "")
    hours, minutes = digits[:2], digits[2:4] or "00"
    if int(hours) > MAX_OFFSET_HOURS or int(minutes) >= 60:
        return ""  # no zone is that far from UTC ("-99:99"): the time stays, without it
    return f"{offset[0]}{hours}:{minutes}"


# Zone abbreviations pages print after times, as offsets in seconds. Only the
# unambiguous ones: "IST" or "CST" elsewhere than America are left alone.
ZONE_NAMES: dict[str, int] = {
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
    "CET": 3600, "CEST": 2 * 3600, "BST": 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
    "JST": 9 * 3600, "KST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
}  # fmt: skip


def _from_epoch(seconds: int) -> str | None:
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.isoformat(timespec="seconds") if _plausible(moment) else None


# "GMT+3", "UTC+05:30": an offset from UTC as people write it. dateutil reads it the
# POSIX way, where "GMT+3" is three hours *behind*, and would flip its sign.
_NAMED_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b", re.IGNORECASE)


def _plain_offset(match: re.Match[str]) -> str:
    return f"{match.group(1)}{int(match.group(2)):02d}:{match.group(3) or '00'}"


def _parse_free(text: str) -> str | None:
    """'March 5, 2024', 'Tue, 05 Mar 2024 10:00:00 GMT', '05.03.2024': only the parts the text names."""
    text = _NAMED_OFFSET.sub(_plain_offset, text)
    try:
        with warnings.catch_warnings():
            # An unknown zone name ("XYZT") leaves the time naive; that is fine here.
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            first = dateutil_parser.parse(text, default=_DEFAULT_A, tzinfos=ZONE_NAMES)
            second = dateutil_parser.parse(text, default=_DEFAULT_B, tzinfos=ZONE_NAMES)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year or first.month != second.month:
        return None  # a bare year, or a day without its month: not a publication date
    if not _plausible(first):
        return None
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    if not _HAS_TIME.search(text):
        return first.date().isoformat()
    return first.replace(microsecond=0).isoformat()


def _plausible(moment: datetime) -> bool:
    now = datetime.now(UTC).replace(tzinfo=None)  # offsets ignored: LATEST_AHEAD is wider than any
    return moment.year >= EARLIEST_YEAR and moment.replace(tzinfo=None) <= now + LATEST_AHEAD


# Month names as pages spell them out, in the languages we see most: English, German,
# French, Spanish, Italian, Portuguese, Dutch; then the Nordic languages, Indonesian and
# Malay, Turkish, Romanian, and Polish, Czech, Russian and Ukrainian in the genitive a date
# puts them in ("14 sierpnia 2025", "14. srpna 2025", "14 августа 2025") and the nominative;
# last Hungarian, Greek (in the genitive) and Arabic (the names used from Egypt to the Gulf).
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan janv januar janvier enero gennaio janeiro januari jänner"
            " ocak ianuarie stycznia styczeń ledna leden января январь січня січень"
            " január ιανουαρίου يناير",
            "february feb févr fevr februar février fevrier febrero febbraio fevereiro februari"
            " şubat subat februarie lutego luty února únor февраля февраль лютого лютий"
            " február febr φεβρουαρίου فبراير",
            "march mar mär märz maerz mars marzo março maart marts maret mac mart martie"
            " marca marzec března březen марта март березня березень"
            " március márc μαρτίου مارس",
            "april apr avr avril abril aprile nisan aprilie kwietnia kwiecień dubna duben апреля апрель"
            " квітня квітень"
            " április ápr απριλίου أبريل ابريل",
            "may mai mayo maggio maio mei maj mayıs mayis maja maj května květen мая май травня травень"
            " május máj μαΐου مايو",
            "june jun juni juin junio giugno junho haziran iunie czerwca czerwiec června červen июня июнь"
            " червня червень"
            " június jún ιουνίου يونيو",
            "july jul juil juli juillet julio luglio julho temmuz iulie lipca lipiec července červenec"
            " июля июль липня липень"
            " július júl ιουλίου يوليو",
            "august aug août aout agosto augustus agustus ogos ağustos agustos sierpnia sierpień srpna srpen"
            " августа август серпня серпень"
            " augusztus αυγούστου أغسطس اغسطس",
            "september sep sept septembre septiembre settembre setembro eylül eylul septembrie"
            " września wrzesień září сентября сентябрь вересня вересень"
            " szeptember szept σεπτεμβρίου سبتمبر",
            "october oct okt oktober octobre octubre ottobre outubro ekim octombrie października październik"
            " října říjen октября октябрь жовтня жовтень"
            " október οκτωβρίου أكتوبر اكتوبر",
            "november nov novembre noviembre novembro kasım kasim noiembrie listopada listopad listopadu"
            " ноября ноябрь листопада листопад"
            " νοεμβρίου نوفمبر",
            "december dec déc dez dezember décembre decembre diciembre dicembre dezembro desember disember"
            " aralık aralik decembrie grudnia grudzień prosince prosinec декабря декабрь грудня грудень"
            " δεκεμβρίου ديسمبر",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
# "March 5, 2024", "5 March 2024", "5. März 2024", "le 5 mars 2024", "2024-03-05", "05.03.2024",
# "2024年3月5日", "2024/03/05".
_TEXT_DATES = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?"
        + _MONTH
        + r"[,،]?\s+(?:de\s+)?(?P<year>\d{4})\b",
        re.IGNORECASE,
    ),
    # Digits touch the letters around them in Chinese and Japanese ("发布时间2025-03-10"), where
    # both are word characters and `\b` finds no edge: these look for digits that do not go on.
    re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),
    # "2025年3月10日" (Chinese, Japanese), "2025/03/10" and "2025.03.10" (Japanese, Korean): year first.
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s?年\s?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"),
    re.compile(r"(?<![\d./])(?P<year>(?:19|20)\d{2})([/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d./])"),
    # "2025. augusztus 14." (Hungarian, year first), "14 tháng 8, 2025" (Vietnamese).
    re.compile(r"\b(?P<year>\d{4})\.\s*" + _MONTH + r"\s+(?P<day>\d{1,2})\.", re.IGNORECASE),
    re.compile(
        r"\b(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})(?:\s*,\s*|\s+năm\s+)(?P<year>\d{4})\b",
        re.IGNORECASE,
    ),
    # A Unix stamp, as mailing-list archives print it: "Sun Dec 12 19:42:17 EST 2004".
    re.compile(
        _MONTH + r"\s+(?P<day>\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?(?P<year>\d{4})\b",
        re.IGNORECASE,
    ),
    # Dashed digits, as old forums print them ("03-22-2007, 10:14 PM"): month first in the
    # US, day first elsewhere; read only where the order shows (one of them past 12).
    re.compile(r"(?<![\d-])(?P<first>\d{1,2})-(?P<second>\d{1,2})-(?P<year>(?:19|20)\d{2})(?![\d-])"),
)


def find_text_date(text: str) -> str | None:
    """The first date a reader would see in a short text ('Published on July 18, 2025'), as YYYY-MM-DD."""
    for pattern in _TEXT_DATES:
        for match in pattern.finditer(text):
            if "first" in pattern.groupindex:
                moment = _dashed(match)
                if moment is not None and _plausible(moment):
                    return moment.date().isoformat()
                continue
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS.get(month.lower())
            if number is None:
                continue
            try:
                moment = datetime(int(match.group("year")), number, int(match.group("day")))
            except ValueError:
                continue
            if _plausible(moment):
                return moment.date().isoformat()
    return None


def _dashed(match: re.Match[str]) -> datetime | None:
    """The day of "03-22-2007" or "22-03-2007"; none where both orders make a date."""
    first, second, year = (int(match.group(name)) for name in ("first", "second", "year"))
    if (first > 12) == (second > 12):
        return None
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


# Permalinks that carry the day: /2024/03/05/slug, /2024-03-05-slug, /20240305/, and with a
# section between the year and the month, as CNN's were: /2009/US/05/12/slug.
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/_-](?P<month>[01]?\d)[/_-](?P<day>[0-3]?\d)(?:[/_.-]|$)|"
    r"/(?P<year2>(?:19|20)\d{2})(?P<month2>[01]\d)(?P<day2>[0-3]\d)(?:[/_.-]|$)|"
    r"/(?P<year3>(?:19|20)\d{2})/[A-Za-z]{2,20}/(?P<month3>[01]?\d)/(?P<day3>[0-3]?\d)/"
)


def url_date(url: str | None) -> str | None:
    """The day a permalink names ('/2024/03/05/storm-hits-coast/'), as YYYY-MM-DD."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    if match.group("year"):
        year, month, day = match.group("year", "month", "day")
    elif match.group("year2"):
        year, month, day = match.group("year2", "month2", "day2")
    else:
        year, month, day = match.group("year3", "month3", "day3")
    try:
        moment = datetime(int(year), int(month), int(day))
    except ValueError:
        return None
    return moment.date().isoformat() if _plausible(moment) else None


def search_date(html: str, url: str | None = None) -> str | None:
    """Publication day found anywhere in the page by htmldate, as `YYYY-MM-DD`.

    Costs a second parse (lxml) and a walk of the document (about 5 ms), so
    callers try the declared and shown dates first. htmldate's quick mode
    only: its extensive mode hands free text to dateparser, which on the
    WCXB pages found a date for 1 page in 150 more at ten times the cost.
    Only the day is kept: htmldate reads many of its dates from text that
    names no time, and a time it did not see would be invented precision.
    """
    if not html.strip():
        return None
    # Imported on the first page that needs it (a page that declares no date): it
    # brings urllib3 and lxml's HTML parser, a tenth of a second of start-up.
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    return normalise_date(found) if found else None

"""One file per record in an output directory (`-o DIR/`), named from the URL.

A URL is hostile input, and a file name derived from it must not be able to
escape DIR or clobber another record. `filename_for_url` is pure (the caller
passes what is already taken, as shot-scraper's `filename_for_url` takes
`file_exists`) and guarantees that a name:

- is a single path component of `[a-z0-9._-]` only: no `/`, `\\`, `..`, NUL,
  drive letter or leading dot, so `DIR / name` is always directly inside DIR;
- is lower case, so two names never differ only by case and cannot clash on
  a case-insensitive filesystem (macOS, Windows); the URL's case still
  counts, through the hash;
- is at most `MAX_NAME` characters, far below the 255-byte limit of common
  filesystems and short enough for Windows' 260-character paths;
- never has a Windows device name (`CON`, `NUL`, `COM1`, ...) as its stem;
- is readable and deterministic: a slug of host, path and query, then the
  first 12 hex digits of SHA-256 of the URL, then the extension, e.g.
  `example.com-news-2024-story-3f2a9c0d81b4.json`;
- is unique: if the name is taken (by another URL), `-2`, `-3`, ... is added.

The hash is of the URL with credentials removed: a short hash of a URL with a
password in it could be brute-forced back to the password.

`RecordDir` writes the files: it remembers which name it gave to which input,
so two inputs never share a file within a run, and it writes through a
temporary file and `os.replace`, so a crash leaves no half-written record; a
name held by a symlink, FIFO or directory counts as taken, so it is never
followed, read or replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Collection
from pathlib import Path
from urllib.parse import unquote

from scraper.models import Record
from scraper.write import json_line

Taken = Callable[[str], bool] | Collection[str]

MAX_NAME = 120
"""Longest name we produce, extension and disambiguating counter included."""
HASH_CHARS = 12
"""Hex digits of SHA-256 kept: 48 bits, so a clash needs ~16 million URLs in one directory."""
DEFAULT_EXT = ".json"
FALLBACK_SLUG = "page"

# Device names Windows reserves with any extension ("con.json" is the console).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)

_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:/*", re.IGNORECASE)
# user:password@ after an optional scheme and slashes, parseable URL or not
# (`user:pw@host/x`, `//user:pw@host/`, `http://u:p@[::1/`).
_USERINFO = re.compile(r"^(?P<head>(?:[a-z][a-z0-9+.\-]*:)?//)?[^/?#@\\]*@", re.IGNORECASE)
_UNSAFE_RUN = re.compile(r"[^a-z0-9.]+")
# After that, a run of separators becomes one: "-" if it holds a "-", else ".". So no "..".
_DASH_RUN = re.compile(r"[.\-]*-[.\-]*")
_DOT_RUN = re.compile(r"\.{2,}")
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._\-]*$")
_SAFE_EXT = re.compile(r"^\.[a-z0-9]{1,10}$")


def without_credentials(url: str) -> str:
    """`url` without `user:password@`; unlike `scraper.urls.redact`, also for unparseable URLs."""
    return _USERINFO.sub(lambda m: m.group("head") or "", url, count=1)


def url_hash(url: str) -> str:
    """First HASH_CHARS hex digits of SHA-256 of the URL without credentials."""
    # surrogatepass: a path given on a POSIX command line may hold lone surrogates.
    data = without_credentials(url).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:HASH_CHARS]


def slug_for_url(url: str, max_len: int = 80) -> str:
    """A readable, lower-case ASCII slug of host, path and query; may be empty."""
    rest = _SCHEME.sub("", without_credentials(url), count=1).split("#", 1)[0]
    if rest.startswith("www."):
        rest = rest[4:]
    text = unicodedata.normalize("NFKD", unquote(rest, errors="replace"))
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = _DOT_RUN.sub(".", _DASH_RUN.sub("-", _UNSAFE_RUN.sub("-", ascii_text))).strip("-.")
    if len(slug) > max_len:
        cut = slug[:max_len]
        # Prefer to end on a word boundary, as long as that keeps most of the slug.
        boundary = cut.rfind("-")
        slug = (cut[:boundary] if boundary > max_len // 2 else cut).strip("-.")
    return slug


def _is_taken(name: str, taken: Taken) -> bool:
    return taken(name) if callable(taken) else name in taken


def _not_reserved(slug: str) -> str:
    stem = slug.split(".", 1)[0]
    if stem in WINDOWS_RESERVED:
        return stem + "_" + slug[len(stem) :]
    return slug


def filename_for_url(url: str, taken: Taken = frozenset(), ext: str = DEFAULT_EXT) -> str:
    """A safe, unique, deterministic file name for `url` (see the module docstring).

    `taken` is a set of names already in use, or a predicate; names are tried
    in a fixed order, so the same URL and the same `taken` give the same name.
    """
    if not _SAFE_EXT.match(ext):
        raise ValueError(f"extension must look like '.json', not {ext!r}")
    digest = url_hash(url)
    room = MAX_NAME - len(ext) - len(digest) - len("--99999")
    slug = _not_reserved(slug_for_url(url, max_len=room) or FALLBACK_SLUG)
    base = f"{slug}-{digest}"
    name = base + ext
    counter = 1
    while _is_taken(name, taken):
        counter += 1
        name = f"{base}-{counter}{ext}"
    if not _SAFE_NAME.match(name) or len(name) > MAX_NAME:  # pragma: no cover - by construction
        raise AssertionError(f"unsafe file name {name!r}")
    return name


# A record file opens with its `url` (`json_line` keeps the record's field order): read
# from the head alone, since the text after it may run to megabytes.
_URL_FIRST = re.compile(r'\{"url": ("(?:[^"\\]|\\.)*")')
_HEAD_CHARS = 1 << 20


def _recorded_url(path: Path) -> str | None:
    """The `url` of the record stored at `path`, or None if it holds no record of ours."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(_HEAD_CHARS)
    except OSError:
        return None
    match = _URL_FIRST.match(head)
    if match is None:
        return None
    try:
        url = json.loads(match.group(1))
    except ValueError:
        return None
    return url if isinstance(url, str) else None


def new_file_mode() -> int:
    """The mode `open` gives a new file: 0666 less the umask. (The umask is read by setting
    it, and set back at once.)"""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _write_atomic(path: Path, content: str, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        # mkstemp makes the file 0600; a record file gets the mode of any new file, as
        # `-o FILE` and other tools' output do.
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RecordDir:
    """Writes each record to its own file in `path`; names as in `filename_for_url`.

    `key` is what makes two records different inputs (the target as typed,
    credentials and all); it defaults to the record's URL. Within one
    `RecordDir`, the same key always gets the same file and two keys never
    share one. A file left by an earlier run is overwritten only if it holds
    a record for the same URL, so re-running a batch refreshes its files.
    """

    def __init__(self, path: Path, ext: str = DEFAULT_EXT) -> None:
        self.path = path
        self.ext = ext
        self._by_key: dict[str, str] = {}
        self._given: set[str] = set()
        self._mode = new_file_mode()
        path.mkdir(parents=True, exist_ok=True)

    def name_for(self, record: Record, key: str | None = None) -> str:
        key = record.url if key is None else key
        known = self._by_key.get(key)
        if known is not None:
            return known

        def taken(name: str) -> bool:
            if name in self._given:
                return True
            try:
                mode = (self.path / name).lstat().st_mode
            except FileNotFoundError:
                return False
            # A symlink, FIFO or directory at that name is not ours to read or replace.
            return not stat.S_ISREG(mode) or _recorded_url(self.path / name) != record.url

        name = filename_for_url(record.url, taken, self.ext)
        self._by_key[key] = name
        self._given.add(name)
        return name

    def write(self, record: Record, key: str | None = None) -> Path:
        """Write `record` as one JSON line to its file; returns the path written."""
        target = self.path / self.name_for(record, key)
        _write_atomic(target, json_line(record.to_dict()) + "\n", self._mode)
        return target


def write_record_file(directory: Path, record: Record, key: str | None = None) -> Path:
    """Write one record to its own file in `directory` (a one-off `RecordDir`)."""
    return RecordDir(directory).write(record, key)

"""URL checks shared by the fetcher, the pipeline and the writer."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scraper.errors import InvalidURL

FETCHABLE_SCHEMES = frozenset({"http", "https"})


def looks_like_url(target: str) -> bool:
    """True for anything with a scheme, so `file:` or `ftp:` are refused, not read as paths."""
    head = target.split("/", 1)[0]
    return ":" in head and not (len(head) == 2 and head[1] == ":")  # not "C:" on Windows


def redact(url: str) -> str:
    """The URL without `user:password@`: credentials never reach records or logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def check_fetchable(url: str) -> str:
    """Return `url` if we may fetch it, else raise InvalidURL with the reason."""
    if any(ch in url for ch in "\x00\r\n\t "):
        raise InvalidURL(f"URL contains whitespace or control characters: {redact(url)!r}")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError as exc:
        raise InvalidURL(f"malformed URL {redact(url)!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in FETCHABLE_SCHEMES:
        shown = scheme + ":" if scheme else "no scheme"
        raise InvalidURL(f"only http and https URLs are fetched, not {shown}: {redact(url)!r}")
    if not parts.hostname:
        raise InvalidURL(f"URL has no host: {redact(url)!r}")
    del port
    return url


def host_key(url: str) -> str:
    """host[:port], lower-cased: the unit of politeness and of sharding."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        return f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        return ""

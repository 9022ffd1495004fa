"""URL checks shared by the fetcher, the pipeline and the writer."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import idna

from scraper.errors import InvalidURL

FETCHABLE_SCHEMES = frozenset({"http", "https"})


def looks_like_url(target: str) -> bool:
    """True for anything with a scheme, so `file:` or `ftp:` are refused, not read as paths,
    unless a file of that name exists (a colon is a legal character in a file name).

    A scheme-relative `//host/path` counts as a URL too (and is then refused for
    its missing scheme): no one names a local file that way.
    """
    if target.startswith("//"):
        return True
    head = target.split("/", 1)[0]
    if ":" not in head or (len(head) == 2 and head[1] == ":"):  # not "C:" on Windows
        return False
    if head.split(":", 1)[0].lower() in FETCHABLE_SCHEMES:
        return True
    # "page-12:30.html" and "Story: part 1.html" are saved pages' names where they exist;
    # where nothing has that name, "ftp:" or "mailto:" are URLs to refuse.
    return not os.path.exists(target)


# `scheme://user:pass@`, `//user:pass@` and a bare `user:pass@host`: matched on
# the string, so malformed URLs (bad port, broken IPv6) are redacted too.
_USERINFO_AFTER_SLASHES = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.\-]*:)?//)[^/?#]*@")
_OPAQUE_SCHEMES = frozenset({"mailto", "javascript", "data", "tel", "sms", "urn", "news", "about", "blob"})
_USERINFO_BARE = re.compile(r"^[^/?#@:\s]+:[^/?#@\s]*@")


def redact(url: str) -> str:
    """The URL without `user:password@`: credentials never reach records or logs."""
    url = _USERINFO_AFTER_SLASHES.sub(r"\1", url, count=1)
    if url.split(":", 1)[0].lower() in _OPAQUE_SCHEMES:  # mailto:someone@host is no password
        return url
    return _USERINFO_BARE.sub("", url, count=1)


_USERINFO_ANYWHERE = re.compile(r"//[^/?#@\s'\"]*@")


def redact_text(message: str) -> str:
    """A message with any `//user:pass@` inside it removed (error texts quote URLs)."""
    return _USERINFO_ANYWHERE.sub("//", message)


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
    if not scheme:
        raise InvalidURL(f"no scheme in {redact(url)!r}: give http:// or https://")
    if scheme not in FETCHABLE_SCHEMES:
        raise InvalidURL(f"only http and https URLs are fetched, not {scheme} ({redact(url)!r})")
    if not parts.hostname:
        raise InvalidURL(f"URL has no host: {redact(url)!r}")
    del port
    return url


# The port a scheme's URL names when it names none.
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_parts(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) as one server sees them: lower-cased, the host without the
    trailing dot of a fully qualified name and in its IDNA form (`wire_host`), the port
    None where it is the scheme's default. `example.com`, `EXAMPLE.com.` and
    `example.com:80` are one host, as are `bücher.example` and `xn--bcher-kva.example`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = wire_host((parts.hostname or "").lower().rstrip("."))
    port = parts.port
    return scheme, host, None if port == DEFAULT_PORTS.get(scheme) else port


def wire_host(host: str) -> str:
    """A lower-cased host as httpx writes it in the request: an internationalised name in
    its IDNA (punycode) form, by the same `idna.encode`. A name IDNA refuses (a snowman)
    stays as it is: httpx refuses to request it, and its URL gets an InvalidURL record."""
    if host.isascii():
        return host  # "ex_ample.com" is no IDNA name, but httpx sends it as it is
    try:
        return idna.encode(host).decode("ascii")
    except UnicodeError:  # idna.IDNAError and its kinds
        return host


def host_key(url: str) -> str:
    """host[:port] (`origin_parts`): the unit of politeness and of sharding."""
    try:
        _, host, port = origin_parts(url)
    except ValueError:
        return ""
    return f"{host}:{port}" if port else host

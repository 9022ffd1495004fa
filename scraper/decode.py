"""Bytes -> text, the way a browser decides a page's encoding.

Order (WHATWG "encoding sniffing", simplified):
 1. a byte-order mark;
 2. the `charset` of the HTTP Content-Type header, unless it is the Latin-1
    that servers send by default and the page's <meta> names another;
 3. `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KB;
 4. a statistical detector (charset-normalizer) when none of these speak;
 5. UTF-8 with replacement characters as the last resort.

A declared charset is trusted only if the body decodes under it without
errors; a header that lies (says UTF-8, sends windows-1251) falls through to
the next source instead of producing mojibake. A UTF-8 page with a stray
invalid byte or two is still read as UTF-8 (with a replacement character).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG maps these labels to supersets; browsers do the same.
_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "tis-620": "cp874",
    "utf8": "utf-8",
}

_PRESCAN_BYTES = 4096
# WHATWG MIME Sniffing §7.2, "distinguishing if a resource is text or binary":
# bytes no text holds (NUL, most C0 controls), looked for in the resource header.
_BINARY_BYTE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_RESOURCE_HEADER_BYTES = 1445
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)


def is_binary(data: bytes, content_type: str | None = None) -> bool:
    """Whether `data` is no text at all (an image, a PDF, an archive): a binary byte in
    its first 1,445 bytes, and neither a byte-order mark nor a UTF-16 charset in the
    Content-Type, either of which UTF-16's zero bytes come after."""
    head = data[:_RESOURCE_HEADER_BYTES]
    if head.startswith(tuple(bom for bom, _ in _BOMS)) or _declares_utf16(content_type):
        return False
    return _BINARY_BYTE.search(head) is not None


def _declares_utf16(content_type: str | None) -> bool:
    return (charset_from_content_type(content_type) or "").startswith("utf-16")


def normalise_label(label: str) -> str | None:
    """A Python codec name for an HTML/HTTP charset label, or None if unknown."""
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset a Content-Type declares; of two headers (joined with ", "), the last one's,
    as browsers read it with the last type (`scraper.raw.mime_of`)."""
    if not content_type:
        return None
    labels = _HEADER_CHARSET.findall(content_type)
    return normalise_label(labels[-1]) if labels else None


def charset_from_meta(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if not match:
        return None
    name = normalise_label(match.group(1).decode("ascii", "ignore"))
    # A page that is being read as bytes cannot really be UTF-16 if its meta
    # tag is readable as ASCII; browsers treat that declaration as UTF-8.
    if name and name.startswith("utf-16"):
        return "utf-8"
    return name


# The charset a server sends for any page it knows nothing about (Apache's and
# Tomcat's old defaults): a weaker word than the page's own <meta>.
SERVER_DEFAULTS = frozenset({"cp1252"})
# At most this share of a declared-UTF-8 body's non-ASCII bytes may be invalid
# for the body to be read as UTF-8 with replacement characters.
MAX_INVALID_UTF8_SHARE = 0.01
_ASCII = bytes(range(0x80))


def _nearly_utf8(data: bytes) -> bool:
    """Whether nearly all of the body's non-ASCII bytes form valid UTF-8."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    non_ascii = len(data.translate(None, _ASCII))  # the bytes left once ASCII is deleted, in C
    return invalid <= MAX_INVALID_UTF8_SHARE * non_ascii


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; returns (text, codec name used)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    header = charset_from_content_type(content_type)
    if header is not None and header.startswith("utf-16"):
        # Without a BOM a UTF-16 body is read as its header says (WHATWG); UTF-8 would take
        # its zero bytes for text. "utf-16" alone, with no BOM, is little-endian.
        codec = "utf-16-le" if header == "utf-16" else header
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    utf8 = _strict(data, "utf-8")
    meta = charset_from_meta(data)
    if header in SERVER_DEFAULTS and meta:
        # Servers send "text/html; charset=ISO-8859-1" for every page they do not
        # know better about; the page's own <meta> knows better.
        header = None
    for declared in (header, meta):
        if declared:
            if utf8 is not None and not data.isascii() and declared != "utf-8":
                # Non-ASCII bytes that form valid UTF-8 by chance are vanishingly
                # rare in legacy encodings: the declaration is stale, not the body.
                return utf8, "utf-8"
            # A UTF-8 declaration (most pages') reads the body already decoded above.
            text = utf8 if declared == "utf-8" else _strict(data, declared)
            if text is not None:
                return text, declared
            if declared == "utf-8" and _nearly_utf8(data):
                # A stray byte (a pasted Latin-1 character) in a UTF-8 page: the page is
                # still UTF-8, and one replacement character beats mojibake throughout.
                return data.decode("utf-8", errors="replace"), "utf-8"
    if utf8 is not None:
        return utf8, "utf-8"
    detected = _detected(data[:200_000])
    if detected is not None:
        return data.decode(detected, errors="replace"), detected
    return data.decode("utf-8", errors="replace"), "utf-8"


# The encodings a browser can decode (WHATWG Encoding Standard's legacy list, by
# Python's codec names). A page in any other (DOS code pages, EBCDIC) would not
# display anywhere, so the detector is not let guess them: on a short page it
# otherwise names cp775 for French as readily as windows-1252.
_WEB_ENCODINGS = [
    "utf_8", "utf_16", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6",
    "iso8859_7", "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "koi8_r", "koi8_u", "mac_roman", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254",
    "cp1255", "cp1256", "cp1257", "cp1258", "mac_cyrillic", "gb18030", "big5", "euc_jp",
    "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
]  # fmt: skip
# The legacy encoding browsers assume for an unlabelled page in most locales
# (WHATWG's default for Western Europe, the Americas and Africa), and the ones
# they assume where a language needs letters windows-1252 lacks.
_WEB_DEFAULT = "cp1252"
_LOCALE_DEFAULTS = {
    **dict.fromkeys(("Hungarian", "Polish", "Czech", "Slovak", "Slovene", "Croatian", "Romanian"), "cp1250"),
    **dict.fromkeys(("Lithuanian", "Latvian", "Estonian"), "cp1257"),
    "Turkish": "cp1254",
}


def _detected(data: bytes) -> str | None:
    """The detector's encoding for `data`: among the readings it finds as orderly as its
    best, the first whose language's browsers assume the encoding it was read in (a
    Hungarian reading of windows-1250), else windows-1252.

    On a short page the detector scores windows-1250, -1252 and -1257 about alike and
    names whichever its noisy coherence puts first: "naïve" then reads "naďve", "niña"
    "nińa", or "jövőre" "jövõre". On 68 hand-written pages in 17 languages, each
    undeclared and falsely declared UTF-8, once and six times over: 37 decoded right by
    the detector's first guess, 51 by this choice, every windows-1252 one among them."""
    results = from_bytes(data, cp_isolation=_WEB_ENCODINGS)
    best = results.best()
    if best is None:
        return None
    tied = [match for match in results if match.chaos == best.chaos]
    for match in tied:
        # A reading in the encoding its own language's browsers assume: self-consistent.
        preferred = _LOCALE_DEFAULTS.get(match.language, _WEB_DEFAULT)
        if preferred in match.could_be_from_charset:
            return preferred
    if any(_WEB_DEFAULT in match.could_be_from_charset for match in tied):
        return _WEB_DEFAULT
    return normalise_label(best.encoding) or best.encoding

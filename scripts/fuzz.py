"""Fuzz the extractor: every input must give one record (or error record) as one JSON line.

    python scripts/fuzz.py                        # 10,000 cases over ../shared/bench
    python scripts/fuzz.py --cases 500 --seed 7 --jobs 2 --out fuzz-out
    python scripts/fuzz.py --replay fuzz-out/deep_nesting-000123.html   # one input, in-process

Each case is a real page from the benchmark folders (or a random document)
put through one mutation from `MUTATIONS`: truncation at any byte, byte
flips, invalid UTF-8, NUL bytes, mixed encodings, unclosed tags, nesting
up to 100,000 deep, a 20 MB text node, 1 MB attribute values, `<script>`
and `<style>` everywhere, no `<body>`, a `<frameset>`, SVG/MathML, XHTML
served as XML, garbage metadata, React streamed parts in impossible places,
and gzip (whole, truncated, bombs). The
input goes through the same path as a saved page given on the command line
(`page_from_bytes`, then `record_from_page`, then `json_line`), and the case
is a finding if

- an exception escapes (a *crash*), or the worker process dies;
- it takes more CPU time than the per-page guard (*slow*; CPU, not wall
  clock, so a busy machine does not make inputs slow), or runs past
  `--kill-after` seconds of wall clock (the worker is killed: a *hang*);
- the JSON line is not one line, not UTF-8, does not read back to the
  record's text, or breaks the record schema (*invalid JSON*).

Error records that hide an unexpected exception (`ExtractionError` whose
message is "ValueError: ...", "RecursionError: ..." and so on) are counted
too: the page did get a record, but the article may have been lost.

Cases run in worker processes, so a hang or a crash in C code cannot stop
the campaign. Every case is rebuilt from (`--seed`, case number) alone, so a
finding's input is written to `--out` with a note of how to replay it. The
exit status is 1 when anything but swallowed exceptions was found.

The mutation functions are pure (`(bytes, Random, Scale) -> bytes`) and are
also what `tests/test_fuzz.py` samples in the test suite at a smaller scale.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `scraper` importable from the checkout
    sys.path.insert(0, str(ROOT))

from scraper.errors import ScraperError  # noqa: E402
from scraper.pipeline import error_outcome, page_from_bytes, record_from_page  # noqa: E402
from scraper.write import json_line  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
FUZZ_URL = "https://fuzz.example/article.html"
DEFAULT_GUARD = 10.0
"""Seconds: the per-page extraction guard (`Settings.page_timeout`)."""

# ---------------------------------------------------------------------------
# Seeds


BUILTIN_SEEDS: tuple[bytes, ...] = tuple(
    s.encode("utf-8")
    for s in (
        # A news article with the metadata sources the extractor reads.
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>River floods town | Gazette</title>"
        "<meta property='og:site_name' content='Gazette'><meta name='author' content='Ann Reporter'>"
        "<meta property='article:published_time' content='2024-03-02T08:15:00+01:00'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River floods town",'
        ' "author": {"@type": "Person", "name": "Ann Reporter"}}</script>'
        "<style>body{font:12px serif}</style></head><body><header><nav><a href='/'>Home</a></nav></header>"
        "<main><article><h1>River floods town</h1><p class='byline'>By Ann Reporter</p>"
        "<p>The river rose three metres overnight, and by morning the lower town was under water.</p>"
        "<p>Residents who had lived through the floods of 1987 said they had never seen it come so fast.</p>"
        "<figure><img src='a.jpg'><figcaption>Sandbags on the embankment.</figcaption></figure>"
        "<p>Volunteers stacked sandbags along the embankment while the fire brigade pumped out cellars.</p>"
        "<aside class='related'><h3>Read more</h3><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "<p>By the afternoon the water had started to fall, leaving a line of mud on every wall.</p>"
        "</article></main><div id='comments'><form><textarea></textarea></form></div>"
        "<footer>© 2024 Gazette</footer></body></html>",
        # Lists, a table, a quote and code.
        "<html><head><title>Recipe notes</title></head><body><div class='post'><h2>Ingredients</h2>"
        "<ul><li>Flour, 500 g</li><li>Water<ul><li>warm</li></ul></li></ul><table><tr><th>Step</th>"
        "<th>Time</th></tr><tr><td>Knead</td><td>10 min</td></tr></table><blockquote>Patience is the"
        " main ingredient.</blockquote><pre><code>bake(230)</code></pre><p>Let the dough rest for an hour"
        " before shaping it into loaves and baking them until the crust sounds hollow.</p></div>"
        "</body></html>",
        # Legacy markup in a legacy encoding declaration.
        "<HTML><HEAD><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1252'>"
        "<TITLE>Old page</TITLE></HEAD><BODY BGCOLOR=white><TABLE><TR><TD><FONT SIZE=2><P>Caf&eacute;"
        " owners on the square said trade had doubled since the market moved back to the old hall."
        "<P>The council expects the works to finish in May.</FONT></TD></TR></TABLE></BODY></HTML>",
    )
)


@dataclass(frozen=True, slots=True)
class SeedSet:
    """Seed pages: built-in ones, plus paths to benchmark pages read on demand."""

    paths: tuple[Path, ...] = ()

    def __len__(self) -> int:
        return len(BUILTIN_SEEDS) + len(self.paths)

    def get(self, index: int) -> bytes:
        if index < len(BUILTIN_SEEDS):
            return BUILTIN_SEEDS[index]
        return _read_seed(self.paths[index - len(BUILTIN_SEEDS)])


@cache
def _read_seed(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def bench_pages(bench: Path) -> tuple[Path, ...]:
    """Source pages under a benchmark folder (not Readability's expected output)."""
    pages = [p for p in bench.rglob("*.html.gz")]
    pages += [p for p in bench.rglob("source.html")]
    return tuple(sorted(pages))


def seed_set(bench: Path | None) -> SeedSet:
    """Benchmark pages if the folder exists, else only the built-in seeds."""
    if bench is None or not bench.is_dir():
        return SeedSet()
    return SeedSet(bench_pages(bench))


# ---------------------------------------------------------------------------
# Mutations: pure functions of (input, random source, scale).


@dataclass(frozen=True, slots=True)
class Scale:
    """How big the pathological inputs get: FULL for the campaign, SMALL for the test suite."""

    max_depth: int
    text_node: int
    attribute: int
    grown_page: int
    """Largest page `repeat_chunk` grows: under the 10 MB fetch cap, as a real page would be."""


FULL = Scale(max_depth=100_000, text_node=20_000_000, attribute=1_000_000, grown_page=8_000_000)
SMALL = Scale(max_depth=1_500, text_node=200_000, attribute=50_000, grown_page=300_000)

Mutation = Callable[[bytes, random.Random, Scale], bytes]
_TAG = re.compile(rb"<[a-zA-Z][^>]*>")
_CLOSE_TAG = re.compile(rb"</[a-zA-Z][^>]*>")
_ANY_TAG = re.compile(rb"</?[a-zA-Z][^>]*>")

WORDS = ("river", "town", "water", "night", "council", "market", "people", "street", "school", "winter",
         "Überschwemmung", "москва", "東京", "مدينة", "שלום", "καλημέρα", "café", "naïve")  # fmt: skip


def _spot(data: bytes, rng: random.Random) -> int:
    """A random position, biased to just after a tag, where markup changes the most."""
    tags = list(_TAG.finditer(data[:2_000_000]))
    if tags and rng.random() < 0.8:
        return rng.choice(tags).end()
    return rng.randint(0, len(data))


def _insert(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = _spot(data, rng)
    return data[:at] + piece + data[at:]


def _log_uniform(rng: random.Random, low: int, high: int) -> int:
    return round(10 ** rng.uniform(len(str(low)) - 1, len(str(high)) - 1)) if high > low else low


def truncate(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    return data[: rng.randint(0, len(data))]


def byte_flips(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    buf = bytearray(data)
    for _ in range(rng.choice((1, 2, 8, 64, max(1, len(buf) // 100)))):
        i = rng.randrange(len(buf))
        buf[i] = rng.randrange(256) if rng.random() < 0.5 else buf[i] ^ (1 << rng.randrange(8))
    return bytes(buf)


INVALID_UTF8 = (
    b"\xff", b"\xfe\xff", b"\xc0\x80", b"\x80", b"\xbf\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xe2\x82", b"\xf0\x9f", b"\xc3",
)  # fmt: skip


def invalid_utf8(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    for _ in range(rng.randint(1, 50)):
        data = _insert(data, rng, rng.choice(INVALID_UTF8))
    return data


def nul_bytes(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    if rng.random() < 0.2:
        return data.replace(b">", b">\x00")
    for _ in range(rng.randint(1, 100)):
        at = rng.randint(0, len(data))
        data = data[:at] + b"\x00" * rng.choice((1, 1, 2, 1000)) + data[at:]
    return data


LEGACY = ("windows-1251", "windows-1252", "shift_jis", "gb18030", "euc-kr", "koi8-r", "iso-8859-7", "big5")


def mixed_encodings(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """Text in several encodings in one page, and declarations that lie about it."""
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 200)))
    choice = rng.randrange(5)
    if choice == 0:  # a paragraph in another encoding
        encoding = rng.choice(LEGACY)
        return _insert(data, rng, b"<p>" + text.encode(encoding, "replace") + b"</p>")
    if choice == 1:  # a lying <meta charset>
        meta = f"<meta charset='{rng.choice((*LEGACY, 'utf-16', 'utf-7', 'x-bogus', 'utf-32le', ''))}'>"
        return meta.encode() + data
    if choice == 2:  # the whole page in UTF-16, with or without a BOM, maybe cut mid code unit
        out = data.decode("utf-8", "replace").encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be")))
        return out[: len(out) - rng.randint(0, 1)]
    if choice == 3:  # a BOM that contradicts the body
        return rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) + data
    return _insert(data, rng, text.encode("utf-8").decode("latin-1").encode("utf-8"))  # mojibake


def unclosed_tags(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    if rng.random() < 0.5:
        return _CLOSE_TAG.sub(b"", data)
    return _CLOSE_TAG.sub(lambda m: b"" if rng.random() < 0.5 else m.group(0), data)


NEST_TAGS = ("div", "span", "b", "a", "p", "li", "ul", "table", "td", "blockquote", "section",
             "font", "svg", "math", "object", "template", "select", "form", "i", "nobr")  # fmt: skip


def deep_nesting(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    depth = _log_uniform(rng, 10, scale.max_depth)
    tag = rng.choice(NEST_TAGS)
    closed = rng.random() < 0.5
    inner = b"<p>deep text</p>"
    piece = f"<{tag}>".encode() * depth + inner + (f"</{tag}>".encode() * depth if closed else b"")
    return _insert(data, rng, piece)


def huge_text_node(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    size = rng.choice((scale.text_node, scale.text_node // 10, scale.text_node // 100))
    unit = rng.choice((b"a", b"word ", "слово ".encode(), b"&amp;", b"\n", b"x\r\n"))
    return _insert(data, rng, b"<p>" + unit * (size // len(unit)) + b"</p>")


def huge_attribute(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    value = rng.choice((b"a", b"\"'", b"&quot;", b"x y ")) * (scale.attribute // 4)
    where = rng.randrange(4)
    if where == 0:
        piece = b"<div class='" + value + b"'><p>text</p></div>"
    elif where == 1:
        piece = b"<meta name='description' content='" + value + b"'>"
    elif where == 2:
        piece = b"<a href='https://x.example/" + value + b"'>link</a>"
    else:
        piece = b"<p " + b" ".join(b"a%d=x" % i for i in range(scale.attribute // 100)) + b">many</p>"
    return _insert(data, rng, piece)


SCRIPTS = (
    b"<script>var s = '</div></p>';</script>",
    b"<script>document.write('<p>written</p>')</script>",
    b"<script><!-- if (a<b) { x = '<script>' } </script>",
    b"<script type='application/ld+json'>{</script>",
    b"<style>p{color:red}</style>",
    b"<style>/* </style> */ p { }</style>",
    b"<noscript><p>Please enable JavaScript.</p></noscript>",
    b"<script>",
    b"<style>",
    b"<textarea>",
    b"<plaintext>",
    b"<xmp><p>not markup</p></xmp>",
    b"<title>",
    b"<iframe srcdoc='<p>inner</p>'></iframe>",
)


def scripts_everywhere(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    every = rng.random() < 0.5
    return _ANY_TAG.sub(
        lambda m: m.group(0) + (rng.choice(SCRIPTS) if every or rng.random() < 0.1 else b""), data
    )


def no_body(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    pattern = rng.choice((rb"</?body[^>]*>", rb"</?(?:body|head)[^>]*>", rb"</?(?:body|head|html)[^>]*>"))
    return re.sub(pattern, b"", data, flags=re.IGNORECASE)


def frameset(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    frames = b"<frameset cols='20%,80%'><frame src='nav.html'><frame src='main.html'>"
    frames += b"<noframes><body><p>Your browser does not support frames.</p></body></noframes></frameset>"
    if rng.random() < 0.5:
        return (
            re.sub(rb"<body[^>]*>", frames, data, count=1, flags=re.IGNORECASE) if b"<body" in data else data
        )
    return b"<html><head><title>Frames</title></head>" + frames + b"</html>"


FOREIGN = (
    b"<svg xmlns='http://www.w3.org/2000/svg'><title>chart</title><text x='0'>label</text>"
    b"<foreignObject><p>paragraph in svg</p></foreignObject><script>alert(1)</script></svg>",
    b"<math><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><annotation-xml encoding='text/html'>"
    b"<p>html in math</p></annotation-xml></math>",
    b"<svg><style>p{}</style><![CDATA[ <p>cdata</p> ]]></svg>",
    b"<svg><desc><p>breaks out of svg</p></desc>",
    b"<math><mtext><table><tr><td>cell</td></tr></table></mtext></math>",
)


def svg_mathml(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    for _ in range(rng.randint(1, 10)):
        data = _insert(data, rng, rng.choice(FOREIGN))
    return data


def xhtml_as_xml(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """An XHTML page the way an XML serializer writes it; some with entity tricks."""
    prolog = b"<?xml version='1.0' encoding='" + rng.choice((b"utf-8", b"iso-8859-1", b"utf-16")) + b"'?>"
    doctype = rng.choice((
        b"<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.1//EN' 'http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd'>",
        b"<!DOCTYPE html [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
        b"<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>",
        b"<!DOCTYPE html [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>",
    ))  # fmt: skip
    body = re.sub(rb"<(br|img|hr|meta|link|input)([^>]*?)/?>", rb"<\1\2/>", data, flags=re.IGNORECASE)
    body = re.sub(
        rb"<html", b"<html xmlns='http://www.w3.org/1999/xhtml'", body, count=1, flags=re.IGNORECASE
    )
    body = _insert(body, rng, b"<p>&d; &xxe; <![CDATA[<b>cdata</b>]]></p>")
    return prolog + doctype + body


def garbage_metadata(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """Metadata fields with impossible values: dates, deep or broken JSON-LD, odd languages."""
    depth = _log_uniform(rng, 10, min(scale.max_depth, 200_000))
    pieces = (
        b"<meta property='article:published_time' content='" + rng.choice((
            b"0000-00-00", b"2024-13-45", b"2024-02-30", b"9999-12-31T25:61:61Z", b"99999999999999",
            b"-0001-01-01", b"2024-01-01T00:00:00+99:99", b"1e308", b"\xff\xfe", b"2024-W60",
        )) + b"'>",
        b"<time datetime='" + rng.choice((b"0000-00-00", b"2024-00-10", b"10:99")) + b"'>x</time>",
        b"<script type='application/ld+json'>" + b"[" * depth + b"]" * depth + b"</script>",
        b"<script type='application/ld+json'>" + b'{"a":' * depth + b"1" + b"}" * depth + b"</script>",
        b"<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": 5, "
        b"\"author\": [null, 3, {\"name\": {\"x\": []}}], \"headline\": [\"a\", [\"b\"]]}</script>",
        b"<script type='application/ld+json'>{\"@graph\": \"notalist\", \"@type\": [[\"Article\"]]}</script>",
        b"<html lang='" + rng.choice((b"\x00", b"x" * 10_000, b"en_US.UTF-8", b"\xed\xa0\x80")) + b"'>",
        b"<meta name='author' content='" + rng.choice((b"", b" ", b"\x00", b"admin", b"&#0;")) + b"'>",
    )  # fmt: skip
    return rng.choice(pieces) + data if rng.random() < 0.3 else _insert(data, rng, rng.choice(pieces))


CONTROL = ("\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1b", "\x7f", "\ufeff", "\ufffe", "\uffff",
           "\u202e", "\u200b", "\U0001f600", "&#xD800;", "&#xDFFF;", "&#0;", "&#x110000;", "&#99999999999;",
           "&#x1F;", "&#128;", "&", "&amp", "&#", "&#x;")  # fmt: skip


def control_chars(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """Characters that break naive line-based or JSON tools, as text and as references."""
    for _ in range(rng.randint(1, 100)):
        piece = "".join(rng.choice(CONTROL) for _ in range(rng.randint(1, 4)))
        data = _insert(data, rng, f"<p>x{piece}y</p>".encode() if rng.random() < 0.3 else piece.encode())
    return data


def repeat_chunk(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 2000)]
    times = max(2, _log_uniform(rng, 2, scale.grown_page // len(chunk)))
    return data[:start] + chunk * times + data[start:]


def splice(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """Two halves of the same page in the wrong order, or a page inside itself."""
    if len(data) < 2:
        return data + data
    a, b = sorted(rng.sample(range(len(data) + 1), 2))
    return data[b:] + data[a:b] + data[:a] if rng.random() < 0.5 else data[:a] + data + data[a:]


def react_streamed(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """React's streamed parts and their slots where no server puts them: inside each other,
    names used twice, fallbacks never closed, slots without parts and parts without slots."""
    names = [f"{rng.choice('BPS')}:{rng.randint(0, 5)}" for _ in range(rng.randint(1, 12))]
    for name in names:
        key = name[2:]
        piece = rng.choice(
            (
                f"<!--$?--><template id='B:{key}'></template><p>Loading {key}</p>"
                + ("<!--/$-->" if rng.random() < 0.7 else ""),
                f"<template id='P:{key}'></template>",
                f"<div hidden id='S:{key}'><p>Part {key} {rng.choice(WORDS)}</p>",  # left open
                f"<div hidden id='S:{key}'><p>Part {key}</p><template id='B:{key}'></template></div>",
                f'<script>$RC("B:{key}","S:{key}")</script>',
                "<!--/$-->",
            )
        )
        data = _insert(data, rng, piece.encode())
    return data


def gzipped(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    """A saved `.html.gz`: whole, cut short, corrupt, two members, or a bomb over the size cap."""
    choice = rng.randrange(5)
    if choice == 4:
        return gzip.compress(b"<p>" + b"a" * (scale.text_node * 2), 1)
    packed = gzip.compress(data)
    if choice == 1:
        return packed[: rng.randint(2, len(packed))]
    if choice == 2:
        return byte_flips(packed, rng, scale)
    if choice == 3:
        return packed + gzip.compress(data[: len(data) // 2])
    return packed


TAGS = ("html", "head", "body", "title", "meta", "p", "div", "span", "a", "b", "i", "ul", "ol", "li", "table",
        "tr", "td", "th", "h1", "h2", "h3", "article", "main", "section", "aside", "nav", "header", "footer",
        "figure", "figcaption", "blockquote", "pre", "code", "br", "img", "form", "input", "select", "option",
        "textarea", "button", "iframe", "frameset", "frame", "noscript", "script", "style", "template", "svg",
        "math", "time", "address", "dl", "dt", "dd", "caption", "col", "colgroup", "tbody", "thead", "object",
        "embed", "plaintext", "xmp", "listing", "marquee", "details", "summary", "dialog", "slot",
        "x-custom")  # fmt: skip
ATTRS = ("class", "id", "style", "href", "lang", "hidden", "role", "itemprop", "content", "name", "property",
         "datetime", "rel", "type", "aria-hidden", "onclick")  # fmt: skip


def random_document(rng: random.Random, size: int = 200) -> bytes:
    """Tag soup from the whole HTML vocabulary, unbalanced on purpose."""
    out: list[str] = []
    for _ in range(rng.randint(1, size)):
        roll = rng.random()
        tag = rng.choice(TAGS)
        if roll < 0.35:
            attrs = "".join(f" {rng.choice(ATTRS)}='{rng.choice(WORDS)}'" for _ in range(rng.randint(0, 3)))
            out.append(f"<{tag}{attrs}>")
        elif roll < 0.55:
            out.append(f"</{tag}>")
        elif roll < 0.9:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))))
        else:
            out.append(rng.choice(("<!-- c -->", "<!--", "<![CDATA[x]]>", "<!doctype html>", "<?php ?>",
                                   "&nbsp;", "&#0;", "<", ">", "</", "<a b=\"", "\x00", "\r\n")))  # fmt: skip
    return "".join(out).encode("utf-8", "surrogatepass")


def random_html(data: bytes, rng: random.Random, scale: Scale) -> bytes:
    return random_document(rng, rng.choice((10, 200, 2000)))


MUTATIONS: dict[str, Mutation] = {
    "truncate": truncate,
    "byte_flips": byte_flips,
    "invalid_utf8": invalid_utf8,
    "nul_bytes": nul_bytes,
    "mixed_encodings": mixed_encodings,
    "unclosed_tags": unclosed_tags,
    "deep_nesting": deep_nesting,
    "huge_text_node": huge_text_node,
    "huge_attribute": huge_attribute,
    "scripts_everywhere": scripts_everywhere,
    "no_body": no_body,
    "frameset": frameset,
    "svg_mathml": svg_mathml,
    "xhtml_as_xml": xhtml_as_xml,
    "garbage_metadata": garbage_metadata,
    "control_chars": control_chars,
    "repeat_chunk": repeat_chunk,
    "splice": splice,
    "gzipped": gzipped,
    "random_html": random_html,
    "react_streamed": react_streamed,
}

# Expensive inputs (tens of MB, or seconds each) are drawn less often in the campaign.
WEIGHTS: dict[str, float] = {name: 1.0 for name in MUTATIONS} | {
    "huge_text_node": 0.15,
    "huge_attribute": 0.4,
    "deep_nesting": 0.6,
    "gzipped": 0.5,
}


@dataclass(frozen=True, slots=True)
class Case:
    number: int
    kind: str
    seed_index: int
    rng_seed: int


def plan_case(campaign_seed: int, number: int, n_seeds: int) -> Case:
    """Which seed and mutation case `number` uses: a function of the numbers alone."""
    rng = random.Random(f"{campaign_seed}:{number}")
    kinds = list(MUTATIONS)
    kind = rng.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
    return Case(number, kind, rng.randrange(n_seeds), rng.getrandbits(64))


def build_input(case: Case, seeds: SeedSet, scale: Scale = FULL) -> bytes:
    return MUTATIONS[case.kind](seeds.get(case.seed_index), random.Random(case.rng_seed), scale)


# ---------------------------------------------------------------------------
# The oracle: what every input must give.

_SURROGATE = re.compile("[\ud800-\udfff]")
_SWALLOWED = re.compile(r"^[A-Z]\w*(?:Error|Exception|Exit)\b:")


@dataclass(slots=True)
class Result:
    elapsed: float
    """Wall-clock seconds."""
    cpu: float = 0.0
    """CPU seconds of this process: what the input costs, however busy the machine is."""
    ok: bool | None = None
    error_type: str | None = None
    swallowed: str | None = None
    """For an ExtractionError that wraps an unexpected exception: its class name."""
    crash: str | None = None
    """The traceback of an exception that escaped."""
    json_problems: list[str] = field(default_factory=list)
    size: int = 0


def _schema() -> dict[str, Any]:
    path = ROOT / "scraper" / "record.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator() -> Any:
    import jsonschema  # type: ignore[import-untyped]  # dev dependency, imported late: `--help` works without it

    return jsonschema.Draft202012Validator(_schema())


def json_problems(line: str, record: dict[str, Any]) -> list[str]:
    """What is wrong with `line` as the JSON Lines form of `record` (empty list: nothing)."""
    problems: list[str] = []
    if len(line.splitlines()) != 1 or "\n" in line:
        breakers = sorted({f"U+{ord(c):04X}" for c in line if len(("a" + c + "b").splitlines()) > 1})
        problems.append(f"not one line for str.splitlines(): contains {', '.join(breakers)}")
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as exc:
        problems.append(f"not encodable as UTF-8: {exc}")
        return problems
    try:
        back = json.loads(line)
    except ValueError as exc:
        problems.append(f"not JSON: {exc}")
        return problems
    for key in ("url", "text", "title", "author", "description", "sitename"):
        value = record.get(key)
        expected = _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
        if back.get(key) != expected:
            problems.append(f"{key!r} does not read back to the record's value")
    errors = sorted(_validator().iter_errors(back), key=str)
    problems.extend(f"schema: {e.message[:200]}" for e in errors[:3])
    return problems


def run_case(data: bytes, url: str = FUZZ_URL) -> Result:
    """One input through the saved-page path, checked; never raises."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = Result(elapsed=0.0, size=len(data))
    try:
        try:
            page = page_from_bytes(data, url)
        except ScraperError as exc:
            outcome = error_outcome(url, exc)
        else:
            outcome = record_from_page(page)
        record = outcome.record.to_dict()
        line = json_line(record)
    except BaseException:  # the point of the exercise: anything that escapes is a finding
        result.crash = traceback.format_exc(limit=12)
        result.elapsed = time.perf_counter() - started
        result.cpu = time.process_time() - started_cpu
        return result
    result.elapsed = time.perf_counter() - started
    result.cpu = time.process_time() - started_cpu
    result.ok = outcome.record.ok
    error = outcome.record.error
    if error is not None:
        result.error_type = error.type
        match = _SWALLOWED.match(error.message)
        if error.type == "ExtractionError" and match:
            result.swallowed = match.group(0).rstrip(":")
    result.json_problems = json_problems(line, record)
    if "root:x:0:0" in (outcome.record.text or ""):
        result.json_problems.append("an external entity was resolved: /etc/passwd is in the text")
    return result


# ---------------------------------------------------------------------------
# The campaign: worker processes, a kill switch, a report.


def _worker(conn: multiprocessing.connection.Connection, bench: Path | None, campaign_seed: int) -> None:
    seeds = seed_set(bench)
    while True:
        try:
            number = conn.recv()
        except EOFError:
            return
        if number is None:
            return
        case = plan_case(campaign_seed, number, len(seeds))
        try:
            data = build_input(case, seeds)
        except BaseException:
            conn.send((case, Result(0.0, crash="building the input failed:\n" + traceback.format_exc())))
            continue
        conn.send((case, run_case(data)))


class _Slot:
    """One worker process and the case it is running."""

    def __init__(self, ctx: Any, bench: Path | None, campaign_seed: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, bench, campaign_seed), daemon=True)
        self.proc.start()
        child.close()
        self.number: int | None = None
        self.started = 0.0

    def submit(self, number: int) -> None:
        self.number = number
        self.started = time.monotonic()
        self.conn.send(number)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()


@dataclass(slots=True)
class Finding:
    category: str
    case: Case
    detail: str
    elapsed: float
    size: int


@dataclass(slots=True)
class Report:
    tried: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    error_types: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    swallowed: Counter[tuple[str, str]] = field(default_factory=Counter)
    slowest: list[tuple[float, Case, int]] = field(default_factory=list)

    def count(self, category: str) -> int:
        return sum(1 for f in self.findings if f.category == category)


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _save(finding: Finding, out: Path, seeds: SeedSet, campaign_seed: int, scale: Scale) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{finding.category}-{finding.case.kind}-{finding.case.number:06d}"
    path = out / f"{stem}.html"
    data = build_input(finding.case, seeds, scale)
    path.write_bytes(data)
    note = (
        f"category: {finding.category}\nmutation: {finding.case.kind}\ncase: {finding.case.number}"
        f" (campaign seed {campaign_seed}, seed page #{finding.case.seed_index})\n"
        f"input bytes: {len(data)}\nelapsed: {finding.elapsed:.2f} s\n"
        f"replay: python scripts/fuzz.py --replay {path}\n\n{finding.detail}\n"
    )
    (out / f"{stem}.txt").write_text(note, encoding="utf-8")
    return path


def _record(report: Report, case: Case, result: Result, guard: float) -> None:
    report.tried[case.kind] += 1
    report.slowest.append((result.cpu, case, result.size))
    report.slowest = sorted(report.slowest, key=lambda item: -item[0])[:10]
    if result.crash is not None:
        last = result.crash.strip().splitlines()[-1]
        report.findings.append(Finding("crash", case, result.crash, result.elapsed, result.size))
        report.error_types[f"crash: {last[:80]}"] += 1
        return
    report.records["ok" if result.ok else "error"] += 1
    if result.error_type:
        report.error_types[result.error_type] += 1
    if result.swallowed:
        report.swallowed[(case.kind, result.swallowed)] += 1
    # Slow is judged on CPU time: on a loaded machine wall-clock time says more about
    # the neighbours than about the input.
    if result.cpu > guard:
        detail = f"took {result.cpu:.1f} CPU s ({result.elapsed:.1f} s wall), over the {guard:g} s guard"
        report.findings.append(Finding("slow", case, detail, result.cpu, result.size))
    if result.json_problems:
        detail = "\n".join(result.json_problems)
        report.findings.append(Finding("invalid-json", case, detail, result.elapsed, result.size))


def run_campaign(
    cases: int, campaign_seed: int, bench: Path | None, jobs: int, guard: float, kill_after: float,
    progress: Callable[[str], None],
) -> Report:  # fmt: skip
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    seeds = seed_set(bench)
    report = Report()
    slots = [_Slot(ctx, bench, campaign_seed) for _ in range(jobs)]
    queue = iter(range(cases))
    done = 0
    started = time.monotonic()
    try:
        for slot in slots:
            number = next(queue, None)
            if number is not None:
                slot.submit(number)
        while any(slot.number is not None for slot in slots):
            busy = [slot for slot in slots if slot.number is not None]
            now = time.monotonic()
            wait = max(0.05, min(slot.started + kill_after - now for slot in busy))
            ready = multiprocessing.connection.wait([slot.conn for slot in busy], timeout=wait)
            for i, slot in enumerate(slots):
                if slot.number is None:
                    continue
                case = plan_case(campaign_seed, slot.number, len(seeds))
                overdue = time.monotonic() - slot.started > kill_after
                if slot.conn in ready:
                    try:
                        got_case, result = slot.conn.recv()
                        _record(report, got_case, result, guard)
                    except (EOFError, OSError):
                        slot.proc.join(timeout=5)  # reap it, so the exit code (or signal) is known
                        report.tried[case.kind] += 1
                        detail = f"worker process died ({_exit_reason(slot.proc.exitcode)}) on this input"
                        report.findings.append(
                            Finding("crash", case, detail, time.monotonic() - slot.started, -1)
                        )
                        slot.stop(kill=True)
                        slots[i] = slot = _Slot(ctx, bench, campaign_seed)
                elif overdue:
                    report.tried[case.kind] += 1
                    elapsed = time.monotonic() - slot.started
                    detail = f"killed after {elapsed:.0f} s (guard {guard:g} s)"
                    report.findings.append(Finding("hang", case, detail, elapsed, -1))
                    report.slowest.append((elapsed, case, -1))
                    report.slowest = sorted(report.slowest, key=lambda item: -item[0])[:10]
                    slot.stop(kill=True)
                    slots[i] = slot = _Slot(ctx, bench, campaign_seed)
                else:
                    continue
                done += 1
                slot.number = None
                number = next(queue, None)
                if number is not None:
                    slot.submit(number)
                if done % 500 == 0:
                    elapsed = time.monotonic() - started
                    progress(f"  {done}/{cases} cases, {len(report.findings)} findings, {elapsed:.0f} s")
    finally:
        for slot in slots:
            slot.stop(kill=slot.number is not None)
    return report


def print_report(
    report: Report, out: Path, seeds: SeedSet, campaign_seed: int, guard: float, elapsed: float,
    jobs: int, emit: Callable[[str], None] = print,
) -> None:  # fmt: skip
    total = sum(report.tried.values())
    emit(
        f"fuzz: {total} cases tried in {elapsed:.0f} s ({jobs} workers, campaign seed {campaign_seed}, "
        f"{len(seeds)} seed pages)"
    )
    emit(f"records: {report.records['ok']} ok, {report.records['error']} error records")
    emit("")
    header = f"{'mutation':<20}{'cases':>7}{'crash':>7}{'hang':>6}{'slow':>6}{'json':>6}{'swallowed':>11}"
    emit(header)
    for kind in MUTATIONS:
        found = Counter(f.category for f in report.findings if f.case.kind == kind)
        swallowed = sum(n for (k, _), n in report.swallowed.items() if k == kind)
        emit(
            f"{kind:<20}{report.tried[kind]:>7}{found['crash']:>7}{found['hang']:>6}{found['slow']:>6}"
            f"{found['invalid-json']:>6}{swallowed:>11}"
        )
    emit("")
    emit(f"crashes (exceptions escaping or worker died): {report.count('crash')}")
    crash_kinds = Counter(
        f.detail.strip().splitlines()[-1][:100] for f in report.findings if f.category == "crash"
    )
    for line, n in crash_kinds.most_common():
        emit(f"  {n:>5}  {line}")
    emit(f"hangs (killed): {report.count('hang')}")
    emit(f"slow cases (> {guard:g} CPU s guard): {report.count('slow')}")
    emit(f"invalid JSON: {report.count('invalid-json')}")
    json_kinds = Counter(
        line for f in report.findings if f.category == "invalid-json" for line in f.detail.splitlines()
    )
    for line, n in json_kinds.most_common():
        emit(f"  {n:>5}  {line}")
    emit(f"error records hiding an unexpected exception (article lost): {sum(report.swallowed.values())}")
    by_exception = Counter[str]()
    for (_, exc), n in report.swallowed.items():
        by_exception[exc] += n
    for exc, n in by_exception.most_common():
        kinds = ", ".join(sorted({k for (k, e) in report.swallowed if e == exc}))
        emit(f"  {n:>5}  {exc}  (from {kinds})")
    emit("error records by type: " + ", ".join(f"{t} {n}" for t, n in report.error_types.most_common()))
    emit("slowest cases (CPU s; killed: wall-clock s until killed):")
    for seconds, case, size in report.slowest[:5]:
        shown = f"{size:,} bytes" if size >= 0 else "killed"
        emit(f"  {seconds:>7.2f} s  {case.kind:<18} case {case.number} ({shown})")
    if report.findings:
        saved = [_save(f, out, seeds, campaign_seed, FULL) for f in _worst_first(report.findings)]
        emit(f"reproducers: {len(saved)} inputs written to {out}/ (each with a .txt note)")


def _worst_first(findings: Iterable[Finding], per_group: int = 5) -> list[Finding]:
    """A few reproducers per (category, mutation, last traceback line): enough to debug, not a flood."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        key = (finding.category, finding.case.kind, finding.detail.strip().splitlines()[-1][:80])
        groups.setdefault(key, []).append(finding)
    chosen: list[Finding] = []
    for group in groups.values():
        chosen.extend(sorted(group, key=lambda f: f.size if f.size >= 0 else 1 << 62)[:per_group])
    return chosen


def replay(path: Path, guard: float) -> int:
    data = path.read_bytes()
    result = run_case(data)
    print(
        f"{path}: {len(data):,} bytes, {result.cpu:.2f} CPU s ({result.elapsed:.2f} s wall)",
        "(over the guard)" if result.cpu > guard else "",
    )
    if result.crash:
        print(result.crash)
        return 1
    print(f"ok={result.ok} error={result.error_type} swallowed={result.swallowed}")
    for problem in result.json_problems:
        print("invalid JSON:", problem)
    return 1 if result.json_problems or result.cpu > guard else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=10_000, help="inputs to try (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="campaign seed: same seed, same inputs")
    parser.add_argument(
        "--bench", type=Path, default=Path(os.environ.get("SCRAPER_BENCH_DIR", DEFAULT_BENCH))
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--guard", type=float, default=DEFAULT_GUARD, help="per-page guard in seconds")
    parser.add_argument("--kill-after", type=float, default=60.0, help="seconds before a case is killed")
    parser.add_argument("--out", type=Path, default=ROOT / "fuzz-out", help="folder for reproducers")
    parser.add_argument("--replay", type=Path, help="run one saved input in-process and show the result")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.guard)
    if not args.bench.is_dir():
        print(f"fuzz: no benchmark pages at {args.bench} (set SCRAPER_BENCH_DIR or --bench)", file=sys.stderr)
        return 2
    seeds = seed_set(args.bench)
    print(f"fuzz: {args.cases} cases over {len(seeds)} seed pages, {args.jobs} workers", file=sys.stderr)
    started = time.monotonic()
    report = run_campaign(
        args.cases, args.seed, args.bench, args.jobs, args.guard, args.kill_after,
        lambda message: print(message, file=sys.stderr, flush=True),
    )  # fmt: skip
    print_report(report, args.out, seeds, args.seed, args.guard, time.monotonic() - started, args.jobs)
    contract_broken = any(f.category in ("crash", "hang", "slow", "invalid-json") for f in report.findings)
    return 1 if contract_broken else 0


if __name__ == "__main__":
    sys.exit(main())

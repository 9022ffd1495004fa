"""Page metadata: one small pure function per field over the parsed tree.

`collect` reads, in one pass, what the publisher declared: `<meta>` tags and
JSON-LD (flattened out of `@graph` and lists, `@id` references resolvable).
Each `extract_*` function then tries its sources from the most deliberate to
the least:

- title: the page's visible `<h1>` when it agrees with a declared title (it is
  the headline without the site's decoration); on a page without one, an `<h2>`,
  `<h3>`, headline-named element or bold text that is whole parts of the declared
  title ("Site: Section: <headline>"); else the declared title most sources agree
  on (og:title, JSON-LD headline, `<title>`), its trailing site name cut off;
- author: JSON-LD author names, author `<meta>` tags (and SEO plugins'
  "Written by" label pairs), then byline markup (itemprop, rel=author, hCard,
  class names, author links, "By ..." under the headline). Never a
  placeholder such as "admin", a label such as "Written by", or the site's own
  name while anything else names a person;
- date: JSON-LD datePublished, published-time `<meta>` tags, published-time
  markup, the first `<time>`, the date shown under the headline, htmldate's
  search of the page (`scraper.dates.search_date`; the extractor runs it only
  on pages it reads as one body, `date_clues`), and only then a modification
  date;
- site name, description, language: declared values, then the document.

Everything is read from the untouched tree, before any pruning.

One module per field (`title`, `author`, `published`, `site`), over what
`sources` collected; `regions` says where on the page bylines and dates are read.
"""

from __future__ import annotations

from scraper.metadata.author import clean_author, extract_author, split_names
from scraper.metadata.published import DateClues, date_clues, extract_date
from scraper.metadata.site import canonical_url, extract_description, extract_language, extract_sitename
from scraper.metadata.sources import ARTICLE_TYPES, Meta, collect, parse_jsonld
from scraper.metadata.title import extract_title, strip_site_name, strip_site_suffix

__all__ = [
    "ARTICLE_TYPES",
    "DateClues",
    "Meta",
    "canonical_url",
    "clean_author",
    "collect",
    "date_clues",
    "extract_author",
    "extract_date",
    "extract_description",
    "extract_language",
    "extract_sitename",
    "extract_title",
    "parse_jsonld",
    "split_names",
    "strip_site_name",
    "strip_site_suffix",
]

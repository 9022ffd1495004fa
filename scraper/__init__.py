"""scraper: article pages in, clean body text and metadata out, as JSON.

The library's calls (`scraper.api`): `extract_article(html, url=None) -> Article`,
`scrape(target, url=None) -> Record` and `await scrape_async(...)`. They are
imported on first use, so `import scraper` (which the CLI does before parsing
its options) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from scraper.api import extract_article, scrape, scrape_async
    from scraper.models import Article, Record
    from scraper.settings import Settings

__all__ = ["Article", "Record", "Settings", "__version__", "extract_article", "scrape", "scrape_async"]

_LAZY = {
    "extract_article": "scraper.api",
    "scrape": "scraper.api",
    "scrape_async": "scraper.api",
    "Article": "scraper.models",
    "Record": "scraper.models",
    "Settings": "scraper.settings",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'scraper' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value

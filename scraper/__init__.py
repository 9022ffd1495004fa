"""scraper: article pages in, clean body text and metadata out, as JSON."""

__version__ = "0.1.0"

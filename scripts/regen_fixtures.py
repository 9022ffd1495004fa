"""Rewrite fixtures/<slug>/expected.json from the current extractor, for review.

    make regen-fixtures && git diff fixtures/

The expected files are the *truth*, written by a person: this script only
saves typing. Read every diff it makes before committing; a diff that keeps
boilerplate or loses a paragraph is a bug in the extractor, not a new truth.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scraper.pipeline import read_page_file, record_from_page

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("url", "title", "author", "date", "sitename", "text")


def main(slugs: list[str]) -> int:
    fixtures = ROOT / "fixtures"
    chosen = slugs or sorted(p.name for p in fixtures.iterdir() if (p / "source.html").is_file())
    for slug in chosen:
        folder = fixtures / slug
        path = folder / "expected.json"
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        url = old.get("url") or f"https://example.org/{slug}"
        record = record_from_page(read_page_file(str(folder / "source.html"), url)).record
        new = {field: getattr(record, field) for field in FIELDS} | {"url": url}
        path.write_text(json.dumps(new, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{'changed' if new != old else 'same   '} {slug}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

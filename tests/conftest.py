"""Shared test helpers. Nothing here leaves 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def read_page(path: Path) -> str:
    """A saved page's text, decoded as the extractor decodes it: fixtures are saved in their
    own charsets (one in GBK), as pages are served."""
    from scraper.decode import decode_html

    return decode_html(path.read_bytes())[0]


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    @property
    def records(self) -> list[dict[str, Any]]:
        """Every stdout line parsed as JSON: fails the test if any line is not JSON."""
        return [json.loads(line) for line in self.stdout.splitlines()]


RunCli = Callable[..., CliResult]


@pytest.fixture
def run_cli() -> RunCli:
    """Run `python -m scraper ARGS` in a real subprocess, so stdout/stderr/exit codes are real."""

    def run(*args: str, input: str | bytes | None = None, timeout: float = 60) -> CliResult:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
        data = input.encode("utf-8") if isinstance(input, str) else input
        proc = subprocess.run(
            [sys.executable, "-m", "scraper", *args],
            input=data,
            capture_output=True,
            timeout=timeout,
            env=env,
            cwd=ROOT,
        )
        return CliResult(
            subprocess.CompletedProcess(
                proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
            )
        )

    return run


def text_after(step: Callable[[LexborHTMLParser], object], html: str) -> str:
    """The body text of `html` after one pass over its tree, whitespace collapsed."""
    tree = LexborHTMLParser(html)
    step(tree)
    assert tree.body is not None
    return " ".join(tree.body.text(separator=" ").split())


def page(body: str, title: str = "A test article", head: str = "") -> str:
    """A minimal but complete HTML document around `body`."""
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


ARTICLE_PARAGRAPHS = [
    "The river rose three metres overnight, and by morning the lower town was under water.",
    "Residents who had lived through the floods of 1987 said they had never seen it come so fast.",
    "Volunteers stacked sandbags along the embankment while the fire brigade pumped out cellars.",
    "By the afternoon the water had started to fall, leaving a line of mud on every wall it touched.",
]


def article_html(extra_inside: str = "", extra_outside: str = "") -> str:
    """A news article; `extra_inside` lands after the second paragraph, `extra_outside` after it."""
    body = "".join(
        f"<p>{text}</p>" + (extra_inside if i == 1 else "") for i, text in enumerate(ARTICLE_PARAGRAPHS)
    )
    return page(
        "<header><nav><a href='/'>Home</a><a href='/news'>News</a></nav></header>"
        f"<main><article><h1>A test article</h1>{body}</article></main>"
        f"{extra_outside}<footer>© 2024 Example Media</footer>"
    )

"""typer CLI: options -> Settings -> pipeline -> writer, and nothing else.

stdout carries only records; every human message goes to stderr.
Exit codes: 0 every target succeeded, 1 at least one failed (all records are
still written), 2 usage error.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from scraper import __version__
from scraper.batch import BatchOptions, run_batch
from scraper.fetch import Fetcher
from scraper.pipeline import scrape_target
from scraper.settings import DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT, Settings
from scraper.write import FORMATS, Format, write_outcome

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

app = typer.Typer(
    name="scraper",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        print(f"scraper {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn article pages into clean body text and metadata, as JSON.

    Examples:

      scraper extract https://example.com/news/story.html

      scraper batch urls.txt -o records.jsonl

      scraper extract page.html --url https://example.com/story | jq .text
    """


FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="json (one record per line), text (body only) or markdown.")
]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds allowed for one URL's fetch.", min=0.1)]
UserAgentOption = Annotated[str, typer.Option("--user-agent", help="User-Agent header sent.")]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Cap on a decompressed page body, in bytes.", min=1)
]
RetriesOption = Annotated[int, typer.Option("--retries", help="Retries for timeouts, 429 and 5xx.", min=0)]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No messages on stderr.")]


def _check_format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    return fmt  # type: ignore[return-value]


@app.command(
    epilog=(
        "Examples:  scraper extract https://example.com/story  |  "
        "scraper extract saved.html --url https://example.com/story  |  "
        "curl -s https://example.com/story | scraper extract - --format text"
    )
)
def extract(
    targets: Annotated[
        list[str],
        typer.Argument(help="http(s) URLs, paths to saved .html / .html.gz pages, or - for stdin."),
    ],
    url: Annotated[
        str | None, typer.Option("--url", help="The page's address, for a file or stdin.")
    ] = None,
    fmt: FormatOption = "json",
    timeout: TimeoutOption = 60.0,
    user_agent: UserAgentOption = DEFAULT_USER_AGENT,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    retries: RetriesOption = 2,
    quiet: QuietOption = False,
) -> None:
    """Extract each TARGET and print one JSON record per line."""
    output_format = _check_format(fmt)
    if targets.count("-") > 1:
        raise typer.BadParameter("stdin (-) can be read only once", param_hint="TARGETS")
    settings = Settings(deadline=timeout, user_agent=user_agent, max_bytes=max_bytes, retries=retries)
    failed = asyncio.run(_extract_all(targets, url, settings, output_format, quiet))
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


async def _extract_all(
    targets: list[str], url: str | None, settings: Settings, fmt: Format, quiet: bool
) -> int:
    failed = 0
    console = _stderr()
    async with Fetcher(settings) as fetcher:
        for target in targets:
            outcome = await scrape_target(target, fetcher, url=url, settings=settings)
            write_outcome(outcome, sys.stdout, fmt)
            error = outcome.record.error
            if error is not None:
                failed += 1
                if not quiet:
                    console.print(f"[red]error[/red] {outcome.record.url}: {error.type}: {error.message}")
    return failed


@app.command(
    epilog=(
        "Examples:  scraper batch urls.txt -o records.jsonl  |  "
        "cat urls.txt | scraper batch - | jq -c 'select(.ok) | {url, title}'"
    )
)
def batch(
    source: Annotated[str, typer.Argument(help="File of URLs or page paths, one per line; - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON Lines here instead of stdout.")
    ] = None,
    timeout: TimeoutOption = 60.0,
    user_agent: UserAgentOption = DEFAULT_USER_AGENT,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    retries: RetriesOption = 2,
    quiet: QuietOption = False,
) -> None:
    """Extract every URL or file listed in SOURCE; one JSON record per input line.

    Blank lines and lines starting with # are skipped.
    """
    settings = Settings(deadline=timeout, user_agent=user_agent, max_bytes=max_bytes, retries=retries)
    if source != "-" and not Path(source).is_file():
        raise typer.BadParameter(f"no such file: {source}", param_hint="SOURCE")
    options = BatchOptions(source=source, output=output, quiet=quiet)
    summary = run_batch(options, settings, _stderr())
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


COMMANDS = frozenset({"extract", "batch"})


def main() -> None:
    """Entry point; `scraper URL` is short for `scraper extract URL`."""
    args = sys.argv[1:]
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        args = ["extract", *args]
    elif args and args[0] == "-":
        args = ["extract", *args]
    app(args=args, prog_name="scraper")

"""typer CLI: options -> Settings -> pipeline -> writer, and nothing else.

stdout carries only records; every human message goes to stderr.
Exit codes: 0 every target succeeded, 1 at least one failed (all records are
still written), 2 usage error, 130 / 143 a batch stopped by Ctrl-C / SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from scraper import __version__
from scraper.batch import BatchFailed, BatchOptions, BatchTerminated, parse_shard, run_batch
from scraper.fetch import Fetcher
from scraper.settings import DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT, Settings, is_header_value
from scraper.urls import looks_like_url
from scraper.workers import ExtractionPool, PoolFailed, scrape_target
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


# The longest wait an option takes: a day. `inf` (which float options parse) would wait forever.
MAX_SECONDS = 86_400.0

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="json (one record per line), text (body only) or markdown.")
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        help="Seconds allowed for one attempt at a URL (each retry gets as long again).",
        min=0.1,
        max=MAX_SECONDS,
    ),
]
UserAgentOption = Annotated[str, typer.Option("--user-agent", help="User-Agent header sent.")]
MaxBytesOption = Annotated[
    int,
    typer.Option(
        "--max-bytes", help="Cap on a page body in bytes: fetched (decompressed) or a saved file.", min=1
    ),
]
RetriesOption = Annotated[
    int,
    typer.Option(
        "--retries", help="Retries for connection errors, timeouts, 429, 500, 502, 503 and 504.", min=0
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No messages on stderr.")]
PageTimeoutOption = Annotated[
    float,
    typer.Option(
        "--page-timeout",
        help="Seconds one page's extraction may take; past it the page gets a PageTimeout error record.",
        min=0.01,
        max=MAX_SECONDS,
    ),
]
PAGE_TIMEOUT = Settings().page_timeout


def _check_format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    return fmt


@app.command(
    epilog=(
        "Examples:  scraper extract https://example.com/story  |  "
        "scraper extract saved.html --url https://example.com/story  |  "
        "curl -s https://example.com/story | scraper extract - --format text"
    )
)
def extract(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="http(s) URLs, paths to saved .html / .html.gz pages, or - for stdin; "
            "none reads stdin when it is a pipe.",
            show_default=False,
        ),
    ] = None,
    # A list, so that a second --url is seen (and refused) rather than silently winning.
    urls: Annotated[
        list[str] | None,
        typer.Option("--url", metavar="<str>", help="The page's address, for a file or stdin."),
    ] = None,
    fmt: FormatOption = "json",
    timeout: TimeoutOption = 60.0,
    user_agent: UserAgentOption = DEFAULT_USER_AGENT,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    retries: RetriesOption = 2,
    page_timeout: PageTimeoutOption = PAGE_TIMEOUT,
    quiet: QuietOption = False,
) -> None:
    """Extract each TARGET and print one JSON record per line."""
    output_format = _check_format(fmt)
    _check_stdout()
    if not targets:
        # `curl -s URL | scraper -f text`: the page comes down the pipe.
        if not _stdin_is_pipe():
            raise typer.BadParameter(
                "give a URL, a saved page, or - for stdin (or pipe a page in)", param_hint="TARGETS"
            )
        targets = ["-"]
    if targets.count("-") > 1:
        raise typer.BadParameter("stdin (-) can be read only once", param_hint="TARGETS")
    if urls is not None and len(urls) > 1:
        raise typer.BadParameter("given more than once: a page has one address", param_hint="--url")
    url = urls[0] if urls else None
    if url is not None and (len(targets) > 1 or looks_like_url(targets[0])):
        # One address for several pages would give them all one `url`; a fetched page has its own.
        raise typer.BadParameter("names the address of one saved page or of stdin", param_hint="--url")
    _check_user_agent(user_agent)
    settings = Settings(
        deadline=timeout,
        user_agent=user_agent,
        max_bytes=max_bytes,
        retries=retries,
        page_timeout=page_timeout,
    )
    # Pages are extracted in one worker process, under the guard. It is forked here,
    # before the event loop starts: milliseconds, where spawning one costs a second.
    # The extractor is imported first, so the fork has it loaded already.
    import scraper.extract  # noqa: F401

    pool = ExtractionPool.forked(1, settings.page_timeout)
    try:
        failed = asyncio.run(_extract_all(targets, url, settings, output_format, quiet, pool))
    except (PoolFailed, _OutputFailed) as exc:
        _stderr().print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_FAILED) from None
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


class _OutputFailed(Exception):
    """stdout cannot take the records (a full disk): nothing more can be delivered."""


def _check_stdout() -> None:
    # Started with stdout closed (`>&-`): Python has no sys.stdout at all.
    if sys.stdout is None:
        _stderr().print("error: stdout is closed: there is nowhere to write the records", markup=False)
        raise typer.Exit(EXIT_USAGE)


def _check_user_agent(user_agent: str) -> None:
    # Said here with the option's name; `Settings` refuses it too, for library callers.
    if not is_header_value(user_agent):
        raise typer.BadParameter("must be printable ASCII (it is an HTTP header)", param_hint="--user-agent")


async def _extract_all(
    targets: list[str], url: str | None, settings: Settings, fmt: Format, quiet: bool, pool: ExtractionPool
) -> int:
    failed = 0
    written = False
    console = _stderr()
    async with pool, Fetcher(settings) as fetcher:
        for target in targets:
            outcome = await scrape_target(target, fetcher, pool, url)
            try:
                written = write_outcome(outcome, sys.stdout, fmt, after=written) or written
            except BrokenPipeError:
                # `scraper extract … | head -1`: the reader has what it wanted. stdout goes to
                # /dev/null, so the interpreter's last flush stays quiet too.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return failed
            except OSError as exc:
                raise _OutputFailed(f"cannot write records: {exc.strerror or exc}") from None
            record = outcome.record
            error = record.error
            if error is not None:
                failed += 1
                if not quiet:
                    message = f"{escape(record.url)}: {error.type}: {escape(error.message)}"
                    console.print(f"[red]error[/red] {message}")
            elif not record.text and not quiet:
                # Not an error (the page was read), but nothing to pipe on: say why it is empty.
                console.print(
                    f"[yellow]warning[/yellow] {escape(record.url)}: the page holds no body text "
                    "(a frameset, or an app that renders its text in the browser?)"
                )
    return failed


EXIT_INTERRUPTED = 130  # the shell's convention for "ended by SIGINT"
EXIT_TERMINATED = 143  # and for "ended by SIGTERM" (128 + 15)


@app.command(
    epilog=(
        "Examples:  scraper batch urls.txt -o records.jsonl  |  "
        "scraper batch urls.txt -o records.jsonl --resume  |  "
        "cat urls.txt | scraper batch - | jq -c 'select(.ok) | {url, title}'"
    )
)
def batch(
    source: Annotated[str, typer.Argument(help="File of URLs or page paths, one per line; - for stdin.")],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write JSON Lines to this file instead of stdout; "
            "a directory (DIR/) gets one file per record.",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Keep the records already in -o FILE (a torn last line is cut off), "
            "skip their inputs and append the rest.",
        ),
    ] = False,
    retry_failed: Annotated[
        bool,
        typer.Option("--retry-failed", help="Like --resume, but drop FILE's error records and retry those."),
    ] = False,
    concurrency: Annotated[
        int, typer.Option("--concurrency", help="Requests in flight, all hosts together.", min=1)
    ] = 32,
    per_host: Annotated[int, typer.Option("--per-host", help="Requests in flight to one host.", min=1)] = 2,
    delay: Annotated[
        float,
        typer.Option(
            "--delay",
            help="Minimum seconds between two requests to one host (a robots.txt Crawl-delay can ask more).",
            min=0.0,
            max=MAX_SECONDS,
        ),
    ] = 0.0,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Extraction processes [default: the number of cores]; "
            "0 extracts in this process, without the --page-timeout guard.",
            min=0,
        ),
    ] = None,
    page_timeout: PageTimeoutOption = PAGE_TIMEOUT,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Neither fetch nor honour robots.txt.")
    ] = False,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard", metavar="K/N", help="Only URLs whose host falls in shard K of N (1 <= K <= N)."
        ),
    ] = None,
    timeout: TimeoutOption = 60.0,
    user_agent: UserAgentOption = DEFAULT_USER_AGENT,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    retries: RetriesOption = 2,
    quiet: QuietOption = False,
) -> None:
    """Extract every URL or file listed in SOURCE; one JSON record per distinct input line.

    Blank lines and lines starting with # are skipped. Records come in the order
    they complete. Progress (on a terminal) and a summary go to stderr.
    """
    if source == "-" and sys.stdin is None:
        raise typer.BadParameter("stdin is closed: there is no list to read", param_hint="SOURCE")
    if output is None:
        _check_stdout()
    if source != "-" and not Path(source).exists():
        raise typer.BadParameter(f"no such file: {source}", param_hint="SOURCE")
    if source != "-" and Path(source).is_dir():
        raise typer.BadParameter(f"is a directory, not a list: {source}", param_hint="SOURCE")
    output_dir = output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    if output is not None and source != "-" and _same_file(source, output):
        raise typer.BadParameter(
            "is the list itself: its lines would be overwritten", param_hint="-o / --output"
        )
    _check_user_agent(user_agent)
    if output is not None and not output_dir and not Path(output).parent.is_dir():
        raise typer.BadParameter(f"no such directory: {Path(output).parent}", param_hint="-o / --output")
    if (resume or retry_failed) and (output is None or output_dir):
        raise typer.BadParameter("needs -o FILE to resume into", param_hint="--resume / --retry-failed")
    try:
        shard_k_n = parse_shard(shard) if shard is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--shard") from None
    settings = Settings(
        deadline=timeout,
        user_agent=user_agent,
        max_bytes=max_bytes,
        retries=retries,
        concurrency=concurrency,
        per_host=per_host,
        delay=delay,
        respect_robots=not ignore_robots,
        page_timeout=page_timeout,
        **({"workers": workers} if workers is not None else {}),
    )
    options = BatchOptions(
        source=source,
        output=Path(output) if output is not None else None,
        output_dir=output_dir,
        quiet=quiet,
        resume=resume or retry_failed,
        retry_failed=retry_failed,
        shard=shard_k_n,
    )
    console = _stderr()
    try:
        summary = run_batch(options, settings, console)
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BatchTerminated:
        raise typer.Exit(EXIT_TERMINATED) from None
    except BatchFailed as exc:
        console.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_FAILED) from None
    raise typer.Exit(EXIT_FAILED if summary.any_failed else EXIT_OK)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the output does not exist yet
        return False


def _stdin_is_pipe() -> bool:
    """Whether stdin brings data (a pipe, a file), not a person at a terminal."""
    return sys.stdin is not None and not sys.stdin.isatty()


COMMANDS = frozenset({"extract", "batch"})
ROOT_OPTIONS = frozenset({"--version", "-h", "--help"})


def main() -> None:
    """Entry point; `scraper URL` is short for `scraper extract URL`, `scraper -f text
    page.html` for `scraper extract -f text page.html`, and a bare `scraper` whose
    stdin is a pipe (`curl -s URL | scraper`) reads the page from it."""
    args = sys.argv[1:]
    if not args and _stdin_is_pipe():
        args = ["-"]
    if args and args[0] not in COMMANDS and args[0] not in ROOT_OPTIONS:
        args = ["extract", *args]
    app(args=args, prog_name="scraper")

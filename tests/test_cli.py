"""The CLI end to end, in real subprocesses: stdout is data, stderr is for people."""

from __future__ import annotations

import gzip
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import ARTICLE_PARAGRAPHS, ROOT, RunCli, article_html

RECORD_KEYS = [
    "url",
    "final_url",
    "status",
    "ok",
    "title",
    "author",
    "date",
    "sitename",
    "description",
    "language",
    "text",
    "word_count",
    "confidence",
    "fetched_at",
]


def test_url_from_local_server(run_cli: RunCli, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(article_html(), content_type="text/html")
    result = run_cli("extract", httpserver.url_for("/story"))
    assert result.returncode == 0, result.stderr
    [record] = result.records
    assert list(record) == RECORD_KEYS
    assert record["ok"] is True and record["status"] == 200
    assert record["title"] == "A test article"
    assert record["text"].split("\n") == ARTICLE_PARAGRAPHS
    assert record["word_count"] == sum(len(p.split()) for p in ARTICLE_PARAGRAPHS)


def test_file_and_gzip_file(run_cli: RunCli, tmp_path: Path) -> None:
    plain = tmp_path / "page.html"
    plain.write_text(article_html(), encoding="utf-8")
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(article_html().encode()))
    result = run_cli("extract", str(plain), str(packed))
    assert result.returncode == 0
    first, second = result.records
    assert first["url"] == str(plain) and first["status"] is None and first["final_url"] is None
    assert first["text"] == second["text"] != ""


def test_url_option_names_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(article_html())
    [record] = run_cli("extract", str(path), "--url", "https://example.org/p").records
    assert record["url"] == record["final_url"] == "https://example.org/p"


def test_stdin(run_cli: RunCli) -> None:
    result = run_cli("extract", "-", "--url", "https://example.org/s", input=article_html())
    assert result.returncode == 0
    [record] = result.records
    assert record["url"] == "https://example.org/s" and ARTICLE_PARAGRAPHS[0] in record["text"]


def test_bare_url_is_short_for_extract(run_cli: RunCli) -> None:
    result = run_cli("-", input=article_html())
    assert result.returncode == 0 and result.records[0]["ok"] is True


def test_bare_scraper_reads_a_piped_page(run_cli: RunCli) -> None:
    result = run_cli(input=article_html())
    assert result.returncode == 0
    [record] = result.records
    assert record["url"] == "-" and ARTICLE_PARAGRAPHS[0] in record["text"]


def test_options_without_a_target_read_a_piped_page(run_cli: RunCli) -> None:
    """`curl -s URL | scraper -f text`: options alone, the page down the pipe."""
    for args in (("-f", "text"), ("extract", "--format", "text", "--url", "https://example.org/p")):
        result = run_cli(*args, input=article_html())
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ARTICLE_PARAGRAPHS


def test_an_empty_page_is_an_error_record_not_an_empty_article(run_cli: RunCli, tmp_path: Path) -> None:
    """`scraper < /dev/null` (a script's stdin) or an empty saved file: no page was read."""
    result = run_cli(input=b"")
    assert result.returncode == 1
    [record] = result.records
    assert record["ok"] is False and record["text"] is None
    assert record["error"]["type"] == "FileReadError" and "stdin is empty" in record["error"]["message"]
    assert "stdin is empty" in result.stderr
    # In a batch, the empty file gets its error record and the next file its article.
    empty, good = tmp_path / "empty.html", tmp_path / "good.html"
    empty.write_text(" \n")
    good.write_text(article_html())
    result = run_cli("batch", "-", input=f"{empty}\n{good}\n")
    assert result.returncode == 1
    by_url = {record["url"]: record for record in result.records}
    assert by_url[str(empty)]["error"]["type"] == "FileReadError"
    assert by_url[str(good)]["ok"] is True


FRAMESET = '<html><frameset cols="20%,80%"><frame src="nav.html"><frame src="main.html"></frameset></html>'


def test_a_page_without_text_is_read_but_said_to_be_empty(run_cli: RunCli, tmp_path: Path) -> None:
    """A frameset (or an app's empty shell) was read: an ok record, whose empty text stderr
    points out; a batch's summary counts such records and the unsure ones apart."""
    frames, good = tmp_path / "frames.html", tmp_path / "good.html"
    frames.write_text(FRAMESET)
    good.write_text(article_html())
    result = run_cli(str(frames))
    assert result.returncode == 0
    [record] = result.records
    assert record["ok"] is True and record["text"] == ""
    assert "warning" in result.stderr and "no body text" in result.stderr
    assert "no body text" not in run_cli(str(good)).stderr
    assert run_cli(str(frames), "-q").stderr == ""
    result = run_cli("batch", "-", input=f"{frames}\n{good}\n")
    assert result.returncode == 0
    assert "2 ok, 0 failed" in result.stderr and "of the ok: 1 without text" in result.stderr


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64)


def test_a_binary_file_is_an_error_record_not_noise(run_cli: RunCli, tmp_path: Path) -> None:
    """An image saved as page.html, or piped in: its bytes are no page, plain or gzipped."""
    result = run_cli("-", input=PNG)
    assert result.returncode == 1
    [record] = result.records
    assert record["ok"] is False and record["text"] is None
    assert record["error"]["type"] == "FileReadError" and "binary data" in record["error"]["message"]
    image, zipped, good = tmp_path / "image.html", tmp_path / "image.html.gz", tmp_path / "good.html"
    image.write_bytes(PNG)
    zipped.write_bytes(gzip.compress(PNG))
    # A page that starts as HTML is read whatever stray NUL it holds.
    good.write_bytes(article_html().encode().replace(b"<body>", b"<body>\x00", 1))
    result = run_cli("batch", "-", input=f"{image}\n{zipped}\n{good}\n")
    assert result.returncode == 1
    by_url = {record["url"]: record for record in result.records}
    assert len(result.records) == 3
    assert by_url[str(image)]["error"]["type"] == by_url[str(zipped)]["error"]["type"] == "FileReadError"
    assert ARTICLE_PARAGRAPHS[0] in by_url[str(good)]["text"]


def test_a_target_that_reads_as_console_markup_is_printed_as_written(run_cli: RunCli, tmp_path: Path) -> None:
    """stderr's messages are styled with rich's markup: a path or URL holding "[/b]" once
    raised a MarkupError after its record was written, and the command died."""
    missing, frames = tmp_path / "[/b]missing.html", tmp_path / "[bold]frames.html"
    frames.write_text(FRAMESET)
    result = run_cli(str(missing), str(frames))
    assert result.returncode == 1
    assert [record["url"] for record in result.records] == [str(missing), str(frames)]
    assert f"error {missing}: FileReadError" in result.stderr
    assert f"warning {frames}: the page holds no body text" in result.stderr
    assert "Traceback" not in result.stderr


def test_options_before_the_target_are_extract_options(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(article_html())
    result = run_cli("--format", "text", str(path))
    assert result.returncode == 0
    assert result.stdout.strip().split("\n") == ARTICLE_PARAGRAPHS
    assert run_cli("--no-such-option", str(path)).returncode == 2
    assert run_cli("--version").stdout.startswith("scraper ")


def test_failures_are_records_and_exit_1(run_cli: RunCli, tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(article_html())
    result = run_cli(
        "extract", str(tmp_path / "missing.html"), str(good), "http://127.0.0.1:9/", "--retries", "0"
    )
    assert result.returncode == 1
    missing, ok, refused = result.records  # stdout is nothing but JSON lines
    assert missing["ok"] is False and missing["error"]["type"] == "FileReadError"
    assert missing["text"] is None and missing["title"] is None
    assert ok["ok"] is True
    assert refused["error"]["type"] == "ConnectError"
    assert "FileReadError" in result.stderr and "ConnectError" in result.stderr


def test_404_and_non_html_records(run_cli: RunCli, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/404").respond_with_data("no", status=404)
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG" + b"0" * 2000, content_type="image/png")
    result = run_cli("extract", httpserver.url_for("/404"), httpserver.url_for("/img"), "--quiet")
    assert result.returncode == 1 and result.stderr == ""
    not_found, image = result.records
    assert not_found["status"] == 404 and not_found["error"]["type"] == "HTTPStatusError"
    assert image["error"]["type"] == "NotHTML"


def test_refused_scheme(run_cli: RunCli) -> None:
    result = run_cli("extract", "file:///etc/passwd")
    assert result.returncode == 1
    assert result.records[0]["error"]["type"] == "InvalidURL"


def test_text_and_markdown_formats(run_cli: RunCli) -> None:
    text = run_cli("extract", "-", "--format", "text", input=article_html())
    assert text.stdout.strip().split("\n") == ARTICLE_PARAGRAPHS
    markdown = run_cli("extract", "-", "-f", "markdown", input=article_html())
    assert markdown.stdout.startswith("# A test article\n\n" + ARTICLE_PARAGRAPHS[0] + "\n\n")


def test_text_formats_set_records_apart_with_a_blank_line(run_cli: RunCli, tmp_path: Path) -> None:
    pages = []
    for i in range(2):
        page = tmp_path / f"page{i}.html"
        page.write_text(article_html().replace("A test article", f"Story {i}"), encoding="utf-8")
        pages.append(str(page))
    missing = str(tmp_path / "missing.html")  # a failed target prints nothing, not an empty record
    text = run_cli("extract", pages[0], missing, pages[1], "-f", "text")
    body = "\n".join(ARTICLE_PARAGRAPHS)
    assert text.stdout == f"{body}\n\n{body}\n"
    markdown = run_cli("extract", *pages, "-f", "markdown").stdout
    assert markdown.count("# Story") == 2
    assert f"{ARTICLE_PARAGRAPHS[-1]}\n\n# Story 1\n\n" in markdown and markdown.endswith(
        ARTICLE_PARAGRAPHS[-1] + "\n"
    )


def test_markdown_for_every_kind_of_target(run_cli: RunCli, httpserver: HTTPServer, tmp_path: Path) -> None:
    # Markdown is rendered only where it may be printed: each of `extract`'s jobs asks for it.
    html = article_html(extra_inside="<h2>Section two</h2><ul><li>first point</li><li>second point</li></ul>")
    httpserver.expect_request("/story").respond_with_data(html, content_type="text/html")
    saved = tmp_path / "story.html"
    saved.write_text(html)
    for args, given in (((httpserver.url_for("/story"),), None), ((str(saved),), None), (("-",), html)):
        result = run_cli("extract", *args, "-f", "markdown", input=given)
        assert result.returncode == 0, result.stderr
        assert "## Section two\n\n- first point\n- second point" in result.stdout, args


def test_usage_errors_exit_2(run_cli: RunCli) -> None:
    assert run_cli("extract", "-", "--format", "xml", input="").returncode == 2
    assert run_cli("extract", "--no-such-option", "x").returncode == 2
    assert run_cli("batch", "/no/such/list.txt").returncode == 2


def _at_a_terminal(*args: str) -> subprocess.CompletedProcess[bytes]:
    """`scraper ARGS` run with a terminal, not a pipe, for its stdin."""
    leader, follower = pty.openpty()
    try:
        command = [sys.executable, "-m", "scraper", *args]
        return subprocess.run(command, stdin=follower, capture_output=True, timeout=60, cwd=ROOT)
    finally:
        os.close(leader)
        os.close(follower)


def test_no_target_at_a_terminal_is_a_usage_error_not_a_wait_for_stdin() -> None:
    bare = _at_a_terminal()
    assert bare.returncode == 2 and b"Commands" in bare.stdout + bare.stderr
    options_only = _at_a_terminal("extract", "-f", "text")
    assert options_only.returncode == 2 and b"give a URL" in options_only.stderr


def test_help_has_examples(run_cli: RunCli) -> None:
    for command in ([], ["extract"], ["batch"]):
        result = run_cli(*command, "--help")
        assert result.returncode == 0 and "Example" in result.stdout


def test_batch_one_record_per_distinct_input(run_cli: RunCli, httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/a").respond_with_data(article_html(), content_type="text/html")
    httpserver.expect_request("/b").respond_with_data("x", status=404)
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    listing = tmp_path / "list.txt"
    listing.write_text(
        "# my list\n\n"
        f"{httpserver.url_for('/a')}\n{httpserver.url_for('/b')}\n{page_file}\n{httpserver.url_for('/a')}\n"
        "ftp://example.com/x\n"
    )
    result = run_cli("batch", str(listing), "--retries", "0")
    assert result.returncode == 1
    # Records come in completion order; each distinct input exactly once.
    by_url = {r["url"]: r["ok"] for r in result.records}
    assert len(result.records) == len(by_url) == 4
    assert by_url == {
        httpserver.url_for("/a"): True,
        httpserver.url_for("/b"): False,
        str(page_file): True,
        "ftp://example.com/x": False,
    }
    assert "1 duplicate" in result.stderr


def test_batch_output_that_cannot_be_written_is_said_plainly(run_cli: RunCli, tmp_path: Path) -> None:
    """-o into a directory that does not exist is a usage error, like a missing list, not a
    traceback."""
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    for output in (tmp_path / "missing" / "out.jsonl", page_file / "out.jsonl"):
        result = run_cli("batch", "-", "-o", str(output), input=f"{page_file}\n")
        assert result.returncode == 2 and "no such directory" in result.stderr
        assert "Traceback" not in result.stderr and not output.exists()


def test_batch_from_stdin_to_file(run_cli: RunCli, tmp_path: Path) -> None:
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", "-", "-o", str(out), input=f"{page_file}\n")
    assert result.returncode == 0 and result.stdout == ""
    assert out.read_text().count("\n") == 1


def test_records_match_the_shipped_schema(run_cli: RunCli, tmp_path: Path) -> None:
    import json
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("scraper").joinpath("record.schema.json").read_text(encoding="utf-8"))
    good = tmp_path / "good.html"
    good.write_text(article_html())
    result = run_cli("extract", str(good), str(tmp_path / "missing.html"))
    assert len(result.records) == 2
    for record in result.records:
        jsonschema.validate(record, schema)


def test_the_schema_and_the_readme_name_every_error_type() -> None:
    """A record's `error.type` is the class name of any error scraper raises: the schema's
    enum and the README's list hold them all (InputError is never raised itself)."""
    import json
    from importlib.resources import files

    from scraper import errors

    def subclasses(cls: type) -> set[type]:
        return {cls, *(c for sub in cls.__subclasses__() for c in subclasses(sub))}

    raised = {cls.__name__ for cls in subclasses(errors.ScraperError)} - {"ScraperError", "InputError"}
    schema = json.loads(files("scraper").joinpath("record.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]["error"]["properties"]["type"]["enum"]) == raised
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in raised), raised


def test_the_batch_parent_does_not_load_the_extractor() -> None:
    """Batch workers are spawned and import the extractor themselves; in the parent,
    which only fetches and writes, it would be some 50 MB for nothing."""
    code = (
        "import sys, scraper.cli, scraper.batch, scraper.workers\n"
        "loaded = [m for m in ('trafilatura', 'lxml', 'htmldate', 'scraper.extract') if m in sys.modules]\n"
        "print(','.join(loaded))"
    )
    command = [sys.executable, "-c", code]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert proc.stdout.strip() == ""


def test_a_saved_page_over_the_size_cap_is_an_error_record(run_cli: RunCli, tmp_path: Path) -> None:
    small = tmp_path / "small.html"
    small.write_text(article_html(), encoding="utf-8")
    huge = tmp_path / "huge.html"
    huge.write_text(article_html() + "<p>filler</p>" * 2_000, encoding="utf-8")
    cap = str(small.stat().st_size + 100)
    for command in ("extract", "batch"):
        if command == "batch":
            listing = tmp_path / "files.txt"
            listing.write_text(f"{huge}\n{small}\n", encoding="utf-8")
            result = run_cli("batch", str(listing), "--max-bytes", cap, "--quiet")
        else:
            result = run_cli("extract", str(huge), str(small), "--max-bytes", cap)
        assert result.returncode == 1
        by_url = {record["url"]: record for record in result.records}
        assert by_url[str(huge)]["ok"] is False
        assert by_url[str(huge)]["error"]["type"] == "FileReadError"
        assert "byte cap" in by_url[str(huge)]["error"]["message"]
        assert by_url[str(small)]["ok"] is True and ARTICLE_PARAGRAPHS[0] in by_url[str(small)]["text"]


# -- odd inputs and outputs: each a clear message and the right exit code, never a traceback --


def _cli_with_closed_stdin(*args: str) -> subprocess.CompletedProcess[str]:
    """`scraper ARGS <&-`: the process starts without a file descriptor 0 at all."""
    command = " ".join([sys.executable, "-m", "scraper", *args])
    return subprocess.run(
        ["sh", "-c", f"exec {command} <&-"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_a_closed_stdin_is_said_plainly() -> None:
    batch = _cli_with_closed_stdin("batch", "-")
    assert batch.returncode == 2 and "stdin is closed" in batch.stderr
    assert "Traceback" not in batch.stderr and "interrupted" not in batch.stderr
    extract = _cli_with_closed_stdin("extract", "-")
    assert extract.returncode == 1 and "Traceback" not in extract.stderr
    [line] = extract.stdout.splitlines()
    assert '"FileReadError"' in line and "stdin is closed" in line


def test_a_closed_stdout_is_said_plainly(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(article_html(), encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{page}\n", encoding="utf-8")
    for args in (("extract", str(page)), ("batch", str(listing))):
        command = " ".join([sys.executable, "-m", "scraper", *args])
        result = subprocess.run(
            ["sh", "-c", f"exec {command} >&-"], capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        assert result.returncode == 2, args
        assert "stdout is closed" in result.stderr and "Traceback" not in result.stderr, args
    # With -o the records have somewhere to go.
    command = f"{sys.executable} -m scraper batch {listing} -o {tmp_path / 'out.jsonl'} -q"
    result = subprocess.run(["sh", "-c", f"exec {command} >&-"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_a_list_with_a_byte_order_mark_is_read_as_its_editor_wrote_it(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Notepad's UTF-8 BOM, and PowerShell's `>` (UTF-16 with its BOM, CRLF lines)."""
    pages = [tmp_path / f"page {i}.html" for i in range(2)]
    for path in pages:
        path.write_text(article_html())
    text = "".join(f"{path}\r\n" for path in pages)
    for name, data in (("utf8.txt", "\ufeff" + text), ("utf16.txt", text)):
        listing = tmp_path / name
        listing.write_bytes(data.encode("utf-8") if name == "utf8.txt" else text.encode("utf-16"))
        result = run_cli("batch", str(listing))
        assert result.returncode == 0, (name, result.stderr)
        assert sorted(record["url"] for record in result.records) == sorted(map(str, pages)), name


def test_a_list_may_be_a_pipe_but_not_a_directory(run_cli: RunCli, tmp_path: Path) -> None:
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    fifo = tmp_path / "list.fifo"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"printf '%s\\n' '{page_file}' > '{fifo}'"])
    try:
        result = run_cli("batch", str(fifo))
    finally:
        writer.kill()  # blocked on the FIFO if the batch never opened it
        writer.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert [record["url"] for record in result.records] == [str(page_file)]
    directory = run_cli("batch", str(tmp_path))
    assert directory.returncode == 2 and "is a directory" in directory.stderr


def test_the_output_may_not_be_the_list_itself(run_cli: RunCli, tmp_path: Path) -> None:
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    listing = tmp_path / "list.txt"
    listing.write_text(f"{page_file}\n")
    for extra in ([], ["--resume"]):
        result = run_cli("batch", str(listing), "-o", str(listing), *extra)
        assert result.returncode == 2 and "is the list itself" in result.stderr
        assert listing.read_text() == f"{page_file}\n"


def test_options_a_request_cannot_carry_are_usage_errors(run_cli: RunCli, tmp_path: Path) -> None:
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    for args in (
        ["extract", str(page_file), "--user-agent", "é"],
        ["batch", "-", "--user-agent", "a\nb"],
        ["batch", "-", "--delay", "inf"],
        ["extract", str(page_file), "--timeout", "inf"],
        ["extract", str(page_file), str(page_file), "--url", "https://example.org/a"],
        ["extract", "https://example.org/b", "--url", "https://example.org/a"],
    ):
        result = run_cli(*args, input=f"{page_file}\n")
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == "" and "Traceback" not in result.stderr, args


def test_url_given_twice_is_a_usage_error_not_a_silent_choice(run_cli: RunCli, tmp_path: Path) -> None:
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    result = run_cli("extract", str(page_file), "--url", "https://a.example/", "--url", "https://b.example/")
    assert result.returncode == 2 and result.stdout == ""
    assert "--url" in result.stderr and "more than once" in result.stderr


def test_stdin_is_held_to_the_size_cap_as_a_file_is(run_cli: RunCli) -> None:
    result = run_cli("extract", "-", "--max-bytes", "1000", input=article_html() + " " * 1000)
    assert result.returncode == 1
    [record] = result.records
    assert record["error"]["type"] == "FileReadError" and "1,000-byte cap" in record["error"]["message"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_stdout_that_cannot_be_written_ends_extract_with_a_message(tmp_path: Path) -> None:
    page_file = tmp_path / "saved.html"
    page_file.write_text(article_html())
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "scraper", "extract", str(page_file)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 1
    assert "cannot write records" in result.stderr and "Traceback" not in result.stderr

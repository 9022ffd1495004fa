"""File names from URLs for `-o DIR/`: nothing escapes DIR, nothing overwrites another record."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.models import ErrorInfo, Record
from scraper.outdir import (
    MAX_NAME,
    WINDOWS_RESERVED,
    RecordDir,
    filename_for_url,
    slug_for_url,
    without_credentials,
    write_record_file,
)

SAFE = re.compile(r"^[a-z0-9][a-z0-9._\-]*\.json$")
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)

HOSTILE_URLS = [
    "../../../../etc/passwd",
    "/etc/passwd",
    "https://example.com/../../etc/passwd",
    "https://example.com/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "https://example.com/..\\..\\windows\\system32",
    "C:\\Windows\\System32\\drivers\\etc\\hosts",
    "\\\\server\\share\\file",
    "https://example.com/a\x00b",
    "https://example.com/" + "x" * 5000,
    "https://" + "sub." * 60 + "example.com/",
    "http://con/",
    "http://nul.example/",
    "http://aux/x",
    "com1.txt",
    "LPT9",
    "https://example.com/A",
    "https://example.com/a",
    "https://EXAMPLE.com/a",
    "...",
    ".hidden",
    "-rf",
    "",
    "-",
    "\ud800\udfff",
    "https://example.com/\u202etxt.exe",
    "https://例え.jp/パス",
    "https://example.com/?q=" + "%00" * 100,
]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.example.com/news/2024/story.html", "example.com-news-2024-story.html-"),
        ("https://example.com/", "example.com-"),
        ("https://example.com/a?b=1&c=2#frag", "example.com-a-b-1-c-2-"),
        ("http://user:secret@example.com/private", "example.com-private-"),
        ("user:secret@example.com/page", "example.com-page-"),
        ("../../etc/passwd", "etc-passwd-"),
        ("http://con.example/", "con_.example-"),
        ("http://münchen.de/köln", "munchen.de-koln-"),
        ("https://ru.wikipedia.org/wiki/%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0", "ru.wikipedia.org-wiki-"),
        ("-", "page-"),
        ("", "page-"),
    ],
)
def test_readable_slug_then_hash(url: str, name: str) -> None:
    got = filename_for_url(url)
    assert got.startswith(name)
    assert re.fullmatch(re.escape(name) + r"[0-9a-f]{12}\.json", got)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_urls_give_safe_names(url: str, tmp_path: Path) -> None:
    name = filename_for_url(url)
    assert SAFE.match(name), name
    assert len(name) <= MAX_NAME
    assert ".." not in name and "/" not in name and "\\" not in name and "\x00" not in name
    assert name.split(".", 1)[0] not in WINDOWS_RESERVED
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_all_hostile_urls_get_distinct_files_on_a_real_disk(tmp_path: Path) -> None:
    out = RecordDir(tmp_path / "out")
    paths = {out.write(Record(url=url)) for url in HOSTILE_URLS}
    assert len(paths) == len(HOSTILE_URLS)
    on_disk = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert on_disk == sorted(p.name for p in paths)
    # Case-insensitive filesystems would merge names that differ only by case.
    assert len({name.lower() for name in on_disk}) == len(on_disk)
    assert list(tmp_path.iterdir()) == [tmp_path / "out"]


def test_case_clash_gives_two_names() -> None:
    upper, lower = filename_for_url("https://example.com/Page"), filename_for_url("https://example.com/page")
    assert upper != lower and upper.lower() != lower.lower()


def test_credentials_never_in_the_name_nor_in_the_hash() -> None:
    for url in (
        "https://user:secret@example.com/x",
        "user:secret@example.com/x",
        "//user:secret@example.com/x",
    ):
        assert "secret" not in filename_for_url(url)
        assert "user" not in filename_for_url(url)
    # The hash is of the URL without credentials: it cannot be brute-forced back to the password.
    assert filename_for_url("https://user:secret@example.com/x") == filename_for_url("https://example.com/x")
    assert without_credentials("http://u:p@[::1/") == "http://[::1/"


def test_taken_names_get_a_counter_in_a_fixed_order() -> None:
    first = filename_for_url("https://example.com/a")
    second = filename_for_url("https://example.com/a", {first})
    third = filename_for_url("https://example.com/a", {first, second})
    assert second == first.replace(".json", "-2.json")
    assert third == first.replace(".json", "-3.json")
    assert filename_for_url("https://example.com/a", lambda name: name in {first, second}) == third


def test_length_is_capped_for_any_input() -> None:
    for url in ("https://example.com/" + "word-" * 2000, "https://" + "a" * 3000, "x" * 100_000):
        name = filename_for_url(url, {filename_for_url(url)})
        assert len(name) <= MAX_NAME


def test_bad_extension_is_refused() -> None:
    for ext in ("json", "../x", ".JSON/", ".a b"):
        with pytest.raises(ValueError):
            filename_for_url("https://example.com/", ext=ext)
    assert filename_for_url("https://example.com/", ext=".txt").endswith(".txt")


def test_slug_has_no_dot_runs_and_no_edge_punctuation() -> None:
    slug = slug_for_url("https://example.com/..%2F..%2F.a.-.b-/")
    assert slug == "example.com-a-b"


@PROPERTY
@given(st.text(max_size=300))
def test_any_text_gives_a_safe_deterministic_name(url: str) -> None:
    name = filename_for_url(url)
    assert SAFE.match(name), name
    assert len(name) <= MAX_NAME
    assert name.split(".", 1)[0] not in WINDOWS_RESERVED
    assert filename_for_url(url) == name


@PROPERTY
@given(st.lists(st.text(max_size=40), min_size=2, max_size=30, unique=True))
def test_distinct_urls_never_share_a_name(urls: list[str]) -> None:
    taken: set[str] = set()
    for url in urls:
        name = filename_for_url(url, taken)
        assert name not in taken
        taken.add(name)
    assert len({name.lower() for name in taken}) == len(urls)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(HOSTILE_URLS) | st.text(max_size=30), min_size=1, max_size=20))
def test_writes_stay_inside_the_directory(tmp_path: Path, urls: list[str]) -> None:
    out = RecordDir(tmp_path / "d")
    for url in urls:
        path = out.write(Record(url=url))
        assert path.parent == tmp_path / "d"
    assert all(p.parent == tmp_path / "d" for p in (tmp_path / "d").rglob("*"))


def test_record_file_is_one_json_line(tmp_path: Path) -> None:
    record = Record(url="https://example.com/a", ok=True, text="line one\nline\u2028two\x00")
    path = write_record_file(tmp_path, record)
    content = path.read_text(encoding="utf-8")
    assert content.endswith("\n") and content.count("\n") == 1
    assert json.loads(content)["text"] == record.text


def test_same_key_rewrites_its_own_file(tmp_path: Path) -> None:
    out = RecordDir(tmp_path)
    first = out.write(Record(url="https://example.com/a", error=ErrorInfo("ConnectError", "refused")))
    second = out.write(Record(url="https://example.com/a", ok=True, text="now it works"))
    assert first == second
    assert json.loads(second.read_text())["ok"] is True
    assert len(list(tmp_path.iterdir())) == 1


def test_two_inputs_with_the_same_redacted_url_get_two_files(tmp_path: Path) -> None:
    # `https://a:1@h/x` and `https://b:2@h/x` are two inputs whose records both say `https://h/x`.
    out = RecordDir(tmp_path)
    one = out.write(Record(url="https://h.example/x", text="one"), key="https://a:1@h.example/x")
    two = out.write(Record(url="https://h.example/x", text="two"), key="https://b:2@h.example/x")
    assert one != two
    assert json.loads(one.read_text())["text"] == "one"
    assert json.loads(two.read_text())["text"] == "two"


def test_record_files_get_the_mode_of_any_new_file(tmp_path: Path) -> None:
    """0666 less the umask, as `-o FILE` gets: not the 0600 of the temporary file they start as."""
    previous = os.umask(0o022)
    try:
        written = RecordDir(tmp_path).write(Record(url="https://example.com/a"))
        os.umask(0o077)
        private = RecordDir(tmp_path / "private").write(Record(url="https://example.com/b"))
    finally:
        os.umask(previous)
    assert written.stat().st_mode & 0o777 == 0o644
    assert private.stat().st_mode & 0o777 == 0o600


def test_a_rerun_refreshes_files_instead_of_piling_up(tmp_path: Path) -> None:
    urls = [f"https://example.com/{i}" for i in range(5)]
    for _ in range(3):
        out = RecordDir(tmp_path)
        for url in urls:
            out.write(Record(url=url))
    assert len(list(tmp_path.iterdir())) == 5


def test_a_rerun_refreshes_a_record_of_megabytes_too(tmp_path: Path) -> None:
    """Its `url` is read from the file's head: a body of 1.3 MB after it is not read."""
    record = Record(url='https://example.com/long?q="x"', text="A long page. " * 100_000)
    for _ in range(3):
        RecordDir(tmp_path).write(record)
    assert len(list(tmp_path.iterdir())) == 1


def test_a_file_of_another_url_at_our_name_is_not_overwritten(tmp_path: Path) -> None:
    url = "https://example.com/a"
    squatter = tmp_path / filename_for_url(url)
    squatter.write_text('{"url": "https://elsewhere.example/"}\n')
    path = RecordDir(tmp_path).write(Record(url=url))
    assert path != squatter
    assert json.loads(squatter.read_text())["url"] == "https://elsewhere.example/"


def test_a_planted_symlink_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    url = "https://example.com/a"
    (out_dir / filename_for_url(url)).symlink_to(outside)
    path = RecordDir(out_dir).write(Record(url=url))
    assert outside.read_text() == "precious"
    assert path.parent == out_dir and not path.is_symlink()


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    out = RecordDir(tmp_path)
    for i in range(20):
        out.write(Record(url=f"https://example.com/{i}"))
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]

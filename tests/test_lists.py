"""`scraper.lists`: a batch's list read as a stream, over a real pipe."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

from scraper.lists import Lines, count_targets, target_of

T = TypeVar("T")


@contextmanager
def pipe() -> Iterator[tuple[Lines, Callable[[bytes], None], Callable[[], None]]]:
    """A reader on a pipe, a writer of bytes to it, and the writer's close."""
    read_end, write_end = os.pipe()
    closed = False

    def close() -> None:
        nonlocal closed
        if not closed:
            closed = True
            os.close(write_end)

    try:
        yield Lines(read_end), lambda data: os.write(write_end, data) and None, close
    finally:
        close()
        os.close(read_end)


def returns(call: Callable[[], T]) -> T:
    """`call()`, which must return without waiting for more input (else the test fails,
    instead of hanging)."""
    result: list[T] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(30)
    assert result, "the read waited for input that never came"
    return result[0]


def test_a_line_is_handed_on_as_soon_as_it_is_complete() -> None:
    with pipe() as (lines, write, close):
        write(b"one\ntw")
        assert returns(lines.read) == ["one"]
        write(b"o\r\nthr")
        assert returns(lines.read) == ["two"]
        write(b"ee\rfour")
        assert returns(lines.read) == ["three"]
        close()
        assert returns(lines.read) == ["four"]  # the last line needs no line break
        assert returns(lines.read) is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfhttps://a/1\nb.html\n", ["https://a/1", "b.html"]),
        ("\ufeffhttps://a/1\r\nb.html\r\n".encode("utf-16-le"), ["https://a/1", "b.html"]),
        ("\ufeffhttps://a/1\nb.html".encode("utf-16-be"), ["https://a/1", "b.html"]),
        (b"https://a/\xff\n", ["https://a/\ufffd"]),
        ("https://bücher.example/\n".encode(), ["https://bücher.example/"]),
    ],
)
def test_encodings_even_one_byte_at_a_time(data: bytes, expected: list[str]) -> None:
    with pipe() as (lines, write, close):
        got: list[str] = []

        def produce() -> None:
            for i in range(len(data)):
                write(data[i : i + 1])
            close()

        producer = threading.Thread(target=produce)
        producer.start()
        while (read := returns(lines.read)) is not None:
            got += read
        producer.join()
    assert got == expected


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("  https://a/1 \t", "https://a/1"),
        ("", None),
        ("# a comment", None),
        # `cat a.txt b.txt`, b.txt saved with a byte-order mark: it starts a line mid-list.
        ("\ufeff# the second list", None),
        ("\ufeffhttps://a/2", "https://a/2"),
        ("\ufeff", None),
    ],
)
def test_target_of(line: str, target: str | None) -> None:
    assert target_of(line) == target


def test_the_count_skips_a_comment_after_a_byte_order_mark(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_bytes(b"https://a/1\n\xef\xbb\xbf# the second list\n\xef\xbb\xbfhttps://a/2\n")
    assert count_targets(str(listing)) == 2

"""Date strings -> the one ISO 8601 shape records use, and the page-wide search."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scraper.dates import find_text_date, normalise_date, search_date, url_date


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # ISO 8601 as pages write it: the offset kept, never converted; Z and UTC spelled +00:00.
        ("2024-03-02T08:15:00+01:00", "2024-03-02T08:15:00+01:00"),
        ("2015-10-15T02:19:15.607Z", "2015-10-15T02:19:15+00:00"),
        ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
        ("2019-06-01T08:00:00-05", "2019-06-01T08:00:00-05:00"),
        ("2013-08-22 21:43:53 UTC", "2013-08-22T21:43:53+00:00"),
        ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
        ("2018-04-05T06:00", "2018-04-05T06:00:00"),
        # A day stays a day; a month stays a month.
        ("2020-09-21", "2020-09-21"),
        ("2015-11", "2015-11"),
        # Free text: only what it names.
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        # "GMT+3" is three hours ahead, as people write it (not POSIX's reverse).
        ("2024-03-05 10:00 GMT+3", "2024-03-05T10:00:00+03:00"),
        ("5 March 2024, 10:00 UTC+05:30", "2024-03-05T10:00:00+05:30"),
        ("5 March 2024 10:00 GMT-4", "2024-03-05T10:00:00-04:00"),
        # An offset no zone has is dropped; the time stays.
        ("2024-03-05T10:00:00-99:99", "2024-03-05T10:00:00"),
        ("November 2015", "2015-11"),
        # Unix time, as some CMSs put in their <meta>.
        ("1709629200", "2024-03-05T09:00:00+00:00"),
    ],
)
def test_normalise_date(given: str, expected: str) -> None:
    assert normalise_date(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        None,
        "",
        "2015",  # a bare year would become 2015-<today>
        "soon",
        "2024-13-40",
        "1970-01-01T00:00:00Z",  # epoch zero and other pre-web dates are placeholders
        "10:30 am",
    ],
)
def test_not_a_publication_date(given: str | None) -> None:
    assert normalise_date(given) is None


def test_future_dates_are_refused_beyond_a_small_margin() -> None:
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    next_year = (datetime.now(UTC) + timedelta(days=400)).date().isoformat()
    assert normalise_date(tomorrow) == tomorrow
    assert normalise_date(next_year) is None


def test_search_date_reads_the_page_and_its_address() -> None:
    visible = (
        "<html><body><h1>Floods</h1><p class='date'>Published on 18 July 2023</p><p>Text.</p></body></html>"
    )
    assert search_date(visible) == "2023-07-18"
    bare = "<html><body><h1>Floods</h1><p>No date here at all.</p></body></html>"
    assert search_date(bare, "https://example.com/2022/05/09/floods/") == "2022-05-09"
    assert search_date(bare) is None
    assert search_date("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published on July 18, 2025", "2025-07-18"),
        ("Nov 21st, 2018 · 6 min read", "2018-11-21"),
        ("Updated 3 March 2024", "2024-03-03"),
        ("Veröffentlicht am 5. März 2024", "2024-03-05"),
        ("le 12 mars 2024 à 07h30", "2024-03-12"),
        ("4 de febrero de 2025", "2025-02-04"),
        ("23.07.2025 · 6 min read", "2025-07-23"),
        ("Posted 2025-12-17 by Ann", "2025-12-17"),
        # Chinese, Japanese and Korean stamps, whose digits touch the words around them.
        ("2025年3月10日 10時15分", "2025-03-10"),
        ("发布时间2025-03-10 09:30", "2025-03-10"),
        ("2025/3/9 18:45配信", "2025-03-09"),
        ("입력 2025.09.22 10:15", "2025-09-22"),
        # Month names in more languages, in the genitive a date puts them in.
        ("Kamis, 14 Agustus 2025 09:20 WIB", "2025-08-14"),
        ("14 Ağustos 2025 Perşembe", "2025-08-14"),
        ("14 sierpnia 2025 r.", "2025-08-14"),
        ("14 października 2025", "2025-10-14"),
        ("14. listopadu 2025", "2025-11-14"),
        ("14 августа 2025 г.", "2025-08-14"),
        ("14 серпня 2025", "2025-08-14"),
        ("14 desember 2025", "2025-12-14"),
        ("3 juil. 2023", "2023-07-03"),
        ("2025. augusztus 14.", "2025-08-14"),
        ("Ngày 14 tháng 8 năm 2025", "2025-08-14"),
        ("١٤ أغسطس ٢٠٢٥", "2025-08-14"),
        ("14 أغسطس، 2025", "2025-08-14"),
        ("14 Μαΐου 2025", "2025-05-14"),
        # A mailing-list archive's Unix stamp; an old forum's dashed digits, either order.
        ("Sun Dec 12 19:42:17 EST 2004", "2004-12-12"),
        ("03-22-2007, 10:14 PM", "2007-03-22"),
        ("22-03-2007 10:14", "2007-03-22"),
    ],
)
def test_find_text_date(text: str, expected: str) -> None:
    assert find_text_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Top 10 tips for 2025",
        "Call 555 1234 today",
        "May the 4th be with you",
        "",
        "version 2019.1.2.3",
        "2025年",
        # Both orders make a date: no telling which.
        "03-04-2007",
        "Call 03-22-20071",
    ],
)
def test_find_text_date_needs_a_whole_date(text: str) -> None:
    assert find_text_date(text) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2024/03/05/storm-hits-coast/", "2024-03-05"),
        ("https://example.com/news/2019-8-7-quiet-day.html", "2019-08-07"),
        ("https://example.com/archive/20210630/", "2021-06-30"),
        ("http://www.cnn.com/2009/US/05/12/coast.guard.rescue/index.html", "2009-05-12"),
        ("https://example.com/products/2024-model/", None),
        ("https://example.com/2024/13/45/x", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected

from pathlib import Path

import pytest

from scraper.errors import InvalidURL
from scraper.hosts import shard_of
from scraper.robots import robots_url
from scraper.urls import check_fetchable, host_key, looks_like_url, redact


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/x",
        "data:text/html,hi",
        "javascript:alert(1)",
        "http://",
        "https:///x",
        "http://exa mple.com/",
        "http://example.com:99999/",
    ],
)
def test_refused(url: str) -> None:
    with pytest.raises(InvalidURL):
        check_fetchable(url)


@pytest.mark.parametrize(
    "url", ["http://example.com/", "https://example.com:8443/a?b=c", "HTTPS://EXAMPLE.COM/"]
)
def test_accepted(url: str) -> None:
    assert check_fetchable(url) == url


def test_redact_removes_credentials() -> None:
    assert redact("https://user:secret@example.com:8080/p?q=1") == "https://example.com:8080/p?q=1"
    assert redact("https://example.com/p") == "https://example.com/p"


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("//example.com/a", "no scheme in '//example.com/a': give http:// or https://"),
        ("example.com/a", "no scheme in 'example.com/a'"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file ('file:///etc/passwd')"),
    ],
)
def test_refusals_say_what_is_wrong_in_plain_words(url: str, said: str) -> None:
    with pytest.raises(InvalidURL) as info:
        check_fetchable(url)
    assert said in str(info.value)


def test_refusal_message_does_not_leak_credentials() -> None:
    with pytest.raises(InvalidURL) as info:
        check_fetchable("ftp://user:secret@example.com/")
    assert "secret" not in str(info.value)


@pytest.mark.parametrize(
    ("target", "is_url"),
    [
        ("https://x.org/a", True),
        ("file:///tmp/a.html", True),
        ("page.html", False),
        ("./dir/page.html", False),
        ("/abs/page.html.gz", False),
        ("C:/pages/a.html", False),
    ],
)
def test_looks_like_url(target: str, is_url: bool) -> None:
    assert looks_like_url(target) is is_url


def test_a_saved_page_whose_name_holds_a_colon_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("page-12:30.html", "Story: part 1.html"):
        assert looks_like_url(name)  # nothing of that name yet: a URL, to be refused
        (tmp_path / name).write_text("<p>saved</p>")
        assert not looks_like_url(name)
    (tmp_path / "https:").mkdir()
    (tmp_path / "https:" / "x").write_text("<p>saved</p>")
    assert looks_like_url("https://x")  # http(s) is always a URL


def test_host_key() -> None:
    assert host_key("https://Example.COM:8080/x") == "example.com:8080"
    assert host_key("https://example.com/x") == "example.com"
    # One server, however the URL spells it: its scheme's default port, a trailing dot.
    for spelling in ("http://example.com:80/a", "https://example.com:443/b", "http://EXAMPLE.com./c"):
        assert host_key(spelling) == "example.com", spelling
    assert host_key("http://example.com:443/") == "example.com:443"  # not http's default


def test_an_internationalised_host_is_one_host_however_it_is_spelt() -> None:
    """`bücher.example` goes on the wire as `xn--bcher-kva.example`: one host for the lanes,
    robots.txt, the Crawl-delay and `--shard`."""
    spellings = ["http://bücher.example/a", "http://xn--bcher-kva.example/b", "http://BÜCHER.example./c"]
    assert {host_key(url) for url in spellings} == {"xn--bcher-kva.example"}
    assert {robots_url(url) for url in spellings} == {"http://xn--bcher-kva.example/robots.txt"}
    assert len({shard_of(host_key(url), 7) for url in spellings}) == 1
    assert host_key("https://münchen.de:8443/") == "xn--mnchen-3ya.de:8443"


@pytest.mark.parametrize("url", ["http://☃.net/", "http://ex_ample.com/"])
def test_a_host_idna_refuses_keeps_its_spelling(url: str) -> None:
    assert host_key(url) == url.split("/")[2]

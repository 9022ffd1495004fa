import codecs

import pytest

from scraper.decode import decode_html, is_binary, normalise_label

RUSSIAN = "<html><body><p>Читайте также: новости дня и свежие материалы</p></body></html>"
FRENCH = "<html><body><p>L'été à Besançon : crème brûlée, façade rénovée, où aller ?</p></body></html>"


def test_bom_wins_over_everything() -> None:
    data = codecs.BOM_UTF8 + FRENCH.encode("utf-8")
    text, encoding = decode_html(data, "text/html; charset=windows-1251")
    assert encoding == "utf-8"
    assert "crème brûlée" in text


def test_header_charset() -> None:
    text, encoding = decode_html(RUSSIAN.encode("cp1251"), "text/html; charset=windows-1251")
    assert encoding == "cp1251"
    assert "Читайте также" in text


def test_of_two_content_type_headers_the_last_charset_speaks() -> None:
    # httpx joins two headers with ", "; browsers read the charset with the last type.
    content_type = "text/html; charset=koi8-r, text/html; charset=windows-1251"
    text, encoding = decode_html(RUSSIAN.encode("cp1251"), content_type)
    assert encoding == "cp1251" and "Читайте также" in text


def test_meta_charset_when_header_is_silent() -> None:
    html = "<html><head><meta charset='windows-1251'></head>" + RUSSIAN[6:]
    text, encoding = decode_html(html.encode("cp1251"), "text/html")
    assert encoding == "cp1251"
    assert "новости" in text


def test_http_equiv_meta() -> None:
    html = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">' + FRENCH
    text, _ = decode_html(html.encode("latin-1"))
    assert "Besançon" in text


def test_lying_header_falls_through() -> None:
    # Says UTF-8, sends windows-1251: the bytes are not valid UTF-8.
    text, encoding = decode_html(RUSSIAN.encode("cp1251"), "text/html; charset=utf-8")
    assert "Читайте" in text
    assert encoding != "utf-8"


def test_stale_legacy_declaration_loses_to_valid_utf8() -> None:
    text, encoding = decode_html(FRENCH.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert encoding == "utf-8"
    assert "crème brûlée" in text


def test_a_servers_default_latin1_header_loses_to_the_pages_meta() -> None:
    # Old Apache and Tomcat send charset=ISO-8859-1 for every page; windows-1252 decodes any bytes.
    html = "<html><head><meta charset='windows-1251'></head>" + RUSSIAN[6:]
    text, encoding = decode_html(html.encode("cp1251"), "text/html; charset=ISO-8859-1")
    assert encoding == "cp1251"
    assert "Читайте также" in text


def test_a_latin1_header_alone_still_speaks() -> None:
    text, encoding = decode_html(FRENCH.encode("latin-1"), "text/html; charset=ISO-8859-1")
    assert encoding == "cp1252"
    assert "crème brûlée" in text


def test_a_utf8_page_with_a_stray_byte_is_still_utf8() -> None:
    body = "<meta charset='utf-8'>" + FRENCH * 10
    data = body.encode("utf-8") + b"<p>caf\xe9</p>"  # one pasted Latin-1 byte
    for header in ("text/html; charset=ISO-8859-1", "text/html", None):
        text, encoding = decode_html(data, header)
        assert encoding == "utf-8"
        assert "crème brûlée" in text and "caf\ufffd" in text


def test_a_latin1_page_that_claims_utf8_is_not_read_as_utf8() -> None:
    html = "<meta charset='utf-8'>" + FRENCH
    text, encoding = decode_html(html.encode("latin-1"), "text/html")
    assert encoding != "utf-8"
    assert "Besançon" in text


def test_undeclared_utf8() -> None:
    text, encoding = decode_html(RUSSIAN.encode("utf-8"))
    assert encoding == "utf-8"
    assert "Читайте" in text


def test_undeclared_legacy_goes_to_detector() -> None:
    long_russian = (
        "<html><body>" + "<p>Президент заявил, что правительство продолжит реформы в экономике.</p>" * 20
    )
    text, _ = decode_html(long_russian.encode("cp1251"))
    assert "правительство" in text


def test_garbage_never_raises() -> None:
    text, _ = decode_html(bytes(range(256)) * 10)
    assert isinstance(text, str)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("GB2312", "gb18030"),
        ("Shift_JIS", "cp932"),
        ("nonsense", None),
    ],
)
def test_labels_follow_whatwg(label: str, codec: str | None) -> None:
    assert normalise_label(label) == codec


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\nstream\nx\x9c\x01\x02",  # a PDF's first stream
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",  # a zip (an .epub, an .xlsx)
    ],
)
def test_images_documents_and_archives_are_binary(data: bytes) -> None:
    assert is_binary(data)


@pytest.mark.parametrize(
    "text",
    ["<p>Tabs\tand\r\nline ends</p>\f", "plain text, no tags at all", "\x1b[1mterminal colours\x1b[0m"],
)
def test_text_is_not_binary(text: str) -> None:
    # ESC (0x1b) is the one C0 control text keeps: WHATWG leaves it out of the binary bytes.
    assert not is_binary(text.encode())


def test_utf16_text_with_its_bom_is_not_binary() -> None:
    # Every other byte is zero in UTF-16; its byte-order mark says so first.
    assert not is_binary("<p>Grüße</p>".encode("utf-16"))
    assert is_binary("<p>Grüße</p>".encode("utf-16-le"))


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("<p>A naïve café approach to résumé writing.</p>", "cp1252"),  # detector ties 1250/1252/1257
        ("<p>Grüße aus München, schöne Straße</p>", "cp1252"),
        ("<p>Zażółć gęślą jaźń, to jest polski tekst o życiu.</p>", "cp1250"),
        # Ties between windows-1250 and -1252 that the text's language settles.
        ("<p>A kormány szerdán új szabályokat jelentett be, amelyek jövőre lépnek életbe.</p>" * 5, "cp1250"),
        ("<p>Le gouvernement a annoncé une réforme économique après des négociations.</p>" * 5, "cp1252"),
        (
            "<p>Señor, la niña comió piñata en el año pasado, ¿verdad? Es una historia larga.</p>" * 8,
            "cp1252",
        ),
        ("<p>Rząd ogłosił w środę nowe przepisy dotyczące ochrony środowiska w kraju.</p>" * 6, "cp1250"),
        ("<p>Президент заявил, что правительство продолжит реформы.</p>", "cp1251"),
    ],
)
def test_detector_ties_go_to_the_likeliest_encoding(text: str, encoding: str) -> None:
    # Undeclared, and declared UTF-8 by a page that is not: both reach the detector.
    for page in (text, "<meta charset='utf-8'>" + text):
        decoded, _ = decode_html(page.encode(encoding))
        assert text in decoded


@pytest.mark.parametrize(("label", "codec"), [("utf-16le", "utf-16-le"), ("UTF-16BE", "utf-16-be")])
def test_a_utf16_page_without_a_bom_is_read_as_its_header_says(label: str, codec: str) -> None:
    html = "<html><head><title>T</title></head><body><p>Grüße aus München</p></body></html>"
    data = html.encode(codec)
    content_type = f"text/html; charset={label}"
    assert is_binary(data)  # its zero bytes, with nothing to say why
    assert not is_binary(data, content_type)
    assert decode_html(data, content_type) == (html, codec)

from scraper.extract import extract_html
from scraper.mojibake import repair
from tests.conftest import ARTICLE_PARAGRAPHS, page


def twice(text: str) -> str:
    """`text` as a CMS that stored UTF-8 read as Windows-1252 writes it."""
    return text.encode("utf-8").decode("windows-1252")


def twice_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def test_text_encoded_twice_is_repaired() -> None:
    assert repair(twice("Pet insurance doesn’t have to be a wallet-buster.")) == (
        "Pet insurance doesn’t have to be a wallet-buster."
    )
    assert repair(twice_latin1("It’s surprisingly affordable — and flexible.")) == (
        "It’s surprisingly affordable — and flexible."
    )
    assert repair(twice("Nespresso® Vertuo")) == "Nespresso® Vertuo"


def test_clean_text_is_left_alone() -> None:
    for text in ("São Paulo, Zürich, Kraków, Ærø", "It’s “quoted” — fine", "SÃO PAULO", "Ĳ ﬁ ｗｉｄｅ"):
        assert repair(text) == text


def test_a_twice_encoded_no_break_space_leaves_no_mark_where_its_space_went() -> None:
    # "Â\xa0" ends a paragraph or parts two words; the space would collapse, the "Â" stay.
    paragraphs = [f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS]
    paragraphs[1] = "<p>It costs $32.21 a month for cats.Â\xa0</p>"
    paragraphs[2] = "<p>Step 2:Â\xa0Appoint a registered agent for the company you formed.</p>"
    html = page(f"<main><article><h1>Costs</h1>{''.join(paragraphs)}</article></main>")
    text = extract_html(html, "https://example.org/a").text
    assert "a month for cats.\n" in text and "Step 2: Appoint a registered agent" in text
    assert "Â" not in text
    assert repair("location. Â Â\nÂ Your price\nCrème brûlée Â") == "location.\nYour price\nCrème brûlée"
    for kept in ("ÂNGELO SILVA", "TOMÂ SMITH", "ROMÂNIA"):
        assert repair(kept) is kept


def test_each_line_is_repaired_on_its_own() -> None:
    lines = f"Café au lait\n{twice('Crème brûlée')}\nNaïve"
    assert repair(lines) == "Café au lait\nCrème brûlée\nNaïve"


def test_an_article_stored_twice_encoded_reads_clean() -> None:
    title = "Why pet insurance doesn’t cost the earth"
    body = "".join(f"<p>{twice(paragraph + ' It’s true.')}</p>" for paragraph in ARTICLE_PARAGRAPHS)
    html = page(f"<main><article><h1>{twice(title)}</h1>{body}</article></main>", title=twice(title))
    article = extract_html(html, "https://example.org/a")
    assert article.title == title
    assert "It’s true." in article.text and "â€" not in article.text
    assert "â€" not in article.markdown


def test_a_spacer_of_one_invisible_character_encoded_twice_leaves_no_line() -> None:
    """A page builder's "<p>&zwj;</p>" spacer, stored twice encoded, reads "â€\x8d": once
    repaired it is a blank line, which goes as the extractor's blank lines go."""
    zwj = "â€\x8d"  # Windows-1252 has no 0x8D: it stays the C1 character, as on such pages
    spacer = f"<p>{zwj}</p>"
    body = spacer.join(f"<p>{twice(paragraph + ' It’s true.')}</p>" for paragraph in ARTICLE_PARAGRAPHS)
    html = page(f"<main><article><h1>Spacers</h1>{body}</article></main>", title="Spacers")
    article = extract_html(html, "https://example.org/a")
    assert article.text.split("\n") == [paragraph + " It’s true." for paragraph in ARTICLE_PARAGRAPHS]
    assert "\u200d" not in article.markdown
    # Blank lines (Markdown's paragraphs) and indentation are the text's own.
    assert repair(f"{twice('It’s')}\n\n{zwj}\n    code") == "It’s\n\n    code"

"""The Markdown rendering of a body, and the code in it kept as written."""

from lxml import etree
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

from scraper.engine import engine_blocks
from scraper.extract import extract_html
from scraper.lines import drop_repeated_lines, filter_blocks
from scraper.markdown import render_markdown
from tests.conftest import ARTICLE_PARAGRAPHS, article_html

CODE = "def area(r):\n    if r < 0:\n        raise ValueError(r)\n    return 3.14 * r * r"


def test_code_keeps_its_indentation_in_text_and_markdown() -> None:
    article = extract_html(article_html(extra_inside=f"<pre><code>{CODE}</code></pre>"), "https://e.org/a")
    assert CODE in article.text
    assert f"```\n{CODE}\n```" in article.markdown
    assert ARTICLE_PARAGRAPHS[2] in article.text


def test_filter_keeps_a_code_lines_indentation_and_collapses_prose() -> None:
    blocks = filter_blocks([("p", "  Two   spaces  "), ("code", "    return  x   "), ("code", "   ")])
    assert blocks == [("p", "Two spaces"), ("code", "    return  x")]


def test_repeats_are_told_by_a_code_lines_words_not_its_indentation() -> None:
    # 36 characters of code, 44 with its indentation: under the repeat test's 40 either way.
    line = "await asyncio.gather(count(), count())"[:36]
    blocks = [("code", "        " + line), ("code", "        " + line)]
    assert drop_repeated_lines(blocks) == blocks


def test_code_is_fenced_and_closed_before_what_follows() -> None:
    markdown = render_markdown(
        [("item0", "an item"), ("code", "x = 1"), ("code", "    y = 2"), ("p", "After.")]
    )
    assert markdown == "- an item\n\n```\nx = 1\n    y = 2\n```\n\nAfter."


def test_code_at_the_end_is_closed() -> None:
    assert render_markdown([("p", "Run:"), ("code", "make test")]) == "Run:\n\n```\nmake test\n```"


def test_a_table_gets_a_header_row_as_wide_as_its_widest_row() -> None:
    rows = [("row", "Stage | Time"), ("row", "Autolyse | 1 h | rest"), ("p", "Then bake.")]
    assert render_markdown(rows) == (
        "| Stage | Time |\n| --- | --- | --- |\n| Autolyse | 1 h | rest |\n\nThen bake."
    )


def test_two_tables_each_get_their_header_row() -> None:
    blocks = [("row", "a | b"), ("p", "Between."), ("row", "c | d"), ("row", "e | f")]
    assert render_markdown(blocks).count("| --- | --- |") == 2


def test_numbered_lists_are_numbered_and_nested_by_their_markers_width() -> None:
    blocks = [("item0.", "a"), ("item1", "b"), ("item2.", "c"), ("item0.", "d"), ("p", "x"), ("item0.", "e")]
    assert render_markdown(blocks) == "1. a\n   - b\n     1. c\n2. d\n\nx\n\n1. e"


def test_both_engines_tell_a_numbered_list_from_a_bulleted_one() -> None:
    lists = (
        "<ol><li>Mix the flour and the water.</li><li>Rest it.</li></ol><ul><li>Flour</li><li>Water</li></ul>"
    )
    dom = extract_html(article_html(extra_inside=lists), "https://e.org/a").markdown
    assert "1. Mix the flour and the water.\n2. Rest it.\n- Flour\n- Water" in dom
    tree = etree.fromstring(
        "<body><list rend='ol'><item>Mix.</item><item>Rest.</item></list>"
        "<list rend='ul'><item>Flour</item></list></body>"
    )
    assert list(engine_blocks(tree)) == [("item0.", "Mix."), ("item0.", "Rest."), ("item0", "Flour")]


def test_a_paragraph_that_starts_like_markdown_stays_a_paragraph() -> None:
    blocks = [
        ("p", "1. FC Köln won at home."),
        ("p", "- 3 °C overnight, they said."),
        ("p", "# 1 in sales this year."),
        ("p", "> not a quote"),
        ("p", "---"),
        ("item0", "2) second, as written"),
        ("p", "#hashtag and 10.5 stay as they are."),
    ]
    assert render_markdown(blocks).split("\n\n") == [
        "1\\. FC Köln won at home.",
        "\\- 3 °C overnight, they said.",
        "\\# 1 in sales this year.",
        "\\> not a quote",
        "\\---",
        "- 2\\) second, as written",
        "#hashtag and 10.5 stay as they are.",
    ]


def test_a_pipe_in_a_cell_is_escaped_and_the_table_keeps_its_columns() -> None:
    markdown = render_markdown([("row", "Plan | Price"), ("row", "Basic|Plus | $5")])
    assert markdown == "| Plan | Price |\n| --- | --- |\n| Basic\\|Plus | $5 |"


def _rendered_text(markdown: str) -> list[str]:
    """What a CommonMark renderer shows of `markdown`, per block, and the tags it makes."""
    html = MarkdownIt("commonmark").render(markdown)
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    return [node.text().strip() for node in tree.body.iter()]


def test_text_that_shows_markup_reads_back_as_the_same_text() -> None:
    """A page that shows "<script>" or "2*3*4" in its text: the Markdown a renderer turns
    into HTML shows that text, and makes no element of it."""
    lines = [
        "Type <script>alert(document.cookie)</script> to test, or <img src=x onerror=alert(1)>.",
        "2*3*4 is 24, and _this_ is not emphasis; snake_case stays as written.",
        "A [link](javascript:alert(1)) shown as text, `not code`, &copy; as written, C:\\path.",
    ]
    markdown = render_markdown([("p", line) for line in lines] + [("item0", lines[0]), ("quote", lines[1])])
    assert "snake_case" in markdown  # an underscore inside a word needs no escape
    html = MarkdownIt("commonmark").render(markdown)
    assert "<script" not in html and "<img" not in html and "<em>" not in html and "<a " not in html
    assert "<code>" not in html and "©" not in html
    assert _rendered_text(markdown) == [*lines, lines[0], lines[1]]


def test_a_fence_in_the_code_does_not_close_the_block_and_a_list_keeps_counting() -> None:
    blocks = [
        ("p", "Write the fence like this:"),
        ("code", "```python"),
        ("code", "print('hi')"),
        ("code", "```"),
        ("item0.", "Step one"),
        ("item0.", "Step two"),
        ("code", "make install"),
        ("item0.", "Step three"),
    ]
    markdown = render_markdown(blocks)
    assert "````\n```python\nprint('hi')\n```\n````" in markdown
    assert "3. Step three" in markdown
    html = MarkdownIt("commonmark").render(markdown)
    assert html.count("<pre>") == 2 and "<h" not in html

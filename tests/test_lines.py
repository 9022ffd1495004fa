import pytest

from scraper.lines import filter_blocks, is_boilerplate_line, is_byline


@pytest.mark.parametrize(
    "line",
    ["by admin", "By Jane Doe", "Leave a Comment", "This site uses Akismet to reduce spam. Learn how.", ".",
     "Share this:", "Advertisement", "Privacy & Cookies Policy", "See also Ukraine - Four dead and 47 injured",
     "Accept Read More", "Tags: politics, Kazakhstan", "Lire aussi : La réforme des retraites"],
)
def test_boilerplate(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    ["The external enemy", "(Translation by Andrea Sparacino)", "By the end of the year, prices had doubled.",
     "We use cookies sparingly, the baker said, and only on Sundays when the oven is hot enough for it." * 2,
     "See also the report published last week, which found the same pattern in four other cities."],
)
def test_article_lines_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_byline_needs_names() -> None:
    assert is_byline("By Maria Ortega and Tom Lee")
    assert not is_byline("by the river")


def test_title_repeated_at_top_is_dropped() -> None:
    blocks = [("heading", "Big News Today"), ("p", "Body text here.")]
    assert filter_blocks(blocks, title="Big news today") == [("p", "Body text here.")]

"""Word counts in scripts that space their words and in those that do not."""

from __future__ import annotations

import pytest

from scraper.confidence import confidence
from scraper.extract import extract_html, word_count
from scraper.words import count_reader_words, count_words, find_words
from tests.conftest import page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The river rose three metres overnight.", 6),
        ("", 0),
        # Each ideograph and kana is a word; Latin words and digits inside count once each.
        ("市园林局周一宣布", 8),
        ("谷歌在2014年收购了DeepMind", 9),
        ("駅前のにぎわい", 7),
        # Korean spaces its words.
        ("군이 다음 달부터 노선을 개편한다.", 5),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected
    assert len(find_words(text)) == expected
    assert word_count(text) == expected


def test_a_chinese_story_is_not_taken_for_a_fragment() -> None:
    """A story of a few hundred characters counts as a few hundred words, and its two
    engines' agreement is not cut down by a length factor meant for three-word bodies."""
    paragraphs = [
        "市园林局周一宣布，城市中心公园改造工程正式启动，预计将于明年春季完工。",
        "据介绍，此次改造将新建两条环湖步道，更换老旧照明设施，并增加儿童游乐区和无障碍通道。",
        "中心公园建于上世纪八十年代，是市内最大的综合性公园之一，每年接待游客超过三百万人次。",
        "“我们希望在保留公园原有风貌的基础上，让它更适合今天的使用需求。”负责设计的建筑师李华说。",
        "园林局提醒，施工期间部分道路将临时封闭，请市民留意现场指示牌，注意安全。",
    ]
    text = "\n".join(paragraphs)
    assert confidence(text, text) == 1.0
    body = "<article><h1>城市公园改造工程正式启动</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    article = extract_html(page(body, title="城市公园改造工程正式启动"))
    assert article.text.split("\n") == paragraphs
    assert word_count(article.text) > 150


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It’s the end of the world as we know it", 10),
        ("A well-known rule, now 3.14 times older", 7),
        ("don't stop – now", 3),
        ("政府周三宣布了新规定", 10),
    ],
)
def test_the_records_word_count_counts_as_a_reader_does(text: str, words: int) -> None:
    assert count_reader_words(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Vowel signs and viramas are part of their word in Hindi and Bengali.
        ("राहुल दुबे ने कहा कि यह किताब बहुत अच्छी है।", 10),
        ("প্রথম আলোর প্রতিবেদক জানিয়েছেন", 4),
        # ...as the zero-width non-joiner is in Persian, and points are in Hebrew.
        ("می‌خواهم به خانه بروم", 4),
        ("שָׁלוֹם עֲלֵיכֶם", 2),
        # A decomposed accent does not split its word.
        ("cafe\u0301 au lait", 3),
    ],
)
def test_words_written_with_combining_marks_are_whole(text: str, words: int) -> None:
    assert count_words(text) == words
    assert count_reader_words(text) == words

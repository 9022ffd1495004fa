"""The language of a page that declares none, read from its body (`scraper.language`)."""

from __future__ import annotations

import pytest

from scraper import language
from scraper.extract import extract_html
from scraper.language import detect_language

SAMPLES = {
    "en": "The council voted on Tuesday to keep the library open on weekends, after a petition "
    "signed by more than two thousand residents asked it to reverse last year's cuts.",
    "fr": "Le conseil municipal a voté mardi le maintien de l'ouverture de la bibliothèque le "
    "week-end, après une pétition signée par plus de deux mille habitants.",
    "de": "Der Gemeinderat hat am Dienstag beschlossen, die Bibliothek auch am Wochenende zu "
    "öffnen, nachdem mehr als zweitausend Einwohner eine Petition unterschrieben hatten.",
    "pt": "A câmara municipal votou na terça-feira pela abertura da biblioteca aos fins de "
    "semana, depois de um abaixo-assinado com mais de dois mil moradores.",
    "ru": "Городской совет во вторник проголосовал за то, чтобы библиотека работала по "
    "выходным, после того как более двух тысяч жителей подписали петицию.",
    "ja": "市議会は火曜日、二千人以上の住民が署名した請願を受けて、図書館を週末も開館することを"
    "決めました。昨年の予算削減で土曜日と日曜日は閉館していました。",
    "zh": "市议会周二投票决定图书馆周末继续开放，此前两千多名居民联名请愿，要求撤销去年的削减措施。"
    "图书馆馆长表示，周末的读者大多是学生和上班族。",
    "ko": "시의회는 화요일 이천 명이 넘는 주민들이 서명한 청원에 따라 도서관을 주말에도 열기로 "
    "결정했다. 도서관은 지난해 예산 삭감 이후 주말에 문을 닫았다.",
    "ar": "صوت المجلس البلدي يوم الثلاثاء على إبقاء المكتبة مفتوحة في عطلة نهاية الأسبوع، بعد "
    "عريضة وقعها أكثر من ألفي مواطن.",
    "hi": "नगर परिषद ने मंगलवार को पुस्तकालय को सप्ताहांत में भी खुला रखने का फैसला किया, जब दो "
    "हज़ार से अधिक निवासियों ने एक याचिका पर हस्ताक्षर किए।",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_paragraph_names_its_language(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language


class _Guess:
    """A model that answers Japanese whatever it reads."""

    def predict(self, text: str, k: int) -> tuple[tuple[str, ...], tuple[float, ...]]:
        return ("__label__ja",), (0.9,)


def test_a_japanese_guess_without_kana_is_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_model", _Guess)
    assert detect_language(SAMPLES["zh"]) == "zh"
    assert detect_language(SAMPLES["ja"]) == "ja"


def test_an_unsure_model_names_no_language(monkeypatch: pytest.MonkeyPatch) -> None:
    class Unsure(_Guess):
        def predict(self, text: str, k: int) -> tuple[tuple[str, ...], tuple[float, ...]]:
            return ("__label__en",), (language.MIN_SCORE / 2,)

    monkeypatch.setattr(language, "_model", Unsure)
    assert detect_language(SAMPLES["en"]) is None


@pytest.mark.parametrize("text", ["", "OK", "Home | News | Contact", "2024-05-01 12:30", "★★★★☆ 4.5 (123)"])
def test_too_little_text_names_no_language(text: str) -> None:
    assert detect_language(text) is None


def _page(body: str, lang: str | None = None) -> str:
    attr = f' lang="{lang}"' if lang else ""
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(4))
    head = "<head><title>Library</title></head>"
    return f"<html{attr}>{head}<body><article><h1>Library</h1>{paragraphs}</article></body></html>"


def test_a_page_without_a_declared_language_gets_its_body_s() -> None:
    assert extract_html(_page(SAMPLES["fr"])).language == "fr"


def test_a_declared_language_is_kept() -> None:
    # The declaration wins, region and all, even where the text is in another language:
    # the record says what the publisher said.
    assert extract_html(_page(SAMPLES["en"], lang="en-GB")).language == "en-GB"
    assert extract_html(_page(SAMPLES["fr"], lang="de")).language == "de"


def test_text_in_capitals_is_read_as_its_language() -> None:
    assert detect_language(SAMPLES["de"].upper()) == "de"


def test_an_empty_body_names_no_language() -> None:
    assert extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>").language is None

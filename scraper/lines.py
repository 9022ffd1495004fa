"""Line-level filters on extracted text: the last net for boilerplate.

DOM pruning (`scraper.clean`) removes what markup gives away. What survives
it and still reads as boilerplate is caught here by wording: a line that *is*
a call to action, a consent sentence, a share prompt or a byline. Patterns
are anchored and short-line-only, so an article sentence that merely
mentions cookies or comments is kept. The wording itself, by kind of line and
language, is in `scraper.wording`; this module compiles and applies it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from scraper.clean import starts_with_related_wording
from scraper.dates import MONTHS
from scraper.dom import collapse
from scraper.sections import MAX_HEADING_CHARS, is_author_box_heading, is_recommendation_heading
from scraper.wording import (
    BOILERPLATE_LINES,
    CALL_TO_ACTION,
    CALL_TO_ACTION_WORDS,
    CJK_LINES,
    OTHER_LANGUAGE_LABELS,
    OTHER_LANGUAGE_NOTES,
)
from scraper.words import has_east_asian

Block = tuple[str, str]
"""(kind, text): kind is p, heading, item<depth>, row, quote or code."""
# What joins a table row's cells into one line (and splits it again for Markdown).
CELL_SEPARATOR = " | "

# The wording tables (`scraper.wording`), compiled.
_BOILERPLATE_RE = re.compile(r"^(?:" + "|".join(BOILERPLATE_LINES) + r")$", re.IGNORECASE)
# The same without IGNORECASE, for ASCII lines lower-cased first: the patterns are written in
# lower case (a test checks), so it matches exactly where the original does, at two fifths of
# the cost. Other lines keep the original, whose case folding goes past `str.lower`.
_BOILERPLATE_LOWER = re.compile(_BOILERPLATE_RE.pattern)
_CJK_BOILERPLATE = re.compile(r"^(?:" + "|".join(CJK_LINES) + r")$", re.IGNORECASE)
_CALL_TO_ACTION_RE = re.compile("|".join(CALL_TO_ACTION), re.IGNORECASE)

# A news wire's legal footer, however long: "This document is subject to copyright. Apart
# from any fair dealing…", "Citation: <headline> (2019, November 18) retrieved 20 November
# 2019 from https://…"; and a WordPress theme's under each post: "This entry was posted on …
# and is filed under … You can follow any responses to this entry through the RSS 2.0 feed."
_LEGAL_FOOTER = re.compile(
    r"this (?:document|article|material) is subject to copyright\b.{0,400}"
    r"|citation: .{5,300}\bretrieved .{5,60}\bfrom https?://\S+"
    r"|this entry was posted on .{5,300}\b(?:rss 2\.0 feed|responses to this entry)\b.{0,200}",
    re.IGNORECASE,
)
MAX_LEGAL_FOOTER_LINE = 600
# An appeal to the reader in the body's voice, as long as a paragraph: the affiliate
# disclosure ("This post may contain affiliate links… I may earn a small commission"),
# the plea for donations or patrons, "if you enjoyed this article, please consider
# sharing". Topical mentions ("brand sponsorship via affiliate links") are not in it.
_APPEAL = re.compile(
    r"\b(?:contains?|uses?|includes?|has) (?:some )?affiliate links\b"
    r"|\b(?:may|might|will) (?:earn|receive|get) (?:a )?(?:small )?(?:affiliate )?commissions?\b"
    r"|\bas an (?:amazon associate|affiliate)\b|\bwe may include paid promotion\b"
    r"|\ball (?:the )?opinions\b.{0,30}\b(?:are|remain) (?:my|our) own\b"
    r"|^(?:read|see) (?:the|our) (?:full )?(?:privacy|disclosure|affiliate|ethics) (?:policy|statement)\b"
    r"|\b(?:consider|by) donating\b|\bdonate (?:via|today|now|to (?:us|our))\b|\breader donations\b"
    r"|\bone-off (?:or monthly )?donations?\b|\bbecome an? (?:patron|supporter|friend|member)\b"
    r"|\bjoin (?:my|our) (?:patreon|ko-fi)\b|\bbuy me a coffee\b"
    r"|\bsupport (?:us|our (?:work|mission|journalism|editorial|newsroom)|independent (?:journalism|media))\b"
    r"|\bwe need your (?:help|support)\b"
    r"|\b(?:journalism|reporting|newsroom|station|site|magazine|newspaper|podcast|blog|work)"
    r" (?:needs|relies on|depends on) your (?:help|support|donations?|gifts?)\b"
    r"|\bmake a (?:gift|donation|contribution) (?:today|now)\b"
    r"|\b(?:listener|reader|viewer|member)-(?:supported|funded)\b"
    r"|\bplease consider\b.{0,40}\b(?:shar|subscrib|lik|support|donat)"
    r"|\bif you(?:'ve|’ve| have)? (?:liked|enjoyed) this (?:article|post|piece|story|interview|episode)\b",
    re.IGNORECASE,
)
# Every appeal above holds one of these (lower-cased): most lines skip the search.
APPEAL_WORDS = (
    "affiliate", "commission", "associate", "promotion", "opinions", "policy", "statement", "donat",
    "become a", "patreon", "ko-fi", "coffee", "support us", "support our", "support indep", "need your",
    "please consider", "enjoyed this", "liked this", "needs your", "relies on your", "depends on your",
    "make a ", "-supported", "-funded",
)  # fmt: skip
# ...said to the reader: in the first or second person, or bidding.
_ADDRESSED = re.compile(
    r"\b(?:you|your|we|our|us|i|my|me)\b"
    r"|^\W*(?:please )?"
    r"(?:support|donate|join|become|subscribe|follow|share|visit|give|make|consider|help|read|see)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘(]?[^\W_])")
# The appeal's sentences make up this much of the line: a paragraph of the article
# that mentions a donation among other things stays.
MIN_APPEAL_SHARE = 0.6
MAX_APPEAL_LINE = 600


def is_appeal(line: str) -> bool:
    """Whether `line` is an appeal to the reader (`_APPEAL`) and little else."""
    if len(line) > MAX_APPEAL_LINE:
        return False
    lowered = line.lower()
    if not any(word in lowered for word in APPEAL_WORDS) or not _APPEAL.search(line):
        return False
    sentences = _SENTENCE_END.split(line)
    appeals = [s for s in sentences if _APPEAL.search(s)]
    # One sentence said to the reader makes it an appeal; the others of its kind (the site
    # "kept alive by reader donations") are its own.
    if not any(_ADDRESSED.search(s) for s in appeals):
        return False
    return sum(map(len, appeals)) >= MIN_APPEAL_SHARE * sum(map(len, sentences))


# A contributor's one-line biography: "Jane Doe is a reporter for NBC News." Case
# matters: a name, then the role.
_CONTRIBUTOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} is an? (?:[\w-]+ ){0,4}"
    r"(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer) "
    r"(?:for|at|with) [^.]{1,80}\.?$"
)
# A picture credit standing alone: "Photo: Getty Images", "Image copyright EPA",
# "(Image credit: AFP)". Capitalised, as credits are: "image: nginx" is a line of code.
_PICTURE_CREDIT = re.compile(
    r"^\(?(?:photo|image|picture|illustration|credit|foto|bild)s?(?: credit| copyright| courtesy| source)?"
    r"(?:\s*[:|©]\s*| (?:copyright|courtesy) )[^!?]{1,60}\)?\.?$"
    # "Courtesy of Hilton" under a picture.
    r"|^\(?courtesy of (?-i:[A-Z])[^!?.,]{1,40}\)?$",
    re.IGNORECASE,
)
# A picture agency's credit standing alone, after the photographer's name or
# not: "Getty Images", "Streetcats Studio / Shutterstock", "Firn | Getty Images".
PICTURE_AGENCIES = (
    "Getty Images",
    "Shutterstock",
    "iStock",
    "iStockphoto",
    "AFP",
    "AP Photo",
    "EPA",
    "Alamy",
    "Reuters",
    "Bloomberg",
    "Associated Press",
    "Corbis",
)
_AGENCY_CREDIT = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*(?:[/|]|//)\s*){0,3}"
    r"(?:" + "|".join(re.escape(agency) for agency in PICTURE_AGENCIES) + r")(?: via Getty Images)?\.?$"
    # "Win McNamee via Getty Images", "Justin Sullivan / Staff via Getty Images".
    r"|^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:\s*/\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
    r" via Getty Images\.?$"
)
# A CMS shortcode the theme failed to render: "[CTA_MODULE]", or one with
# attributes around a button's label ("[button link=... ]Send us your review[/button]").
# A raw [caption] still holds the caption, which is article text.
_SHORTCODE = re.compile(
    r"^\[(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|(?!caption\b)[a-z_-]+(?:\s+[\w-]+=\S+)+)\].{0,120}$"
)
# A tabloid headline (a word in capitals) with a capitalised label in brackets:
# the links to other stories that some tabloid CMSs drop between paragraphs
# ("BLACK DEATH PLAGUE fears: Holidaymakers die after eating marmot [INSIGHT]").
_LABELLED_HEADLINE = re.compile(r"^(?=[^\[]*\b[A-Z]{4,}\b)[^.!?]{10,160}\s\[[A-Z][A-Z ]{2,14}\]$")

# A placeholder a script fills in, saying what it waits for: "Loading paragraph...",
# "Loading prices for your region…" (the word alone is in `BOILERPLATE_LINES`). The
# ellipsis tells it from a heading such as "Loading an image with XHR".
_PLACEHOLDER = re.compile(
    r"(?:loading|chargement|cargando|carregando|caricamento|wird geladen|загрузка)"
    r"(?: [^\s.…]+){0,4} ?(?:\.{3}|…)",
    re.IGNORECASE,
)

# Labels in the languages the regexes leave out (`OTHER_LANGUAGE_LABELS`) are lines up to this
# long, looked up less the marks and count around them.
MAX_LABEL_CHARS = 60
_LABEL_ENDS = " .:!…»›→"
# A count before or after the label: "12 Yorum", "Bình luận (3)".
_LABEL_COUNT = re.compile(r"^\d+\s+|\s*\(\d+\)$")


# The notes by their first character: a line is compared with the one or two that could open it.
_NOTES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _note in OTHER_LANGUAGE_NOTES:
    _NOTES_BY_FIRST[_note[0]] = (*_NOTES_BY_FIRST.get(_note[0], ()), _note)


def _is_other_language_label(lowered: str) -> bool:
    """`lowered`: a line of up to `MAX_LABEL_CHARS` lower-cased. "İlgili" lower-cases to
    "i̇lgili", with a combining dot."""
    key = lowered.strip(_LABEL_ENDS)
    if key in OTHER_LANGUAGE_LABELS:
        return True
    if "\u0307" in key:
        return key.replace("i\u0307", "i") in OTHER_LANGUAGE_LABELS
    return (key[:1].isdigit() or key.endswith(")")) and _LABEL_COUNT.sub("", key) in OTHER_LANGUAGE_LABELS


def _is_boilerplate_wording(text: str) -> bool:
    # Dashes a theme sets a label between ("- Advertisement -", tagDiv's) are no words.
    # (A dash after the words alone ends a dateline: "WASHINGTON (AP) —".)
    text = text.strip()
    if text[:1] in _LABEL_DASHES:
        text = text.strip(_LABEL_DASHES).strip()
    text = text.rstrip(".!")
    lowered = text.lower()
    notes = _NOTES_BY_FIRST.get(lowered[:1])
    if notes is not None and lowered.startswith(notes):
        return True
    if len(lowered) <= MAX_LABEL_CHARS and _is_other_language_label(lowered):
        return True
    if text.isascii():
        return _BOILERPLATE_LOWER.match(lowered) is not None
    if _BOILERPLATE_RE.match(text) is not None:
        return True
    return has_east_asian(text) and _CJK_BOILERPLATE.match(text) is not None


_LABEL_DASHES = "-–—"
# Lines longer than this are prose, whatever words they start with. Calls to action
# too: up to 300 characters, they took an author's bio and a how-to's "subscribe to
# industry newsletters" as well as a newsletter's plug (WCXB summed F1 +0.14, but
# three pages lost article text and Readability -0.05).
MAX_BOILERPLATE_LINE = 160
# What a row of interface labels is joined by.
_LABEL_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# The label a revision stamp opens with.
_STAMP_LABEL = re.compile(r"(?:last )?(?:updated|published|posted|modified)\b", re.IGNORECASE)
# Lines made only of punctuation / symbols, like a lone "." left by an empty element.
_NO_WORDS = re.compile(r"^[\W_]*$")


# "By Jane Doe", "by admin", "Von Max Muster und Erika Mustermann", and "Oleh" (Indonesian,
# Malay) and "Bởi" (Vietnamese): "Oleh Rina Kusumawati".
_BYLINE_WORD = re.compile(r"^(?:by|von|par|por|door|di|av|от|oleh|bởi)$", re.IGNORECASE)
_CONNECTORS = frozenset({"and", "und", "et", "y", "e", "&", "и", "|", "-", "–", "—"})
MAX_BYLINE_WORDS = 8


# A line that is only a date or time stamp: "sexta-feira, 22 de outubro de 2010 às
# 20:13", "Updated 3:45 PM EST, March 3, 2024", "[ 2018-08-25 15:24 ]".
_STAMP_TIME = re.compile(
    r"\b\d{1,2}[:h]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    # "15.45 GMT", "3.45pm": a time written with a dot, known by its zone or half of day.
    r"|\b\d{1,2}\.\d{2} ?(?i:gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|[ap]\.?m\b)"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
MAX_STAMP_LINE = 70
MAX_STAMP_LETTERS = 32


# A line that is only a written-out date: "24 July 2015", "Mon, July 24th, 2015", "Kamis, 14
# Agustus 2025", "14 sierpnia 2025 r.". The month is any word the dates' table of month names
# in many languages knows (`scraper.dates.MONTHS`).
# The label a written date stands under in those languages: "Veröffentlicht am", "Publié le".
_DATE_LABEL = (
    r"(?:(?:last )?(?:updated|published|posted|modified)(?: on)?|(?:zuletzt )?aktualisiert(?: am)?"
    r"|veröffentlicht(?: am)?|publié(?: le)?|mis à jour(?: le)?|publicado(?: el| em)?|actualizado(?: el)?"
    r"|atualizado(?: em)?|pubblicato(?: il)?|aggiornato(?: il)?|gepubliceerd(?: op)?|bijgewerkt(?: op)?):? "
)
_WRITTEN_DATE = re.compile(
    rf"^(?:{_DATE_LABEL})?(?:[^\W\d_]{{2,12}}\.?,? )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.? (?:de )?(?P<month>[^\W\d_]{3,12})\.?(?: de)?,? \d{4}"
    r"|(?P<after>[^\W\d_]{3,12})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})(?: [гr]\.?)?$",
    re.IGNORECASE,
)


def _is_written_date(line: str) -> bool:
    match = _WRITTEN_DATE.match(line)
    return match is not None and (match.group("month") or match.group("after")).lower() in MONTHS


# A Chinese, Japanese or Korean stamp: "2025年3月10日 10時15分", "3/9(木) 18:45配信",
# "TNW中文站2016年10月14日07:17", "입력 2025.03.10 09:30". Digits touch the words around them
# there, and both are word characters, so these look for digits that do not go on.
_CJK_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}\s?[年/.-]\s?\d{1,2}\s?[月/.-]\s?\d{1,2}(?!\d)\s?日?"
    r"|(?<!\d)\d{1,2}\s?月\s?\d{1,2}\s?日|(?<!\d)\d{1,2}/\d{1,2}(?=\s?[(（][月火水木金土日][)）])"
)
_CJK_TIME = re.compile(r"(?<!\d)\d{1,2}(?::\d{2}(?::\d{2})?|\s?[時时点點]\s?\d{1,2}\s?分)")
_CJK_WEEKDAY = re.compile(
    r"星期[一二三四五六日天]|周[一二三四五六日]|[(（]?[月火水木金土日](?:曜日?)?[)）]|[월화수목금토일]요일"
)
# The words a stamp is labelled with: published, updated, source, author, time.
_CJK_STAMP_WORD = re.compile(
    r"配信|发布|發布|发表|發表|更新|公開|投稿|掲載|来源|來源|作者|记者|記者|时间|時間|日期|입력|수정|등록|기사입력"
)
_SENTENCE_MARKS = frozenset("。，！？；")
# Letters a stamp's line holds besides its date, time and labels: a source's name.
MAX_CJK_STAMP_LETTERS = 16


def _is_cjk_dateline(line: str) -> bool:
    if not _CJK_DATE.search(line) or _SENTENCE_MARKS.intersection(line):
        return False
    timed = _CJK_TIME.search(line) is not None
    rest = _CJK_WEEKDAY.sub("", _CJK_TIME.sub("", _CJK_DATE.sub("", line)))
    labelled = _CJK_STAMP_WORD.search(rest) is not None
    letters = sum(ch.isalpha() for ch in rest)
    # A date alone, or with its weekday, is a stamp; with more beside it ("2025年3月10日の株式市場"),
    # only when a time or a stamp's label says so.
    return letters == 0 or ((timed or labelled) and letters <= MAX_CJK_STAMP_LETTERS)


def is_dateline(line: str) -> bool:
    if len(line) > MAX_STAMP_LINE:
        return False
    if _is_written_date(line):
        return True
    if has_east_asian(line) and _is_cjk_dateline(line):
        return True
    if not _STAMP_TIME.search(line):
        return False
    if not _YEAR.search(line) and not re.search(r"\b\d{4}-\d{2}-\d{2}\b", line):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters <= MAX_STAMP_LETTERS


# "Written by Jane Doe", "Posted by Max Muster": a role, then the byline. Not
# "Edited by" (a forum post's edit note) nor "Reviewed by" (a customer review).
_BYLINE_ROLES = frozenset({"written", "posted", "words", "story", "text"})


def is_byline(line: str) -> bool:
    # One word past the limit is enough to say no: a megabyte line is not split whole.
    words = line.replace(",", " ").split(maxsplit=MAX_BYLINE_WORDS + 1)
    if len(words) > 2 and words[0].lower() in _BYLINE_ROLES:
        words = words[1:]
    if not 2 <= len(words) <= MAX_BYLINE_WORDS or not _BYLINE_WORD.match(words[0]):
        return False
    rest = [w for w in words[1:] if w.lower() not in _CONNECTORS]
    if len(rest) == 1 and rest[0].lower() in {"admin", "administrator", "staff", "editor"}:
        return True
    return bool(rest) and all(w[:1].isupper() for w in rest)


# One phrase two or three times over: a teaser's title written again by its
# image's title and its link, or a button in its mobile and desktop variants.
# Not a sentence: one that ends in a full stop is prose, said again or not.
_SAID_TWICE = re.compile(r"((?=.*[^\W\d_]{3}).{11,99}?[^.!?])(?: \1){1,2}")
MAX_SAID_TWICE_LINE = 302

# Identifiers run together: a shop's scrambled "Sponsored" label, made of UUIDs that
# only its stylesheet turns back into a word. A line that is mostly UUIDs is no prose.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
MIN_SOUP_DASHES = 8  # two UUIDs


def _identifier_soup(line: str) -> bool:
    found = _UUID.findall(line)
    return len(found) >= 2 and sum(map(len, found)) >= 0.5 * len(line)


# Lines up to this long are cached: each page's lines go through the filter
# once per engine, and both engines mostly find the same ones.
MAX_CACHED_LINE = 300


def is_boilerplate_line(line: str) -> bool:
    if len(line) <= MAX_CACHED_LINE:
        return _is_boilerplate_cached(line)
    return _is_boilerplate(line)


@functools.lru_cache(maxsize=8192)
def _is_boilerplate_cached(line: str) -> bool:
    return _is_boilerplate(line)


def _is_boilerplate(line: str) -> bool:
    if _NO_WORDS.match(line) or is_byline(line) or is_dateline(line):
        return True
    if line.count("-") >= MIN_SOUP_DASHES and _identifier_soup(line):
        return True
    # Said twice, its first words come again: a find in C spares most lines the search.
    if len(line) <= MAX_SAID_TWICE_LINE and line.find(line[:12], 12) > 0 and _SAID_TWICE.fullmatch(line):
        return True
    if len(line) <= MAX_LEGAL_FOOTER_LINE and line[:1] in "TtCc" and _LEGAL_FOOTER.fullmatch(line):
        return True
    if len(line) > MAX_BOILERPLATE_LINE:
        return False
    if _is_boilerplate_wording(line):
        return True
    # A row of interface labels: "E-mail this story | Printer-friendly version".
    # ...or of labelled stamps: "Published 3:45 p.m. ET Jan. 5, 2024 | Updated 4:10 p.m. ET
    # Jan. 5, 2024". (A teaser's "Mar 7, 2026 | 4 min read" in a list of stories stays.)
    if _LABEL_SEPARATOR.search(line) and all(
        _is_boilerplate_wording(part) or (_STAMP_LABEL.match(part) is not None and is_dateline(part))
        for part in _LABEL_SEPARATOR.split(line)
    ):
        return True
    if _calls_to_action(line) or _PLACEHOLDER.fullmatch(line):
        return True
    if line.lstrip("(")[:1].isupper() and _PICTURE_CREDIT.match(line):
        return True
    if _AGENCY_CREDIT.match(line):
        return True
    if _CONTRIBUTOR_BIO.match(line) or _LABELLED_HEADLINE.match(line) or _SHORTCODE.match(line):
        return True
    # "Recently viewed", "Related posts", "About the author" standing alone: the
    # heading of a section pruning removed, or one a script fills in the browser.
    if len(line) <= MAX_HEADING_CHARS and (is_recommendation_heading(line) or is_author_box_heading(line)):
        return True
    return (
        len(line) < 200
        and starts_with_related_wording(line)
        and not line.rstrip().endswith((".", "?", "!", "»", '"'))
    )


def _calls_to_action(line: str) -> bool:
    lowered = line.lower()
    return any(word in lowered for word in CALL_TO_ACTION_WORDS) and bool(_CALL_TO_ACTION_RE.search(line))


def _same(a: str, b: str) -> bool:
    return collapse(a.lower()) == collapse(b.lower())


def is_title(line: str, title: str | None) -> bool:
    """Whether `line` is the page's headline said again."""
    if not title:
        return False
    return len(line) <= 2 * len(title) and _same(line, title)


# Code and table rows are read as they stand: a log line or a row of
# timestamps is data, not a dateline.
VERBATIM_KINDS = frozenset({"code", "row"})


# A line that is one stretch said twice or more with nothing between ("EUR 20.99EUR 20.99"):
# the visible text and its copy for screen readers or a hover layer, whose class says nothing.
_SAID_AGAIN = re.compile(r"(.{6,}?)\1+")
# Such copies are labels, prices and dates; the test is quadratic in the line's length.
MAX_SAID_AGAIN_CHARS = 300


def drop_appeals(blocks: list[Block]) -> list[Block]:
    """`blocks` less the appeals to the reader (`is_appeal`); `blocks` itself when there
    are none. Asked of the chosen body only, once: an appeal never decides which body."""
    kept = [(kind, line) for kind, line in blocks if kind in VERBATIM_KINDS or not is_appeal(line)]
    return blocks if len(kept) == len(blocks) else kept


def said_once(line: str) -> str:
    """`line` less its repeats when it is nothing but one stretch of six characters or
    more over and over; a rule of one or two characters ("----", "=-=-") stays as it is."""
    if not 12 <= len(line) <= MAX_SAID_AGAIN_CHARS or line.find(line[:6], 6) == -1:
        return line  # cheap test first: a repeated line's opening recurs
    match = _SAID_AGAIN.fullmatch(line)
    if match is None or len(set(match[1])) < 3 or not any(c.isalnum() for c in match[1]):
        return line
    return match[1].strip()


def filter_blocks(blocks: Iterable[Block], title: str | None = None) -> list[Block]:
    """Drop boilerplate lines, and the title where the body repeats it at the top;
    a line said twice over is said once."""
    kept: list[Block] = []
    for kind, line in blocks:
        # Code keeps its indentation (Python's is its syntax); only its empty lines go.
        if kind == "row":
            # Each cell on its own: an empty one stays a column ("a |  | b"), not a gap.
            line = CELL_SEPARATOR.join(collapse(cell) for cell in line.split(CELL_SEPARATOR))
            if not line.replace(CELL_SEPARATOR, "").strip():
                continue
        else:
            line = line.rstrip() if kind == "code" and line.strip() else collapse(line)
        if kind not in VERBATIM_KINDS:
            line = said_once(line)
        if not line or (kind not in VERBATIM_KINDS and is_boilerplate_line(line)):
            continue
        if not kept and is_title(line, title):
            continue
        kept.append((kind, line))
    return kept


def _compared(kind: str, line: str) -> str:
    """A line as the repeat tests see it: a code line's indentation is layout, not words."""
    return collapse(line) if kind == "code" else line


# A run of this many lines, of this many characters, said again word for word
# is one block rendered twice: a theme's mobile and desktop copies, a post's
# excerpt above the post, a card's title and blurb in its hover layer, a whole
# article in a hidden print copy. Prose does not repeat four paragraphs in a
# row; a repeated line or two (a caption, a recipe in a meal plan) stays.
REPEATED_RUN_LINES = 4
REPEATED_RUN_CHARS = 400


def drop_repeated_runs(blocks: list[Block]) -> list[Block]:
    """`blocks` less every run of `REPEATED_RUN_LINES` lines that came before in the
    same order, when the run holds `REPEATED_RUN_CHARS` characters or more."""
    size = REPEATED_RUN_LINES
    if len(blocks) < 2 * size:
        return blocks
    lines = [_compared(kind, line) for kind, line in blocks]
    kept: list[int] = []
    seen: set[tuple[str, ...]] = set()
    start = 0
    while start < len(lines):
        run = tuple(lines[start : start + size])
        if len(run) == size and run in seen and sum(map(len, run)) >= REPEATED_RUN_CHARS:
            start += size
            continue
        kept.append(start)
        if len(kept) >= size:
            seen.add(tuple(lines[k] for k in kept[-size:]))
        start += 1
    return blocks if len(kept) == len(blocks) else [blocks[k] for k in kept]


# A stretch of two to this many lines said again right after itself is one block
# rendered twice, whatever its length: a slide or a card in its desktop and its mobile
# variant, a card's title and blurb again in its hover layer. So is a heading said twice
# in a row. Lines longer than this are paragraphs, which a test page may well repeat.
ADJACENT_RUN_LINES = 4
MAX_ADJACENT_LINE = 200


def drop_adjacent_repeats(blocks: list[Block]) -> list[Block]:
    """`blocks` less every copy of a stretch of lines (`ADJACENT_RUN_LINES` at most, each
    `MAX_ADJACENT_LINE` characters at most, or one heading) that comes right after the
    stretch itself. Code and table rows are data: a closing brace or a row said twice stays;
    so does a line said over and over, other than a heading (a list's, a refrain's)."""
    kept: list[Block] = []
    index, count = 0, len(blocks)
    while index < count:
        size = _adjacent_copy(blocks, index)
        if size:
            kept.extend(blocks[index : index + size])
            index += size
            while _same_lines(blocks, index - size, index, size):
                index += size  # the copy, and any further copy
            continue
        kept.append(blocks[index])
        index += 1
    return blocks if len(kept) == len(blocks) else kept


def _adjacent_copy(blocks: list[Block], start: int) -> int:
    """The size of the stretch starting at `start` that the next lines repeat, or 0."""
    kind, line = blocks[start]
    if kind in VERBATIM_KINDS or len(line) > MAX_ADJACENT_LINE:
        return 0
    for size in range(1, ADJACENT_RUN_LINES + 1):
        if start + 2 * size > len(blocks):
            return 0
        # A copy opens with the stretch's first line: one comparison passes over most lines.
        if blocks[start + size][1] != line or (size == 1 and kind != "heading"):
            continue
        # Its first line passed these tests above; the others are asked here.
        stretch = blocks[start : start + size]
        if any(each in VERBATIM_KINDS or len(text) > MAX_ADJACENT_LINE for each, text in stretch[1:]):
            return 0
        if len({text for _, text in stretch}) < size:
            # One line over and over ("1 scoop protein, …" each day of a meal plan) is a
            # list saying it again, not a block rendered twice.
            return 0
        if _same_lines(blocks, start, start + size, size):
            return size
    return 0


def _same_lines(blocks: list[Block], first: int, second: int, size: int) -> bool:
    """Whether the `size` lines from `second` say what those from `first` say (their
    kinds aside: a card's title is a heading, its hover layer's a paragraph)."""
    if second + size > len(blocks):
        return False
    return all(blocks[first + i][1] == blocks[second + i][1] for i in range(size))


# Lines this long or longer are kept once where every line is (`drop_repeated_lines`);
# shorter ones ("Quote", "Reply", "In stock") are the filters' business.
REPEATED_LINE_CHARS = 40


def drop_repeated_lines(blocks: list[Block]) -> list[Block]:
    """`blocks` less every line of `REPEATED_LINE_CHARS` or more said before.

    For bodies where a repeated line is a copy, not a refrain: a discussion,
    whose replies quote the posts before them, and a product page, whose shop
    renders the product box once for phones and once for desktops. Not for
    articles: their test pages and their meal plans repeat lines on purpose.
    """
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        line = _compared(*block)
        if len(line) >= REPEATED_LINE_CHARS:
            if line in seen:
                continue
            seen.add(line)
        kept.append(block)
    return blocks if len(kept) == len(blocks) else kept


_SCHEME_AND_WWW = re.compile(r"^https?://(?:www\.)?", re.IGNORECASE)


def _address_key(url: str) -> str:
    """An address as the same page's links spell it: no scheme, no "www.", no fragment
    and no trailing slash."""
    return _SCHEME_AND_WWW.sub("", url.strip().split("#", 1)[0]).rstrip("/")


def drop_own_address(
    blocks: list[Block], addresses: Iterable[str | None], title: str | None = None
) -> list[Block]:
    """`blocks` less the lines that are nothing but the page's own address (`addresses`:
    the URL it was read from, the one it gives for itself): a share box's "copy link"
    field, a post's permalink printed as its text. Another address is a reference,
    which stays. A `title` left at the top by the address's going goes too."""
    own = {_address_key(address) for address in addresses if address}
    own.discard("")
    if not own:
        return blocks
    kept = [
        (kind, line)
        for kind, line in blocks
        if kind in VERBATIM_KINDS
        or not line.startswith(("http://", "https://"))
        or " " in line
        or _address_key(line) not in own
    ]
    if len(kept) == len(blocks):
        return blocks
    # The headline under the address now opens the body: it goes, as `filter_blocks`
    # drops a headline said again at the top.
    if kept and kept[0] != blocks[0] and is_title(kept[0][1], title):
        del kept[0]
    return kept


# The byline over the body names the author the metadata found, then whatever the
# theme prints beside it: "By Jane Doe • March 12, 2025", "By Jane Doe, Executive
# Editor", "By the Newsroom Team 2–3 minutes". Read only among the body's first lines,
# and only where the name is the record's author: a sentence that opens "By now" or
# "By Jane's account" is prose.
MAX_BYLINE_POSITION = 4
MAX_BYLINE_LINE = 160
# Under the byline, the expert who checked the piece: "Reviewed by Toni Golen, MD".
_REVIEWER_LINE = re.compile(
    r"^(?:medically |clinically |expert[- ])?(?:reviewed|fact[- ]checked|edited) by \S", re.IGNORECASE
)
# After the author's name, what says it is not the end of the name.
_NAME_GOES_ON = frozenset("'’") | frozenset("abcdefghijklmnopqrstuvwxyz")
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[,;&|]|\band\b|\bund\b|\bet\b)\s*", re.IGNORECASE)


def drop_byline(blocks: list[Block], author: str | None) -> list[Block]:
    """`blocks` less the byline line that names `author` among the first
    `MAX_BYLINE_POSITION` lines, and a reviewer's line right under it."""
    name = _AUTHOR_SEPARATOR.split(author.strip(), maxsplit=1)[0].lower() if author else ""
    if len(name) < 3:
        return blocks
    for index, (kind, line) in enumerate(blocks[:MAX_BYLINE_POSITION]):
        if kind in VERBATIM_KINDS or len(line) > MAX_BYLINE_LINE:
            continue
        first, _, rest = line.partition(" ")
        if first.lower() in _BYLINE_ROLES:
            first, _, rest = rest.partition(" ")
        if not _BYLINE_WORD.match(first) or not rest.lower().startswith(name):
            continue
        if rest[len(name) : len(name) + 1] in _NAME_GOES_ON:
            continue  # "By Jane Doe's count, ...": the name opens a sentence
        if _bylined_again(blocks[index + 1 :], first, name):
            return blocks  # a list of one author's posts: each teaser has its byline
        end = index + 1
        if (
            end < len(blocks)
            and len(blocks[end][1]) <= MAX_BYLINE_LINE
            and _REVIEWER_LINE.match(blocks[end][1])
        ):
            end += 1
        return blocks[:index] + blocks[end:]
    return blocks


def _bylined_again(blocks: list[Block], word: str, name: str) -> bool:
    opening = f"{word} {name}".lower()
    return any(line[: len(opening)].lower() == opening for _, line in blocks)

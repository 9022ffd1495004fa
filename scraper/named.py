"""The article's container as the theme names it: a second opinion beside the scorer.

CMS themes name the element that holds the article ("entry-content",
"post-body", itemprop="articleBody", <article>, "main-content"). Trafilatura
looks for it with a cascade of such names, most specific first, and reads the
first match in document order that holds text; this module runs the same
cascade on selectolax, so the DOM engine can ask it without trafilatura's
second parse of the page and its XPath passes.

The vocabulary follows trafilatura's `BODY_XPATH` (Apache-2.0,
`trafilatura/xpaths.py`), stage by stage:

1. article-body names: "entry-content", "post-body", "article__body",
   itemprop="articleBody", class "post" or "entry";
2. the first <article>;
3. story names: role="article", "story-content", "single-post", "fulltext";
4. main-content names: id or class "content", "content-main", "page-content";
5. "main…" as the start of a class, id or role, or the first <main>.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

CONTAINERS = ":is(article, div, main, section)"


def _any(container: str, conditions: list[str]) -> str:
    # One compound selector: Lexbor tests the tag first and the list only on
    # containers, a third of the time of a list of tag-and-condition pairs.
    return f"{container}:is({', '.join(conditions)})"


def _containing(attribute: str, words: list[str]) -> list[str]:
    return [f"[{attribute}*='{word}']" for word in words]


# Each stage as one selector list, matched by Lexbor in C; the regular
# expressions of the original are spelled out as the substrings they allow
# ("post[-_]?content": "post-content", "post_content", "postcontent").
_ARTICLE_BODY_WORDS = [
    "entry-content", "article-content", "art-content", "article__content", "article-body",
    "article__body", "articlebody", "articleBody", "body-text",
]  # fmt: skip
_ARTICLE_BODY_CLASS_WORDS = [
    *_ARTICLE_BODY_WORDS,
    "post-text", "post_text", "post-body", "post-entry", "postentry", "post-content", "post_content",
    "postcontent", "postContent", "post_inner_wrapper", "article-text", "articletext", "articleText",
    "page-content", "text-content", "ArticleContent", "article__container",
]  # fmt: skip
_STORY_CLASS_WORDS = [
    "post-bodycopy", "story-content", "storycontent", "theme-content", "blog-content", "section-content",
    "single-content", "single-post", "main-column", "wpb_text_column", "story-body", "field-body",
]  # fmt: skip
STAGE_SELECTORS = (
    # 1. article-body names
    _any(
        CONTAINERS,
        [
            "[class='post']",
            "[class='entry']",
            "[itemprop='articleBody']",
            "[id='articleContent']",
            *_containing("id", _ARTICLE_BODY_WORDS),
            *_containing("class", _ARTICLE_BODY_CLASS_WORDS),
        ],
    ),
    # 2. the first <article>
    "article",
    # 3. story names
    _any(
        CONTAINERS,
        [
            "[role='article']",
            "[id='article']",
            "[id='story']",
            *(f"[class='{name}']" for name in ("postarea", "art-postcontent", "text", "cell", "story")),
            "[id^='primary']",
            "[id*='story-body']",
            "[class*='fulltext' i]",
            "[class^='article ']",
            *_containing("class", _STORY_CLASS_WORDS),
        ],
    ),
    # 4. main-content names
    _any(
        CONTAINERS,
        [
            "[id='content']",
            "[class='content']",
            *_containing("id", ["content-main", "content-body", "contentBody"]),
            *_containing("class", ["content-main", "content_main", "content-body", "content__body"]),
            "[id*='main-content' i]",
            "[class*='main-content' i]",
            "[class*='page-content' i]",
        ],
    ),
    # 5. "main" as the start of a name, or <main>
    _any(":is(article, div, section)", ["[class^='main']", "[id^='main']", "[role^='main']"]) + ", main",
)


def named_containers(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    """The first container each stage names, in stage order (most specific first)."""
    seen: set[int] = set()
    for selector in STAGE_SELECTORS:
        found = tree.css_first(selector)
        # A node named by two stages is read once: it held no body the first time.
        if found is not None and found.mem_id not in seen:
            seen.add(found.mem_id)
            yield found

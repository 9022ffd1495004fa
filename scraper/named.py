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

import re
from collections.abc import Callable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

CONTAINER_SELECTOR = "article, div, main, section"

_ARTICLE_ID = re.compile(
    r"(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
)
_ARTICLE_CLASS = re.compile(
    r"post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|"
    r"articleText|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|"
    r"ArticleContent|body-text|article__container"
)
_STORY_ID = re.compile(r"^primary|story-body")
_STORY_CLASS = re.compile(
    r"^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|main-column|"
    r"wpb_text_column|story-body|field-body"
)
_FULLTEXT = re.compile(r"fulltext", re.IGNORECASE)
_MAIN_ID = re.compile(r"content-main|content-body|contentBody")
_MAIN_CLASS = re.compile(r"content[-_]main|content(?:-|__)body")


def _attrs(node: LexborNode) -> tuple[dict[str, str | None], str, str]:
    attrs = node.attributes
    return attrs, attrs.get("class") or "", attrs.get("id") or ""


def _article_body(node: LexborNode) -> bool:
    attrs, class_, id_ = _attrs(node)
    return bool(
        class_ in ("post", "entry")
        or attrs.get("itemprop") == "articleBody"
        or id_ == "articleContent"
        or _ARTICLE_ID.search(id_)
        or _ARTICLE_CLASS.search(class_)
    )


def _article(node: LexborNode) -> bool:
    return node.tag == "article"


def _story(node: LexborNode) -> bool:
    attrs, class_, id_ = _attrs(node)
    return bool(
        attrs.get("role") == "article"
        or id_ in ("article", "story")
        or class_ in ("postarea", "art-postcontent", "text", "cell", "story")
        or _STORY_ID.search(id_)
        or _FULLTEXT.search(class_)
        or _STORY_CLASS.search(class_)
    )


def _main_content(node: LexborNode) -> bool:
    _, class_, id_ = _attrs(node)
    return bool(
        id_ == "content"
        or class_ == "content"
        or _MAIN_ID.search(id_)
        or _MAIN_CLASS.search(class_)
        or "main-content" in id_.lower()
        or "main-content" in class_.lower()
        or "page-content" in class_.lower()
    )


def _main(node: LexborNode) -> bool:
    attrs, class_, id_ = _attrs(node)
    return node.tag == "main" or any(
        value.startswith("main") for value in (class_, id_, attrs.get("role") or "")
    )


STAGES: tuple[Callable[[LexborNode], bool], ...] = (_article_body, _article, _story, _main_content, _main)


def named_containers(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    """The first container each stage names, in stage order (most specific first).

    One pass over the page's containers, each asked only the stages that
    have found nothing before it.
    """
    first: list[LexborNode | None] = [None] * len(STAGES)
    missing = list(range(len(STAGES)))
    for node in tree.css(CONTAINER_SELECTOR):
        for stage in missing:
            if STAGES[stage](node):
                first[stage] = node
        missing = [stage for stage in missing if first[stage] is None]
        if not missing:
            break
    seen: set[int] = set()
    for found in first:
        # A node named by two stages is read once: it held no body the first time.
        if found is not None and found.mem_id not in seen:
            seen.add(found.mem_id)
            yield found

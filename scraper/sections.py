"""Boilerplate found by what it holds or what introduces it, more than by one class
name: a section a recommendation heading introduces ("You may also like") when it is
mostly links or teasers, an author box under "About the author", a slideshow dropped
into a story, a signup box by its form's fields, a tag list by its links'
`rel="tag"`, and paragraphs that are nothing but a link to another story. A shop's
customer reviews are the exception: review plugins' class and id words find them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import (
    LinkLengths,
    attr_words,
    collapse,
    has_ancestor_in,
    is_root,
    link_text_length,
    prose_length,
    remove_all,
    text_length,
)
from scraper.guard import CONTAINER_TAGS, Guard
from scraper.selectors import Present

# Headings that introduce recommendations rather than the page's own content,
# matched against the whole heading ("You may also like", "Similar items",
# "Customers who viewed this item also viewed", "Ähnliche Artikel").
RECOMMENDATION_HEADINGS = (
    # ...and with what is recommended named first: "More Articles You Might Enjoy".
    r"(?:(?:more|other) )?(?:(?:articles|posts|stories|reads|recipes|guides|products|items|videos) )?"
    r"(?:you|we think you)(?: may| might| will| would)? (?:also )?(?:like|love|enjoy|be interested in)"
    r"(?: these| this)?",
    r"(?:customers|people|shoppers|others) who (?:bought|viewed|read|watched|liked) .{0,40}also .{0,20}",
    r"(?:customers|people|shoppers) also (?:bought|viewed|liked|loved|searched|considered)(?: .{0,30})?",
    r"(?:the )?seller'?s other items|(?:more|other items) from (?:this|the) seller",
    r"(?:our |check out |see |view )?(?:other )?"
    # "Related Blog Posts", "Related investing topics": one word may stand between.
    r"(?:similar|related|recommended|suggested|sponsored) (?:[\w-]+ )?"
    r"(?:items|products|posts|articles|stories|threads|topics|questions|content|videos|listings|reads"
    r"|reading|searches|links|news|guides|jobs|discussions|services|pages)"
    r"(?: (?:from|at|on|in|for) .{0,40})?",
    r"(?:explore|shop|browse) (?:related|similar) .{0,30}",
    r"(?:recently|previously) viewed(?: items| products)?",
    r"(?:recent|latest|newest) (?:posts|articles|stories)",
    r"frequently bought together|complete the look|recommended for you|picked for you|more to explore",
    r"(?:read|watch|up) next|what to read next|keep reading",
    r"(?:more|other) (?:stories|articles|posts|news|reads)(?: like this| you might like| for you)?",
    r"(?:trending|popular|most (?:read|popular|viewed|shared))"
    r"(?: now| today| this week| stories| articles| posts| topics| discussions| threads)?",
    r"das könnte sie auch interessieren|ähnliche (?:artikel|beiträge|produkte)|weitere artikel",
    r"vous (?:aimerez|pourriez aimer) aussi|articles similaires|sur le même sujet",
    r"(?:también )?te puede interesar|artículos relacionados|productos relacionados",
    r"potrebbe interessarti anche|articoli correlati|i più letti",
    r"самые (?:популярные|читаемые)(?: .{0,30})?|популярн(?:ое|ые (?:статьи|записи|материалы))"
    r"|похожие (?:статьи|записи|материалы|новости)|вам (?:также )?может понравиться",
    r"podobne artykuły|najpopularniejsze(?: .{0,30})?|gerelateerde artikelen|meest gelezen",
    r"artigos relacionados|mais lid[ao]s|lo más leído|más leíd[ao]s|meistgelesen|les plus lus",
    # Turkish, Vietnamese, Indonesian, Arabic, Persian, Czech, Ukrainian and Hindi.
    r"[iİ]lgili (?:haberler|yazılar|içerikler)|benzer (?:haberler|yazılar)|bunlar da ilginizi çekebilir"
    r"|bài viết liên quan|tin liên quan|có thể bạn quan tâm|(?:artikel|berita) terkait"
    r"|مقالات ذات صلة|أخبار ذات صلة|قد يعجبك أيضا|مطالب مرتبط|اخبار مرتبط|související články|podobné články"
    r"|схожі (?:статті|новини)|вам також може сподобатися|संबंधित (?:खबरें|ख़बरें|लेख)",
    # Chinese, Japanese and Korean: "相关阅读", "猜你喜欢", "関連記事", "많이 본 뉴스".
    r"[【\[]?(?:相关|相關)(?:文章|阅读|閱讀|新闻|新聞|报道|報導|推荐|推薦|视频|視頻)[】\]]?|延伸阅读|延伸閱讀"
    r"|推荐阅读|推薦閱讀|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐|精彩推薦|热点新闻|大家都在看|为你推荐|為你推薦",
    r"[【\[]?関連(?:記事|ニュース|リンク|情報)[】\]]?|おすすめ(?:記事|の記事|ニュース)|人気(?:記事|のニュース)"
    r"|アクセスランキング|あわせて読みたい|こちらもおすすめ|こんな記事も読まれています",
    r"관련 ?(?:기사|뉴스)|많이 본 ?(?:뉴스|기사)|추천 ?기사|인기 ?기사|함께 ?볼만한 ?뉴스",
)
RECOMMENDATION_HEADING = re.compile("|".join(RECOMMENDATION_HEADINGS), re.IGNORECASE)
HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6, [role='heading']"
MAX_HEADING_CHARS = 80
# A recommendation section is at least this share link text (the teasers'
# titles), and not most of the page: prose under such a heading stays.
MAX_SECTION_SHARE = 0.8
MIN_SECTION_LINK_DENSITY = 0.35
# ...or a column of teasers: a linked title over an unlinked excerpt, a link
# at least every `CHARS_PER_TEASER` characters.
MIN_TEASER_LINK_DENSITY = 0.1
CHARS_PER_TEASER = 150
MIN_SECTION_TEASERS = 3


# Headings over a bio of the author or the reviewer ("About the author", "Meet the
# writers", "Über den Autor"), matched whole: the byline at length, which goes to
# metadata, not the body. An expert the article consults ("Meet our expert") is its
# content. Under such a heading, up to this much text is the bio.
AUTHOR_BOX_HEADING = re.compile(
    r"(?:about|meet) (?:the |our |this )?(?:author|writer|reviewer|contributor)s?|author bio(?:graphy)?"
    r"|über (?:den|die) autor(?:in|en)?|à propos de l'auteur|sobre (?:el|la) autora?|sull'autore"
    r"|over de auteur|o autorze|об авторе|关于作者|關於作者|作者简介|作者簡介|作者介绍|著者について"
    r"|著者プロフィール|筆者紹介|この記事を書いた人|기자 ?(?:정보|프로필)",
    re.IGNORECASE,
)
MAX_AUTHOR_BOX_CHARS = 1500


def _heading_words(text: str) -> str:
    return collapse(text).strip(" :.!?»›>•-–—|")


def is_recommendation_heading(text: str) -> bool:
    words = _heading_words(text)
    return len(words) <= MAX_HEADING_CHARS and RECOMMENDATION_HEADING.fullmatch(words) is not None


def is_author_box_heading(text: str) -> bool:
    words = _heading_words(text)
    return len(words) <= MAX_HEADING_CHARS and AUTHOR_BOX_HEADING.fullmatch(words) is not None


def _heading_level(node: LexborNode) -> int:
    tag = node.tag or ""
    if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
        return int(tag[1])
    level = node.attributes.get("aria-level") or ""
    return int(level) if level.isdigit() else 2


def _headings_at_or_above(node: LexborNode, level: int) -> int:
    return sum(1 for h in node.css(HEADING_SELECTOR) if _heading_level(h) <= level)


def remove_recommendation_sections(tree: LexborHTMLParser, guard: Guard) -> None:
    """Remove the sections that headings such as "Similar items" or "You may also
    like" introduce: a carousel of other products, posts or threads, whatever the
    theme calls its markup; and the author's bio under "About the author".

    A section runs from its heading to the next heading of the same rank: the
    heading's largest wrapper holding no other such heading, and that wrapper's
    following siblings up to the next one that does; in the article's container, a
    wrapper that boxes its heading with links or text is the section alone, for the
    siblings after it are the article's paragraphs. A recommendation section goes
    only if it is mostly link text (the teasers' titles) and not most of the page;
    a bio, if it is short (`MAX_AUTHOR_BOX_CHARS`).
    """
    doomed: list[LexborNode] = []
    container = guard.container.mem_id if guard.container is not None else None
    for heading in tree.css(HEADING_SELECTOR):
        text = heading.text(deep=True, separator=" ") or ""
        recommendation = is_recommendation_heading(text)
        if not recommendation and not is_author_box_heading(text):
            continue
        level = _heading_level(heading)
        wrapper = heading
        parent = heading.parent
        while (
            parent is not None
            and parent.tag not in CONTAINER_TAGS
            and guard.may_remove(parent)
            and _headings_at_or_above(parent, level) == 1
        ):
            wrapper = parent
            parent = parent.parent
        # A box injected between the article's paragraphs (in its container) that holds
        # its heading and what it introduces is the whole section: the siblings after it
        # are the article's next paragraphs.
        inline = parent is not None and parent.mem_id == container
        section = [wrapper] if inline and _boxed(wrapper, heading) else [wrapper, *_followers(wrapper, level)]
        length = sum(text_length(node) for node in section)
        heading_only = len(section) == 1 and wrapper is heading
        if recommendation:
            goes = length <= MAX_SECTION_SHARE * guard.total and _links_or_teasers(section, length)
        else:
            goes = length <= MAX_AUTHOR_BOX_CHARS
        if heading_only or goes:
            doomed.extend(node for node in section if guard.may_remove(node))
    remove_all(doomed)


# A box holding its heading and this many links, or this much text, besides.
MIN_BOXED_LINKS = 1
MIN_BOXED_CHARS = 100


def _boxed(wrapper: LexborNode, heading: LexborNode) -> bool:
    if wrapper is heading:
        return False
    links = len(wrapper.css("a[href]")) - len(heading.css("a[href]"))
    return links >= MIN_BOXED_LINKS or text_length(wrapper) - text_length(heading) >= MIN_BOXED_CHARS


def _links_or_teasers(section: list[LexborNode], length: int) -> bool:
    """Mostly link text, or a column of teasers (many links, each over a short excerpt)."""
    linked = sum(link_text_length(node) for node in section)
    if linked >= MIN_SECTION_LINK_DENSITY * length:
        return True
    count = sum(len(node.css("a[href]")) for node in section)
    return linked >= MIN_TEASER_LINK_DENSITY * length and count >= max(
        MIN_SECTION_TEASERS, length / CHARS_PER_TEASER
    )


def _followers(node: LexborNode, level: int) -> list[LexborNode]:
    """`node`'s following siblings up to the next heading of `level` or above."""
    nodes = []
    sibling = node.next
    while sibling is not None:
        if sibling.tag != "-text":
            if _headings_at_or_above(sibling, level):
                break
            nodes.append(sibling)
        sibling = sibling.next
    return nodes


# Slideshows: a gallery of this many slides is a feature of its own, embedded
# in the page, not the captions of the article's pictures.
GALLERY_SELECTOR = "[class*='gallery' i], [class*='slideshow' i], [class*='carousel' i]"
SLIDE_SELECTOR = "li, figure, [class*='slide' i]"
MIN_GALLERY_SLIDES = 8


def remove_galleries(tree: LexborHTMLParser, guard: Guard, present: Present | None = None) -> None:
    """Remove slideshows of many slides (a "news in pictures" gallery dropped into
    an article), unless the page is the gallery itself (the guard's container)."""
    query = present.matchable(GALLERY_SELECTOR) if present is not None else GALLERY_SELECTOR
    if not query:
        return  # no class name holds the words: nothing to match
    doomed = []
    for node in tree.css(query):
        if node.tag in CONTAINER_TAGS or len(node.css(SLIDE_SELECTOR)) < MIN_GALLERY_SLIDES:
            continue
        # The guard's container may be the slides' captions (fifty of them outscore
        # the story); with a story's worth of prose beside it, the gallery is no page.
        if guard.may_remove(node) or _prose_beside(tree, node) >= MIN_PROSE_BESIDE_GALLERY:
            doomed.append(node)
    remove_all(doomed)


# A shop's customer reviews, by the class and id words of its own templates and of
# the review plugins (Judge.me, Yotpo, Stamped, Okendo, Shopify's, Bazaarvoice's
# "bv-reviews"): its buyers' posts, which are no more the product's description
# than a comment thread is an article. Words are read whole ("preview" and
# "overview" are other words); an editorial or expert review is the shop's own text.
REVIEW_QUERY = "[class*='review' i], [id*='review' i], [class*='yotpo' i], [class*='jdgm' i]"
_REVIEW_WORDS = frozenset({"review", "yotpo", "jdgm"})  # "reviews" holds "review"
_OWN_REVIEW_WORDS = frozenset({"editorial", "expert", "editor"})  # plural "s" removed
_WORD_BREAKS = re.compile(r"[\W_]+|(?<=[a-z])(?=[A-Z])")


def _names_reviews(node: LexborNode) -> bool:
    words = {word.lower().removesuffix("s") for word in _WORD_BREAKS.split(attr_words(node)) if word}
    return bool(words & _REVIEW_WORDS) and not words & _OWN_REVIEW_WORDS


def remove_reviews(tree: LexborHTMLParser, present: Present | None = None) -> None:
    """Remove a product page's customer reviews (`REVIEW_QUERY`), outermost first.

    An element holding the page's `<h1>` is the product's own box, whatever its
    class says ("product-with-reviews"), and stays.
    """
    _remove_outermost(tree, REVIEW_QUERY, present, lambda node: _names_reviews(node) and not _holds_h1(node))


def _holds_h1(node: LexborNode) -> bool:
    return node.css_first("h1") is not None


def _remove_outermost(
    tree: LexborHTMLParser, query: str, present: Present | None, doomed: Callable[[LexborNode], bool]
) -> None:
    """Remove the outermost elements `query` finds that are `doomed`: one inside an
    element already removed goes with it, and is not asked."""
    query = present.matchable(query) if present is not None else query
    if not query:
        return  # no class or id holds the words: nothing to match
    chosen: list[LexborNode] = []
    chosen_ids: set[int] = set()
    for node in tree.css(query):
        if node.mem_id in chosen_ids or is_root(node) or has_ancestor_in(node, chosen_ids):
            continue
        if doomed(node):
            chosen.append(node)
            chosen_ids.add(node.mem_id)
    remove_all(chosen)


# A shop theme's announcement bar over the header: the week's deal, or one rotating
# slide per country of shipping terms. Shopify's themes (Dawn and its kin) name it
# "announcement-bar", as a class and as a custom element; others "promo-bar". Pages of
# every kind carry it, and its slides can outweigh a short page's own text, so it goes
# whatever its size, before the main container is looked for. Known by a class that
# names the bar itself, with a prefix ("m-announcement-bar"), a BEM part
# ("announcement-bar__message") or a structural suffix ("-wrapper"); not by a page
# wrapper's state class ("has-announcement-bar", "with-promo-bar"), which holds the page.
ANNOUNCEMENT_BAR_QUERY = (
    "announcement-bar, [class*='announcement-bar' i], [class*='announcementbar' i],"
    " [class*='promo-bar' i], [class*='promobar' i]"
)
_BAR_CLASS = re.compile(
    r"(?:(?!(?:has|with|without|show|shows|is|no|hide|hidden|enable|enabled|disable|disabled)-)[a-z0-9]+-)?"
    r"(?:announcement|promo)-?bar"
    r"(?:(?:__|--)[\w-]+|-(?:wrapper|container|section|inner|content|message|messages|text|item|slide|slider"
    r"|carousel|group|block))?",
    re.IGNORECASE,
)


def _is_announcement_bar(node: LexborNode) -> bool:
    if node.tag in CONTAINER_TAGS or _holds_h1(node):
        return False
    if node.tag == "announcement-bar":
        return True
    return any(_BAR_CLASS.fullmatch(word) for word in (node.attributes.get("class") or "").split())


def remove_announcement_bars(tree: LexborHTMLParser, present: Present | None = None) -> None:
    """Remove a theme's announcement bars (`ANNOUNCEMENT_BAR_QUERY`, `_is_announcement_bar`),
    outermost first."""
    _remove_outermost(tree, ANNOUNCEMENT_BAR_QUERY, present, _is_announcement_bar)


# A shop's carousels of offers: other products ("Similar sponsored items", "Customers
# also viewed", a sponsored strip) or an announcement bar's rotating shipping deals
# ("Free shipping on orders $40+", one slide per country). They are known by the names
# carousel scripts give their markup (Swiper, Slick, Splide, Glide, Owl, a theme's own
# "carousel") and by what their slides hold: prices and links, several of each. The
# product's own picture carousel holds neither; the box with the page's <h1> is the
# product's, whatever its class says.
PRODUCT_CAROUSEL_QUERY = (
    "[class*='carousel' i], [class*='swiper' i], [class*='slick' i], [class*='splide' i],"
    " [class*='glide' i], [class*='owl-' i], [aria-roledescription='carousel' i]"
)
# An amount and its currency, the sign or code on either side: "$153.43", "EUR 163.12",
# "24,99 €", "1 299 kr".
PRICE = re.compile(
    r"(?:[$€£¥₹₩₽]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|INR)\b) ?\d"
    r"|\d(?: ?[€£₽]|\s(?:EUR|USD|GBP|CHF|kr|zł|Kč)\b)"
)
MIN_CAROUSEL_PRODUCTS = 3


def _is_product_carousel(node: LexborNode) -> bool:
    if node.tag in CONTAINER_TAGS or _holds_h1(node):
        return False
    if len(node.css("a[href]")) < MIN_CAROUSEL_PRODUCTS:
        return False
    # Counted up to the least that decides: a strip of fifty offers stops at the third.
    prices = itertools.islice(
        PRICE.finditer(node.text(deep=True, separator=" ") or ""), MIN_CAROUSEL_PRODUCTS
    )
    return sum(1 for _ in prices) == MIN_CAROUSEL_PRODUCTS


def remove_product_carousels(tree: LexborHTMLParser, present: Present | None = None) -> None:
    """Remove a shop page's carousels of offers (`PRODUCT_CAROUSEL_QUERY` holding
    `MIN_CAROUSEL_PRODUCTS` prices and links, `_is_product_carousel`), outermost first."""
    _remove_outermost(tree, PRODUCT_CAROUSEL_QUERY, present, _is_product_carousel)


# WordPress marks each post it renders with `post_class()`: "post-123 type-post
# status-publish …" (block themes, Kadence's and GenerateBlocks' post grids,
# Elementor's posts widget, the classic loop), and a single post's page with
# `body_class()`: "single single-post postid-123". There an element marked for
# another post of the same type is a card of a related or recent post, wherever
# the theme or a block inside the story put it. Other types are no cards: a page
# builder's template (Newspaper's "type-tdb_templates") can hold the whole page.
# Only on a single post's page: on a home or category page the cards are the content.
_POST_CLASS = re.compile(r"(?:^|\s)(post-(?P<id>\d+)|type-(?P<type>[\w-]+))(?=\s|$)")
_SINGLE_POST_BODY = re.compile(r"(?:^|\s)(single-(?!format-)(?P<type>[\w-]+)|postid-(?P<id>\d+))(?=\s|$)")


def _marks(classes: str, pattern: re.Pattern[str]) -> tuple[str | None, str | None]:
    """The post id and post type that `classes` name by `pattern`'s groups."""
    post = kind = None
    for match in pattern.finditer(classes):
        post = match.group("id") or post
        kind = match.group("type") or kind
    return post, kind


def remove_other_posts(tree: LexborHTMLParser, present: Present | None = None) -> None:
    """Remove the cards of other posts of the page's type from a single post's page."""
    body = tree.body
    if body is None or (present is not None and not present.matchable("[class*='post-']")):
        return
    classes = body.attributes.get("class") or ""
    own, kind = _marks(classes, _SINGLE_POST_BODY)
    if own is None or kind is None or "single" not in classes.split():
        return
    doomed = []
    for node in tree.css(f"[class*='type-{kind}']"):
        node_classes = node.attributes.get("class") or ""
        post, node_kind = _marks(node_classes, _POST_CLASS)
        if post is not None and post != own and node_kind == kind and "status-" in node_classes:
            doomed.append(node)
    remove_all(doomed)


# A form that wraps a post, not a control: old Reddit's and some forums' posts sit in
# the form that edits them, with nothing to fill in but hidden fields (and a hidden
# textarea). Its paragraphs are the post's; the form as such is unwrapped before the
# chrome rule removes forms.
_VISIBLE_FIELDS = "input:not([type='hidden' i]), select, button"
MIN_POST_FORM_PROSE = 20


def unwrap_post_forms(tree: LexborHTMLParser, present: Present | None = None) -> None:
    """Unwrap the forms that hold a post's paragraphs and no field a reader fills in."""
    if present is not None and "<form" not in present.keys:
        return
    for form in tree.css("form"):
        if form.css_first(_VISIBLE_FIELDS) is not None:
            continue
        prose = sum(text_length(paragraph) for paragraph in form.css("p"))
        if prose >= MIN_POST_FORM_PROSE:
            for textarea in form.css("textarea"):
                textarea.decompose()  # the post's source, for editing: said again
            form.unwrap()


# A signup box: a form asking for an email address or a phone number, with the
# pitch and the fine print around it ("Get our deals texted to your phone", "By
# clicking Sign Me Up you agree..."), whatever the theme calls its classes (the
# newsletter table knows the plugins' names). A login form (a password field) and
# a contact form (a message box) are other forms.
SIGNUP_FIELDS = "input[type='email' i], input[type='tel' i], input[name*='email' i]"
NOT_SIGNUP_FIELDS = "input[type='password' i], textarea"
# A call to subscribe with no form on the page: a button-styled link to the site's
# signup page ("Subscribe free" → /newsletter/) in a theme's box with a pitch
# (GenerateBlocks, Kadence, the block editor's Buttons). Known by the button and
# where it leads or what it says.
SIGNUP_BUTTONS = "a[class*='button' i], a[class*='btn' i], a[role='button' i]"
_SIGNUP_HREF = re.compile(r"newsletter|subscri|sign-?up|/join\b|/register", re.IGNORECASE)
_SIGNUP_LABEL = re.compile(
    r"\s*(?:subscribe|sign (?:me )?up|join (?:now|free|us|the|our)|get (?:the|our) newsletter"
    r"|abonnieren|jetzt abonnieren|s'abonner|je m'abonne|suscr[ií]b|inscr[ií]b|iscriviti|abonneer)",
    re.IGNORECASE,
)


MAX_SIGNUP_LABEL_CHARS = 40


def _is_signup_button(link: LexborNode) -> bool:
    label = link.text(deep=True, separator=" ") or ""
    return len(label) <= MAX_SIGNUP_LABEL_CHARS and (
        _SIGNUP_LABEL.match(label) is not None
        or _SIGNUP_HREF.search(link.attributes.get("href") or "") is not None
    )


# A newsletter service's signup form framed from its own site: the form is in the
# other document, and the theme's box around the frame holds the pitch.
SIGNUP_FRAMES = (
    "iframe[src*='substack.com/embed' i], iframe[src*='embeds.beehiiv.com' i],"
    " iframe[src*='subscribe-forms.beehiiv.com' i], iframe[src*='buttondown.' i][src*='as_embed' i]"
)
# The box is the form and its ancestors up to this much text: the pitch and the
# fine print, not the column the box sits in.
MAX_SIGNUP_BOX_CHARS = 600


def _form_of(field: LexborNode) -> LexborNode | None:
    node = field.parent
    while node is not None and node.tag != "form":
        node = node.parent
    return node


def _may_be_signup_box(node: LexborNode) -> bool:
    return text_length(node) <= MAX_SIGNUP_BOX_CHARS and not _holds_h1(node)


def remove_signup_boxes(
    tree: LexborHTMLParser, present: Present | None = None, article: bool = False
) -> None:
    """Remove the box around each signup form, found by its fields, around a newsletter
    service's framed form (`SIGNUP_FRAMES`), and, on an `article`'s page, around a
    button-styled link to subscribe (`SIGNUP_BUTTONS`).

    A form holding more than `MAX_SIGNUP_BOX_CHARS`, or the page's `<h1>`, is no
    box: some CMSs wrap the whole page in one form. The box grows to the outermost
    ancestor still within both limits, short of the article's containers.

    Run before the guard looks for the article's container: a signup modal
    ("Unlock 15% off when you subscribe") is a block of prose to its scoring, and
    on a shop's page of short tiles it won, and the tiles went.
    """
    signups: dict[int, LexborNode] = {}  # forms, frames and buttons: where each box is grown from
    if present is None or ("<input" in present.keys and "<form" in present.keys):
        for field in tree.css(SIGNUP_FIELDS):
            form = _form_of(field)
            if form is not None and form.css_first(NOT_SIGNUP_FIELDS) is None:
                signups[form.mem_id] = form
    if present is None or "<iframe" in present.keys:
        signups.update((frame.mem_id, frame) for frame in tree.css(SIGNUP_FRAMES))
    if article:  # on a service's or a shop's page "Sign up" and "Join" are the offer itself
        buttons = present.matchable(SIGNUP_BUTTONS) if present is not None else SIGNUP_BUTTONS
        if buttons:
            signups.update((link.mem_id, link) for link in tree.css(buttons) if _is_signup_button(link))
    boxes: list[LexborNode] = []
    for signup in signups.values():
        if not _may_be_signup_box(signup):
            continue
        box, parent = signup, signup.parent
        while parent is not None and parent.tag not in CONTAINER_TAGS and _may_be_signup_box(parent):
            box, parent = parent, parent.parent
        boxes.append(box)
    remove_all(boxes)  # two forms in one box: the box once


# Characters of prose outside a slideshow that make it part of a story, not the page.
MIN_PROSE_BESIDE_GALLERY = 1_000


def _prose_beside(tree: LexborHTMLParser, gallery: LexborNode) -> int:
    """Characters in the paragraphs of prose (`prose_length`) outside `gallery`."""
    inside = {gallery.mem_id}
    links = LinkLengths()
    return sum(
        prose_length(paragraph, links)
        for paragraph in tree.css("p")
        if not has_ancestor_in(paragraph, inside)
    )


# Links a CMS marks as the post's tags or categories (WordPress's `the_tags()`).
TAG_LINKS = "a[rel~='tag']"
# Letters and digits a tag list holds besides its links: a "Tags" label.
MAX_TAG_LABEL_CHARS = 16


def _letters(node: LexborNode) -> int:
    return sum(ch.isalnum() for ch in node.text(deep=True) or "")


def remove_tag_lists(tree: LexborHTMLParser) -> None:
    """Remove the lists of the post's tags ("Tags: <a rel=tag>x</a>, <a rel=tag>y</a>"),
    whatever their wrapper is called: the element around the tag links that holds
    nothing but them, a label and separators."""
    lists: dict[int, LexborNode] = {}
    for link in tree.css(TAG_LINKS):
        parent = link.parent
        if parent is None or parent.mem_id in lists or is_root(parent) or parent.tag in CONTAINER_TAGS:
            continue
        links = sum(_letters(a) for a in parent.css("a"))
        if _letters(parent) - links <= MAX_TAG_LABEL_CHARS:
            lists[parent.mem_id] = parent
    remove_all([box_of(node) for node in lists.values()])


# Elements that, made of links alone, are another story's headline inside an article.
LINK_PARAGRAPH_TAGS = "p, h3, h4, h5"
_OUTWARD_LINK = "a[href]:not([href^='#'])"


def remove_link_paragraphs(tree: LexborHTMLParser) -> None:
    """In an article, a paragraph or minor heading that is links and nothing else is
    the headline of another story, put between the paragraphs by a related-posts
    widget. Links within the page (a heading's own anchor) do not count.

    Not part of `prune`: on a page that is not an article (a listing, a docs
    index) such lines are the content.
    """
    remove_all(link_paragraphs(tree))


def link_paragraphs(tree: LexborHTMLParser) -> list[LexborNode]:
    """The paragraphs `remove_link_paragraphs` removes, left in place."""
    found = []
    for para in tree.css(LINK_PARAGRAPH_TAGS):
        length = text_length(para)
        if length and sum(text_length(a) for a in para.css(_OUTWARD_LINK)) >= length:
            found.append(para)
    return found


def box_of(node: LexborNode) -> LexborNode:
    """`node`, or its wrapper when the wrapper holds nothing else."""
    target = node
    parent = node.parent
    while parent is not None and parent.tag not in CONTAINER_TAGS and parent.tag != "body":
        if text_length(parent) > text_length(target) + 3:
            break
        target = parent
        parent = parent.parent
    return target

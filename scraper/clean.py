"""Boilerplate pruning on the selectolax tree, before any text is extracted.

The vocabulary lives in the named tables below; the engine at the bottom only
applies them. To teach scraper a new consent manager, comment system or share
plugin, add its markup to the right table.

Two strengths of rule:

* **Strong** rules name markup that is never article text wherever it sits:
  a consent manager's banner, a comment system's thread, a share plugin's
  bar, a related-posts plugin's block. They are removed outright.
* **Weak** rules name class/id words that *usually* mark boilerplate
  ("sidebar", "widget", "promo", ...) but also turn up on wrappers of the
  article itself (`<body class="has-sidebar">`). They remove an element only
  if it holds a small share of the page's text or is mostly links.

Inline "See also" / "Read more" boxes injected between the paragraphs of a
body are caught by wording (`INLINE_RELATED_PREFIXES`) together with link
density, since their markup is whatever the theme chose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import (
    HEADING_TAGS,
    LinkLengths,
    attr_words,
    collapse,
    has_ancestor_in,
    is_root,
    link_density,
    link_text_length,
    outermost,
    prose_length,
    remove_all,
    text_length,
)
from scraper.notices import remove_consent_notices
from scraper.scoring import main_candidate
from scraper.selectors import Present, SelectorSet

# Elements that never carry article text.
NON_CONTENT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "canvas",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "dialog",
)

# Hidden by the page itself: a reader never sees them.
HIDDEN_SELECTORS = (
    "[hidden]",
    # Hidden from screen readers, and mostly from the eye too (closed menus, icons),
    # but for a link: that is a card's duplicate link (`tabindex=-1`), whose headline
    # the reader sees.
    "[aria-hidden='true']:not(a)",
    "[style*='display:none']",
    "[style*='display: none']",
    "[style*='visibility:hidden']",
    "[style*='visibility: hidden']",
    # Text for screen readers only ("Image caption", "opens in a new window"): the
    # utility classes of Bootstrap, WordPress, Tailwind and the like.
    ".sr-only",
    ".visually-hidden",
    ".visuallyhidden",
    ".screen-reader-text",
    ".screen-reader-only",
    ".a11y-hidden",
    ".off-screen",
    # The same under other frameworks' names: Bulma, Drupal, Foundation, older WordPress
    # themes, SUIT CSS, and camel-cased CSS modules.
    ".is-sr-only",
    ".element-invisible",
    ".show-for-sr",
    ".assistive-text",
    ".screenreader-only",
    ".u-visually-hidden",
    ".u-hiddenVisually",
    ".is-visually-hidden",
    ".visuallyHidden",
    ".srOnly",
    # Skip links, shown only while they have the keyboard focus (Bootstrap).
    ".sr-only-focusable",
    ".visually-hidden-focusable",
)

# Hidden until the reader opens it: an accordion's answers, a tab's panel, an element
# `hidden="until-found"` (which find-in-page opens). The text is the page's own, one
# click away, and stays.
COLLAPSED_ROLES = frozenset({"tabpanel", "region"})
_COLLAPSED_RE = re.compile(r"accordion|collaps|tab-?pane|tabpanel|faq|expand", re.IGNORECASE)


def _collapsed(node: LexborNode) -> bool:
    attributes = node.attributes
    return (
        attributes.get("role") in COLLAPSED_ROLES
        or (attributes.get("hidden") or "").lower() == "until-found"
        or bool(_COLLAPSED_RE.search(attr_words(node)))
    )


def disclosed_ids(tree: LexborHTMLParser) -> frozenset[str]:
    """Ids of the panels a control opens: WAI-ARIA's disclosure and accordion
    pattern (`aria-controls` on an element with `aria-expanded`) and a row of tabs,
    whatever the theme calls its classes. Read before the controls go with the
    non-content tags."""
    disclosed = {
        ident
        for control in tree.css("[aria-controls][aria-expanded], [role='tab'][aria-controls]")
        for ident in (control.attributes.get("aria-controls") or "").split()
    }
    return frozenset(disclosed | _tab_row_ids(tree))


# A row of tabs without role="tab": the controls of one list, each opening a panel of
# its own. A lone control opens a popover or a search box, not a panel of the page.
MIN_TAB_ROW = 2
_TAB_ROW = frozenset({"ul", "ol"})
MAX_TAB_DEPTH = 3


def _tab_row_ids(tree: LexborHTMLParser) -> set[str]:
    rows: dict[int, set[str]] = {}
    for control in tree.css("li [aria-controls]:not([aria-expanded])"):
        ident = (control.attributes.get("aria-controls") or "").strip()
        row = control.parent
        for _ in range(MAX_TAB_DEPTH):
            if row is None or row.tag in _TAB_ROW:
                break
            row = row.parent
        if ident and row is not None and row.tag in _TAB_ROW:
            rows.setdefault(row.mem_id, set()).add(ident)
    return {ident for idents in rows.values() if len(idents) >= MIN_TAB_ROW for ident in idents}


# Consent managers: the banner, the preference centre and their overlays.
CONSENT_SELECTORS = (
    "#onetrust-consent-sdk",
    "#onetrust-banner-sdk",
    "#onetrust-pc-sdk",
    ".optanon-alert-box-wrapper",
    "#CybotCookiebotDialog",
    "#CybotCookiebotDialogBodyUnderlay",
    "#cookiebanner",
    ".qc-cmp2-container",
    "#qc-cmp2-container",
    ".qc-cmp-ui-container",
    "#didomi-host",
    ".didomi-popup-container",
    "#usercentrics-root",
    "#uc-banner",
    "#truste-consent-track",
    "#consent_blackbar",
    ".trustarc-banner",
    "#sp_message_container",
    "[id^='sp_message_container']",
    ".fc-consent-root",
    "#cmpbox",
    "#cmpwrapper",
    ".cmpboxBG",
    "#iubenda-cs-banner",
    "#cookie-law-info-bar",
    "#cookie-law-info-again",
    ".cli-modal",
    "#cliSettingsPopup",
    ".cli-popupbar-overlay",
    "#cookie-notice",
    "#moove_gdpr_cookie_info_bar",
    "#moove_gdpr_cookie_modal",
    ".cky-consent-container",
    ".cky-modal",
    "#cmplz-cookiebanner-container",
    ".cmplz-cookiebanner",
    "#BorlabsCookieBox",
    "#catapult-cookie-bar",
    ".cc-window",
    ".cc-banner",
    "#gdpr-cookie-message",
    ".gdpr-banner",
    "[aria-label*='cookie' i]",
    "[aria-label*='consent' i]",
    # Their content blockers: the box standing in for an embed (a video, a map) until
    # the reader consents. Usercentrics, Borlabs, Complianz, Cookiebot.
    ".uc-embedding-container",
    "._brlbs-content-blocker",
    ".cmplz-blocked-content-notice",
    ".cookieconsent-optout-marketing",
    ".cookieconsent-optout-statistics",
    ".cookieconsent-optout-preferences",
)

# Comment systems and comment forms (WordPress core and themes, Disqus,
# Facebook, Blogger, Drupal, Commento, Coral, Hyvor, Giscus, utterances).
COMMENT_SELECTORS = (
    "#comments",
    "#respond",
    ".comments-area",
    ".comment-respond",
    ".comment-form",
    "#commentform",
    ".comment-list",
    "ol.commentlist",
    ".akismet_comment_form_privacy_notice",
    "#disqus_thread",
    ".disqus-comments",
    "#dsq-app",
    ".fb-comments",
    "#comment-holder",
    ".comments-section",
    "#comments-section",
    "section.comments",
    "div.comments",
    "ol.comments",
    ".comments-block",
    ".comment-section",
    ".article-comments",
    ".post-comments",
    ".commentlist",
    "#commento",
    "#coral_thread",
    ".coral-talk-stream",
    "#hyvor-talk-view",
    ".giscus",
    ".utterances",
    "#comment-form",
    ".field--name-comment",
    "[data-component='comments']",
    ".CommentsListSection-root",  # ForumMagnum (LessWrong, EA Forum, Alignment Forum)
)

# Share and social widgets, follow buttons, "like this" blocks.
SHARE_SELECTORS = (
    # Click-to-tweet boxes keep their quote (article text) but lose the button
    # (Social Warfare, Better Click To Tweet).
    ".sw-ctt-btn",
    ".bctt-ctt-btn",
    ".sharedaddy",
    ".sd-sharing-enabled",
    ".jp-sharing-input-touch",
    ".sd-like",
    ".jetpack-likes-widget-wrapper",
    ".addtoany_share_save_container",
    ".a2a_kit",
    ".addthis_toolbox",
    ".addthis_inline_share_toolbox",
    ".sharethis-inline-share-buttons",
    ".st-sticky-share-buttons",
    ".shareaholic-canvas",
    ".ssba",
    ".heateor_sss_sharing_container",
    ".social-share",
    ".social-sharing",
    ".share-buttons",
    ".sharing-buttons",
    ".post-share",
    ".entry-share",
    ".article-share",
    ".share-bar",
    ".social-icons",
    ".social-links",
    ".social-media",
    ".post-sharing",
    ".essb_links",
    ".mashsb-container",
    ".dpsp-share-buttons-wrapper",
    ".share-tools",
    ".sharing",
    ".post-footer-line",
    ".share-button",
    "[class*='share-this']",
    "[aria-label*='share' i]",
)

# Related / recommended / "you may also like" / more-from blocks.
RELATED_SELECTORS = (
    "#jp-relatedposts",
    ".jp-relatedposts",
    ".yarpp-related",
    ".yarpp",
    ".crp_related",
    ".related-posts",
    ".related_posts",
    ".relatedposts",
    ".related-articles",
    ".related-content",
    ".related-stories",
    ".related-links",
    ".related",
    ".rp4wp-related-posts",
    ".jeg_postblock_related",
    ".td-related-row",
    ".td_block_related_posts",
    ".penci-related-posts",
    ".post-related",
    ".more-stories",
    ".more-articles",
    ".recommended",
    ".recommendations",
    ".you-may-like",
    ".read-more-links",
    ".also-read",
    ".see-also",
    ".inline-related",
    ".kg-bookmark-card",
    ".outbrain",
    ".OUTBRAIN",
    "[id^='taboola']",
    ".taboola",
    ".trc_related_container",
    ".zergnet-widget",
    # BrightEdge's SEO link blocks ("Related Pages", "People also search").
    ".be-ix-link-block",
    ".block-views-blockrelated-content",
    ".post-navigation",
    ".nav-links",
    ".navigation.post-navigation",
    ".blog-pager",
    ".pagination",
    ".pager",
)

# Newsletter and subscription boxes.
NEWSLETTER_SELECTORS = (
    "#mc_embed_signup",
    ".mc4wp-form",
    ".newsletter",
    ".newsletter-signup",
    ".newsletter-box",
    ".subscribe-box",
    ".gh-subscribe",
    ".subscription-widget",
    ".optin",
    ".optin-monster",
    "[id^='om-']",
    ".tnp-subscription",
    ".jetpack_subscription_widget",
    ".wp-block-jetpack-subscriptions",
    ".email-signup",
    ".signup-form",
)

# Site chrome: navigation, breadcrumbs, bylines and post meta, tags, ads.
CHROME_SELECTORS = (
    "nav",
    "[role='navigation']",
    "[role='banner']",
    "[role='contentinfo']",
    "[role='search']",
    "[role='complementary']",
    ".breadcrumb",
    ".breadcrumbs",
    "#breadcrumbs",
    "[aria-label='breadcrumb' i]",
    "[aria-label='breadcrumbs' i]",
    ".rank-math-breadcrumb",
    ".yoast-breadcrumb",
    ".skip-link",
    ".screen-reader-text",
    ".sr-only",
    ".visually-hidden",
    ".byline",
    ".post-byline",
    ".entry-meta",
    ".post-meta",
    ".article-meta",
    ".posted-on",
    ".author-box",
    ".author-bio",
    ".about-author",
    ".entry-author",
    ".post-author",
    ".tags-links",
    ".cat-links",
    ".post-tags",
    ".entry-tags",
    ".tag-list",
    ".field--name-field-tags",
    ".post-labels",
    ".ad",
    ".ads",
    ".advert",
    ".advertisement",
    ".ad-slot",
    ".ad-container",
    ".adsbygoogle",
    "ins.adsbygoogle",
    "[id^='div-gpt-ad']",
    "[class^='ad-']",
    ".sponsored",
    "#ez-toc-container",
    ".ez-toc-container",
    ".toc",
    "#toc",
    ".table-of-contents",
    ".print-only",
    # Dialogs and modals are in `DIALOG_SELECTORS`, removed like plugins.
    ".popup",
    ".paywall",
    # The article's own header: title, kicker, dek and byline go to metadata
    # (`ARTICLE_HEADER` too, on pages that are not lists of posts).
    ".entry-header",
    ".article-header",
    ".article__header",
    ".post-header",
    ".story-header",
    ".kicker",
    ".eyebrow",
    ".dek",
    ".standfirst",
    # A forum poster's title, badges and stats beside each post: XenForo,
    # phpBB, Invision, vBulletin.
    ".message-userTitle",
    ".message-userBanner",
    ".message-userExtras",
    "dd.profile-posts",
    "dd.profile-joined",
    "dd.profile-rank",
    ".postprofile dd",  # phpBB 3.0's, whose entries have no class of their own
    ".cAuthorPane_info",
    # Invision 5's topic summary (replies, creation, last reply, popular days, top posters)
    # and its "View in the app" install prompt.
    ".cTopicOverview",
    "i-pwa-install",
    ".userinfo_extra",
    ".extraUserInfo",  # XenForo 1's, under the poster's name
    ".userText .userTitle",
    # ...and the signature under each post: phpBB, SMF and vBulletin 3, vBulletin 4,
    # XenForo, Invision 4, Invision 5, FluxBB and PunBB.
    ".signature",
    ".signaturecontainer",
    ".message-signature",
    ".ipsSignature",
    "[data-role='memberSignature']",
    ".postsignature",
    # XenForo's site notices over every thread ("Welcome to the forum", "Scam alert"), and
    # XenForo 2's sidebar (whose "p-body" spares it the weak-word rule).
    ".js-notices",
    ".p-body-sidebar",
    # A link's preview card in a post, the linked page's own title and summary: Discourse's
    # onebox, XenForo's unfurl.
    "aside.onebox",
    ".bbCodeBlock--unfurl",
    # Affiliate and editorial disclosures above or below the body.
    "[class*='disclosure']",
    ".affiliate-note",
)

# Dialogs and modals: overlays the page opens over itself (terms of service,
# a size guide, a sign-in box), never what the page is about.
DIALOG_SELECTORS = (
    "[role='dialog']",
    "[role='alertdialog']",
    "[aria-modal='true']",
    ".modal",
    "[id^='modal']",
    "[id$='-modal']",
    # HTML's popover attribute: an overlay the browser shows only when a control opens it
    # (an "install this app" card, a tooltip, a menu).
    "[popover]",
    # ARIA's tooltip: text a control shows while it is hovered (a glossary term's definition).
    "[role='tooltip']",
)

# Dialogs named for the site's terms or privacy policy: pages of legal prose
# that outscore a product or collection page's own text, and are never it.
LEGAL_DIALOG_SELECTORS = tuple(
    f"{dialog}[{attribute}*='{word}' i]"
    for dialog in ("[role='dialog']", "[aria-modal='true']", ".modal")
    for attribute in ("id", "class")
    for word in ("terms", "privacy", "legal")
)

# Markup of consent managers and plugins: removed wherever it sits, except
# around the article itself.
PLUGIN_SELECTORS: tuple[str, ...] = (
    *CONSENT_SELECTORS,
    *DIALOG_SELECTORS,
    *LEGAL_DIALOG_SELECTORS,
    *COMMENT_SELECTORS,
    *SHARE_SELECTORS,
    *RELATED_SELECTORS,
    *NEWSLETTER_SELECTORS,
)

# The tables compiled for matching in one walk of the tree.
NON_CONTENT = SelectorSet(NON_CONTENT_TAGS)
HIDDEN = SelectorSet(HIDDEN_SELECTORS)
COMMENTS = SelectorSet(COMMENT_SELECTORS)
CONSENT = SelectorSet(CONSENT_SELECTORS)
PLUGINS = SelectorSet(PLUGIN_SELECTORS)
PLUGINS_BUT_COMMENTS = PLUGINS.without(COMMENTS)
NOT_ARTICLE = COMMENTS + CONSENT + SelectorSet(LEGAL_DIALOG_SELECTORS)
CHROME = SelectorSet((*CHROME_SELECTORS, "form"))
# On a page of many <article>s (a list of posts), their headers are the
# teasers' headlines, not one article's header.
ARTICLE_HEADER = SelectorSet(("article header",))
MAX_ARTICLES_FOR_HEADERS = 3

# class / id words that usually, not always, mark boilerplate.
WEAK_WORDS = (
    "sidebar",
    "widget",
    "promo",
    "banner",
    "footer",
    "header",
    "masthead",
    "menu",
    "social",
    "share",
    "sharing",
    "related",
    "recommend",
    "subscribe",
    "newsletter",
    "signup",
    "cookie",
    "consent",
    "gdpr",
    "popup",
    "overlay",
    "sponsor",
    "advert",
    "trending",
    "popular",
    "latest",
    "most-read",
    "mostread",
    "outbrain",
    "taboola",
    "paywall",
    # Fine print: offer terms, "results may vary", "links to <partner>" under a button.
    "disclaimer",
    # "Was this page helpful?", "Tell us about a lower price", a seller's ratings.
    "feedback",
    # A footer's copyright line and legal links, where the theme puts them inside the
    # content area; WordPress's "has-legal-font-size" fine print.
    "copyright",
    "legal",
)
# Weak on a page that calls itself an article only: there the author's name and date
# over the body are metadata, where a list of teasers names each teaser's author.
ARTICLE_WEAK_WORDS = ("byline",)

# Words page builders also use for content blocks ("elementor-widget-text"):
# these match only at the start of a class token.
TOKEN_START_WORDS = frozenset({"sidebar", "widget", "banner", "footer", "header", "masthead", "menu"})


def _weak_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in TOKEN_START_WORDS) + r")(?:$|[\s_-])"
        # ...or ends one: "left-sidebar", Invision's "ipsLayout_sidebar".
        r"|[_-]sidebar(?:$|\s)"
        r"|(?:^|[\s_-])(?:"
        + "|".join(re.escape(w) for w in words if w not in TOKEN_START_WORDS)
        + r")(?:$|[\s_-])",
        re.IGNORECASE,
    )


_WEAK_RE = _weak_re(WEAK_WORDS)
_ARTICLE_WEAK_RE = _weak_re(WEAK_WORDS + ARTICLE_WEAK_WORDS)


def _weak_candidates(present: Present, words: tuple[str, ...]) -> str:
    """A query for every element whose class or id holds one of `words` anywhere (a
    superset of the weak rule's matches), for the words this page's names hold."""
    names = " ".join(key for key in present.keys if key[0] in ".#")
    return ", ".join(f"[class*='{word}' i], [id*='{word}' i]" for word in words if word in names)


# Wording that opens an inline related-content box, in the languages we see most.
INLINE_RELATED_PREFIXES = (
    "see also",
    "read also",
    "read more",
    "also read",
    "related:",
    # Each also opens its plural ("related articles").
    "related story",
    "related stories",
    "related article",
    "related post",
    "related reading",
    "related content",
    "related link",
    "more on this",
    "you may also like",
    "you might also like",
    "recommended:",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lisez aussi",
    "siehe auch",
    "lesen sie auch",
    "mehr zum thema",
    "auch interessant",
    "das könnte sie auch interessieren",
    "leggi anche",
    "vedi anche",
    "lee también",
    "leer más",
    "ver también",
    "leia também",
    "veja também",
    "lees ook",
    "zie ook",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "читайте также",
    "читайте еще",
    "смотрите также",
    "см. также",
    "по теме",
)

# ...unless the same class/id also names content: page builders put "widget"
# on the block holding the article ("elementor-widget-theme-post-content").
CONTENT_WORDS = (
    "content",
    "article",
    "entry",
    "main",
    "body",
    "story",
    "text",
    "post-",
    "column",
    # Embedded posts (tweets, Instagram, TikTok) quoted by the article are content.
    "embed",
    "tweet",
    # HubSpot's layout cells: every block of its pages is a "widget-span".
    "widget-span",
)
_CONTENT_RE = re.compile("|".join(re.escape(w) for w in CONTENT_WORDS), re.IGNORECASE)

# A weak-rule element is boilerplate only if it holds less than this share
# of the page's text, or is mostly link text.
WEAK_MAX_TEXT_SHARE = 0.25
LINK_DENSITY_BOILERPLATE = 0.6
# Elements an article may live in: never pruned by the weak rules.
CONTAINER_TAGS = frozenset({"html", "body", "main", "article"})


# Below this much text beside a comment thread, the thread is the content.
MIN_ARTICLE_CHARS = 300
ARTICLE_SHARE_OF_THREAD = 0.25


class Guard:
    """Keeps pruning away from the article itself.

    Before any rule fires, the likely main container is found by a
    Readability-style score: every paragraph adds points for its length and
    commas to its parent, half to its grandparent, a third above that; the
    best total, discounted by link density, wins. That container and its
    ancestors are never removed, whatever their class says. Generic rules
    must also leave alone any element holding a large share of the page's
    text, unless it is mostly links.

    A comment thread may not be the article, however long it is, unless the
    page has no article besides it: then the page is a discussion (a forum
    topic, a Q&A page) and its posts are the content (`discussion`). A page
    that calls itself an article (`article_page`) is a discussion only when
    next to nothing stands beside the thread.
    """

    def __init__(
        self,
        tree: LexborHTMLParser,
        present: Present | None = None,
        article_page: bool = False,
        disclosed: frozenset[str] = frozenset(),
    ) -> None:
        present = present if present is not None else Present.of(tree)
        self.disclosed = disclosed
        body = tree.body
        self.total = text_length(body) if body is not None else 0
        self.protected: set[int] = set()
        not_article = NOT_ARTICLE.matches(tree, present)
        candidate = main_candidate(tree, not_article, present)
        # The comment selectors are among NOT_ARTICLE's: where it found nothing,
        # they find nothing, and their query (a walk of the page) is saved.
        threads = COMMENTS.matches(tree, present) if not_article else []
        thread = max((text_length(node) for node in threads), default=0)
        article = _text_beside(candidate, threads) if candidate is not None else 0
        # A page that calls itself an article is one, however long its thread;
        # otherwise an article shorter than a quarter of the thread is its opening post.
        share = 0.0 if article_page else ARTICLE_SHARE_OF_THREAD
        self.discussion = thread > 0 and article < max(MIN_ARTICLE_CHARS, share * thread)
        if self.discussion:
            candidate = main_candidate(tree, CONSENT, present)
        self.container = candidate
        """The likely main container itself (None on a page without paragraphs)."""
        while candidate is not None:
            self.protected.add(candidate.mem_id)
            candidate = candidate.parent

    def may_remove(self, node: LexborNode) -> bool:
        return node.mem_id not in self.protected

    def may_remove_hidden(self, node: LexborNode) -> bool:
        """Hidden text goes, however long, unless it is the article's container or
        one click away: a collapsed panel (`_collapsed`), or one a control discloses
        that is not mostly links (a disclosed panel of links is a menu)."""
        disclosed = node.attributes.get("id") in self.disclosed
        if _collapsed(node) or (disclosed and link_density(node) < LINK_DENSITY_BOILERPLATE):
            return False
        return self.may_remove(node)

    def may_remove_generic(self, node: LexborNode) -> bool:
        if not self.may_remove(node):
            return False
        length = text_length(node)
        return length <= WEAK_MAX_TEXT_SHARE * self.total or link_density(node) >= LINK_DENSITY_BOILERPLATE


def _text_beside(container: LexborNode, threads: list[LexborNode]) -> int:
    """Text of `container` outside the comment threads inside it: a wrapper of
    the whole page scores for its sidebar, but holds no article beside the thread."""
    inside = {container.mem_id}
    held = sum(text_length(node) for node in outermost(threads) if has_ancestor_in(node, inside))
    return text_length(container) - held


def remove_matching(
    tree: LexborHTMLParser,
    table: SelectorSet,
    allowed: Callable[[LexborNode], bool] = lambda _: True,
    present: Present | None = None,
) -> None:
    """Remove the elements matching `table` that `allowed` lets go.

    A match inside an element already let go is not asked about; a match the
    guard keeps may still lose the matches inside it.
    """
    chosen: list[LexborNode] = []
    chosen_ids: set[int] = set()
    for node in table.matches(tree, present):
        if is_root(node) or has_ancestor_in(node, chosen_ids) or not allowed(node):
            continue
        chosen.append(node)
        chosen_ids.add(node.mem_id)
    remove_all(chosen)


def _is_weak(node: LexborNode, rule: re.Pattern[str] = _WEAK_RE) -> bool:
    """A class token that *starts* with a weak word ("sidebar-left", "widget"),
    and no token that names content. A heading's "header" class names the heading
    itself ("header-anchor-post", "section-header"), not the page's header."""
    words = attr_words(node)
    if node.tag in HEADING_TAGS:
        words = _HEADER_TOKEN.sub(" ", words)
    return bool(rule.search(words)) and not _CONTENT_RE.search(words)


_HEADER_TOKEN = re.compile(r"(?:^|(?<=\s))header[\w-]*", re.IGNORECASE)


def starts_with_related_wording(text: str) -> bool:
    # "[Related: …]" and "(See also: …)" set in brackets, as some newsrooms print them.
    lowered = text.lstrip(" \t\n»›>•-–—|:[(").lower()
    return lowered.startswith(INLINE_RELATED_PREFIXES)


def _has_related_wording(root: LexborNode) -> bool:
    """Whether the wording appears anywhere under `root`: a box's text is a
    stretch of its page's text, so a page without it has no box to find."""
    text = collapse(root.text(deep=True, separator=" ") or "").lower()
    # Forty substring scans in C beat one forty-way regex by far.
    return any(prefix in text for prefix in INLINE_RELATED_PREFIXES)


@dataclass(frozen=True, slots=True)
class Pruned:
    """What pruning learnt about the page."""

    discussion: bool
    """The page is a discussion (forum topic, Q&A): its posts are the content."""


class Pruner:
    """Applies the tables to one tree."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree

    def remove_weak(self, root: LexborNode, guard: Guard, present: Present, article: bool = False) -> None:
        """Outermost first: an element inside one already let go is not asked about.
        On a page that calls itself an `article`, `ARTICLE_WEAK_WORDS` are weak too.

        Lexbor finds the elements whose class or id holds a weak word anywhere
        (`_weak_candidates`, in C); the word rules proper run on those alone.
        Matches come in document order, so an element is judged before
        anything inside it is removed, as a top-down walk would.
        """
        chosen: list[LexborNode] = []
        chosen_ids: set[int] = set()
        seen: set[int] = set()
        words, rule = (
            (WEAK_WORDS + ARTICLE_WEAK_WORDS, _ARTICLE_WEAK_RE) if article else (WEAK_WORDS, _WEAK_RE)
        )
        query = _weak_candidates(present, words)
        for node in root.css(query) if query else []:
            if node.mem_id in seen:
                continue  # listed once per selector it matches
            seen.add(node.mem_id)
            if node.tag in CONTAINER_TAGS or has_ancestor_in(node, chosen_ids):
                continue
            if _is_weak(node, rule) and guard.may_remove_generic(node):
                chosen.append(node)
                chosen_ids.add(node.mem_id)
        remove_all(_less_the_content(chosen, guard.container))

    def remove_inline_related(self) -> None:
        """Remove "See also: <link>" boxes: short, led by the wording, mostly a link.

        The elements are read innermost first: an element around one whose text
        is too long for a box holds that text too, and is passed over unread
        (reading every wrapper of the article whole made most of this rule's cost).
        """
        body = self.tree.body
        if body is None or not _has_related_wording(body):
            return
        boxes = []
        too_long: set[int] = set()  # `mem_id`s; the tree is only read until the boxes go
        nodes = self.tree.css("p, div, aside, section, li, h2, h3, h4, h5, h6, strong, span, blockquote")
        for node in reversed(nodes):  # the elements inside an element come before it
            if node.mem_id in too_long:
                continue
            text = collapse(node.text(deep=True, separator=" ") or "")
            if len(text) > 300:
                _mark_with_ancestors(node, too_long)
                continue
            if not text or not starts_with_related_wording(text):
                continue
            if node.css_first("a") is not None or len(text) < 40:
                boxes.append(_box_of(node))
        boxes.reverse()  # in document order, as the elements come
        remove_all(boxes)


# Weak matches holding all but this share of the main container's text are its
# sections, named by the page's own subject: a privacy policy's "legal-section"s, a
# news page's "latest-post"s. Past it they stay, however their class reads.
MAX_WEAK_SHARE_OF_CONTAINER = 6 / 7


def _less_the_content(chosen: list[LexborNode], container: LexborNode | None) -> list[LexborNode]:
    """`chosen` less its members inside `container`, when those hold nearly all its text."""
    if container is None:
        return chosen
    within = {container.mem_id}
    inside = [node for node in chosen if has_ancestor_in(node, within)]
    if not inside:
        return chosen
    held = sum(text_length(node) for node in inside)
    if held < MAX_WEAK_SHARE_OF_CONTAINER * text_length(container):
        return chosen
    kept = {node.mem_id for node in inside}
    return [node for node in chosen if node.mem_id not in kept]


def _mark_with_ancestors(node: LexborNode, ids: set[int]) -> None:
    """Add `node` and the elements around it to `ids`, which holds the ancestors of
    each of its members: an element's text holds the text of each element inside
    it, whole words between its own, so it is at least as long once collapsed."""
    current: LexborNode | None = node
    while current is not None and current.mem_id not in ids:
        ids.add(current.mem_id)
        current = current.parent


# Headings that introduce recommendations rather than the page's own content,
# matched against the whole heading ("You may also like", "Similar items",
# "Customers who viewed this item also viewed", "Ähnliche Artikel").
RECOMMENDATION_HEADINGS = (
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
    r"【?関連(?:記事|ニュース|リンク)】?|相关(?:文章|阅读|新闻)|관련 ?기사",
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
    r"|over de auteur|o autorze|об авторе",
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
    following siblings up to the next one that does. A recommendation section goes
    only if it is mostly link text (the teasers' titles) and not most of the page;
    a bio, if it is short (`MAX_AUTHOR_BOX_CHARS`).
    """
    doomed: list[LexborNode] = []
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
        section = [wrapper, *_followers(wrapper, level)]
        length = sum(text_length(node) for node in section)
        heading_only = len(section) == 1 and wrapper is heading
        if recommendation:
            goes = length <= MAX_SECTION_SHARE * guard.total and _links_or_teasers(section, length)
        else:
            goes = length <= MAX_AUTHOR_BOX_CHARS
        if heading_only or goes:
            doomed.extend(node for node in section if guard.may_remove(node))
    remove_all(doomed)


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
    query = present.matchable(REVIEW_QUERY) if present is not None else REVIEW_QUERY
    if not query:
        return  # no class or id holds the words: nothing to match
    chosen: list[LexborNode] = []
    chosen_ids: set[int] = set()
    for node in tree.css(query):
        if node.mem_id in chosen_ids or is_root(node) or has_ancestor_in(node, chosen_ids):
            continue
        if _names_reviews(node) and node.css_first("h1") is None:
            chosen.append(node)
            chosen_ids.add(node.mem_id)
    remove_all(chosen)


# A signup box: a form asking for an email address or a phone number, with the
# pitch and the fine print around it ("Get our deals texted to your phone", "By
# clicking Sign Me Up you agree..."), whatever the theme calls its classes (the
# newsletter table knows the plugins' names). A login form (a password field) and
# a contact form (a message box) are other forms.
SIGNUP_FIELDS = "input[type='email' i], input[type='tel' i], input[name*='email' i]"
NOT_SIGNUP_FIELDS = "input[type='password' i], textarea"
# The box is the form and its ancestors up to this much text: the pitch and the
# fine print, not the column the box sits in.
MAX_SIGNUP_BOX_CHARS = 600


def _form_of(field: LexborNode) -> LexborNode | None:
    node = field.parent
    while node is not None and node.tag != "form":
        node = node.parent
    return node


def _may_be_signup_box(node: LexborNode) -> bool:
    return text_length(node) <= MAX_SIGNUP_BOX_CHARS and node.css_first("h1") is None


def remove_signup_boxes(tree: LexborHTMLParser, present: Present | None = None) -> None:
    """Remove the box around each signup form, found by its fields.

    A form holding more than `MAX_SIGNUP_BOX_CHARS`, or the page's `<h1>`, is no
    box: some CMSs wrap the whole page in one form. The box grows to the outermost
    ancestor still within both limits, short of the article's containers.

    Run before the guard looks for the article's container: a signup modal
    ("Unlock 15% off when you subscribe") is a block of prose to its scoring, and
    on a shop's page of short tiles it won, and the tiles went.
    """
    if present is not None and not ("<input" in present.keys and "<form" in present.keys):
        return
    forms: dict[int, LexborNode] = {}
    for field in tree.css(SIGNUP_FIELDS):
        form = _form_of(field)
        if form is not None:
            forms[form.mem_id] = form
    boxes: list[LexborNode] = []
    for form in forms.values():
        if not _may_be_signup_box(form) or form.css_first(NOT_SIGNUP_FIELDS) is not None:
            continue
        box, parent = form, form.parent
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


def _may_have_article_headers(present: Present) -> bool:
    """Tags only go from the page, and `present` listed them before pruning: without
    an <article> and a <header> there is nothing to count and nothing to match."""
    return "<article" in present.keys and "<header" in present.keys


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
    remove_all([_box_of(node) for node in lists.values()])


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


def _box_of(node: LexborNode) -> LexborNode:
    """`node`, or its wrapper when the wrapper holds nothing else."""
    target = node
    parent = node.parent
    while parent is not None and parent.tag not in CONTAINER_TAGS and parent.tag != "body":
        if text_length(parent) > text_length(target) + 3:
            break
        target = parent
        parent = parent.parent
    return target


def prune(
    tree: LexborHTMLParser, article: bool = False, present: Present | None = None, shop: bool = False
) -> Pruned:
    """Remove boilerplate from `tree` in place; say what kind of page it is.

    `article`: the page calls itself an article (OpenGraph, JSON-LD, microdata).
    `present`: the page's index (`Present.of`), when the caller has listed it already.
    `shop`: the page offers a product (`scraper.pagetype.is_product_page` or `sells_product`)
    and is no article.

    0. consent notices by their wording and buttons (`scraper.notices`), and
       signup boxes by their forms' fields;
    1. elements that never carry text (scripts, embeds, controls);
    2. find the likely article container and protect it (`Guard`);
    3. hidden elements, where the guard allows;
    4. the plugin tables (consent, comments, share, related, newsletter),
       anywhere but the protected container and its ancestors;
    5. the chrome table and forms, where the guard allows (an article's own
       header too, unless the page is a list of <article>s);
    6. weak class/id words, where the guard allows;
    7. sections under recommendation headings ("Similar items"), by wording and links,
       and author bios under theirs ("About the author");
    8. inline related boxes found by their wording;
    9. tag lists, by their links' rel="tag";
    10. slideshows of many slides, where the guard allows;
    11. on a shop's page, its customer reviews.
    """
    # Listed once: removals only shrink it, and a superset is all matching needs.
    present = present if present is not None else Present.of(tree)
    # Before the controls go with the non-content tags: a notice is known by its buttons.
    remove_consent_notices(tree)
    disclosed = disclosed_ids(tree)
    # Before the fields that tell a signup form go with the non-content tags.
    remove_signup_boxes(tree, present)
    remove_matching(tree, NON_CONTENT, present=present)
    guard = Guard(tree, present, article, disclosed)
    remove_matching(tree, HIDDEN, guard.may_remove_hidden, present)
    remove_matching(tree, PLUGINS_BUT_COMMENTS if guard.discussion else PLUGINS, guard.may_remove, present)
    remove_matching(tree, CHROME, guard.may_remove_generic, present)
    if _may_have_article_headers(present) and len(tree.css("article")) <= MAX_ARTICLES_FOR_HEADERS:
        remove_matching(tree, ARTICLE_HEADER, guard.may_remove_generic, present)
    pruner = Pruner(tree)
    if tree.body is not None:
        pruner.remove_weak(tree.body, guard, present, article)
    # Sections first: a heading such as "You may also like" leads an inline box too,
    # and were that box to go alone, the teasers under it would stay.
    remove_recommendation_sections(tree, guard)
    pruner.remove_inline_related()
    remove_tag_lists(tree)
    remove_galleries(tree, guard, present)
    if shop:
        remove_reviews(tree, present)
    return Pruned(discussion=guard.discussion)

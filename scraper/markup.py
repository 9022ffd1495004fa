"""Boilerplate by its markup: the named selector tables pruning applies.

To teach scraper a new consent manager, comment system or share plugin, add
its markup to the right table. Each table becomes a `SelectorSet`, matched per
page on the selectors whose tag, id or class the page has (`scraper.selectors`).
The tables of **strong** rules name markup that is never article text wherever
it sits: a consent manager's banner, a comment system's thread, a share
plugin's bar, a related-posts plugin's block. Hidden elements are here too,
with the tests for the collapsed and disclosed panels that are not hidden
for good.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import (
    attr_words,
)
from scraper.selectors import SelectorSet

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


def collapsed(node: LexborNode) -> bool:
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
    "#tarteaucitronRoot",
    "#axeptio_overlay",
    ".osano-cm-window",
    ".klaro",
    "#cookiescript_injected",
    ".cookiefirst-root",
    "#termly-code-snippet-support",
    # Civic's Cookie Control, Cookie Information, Shopify's and Wix's own banners,
    # Finsweet's for Webflow.
    "#ccc",
    "#ccc-notify",
    "#coiOverlay",
    "#cookie-information-template-wrapper",
    "#shopify-pc__banner",
    ".shopify-pc__banner__dialog",
    ".consent-banner-root",
    ".fs-cc-banner_component",
    ".fs-cc-prefs_component",
    "[aria-label*='cookie' i]",
    "[aria-label*='consent' i]",
    # Their content blockers: the box standing in for an embed (a video, a map) until
    # the reader consents. Usercentrics, Borlabs, Complianz, Cookiebot.
    ".uc-embedding-container",
    "._brlbs-content-blocker",
    ".brlbs-cmpnt-content-blocker",  # Borlabs 3's placeholder for a blocked embed
    ".cmplz-blocked-content-notice",
    ".cookieconsent-optout-marketing",
    ".cookieconsent-optout-statistics",
    ".cookieconsent-optout-preferences",
)

# Comment systems and comment forms (WordPress core and themes, Disqus,
# Facebook, Blogger, Drupal, Movable Type, Commento, Coral, Hyvor, Giscus, utterances).
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
    # wpDiscuz, Viafoura, Remark42, Isso, Cusdis, Talkyard.
    "#wpdcom",
    "#wpd-threads",
    ".viafoura",
    ".vf-conversations",
    "#remark42",
    "#isso-thread",
    "#cusdis_thread",
    ".talkyard-comments",
    # Movable Type's classic templates: the heading, each comment and its "Posted by"
    # line, the form.
    ".comments-head",
    ".comments-body",
    ".comments-post",
    "#comments-open",
    # Vuukle, Insticator, Livefyre, HashOver, GraphComment, ReplyBox. (Spot.IM's thread is
    # drawn in a shadow root: a saved page holds only its empty <div>.)
    "#vuukle-comments",
    "#vuukle_div",
    "#vuukle-emote",
    ".vukkul-comment",
    "#insticator-commenting",
    "#livefyre-comments",
    "#livefyre",
    ".livefyre",
    "#hashover",
    "#graphcomment",
    "#replybox",
    # Sina's comment block under a story.
    "#bottom_sina_comment",
    ".sina-comment-wrap",
    # The ids and classes hand-written comment blocks go by (after shutup.css's list).
    "#commentsContainer",
    "#comments-list",
    ".comments-list",
    "#comments-container",
    ".comments-container",
    "#commentList",
    "#commentsList",
    "#commentBlock",
    "#commentsBlock",
    "#commentsection",
    "#comment-section",
    "#commentsBox",
    "#commentbox",
    ".commentbox",
    "#commentArea",
    "#user-comments",
    ".user-comments",
    "#reader-comments",
    ".reader-comments",
    "#facebook-comments",
    ".facebook-comments",
    "#fb-comments",
    ".disqus-thread",
    # ...and as local CMSs name them in their languages: Turkish, German, Dutch, Polish,
    # Spanish and Portuguese, French, Italian, Indonesian and Czech.
    "#yorumlar",
    ".yorumlar",
    ".yorum-formu",
    "#kommentare",
    ".kommentare",
    "#reacties",
    ".reacties",
    "#komentarze",
    ".komentarze",
    "#comentarios",
    ".comentarios",
    "#commentaires",
    ".commentaires",
    "#commenti",
    ".commenti",
    "#komentar",
    ".komentar",
    "#komentare",
    ".komentare",
)

# Share and social widgets, follow buttons, "like this" blocks.
SHARE_SELECTORS = (
    # Click-to-tweet boxes keep their quote (article text) but lose the button
    # (Social Warfare, Better Click To Tweet).
    ".sw-ctt-btn",
    ".ns-ctt-cta-container",  # Novashare's
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
    ".dpsp-content-wrapper",  # Grow (Mediavine)'s inline bar
    ".swp_social_panel",  # Social Warfare
    ".et_social_inline",  # Monarch
    ".ns-buttons",  # Novashare
    ".shared-counts-wrap",
    ".sfsi_responsive_icons",  # Ultimate Social Media
    ".sfsi_widget",
    ".sfsiaftrpstwpr",  # its bar after the post, "Please follow and like us:"
    ".kiwi-article-bar",  # Kiwi Social Share
    ".wp-block-outermost-social-sharing",
    ".share-tools",
    ".sharing",
    ".post-footer-line",
    ".share-button",
    "[class*='share-this']",
    "[aria-label*='share' i]",
    # A recipe card's prompt to pin, rate or tag the recipe (WP Recipe Maker).
    ".wprm-call-to-action",
)

# Related / recommended / "you may also like" / more-from blocks.
RELATED_SELECTORS = (
    ".wpp-list",  # WordPress Popular Posts
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
    "[id^='zergnet-widget']",
    # Inline Related Posts' box between paragraphs, and the ad networks' native
    # "stories from around the web" grids: Revcontent, MGID.
    ".irp-box",
    ".rc-widget",
    ".mgbox",
    "[id*='ScriptRootC']",
    # BrightEdge's SEO link blocks ("Related Pages", "People also search").
    ".be-ix-link-block",
    # Related Posts by Taxonomy's shortcode, Kadence's related posts.
    ".rpbt_shortcode",
    ".entry-related",
    # Spot.IM's recirculation grid (by its class: its `data-spotim-module` attribute would
    # be tested on every page), Contextly's recirculation module, Dianomi's sponsored feed.
    ".spotim-recirculation",
    "#ctx-module",
    ".ctx-module-container",
    ".dianomi_context",
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
    ".mailpoet_form",
    ".thrv-leads-form-box",
    ".tve-leads-conversion-object",
    ".om-holder",
    ".et_bloom_inline_form",
    # The embedded forms of MailerLite, Brevo (Sendinblue), Klaviyo, Constant Contact, AWeber.
    ".ml-embedded",
    ".ml-form-embedContainer",
    ".sib-form",
    "#sib-form-container",
    "[class*='klaviyo-form-']",
    ".ctct-inline-form",
    "[class^='AW-Form-']",
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
    # smartbanner.js's "get our app" bar.
    ".smartbanner",
    "#smartbanner",
    ".skip-link",
    # vBulletin 4's block under a thread: its information, who is reading it, similar
    # threads, bookmarks and the posting permissions.
    "#thread_info",
    ".options_block_container",
    # The permalink a docs generator puts beside each heading ("¶", "#", "§"): Sphinx and
    # MkDocs, Docusaurus, VitePress and markdown-it-anchor, AnchorJS, Jupyter, rustdoc.
    "a.headerlink",
    "a.hash-link",
    "a.header-anchor",
    "a.anchorjs-link",
    "a.anchor-link",
    "a.doc-anchor",
    "h1 a.anchor",
    "h2 a.anchor",
    "h3 a.anchor",
    "h4 a.anchor",
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
    # Author box plugins: Simple Author Box, Starbox, Molongui, PublishPress Authors.
    ".saboxplugin-wrap",
    ".abh_box",
    ".m-a-box",
    ".pp-multiple-authors-boxes-wrapper",
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
    # tagDiv's (Newspaper, Newsmag) ad spots in and around the story, with their label.
    ".td-a-rec",
    ".td-adspot-title",
    # Ezoic's slots and their "Report this ad" button.
    ".ezoic-ad",
    "[id^='ezoic-pub-ad']",
    ".ez-report-ad-button",
    # Text-to-speech players a plugin puts above the story: Trinity Audio, BeyondWords.
    ".trinity-tts-pb",
    "#amazon-polly-audio-table",  # AWS's Amazon Polly plugin
    "[id^='trinity-audio']",
    ".beyondwords-player",
    "#beyondwords-player",
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
    # MediaWiki's "[edit]" beside every section heading, and its "Jump to navigation" links.
    ".mw-editsection",
    ".mw-jump-link",
    # A Q&A post's score between its arrows: Stack Exchange's voting column (its
    # Stacks classes, on every site of the network) reads as a lone number per post.
    ".js-voting-container",
    ".votecell",
    ".js-vote-count",
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
    # WordPress's site widgets, in block themes and classic ones: a calendar of posts,
    # archives by month, categories, recent posts and comments, a tag cloud, a login link.
    ".wp-block-calendar",
    ".wp-block-archives",
    ".wp-block-categories",
    ".wp-block-latest-posts",
    ".wp-block-latest-comments",
    ".wp-block-tag-cloud",
    ".wp-block-loginout",
    ".widget_calendar",
    ".widget_archive",
    ".widget_categories",
    ".widget_recent_entries",
    ".widget_recent_comments",
    ".widget_tag_cloud",
    ".widget_meta",
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
# Forms, and the fieldsets that group a form's controls outside one: a shop's filters
# ("Colour: Black, Teal", "Size: XS ... XXL"), whose checkboxes went with the controls.
CHROME = SelectorSet((*CHROME_SELECTORS, "form", "fieldset"))
# On a page of many <article>s (a list of posts), their headers are the
# teasers' headlines, not one article's header.
ARTICLE_HEADER = SelectorSet(("article header",))
MAX_ARTICLES_FOR_HEADERS = 3

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.clean import prune, starts_with_related_wording
from scraper.extract import extract_html
from scraper.sections import is_author_box_heading, is_recommendation_heading
from tests.conftest import ARTICLE_PARAGRAPHS, article_html, page, text_after


def pruned_text(html: str) -> str:
    return text_after(prune, html)


def test_article_survives_pruning() -> None:
    text = pruned_text(article_html())
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in text


# Plugins' boxes that themes and plugins inject between a post's paragraphs, each known
# by its plugin's markup: whatever its wording, it goes.
@pytest.mark.parametrize(
    "box",
    [
        "<div class='osano-cm-window'><p>This website stores data such as cookies.</p></div>",
        "<div id='tarteaucitronRoot'><p>This site uses cookies and gives you control.</p></div>",
        "<div id='wpdcom' class='wpdiscuz_unauth'><p>Notify of new follow-up comments.</p></div>",
        "<div class='viafoura'><div class='vf-conversations'><p>What readers think.</p></div></div>",
        "<div class='dpsp-content-wrapper'><span>Pin it and tell your friends.</span></div>",
        "<div class='swp_social_panel'><span>Total shares so far.</span></div>",
        "<div class='et_social_inline'><span>Spread the word today.</span></div>",
        "<div class='irp-box'><span>You might find this interesting:</span><a href='/5'>Bridges</a></div>",
        "<div class='rc-widget'><p>Stories from around the internet you will love.</p></div>",
        "<div id='M123456ScriptRootC789'><p>Doctors hate this one strange trick.</p></div>",
        "<div id='zergnet-widget-123'><p>Celebrities who look nothing like they used to.</p></div>",
        "<div class='mailpoet_form'><p>Get every new post delivered straight away.</p></div>",
        "<div class='thrv_wrapper thrv-leads-form-box'><p>Download the free checklist now.</p></div>",
        "<div class='saboxplugin-wrap'><div class='saboxplugin-desc'><p>Jane writes about the city "
        "and its politics for the paper.</p></div></div>",
        "<section class='abh_box'><p>About Jane: writer, editor and long-distance swimmer.</p></section>",
        # Comment systems: Vuukle, Insticator, Livefyre, HashOver, GraphComment.
        "<div class='vukkul-comment'><div id='vuukle-emote'><p>What is your reaction?</p></div>"
        "<div id='vuukle_div'><p>Eleven people talk about this.</p></div></div>",
        "<div class='insticator-unit'><div id='insticator-commenting'><p>Guest: great piece.</p></div></div>",
        "<div id='livefyre-comments'><p>Sign in to join 45 others.</p></div>",
        "<div id='hashover'><p>Anna wrote: a fine bridge at last.</p></div>",
        "<div id='graphcomment'><p>Anna wrote: a fine bridge at last.</p></div>",
        # ...hand-written comment blocks by their ids and classes...
        "<div id='commentList'><div><p>Anna wrote: a fine bridge at last.</p></div></div>",
        "<div class='reader-comments'><div><p>Anna wrote: a fine bridge at last.</p></div></div>",
        # ...and recirculation modules: Contextly's, Dianomi's sponsored feed.
        "<div id='ctx-module' class='ctx-module-container'><a href='/7'>An older story on it</a></div>",
        "<div class='dianomi_context' data-dianomi-context-id='443'><p>Retire early on this.</p></div>",
        # Share bars: Kiwi, Ultimate Social Media.
        "<ul class='kiwi-article-bar kiwi-article-bar-center'><li><a href='#'>Spread the love</a></li></ul>",
        "<div class='sfsi_widget' data-position='widget'><div id='sfsi_wDiv'>Please follow us</div></div>",
        # Consent banners whose wording names no cookie: Civic's, Cookie Information's,
        # Shopify's, Wix's, Finsweet's.
        "<div id='ccc'><div id='ccc-notify'><h3>This site uses technologies to work.</h3></div></div>",
        "<div id='coiOverlay'><div>This website uses technologies to improve your visit.</div></div>",
        "<div id='shopify-pc__banner'><div class='shopify-pc__banner__dialog'>We use them.</div></div>",
        "<div class='consent-banner-root'><p>This website uses technologies. Accept</p></div>",
        "<div fs-cc='banner' class='fs-cc-banner_component'><div>By clicking Accept you agree.</div></div>",
        # Mailing-list forms: MailerLite, Brevo, Klaviyo, Constant Contact, AWeber.
        "<div class='ml-form-embedContainer ml-subscribe-form'><h4>The Sunday letter</h4></div>",
        "<div class='sib-form'><div id='sib-form-container'><p>The Sunday letter.</p></div></div>",
        "<div class='klaviyo-form-XYZ123'><p>The Sunday letter.</p></div>",
        "<div class='ctct-inline-form' data-form-id='1'><p>The Sunday letter.</p></div>",
        "<div class='AW-Form-123456'><p>The Sunday letter.</p></div>",
        # smartbanner.js's app bar.
        "<div class='smartbanner smartbanner--android'><div class='smartbanner__info'>Our app</div></div>",
        # Related posts: Related Posts by Taxonomy, Kadence.
        "<div class='rpbt_shortcode'><h3>More on this</h3>"
        "<ul><li><a href='/8'>The old bridge</a></li></ul></div>",
        "<div class='entry-related'><h2 class='entry-related-title'>Similar Posts</h2>"
        "<a href='/9'>The old bridge</a></div>",
        # Ezoic's slot and its report button; text-to-speech players: Trinity Audio, BeyondWords.
        "<span class='ezoic-ad ezoic-at-0 medrectangle-3'><span class='ezoic-ad'>Sponsored pick</span></span>"
        "<div class='ez-report-ad-button'>Flag it</div>",
        # vBulletin 4's thread information and posting permissions.
        "<div id='thread_info' class='block'><h4>Thread Information</h4><p>Users Browsing</p></div>",
        "<div class='options_block_container'><h4>Posting Permissions</h4><p>You may not</p></div>",
        # Sina's comment block.
        "<div id='bottom_sina_comment' class='sina-comment-wrap'><p>这个政策真的很实用</p></div>",
        # tagDiv's (Newspaper) ad spot in the story, with its label.
        "<div class='td-a-rec td-a-rec-id-content_inline'><span class='td-adspot-title'>Paid</span></div>",
        "<div class='trinity-tts-pb' dir='ltr'><div>Hear it read</div><span>Powered by a voice</span></div>",
        "<div id='beyondwords-player'><p>Hear it read, 4 minutes</p></div>",
        "<table id='amazon-polly-audio-table'><tr><td><p>Hear it</p></td></tr></table>",
        # Borlabs 3's stand-in for a blocked video; Ultimate Social Media's bar after the post.
        "<div class='brlbs-cmpnt-container brlbs-cmpnt-content-blocker'><p>A stand-in for a video.</p></div>",
        "<div class='sfsiaftrpstwpr'><div class='sfsi_Sicons'><span>Follow along:</span></div></div>",
        # WordPress Popular Posts' list, with its excerpts and no heading.
        "<ul class='wpp-list'><li><a class='wpp-post-title' href='/p'>County budget</a>"
        "<div class='wpp-excerpt'>Six things to know about it.</div></li></ul>",
    ],
)
def test_plugin_boxes_between_paragraphs_go(box: str) -> None:
    assert pruned_text(article_html(extra_inside=box)) == pruned_text(article_html())


@pytest.mark.parametrize(
    "box",
    [
        "<div class='links-block'><h2>Related Topics</h2><ul><li><a href='/t1'>Transport</a></li>"
        "<li><a href='/t2'>Local government</a></li></ul></div>",
        "<section><h2>Popular now</h2><a href='/p1'>Nine things to do this weekend</a></section>",
    ],
)
def test_a_recommendation_box_between_paragraphs_takes_none_of_them(box: str) -> None:
    # Boxed with its links, the heading's section is the box: the paragraphs after it
    # are the article's, however many links the box holds beside them.
    text = pruned_text(article_html(extra_inside=box))
    assert "Transport" not in text and "Nine things" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_consent_managers_removed() -> None:
    banners = (
        "<div id='onetrust-consent-sdk'>"
        "<div id='onetrust-banner-sdk'>We value your privacy. I Accept</div></div>"
        "<div id='CybotCookiebotDialog'>This website uses cookies. Allow all</div>"
        "<div class='qc-cmp2-container'>We and our partners store information. AGREE</div>"
    )
    text = pruned_text(article_html(extra_outside=banners))
    assert "privacy" not in text and "Allow all" not in text and "AGREE" not in text


@pytest.mark.parametrize(
    "blocker",
    [
        "<div class='uc-embedding-container'><h3>We need your consent to load the YouTube video</h3>"
        "<p>You are seeing placeholder content from YouTube Video. Click the button to load it.</p></div>",
        "<div class='_brlbs-content-blocker'><div class='_brlbs-embed'><p>Click on the button to load the"
        " content from www.youtube.com, the video platform of our partner.</p></div></div>",
        "<div class='cmplz-blocked-content-notice'>"
        "Click to accept marketing cookies and enable this content</div>",
        "<div class='cookieconsent-optout-marketing'>"
        "Please accept marketing cookies to watch this video.</div>",
    ],
)
def test_a_consent_managers_stand_in_for_a_blocked_embed_is_removed(blocker: str) -> None:
    """Inside the article, long enough not to pass for a short embed: it goes by its markup."""
    text = pruned_text(article_html(extra_inside=f"<div class='video-embed'>{blocker}</div>"))
    assert "consent" not in text and "cookies" not in text and "load" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_comment_systems_and_forms_removed() -> None:
    comments = (
        "<div id='comments' class='comments-area'><ol class='comment-list'><li>Great post! Bob</li></ol>"
        "<div id='respond' class='comment-respond'><h3>Leave a Comment</h3><form id='commentform'>"
        "<p class='akismet_comment_form_privacy_notice'>This site uses Akismet to reduce spam.</p>"
        "</form></div></div>"
        "<div id='disqus_thread'>Please enable JavaScript to view the comments</div>"
    )
    text = pruned_text(article_html(extra_outside=comments))
    assert "Great post" not in text and "Akismet" not in text and "Leave a Comment" not in text
    assert "Please enable JavaScript" not in text


def test_movable_types_comments_are_removed() -> None:
    """Movable Type's classic templates give no id or class WordPress themes use: a
    "comments-head", then each comment's "comments-body" and "Posted by" line."""
    thread = (
        "<div class='comments-head'><a name='comments'></a>Comments</div>"
        "<div class='comments-body'><p>I dislike the term and think we should stop using it.</p>"
        "<span class='comments-post'>Posted by: Lee at December 16, 2025 01:11 PM</span></div>"
        "<form id='comments-form'><div id='comments-open'>Post a comment</div></form>"
    )
    text = pruned_text(article_html(extra_outside=thread))
    assert "I dislike the term" not in text and "Posted by" not in text and "Comments" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "widgets",
    [
        # A block theme's sidebar: a template part in a column beside the post.
        "<div class='wp-block-template-part'>"
        "<ul class='wp-block-latest-posts__list wp-block-latest-posts'><li>"
        "<a class='wp-block-latest-posts__post-title' href='/p/7'>Threshold of Evil</a></li></ul>"
        "<div class='wp-block-calendar'><table class='wp-calendar-table'><caption>December 2025</caption>"
        "<tr><td>1</td><td>2</td><td>3</td></tr></table></div>"
        "<ul class='wp-block-archives-list wp-block-archives'>"
        "<li><a href='/2025/11/'>November 2025</a></li></ul>"
        "<ul class='wp-block-categories-list wp-block-categories'>"
        "<li><a href='/c/reviews'>Reviews</a></li></ul>"
        "<div class='wp-block-tag-cloud'><a href='/t/dnd'>dnd</a></div></div>",
        # A classic theme's widgets, in a wrapper without a sidebar's name.
        "<div class='col-4'><section class='widget widget_recent_entries'><ul><li>"
        "<a href='/p/7'>Threshold of Evil</a></li></ul></section>"
        "<section class='widget_calendar'><table><caption>December 2025</caption></table></section>"
        "<section class='widget_archive'><ul><li><a href='/2025/11/'>November 2025</a></li></ul></section>"
        "<section class='widget_categories'><ul><li><a href='/c/reviews'>Reviews</a></li></ul>"
        "</section></div>",
    ],
)
def test_wordpress_site_widgets_are_removed(widgets: str) -> None:
    text = pruned_text(article_html(extra_outside=widgets))
    for widget_text in ("Threshold of Evil", "December 2025", "November 2025", "Reviews", "dnd"):
        assert widget_text not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_inline_see_also_between_paragraphs_removed() -> None:
    inline = "<p><strong>See also</strong> <a href='/x'>Four dead after missile attack on Kramatorsk</a></p>"
    text = pruned_text(article_html(extra_inside=inline))
    assert "Kramatorsk" not in text
    assert ARTICLE_PARAGRAPHS[2] in text


@pytest.mark.parametrize(
    "inline",
    [
        "<p>[Read: <a href='/x'>Four dead after missile attack on Kramatorsk</a>]</p>",
        "<p><strong>Te puede interesar:</strong> <a href='/x'>Cuatro muertos en Kramatorsk</a></p>",
        "<p><strong>Leia mais:</strong> <a href='/x'>Quatro mortos em Kramatorsk</a></p>",
        "<p><strong>Ti potrebbe interessare:</strong> <a href='/x'>Quattro morti a Kramatorsk</a></p>",
        "<p>Sur le même sujet : <a href='/x'>Quatre morts à Kramatorsk</a></p>",
    ],
)
def test_inline_teasers_in_other_wordings_removed(inline: str) -> None:
    text = pruned_text(article_html(extra_inside=inline))
    assert "Kramatorsk" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_video_storys_title_is_no_teaser_label() -> None:
    # "Watch: …" on a front page is the title of a video story, not a box to drop.
    story = "<p>Watch: <a href='/v'>Huge flames over the harbour after the storm</a></p>"
    assert "Huge flames" in pruned_text(article_html(extra_inside=story))


def test_weak_words_spare_the_article_wrapper() -> None:
    # A theme that puts "sidebar" in the class of the element around the article.
    html = article_html().replace("<main>", "<main class='content-with-sidebar'>")
    text = pruned_text(html)
    assert ARTICLE_PARAGRAPHS[0] in text


def test_a_heading_classed_header_is_the_articles() -> None:
    """Substack's section headings are `h2.header-anchor-post`: "header" names the heading,
    not the page's header, which goes as before."""
    heading = "<h2 class='header-anchor-post'>Introducing mentor mode</h2>"
    masthead = "<div class='header-bar'><span>Subscribe to our list</span></div>"
    text = pruned_text(article_html(extra_inside=heading, extra_outside=masthead))
    assert "Introducing mentor mode" in text and "Subscribe to our list" not in text


# A theme's "left-sidebar" (the word ends the class), and XenForo 2's "p-body-sidebar",
# which the content word "body" spares from the word rule: it goes by its markup.
@pytest.mark.parametrize("sidebar_class", ["left-sidebar", "p-body-sidebar"])
def test_a_sidebar_named_at_the_end_of_its_class_goes(sidebar_class: str) -> None:
    sidebar = (
        f"<div class='{sidebar_class}'><h3>Forum statistics</h3><p>Threads 182,004 and members "
        "52,311 since the board opened.</p></div>"
    )
    text = pruned_text(article_html(extra_outside=sidebar))
    assert "Forum statistics" not in text and "members" not in text


def test_small_weak_blocks_go() -> None:
    widget = "<div class='sidebar-widget'><h4>Popular</h4><a href='/a'>Ten things</a></div>"
    assert "Ten things" not in pruned_text(article_html(extra_outside=widget))


def test_fine_print_goes_by_its_class() -> None:
    """Offer terms and partner notes under buttons, whatever the block they sit in:
    "pdp-disclaimer", "Footnotes_disclaimer__x1" (CSS modules), "btn-disclaimer"."""
    fine_print = (
        "<div class='pdp-disclaimer'><p>Rates between 0 and 36% APR; subject to eligibility.</p></div>"
        "<p class='Footnotes_disclaimer__x1'>All articles are reviewed by our fact checkers.</p>"
        "<a class='btn' href='https://partner.example/go'>Get a quote</a>"
        "<span class='btn-disclaimer'>Links to Partner</span>"
    )
    text = pruned_text(article_html(extra_inside=fine_print))
    assert "APR" not in text and "fact checkers" not in text and "Links to Partner" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    ("box", "gone"),
    [
        # A "Latest news" box, beside "trending" and "popular".
        (
            "<section class='c-latest-news'><h3>Just in</h3><p>Council votes on the harbour plan tonight; "
            "<a href='/a'>read the agenda</a>.</p><p>New tram line opens on Monday.</p></section>",
            ["harbour plan", "tram line"],
        ),
        ("<div class='page-feedback'><p>Was this page helpful?</p><button>Yes</button></div>", ["helpful"]),
        # WordPress's legal-size fine print, and a footer's legal links and copyright line
        # that the theme put inside the content area.
        (
            "<p class='has-legal-font-size'>Offer valid for new members in the contiguous states.</p>",
            ["Offer valid"],
        ),
        ("<ul class='footer__legal'><li><a href='/terms'>Terms of Use</a></li></ul>", ["Terms of Use"]),
        ("<div class='site-copyright'>Example Media Group, all rights reserved.</div>", ["rights reserved"]),
    ],
)
def test_weak_class_words_remove_their_boxes(box: str, gone: list[str]) -> None:
    text = pruned_text(article_html(extra_inside=box))
    assert not [words for words in gone if words in text]
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize("section_class", ["legal-section", "latest-post", "promo-block"])
def test_sections_that_are_the_whole_container_stay_whatever_their_class(section_class: str) -> None:
    """A privacy policy made of "legal-section"s, a news page of "latest-post"s: weak words
    that name nearly all of the main container's text name the page's subject, not boilerplate."""
    sections = "".join(
        f"<section class='{section_class}'><h2>{n}. Section {n}</h2><p>We keep the data you give us "
        f"for as long as your account is open, and delete it within {n * 10} days of closing.</p></section>"
        for n in range(1, 7)
    )
    html = page(
        f"<header><nav><a href='/'>Home</a></nav></header><main><div class='page'><h1>Privacy</h1>"
        f"{sections}</div></main><footer>© 2024 Example</footer>"
    )
    text = pruned_text(html)
    assert all(f"within {n * 10} days" in text for n in range(1, 7))


def test_a_byline_box_goes_from_an_article_only() -> None:
    """A byline box goes from a page that calls itself an article; on a list of teasers
    it names each teaser's author and stays."""
    byline = "<div class='c-byline'><span>Written by Dana Okafor, Staff Writer</span></div>"
    html = article_html(extra_inside=byline)
    assert "Dana Okafor" not in text_after(lambda tree: prune(tree, article=True), html)
    assert "Dana Okafor" in pruned_text(html)


def test_page_wrapped_in_a_form_is_kept() -> None:
    html = (
        article_html().replace("<main>", "<form id='aspnetForm'><main>").replace("</main>", "</main></form>")
    )
    assert ARTICLE_PARAGRAPHS[3] in pruned_text(html)


def test_a_shops_filter_groups_go_with_the_forms() -> None:
    # A catalogue's facets: checkbox labels grouped in fieldsets, outside any <form>.
    facets = (
        "<div class='filters'><fieldset><legend>Colour</legend>"
        "<label><input type='checkbox'> Black</label><label><input type='checkbox'> Teal</label>"
        "</fieldset><fieldset><legend>Size</legend><label><input type='checkbox'> XS</label>"
        "<label><input type='checkbox'> XXL</label></fieldset></div>"
    )
    text = pruned_text(article_html(extra_outside=facets))
    assert "Teal" not in text and "Colour" not in text
    assert ARTICLE_PARAGRAPHS[3] in text


def test_related_wording_in_several_languages() -> None:
    for text in ("See also: x", "Lire aussi : y", "Siehe auch z", "Читайте также: q", "» Read more"):
        assert starts_with_related_wording(text)
    # Singular and plural alike.
    for text in ("Related article The Smart Thermostat Buying Guide", "RELATED READING: Essay FAQs"):
        assert starts_with_related_wording(text)
    assert not starts_with_related_wording("Seeing is believing")


@pytest.mark.parametrize(
    "text",
    [
        "আরও পড়ুন: ঢাকায় বৃষ্টি",
        "קראו גם: הכנסת אישרה",
        "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Η Βουλή",
        "Διαβάστε επίσης: Η Βουλή",
        "ये खबर भी पढ़िए... दिल्ली में बारिश",
        "Zobacz także: Sejm przyjął ustawę",
        "Bekijk ook: Kabinet valt",
        "İlgili Haberler",
        "อ่านเพิ่มเติม: ฝนตกหนัก",
    ],
)
def test_related_wording_in_more_languages(text: str) -> None:
    assert starts_with_related_wording(text)


def test_text_for_screen_readers_only_is_removed() -> None:
    figure = (
        "<figure><img src='a.jpg' alt=''><figcaption><span class='sr-only'>Image caption</span>"
        "The embankment at dawn</figcaption></figure>"
        "<p><a href='/share'>Share<span class='screen-reader-text'> (opens in a new window)</span></a></p>"
    )
    text = pruned_text(article_html(extra_inside=figure))
    assert "The embankment at dawn" in text
    assert "Image caption" not in text and "opens in a new window" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_screen_reader_text_under_other_frameworks_names_is_removed() -> None:
    # Bulma, Drupal, Foundation, SUIT CSS, a CSS module; and a Bootstrap skip link.
    hidden = {
        "is-sr-only": "Bibliographic Explorer Toggle",
        "element-invisible": "You are here",
        "show-for-sr": "Current page",
        "u-hiddenVisually": "Opens in a new tab",
        "visuallyHidden": "Share this story",
        "sr-only-focusable": "Skip to main content",
    }
    spans = "".join(
        f"<p><span class='{name}'>{words}</span><a href='/x'>x</a></p>" for name, words in hidden.items()
    )
    text = pruned_text(article_html(extra_inside=spans))
    assert not [words for words in hidden.values() if words in text]
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


PRODUCT_CARDS = "".join(
    f"<div class='card'><h3><a href='/p/{n}'>Linen shirt in colour number {n}</a></h3>"
    f"<span>$4{n}.00</span></div>"
    for n in range(12)
)


def test_sections_under_recommendation_headings_are_removed() -> None:
    """A carousel of other products under "Similar items", cards headed by
    their own <h3>s, whatever the theme calls its markup."""
    heading = "<div class='x2'><h2>Similar items</h2></div>"
    carousel = f"<div class='x1'>{heading}<ul class='x3'>{PRODUCT_CARDS}</ul></div>"
    text = pruned_text(article_html(extra_outside=carousel))
    assert "Similar items" not in text and "Linen shirt" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_recommendation_heading_over_prose_keeps_the_prose() -> None:
    """The section runs to the next heading of its rank, and goes only if it is mostly links."""
    section = "<h2>Trending now</h2><p>" + " ".join(ARTICLE_PARAGRAPHS[:2]) + "</p><h2>Next part</h2>"
    text = pruned_text(article_html(extra_inside=section))
    assert ARTICLE_PARAGRAPHS[0] in text and "Next part" in text
    for heading in (
        "Similar items",
        "Customers who viewed this item also viewed",
        "Ähnliche Artikel",
        "Customers also bought",
        "Seller's other items",
        "Similar products from other stores",
        "Check out other related discussions",
        "Trending topics",
        "Related Blog Posts",
        "Related investing topics",
        "Our Related Services",
        "【関連記事】",
        "相关阅读",
        "猜你喜欢",
        "あわせて読みたい",
        "많이 본 뉴스",
        "İlgili Haberler",
        "Bài viết liên quan",
        "Artikel Terkait",
        "مقالات ذات صلة",
        "Související články",
        "संबंधित खबरें",
        "More Articles You Might Enjoy",
        "Other posts you may like",
        "Recent Posts",
        "Latest articles",
    ):
        assert is_recommendation_heading(heading)
    for heading in (
        "Specifications",
        "Things you will love about Lisbon",
        "Related work",
        "Trending topics in 2024 elections",
        "Related legal work",
        "Recent posts on the forum show a pattern",
    ):
        assert not is_recommendation_heading(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "<h3>相关阅读</h3>",
        "<h2>関連記事</h2>",
        "<h3>猜你喜欢</h3>",
        "<h4>관련기사</h4>",
        "<p><strong>관련기사</strong></p>",
    ],
)
def test_related_lists_on_chinese_japanese_and_korean_pages_go(heading: str) -> None:
    """Under its heading, or after its inline label, a list of other stories between paragraphs."""
    box = f"<div class='x7'>{heading}<ul><li><a href='/a1'>市区新增五座口袋公园</a></li>"
    box += "<li><a href='/a2'>河滨绿道二期工程通过验收</a></li></ul></div>"
    text = pruned_text(article_html(extra_inside=box))
    assert "口袋公园" not in text and "河滨绿道" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_column_of_teasers_under_a_recommendation_heading_is_removed() -> None:
    """Linked titles over unlinked excerpts: little link text, but a link per teaser."""
    teasers = "".join(
        f"<li><a href='/diet/{n}'>Diet number {n}</a><p>A popular diet for an active life: "
        f"lose up to {n} kg in two weeks, with two menus to choose from.</p></li>"
        for n in range(8)
    )
    section = f"<div class='box'><h2>Самые популярные диеты</h2><ul>{teasers}</ul></div>"
    text = pruned_text(article_html(extra_outside=section))
    assert "Diet number" not in text and "popular diet" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_recommendation_heading_in_its_own_box_takes_its_teasers_along() -> None:
    """The heading's short box reads like an inline "You may also like" box; were it to
    go alone, the teasers beside it would no longer be under any heading."""
    teasers = "".join(
        f"<li><a href='/post/{n}'>Another long post on smart homes and what they save, part {n}</a></li>"
        for n in range(8)
    )
    section = f"<div class='x1'><div class='x2'><h3>You may also like:</h3></div><ul>{teasers}</ul></div>"
    text = pruned_text(article_html(extra_outside=section))
    assert "smart homes" not in text and "also like" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_an_article_section_after_a_read_next_heading_is_kept() -> None:
    """A section with a link or two in its prose is the article's, whatever heading precedes it."""
    section = (
        "<h3>What to read next</h3><p><a href='/a'>Budget meals</a></p>"
        "<p><strong>Sunday</strong></p><p>" + " ".join(ARTICLE_PARAGRAPHS[:3]) + "</p>"
    )
    text = pruned_text(article_html(extra_inside=section))
    assert "Sunday" in text and ARTICLE_PARAGRAPHS[0] in text


def test_tag_lists_are_removed_by_their_links_rel() -> None:
    """WordPress's tag list, in whatever wrapper the theme gives it; a tag link in prose stays."""
    tags = ", ".join(f"<a href='/tag/t{n}' rel='tag'>stock car {n}</a>" for n in range(8))
    inline = "<p>The season opens at <a href='/tag/interlagos' rel='tag'>Interlagos</a> in April.</p>"
    text = pruned_text(article_html(extra_inside=f"<strong>Tags<br>{tags}</strong>{inline}"))
    assert "stock car" not in text and "Tags" not in text
    assert "The season opens at Interlagos in April." in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_collapsed_accordion_and_tab_panels_are_content() -> None:
    """An FAQ's answers and a tab's panel are hidden until opened, not boilerplate."""
    faq = (
        "<div class='faq'><h3>Do you ship abroad?</h3>"
        "<div class='accordion-body' hidden><p>Yes, to every country in the European Union.</p></div>"
        "<div role='tabpanel' aria-hidden='true'><p>Returns are free within thirty days.</p></div></div>"
        "<div hidden='until-found'><p>Orders ship within two working days.</p></div>"
        "<div class='modal' aria-hidden='true'><p>Sign in to your account</p></div>"
    )
    text = pruned_text(article_html(extra_inside=faq))
    assert "every country in the European Union" in text and "Returns are free" in text
    assert "ship within two working days" in text  # find-in-page opens it
    assert "Sign in to your account" not in text


def test_a_link_hidden_from_screen_readers_only_is_still_read() -> None:
    """`aria-hidden` on a link is the accessible card's duplicate link (the card's own
    link carries the name): a reader sees its text. Other aria-hidden elements go."""
    cards = "".join(
        f"<div class='card'><a href='/story-{n}' aria-hidden='true' tabindex='-1'>"
        f"<h3>Headphones story number {n}</h3></a><a href='/story-{n}'>Read story {n}</a></div>"
        for n in range(3)
    )
    text = pruned_text(article_html(extra_inside=cards + "<div aria-hidden='true'>Close menu</div>"))
    assert all(f"Headphones story number {n}" in text for n in range(3))
    assert "Close menu" not in text


def test_hubspot_layout_cells_are_not_widgets() -> None:
    """HubSpot calls every layout cell a "widget-span"; the weak "widget" rule spares them."""
    cells = "".join(
        f"<div class='span12 widget-span widget-type-custom_widget'><p>{p}</p></div>"
        for p in ARTICLE_PARAGRAPHS
    )
    text = pruned_text(page(f"<div class='body-container'>{cells}</div>"))
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_dialogs_are_removed_unless_they_hold_the_article() -> None:
    dialog = (
        "<div class='modal fade' role='dialog'><h2>Sign in</h2>"
        "<p>Enter your email address and password to continue to your account.</p></div>"
    )
    text = pruned_text(article_html(extra_outside=dialog))
    assert "Sign in" not in text and "password" not in text
    # A stream that opens its stories in a modal: the story is the page.
    html = (
        article_html().replace("<main>", "<div id='story-modal'><main>").replace("</main>", "</main></div>")
    )
    assert all(paragraph in pruned_text(html) for paragraph in ARTICLE_PARAGRAPHS)


def test_hidden_text_goes_however_long_it_is() -> None:
    """Text a reader never sees is not the article, even when it is a large share of the page
    (though not the article's own container: pages that reveal their article by script
    hide it all until then)."""
    hidden = "".join(f"<p>{p} Hidden.</p>" for p in ARTICLE_PARAGRAPHS[:3])
    html = article_html(extra_inside=f"<div style='visibility: hidden;'>{hidden}</div>")
    text = pruned_text(html)
    assert "Hidden." not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_slideshow_of_many_slides_is_removed_but_a_figure_stays() -> None:
    slides = "".join(
        f"<li><h2>{n}/12 Other news</h2><p>Caption of another story, number {n}.</p></li>" for n in range(12)
    )
    gallery = f"<div class='full-gallery'><ul>{slides}</ul></div>"
    figure = (
        "<figure class='wp-block-gallery'><img src='a.jpg'><figcaption>The embankment at dawn</figcaption>"
    )
    text = pruned_text(article_html(extra_inside=gallery + figure + "</figure>"))
    assert "Other news" not in text and "Caption of story" not in text
    assert "The embankment at dawn" in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_mathml_equations_are_article_text() -> None:
    math = "<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions.</p>"
    text = pruned_text(article_html(extra_inside=math))
    assert "a ≠ 0" in text


def test_headers_of_teaser_cards_stay_an_articles_own_header_goes() -> None:
    cards = "".join(
        f"<article><header><h2><a href='/s/{n}'>Teaser headline {n}</a></h2></header>"
        f"<p>Excerpt {n}.</p></article>"
        for n in range(6)
    )
    assert all(f"Teaser headline {n}" in pruned_text(page(f"<main>{cards}</main>")) for n in range(6))
    header = "<header><p class='kicker-line'>Weather desk, updated hourly</p></header>"
    html = article_html().replace("<h1>A test article</h1>", header)
    assert "Weather desk" not in pruned_text(html)


def test_terms_dialog_is_never_the_content_however_long() -> None:
    # A shop's terms of service sit in a modal and outweigh the product text:
    # the scorer must not take the dialog for the main container.
    terms = "".join(
        f"<p>Section {n}. By using the store you agree to these terms, including arbitration, limits on "
        "liability, returns, and the governing law of the state of Delaware.</p>"
        for n in range(30)
    )
    html = page(
        "<main><h1>Wool Runner</h1><p>A true original, our Wool Runner combines soft merino wool with "
        "cloud-like comfort, a sugarcane-based midsole and laces made from recycled bottles.</p>"
        "<p>Machine washable, breathable, and made to be worn without socks on warm days.</p></main>"
        f"<footer><div id='modal-terms-of-service' role='dialog' aria-modal='true'>{terms}</div></footer>"
    )
    text = pruned_text(html)
    assert "cloud-like comfort" in text and "Machine washable" in text
    assert "arbitration" not in text


@pytest.mark.parametrize(
    "quote",
    [
        # Social Warfare's, and Novashare's (whose button sits flush against the quote).
        "<a class='swp_CTT style1' href='https://twitter.com/share?text=x'><span class='sw-click-to-tweet'>"
        "<span class='sw-ctt-text'>Visibility grows one small step at a time.</span>"
        "<span class='sw-ctt-btn'>Click To Tweet</span></span></a>",
        "<a class='ns-ctt ns-ctt-accent' href='https://twitter.com/intent/tweet?text=x'>"
        "<span class='ns-ctt-tweet'>Visibility grows one small step at a time.</span>"
        "<span class='ns-ctt-cta-container'><span class='ns-ctt-cta'>Click To Tweet</span></span></a>",
    ],
)
def test_click_to_tweet_keeps_the_quote_and_drops_the_button(quote: str) -> None:
    text = pruned_text(article_html(extra_inside=quote))
    assert "Visibility grows one small step at a time." in text and "Click To Tweet" not in text


def test_a_panel_a_control_discloses_is_kept_though_hidden() -> None:
    # WAI-ARIA's accordion: the answer is hidden until its question is clicked,
    # and the theme's classes ("acd-a-content") say nothing about it.
    faq = (
        "<h2>Frequently asked questions</h2><h3><a href='#' aria-controls='answer-1' aria-expanded='false'>"
        "How much do I need to retire?</a></h3><div class='acd-a-content' id='answer-1' aria-hidden='true'>"
        "There is no single target; it depends on what you expect your life to cost.</div>"
    )
    menu = (
        "<button aria-controls='menu-1' aria-expanded='false'>Menu</button>"
        "<ul id='menu-1' aria-hidden='true'><li><a href='/a'>Accounts</a></li>"
        "<li><a href='/b'>Loans</a></li></ul>"
    )
    text = pruned_text(article_html(extra_inside=faq, extra_outside=menu))
    assert "There is no single target" in text
    assert "Accounts" not in text and "Loans" not in text


def test_a_row_of_tabs_discloses_its_hidden_panels_and_a_lone_popover_stays_hidden() -> None:
    """Tabs whose controls say neither role="tab" nor aria-expanded: each control of
    one list opens a panel of its own. A lone control opens a popover, not a panel."""
    tabs = (
        "<ul role='menu'>"
        "<li role='menuitem'><h3 role='button' aria-controls='svc-tab-0'>Virtual CISO</h3></li>"
        "<li role='menuitem'><h3 role='button' aria-controls='svc-tab-1'>Audit and assurance</h3></li></ul>"
        "<div class='tab__content' id='svc-tab-0'><ul><li>A security officer on call for your board</li>"
        "</ul></div><div hidden class='tab__content' id='svc-tab-1'><ul><li>SOC readiness reports</li>"
        "<li>We test the controls your auditors will test before they do</li></ul></div>"
    )
    popover = (
        "<a role='button' aria-controls='popover-cta'>Create a team</a>"
        "<div id='popover-cta' class='s-popover' hidden><ul><li>Bring your whole team aboard today</li>"
        "</ul></div>"
    )
    text = pruned_text(article_html(extra_inside=tabs + popover))
    assert "A security officer" in text and "We test the controls" in text
    assert "whole team aboard" not in text


def test_forum_posters_titles_and_stats_go_and_their_posts_stay() -> None:
    """XenForo's user title, stats and signature, phpBB's profile rows and signature: beside
    every post, never the post."""
    posts = "".join(
        f"<article class='message'><div class='message-user'><h4 class='message-name'>poster{n}</h4>"
        "<h5 class='message-userTitle'>Well-known fan of the club</h5>"
        "<div class='message-userExtras'><dl><dt>Messages</dt><dd>32,904</dd></dl>"
        "<dl><dt>Location</dt><dd>North Stand</dd></dl></div></div>"
        f"<div class='message-content'><p>{p}</p>"
        "<aside class='message-signature'>Nothing is free in life. Hosting from $1</aside></div></article>"
        for n, p in enumerate(ARTICLE_PARAGRAPHS)
    )
    phpbb = (
        "<dl class='postprofile'><dt>reader</dt><dd class='profile-posts'>Posts: 12</dd></dl>"
        "<div class='postbody'><p>First things first.</p></div>"
        # phpBB 3.0's profile rows, without classes of their own.
        "<dl class='postprofile'><dt>elder</dt><dd>Senator</dd>"
        "<dd><strong>Founded:</strong> Dec 11, 2021</dd></dl>"
        "<div class='postbody'><p>Agreed with all of that.</p>"
        "<div id='sig2183907' class='signature'>Sig is not ready yet, but will come out soon.</div></div>"
    )
    notices = (
        "<ul class='notices notices--block js-notices'><li class='notice js-notice'>"
        "<div class='notice-content'><b>Welcome to the longest-running fragrance forum</b>"
        "<p>Join us to discuss reviews.</p></div></li></ul>"
    )
    xenforo1 = (
        "<li class='message'><div class='messageUserInfo'><h3 class='userText'><a>oldtimer</a>"
        "<em class='userTitle'>Well-known fan of the club</em></h3><div class='extraUserInfo'>"
        "<dl><dt>Trophy Points:</dt><dd>48</dd></dl></div></div><blockquote>Same here.</blockquote></li>"
    )
    text = pruned_text(page(f"<main>{notices}{posts}{phpbb}<ol>{xenforo1}</ol></main>"))
    assert "oldtimer" in text and "Same here" in text and "Trophy Points" not in text
    assert all(p in text for p in ARTICLE_PARAGRAPHS)
    assert "poster0" in text and "reader" in text and "Agreed with all of that" in text
    assert "elder" in text and "Senator" not in text and "Founded" not in text
    assert "Welcome to the" not in text  # XenForo's notices over every thread
    # A linked page's preview card: its title and summary, not the poster's words.
    onebox = (
        "<p>See the schedule:</p><aside class='onebox allowlistedgeneric'><header>firstshowing.net</header>"
        "<h3>2024 Release Schedule</h3><p>Official release schedule for all upcoming films.</p></aside>"
    )
    text = pruned_text(page(f"<main>{posts}<article class='message'><p>{onebox}</p></article></main>"))
    assert "See the schedule" in text and "Official release schedule" not in text
    assert "Well-known fan" not in text and "32,904" not in text and "North Stand" not in text
    assert "Posts: 12" not in text
    # The signature under each post: the poster's, not the post's.
    assert "Nothing is free" not in text and "Sig is not ready" not in text


def test_signatures_of_invision_5_and_fluxbb_go() -> None:
    """Invision 5 names its signature box by a data-role, FluxBB by a class of its own;
    Invision's topic summary and app prompt go too."""
    invision = "".join(
        f"<article class='ipsEntry ipsEntry--post'><div class='ipsEntry__post'>"
        f"<div class='ipsRichText'><p>{p}</p></div>"
        "<div class='ipsEntry__signature' data-role='memberSignature'>"
        "<div class='ipsRichText'><p>Community Leader and UX Designer since 2011</p></div>"
        "</div></div></article>"
        for p in ARTICLE_PARAGRAPHS
    )
    fluxbb = (
        "<div class='blockpost'><div class='postmsg'><p>Try the LTS kernel first.</p></div>"
        "<div class='postsignature postmsg'><hr><p>Arch on a ThinkPad X220 since 2013</p></div></div>"
    )
    # Invision 5's topic summary over the posts, and its app install prompt.
    overview = (
        "<div class='cTopicOverview cTopicOverview--main'><ul class='cTopicOverview__item'>"
        "<li>Replies 14</li><li>Created 1 yr</li><li>Last Reply 2 mo</li></ul>"
        "<div class='cTopicOverview__item--popularDays'><h4>Popular Days</h4></div></div>"
    )
    install = (
        "<i-pwa-install id='ipsPwaInstall'><div>View in the app</div>"
        "<div>A better way to browse.</div></i-pwa-install>"
    )
    text = pruned_text(page(f"{install}<main>{overview}{invision}{fluxbb}</main>"))
    assert all(p in text for p in ARTICLE_PARAGRAPHS) and "Try the LTS kernel first" in text
    assert "Community Leader" not in text and "ThinkPad" not in text
    assert "Popular Days" not in text and "Last Reply" not in text and "View in the app" not in text


def test_a_slideshow_whose_captions_outscore_the_story_is_removed() -> None:
    """Fifty captions with a paragraph each outscore the story around them: the
    guard's container is then in the slideshow, but the story's prose beside it
    says the slideshow is not the page."""
    captions = "".join(
        f"<li><h2><span class='counter'>{n}/50</span> Headline {n}</h2><p>Caption {n}: the market, "
        "the council, the harbour and the new tower, photographed at dawn, at noon, and at night.</p></li>"
        for n in range(1, 51)
    )
    gallery = (
        f"<div class='type-gallery'><div class='full-gallery'><ul class='legends'>{captions}</ul></div></div>"
    )
    story = "".join(
        f"<p>{text} It was the {n}th day of the flood.</p>" for n in range(4) for text in ARTICLE_PARAGRAPHS
    )
    text = pruned_text(page(f"<main><article><h1>A test article</h1>{story}{gallery}</article></main>"))
    assert "Caption 1:" not in text and "Caption 50:" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_a_gallery_page_keeps_its_slides() -> None:
    """The slideshow is the page: little prose stands beside it."""
    captions = "".join(
        f"<li><p>Caption {n}: the market, the council, the harbour and the new tower at dawn.</p></li>"
        for n in range(1, 21)
    )
    html = page(f"<main><h1>The flood in pictures</h1><div class='gallery'><ul>{captions}</ul></div></main>")
    text = pruned_text(html)
    assert "Caption 1:" in text and "Caption 20:" in text


PRODUCT_DESCRIPTION = (
    "The Trail 25 pack carries a day's gear: a padded hipbelt, a rain cover in its own pocket, "
    "and a sleeve that takes a three-litre reservoir."
)
REVIEWS = (
    # A theme's own section, a plugin's widget (Judge.me), a camel-cased id (Amazon's).
    "<section id='product-reviews'><h2>Reviews</h2><p>Great pack! Carried it up Snowdon. Meg</p>"
    "<p>47 people found this review helpful</p></section>"
    "<div class='jdgm-widget jdgm-review-widget'><p>Straps broke after a week. Tom</p></div>"
    "<div id='customerReviews'><p>Write a review: tell other buyers what you think.</p></div>"
)


def _shop_page(extra: str) -> str:
    return page(f"<main><h1>Trail 25 pack</h1><p>{PRODUCT_DESCRIPTION}</p>{extra}</main>")


def test_a_shops_customer_reviews_are_removed() -> None:
    text = text_after(lambda tree: prune(tree, shop=True), _shop_page(REVIEWS))
    assert PRODUCT_DESCRIPTION in text
    assert "Great pack" not in text and "Straps broke" not in text and "Write a review" not in text


def test_reviews_stay_off_shop_pages_and_review_words_are_read_whole() -> None:
    # The same markup on a page that sells nothing: an article reviewing the pack.
    assert "Great pack" in text_after(prune, _shop_page(REVIEWS))
    # "preview" and "overview" are other words; an editorial review is the shop's own text;
    # a wrapper that holds the product's headline is the product's box.
    others = (
        "<div class='product-overview'><p>Overview: 25 litres, 900 grams.</p></div>"
        "<div class='image-preview'><p>Preview: the pack in green.</p></div>"
        "<div id='editorialReviews'><p>From the publisher: a pack for long days.</p></div>"
    )
    html = page(
        f"<div class='page-with-reviews'><main><h1>Trail 25 pack</h1><p>{PRODUCT_DESCRIPTION}</p>"
        f"{others}</main></div>"
    )
    text = text_after(lambda tree: prune(tree, shop=True), html)
    assert PRODUCT_DESCRIPTION in text
    assert "Overview:" in text and "Preview:" in text and "From the publisher" in text


def _carousel(cards: str, classes: str = "carousel carousel--slides") -> str:
    slides = f"<ul class='carousel__list'>{cards}</ul>"
    return f"<div class='{classes}'><div class='carousel__viewport'>{slides}</div></div>"


OTHER_PRODUCTS = "".join(
    f"<li class='carousel__snap-point'><a href='/itm/{n}'><h3>Summit {n}0 pack, new</h3></a>"
    f"<span>New · Business</span><span>{price}</span></li>"
    for n, price in ((3, "$103.40"), (4, "EUR 192,73"), (5, "152,15 €"))
)


def test_a_shops_carousels_of_other_products_are_removed() -> None:
    pictures = _carousel(
        "".join(f"<li><a href='/img/{n}.jpg'><img alt='Trail 25, view {n}'></a></li>" for n in range(4))
    )
    swiper = f"<section class='swiper productSwiper'><h2>Related</h2><ul>{OTHER_PRODUCTS}</ul></section>"
    html = _shop_page(f"{pictures}<p>Price: $89.00</p>{_carousel(OTHER_PRODUCTS)}{swiper}")
    tree = LexborHTMLParser(html)
    prune(tree, shop=True)
    assert tree.css_first("img[alt='Trail 25, view 0']") is not None  # the product's own pictures
    text = tree.body.text(separator=" ") if tree.body else ""
    assert PRODUCT_DESCRIPTION in text and "Price: $89.00" in text
    assert "Summit" not in text and "New · Business" not in text


def test_product_carousels_stay_off_other_pages_and_out_of_the_products_box() -> None:
    # An article with a strip of the products it reviews keeps it.
    assert "Summit 30 pack" in text_after(prune, _shop_page(_carousel(OTHER_PRODUCTS)))
    # The product's box with its headline is the product's, whatever its class says;
    # a carousel of two products is no strip of offers.
    boxed = page(
        f"<main><div class='product-carousel-layout'><h1>Trail 25 pack</h1><p>{PRODUCT_DESCRIPTION}</p>"
        f"<p>$89.00, or $79.00 for members; $9.00 shipping.</p><a href='/a'>a</a><a href='/b'>b</a>"
        f"<a href='/c'>c</a></div>{_carousel(OTHER_PRODUCTS.split('</li>', 1)[1])}</main>"
    )
    text = text_after(lambda tree: prune(tree, shop=True), boxed)
    assert "$79.00 for members" in text and "Summit 40 pack" in text


def test_a_qa_posts_vote_count_goes_and_its_text_stays() -> None:
    # Stack Exchange's markup: the score between the arrows, in a column beside each post.
    def post(score: int, text: str) -> str:
        return (
            "<div class='post-layout'><div class='votecell post-layout--left'>"
            "<div class='js-voting-container d-flex'><button class='js-vote-up-btn'>Up</button>"
            f"<div class='js-vote-count flex--item' itemprop='upvoteCount'>{score}</div>"
            f"<button class='js-vote-down-btn'>Down</button></div></div>"
            "<div class='postcell post-layout--right'>"
            f"<div class='s-prose js-post-body'><p>{text}</p></div></div></div>"
        )

    question = "How do I move the keyboard focus to the file list in Explorer without the mouse?"
    answer = "Press Alt+D to reach the address bar, then Shift+Tab twice to land in the list."
    html = page(f"<main><h1>Focus the file list</h1>{post(67, question)}{post(4213, answer)}</main>")
    text = pruned_text(html)
    assert question in text and answer in text
    assert "67" not in text and "4213" not in text


def test_mediawikis_edit_links_beside_its_headings_go() -> None:
    heading = (
        "<h2><span class='mw-headline' id='History'>History</span><span class='mw-editsection'>"
        "<span class='mw-editsection-bracket'>[</span><a href='/w/?action=edit'>edit</a>"
        "<span class='mw-editsection-bracket'>]</span></span></h2>"
    )
    html = page(
        "<a class='mw-jump-link' href='#mw-head'>Jump to navigation</a>"
        f"<main><h1>Mozilla</h1>{heading}<p>{ARTICLE_PARAGRAPHS[0]}</p></main>"
    )
    text = pruned_text(html)
    assert "History" in text and ARTICLE_PARAGRAPHS[0] in text
    assert "edit" not in text and "Jump to" not in text


SHIPPING_SLIDES = "".join(
    f"<span class='slide'><p>Free shipping on orders {amount} or more. For rates and "
    f"timelines, see our <a href='/international'>international page</a>.</p></span>"
    for amount in ("$40", "65€", "£30", "480kr", "¥990", "$60 CAD", "R$670", "₹11,230")
)
TERMS = "Ten percent off three to five skincare products bought together, until the end of March."


@pytest.mark.parametrize(
    "bar",
    [
        f"<div class='promo-bar hide'><div class='promo-bar__carousel'>{SHIPPING_SLIDES}</div></div>",
        f"<div class='shopify-section'><div class='announcement-bar'>{SHIPPING_SLIDES}</div></div>",
        f"<announcement-bar class='announcement block'><p>{SHIPPING_SLIDES}</p></announcement-bar>",
        f"<section class='m-announcement-bar__container'>{SHIPPING_SLIDES}</section>",
    ],
)
def test_an_announcement_bar_goes_from_any_page_even_when_it_outweighs_the_text(bar: str) -> None:
    # Not a shop's product page: a short terms page under the theme's header, whose
    # slides of shipping deals hold more words than the page's own text.
    html = page(f"{bar}<main><h1>Skincare set terms</h1><p>{TERMS}</p></main>")
    text = text_after(prune, html)
    assert TERMS in text
    assert "Free shipping" not in text and "international page" not in text


@pytest.mark.parametrize(
    "wrapper",
    [
        "<div class='site with-promo-bar'>",
        "<div class='page has-announcement-bar'>",
        "<div class='announcement-bar-enabled'>",
    ],
)
def test_a_page_wrapper_that_says_it_has_a_bar_is_no_bar(wrapper: str) -> None:
    # A theme's state class on the wrapper of the whole page: the page stays, its bar goes.
    bar = f"<div class='announcement-bar'>{SHIPPING_SLIDES}</div>"
    html = page(f"{wrapper}{bar}<main><h1>Skincare set terms</h1><p>{TERMS}</p></main></div>")
    text = text_after(prune, html)
    assert TERMS in text and "Free shipping" not in text
    article = extract_html(
        article_html().replace("<body>", f"<body>{wrapper}").replace("</body>", "</div></body>")
    )
    assert all(paragraph in article.text for paragraph in ARTICLE_PARAGRAPHS)


def test_an_announcement_in_the_text_is_not_a_bar() -> None:
    # A page about announcements, or a notice box of the article's own, is no theme's bar.
    html = page(
        "<main><article class='announcement'><h1>Opening hours</h1>"
        f"<div class='announcement-body'><p>{TERMS}</p></div></article></main>"
    )
    assert TERMS in text_after(prune, html)


SIGNUP_PITCH = "Be the first to know! Get editor selected deals texted right to your phone."
SIGNUP_FINE_PRINT = "By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use."


def _signup_box(field: str, extra_field: str = "") -> str:
    # Classes that name nothing: the box is known by its form's fields alone.
    return (
        f"<section class='relative p-8 my-12'><div class='font-bold'>{SIGNUP_PITCH}</div>"
        f"<form action='/signup'>{field}{extra_field}<button type='submit'>Sign Me Up</button></form>"
        f"<div class='text-xs'>{SIGNUP_FINE_PRINT}</div></section>"
    )


def test_signup_boxes_are_removed_by_their_fields() -> None:
    for field in ("<input type='email'>", "<input type='TEL' name='phone'>", "<input name='EmailAddress'>"):
        # Between the article's paragraphs, and after the article.
        for html in (
            article_html(extra_inside=_signup_box(field)),
            article_html(extra_outside=_signup_box(field)),
        ):
            text = pruned_text(html)
            assert "Be the first to know" not in text and "By clicking Sign Me Up" not in text, field
            for paragraph in ARTICLE_PARAGRAPHS:
                assert paragraph in text


@pytest.mark.parametrize(
    "src",
    [
        "https://backyardnotes.substack.com/embed",
        "https://embeds.beehiiv.com/8a3d2c1b-0f9e?slim=true",
        "https://subscribe-forms.beehiiv.com/2f1e0d9c-8b7a",
        "https://buttondown.com/backyardnotes?as_embed=true",
    ],
)
def test_a_newsletter_services_framed_form_takes_its_box_along(src: str) -> None:
    # The form is in the framed document; the theme's box holds the heading and the pitch.
    box = (
        "<div class='wp-block-group'><h3>Subscribe to my newsletter</h3>"
        f"<p>{SIGNUP_PITCH}</p><iframe src='{src}' width='480' height='150'></iframe></div>"
    )
    for html in (article_html(extra_inside=box), article_html(extra_outside=box)):
        text = pruned_text(html)
        assert "Subscribe to my newsletter" not in text and "Be the first to know" not in text
        assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)
    # Any other frame (a video, a map) is no signup form: the text around it stays.
    other = box.replace(src, "https://www.youtube.com/embed/dQw4w9WgXcQ")
    assert "Be the first to know" in pruned_text(article_html(extra_inside=other))


def _post_card(post: int, kind: str = "post") -> str:
    # A post grid's card (Kadence, GenerateBlocks, a block theme's query loop): post_class() marks it.
    return (
        f"<div class='gb-loop-item post-{post} {kind} type-{kind} status-publish hentry'>"
        f"<h3><a href='/2025/{post}/'>Parking rates rise downtown, story {post}</a></h3>"
        f"<p>A short teaser about story {post} that the grid shows as an excerpt beneath its title.</p></div>"
    )


def test_other_posts_cards_leave_a_single_posts_page() -> None:
    grid = "<div class='gb-query'>" + "".join(_post_card(post) for post in (4700, 4699, 4698)) + "</div>"
    story = article_html(extra_inside=grid).replace(
        "<article>", "<article class='post-4821 post type-post status-publish hentry'>"
    )
    single = story.replace("<body>", "<body class='post-template-default single single-post postid-4821'>")
    text = pruned_text(single)
    assert "teaser about story" not in text and "story 4699" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)
    # A blog's home page: the same cards are its content.
    assert "teaser about story 4699" in pruned_text(story.replace("<body>", "<body class='home blog'>"))
    # A page builder's template post (another type) may hold the whole page.
    builder = "<main class='post-149 tdb_templates type-tdb_templates status-publish'>"
    template = single.replace("<main>", builder)
    assert all(paragraph in pruned_text(template) for paragraph in ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "button",
    [
        "<a class='gb-button gb-button-text' href='/newsletter/'>Subscribe free</a>",  # GenerateBlocks
        "<a class='wp-block-button__link wp-element-button' href='/p/weekly'>Sign me up</a>",
        "<a class='btn btn-primary' href='https://news.example/join'>Get on the list</a>",
    ],
)
def test_a_call_to_subscribe_without_a_form_goes_from_an_article(button: str) -> None:
    box = (
        "<div class='gb-container'><h3>Enjoyed this? Get one tip a week.</h3>"
        f"<p>Join 4,000 designers who read us every Friday.</p><div>{button}</div></div>"
    )
    html = article_html(extra_inside=box)

    def pruned_article(tree: LexborHTMLParser) -> None:
        prune(tree, article=True)

    text = text_after(pruned_article, html)
    assert "Enjoyed this" not in text and "Join 4,000" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)
    # On a service's page "Sign up" is the offer itself.
    assert "Join 4,000" in pruned_text(html)


def test_a_comments_list_under_an_article_goes() -> None:
    for opening in ("<div id='comments-list'>", "<section class='comments-list'>"):
        tag = opening[1 : opening.index(" ")]
        thread = (
            f"{opening}<h3>Comments (2)</h3><div class='comment-card'><a href='/@rina'>Rina</a>"
            "<p class='comment-body'>Annotating before switching the engine on changed my game.</p></div>"
            f"</{tag}>"
        )
        text = pruned_text(article_html(extra_outside=thread))
        assert "Annotating" not in text and all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "permalink",
    [
        "<a class='headerlink' href='#next' title='Link to this heading'>¶</a>",  # Sphinx, MkDocs
        "<a class='hash-link' href='#next'>#</a>",  # Docusaurus
        "<a class='header-anchor' href='#next'>#</a>",  # VitePress
        "<a href='#next' class='anchor'>§</a>",  # rustdoc
    ],
)
def test_a_headings_permalink_goes_and_the_heading_stays(permalink: str) -> None:
    text = pruned_text(article_html(extra_inside=f"<h2 id='next'>What happens next{permalink}</h2>"))
    assert "What happens next" in text and "¶" not in text and "§" not in text and "#" not in text


def test_a_form_that_wraps_a_post_keeps_the_post() -> None:
    """Old Reddit puts each post in the form that edits it: hidden fields only, and the
    source in a hidden textarea. A form a reader fills in is still chrome."""
    post = (
        "<form class='usertext' action='#'><input type='hidden' name='thing_id' value='t3_1b6'>"
        "<div class='usertext-body'><div class='md'><p>Ordered one, thanks!</p></div></div>"
        "<textarea style='display:none'>source</textarea></form>"
    )
    search = "<form action='/search'><p>Search the archive</p><input type='search' name='q'></form>"
    text = pruned_text(article_html(extra_outside=post + search))
    assert "Ordered one, thanks!" in text and "source" not in text
    assert "Search the archive" not in text


def test_login_and_contact_forms_are_no_signup_boxes() -> None:
    # The form itself goes with the chrome; the text around it stays.
    for extra in ("<input type='password'>", "<textarea name='message'></textarea>"):
        text = pruned_text(article_html(extra_inside=_signup_box("<input type='email'>", extra)))
        assert "Be the first to know" in text and "By clicking Sign Me Up" in text, extra


def test_a_signup_box_stops_short_of_the_text_around_it() -> None:
    long_paragraph = (
        "The council will publish its flood report in the spring, with maps of every street. " * 8
    )
    box = f"<div><p>{long_paragraph}</p>{_signup_box('<input type=email>')}</div>"
    text = pruned_text(article_html(extra_inside=box))
    assert long_paragraph.split(".")[0] in text
    assert "Be the first to know" not in text
    # A form around the whole page is no box.
    wrapped = (
        article_html()
        .replace("<main>", "<form><input type='email'><main>")
        .replace("</main>", "</main></form>")
    )
    assert ARTICLE_PARAGRAPHS[3] in pruned_text(wrapped)


AUTHOR_BIO = "Maureen Salamon is the executive editor of Health Watch. She also writes for the Heart Letter."


def test_an_author_bio_under_its_heading_is_removed() -> None:
    for heading in ("About the Author", "About the authors:", "Meet the writer", "Über den Autor"):
        box = f"<div class='bg-blue-50'><h2>{heading}</h2><div class='flex'><p>{AUTHOR_BIO}</p></div></div>"
        text = pruned_text(article_html(extra_outside=f"<section>{box}</section>"))
        assert "executive editor" not in text and heading.rstrip(":") not in text, heading
        assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_an_expert_the_article_consults_and_a_long_section_stay() -> None:
    assert is_author_box_heading("About the author") and is_author_box_heading("MEET OUR REVIEWERS")
    assert not is_author_box_heading("Meet our expert")
    assert not is_author_box_heading("About the author of the theory of relativity, a life")
    # Under the heading, more than a bio's length is the article's own section.
    essay = " ".join(f"{paragraph} {AUTHOR_BIO}" for paragraph in ARTICLE_PARAGRAPHS * 3)
    html = article_html(extra_inside=f"<h2>About the author</h2><p>{essay}</p>")
    assert "executive editor" in pruned_text(html)


def test_a_signup_modal_never_stands_for_the_content_of_a_page_of_tiles() -> None:
    # Its pitch is the only prose on a shop's grid: found first, it would be taken
    # for the content's container, and the tiles would go instead.
    pitch = (
        "Unlock 15% off your first order when you subscribe to our newsletter, with early access to new "
        "arrivals, members-only sales and expert buying guides delivered to your inbox every single week."
    )
    form = "<form><input type='email'><button>Continue</button></form>"
    modal = f"<div class='modal-context'><p>{pitch}</p>{form}</div>"
    tiles = "".join(
        f"<li class='item'><a href='/p/{n}'>Gaming monitor {n}</a> <span>$2{n}9.99</span></li>"
        for n in range(8)
    )
    html = page(f"<main><h1>Gaming monitors</h1><ol class='products'>{tiles}</ol></main>{modal}")
    text = pruned_text(html)
    assert "Unlock 15%" not in text
    assert all(f"Gaming monitor {n}" in text for n in range(8))


def test_popovers_are_overlays_not_content() -> None:
    popover = (
        "<button popovertarget='pwa'>Learn more</button>"
        "<div popover id='pwa'><p>To install this app on iOS, tap the Share icon in Safari.</p></div>"
    )
    text = pruned_text(article_html(extra_inside=popover))
    assert "install this app" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


def test_tooltips_go_and_the_terms_they_explain_stay() -> None:
    term = (
        "<p>Good <span class='glossary-term' aria-describedby='tip1'>keyword research</span> comes first."
        "<span role='tooltip' id='tip1'>A keyword is what users write into a search engine.</span></p>"
    )
    text = pruned_text(article_html(extra_inside=term))
    assert "Good keyword research comes first." in text and "what users write" not in text
    assert all(paragraph in text for paragraph in ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "name", ["yorumlar", "kommentare", "reacties", "komentarze", "comentarios", "komentar"]
)
def test_a_comment_section_named_in_its_sites_language_goes(name: str) -> None:
    section = (
        f"<div class='{name}' id='{name}'><h3>Yorumlar</h3><div><p>Sezon erken açıldı ama trafik çekilmez"
        " halde, yollar yetmiyor.</p><span>Ahmet K.</span></div></div>"
    )
    text = pruned_text(article_html(extra_outside=section))
    assert "trafik çekilmez" not in text
    assert ARTICLE_PARAGRAPHS[3] in text


def test_a_read_also_label_takes_the_list_of_links_under_it() -> None:
    links = (
        "<ul><li><a href='/a'>How to cut your power bill</a></li>"
        "<li><a href='/b'>Monsoon due in Kerala</a></li></ul>"
    )
    text = pruned_text(article_html(extra_inside=f"<p><strong>Read also:</strong></p>{links}"))
    assert "power bill" not in text and "Read also" not in text
    assert ARTICLE_PARAGRAPHS[2] in text
    # A list of the article's own, after a label that is no "read also", stays.
    kept = pruned_text(article_html(extra_inside=f"<p><strong>Sources:</strong></p>{links}"))
    assert "power bill" in kept

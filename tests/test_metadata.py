"""Metadata rules, each on a snippet of the markup it exists for."""

import functools
import json

from selectolax.lexbor import LexborHTMLParser

from scraper import metadata
from scraper.extract import extract_html
from scraper.metadata import clean_author, split_names, strip_site_suffix
from tests.conftest import page


def meta_of(html: str, url: str | None = "https://news.example.com/a") -> dict[str, str | None]:
    """The metadata fields as `scraper.extract.extract_html` computes them."""
    tree = LexborHTMLParser(html)
    meta = metadata.collect(tree)
    sitename = metadata.extract_sitename(tree, meta, url)
    title = metadata.extract_title(tree, meta)
    return {
        "title": title,
        "author": metadata.extract_author(tree, meta, sitename, headline=title),
        "date": metadata.extract_date(tree, meta, url),
        "sitename": sitename,
        "description": metadata.extract_description(tree, meta),
        "language": metadata.extract_language(tree, meta),
    }


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


# --------------------------------------------------------------------------
# Collecting
# --------------------------------------------------------------------------


def test_jsonld_is_preferred() -> None:
    head = (
        ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "name": "Daily Example"},
                    {
                        "@type": "NewsArticle",
                        "headline": "Storm hits coast",
                        "datePublished": "2024-03-02T08:15:00+01:00",
                        "author": [
                            {"@type": "Person", "name": "Ana Lima"},
                            {"@type": "Organization", "name": "Daily Example"},
                        ],
                    },
                ],
            }
        )
        + "<meta property='og:title' content='OG title'><meta name='author' content='Someone Else'>"
    )
    found = meta_of(page("<p>x</p>", title="Storm hits coast | Daily Example", head=head))
    # JSON-LD and <title> agree on the headline; og:title says something only it says.
    assert found["title"] == "Storm hits coast"
    assert found["author"] == "Ana Lima"
    assert found["date"] == "2024-03-02T08:15:00+01:00"
    assert found["sitename"] == "Daily Example"


def test_opengraph_and_meta_fallbacks() -> None:
    head = (
        "<meta property='og:title' content='Rates stay put'>"
        "<meta property='og:site_name' content='Money Mag'>"
        "<meta name='description' content='The bank held rates.'>"
        "<meta property='article:published_time' content='2023-11-05'><meta name='author' content='Lee Chan'>"
    )
    found = meta_of(page("<p>x</p>", title="Rates stay put – Money Mag", head=head))
    assert found == {
        "title": "Rates stay put",
        "author": "Lee Chan",
        "date": "2023-11-05",
        "sitename": "Money Mag",
        "description": "The bank held rates.",
        "language": "en",
    }


def test_jsonld_in_cdata_and_comments_is_read() -> None:
    for wrapped in ("<![CDATA[{}]]>", "<!--{}-->", "//<![CDATA[\n{}\n//]]>"):
        data = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "Article",
                "author": {"name": "Daniel Kahn"},
                "datePublished": "2018-04-05T06:00",
            }
        )
        head = f"<script type='application/ld+json'>{wrapped.format(data)}</script>"
        found = meta_of(page("<p>x</p>", head=head))
        assert (found["author"], found["date"]) == ("Daniel Kahn", "2018-04-05T06:00:00")


def test_pathologically_nested_jsonld_is_ignored() -> None:
    head = "<script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 + "</script>"
    assert meta_of(page("<h1>Still here</h1>", title="Still here", head=head))["title"] == "Still here"


def test_broken_jsonld_is_ignored() -> None:
    head = "<script type='application/ld+json'>{not json</script><meta property='og:title' content='Fine'>"
    assert meta_of(page("", head=head))["title"] == "Fine"


def test_jsonld_author_references_are_resolved() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "BlogPosting",
                    "headline": "H",
                    "author": [{"@id": "https://x.example/#/p/1"}, {"@id": "#p2"}],
                },
                {"@type": "Person", "@id": "https://x.example/#/p/1", "name": "Stella Kim"},
                {"@type": "Person", "@id": "#p2", "name": "Jennifer Jett"},
            ],
        }
    )
    assert meta_of(page("<p>x</p>", head=head))["author"] == "Stella Kim; Jennifer Jett"


def test_entities_escaped_twice_are_decoded() -> None:
    head = "<meta property='og:title' content='Movers &amp;#038; Packers &amp;#8211; the guide'>"
    assert meta_of(page("<p>x</p>", title="x", head=head))["title"] == "Movers & Packers – the guide"


def test_space_separated_rdfa_properties() -> None:
    head = "<meta property='dc:creator og:author' content='Creator Name'><meta name='author' content='Other'>"
    assert meta_of(page("<p>x</p>", head=head))["author"] == "Creator Name"


# --------------------------------------------------------------------------
# Title
# --------------------------------------------------------------------------


def test_heading_that_agrees_with_the_title_is_the_headline() -> None:
    html = page("<h1>Getting lean with ad UX</h1><p>x</p>", title="Getting lean with ad UX | IAB")
    assert meta_of(html)["title"] == "Getting lean with ad UX"


def test_cut_down_og_title_gives_way_to_the_full_heading() -> None:
    full = "Fix It Friday: Arranging your living room, with one trick that works nine times in ten"
    head = "<meta property='og:title' content='Fix It Friday: Arranging your living room, with one trick'>"
    assert meta_of(page(f"<h1>{full}</h1>", title="x", head=head))["title"] == full


def test_a_page_without_an_h1_has_its_headline_in_bold_text_or_a_lower_heading() -> None:
    # A 1999 table layout: the site and section before the headline in <title>, the
    # headline set large in bold, a date in bold above it.
    body = (
        "<table><tr><td><b>Monday, June 14, 1999</b></td></tr><tr><td><font size='+2'>"
        "<b>Ferry service to Pell Island to end after 61 years</b></font><br>The ferry ...</td></tr></table>"
    )
    title = "Harbor Gazette: Local News: Ferry service to Pell Island to end after 61 years"
    assert (
        meta_of(page(body, title=title), url=None)["title"]
        == "Ferry service to Pell Island to end after 61 years"
    )
    # ...the headline in an <h2>, the title's parts around it, a date among them.
    body = "<b>March 12, 2001</b><h2>Bronze Age boat pulled from English mud</h2><p>x</p>"
    title = "CNN.com - Bronze Age boat pulled from English mud - March 12, 2001"
    assert meta_of(page(body, title=title), url=None)["title"] == "Bronze Age boat pulled from English mud"


def test_a_blogs_name_in_its_header_h1_gives_way_to_the_posts_heading() -> None:
    body = (
        "<div id='header'><div id='headerimg'><h1><a href='http://www.gardenpatch.example/'>Garden Patch"
        " Notes</a></h1></div></div><div class='post'><h2><a href='/2006/08/seeds/'>Saving tomato seeds"
        " the messy way</a></h2><p>x</p></div>"
    )
    title = "Garden Patch Notes  » Blog Archive   » Saving tomato seeds the messy way"
    assert meta_of(page(body, title=title), url=None)["title"] == "Saving tomato seeds the messy way"


def test_a_lower_heading_is_the_headline_only_as_whole_parts_of_the_title() -> None:
    # Part of a part ("… in 2025" of "… in 2025 You Need to Know") is a teaser's words; the
    # site's name in the page's banner is no headline; a section's name is too short.
    title = "Top Dental Trends in 2025 You Need to Know | Smile Dental"
    body = (
        "<p class='top-banner-title'>Smile Dental</p><h3>Scotland</h3>"
        "<h2>Top dental trends in 2025</h2><p>x</p>"
    )
    assert meta_of(page(body, title=title))["title"] == "Top Dental Trends in 2025 You Need to Know"


def test_same_words_keep_the_declared_spelling() -> None:
    head = "<meta property='og:title' content=\"Why cheap SEO doesn't work\">"
    html = page("<h1>Why cheap SEO doesn’t  work</h1>", title="x", head=head)
    assert meta_of(html)["title"] == "Why cheap SEO doesn't work"


def test_logo_heading_is_not_the_headline() -> None:
    head = "<meta property='og:site_name' content='Radio Bench'>"
    html = page(
        "<h1>Radio Bench</h1><h3>Restoring a Grundig</h3>",
        title="Radio Bench: Restoring a Grundig",
        head=head,
    )
    assert meta_of(html)["title"] == "Radio Bench: Restoring a Grundig"


def test_site_suffix_recognised_by_the_host() -> None:
    head = "<link rel='canonical' href='https://www.tarkett.com/en/steps'>"
    html = page("<p>x</p>", title="10 Easy Steps for a Great Interior | Tarkett", head=head)
    assert meta_of(html)["title"] == "10 Easy Steps for a Great Interior"


def test_site_suffix_of_a_page_that_names_no_site_goes_too() -> None:
    """An old page, no OpenGraph, read from a file: its <title>'s short last part is the
    site's name (so `sitename` says), and the headline is the rest."""
    html = page("<p><b>Council approves bridge</b></p>", title="Council approves bridge - The Daily Gazette")
    meta = meta_of(html)
    assert meta["title"] == "Council approves bridge" and meta["sitename"] == "The Daily Gazette"
    # A page that names its site keeps a last part that is not that name.
    named = page(
        "<p>x</p>",
        title="Council approves bridge - Part 2",
        head="<meta property='og:site_name' content='Gazette'>",
    )
    assert meta_of(named)["title"] == "Council approves bridge - Part 2"


def test_byline_and_dateline_under_a_headline_that_is_no_heading() -> None:
    """An older page sets its headline in <b> or <font>, not <h1>: its byline and dateline
    are read under the element that holds the headline."""
    body = (
        "<table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a></td></tr><tr><td>"
        "<font size=4><b>Council approves the new river bridge</b></font><br>"
        "<font size=2>By John Smith, Staff Writer<br>March 3, 2008</font><br><br>"
        "<font size=2>The council voted 7-2 on Tuesday night to build it.</font></td></tr></table>"
    )
    meta = meta_of(page(body, title="Council approves the new river bridge - The Daily Gazette"), url=None)
    assert meta["author"] == "John Smith" and meta["date"] == "2008-03-03"


def test_byline_and_dateline_as_bare_text_lines_under_the_headline() -> None:
    """Lines of bare text split by <br>s, in the container that holds the headline."""
    body = (
        "<div><a href='/'>Accueil</a></div><div id='main'><h3>Les marchés français en hausse</h3>"
        "Par Marie Dupont<br>Le 12 février 2009<br><br>La Bourse de Paris a terminé en hausse.<br></div>"
    )
    meta = meta_of(page(body, title="Les marchés français en hausse | Le Journal"), url=None)
    assert meta["author"] == "Marie Dupont" and meta["date"] == "2009-02-12"


def test_a_byline_with_its_date_goes_to_metadata_not_the_body() -> None:
    """ "By <name> • <date>" between the headline and the body: the name is the
    author, and the line is no prose, whatever leads the headline."""
    paragraphs = "".join(
        f"<p><span>{sentence} The review pooled 97 earlier studies of adults.</span></p>"
        for sentence in (
            "Exercise eases mild depression, a new review suggests.",
            "Walking counted as much as running did.",
            "The effect was largest among people with chronic disease.",
            "Group classes did better than exercising alone, the authors found.",
        )
    )
    body = (
        "<main><div class='bg-white'><div class='row'><div class='col-12'>"
        "<div class='post-detail-tags'>Health &bull; Fitness &bull; Research</div>"
        "<h1 class='post-detail-h1'>Regular exercise can boost mood</h1>"
        "<div class='post-detail-byline-date'>By Maureen Salamon &bull; <span>March 12, 2025</span></div>"
        f"{paragraphs}</div></div></div></main>"
    )
    html = page(
        body, title="Regular exercise can boost mood", head="<meta name='author' content='Maureen Salamon'>"
    )
    article = extract_html(html, "https://news.example.org/exercise-mood")
    assert article.author == "Maureen Salamon"
    assert "Exercise eases mild depression" in article.text and "Maureen" not in article.text


def test_documentation_permalink_marks_are_not_the_title() -> None:
    html = page("<h1>Logging HOWTO¶</h1>", title="Logging HOWTO — Python 3.13 documentation")
    assert meta_of(html)["title"] == "Logging HOWTO"


def test_a_permalink_mark_encoded_twice_leaves_nothing_behind() -> None:
    # UTF-8 read as Latin-1 and written back: "—" is "â\x80\x94", "¶" is "Â¶".
    heading = "itertools — Functions creating iterators¶".encode().decode("latin-1")
    html = page(f"<h1>{heading}</h1><p>{'Tools for looping. ' * 20}</p>", title=heading)
    assert extract_html(html, "https://docs.example.org/itertools").title == (
        "itertools — Functions creating iterators"
    )


def test_title_suffix() -> None:
    assert strip_site_suffix("Storm hits coast | Daily Example", "Daily Example") == "Storm hits coast"
    assert strip_site_suffix("Storm hits coast - Section - Daily Example", "Daily Example") == (
        "Storm hits coast - Section"
    )
    # A brand-first title is a landing page whose brand is part of its name.
    assert strip_site_suffix("Daily Example - Storm hits coast", "Daily Example") == (
        "Daily Example - Storm hits coast"
    )
    assert strip_site_suffix("A - B", None) == "A - B"


# --------------------------------------------------------------------------
# Author
# --------------------------------------------------------------------------


def test_placeholder_author_is_not_a_byline() -> None:
    head = ld({"@type": "Article", "headline": "H", "author": {"@type": "Person", "name": "admin"}})
    body = "<span class='byline'>by <a rel='author' href='/author/ruth'>Ruth Meyer</a></span><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "Ruth Meyer"
    assert meta_of(page("<span class='byline'>by admin</span>"))["author"] is None


def test_a_names_first_letters_are_no_byline_label() -> None:
    # "Par" (French "by") opens "Parisa", "Di" (Italian) "Dieter", "Av" (Swedish) "Avery",
    # "Af" (Danish) "AFP": each cut off the name's start.
    for name in ("Parisa Ostovari", "Dieter Hogen", "Avery Smith", "AFP", "Porter Robinson", "Vonda Shepard"):
        assert clean_author(name) == name
    assert clean_author("Par Sébastien Farcis") == "Sébastien Farcis"
    assert clean_author("af Jens Hansen") == "Jens Hansen"
    assert clean_author("Autorin: Maria Huber") == "Maria Huber"


def test_a_reportage_news_articles_author_is_read() -> None:
    # schema.org's ReportageNewsArticle: its Person author, not the publisher's microdata.
    head = ld(
        {
            "@type": "ReportageNewsArticle",
            "headline": "H",
            "author": [{"@type": "Person", "name": "Bruno Rodrigues"}],
            "publisher": {"@type": "NewsMediaOrganization", "name": "Folha de S.Paulo"},
        }
    )
    body = (
        "<div itemprop='author' itemscope itemtype='https://schema.org/Organization'>"
        "<meta itemprop='name' content='Folha de S.Paulo'></div><p>x</p>"
    )
    assert meta_of(page(body, head=head))["author"] == "Bruno Rodrigues"


def test_a_role_set_inside_the_byline_is_no_part_of_the_name() -> None:
    body = (
        "<div class='author'><a class='author-link' href='/author/ben-silverman'>Ben Silverman"
        "<div class='author-title'>Games Editor</div></a></div><p>x</p>"
    )
    assert meta_of(page(body))["author"] == "Ben Silverman"


def test_a_forums_column_headings_name_nobody() -> None:
    # phpBB 2's topic table: "Author" over the poster's column, "Message" beside it.
    for heading in ("Message", "Replies", "Thread"):
        assert clean_author(heading) is None
    assert clean_author("Jane Reply") == "Jane Reply"


def test_a_placeholder_byline_gives_way_to_the_name_ending_the_headline() -> None:
    """A column republished under the CMS's "admin" account, its writer named in the headline."""

    def with_headline(headline: str, author: str = "admin") -> str:
        obj = {"@type": "Article", "headline": headline, "author": {"@type": "Person", "name": author}}
        head = ld(obj) + "<meta property='og:site_name' content='Meridian Post'>"
        return page(f"<h1>{headline}</h1><p>x</p>", title=headline, head=head)

    assert meta_of(with_headline("Russian troops arrive to quell the revolt – Pierre Haski"))["author"] == (
        "Pierre Haski"
    )
    # Not a name, the site's own name, or no placeholder to stand in for: nothing is read from it.
    assert meta_of(with_headline("Troops arrive – an update at noon"))["author"] is None
    assert meta_of(with_headline("Troops arrive – Meridian Post"))["author"] is None
    assert (
        meta_of(with_headline("Troops arrive - Pierre Haski", author="Ruth Meyer"))["author"] == "Ruth Meyer"
    )
    assert meta_of(page("<h1>Troops arrive – Pierre Haski</h1><p>x</p>"))["author"] is None


def test_site_name_is_not_an_author() -> None:
    head = "<meta property='og:site_name' content='Example News'><meta name='author' content='Example News'>"
    assert meta_of(page("<p>x</p>", head=head))["author"] is None
    # ... not even when a real byline is on the page.
    body = "<h1>H</h1><div class='post-author'>By Jane Roe</div><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "Jane Roe"


def test_a_site_named_after_its_author() -> None:
    head = (
        "<meta property='og:site_name' content='Paige Brunton'><meta name='author' content='Paige Brunton'>"
    )
    body = "<h1>How to plan a website</h1><div class='author'>Written By Paige Brunton</div><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "Paige Brunton"


def test_organisation_author_only_when_no_person_is_named() -> None:
    org = {"@type": "Organization", "name": "Help Desk Weekly"}
    head = ld({"@type": "Article", "headline": "H", "author": org})
    assert meta_of(page("<p>x</p>", head=head))["author"] == "Help Desk Weekly"
    body = "<h1>H</h1><p class='byline'>By Ana Lima</p><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "Ana Lima"


def test_login_name_gives_way_to_the_displayed_name() -> None:
    head = "<meta name='author' content='andrew.keaveney'>"
    body = "<h1>H</h1><span class='author-name'>Denise Everheart</span><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "Denise Everheart"
    assert meta_of(page("<p>x</p>", head=head))["author"] == "andrew.keaveney"


def test_byline_markup() -> None:
    cases = {
        "<div itemprop='author' itemscope><span itemprop='name'>Gordon Pike</span></div>": "Gordon Pike",
        "<a rel='author' href='/u/1'>Lucía Fernández</a>": "Lucía Fernández",
        "<span class='vcard author'><span class='fn'>Ravi Menon</span></span>": "Ravi Menon",
        "<p class='author-by-line-text'><span>By </span>Scott Pletcher</p>": "Scott Pletcher",
        "<div class='the-author'>Isaiah Shelton</div>": "Isaiah Shelton",
        "<a href='https://blog.example/author/jordanna/'>Jordanna Campbell</a>": "Jordanna Campbell",
        "<div class='byline'>by Lucas Nolan 22 Dec 2016</div>": "Lucas Nolan",
        "<span class='byline'>By Cazzy Magennis | Last Updated August 1, 2025</span>": "Cazzy Magennis",
    }
    for markup, name in cases.items():
        assert meta_of(page(f"<h1>H</h1>{markup}<p>Body text.</p>"))["author"] == name, markup


def test_byline_container_holding_a_biography_gives_its_name() -> None:
    bio = "Reyan writes about higher education, admissions and studying abroad for students everywhere."
    body = (
        f"<h1>H</h1><div class='authorBlock'><div class='authorBlock_title'>Reyan Perumal</div>"
        f"<p>{bio}</p></div>"
    )
    assert meta_of(page(body))["author"] == "Reyan Perumal"


def test_bylines_of_other_articles_are_ignored() -> None:
    body = (
        "<h1>H</h1><p>Story text.</p>"
        "<div class='related-posts'><span class='author'>Other Writer</span></div>"
        "<ol class='comment-list'><li><span class='comment-author'>Some Reader</span></li></ol>"
        "<aside><a rel='author' href='/u/2'>Sidebar Person</a></aside>"
    )
    assert meta_of(page(body))["author"] is None


def test_class_names_that_only_look_like_bylines() -> None:
    # A body class describing the theme, and links to an authorised dealer, name no author.
    body = "<a href='#main'>Skip to Content</a><h1>Cameras</h1><a class='authorized'>Authorized Dealer</a>"
    html = f"<html><body class='single-author tweak-blog-item-show-author-name'>{body}<p>x</p></body></html>"
    assert meta_of(html)["author"] is None


def test_forum_account_names_are_the_byline() -> None:
    head = ld(
        {
            "@type": "DiscussionForumPosting",
            "headline": "Q",
            "author": {"@type": "Person", "name": "beijingwalker"},
        }
    )
    body = "<h1>Q</h1><blockquote><p class='byline'>By Erik van Klinken</p></blockquote><p>x</p>"
    assert meta_of(page(body, head=head))["author"] == "beijingwalker"


def test_hcards_that_are_not_authors() -> None:
    infobox = "<table class='infobox vcard'><tr><td><div class='fn org'>New Zealand</div></td></tr></table>"
    assert meta_of(page("<h1>New Zealand</h1>" + infobox + "<p>x</p>"))["author"] is None
    follow = "<h1>H</h1><ul class='author-follow'><li class='author'>Katie Couric</li></ul>"
    assert (
        meta_of(page(follow + "<div class='author'>Nataliya Vasilyeva</div>"))["author"]
        == "Nataliya Vasilyeva"
    )


def test_handles_are_not_bylines() -> None:
    head = "<meta name='twitter:creator' content='folha'><meta name='twitter:site' content='@folha'>"
    assert meta_of(page("<p>x</p>", head=head))["author"] is None


def test_forum_thread_in_a_form_and_byline_in_the_article_aside() -> None:
    thread = "<h1>Q</h1><form action='inline-mod'><li class='message'><a class='username author'>pelex</a>"
    assert meta_of(page(thread + "<p>Hello.</p></li></form>"))["author"] == "pelex"
    aside = (
        "<main><h1>H</h1><aside class='meta'><a rel='author' href='/p/adam'>Adam Roberts</a></aside></main>"
    )
    assert meta_of(page(aside))["author"] == "Adam Roberts"


def test_article_footer_byline_counts_but_site_footer_does_not() -> None:
    article = (
        "<article><h1>H</h1><p>x</p><footer class='entry-meta'><span class='author'>Ben Nadel</span></footer>"
    )
    assert meta_of(page(article + "</article>"))["author"] == "Ben Nadel"
    site = "<h1>H</h1><p>x</p><footer><span class='author'>Theme Maker</span></footer>"
    assert meta_of(page(site))["author"] is None


def test_by_line_under_the_headline() -> None:
    body = "<h1>Mini engine</h1><p class='text-xl'>by: Ziyi Xu, Dec 17, 2025</p><p>We are excited.</p>"
    assert meta_of(page(body))["author"] == "Ziyi Xu"
    label = "<h1>H</h1><div><div>Written by</div><div class='x'>Jack Shepherd</div></div><p>x</p>"
    assert meta_of(page(label))["author"] == "Jack Shepherd"
    legal = "<h1>H</h1><p>By continuing, you agree to our terms.</p>"
    assert meta_of(page(legal))["author"] is None


def test_several_authors() -> None:
    assert split_names("By Jared Newman and Sam Singleton") == ["Jared Newman", "Sam Singleton"]
    assert split_names("Ana Lima, Lee Chan & Jo Park") == ["Ana Lima", "Lee Chan", "Jo Park"]
    # One person with letters after the name, one company with "and" in it.
    assert split_names("Angela Holliday-Bell, MD") == ["Angela Holliday-Bell, MD"]
    assert split_names("Marks and Spencer") == ["Marks and Spencer"]
    assert split_names("Rex Du, Ph.D. Director, Advanced Analytics") == ["Rex Du"]
    # The role after the names is in lower case; the names are not.
    assert split_names("Julie Weisenhorn and Natalie Hoidal, Extension horticulture educators") == [
        "Julie Weisenhorn",
        "Natalie Hoidal",
    ]


def test_seo_plugin_written_by_label() -> None:
    head = (
        "<meta name='twitter:label1' content='Reading time'><meta name='twitter:data1' content='6 min'>"
        "<meta name='twitter:label2' content='Written by'><meta name='twitter:data2' content='Tyler Brown'>"
    )
    assert meta_of(page("<p>x</p>", head=head))["author"] == "Tyler Brown"


def test_citation_authors_are_all_kept_and_put_first_name_first() -> None:
    head = (
        "<meta name='citation_author' content='Roy, Aniruddha'>"
        "<meta name='citation_author' content='Patel, Jyoti'>"
    )
    assert meta_of(page("<p>x</p>", head=head))["author"] == "Aniruddha Roy; Jyoti Patel"


def test_clean_author() -> None:
    assert clean_author("By  Jane  Doe ") == "Jane Doe"
    assert clean_author("Written by: Jane Doe") == "Jane Doe"
    assert clean_author("Par Sébastien Farcis") == "Sébastien Farcis"
    assert clean_author("View all posts by Ray Ansari") == "Ray Ansari"
    assert clean_author("Written by Rob Ewaschuk Edited by Betsy Beyer") == "Rob Ewaschuk"
    assert clean_author("EditorDavid on Sunday") == "EditorDavid"
    assert clean_author("GrahamTheDev Follow") == "GrahamTheDev"
    assert clean_author("alice » Tue Mar 05, 2024 10:15 am") == "alice"  # phpBB's post header
    assert clean_author("James Clear (Author)") == "James Clear"
    assert clean_author("Tony Bishop from Elizabethtown, KY") == "Tony Bishop"
    for junk in (
        "https://facebook.com/jane",
        "Administrator",
        "@janedoe",
        "sciencealert.com",
        "223509017",
        "View all posts",
        "Written By",
        "page.head.extra.author",
        "Sat, 20 Dec, 2025 - 06:36",
        "content: MarketingSherpa, design: Scott McDaniel",
        "Jun 2 Written By",
        "Sign In",
        "Topic Author",
        "Sun Dec 17, 2023 11:23 am",
        "Government Websites by CivicPlus®",
        "Coming Soon! Plant-Based Food Colors",
        "Home",
    ):
        assert clean_author(junk) is None, junk


# --------------------------------------------------------------------------
# Date
# --------------------------------------------------------------------------


def test_published_beats_modified_and_created() -> None:
    head = (
        "<meta property='article:modified_time' content='2025-01-07T09:08:22+00:00'>"
        "<meta property='article:published_time' content='2017-02-23T17:18:13-08:00'>"
        + ld({"@type": "NewsArticle", "dateCreated": "2017-02-24T01:18:13Z", "dateModified": "2025-01-07"})
    )
    assert meta_of(page("<p>x</p>", head=head))["date"] == "2017-02-23T17:18:13-08:00"


def test_time_element_date_and_language_region() -> None:
    html = (
        "<html lang='pt_br'><body><article><header><time datetime='2021-06-30T12:00:00Z'>30 June</time>"
        "</header></article></body></html>"
    )
    found = meta_of(html)
    assert found["date"] == "2021-06-30T12:00:00+00:00"
    assert found["language"] == "pt-BR"


def test_hatom_abbr_title_date() -> None:
    body = "<abbr class='published' itemprop='datePublished' title='2019-03-05T10:30:00Z'>10:30 am</abbr>"
    assert meta_of(page(body))["date"] == "2019-03-05T10:30:00+00:00"


def test_visible_date_when_nothing_is_declared() -> None:
    body = "<h1>H</h1><div class='text__date'>August 25, 2024</div><p>Body text.</p>"
    assert meta_of(page(body), url=None)["date"] == "2024-08-25"


def test_shown_publication_date_beats_a_shown_revision_date() -> None:
    body = "<h1>H</h1><p>Updated January 5, 2025</p><p>Published December 1, 2024</p><p>Body.</p>"
    assert meta_of(page(body), url=None)["date"] == "2024-12-01"
    only = "<h1>H</h1><p>Last updated: November 13, 2025</p><p>Body.</p>"
    assert meta_of(page(only), url=None)["date"] == "2025-11-13"


def test_modified_date_only_as_a_last_resort() -> None:
    head = "<meta property='article:modified_time' content='2024-02-01T15:46:14+00:00'>"
    assert (
        meta_of(page("<p>No date in the text.</p>", head=head), url=None)["date"]
        == "2024-02-01T15:46:14+00:00"
    )


def test_first_time_element_for_a_forum_thread() -> None:
    body = (
        "<h1>Fan noise</h1><div class='post'><span class='user'>Joined Jul 24, 2017</span>"
        "<time datetime='2024-02-24T18:41:02+00:00'>Feb 24</time><p>My fan is loud.</p></div>"
        "<div class='post'><time datetime='2024-02-25T08:00:00+00:00'>Feb 25</time><p>Clean it.</p></div>"
    )
    assert meta_of(page(body), url=None)["date"] == "2024-02-24T18:41:02+00:00"


def test_other_published_meta_names_and_pages_without_h1() -> None:
    head = "<meta name='published' content='July 17, 2025'>"
    assert meta_of(page("<p>x</p>", head=head), url=None)["date"] == "2025-07-17"
    builder = (
        "<h2>Why we moved</h2><div><svg><path d='M0'/><use href='#cal'/></svg> Feb 16, 2026</div><p>x</p>"
    )
    assert meta_of(page(builder), url=None)["date"] == "2026-02-16"


def test_product_page_has_no_publication_date() -> None:
    head = ld({"@context": "https://schema.org", "@type": "Product", "name": "Desk lamp"})
    body = (
        "<h1>Desk lamp</h1><div class='review'><time datetime='2024-05-02'>May 2, 2024</time> Bright.</div>"
    )
    assert meta_of(page(body, head=head), url=None)["date"] is None
    article = "<meta property='og:type' content='article'>"
    assert meta_of(page(body, head=head + article), url=None)["date"] == "2024-05-02"


def test_listing_page_has_no_publication_date() -> None:
    head = ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Science"})
    body = (
        "<header><div class='site-header__date'>Friday, April 19, 2024</div></header><h1>Science</h1>"
        "<article class='card'><h2>Bees</h2><time datetime='2024-04-18'>April 18</time></article>"
    )
    assert meta_of(page(body, head=head), url="https://www.example.com/science/")["date"] is None


# --------------------------------------------------------------------------
# Site name
# --------------------------------------------------------------------------


def test_sitename_from_feed_title() -> None:
    feed = "title='Gordon&#39;s Radio Bench - RSS' href='/rss'"
    head = f"<link rel='alternate' type='application/rss+xml' {feed}>"
    assert meta_of(page("<p>x</p>", head=head))["sitename"] == "Gordon's Radio Bench"


def test_sitename_tagline_is_dropped() -> None:
    head = (
        "<meta property='og:site_name' content='Aktuálně.cz - Víte, co se právě děje'>"
        "<meta property='og:url' content='https://zpravy.aktualne.cz/sport/a/'>"
    )
    assert meta_of(page("<p>x</p>", head=head))["sitename"] == "Aktuálně.cz"


def _byline_under(headline: str, line: str) -> str | None:
    """The author read from `line`, an element of its own under the <h1> `headline`."""
    return meta_of(page(f"<h1>{headline}</h1><div>{line}</div><p>{headline}.</p>"))["author"]


def test_bylines_on_chinese_japanese_and_korean_pages() -> None:
    """Labelled names under the headline ("作者：", "记者", "文/", "기자"), inside a dateline too."""
    author = functools.partial(_byline_under, "城市公园改造工程正式启动")
    assert author("2025-03-10 09:30 来源：示例日报 作者：王小明") == "王小明"
    assert author("作者：陈思远 刘佳") == "陈思远; 刘佳"
    assert author("本报记者 王小明 李华 报道") == "王小明; 李华"
    assert author("文/王小明") == "王小明"
    assert author("（記者：山田太郎）") == "山田太郎"
    assert author("한지우 기자 jiwoo.han@example.kr") == "한지우"
    # An editor's credit is no byline, and neither is a sentence that mentions a reporter.
    assert author("责任编辑：赵六") is None
    assert author("记者从市住建局获悉，工程共涉及三十条街巷。") is None


def test_an_author_box_biography_in_chinese_or_japanese_is_no_name() -> None:
    box = (
        "<div class='author-box'><div class='label'>この記事を書いた人</div>"
        "<div class='author-name'>はるな</div>"
        "<p>東京の集合住宅で、ベランダ菜園と小さな花壇を育てています。</p></div>"
    )
    assert meta_of(page("<h1>ミニトマトのコツ</h1><p>本文です。</p>" + box))["author"] == "はるな"
    assert clean_author("東京の集合住宅で、ベランダ菜園を育てています。") is None
    assert split_names("王小明、李华") == ["王小明", "李华"]


def test_site_name_from_a_chinese_title() -> None:
    """The site's name ends a "标题_栏目_网站名" title: beside CJK characters an underscore
    separates its parts, as it does not in "os_path"."""
    title = "老城区雨污分流改造完工_城建_江畔在线"
    got = meta_of(page("<h1>老城区雨污分流改造完工</h1><p>正文。</p>", title=title), url=None)
    assert got["sitename"] == "江畔在线"
    assert got["title"] == "老城区雨污分流改造完工"
    assert meta_of(page("<p>x</p>", title="Using os_path in scripts"), url=None)["sitename"] is None
    # A title keeps its own underscores: only the site's name is read from them.
    title = "新竹尖石_美樹營地賞楓 (2)"
    assert meta_of(page("<p>正文。</p>", title=title), url=None)["title"] == title


def test_bylines_in_more_languages() -> None:
    """'Oleh' (Indonesian), 'Bởi' (Vietnamese), 'Penulis:', 'Yazar:', 'Autor:' under the headline."""
    author = functools.partial(_byline_under, "Jembatan dibuka")
    assert author("Oleh Rina Kusumawati · 14 Agustus 2025") == "Rina Kusumawati"
    assert author("Penulis: Rina Kusumawati") == "Rina Kusumawati"
    assert author("Yazar: Ahmet Yılmaz") == "Ahmet Yılmaz"
    assert author("Bởi Nguyễn Văn An") == "Nguyễn Văn An"
    assert author("Autor: Jan Novák") == "Jan Novák"
    # "Oleh karena itu" is "therefore": a sentence, not a byline.
    assert author("Oleh karena itu, warga berharap.") is None


def test_a_byline_ends_at_its_line_break() -> None:
    # A 2001 story page: the name in bold, the desk on the line under it, in one <font>.
    body = (
        "<table><tr><td><h2>Bronze Age boat pulled from English mud</h2><font size='2'><b>By Jane Porter</b>"
        "<br>CNN London</font><p>LONDON, England -- Archaeologists have lifted ...</p></td></tr></table>"
    )
    html = page(body, title="CNN.com - Bronze Age boat pulled from English mud - March 12, 2001")
    assert meta_of(html, url=None)["author"] == "Jane Porter"

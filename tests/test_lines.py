import re

import pytest

from scraper.lines import (
    REPEATED_LINE_CHARS,
    REPEATED_RUN_CHARS,
    REPEATED_RUN_LINES,
    drop_adjacent_repeats,
    drop_appeals,
    drop_byline,
    drop_own_address,
    drop_repeated_lines,
    drop_repeated_runs,
    filter_blocks,
    is_appeal,
    is_boilerplate_line,
    is_byline,
    said_once,
)
from scraper.wording import BOILERPLATE_LINES


@pytest.mark.parametrize(
    "line",
    [
        "by admin",
        "By Jane Doe",
        "Leave a Comment",
        "Report this ad",
        "Advertisements",
        "Please follow and like us:",
        "This site uses Akismet to reduce spam. Learn how.",
        ".",
        "Share this:",
        "Advertisement",
        "- Advertisement -",  # tagDiv's label, between dashes
        "1.3K",  # a clap or like counter
        "asked Mar 1 at 10:11",  # a Q&A post's stamps
        "edited 2 days ago",
        "Share your feedback or report an error",  # a news page's corrections link
        "Suggest a correction",
        "WASHINGTON (AP) —",
        "Vero Beach, Florida CNN —",
        "Media caption, Watch: The flooded high street",
        "Image source, Kellsmouth Town Council",
        "The BBC is not responsible for the content of external sites.",
        "Explore more on these topics",
        "Not the answer you're looking for? Browse other questions tagged python.",
        "Did you find this article valuable?",
        "Se adhiere a los criterios de The Trust Project",
        "Adheres to The Trust Project's criteria",
        "Support Viktor's Chess Notes by becoming a sponsor. Any amount is appreciated!",
        "— Advertisement —",
        "Advert",
        "Iklan",
        "Recommended Stories",
        "Latest News",
        "Share this story on",
        "View all posts by Toni Golen, MD",
        "Publicidad",
        "To Read the Full Story",
        # A teaser's title written again by its image's title and its link; a button twice over.
        "How to Defeat the Urge to Binge Shop How to Defeat the Urge to Binge Shop",
        "Request A Quote Request A Quote",
        "Privacy & Cookies Policy",
        "See also Ukraine - Four dead and 47 injured",
        "Accept Read More",
        "Tags: politics, Kazakhstan",
        "Lire aussi : La réforme des retraites",
        # A forum poster's stats and a post's controls.
        "Posts: 4,032",
        "Join Date: Aug 2012",
        "Reply With Quote",
        "12 Likes",
        "1,234 gold badges 5 silver badges 8 bronze badges",
        "1.5k6 gold badges12 silver badges30 bronze badges",
        "Re: (Score:2)",
        "Code: Select all",
        "Your browser does not support the HTML5 video element.",
        "Verified Buyer",
        "[CTA_MODULE]",
        "Log in / Register",
        "Create an account or sign in to comment",
        "Not open for further replies.",
        "Taxes, discounts and shipping calculated at checkout.",
        "Back to blog",
        "Written by Cassidy Horton",
        "Subscribe to get the latest posts sent to your email.",
        "Page 1 of 8",
        "You may also be interested in the following articles:",
        "This page was last modified on Dec 5, 2025 by MDN contributors.",
        "This page was last edited on 5 December 2025, at 10:00.",
        "You might also like...",
        "YOU MAY ALSO ENJOY:",
        "PIN FOR LATER",
        "Skip to main contentSkip to footer",
        "You need to be a member in order to leave a comment",
        "Already have an account? Sign in here.",
        "$130 Add to cart",
        "Notify me when back in stock",
        "Free shipping on orders over $75",
        "See all reviews",
        "© Copyright 2004-2025 Dieter Hogen, Uta Pippig, and Take The Magic Step®. All Rights Reserved.",
        "Premium Member",
        "Sign In Now",
        "This article is exclusive to STAT+ subscribers",
        "Get a free quote today.",
        "Last updated March 3, 2025 by Erik Demaine.",
        "Published June 23, 2025 10:39AM",
        "Sf2f260c3-bf1f-466a-b856-6f031758a086p16207f0d-5442-4472-ad51-162a45a841c3U58304ab9-e401-4091-"
        "b773-e7e337a260ad 39f161b3-1156-4021-b1f3-f6b57172d5b3n132ee584-19e2-4c51-864a-4af2e26bca57",
        "Last Updated : 20 January 2025",
        "Posted on",
        "Last updated",
        '[button link="https://example.com/submit/" type="big"] Send us YOUR kit review[/button]',
        "Get the latest articles, inspiring how-to's, and educational workbooks delivered to your inbox.",
        "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99.",
        "Was this review helpful? Yes (3) No (0)",
        "Thread starter felixen",
        "Reply With Quote 1",
        "(You must log in or sign up to reply here.)",
        "Edited by Tivimadaim (see edit history)",
        "Reactions: CountMike, Lizzard899 and 3 others",
        "Originally Posted by lowjhg",
        "Join the conversation",
        "Comparer Ne plus comparer",
        "Sort: Best Match",
        "Sort by price: low to high",
        "Current Price",
        "+ $37.75 delivery",
        "Loaded 338 results",
        "Sign in to add this item to your wishlist, follow it, or mark it as ignored",
        "Menu",
        "Image not available for",
        "Report an issue with this product or seller",
        "Seller 99.7% positive",
        "Show More",
        "Your Cart ()",
        "Slide 1 of 8",
        "Filters (1)",
        "No credit card required.",
        "You have no recently viewed pages",
        "You're heading to a new site",
        "Free 90-day returns",
        "Please note that Javascript is turned off in your web browser. To use this site, turn it on.",
        "If you don't know how to turn on Javascript, click here for help.",
        "Please enable JavaScript to view this page.",
        "Try for free Try free for 14 days",
        "Start your free trial today.",
        "20% off",
        "正在加载...",
        "Chargement…",
        "Check price at Amazon (on sale!)",
        "Buy now from one of our trusted retail partners:",
        "previous price$212.01 9% off",
        "Offline",
        "Quick Shop",
        "This slideshow requires JavaScript.",
        "Media playback is unsupported on your device",
        "Image 1 of / 13",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "Sharing is caring!",
        "Did you make this recipe? Tag @farmgirl on Instagram and hashtag it #farmgirlkitchen",
        "Did you make one of my recipes? Please take a moment to leave a star rating.",
        "Tried this Recipe? Pin it for Later!",
        # A form's status messages.
        "Thank you! Your submission has been received!",
        "Oops! Something went wrong while submitting the form.",
        "Thank you for subscribing to our daily newsletter.",
        "Thanks for signing up!",
        "Something went wrong. Please try your request again later.",
        "There was a problem calculating your shipping. Please try again.",
        "Add to Compare",
        # A post's view counter.
        "(Visited 1,902 times, 364 visits today)",
        "This post has been viewed 56 times.",
        "Top Rated",
        "Best seller",
        "https://cdn11.example-shop.com/images/stencil/160x160/5001_STAPLE_TEE_BONE_THUMB_1.jpg",
        "Report inappropriate content",
        "8 helpful votes",
        # A question-and-answer site's interface.
        "Asked 13 years, 8 months ago",
        "Viewed 11k times",
        "Sorted by: Reset to default",
        "See similar questions with these tags.",
        # A picture agency's credit, alone or after the photographer.
        "Getty Images",
        "Streetcats Studio / Shutterstock",
        "OsakaWayne Studios//Getty Images",
        "Win McNamee via Getty Images",
        "Justin Sullivan / Staff via Getty Images",
        "Image source: Getty Images.",
        "Courtesy of Hilton",
        "Natalie Naccache | Bloomberg | Getty Images",
        "Justin Sullivan/Getty Images via Getty Images",
        # A reading time run into the date beside it.
        "6 min readMay 2, 2023",
        "7 min read · Dec 30, 2013",
        # A thread's counters and sort control.
        "2 Answers",
        "1,693 views",
        "Sort By: Sort By:",
        "Sort :",
        # A thread's and a post's date labels.
        "Start date Mar 27, 2025",
        "Last edited: Oct 29, 2023",
        # A feedback widget's question.
        "Was this page helpful?",
        "Did you find this product summary feature useful?",
        # A news wire's legal footer.
        "This document is subject to copyright. Apart from any fair dealing for the purpose of private study "
        "or research, no part may be reproduced without the written permission. The content is provided for "
        "information purposes only.",
        "Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18) retrieved "
        "20 November 2019 from https://phys.org/news/2019-11-hibernating-astronauts.html",
        # The marker an ad or a gallery leaves in the story.
        "Article Continues Below",
        "Story continues below advertisement",
        "Advertisement - Scroll to continue",
        # A section heading left alone: its teasers pruned, or filled in by a script.
        "Recently viewed",
        "Frequently Bought Together",
        "Related reads:",
        "About the Author",
        "Sorry, your browser doesn’t support embedded videos.",
        # An interface's labels standing alone.
        "Close",
        "Filters",
        "See All >",
        "On this page",
        "WRITTEN BY",
        # A forum's chrome around a thread: quote buttons and headers, readers, counts, footer.
        "Quote",
        "Quote:",
        "Users who are viewing this thread",
        "Total: 2 (members: 0, guests: 2)",
        "Top Posters In This Topic",
        "12 Posts 5 Posters 3.2k Views 2 Watching",
        "Views 1.9k",
        "Topics: Active | Unanswered",
        "Board footer",
        "Skip to Main",
        "Skip navigation links",
        "Skip Course introduction and Topic navigation block",  # Moodle
        "Last reviewed January 2023",
        "Date Last Reviewed:",
        "Show Caption",
        "Press enter or click to view image in full size",  # Medium
        "Click to expand...",  # XenForo's long quote
        "Enlarge this image",
        "1 2 3 4 5 6 7 8",
        "JUST WATCHED",
        "(16 Videos)",
        "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru",
        "Our Standards:The Thomson Reuters Trust Principles.",
        "Tags: Apple, MacBook Pro",
        "Tag: digitimes.com",
        "[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]",
        "(See also: The river in numbers)",
        "Main article: Firefox",
        "Further information: Gecko (layout engine)",
        "← Previous: Chasing Quick Fixes To Sustainability",
        "« previous 1 2 3 4 5 … 94 95 next »",
        "Next post: The river in numbers",
        "Comparte tu opinión",
        "最終更新:3/9(木) 18:45",
        "【関連記事】",
        "E-mail this story | Printer-friendly version",
        "Print · Email · Share",
        "Imprimer | Envoyer à un ami",
        "Email this to a friend",
        # A placeholder a script fills in, saying what it waits for.
        "Loading ...",
        "Loading paragraph...",
        "Loading prices for your region…",
        "Chargement des commentaires…",
    ],
)
def test_boilerplate(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The external enemy",
        "(Translation by Andrea Sparacino)",
        "By the end of the year, prices had doubled.",
        "We use cookies sparingly, the baker said, and only on Sundays when the oven is hot enough for it."
        * 2,
        "See also the report published last week, which found the same pattern in four other cities.",
        "Joined the army in 1990 and served for twenty years.",
        "The story continues after the war, when the soldiers came home.",
        "sort by priority",
        "12 posts were merged into an existing topic",
        "Points of interest",
        "[Applause]",
        "Written by hand in 1820, the letter survived the fire.",
        "March 2, 2015 was a Monday, and the court sat late.",
        "Membership grew by a third last year.",
        "Updated guidance was published in 2021 by the agency, which said the rules apply.",
        "Free shipping was the company's first promise, and it cost them dearly in 2009.",
        "Register to vote by Friday, the council said, or lose your say in the spring election.",
        '[caption id="attachment_5" align="alignnone"] The harbour at dawn.[/caption]',
        "3 replies to the report were published in May.",
        "Viewed from the harbour wall, the new tower looks twice as tall as it is, locals say.",
        "Asked about the delay, the minister said the work would finish in 2026.",
        "https://www.example.gov/report-2025.pdf",
        "Compare the two plans before you buy: the cheaper one has no support.",
        "Getty Images agreed to buy the rival agency for $3 billion.",
        "Reuters reported that the deal had collapsed.",
        "6 min read of the 1998 report is enough to see the problem",
        "This article first appeared in the Society’s printed newsletter.",
        "Ha ha ha, she wrote back, ha ha ha.",
        "Rain, rain, rain: the forecast for the whole week.",
        "The river rose overnight. The river rose overnight.",
        "Latest news from the front suggested the line would hold.",
        "You might like this book more than its sequel.",
        "This page was last edited on 5 December 2025, at 10:00, and the council met again.",
        "Related work",
        "About the author's first novel, critics were divided.",
        "Close the valve before you loosen the filter housing.",
        "Skip the Tutorial?",
        "Skip package group from being upgraded",
        "Last reviewed by the committee, the rules changed again in 2024 after the flood.",
        "Updated carrying case",
        "Courtesy counts for a lot in this business",
        "Courtesy of the author, this book is free to download.",
        "Request ids 6f031758-bf1f-466a-b856-6f031758a086 and 16207f0d-5442-4472-ad51-162a45a841c3 "
        "both failed, the logs say, after the deploy on Tuesday morning went out to every region.",
        "Posted on Trustpilot.com by Pat K.",
        "Published security audits from a reputable third-party firm.",
        "Sort the beans by size before you roast them.",
        "Start date for applications is March 1, 2026, the council said.",
        "This document is subject to change as the agency reviews comments, officials said on Monday.",
        "Filters made of paper clog within a week.",
        "Written by hand in the margins, the notes survived.",
        "Quote of the day: be kind to the people who serve you.",
        "12 posts, 5 posters and a week of silence: the thread died.",
        "Users who are viewing this thread will see the new rules next week.",
        "Click to view the image, then drag the slider to compare the two scans.",
        "Show caption text beside every figure, the style guide says.",
        "Our standards are higher than the industry's, the chief executive said in 2019.",
        "Up next on the agenda was the budget, which passed 7 to 2.",
        "BC-1 is the name of the first reactor block.",
        "Tags are how the library sorts its books, the archivist said.",
        "Previous attempts failed: the river rose again in March.",
        "Next, the council voted to rebuild the bridge.",
        "The main article of faith: the river always wins.",
        "Printer-friendly versions of the forms are at the town hall.",
        "Share | Save | Sleep: a column about money",
        "(Related research has found the same effect in mice, the authors note.)",
        "Thank you for reading, and see you at the next meetup.",
        "Something went wrong with the launch, and the rocket fell back into the sea.",
        "There was a problem with the brakes, the report says, and nobody said please try again.",
        "We visited 3 times in June and loved it.",
        "Did you make this recipe with rye flour, or only with wheat, as the card says?",
        "Reactions: the market fell 3% on the news, and bonds rallied.",
        "Status of this document",
        "Try for free, the app says, and then it bills you every month.",
        # Headings and sentences about loading, without a placeholder's ellipsis or past its length.
        "Loading an image with XHR",
        "Loading time of your pages",
        "Loading the truck took the movers five hours on a normal day...",
    ],
)
def test_article_lines_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


# WordPress's comment form, Akismet's note and Jetpack's like button in the large locales,
# and share rows without their widget's classes: what leaks where a theme drops the classes.
@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply Cancel reply",
        "Deja una respuesta",
        "Deja un comentario",
        "Deixe um comentário",
        "Lascia un commento",
        "Geef een reactie",
        "Schreibe einen Kommentar Antworten abbrechen",
        "Cancel reply",
        "Antworten",
        "Reply",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
        "O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados com *",
        "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
        "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
        "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine "
        "Kommentardaten verarbeitet werden.",
        "Ce site utilise Akismet pour réduire les indésirables. En savoir plus sur comment les données "
        "de vos commentaires sont utilisées.",
        "Du musst angemeldet sein, um einen Kommentar abzugeben.",
        "Um zu kommentieren, melden Sie sich bitte an.",
        "Vous devez être connecté pour publier un commentaire.",
        "Lo siento, debes estar conectado para publicar un comentario.",
        "Você precisa fazer o login para publicar um comentário.",
        "Devi essere connesso per inviare un commento.",
        "Je moet ingelogd zijn om een reactie te plaatsen.",
        "Like Loading...",
        "Gefällt mir Wird geladen …",
        "Share: Facebook Twitter Email",
        "Teilen: Facebook X WhatsApp",
        "Facebook Twitter LinkedIn Email",
        # ...and the other labels of a post's page in those languages and on Blogger.
        "Relacionado",
        "Articoli correlati",
        "Das könnte dich auch interessieren",
        "Zurück nach oben",
        "Lire la suite",
        "Los comentarios están cerrados.",
        "Load more comments",
        "Mehr laden",
        "Newsletter abonnieren",
        "Copy link",
        "Listen to this article",
        "Open in app",
        "Newer Post Older Post Home",
        "Subscribe to: Post Comments (Atom)",
        "Email ThisBlogThis!Share to TwitterShare to FacebookShare to Pinterest",
        "Posted by Jane at 10:00 AM",
        "No comments:",
        "1 of 12",
        "Image 3 of 8",
        "12 Kommentare",
        "Écrire un commentaire",
        "Veröffentlicht am 5. März 2024",
        "Actualizado el 5 de marzo de 2024",
        "Pubblicato il 5 maggio 2024",
        "Startseite › Politik › Brücke",
        "Home » News » Bridge",
        "Auf Facebook teilen",
        "Jetzt abonnieren",
        "Tax included. Shipping calculated at checkout.",
        "Shipping calculated at checkout.",
        "Who is online",
        "Users browsing this forum: No registered users and 2 guests",
        "All times are UTC",
        "All times are UTC + 1 hour [ DST ]",
        "Return to “Local news” Jump to",
        "Jump to",
        "All times are GMT +1. The time now is 14:01.",
        "Last edited by DevOpsUser on 12. Sep 2024, 11:14, edited 4 times in total.",
        "Last edited by Minoa on Tue Aug 27, 2019 10:03 pm, edited 1 time in total.",
        "Edited by thanosmano",
        "(95.79 KiB) Downloaded 478 times",
        "Posting Rules",
        "You may not post new threads You may not post replies You may not edit your posts",
        "Topic Author",
        "Show more replies",
        # "Read more", "Learn more", "Read also" and the share and print controls.
        "Mehr lesen",
        "Zum Weiterlesen",
        "Mehr erfahren",
        "En savoir plus",
        "Saiba mais",
        "Más información",
        "Ulteriori informazioni",
        "Lees meer »",
        "Czytaj więcej",
        "Läs mer",
        "Artikel drucken",
        "Per E-Mail teilen",
        "Delen",
        "Dela",
        "Läs också: Regeringen lägger fram budgeten",
        "Przeczytaj również: Sejm przyjął ustawę",
        # A story page's controls and labels: front page, gift, listen, comment, read later,
        # subscribers only, the ad's "story continues", reading time, most read, related,
        # sponsored.
        "Zur Startseite",
        "Artikel verschenken",
        "Artikel anhören",
        "Kommentieren",
        "Lire plus tard",
        "Article réservé aux abonnés",
        "Continua dopo la pubblicità",
        "Lees verder na de advertentie",
        "Lecture 3 min.",
        "Lo más visto",
        "Noticia relacionada",
        "Zum Thema",
        "Artykuł sponsorowany",
        "Читать также",
        # A documentation site's controls and footer.
        "Edit this page",
        "Edit on GitHub",
        "View page source",
        "Was this page helpful? Yes No",
        "Thanks for your feedback!",
        "Copy to clipboard",
        "Toggle navigation",
        "Previous Next",
        "Built with MkDocs using a theme provided by Read the Docs.",
        "Created using Sphinx 7.2.6.",
        # A shop's product box: buy and wish-list buttons, size and quantity pickers, the
        # pickup panel, a pay-later offer, payment methods' names.
        "Buy it now",
        "Add to Wish List",
        "Select size",
        "Qty:",
        "Pickup available at Main Street",
        "Couldn't load pickup availability",
        "Or 4 interest-free payments of $25 with Afterpay",
        "4 interest-free payments of $12.49 with Klarna. Learn More",
        "PayPal",
        "Default Title",
    ],
)
def test_comment_form_and_share_rows_in_other_languages(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Akismet is a spam filter that checks every comment against a shared database.",
        "Reply to this letter by Friday, the council wrote.",
        "Facebook and Twitter both banned the account last week.",
        "Share your photos on Facebook or Twitter with the hashtag.",
        "Facebook",
        "Vous devez être connecté pour accéder à la bibliothèque le dimanche matin avec vos enfants.",
        "Laisser une réponse sans réfléchir est la pire des choses, dit-elle.",
        "Verwandte Themen wurden im Rat lange diskutiert.",
        "Load more bricks onto the cart before noon.",
        "Copy link text from the old page before you delete it.",
        "Posted by courier at 10:00 the parcel arrived late.",
        "Home and older posts of the archive moved to the new server in 2019.",
        "5/5",
        "Home improvement is a national hobby, the survey says.",
        "Kommentare sind wichtig für uns alle, sagte sie.",
        "Veröffentlicht am 5. März 2024 wurde der Bericht sofort kritisiert.",
        "Yes, we ship worldwide. Shipping costs are automatically calculated at checkout.",
        "Return to the harbour before the tide turns, the captain said.",
        "Jump to conclusions at your peril.",
        "3 of 4 doctors agree, the survey says.",
        "Edited by Hans Ulrich Obrist and Kostas Stasinopoulos",
        "The topic author replied within the hour, the moderators said.",
        "Mehr erfahren Sie in unserem Ratgeber über die Pflege im Alter.",
        "En savoir plus sur la réforme, qui entre en vigueur en 2025, demande du temps.",
        "Del 2: Regeringen lägger fram budgeten",
        "Zum Thema Klimaschutz hat die Regierung ein Gesetz vorgelegt.",
        "Kommentieren ist hier ausdrücklich erwünscht, sagte sie.",
        "Commenter cet article est réservé aux abonnés depuis le mois de mai.",
        "Next, heat the oil in a wide pan.",
        "Copy the file to the server before you restart it.",
        "Edit this page to add your name, then save it.",
        "Buy now and pay later with our new plan, the bank said.",
        "Quantity matters less than quality, she said.",
    ],
)
def test_sentences_about_comments_and_networks_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_byline_needs_names() -> None:
    assert is_byline("By Maria Ortega and Tom Lee")
    assert not is_byline("by the river")


def test_title_repeated_at_top_is_dropped() -> None:
    blocks = [("heading", "Big News Today"), ("p", "Body text here.")]
    assert filter_blocks(blocks, title="Big news today") == [("p", "Body text here.")]


@pytest.mark.parametrize(
    "line",
    [
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Updated 3:45 PM EST, March 3, 2024",
        "24 July 2015",
        "Mon, July 24th, 2015",
        "12 de octubre de 2020",
        "Comments",
        "Tempo de leitura: 1 minuto",
        "5 min read",
        "Copyright ⓒ Entermedia.co.kr. 무단전재 및 재배포 금지",
        "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.",
        "Subscribe to the 9to5Toys YouTube Channel for all of the latest videos, reviews, and more!",
        "DON'T MISS",
        # A time with a dot and its zone, relative stamps, a row of labelled stamps.
        "Sun 7 Dec 2025 09.00 GMT",
        "Fri 5 Jan 2024 15.45 EST Last modified on Fri 5 Jan 2024 16.10 EST",
        "2 hours ago",
        "Updated 5 mins ago",
        "Posted about a year ago",
        "Published 3:45 p.m. ET Jan. 5, 2024 | Updated 4:10 p.m. ET Jan. 5, 2024",
        # A registration wall, a breadcrumb trail behind its label.
        "Register to keep reading. Already a subscriber? Log in",
        "Sign up for free to continue reading",
        "You are here: Home » News » Bridge",
        "Sie sind hier: Startseite › Politik",
    ],
)
def test_datelines_reading_times_and_calls_to_action(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "At 10:30 on 3 May 2019 the police arrived at the house.",
        "In 2019, 45% of voters chose him.",
        "More than 180 people signed up to speak during the public hearing.",
        "Revenue rose 3.45% in 2024, the company said.",
        "The rate was 3.45 in 2024",
        "Two years ago the bridge fell down.",
        "2 hours ago, the council voted.",
        # A teaser's stamp row in a list of stories is the list's.
        "Mar 07, 2026 | 4 min read",
        "He told them to register to keep reading lists.",
    ],
)
def test_prose_with_numbers_is_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Getty Images",
        "(Image: GETTY)",
        "Image copyright Getty Images",
        "(Image credit: Wareable)",
        "Photo Courtesy of Noble Desktop",
        "Image: © Silke Woweries/Getty Images",
        "Photo credit: Brother-usa.com.",
        "Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly; Editing by Nick Zieminski",
        "Phil Helsel is a reporter for NBC News.",
        "Jane Doe is a senior staff writer at Wired.",
        "Follow AP's full coverage of the election at https://apnews.com/election",
        "BLACK DEATH PLAGUE fears: Holidaymakers die after eating marmot [INSIGHT]",
        "Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]",
    ],
)
def test_credits_and_contributor_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "image: postgres:18",  # a line of a compose file
        "Graphics: Nvidia GeForce GTX 1060 6GB / AMD Radeon RX 480 4GB",  # system requirements
        "Video: 4K/30p, Full HD 120p",  # a camera's specifications
        "Photo: a man walks his dog along the flooded embankment, on Sunday, in the rain and the wind",
        "The firm is a leading producer for the European market.",
        "Reporting by the Guardian found that the scheme had never been audited.",
        "The court heard the defendant had shouted abuse [REDACTED]",  # no headline in capitals
        "He said the RESULTS were final. [UPDATED]",  # a sentence before the label
    ],
)
def test_lines_that_only_look_like_credits_are_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Note: we are temporarily moderating all comments submitted to deal with a surge in spam.",
        "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.",
    ],
)
def test_comment_moderation_notices(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "As an Amazon Associate we earn from qualifying purchases.",
        "We earn commissions from links on our site, enabling us to deliver independent reviews.",
        "This post may contain affiliate links. If you buy through them, I may earn a small commission.",
    ],
)
def test_affiliate_disclosures(line: str) -> None:
    assert is_boilerplate_line(line)


def test_prose_about_commissions_is_kept() -> None:
    assert not is_boilerplate_line(
        "Sales agents earn a commission of 5% on each flat they sell in the new district."
    )


@pytest.mark.parametrize(
    "line",
    [
        # Past the length of a short call to action: the disclosure as a paragraph.
        "Disclosure: every product here is one I have used myself, and all opinions are my own. "
        "This post may contain affiliate links at no extra cost to you. I may earn a small commission. "
        "Read the full privacy policy here.",
        "Keep the Field Notes going! Donate via PayPal or become a patron. We also use affiliate links "
        "in our guides to earn commissions when you buy through them.",
        # The site's own sentence about its donations belongs to the appeal said to the reader.
        "The Review is an independent project kept alive by reader donations, with no ads and no "
        "paywall. We need your help to keep it going. Visit our support page to become a Friend, "
        "or make a one-off donation.",
        "If you enjoyed this article, please consider sharing it and subscribing to the weekly digest.",
        # A public broadcaster's plea in a donation box.
        "WRVN is listener-supported. Make a gift today to keep independent reporting on the air for all.",
        "Local journalism needs your support, now more than ever, as advertising pays for less of it.",
    ],
)
def test_appeals_to_the_reader_go_whatever_their_length(line: str) -> None:
    assert len(line) > 80
    assert is_appeal(line)
    body = [("p", "The council voted on Tuesday."), ("p", line), ("p", "Work starts in May.")]
    assert drop_appeals(body) == [body[0], body[2]]


@pytest.mark.parametrize(
    "line",
    [
        # Affiliate links, donations and support as the article's subject.
        "With 50 followers you can offer subscriptions, run ads and earn through brand deals and "
        "affiliate links, and viewers can send you tips.",
        "The food bank said donations rose by a fifth last winter, and it now asks supermarkets to "
        "donate what they cannot sell before it spoils.",
        "The food bank said reader donations rose by a fifth. It will open a second hall in May, its "
        "director said, and hire two more drivers for the rural routes.",
        "Her recovery depends on your support, the doctor told the family gathered in the ward on Friday.",
        "The station is listener-supported and has been since 1971, when farmers pooled their savings.",
        "Image by the studio. This guide has some affiliate links. The linen comes from a mill in "
        "Portugal that has woven flax for four generations, and it softens with every wash, which is "
        "why we keep coming back to it for summer sheets, shirts and the odd tablecloth.",
    ],
)
def test_sentences_about_affiliates_and_donations_stay(line: str) -> None:
    assert not is_appeal(line)
    body = [("p", line)]
    assert drop_appeals(body) is body


def test_code_and_table_rows_are_not_filtered_as_prose() -> None:
    # A log line is a "dateline" by its shape, a row of a query's output a
    # "copyright" line: as code or a table row they are data and stay.
    blocks = [
        ("p", "The server logged the failures below."),
        ("code", "2020-08-01 18:00:00+00 │ 404 │ 0"),
        ("row", "2020-08-01 17:59 | 400 | 12"),
        ("p", "2020-08-01 17:59"),
    ]
    kept = [line for _, line in filter_blocks(blocks)]
    assert kept == [
        "The server logged the failures below.",
        "2020-08-01 18:00:00+00 │ 404 │ 0",
        "2020-08-01 17:59 | 400 | 12",
    ]


PARAGRAPHS = [
    ("p", f"Paragraph {n} of the story, long enough to count as prose on any page. " * 2) for n in range(8)
]


def test_a_run_of_paragraphs_said_again_is_dropped_the_first_time_kept() -> None:
    run = PARAGRAPHS[2:6]
    assert sum(len(line) for _, line in run) >= REPEATED_RUN_CHARS
    blocks = [*PARAGRAPHS, ("heading", "Print this article"), *run, ("p", "The end.")]
    assert drop_repeated_runs(blocks) == [*PARAGRAPHS, ("heading", "Print this article"), ("p", "The end.")]


def test_a_whole_body_rendered_twice_comes_out_once() -> None:
    assert drop_repeated_runs(PARAGRAPHS + PARAGRAPHS) == PARAGRAPHS


@pytest.mark.parametrize(
    "repeated",
    [
        PARAGRAPHS[2 : 2 + REPEATED_RUN_LINES - 1],  # too few lines
        [("p", "Short line.")] * REPEATED_RUN_LINES,  # too few characters
        [("item0", "1 scoop protein, 1 cup strawberries, 8 oz. almond milk")] * REPEATED_RUN_LINES,
    ],
)
def test_short_repeats_stay(repeated: list[tuple[str, str]]) -> None:
    blocks = repeated + PARAGRAPHS + repeated
    assert drop_repeated_runs(blocks) == blocks


def test_the_same_lines_in_another_order_stay() -> None:
    blocks = PARAGRAPHS + PARAGRAPHS[::-1]
    assert drop_repeated_runs(blocks) == blocks


def test_each_long_line_kept_once_where_lines_are_copies() -> None:
    quote = ("quote", "x" * REPEATED_LINE_CHARS)
    short = ("p", "Quote")
    blocks = [("p", "First post " * 5), quote, short, ("p", "Second post " * 5), quote, short]
    assert drop_repeated_lines(blocks) == [
        ("p", "First post " * 5),
        quote,
        short,
        ("p", "Second post " * 5),
        short,
    ]


def test_lines_said_once_are_all_kept() -> None:
    assert drop_repeated_lines(PARAGRAPHS) is PARAGRAPHS


@pytest.mark.parametrize(
    ("line", "once"),
    [
        ("EUR 355.58EUR 355.58", "EUR 355.58"),  # the price and its screen-reader copy
        ("Make mealtime amazingMake mealtime amazing", "Make mealtime amazing"),  # and its hover copy
        ("Book Now *Book Now *Book Now *Book Now *", "Book Now *"),  # a marquee's copies
        ("WATERPROOFWATERPROOF", "WATERPROOF"),
    ],
)
def test_a_line_said_over_and_over_is_said_once(line: str, once: str) -> None:
    assert said_once(line) == once
    assert filter_blocks([("p", line)]) == [("p", once)]


@pytest.mark.parametrize(
    "line",
    [
        "couscous",  # a word that repeats a syllable
        "Bora Bora is an island in French Polynesia.",
        "--------------------------------",  # a rule
        "=-=-=-=-=-=-=-=-",
        "ha ha ha ha ha ha ha",  # not whole copies of one stretch of six characters or more
        "The river rose. The river rose. " * 20,  # over the length where copies are labels
    ],
)
def test_other_lines_are_not_said_once(line: str) -> None:
    assert said_once(line) == line


def test_code_and_table_rows_are_left_as_they_are() -> None:
    blocks = [("code", "0x00ff0x00ff0x00ff"), ("row", "Total | Total")]
    assert filter_blocks(blocks) == blocks


def test_a_line_that_is_the_pages_own_address_goes() -> None:
    blocks = [
        ("p", "The council met on Tuesday."),
        ("p", "https://www.example.org/news/flood/"),  # a share box's "copy link" field
        ("p", "http://example.org/news/flood#post-3"),  # a post's permalink, as its text
        ("p", "https://example.org/report.pdf"),  # a reference: another address
        ("p", "Read it at https://example.org/news/flood today."),
        ("code", "curl https://example.org/news/flood"),
    ]
    kept = drop_own_address(blocks, ("https://example.org/news/flood", None))
    assert [line for _, line in kept] == [
        "The council met on Tuesday.",
        "https://example.org/report.pdf",
        "Read it at https://example.org/news/flood today.",
        "curl https://example.org/news/flood",
    ]
    assert drop_own_address(blocks, (None, None)) is blocks


def test_the_headline_under_the_pages_address_goes_with_it() -> None:
    """The top of the body was the address, then the headline said again: the headline
    would have gone had it come first."""
    blocks = [("p", "https://example.org/flood"), ("heading", "The flood"), ("p", "The river rose.")]
    kept = drop_own_address(blocks, ("https://example.org/flood",), title="The Flood")
    assert kept == [("p", "The river rose.")]
    middle = [("p", "The river rose."), ("p", "https://example.org/flood"), ("p", "The flood")]
    assert drop_own_address(middle, ("https://example.org/flood",), title="The Flood") == [
        ("p", "The river rose."),
        ("p", "The flood"),
    ]


def test_boilerplate_patterns_are_written_in_lower_case() -> None:
    # ASCII lines are lower-cased and matched without IGNORECASE: an upper-case letter in a
    # pattern (other than an escape such as \W or \S) would never match.
    for pattern in BOILERPLATE_LINES:
        assert not re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]", "", pattern)), pattern


BYLINE_BODY = [
    ("p", "Exercising regularly can ease mild depression, a review of earlier studies suggests."),
    ("p", "The analysis pooled 97 reviews covering more than a thousand trials."),
]


@pytest.mark.parametrize(
    "byline",
    [
        "By Maureen Salamon, Executive Editor, Health Watch",
        "By Maureen Salamon • March 12, 2025",
        "BY MAUREEN SALAMONPublished: Dec 20, 2023",
        "Written by Maureen Salamon 3 minutes",
    ],
)
def test_the_byline_that_names_the_author_goes_from_the_top_of_the_body(byline: str) -> None:
    blocks = [("p", byline), *BYLINE_BODY]
    assert drop_byline(blocks, "Maureen Salamon") == BYLINE_BODY
    # A reviewer's line right under it goes with it; "Jane Doe and John Roe" is read by its first name.
    reviewed = [("p", byline), ("p", "Reviewed by Toni Golen, MD, Editor in Chief"), *BYLINE_BODY]
    assert drop_byline(reviewed, "Maureen Salamon and Toni Golen") == BYLINE_BODY


def test_a_byline_stays_where_it_is_not_the_authors_or_not_at_the_top() -> None:
    other = [("p", "By Jane Doe • March 12, 2025"), *BYLINE_BODY]
    assert drop_byline(other, "Maureen Salamon") is other
    assert drop_byline(other, None) is other
    prose = [("p", "By Maureen Salamon's own count, the trials ran for decades."), *BYLINE_BODY]
    assert drop_byline(prose, "Maureen Salamon") is prose
    assert len(drop_byline([("p", "By Maureen Salamons"), *BYLINE_BODY], "Maureen Salamon")) == 3
    late = [*BYLINE_BODY, *BYLINE_BODY, ("p", "By Maureen Salamon"), ("p", "More text follows here.")]
    assert drop_byline(late, "Maureen Salamon") is late
    # One author's list of posts: every teaser has the byline, and each keeps it.
    listing = [
        ("h2", "Post one"),
        ("p", "By Maureen Salamon • Dec. 19"),
        ("h2", "Post two"),
        ("p", "By Maureen Salamon • Dec. 16"),
    ]
    assert drop_byline(listing, "Maureen Salamon") is listing


SLIDES = [
    ("heading", "Universal Appeal"),
    ("p", "Increasing attendance and awareness of a world-class space museum in small-town Kansas."),
    ("heading", "The Picture of Health"),
    ("p", "A collaborative approach brought leadership into the creative process."),
]


def test_cards_rendered_twice_in_a_row_come_out_once() -> None:
    # A slider's slides in their desktop and mobile variants, one after the other: each
    # card's heading and blurb said again right after itself.
    twice = [SLIDES[0], SLIDES[1], SLIDES[0], SLIDES[1], SLIDES[2], SLIDES[3], SLIDES[2], SLIDES[3]]
    assert drop_adjacent_repeats(twice) == SLIDES
    # A hover layer repeats the title as a paragraph; three copies go as two do.
    hover = [("heading", "Coffee"), ("p", "Coffee"), ("p", "Coffee"), ("p", "$19.99")]
    assert drop_adjacent_repeats(hover) == [("heading", "Coffee"), ("p", "$19.99")]
    assert drop_adjacent_repeats(SLIDES * 2) == SLIDES  # a stretch of four


@pytest.mark.parametrize(
    "blocks",
    [
        [],
        SLIDES,
        # One line over and over is a list or a refrain, not a copy.
        [("item0", "1 scoop protein, 1 cup strawberries, 8 oz. almond milk")] * 4,
        [("p", "Let it be, let it be"), ("p", "Let it be, let it be"), ("p", "Whisper words of wisdom")],
        # Code and tables are data.
        [("code", "    }"), ("code", "}"), ("code", "    }"), ("code", "}")],
        [("row", "a | b"), ("row", "c | d"), ("row", "a | b"), ("row", "c | d")],
        # Paragraphs a test page repeats on purpose; the same lines, not right after.
        [("p", "Lorem ipsum dolor sit amet. " * 10), ("p", "Sed do eiusmod. " * 15)] * 2,
        [SLIDES[0], SLIDES[1], ("p", "Between them."), SLIDES[0], SLIDES[1]],
        # Five lines said again: past a card's size (and `drop_repeated_runs`'s business).
        [("p", f"Line {n}") for n in range(5)] * 2,
    ],
)
def test_what_is_not_a_block_rendered_twice_stays(blocks: list[tuple[str, str]]) -> None:
    assert drop_adjacent_repeats(blocks) == blocks


# Chinese, Japanese and Korean pages' chrome, where a portal's theme lets it through as text.
@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 科技 > 正文",
        "首页 > 新闻中心 > 正文",
        "科技 > 要闻 > THE NEXT WEB > 正文",
        "ホーム > 国内 > 社会",
        "홈 > 지역 > 교통",
        "【责任编辑：黄晓敏】",
        "[责任编辑：alonliu]",
        "（编辑：李四 校对：王五）",
        "来源：新华社",
        "作者：陈思远 刘佳",
        "记者 王小明 李华",
        "文/王小明",
        "（記者：山田太郎）",
        "한지우 기자 jiwoo.han@example.kr",
        "分享到：微信 微博 QQ空间",
        "转播到腾讯微博",
        "扫一扫，关注我们",
        "この記事をシェアする",
        "LINEで送る",
        "공유하기 페이스북 트위터 카카오톡 URL 복사",
        "【打印】【关闭】",
        "字号：大 中 小",
        "返回顶部",
        "上一篇：滨江公园二期开园",
        "ページトップへ",
        "続きを読む",
        "맨 위로",
        "网友评论",
        "已有0条评论，请登录后发表评论",
        "更多评论",
        "コメント（12）",
        "댓글 0",
        "发表回复",
        "取消回复",
        "您的电子邮箱地址不会被公开。 必填项已用 * 标注",
        "メールアドレスが公開されることはありません。 ※ が付いている欄は必須項目です",
        "이메일 주소는 공개되지 않습니다. 필수 필드는 *로 표시됩니다",
        "本站使用Akismet来减少垃圾评论。了解你的评论数据如何被处理。",
        "このサイトはスパムを低減するために Akismet を使っています。"
        "コメントデータの処理方法の詳細はこちらをご覧ください。",
        "相关阅读",
        "【相关新闻】",
        "猜你喜欢",
        "関連記事",
        "あわせて読みたい",
        "많이 본 뉴스",
        "正在加载...",
        "广告",
        "版权所有 © 2025 江畔在线",
        "江ICP备00000000号-1 江公网安备 32000000000000号",
        "【本文版权归作者所有。未经授权，不得转载、摘编。】",
        "转载请注明出处",
        "Copyright © 2025 例示新聞社 無断転載を禁じます",
        "저작권자 © 바닷가일보 무단전재 및 재배포 금지",
        "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
        # Stamps: the date with its time, source or label, and a date alone with its weekday.
        "2025年3月10日 10時15分",
        "3/9(木) 18:45配信",
        "TNW中文站2016年10月14日07:17",
        "2025-03-10 09:30 来源：示例日报 作者：王小明",
        "发布时间：2025年03月10日 09:30",
        "2025年3月10日 星期一",
        "입력 2025.03.10 09:30 수정 2025.03.10 10:12",
        # A paywall's and an app's prompts.
        "残り1234文字（全文2345文字）",
        "この記事は有料記事です。残り800文字",
        "この記事の写真をみる（3枚）",
        "展开全文",
        "打开APP阅读全文",
        "▶ 네이버에서 바닷가일보를 구독하세요!",
        # A portal's plug for its app and its account, and the story's keywords.
        "新浪新闻客户端",
        "海量资讯、精准解读，尽在新浪新闻APP",
        "新浪新闻公众号",
        "更多热点速递、私房茶话，欢迎关注。",
        "文章关键词：夜间托管 双职工",
    ],
)
def test_chinese_japanese_and_korean_chrome_goes(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "中心公园建于上世纪八十年代，是市内最大的综合性公园之一。",
        "2016年10月14日，谷歌宣布收购这家公司。",
        "2025年3月10日の株式市場",
        "TNW中文站 10月14日报道",
        "「駅前のにぎわいを取り戻したい」と話した。",
        "市民张女士每天早晨都会到公园散步。",
        "记者从市住建局获悉，工程共涉及三十条街巷。",
        "下一步：加装智能监测设备",
        "著作権法の改正により、引用のルールが変わった。",
        "그는 기자회견에서 노선 개편 계획을 밝혔다.",
        "施工人员在东门街铺设污水管道（资料图片）",
        "有料記事の数が増えている。",
        "▶ 그는 회의에서 노선 개편을 밝혔다.",
        "他说，这个客户端的问题已经解决了，用户可以放心使用。",
        "关键词搜索的结果显示，市民最关心的是停车问题。",
    ],
)
def test_chinese_japanese_and_korean_prose_stays(line: str) -> None:
    assert not is_boilerplate_line(line)


# WordPress's comment form and a story page's labels in Turkish, Vietnamese, Indonesian and
# Malay, Arabic, Persian, Czech, Ukrainian and Hindi.
@pytest.mark.parametrize(
    "line",
    [
        "Bir Yanıt Yazın",
        "Yanıtı iptal et",
        "E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir",
        "Bu site, istenmeyenleri azaltmak için Akismet kullanıyor.",
        "Để lại một bình luận",
        "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
        "Tinggalkan Balasan",
        "Batalkan balasan",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
        "Situs ini menggunakan Akismet untuk mengurangi spam.",
        "اترك تعليقاً",
        "إلغاء الرد",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "دیدگاهتان را بنویسید",
        "نشانی ایمیل شما منتشر نخواهد شد. بخش‌های موردنیاز علامت‌گذاری شده‌اند *",
        "Napsat komentář",
        "Zrušit odpověď",
        "Vaše e-mailová adresa nebude zveřejněna. Povinná pole jsou označena *",
        "Залишити коментар",
        "Скасувати відповідь",
        "एक उत्तर दें",
        "आपका ईमेल पता प्रकाशित नहीं किया जाएगा. आवश्यक फ़ील्ड चिह्नित हैं *",
        "Devamını oku",
        "Xem thêm »",
        "Baca juga: Harga cabai naik jelang Lebaran",
        "ये भी पढ़ें: दिल्ली में बारिश",
        "Čtěte také: Nová linka metra",
        "Читайте також: Нова лінія метро",
        "اقرأ أيضاً: ارتفاع الأسعار",
        "Bagikan",
        "Paylaş:",
        "12 Yorum",
        "Bình luận (3)",
        "İlgili Haberler",
        "Bài viết liên quan",
        "Artikel Terkait",
        "مقالات ذات صلة",
        "Související články",
        "Схожі статті",
        "संबंधित खबरें",
        "Reklam",
        "Quảng cáo",
        "© 2025 Haber Sitesi. Tüm hakları saklıdır.",
        "Hak cipta dilindungi undang-undang.",
        "جميع الحقوق محفوظة",
        # WordPress's comment form in Swedish, Finnish, Hungarian, Romanian, Greek, Hebrew and Thai.
        "Lämna ett svar Avbryt svar",
        "Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *",
        "Sähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *",
        "Vélemény, hozzászólás?",
        "Az e-mail címet nem tesszük közzé. A kötelező mezőket * karakterrel jelöltük",
        "Adresa ta de email nu va fi publicată. Câmpurile obligatorii sunt marcate cu *",
        "Αφήστε μια απάντηση",
        "Η ηλ. διεύθυνση σας δεν δημοσιεύεται. Τα υποχρεωτικά πεδία σημειώνονται με *",
        "כתיבת תגובה",
        "האימייל לא יוצג באתר. שדות החובה מסומנים *",
        "ใส่ความเห็น",
        "Denna webbplats använder Akismet för att minska skräppost.",
    ],
)
def test_comment_form_and_story_labels_in_more_languages(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Yorum yapmak isteyenler için yeni kurallar getirildi.",
        "Baca juga artikel ini sampai habis ya, teman-teman.",
        "Tin liên quan đến vụ việc đã được công bố.",
        "Chia sẻ kinh nghiệm của bạn với chúng tôi hôm nay.",
        "Paylaş butonuna basan kullanıcı sayısı arttı.",
        "Reklam sektörü bu yıl büyüdü.",
        "Hak cipta lagu itu dipegang oleh label rekaman.",
        "A kötelező mezőket a kérelemben ki kell tölteni.",
    ],
)
def test_prose_in_those_languages_stays(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Kamis, 14 Agustus 2025",
        "14 sierpnia 2025 r.",
        "14 августа 2025 г.",
        "14. srpna 2025",
        "12 janv. 2024",
        "5. Okt. 2024",
        "Mon, July 24th, 2015",
        # ...and bylines in Indonesian and Vietnamese.
        "Oleh Rina Kusumawati",
        "Bởi Nguyễn Văn An",
    ],
)
def test_written_dates_and_bylines_in_more_languages_go(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    ["Chapter 12, 2025", "Section 3, 2024", "Mayday 5, 2025", "Top 10 2025", "Oleh karena itu warga"],
)
def test_a_word_before_a_number_and_a_year_is_no_date(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # A portal's and a blog's tools and footers of the 2000s.
        "Send this story to a friend",
        "Email this entry",
        "TrackBack (3)",
        "Rate this recipe: 1 2 3 4 5",
        "Версия для печати | Отправить по почте",
        "Ссылки по теме",
        "Jump to: navigation, search",
        'Retrieved from "http://en.wikipedia.org/wiki/Lighthouse"',
        "You are visitor number 4521 since March 2001.",
        "Note: Pages will open in a new browser window",
        "Find this article at: http://www.example.com/2001/story.html",
        "RELATED SITES:",
        "STORY HIGHLIGHTS",
        "current mood: tired",
        "Posted by Dan Whitcombe at 9:14 PM | Email this entry | TrackBack (3) | Comments (9)",
        "投稿者 うめきち 時刻 15:22｜コメント(3)｜トラックバック(0)",
        "This entry was posted on Tuesday, August 15th, 2006 at 9:12 pm and is filed under Gardening. "
        "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, "
        "or trackback from your own site.",
        # ...and today's portals' ad markers and appeals, in their languages.
        "PUBLICIDADE",
        "โฆษณา",
        "Dalsza część artykułu pod materiałem wideo",
        "📲 Participe do canal do g1 Rio no WhatsApp",
        "Veja mais notícias da região no g1 Rio de Janeiro",
        "Якщо ви помітили помилку, виділіть необхідний текст і натисніть Ctrl + Enter, щоб повідомити "
        "про це редакцію.",
        "Masz newsa, zdjęcie lub filmik? Prześlij nam przez dziejesie.wp.pl",
        "Ακολουθήστε το iefimerida.gr στο Google News",
        'Simak Video "Video: Harga Beras Naik Terus, Ini Kata Pedagang Pasar Induk"',
        "[Gambas:Video 20detik]",
        "(ada/das)",
        "Pastikan kamu sudah install aplikasi WhatsApp ya.",
        "Ми працюємо для вас. Підтримайте незалежну журналістику – станьте читачем Клубу УП.",
        "הצטרפו לקבוצת הוואטסאפ של ynet וקבלו את העדכונים החשובים ביותר",
        "VÍDEOS: tudo sobre Campinas e Região",
        "نویسنده, مریم افشار",
        "Skip podcast promotion and continue reading",
        "آخر تحديث: 13/5/2024 13:05 (توقيت مكة المكرمة)",
        "Watch the rescue swimmer describe the hoist »",
        "Post new topic",
        "View previous topic :: View next topic",
        "You cannot post new topics in this forum",
        "Sawdust Corner Forum Index -> Finishing",
        "vB code is On",
        "Powered by vBulletin® Version 3.6.4",
        "More information about the Birding-NE mailing list",
        "Back to Helen Park's home page",
        "このページに関するお問い合わせ",
        "PDFファイルをご覧いただくには、Adobe Readerが必要です。",
    ],
)
def test_old_portals_tools_and_portals_appeals_go(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The entry was posted on the noticeboard before the meeting began.",
        "Visitors to the museum can rate this exhibition online.",
        "The museum's article history goes back to 1850.",
        "Google News changed how publishers reach readers on WhatsApp and elsewhere, the study found, "
        "and the effect on local papers has been lasting.",
        "Press Ctrl + Enter to run the cell; an error in it stops the notebook.",
        "Join the two billion people who use WhatsApp every day, the company said.",
        "Author, activist and broadcaster Jane Doe has died.",
        "The forum index fell two points after the announcement, its lowest close in a month.",
        "She went back to the old home page design after readers complained.",
        "Simak baik-baik penjelasan guru sebelum ujian dimulai, kata kepala sekolah.",
    ],
)
def test_prose_about_those_tools_stays(line: str) -> None:
    assert not is_boilerplate_line(line)

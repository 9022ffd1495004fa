"""Line-level filters on extracted text: the last net for boilerplate.

DOM pruning (`scraper.clean`) removes what markup gives away. What survives
it and still reads as boilerplate is caught here by wording: a line that *is*
a call to action, a consent sentence, a share prompt or a byline. Patterns
are anchored and short-line-only, so an article sentence that merely
mentions cookies or comments is kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from scraper.clean import starts_with_related_wording
from scraper.dates import MONTHS
from scraper.dom import collapse
from scraper.sections import MAX_HEADING_CHARS, is_author_box_heading, is_recommendation_heading
from scraper.words import has_east_asian

Block = tuple[str, str]
"""(kind, text): kind is p, heading, item<depth>, row, quote or code."""
# What joins a table row's cells into one line (and splits it again for Markdown).
CELL_SEPARATOR = " | "

# A comment form's heading: WordPress's "Leave a Reply" in its large locales.
_COMMENT_HEADING = (
    r"(?:leave|post|add|write) a (?:comment|reply)|(?:schreibe|hinterlasse) einen kommentar"
    r"|laisser (?:un commentaire|une réponse)|deja (?:una respuesta|un comentario)|dejar un comentario"
    r"|deixe (?:uma resposta|um comentário)|lascia (?:un commento|una risposta)"
    r"|geef een reactie|laat een reactie achter|(?:dodaj|zostaw) komentarz"
    r"|(?:добавить|оставить) комментарий"
)

# Whole lines that are interface text, in several languages (matched lower-cased).
BOILERPLATE_LINES = (
    # A comment form (WordPress's, in its large locales too, where a theme without its
    # classes lets it through): its heading, alone or with the cancel link beside it, the
    # lone reply and cancel links, the e-mail and required-fields notes, Akismet's note.
    _COMMENT_HEADING,
    r"(?:comparte|deja|escribe) tu (?:opinión|comentario)|ajouter un commentaire",
    r"this site uses akismet to reduce spam.*",
    r"your email address will not be published.*",
    r"required fields are marked.*",
    rf"(?:{_COMMENT_HEADING})? ?(?:cancel reply|antworten abbrechen|annuler la réponse"
    r"|cancelar (?:la )?respuesta|cancelar resposta|annulla (?:la )?risposta|reactie annuleren"
    r"|anuluj pisanie odpowiedzi|отменить ответ)",
    r"(?:reply|antworten|répondre|responder|responda|rispondi|beantwoorden|odpowiedz|ответить)",
    r"(?:(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht"
    r"|votre adresse (?:e-?mail|de messagerie) ne sera pas publiée"
    r"|tu (?:dirección de )?correo(?: electrónico)? no (?:será|se) publicad[oa]"
    r"|o seu endereço de e-?mail não será publicado|il tuo indirizzo (?:e-?mail )?non sarà pubblicato"
    r"|je e-?mailadres wordt niet gepubliceerd|twój adres e-?mail nie zostanie opublikowany"
    r"|ваш адрес email не будет опубликован).*",
    r"(?:erforderliche felder sind mit|les champs obligatoires sont indiqués avec"
    r"|los campos obligatorios están marcados con|(?:os )?campos obrigatórios são marcados com"
    r"|i campi obbligatori sono contrassegnati|vereiste velden zijn gemarkeerd met"
    r"|wymagane pola są oznaczone|обязательные поля помечены).*",
    r"(?:diese website verwendet|ce site utilise|este sitio(?: web)? usa|este site (?:usa|utiliza)(?: o)?"
    r"|questo sito(?: web)? (?:usa|utilizza)|deze site gebruikt|ta witryna wykorzystuje"
    r"|этот сайт использует) akismet\b.*",
    # ...and its notice to readers who are not logged in: "Du musst angemeldet sein, um einen
    # Kommentar abzugeben.", "Vous devez être connecté pour publier un commentaire."
    r"(?:(?:du musst|sie müssen) angemeldet sein,? um (?:einen kommentar|kommentare) .{0,40}"
    r"|um zu kommentieren,? (?:melde dich|melden sie sich|logge dich|loggen sie sich) .{0,30}"
    r"|vous devez (?:être connecté|vous connecter) pour (?:publier|poster|laisser) .{0,40}"
    r"|connectez-vous pour (?:commenter|publier un commentaire).{0,20}"
    r"|(?:lo siento, )?debes (?:iniciar sesión|estar (?:conectado|registrado))"
    r" para (?:publicar|comentar|dejar).{0,40}"
    r"|inicia sesión para (?:comentar|publicar un comentario).{0,20}"
    r"|você precisa (?:fazer o login|estar (?:conectado|logado)) para (?:publicar|comentar|enviar).{0,40}"
    r"|faça (?:o )?login para (?:comentar|publicar um comentário).{0,20}"
    r"|devi (?:essere connesso|effettuare il login|essere loggato)"
    r" per (?:inviare|pubblicare|commentare).{0,40}"
    r"|accedi per (?:commentare|lasciare un commento).{0,20}"
    r"|je moet (?:ingelogd zijn|inloggen) om (?:een reactie|te reageren).{0,40})",
    # A share button named for its network ("Auf Facebook teilen", "Condividi su WhatsApp"), and
    # the subscribe and bookmark buttons in those languages.
    r"(?:auf|on|sur|en|su|op|na|no) (?:facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit)"
    r" (?:teilen|partager|compartir|condividi|delen|udostępnij|compartilhar)",
    r"(?:jetzt )?abonnieren|s'abonner|suscribirse|suscríbete|assine já|abbonati|abonneren|subskrybuj"
    r"|подписаться|merken|zum merkzettel hinzufügen",
    # Jetpack's like button as text: "Like Loading...", "Gefällt mir Wird geladen …".
    r"(?:like|gefällt mir|j[’']aime|me gusta|curtir|mi piace|vind ik leuk|lubię to|нравится)\s?"
    r"(?:loading|wird geladen|chargement|cargando|carregando|caricamento|laden|wczytywanie|загрузка)"
    r"\s?(?:\.*|…)",
    # A share row without its widget's classes: "Share: Facebook Twitter Email",
    # "Teilen: Facebook X WhatsApp", or the networks' names alone, two or more.
    r"(?:(?:share(?: this)?(?: (?:article|story|post|page))?(?: on| via)?|partager|teilen|compartir"
    r"|compartilhar|condividi|delen|dela|del|udostępnij|поделиться) ?:?)?"
    + r"(?: ?(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|pinterest|reddit|telegram|print|tumblr"
    r"|threads|bluesky|mastodon|messenger|flipboard|pocket|vk|xing|sms|copy link)){2,12}",
    r"(?:share|tweet|e-?mail|print)(?: this)?(?: (?:article|story|post|page))?(?: on(?: \w+)?)?:?",
    r"(?:printer[- ]friendly|print(?:able)?)(?: version| page| format)?",
    r"(?:imprimer|drucken|stampa|imprimir)(?: (?:cet |l')?article| (?:diesen )?artikel)?",
    r"(?:e-?mail|send|envoyer|senden|inviare|enviar)(?: (?:this|it|cet article|l'article))?"
    r" (?:to|à|an|a) (?:a |un |einen |un amico|un amigo)?(?:friend|ami|freund|amico|amigo)",
    r"share (?:on|via) .*",
    r"(?:like|share) this:?",
    r"click to (?:share|email|print) .*",
    r"(?:follow|subscribe to) us(?: on .*)?",
    r"sign up (?:for|to) (?:our|the) newsletter.*",
    r"subscribe(?: now)?(?: to (?:our|the) newsletter)?[.!]?",
    r"(?:advertisement|advertising|adverts?|anzeige|publicité|реклама|werbung|sponsored|iklan|publicidad|"
    r"pubblicità|reklama|advertentie|annonse|annons|mainos|広告|广告|광고)",
    # The marker an ad or a gallery leaves in the story: "Article continues below advertisement".
    r"(?:the )?(?:article|story|post) continues (?:below|after)"
    r"(?: (?:the |this )?(?:advertisement|ad|gallery|video))?"
    r"|(?:advertisement|ad)\W{1,3}(?:scroll|continue reading|story continues) .{0,40}",
    r"(?:this (?:website|site) uses cookies|we use cookies).*",
    r"(?:accept|reject|decline)(?: all)?(?: cookies)?(?: read more)?",
    r"privacy (?:&|and) cookies policy",
    r"cookie (?:settings|preferences|policy)",
    r"(?:(?:skip|jump) to (?:main |the )?(?:content|navigation|search|footer|menu|main)\s*)+",
    # ...and the other skip links: "Skip navigation links", Moodle's "Skip Topic outline block".
    r"skip navigation(?: links)?|skip [\w ,&'’-]{1,60} block",
    # A post's links to its neighbours: "Next post", "← Previous: Chasing Quick Fixes", and a
    # pager's "« previous 1 2 3 … 94 95 next »".
    r"(?:previous|next|older|newer) (?:post|article|story|entry)(?: ?:.{1,100})?",
    r"[←«‹]\s*(?:previous|prev|older|newer|next)\b.{0,100}",
    r".{1,100}\b(?:next|newer|older)\s*[→»›]",
    # A wiki's pointer to another article: "Main article: Firefox", "Further information: Gecko".
    r"(?:main articles?|further information|for more details, see) ?:.{1,100}",
    # A post's tag list on a line of its own: "Tags: Apple, MacBook Pro", "Tag: digitimes.com".
    r"(?:tags?|tagged(?: with| in)?|filed under|categories|category|posted in|labels) ?:.*",
    r"(?:no|\d+ )?comments?(?: \(\d+\))?",
    # ...in the other large languages, and the link that opens the comment box.
    r"(?:keine |aucun |\d+ )?(?:kommentare?|commentaires?|comentarios?|comentários?|commenti|commento"
    r"|reacties|reactie|komentarz[ey]?|комментари(?:й|я|ев|и))(?: \(\d+\))?",
    r"(?:kommentar|antwort) schreiben|écrire un commentaire|escribe un comentario|escreva um comentário"
    r"|scrivi un commento|schrijf een reactie|napisz komentarz|написать комментарий",
    # A thread's counters and sort control, standing alone: "2 Answers", "1,693 views", "Sort by:".
    r"\d[\d,.]*k? (?:answers?|replies|views|posts)",
    r"(?:sort(?:ed)?(?: by)? ?:?\s*)+",
    r"(?:tell us what you think|what do you think)\W*",
    r"(?:don'?t miss|must read|recommended|more|also|see more|related|trending)(?::.{0,80})?",
    # The heading over other stories, standing alone: "You may also be interested in the following articles:".
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)(?: (?:the )?following(?: [\w ]{1,30})?)?"
    r"(?: as well)?:?(?:\.\.|…)?",
    # An author box's link to the author's other posts.
    r"(?:view|see|read|browse) (?:all|more) (?:posts|articles|stories) (?:by|from) .{1,60}",
    # The heading over a block of other stories: "Recommended Stories", "Latest News".
    r"(?:recommended|related|more|trending|popular|latest|top|suggested|other) "
    r"(?:stories|articles|posts|reads|videos|news|content|for you)",
    # Reading-time labels.
    # With the date the story line runs into: "6 min readMay 2, 2023".
    r"(?:\d+ ?min(?:ute)?s? read(?:.{0,30}\d{4})?|reading time:? .{0,20}|tempo de leitura:? .{0,20}|"
    r"temps de lecture:? .{0,20}|lesezeit:? .{0,20}|tiempo de lectura:? .{0,20})",
    r"(?:loading|正在加载|加载中|読み込み中|chargement(?: en cours)?|cargando|carregando|caricamento"
    r"|wird geladen|загрузка)(?:\.*|…)",
    # A page's notice for readers without JavaScript, rendered as text where the page put it
    # outside <noscript>: "Please note that JavaScript is turned off in your web browser. …"
    r"(?:please note that )?javascript is (?:turned off|disabled|not enabled) in your (?:web )?browser"
    r"\b.{0,120}",
    r"(?:please )?(?:enable|turn on) javascript(?: in your browser)?(?: to (?:use|view|see) .{1,60})?",
    r"if you don.t know how to (?:turn on|enable) javascript\b.{0,60}",
    r"(?:copyright|©|ⓒ|\(c\))\s?.{0,100}"
    r"(?:all rights reserved|tous droits réservés|alle rechte vorbehalten).*",
    r"(?:copyright|©|ⓒ) .{0,80}",
    r"all rights reserved\.?",
    r"(?:table of contents|contents|inhaltsverzeichnis|sommaire|содержание)",
    r"(?:learn more|read more|(?:to )?read the full (?:story|article|review)|read our full review|"
    r"click here.{0,40}|continue reading.{0,60}|explore further)",
    r"(?:partager|teilen|поделиться|condividi|compartir)(?: .{0,40})?",
    r"(?:artikel teilen|diesen artikel teilen|partager cet article)",
    r"(?:réagissez|commentaires|kommentare|комментарии)(?: \(\d+\))?",
    r"(?:подписывайтесь|abonnez-vous|abonnieren sie).{0,80}",
    # Account controls and the notices that ask for them.
    r"(?:log ?in|sign ?in|sign ?up|register|log ?out|sign ?out|create (?:an |your )?account|my account)"
    r"(?: (?:or|/|\|) (?:log ?in|sign ?in|sign ?up|register|create (?:an |your )?account))?",
    r"(?:log ?in|sign ?in|sign ?up|register) (?:now|here|today)",
    r"(?:sign ?in|log ?in) or (?:join|register|sign ?up|create an account)",
    r"(?:you are not logged in|not open for further replies)",
    r"(?:create an account or |please )?(?:log ?in|sign ?in|register) to "
    r"(?:comment|reply|post|join the discussion).{0,40}",
    r"you (?:must|need to) (?:be logged in|be signed in|be a member|log ?in|sign ?in|register)\b.{0,80}",
    r"sign up for (?:a new|an|your) account.{0,60}",
    r"already have an account\?.{0,40}",
    # Paywall, subscription and lead-form prompts.
    r"this (?:article|story|content|post) is (?:exclusive|only available|available only) to .{0,40}",
    r"subscribe to (?:get|continue|read|unlock|keep) .{0,60}",
    # A registration wall: "Register to keep reading. Already a subscriber? Log in".
    r"(?:register|sign ?up|sign ?in|log ?in|create a free account)(?: for free| now)? to (?:keep|continue)"
    r" reading\b.{0,120}",
    # A breadcrumb trail behind its label: "You are here: Home » News » Bridge".
    r"(?:you are here|sie sind hier|vous êtes ici|usted está aquí|você está aqui|ti trovi qui|u bent hier)"
    r" ?:.{0,200}",
    r".{0,40}\bget updates from this (?:writer|author|publication|blog)\.?",
    r"get (?:a|your) free (?:quote|estimate|consultation|trial|demo)(?: today| now)?",
    r"pin (?:it |this )?for later",
    # A revision stamp: "Last updated March 3, 2025 by Erik Demaine.", "Published June 23,
    # 2025 10:39AM", "Last Updated : 20 January 2025"; and its label alone, the date in
    # an element of its own ("Posted on", "Last updated").
    r"(?:last )?(?:updated|modified|published|posted)(?: on| at)? ?:?(?: [\w ,.]{0,30}\d{4}"
    r"(?:,? (?:at )?\d{1,2}[:.]\d{2} ?(?:[ap]\.?m\.?)?(?: [a-z]{2,5})?)?(?: by [\w .'’-]{2,40})?)?",
    # ...and the footer's: "This page was last modified on Dec 5, 2025 by MDN contributors.",
    # "This page was last edited on 5 December 2025, at 10:00" (MediaWiki).
    r"this (?:page|article|post|document) was last (?:modified|updated|edited|changed)(?: on)?"
    r" [\w ,.]{0,30}\d{4}(?:,? at \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: \(?[a-z]{2,5}\)?)?)?"
    r"(?: by [\w .'’-]{2,40})?",
    # Japanese and Chinese revision stamps: "最終更新:3/9(木) 18:45", "更新时间：2016-10-14".
    r"(?:最終更新|更新日時|更新时间|发布时间)\s?[:：]?.{0,30}",
    # A medical page's review stamp: "Last reviewed January 2023", "Date Last Reviewed:".
    r"(?:date )?last reviewed(?: on)?:?(?: [\w ,.]{0,30}\d{4})?",
    # A relative stamp: "2 hours ago", "Updated 5 mins ago", "Posted about 1 year ago".
    r"(?:(?:last )?(?:updated|published|posted|modified|edited)(?: on)? ?:? )?(?:about |over )?(?:an?|\d+) "
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?) ago",
    # Pagination, and navigation words standing alone.
    # ...and a gallery's counter: "1 of 12", "Image 3 of 8". ("5/5" is a rating: it stays.)
    r"(?:(?:page|slide|image|photo|picture) )?\d+ of \d+",
    r"(?:\d{1,3} ){2,}\d{1,3}",  # a pager's page numbers: "1 2 3 4 5 6 7 8"
    # A video player's playlist labels: "JUST WATCHED", "MUST WATCH", "(16 Videos)".
    r"(?:just watched|must watch|now playing|up next)|\(\d+ videos\)",
    # A news agency's slug line: "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru" (AP).
    r"bc-[a-z]{2,}(?:-{1,2}[\w'&]+)+(?:, ?\d+(?:st|nd|rd|th) ld-writethru)?",
    # A newsroom's link to its standards: "Our Standards: The Thomson Reuters Trust Principles".
    r"our (?:editorial )?(?:standards|ethics policy|corrections policy) ?:.{0,80}",
    r"(?:home|tags)",
    # A breadcrumb trail left as text: "Home › News › Bridge", "Startseite > Politik".
    r"(?:home|homepage|startseite|accueil|inicio|início|главная|strona główna)"
    r"(?:\s*[›»>/]\s*[^›»>/]{1,60}){1,6}",
    # An interface's labels standing alone: a dialog's close button, a filter panel's
    # title (with its count), a table of contents' or a byline box's label, a menu's and
    # a search box's, an undo button, a grid's "Show:" and "Per page".
    r"(?:close|filters?(?: \(\d+\))?|see all ?[>›»]?|on this page|written by|register a new account"
    r"|menu|search|undo|show:|per page)",
    # A documentation site's controls and footer: "Edit this page", "View page source",
    # "Was this page helpful?", "Copy to clipboard", "Toggle navigation", the pager's
    # "Previous" and "Next", "Built with MkDocs…", "Created using Sphinx 7.2.6."
    r"(?:edit (?:this page|on (?:github|gitlab|bitbucket))|improve this (?:page|doc)|view (?:page )?source"
    r"|suggest (?:an )?edits?|report an issue(?: with this page)?|help us improve this page|rate this page)",
    r"(?:was this (?:page|article|content) helpful\??(?: yes no)?|did this page help you\??"
    r"|thanks? (?:you )?for your feedback!?|(?:give|send|leave|share) (?:us )?(?:your )?feedback|yes no)",
    r"(?:copy(?: code| to clipboard)?|copied!?|ask ai|search (?:the )?docs(?:\.\.\.|…)?"
    r"|toggle (?:navigation|theme|sidebar|menu|dark mode|table of contents)|light dark(?: system| auto)?)",
    r"(?:previous|prev)(?: next)?|next",
    r"(?:powered by|built with|made with|created using|documentation built with)"
    r" (?:gitbook|mkdocs|material for mkdocs|docusaurus|sphinx|read the docs|mintlify|readme|hugo|jekyll)"
    r"\b.{0,80}",
    # A picture's and a quote's controls: "Show Caption", "Press enter or click to view
    # image in full size" (Medium), a forum quote's "Click to expand...".
    r"(?:show|hide|toggle) caption",
    r"(?:press enter or )?click to (?:view|enlarge|expand|zoom)(?: (?:the |this )?image)?"
    r"(?: in full size)?(?:\.\.|…)?",
    r"(?:enlarge|expand|zoom) (?:this |the )?image",
    # A shop's and a blog's interface.
    r"tax(?:es)?(?:,| and) .{0,40}calculated at checkout",
    # Shopify's line under the price: "Tax included. Shipping calculated at checkout."
    r"(?:tax(?:es)? (?:included|excluded)\.? ?)?(?:shipping|discounts?)(?: and discounts?)?"
    r" calculated at checkout",
    r"added to (?:your )?cart.{0,40}",
    r"(?:[$€£][\d.,]+ )?add to (?:cart|bag|basket|wishlist)",
    r"(?:out of stock|sold out|coming soon!?)",
    r"(?:notify me|get notified|email me)\b.{0,40}\b(?:in stock|available)\.?",
    r"free (?:shipping|delivery|returns)(?: .{0,50})?",
    r"returns? (?:&|and) exchanges accepted.{0,30}",
    r"(?:pick ?up in store|shop now)",
    r"(?:customer reviews|see all reviews|leave a review|write a review)\.?",
    # ...its product box's controls: "Buy it now", "Add to Wish List", "Select size",
    # "Qty", Shopify's pickup panel and variant placeholder, a pay-later offer under the
    # price, the payment methods' names standing alone.
    r"(?:buy (?:it )?now|add to (?:wish ?list|favou?rites|registry)|save for later|secure checkout|pin it"
    r"|size (?:guide|chart)|ask a question|be the first to review\b.{0,60}|default title)",
    r"(?:qty|quantity) ?:?|(?:select|choose) (?:a |your )?(?:size|colou?r|option|style)s?"
    r"|(?:increase|decrease) quantity(?: for .{1,80})?",
    r"(?:pickup available at .{1,60}|usually ready in .{1,30}|view store information"
    r"|couldn.t load pickup availability|(?:check )?(?:store )?availability|find in (?:a )?store"
    r"|unit price|/ ?per)",
    r"(?:or |pay in )?\d+ interest-free (?:installments|instalments|payments)(?: of [$€£]?[\d.,]+)?"
    r"(?: with (?:klarna|afterpay|affirm|sezzle|shop ?pay|paypal|zip))?\.?(?: learn more)?",
    r"(?:klarna|afterpay|affirm|shop ?pay|apple pay|google pay|paypal)\.?",
    r"back to (?:blog|top|news|articles|all articles|home|search results)",
    # The same labels in the other large languages, and the platforms' own: a related-posts
    # heading (Jetpack's "Relacionado", "Correlati"), back-to-top and read-more links, a
    # closed thread's note, a list's load-more button, a newsletter's call, a share
    # widget's and an app banner's labels.
    r"(?:relacionad[oa]s?|correlati|verwandt|similaires?|gerelateerd|powiązane|похожее"
    r"|(?:artículos|artigos|noticias|notícias|entradas|posts) relacionad[oa]s"
    r"|(?:articoli|notizie) correlat[ie]"
    r"|(?:ähnliche|verwandte) (?:artikel|beiträge)|gerelateerde (?:artikelen|berichten)"
    r"|dir gefällt vielleicht auch|das könnte dich auch interessieren|plus sur ce sujet|más sobre este tema)",
    # A story page's controls and labels in the other large European languages, as the
    # English ones above: back to the front page, gift or listen to the article, comment,
    # read later, the subscriber-only label, the ad's "story continues", a reading time,
    # "most read" and "related story" headings, sponsored labels.
    r"(?:(?:hier geht es |zurück )?zur startseite|retour à l'accueil|volver a la portada"
    r"|voltar à página inicial)",
    r"(?:artikel verschenken|offrir (?:cet )?article|regalar (?:este )?artículo|regala (?:questo )?articolo)",
    r"(?:artikel (?:anhören|vorlesen lassen)|écouter (?:cet )?article|escuchar (?:este )?artículo"
    r"|ascolta (?:l'|questo )?articolo|ouvir (?:este )?artigo|artikel beluisteren)",
    r"(?:kommentieren|commenter|comentar|commenta|reageren|skomentuj)",
    r"(?:später lesen|lire plus tard|leer más tarde|ler mais tarde|leggi più tardi|later lezen|read later)",
    r"(?:(?:article )?réservé aux abonnés|(?:nur )?für abonnenten"
    r"|exclusivo (?:para )?(?:suscriptores|assinantes)|riservato agli abbonati|alleen voor abonnees"
    r"|tylko dla prenumeratorów)",
    r"(?:(?:continua|prosegue) dopo la pubblicità|lees verder na de advertentie|weiterlesen nach der anzeige"
    r"|la suite après (?:cette |la )?publicité|el artículo continúa (?:después del|tras el) anuncio"
    r"|continua (?:depois|após) a publicidade)",
    r"(?:lecture\s?:? \d+ min\.?|\d+ min(?:utes?)? de lecture|lectura de \d+ min(?:utos)?\.?"
    r"|\d+ min\.? lesezeit|leestijd:? \d+ min(?:uten)?\.?)",
    r"(?:lo más (?:visto|leído)|mais (?:lidas|lidos)|i più letti|meistgelesen|les plus lus|meest gelezen"
    r"|najczęściej czytane|самое читаемое)",
    r"(?:zum thema|noticia relacionada|notícia relacionada|artículo relacionado|artigo relacionado"
    r"|articolo correlato|verwandter artikel)",
    r"(?:ogłoszenie|artykuł sponsorowany|materiał sponsorowany|sponsored content|contenu sponsorisé"
    r"|contenido patrocinado|conteúdo patrocinado|contenuto sponsorizzato|gesponserter inhalt)",
    r"(?:zurück nach oben|nach oben|retour en haut(?: de (?:la )?page)?|volver arriba|voltar ao topo|torna su"
    r"|naar boven|top of page)",
    # "Read more" and "Learn more" as a link's label, in the other large languages.
    r"(?:weiterlesen|zum weiterlesen|mehr lesen|mehr erfahren|lire la suite|en savoir plus|leia mais"
    r"|saiba mais|continue lendo|seguir leyendo|más información|continua a leggere|leggi di più"
    r"|ulteriori informazioni|lees verder|lees meer|meer informatie|czytaj (?:więcej|dalej)"
    r"|dowiedz się więcej|читать далее|подробнее|läs mer|les mer|læs mere|lue lisää)"
    r"(?:\.\.\.|…|\s?[»›→])?",
    # A share or print control in German: "Artikel drucken", "Per E-Mail teilen".
    r"(?:artikel (?:drucken|versenden|verschicken|merken)|per e-?mail (?:teilen|versenden|senden))",
    # ...and the share button alone in Dutch, Swedish, Polish, Portuguese and Finnish.
    r"(?:delen|dela|udostępnij|compartilhar|jaa)",
    r"(?:comments are closed|kommentare sind geschlossen|les commentaires sont fermés"
    r"|los comentarios están cerrados|(?:os )?comentários (?:estão )?encerrados|i commenti sono chiusi"
    r"|reacties zijn gesloten)\.?",
    r"(?:load|show|view|hide) (?:more )?comments|(?:show|load|view) more replies|load more|mehr laden"
    r"|voir plus|ver más|carregar mais|carica altro|meer laden",
    r"(?:newsletter abonnieren|suscríbete a (?:nuestro|la) (?:boletín|newsletter)"
    r"|inscreva-se na (?:nossa )?newsletter|iscriviti alla (?:nostra )?newsletter)",
    r"(?:copy link|link copied!?|copied!?|listen to (?:this )?article|(?:read|open) in (?:the )?app"
    r"|(?:get|download) the app|gift this article|save (?:this )?article)",
    # Blogger's post footer: its pager, feed link, share row, "Posted by X at 10:00 AM".
    r"(?:(?:newer|older) posts?|home)(?: (?:newer|older) posts?| home){1,2}",
    r"subscribe to: (?:post comments|posts|comments) \(atom\)",
    r"(?:email this ?)?(?:blogthis! ?)?"
    r"(?:share to (?:twitter|facebook|pinterest|x|linkedin|whatsapp|reddit) ?)+",
    r"posted by .{1,40} at \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?",
    r"no comments:",
    r"(?:filter (?:&|and) sort|view options|type to search.{0,20})",
    # A product card's controls and badges.
    r"(?:quick (?:view|shop|look)|(?:add to )?compare|top rated|new arrivals?|best ?sellers?|in stock)",
    # ...in other languages ("Comparer Ne plus comparer": the toggle's two states), and the
    # grid's sort control with its choice ("Sort: Best Match").
    r"(?:comparer|ajouter au comparateur|vergleichen|confronta|comparar)(?: ne plus comparer)?"
    r"|ne plus comparer",
    r"sort(?: by)?:? (?:best match|relevance|featured|newest|latest|most popular|top rated|recommended"
    r"|price:? .{1,20})",
    # A list's live status ("Loaded 338 results"), a sign-in prompt on a shop item's controls,
    # a missing picture's stand-in, a marketplace seller's score, a shop's other labels.
    r"loaded [\d,]+ (?:results|items|products)",
    r"sign in to (?:add|save|follow|rate|review|see|view|comment|vote)\b.{0,90}",
    r"image (?:unavailable|not available(?: for)?)",
    r"report an issue with this [\w ]{1,40}",
    r"seller [\d.]+% positive(?: feedback)?",
    r"show (?:more|less|all)|download now|wish ?list|your (?:cart|bag|basket)(?: \(\d*\))?"
    r"|no credit card required|view as:?|size guide",
    r"you have no recently viewed (?:pages|items)|your (?:orders|account|lists)"
    r"|you.re (?:heading|leaving) to (?:a new|another) (?:site|website)",
    r"would you like to tell us about a lower price\??|where are we shipping to\??",
    r"free [\d-]+ ?day returns|free fast delivery|previous price ?[$€£][\d.,]+(?: \d+% off)?",
    # A sign-up button's label ("Try for free", "Start your free trial today.") and a lone
    # discount badge ("20% off").
    r"(?:try|start)(?: it| now| your)?(?: for)? free(?: trial)?\b.{0,40}|sign up (?:for )?free\b.{0,60}",
    r"-?\d+% off",
    # An affiliate's button to a retailer: "Check price at Amazon (on sale!)", "Buy now at LG".
    r"check (?:the )?(?:latest )?prices? (?:on|at) .{1,60}|buy (?:it )?now (?:at|on|from) .{1,50}",
    # A price's label left without its price, a currency code alone, a listing's delivery fee.
    r"(?:current|original|regular|sale|list|your|was|now) price:?|usd|eur|gbp",
    r"\+ ?(?:[$€£] ?[\d.,]+|[\d.,]+ ?[$€£]) (?:delivery|shipping|postage)",
    # Fallback text for a player or script the reader's browser would have run,
    # and a gallery's counter.
    r"(?:sorry,? )?(?:your|this) browser (?:does not|doesn[’']t|cannot|can[’']t) (?:support|play) .{0,60}",
    r"this slideshow requires javascript\.?",
    r"media playback is (?:unsupported|not supported) on your device",
    r"image \d+ of /? ?\d+",
    # reCAPTCHA's required notice under a sign-up form.
    r"this site is protected by recaptcha.{0,120}",
    r"sharing is caring!?",
    # A recipe blog's prompt: "Did you make this recipe? Tag @… on Instagram", "Tried this
    # recipe? Pin it for later!"
    r"(?:did you (?:make|try)|(?:have you )?(?:tried|made))"
    r" (?:this|one of (?:my|our|these)) recipes?\?.{0,140}",
    # A form's status messages, in the page before it is sent: "Thank you! Your submission
    # has been received!" and "Oops! Something went wrong while submitting the form."
    # (Webflow's defaults), "Thank you for subscribing to our daily newsletter."
    r"(?:thank you|thanks)!?,? (?:for (?:subscribing|signing up|registering|downloading|submitting"
    r"|completing|your (?:submission|request|message|inquiry|enquiry))\b.{0,80}"
    r"|your (?:submission|message|request) has been (?:received|sent|submitted)\b.{0,40})",
    r"(?:your (?:submission|message|request) has been (?:received|sent|submitted)|"
    r"(?:(?:oops|hmm|sorry|uh oh)\W{1,3})?something went wrong(?: while [\w ]{1,40})?)"
    r"[.!]?(?: please try (?:again|your request again)\b.{0,80})?",
    r"there was (?:a problem|an error)\b[^.!?]{0,60}[.!] please try again\b.{0,40}",
    # A review widget's chrome.
    r"verified (?:buyer|purchase|owner|reviewer)",
    r"was this (?:review |answer |article |page )?helpful\??(?: .{0,30})?",
    r"did you find this(?: [\w-]+){0,3} (?:useful|helpful)\??",
    # A forum poster's stats and a post's controls.
    r"(?:posts|messages|threads|reputation|reaction score|points|karma|solutions|trophies|likes received)"
    r"\s*:?\s*[\d.,]+k?",
    r"(?:joined|join date|registered|member since)(?:\s*:?\s*[\w ,.]{1,25})?",
    r"(?:link to (?:post|comment)|reply with quote(?: \d+)?|multi-?quote|original poster|code:? select all|"
    r"report (?:post|abuse)|quote:?)",
    # The forum software's own chrome around a thread: who is reading it, its counts, the
    # board's footer (XenForo, Invision, NodeBB, FluxBB / PunBB).
    r"(?:users? (?:who are )?viewing this (?:thread|topic)|top posters in this topic|board footer)",
    r"total:? [\d,]+ \(members:? [\d,]+, guests:? [\d,]+\)",
    r"topics:? active \| unanswered",
    r"(?:[\d.,]+k? (?:posts?|posters?|views?|watching) ?){2,4}",
    r"views:? [\d.,]+k?",
    # A post's view counter (WP-PostViews, Post Views Counter): "(Visited 1,902 times, 364 visits
    # today)", "This post has been viewed 56 times".
    r"\(?visited [\d.,]+ times?(?:, [\d.,]+ visits? today)?\)?",
    r"this (?:post|page|article) has been (?:viewed|read) [\d.,]+ times?\.?",
    r"(?:new |junior |senior |premium |full |registered |active |well-known )?member",
    r"sign up to (?:request|comment|reply|post|vote|answer|join|get|receive)\b.{0,80}",
    # ...the notice under a thread closed to guests (XenForo), and a post's edit note (Invision).
    r"\(?you must (?:log in|sign in|be logged in)(?: or (?:sign up|register))? to (?:reply|post|comment)"
    r"(?: here| to this (?:topic|thread))?\.?\)?",
    r"edited (?:\d+ \w+ ago )?by .{1,40} \(see edit history\)",
    # A quote's header (vBulletin) and the prompt over a reply box. (A post's own "Edited by"
    # note stays: it is part of the post.)
    r"originally posted by [\w.'’@-]+(?: [\w.'’@-]+){0,2}",
    r"join the (?:conversation|discussion)",
    # A post's reaction bar and its poster's presence (XenForo), and a thread's status label
    # left without its value ("Status: Not open for further replies").
    r"reactions: (?:[\w.'’-]+(?: [\w.'’-]+)?, )*[\w.'’-]+(?: [\w.'’-]+)?"
    r"(?: and (?:\d+ others?|[\w.'’-]+(?: [\w.'’-]+)?))?",
    r"offline|status",
    r"[\d.,]+k?\s*(?:likes?|replies|reply)",
    r"(?:[\d.,]+k?[\d.,]*\s*(?:gold|silver|bronze) badges?\s*)+",
    r"(?:re: )?\(score:\s*-?\d+(?:, [\w ]+)?\)",
    r"posted \d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago",
    r"thread starter .{1,60}",
    # A thread's and a post's date labels: "Start date Mar 27, 2025", "Last edited: Oct 29, 2023".
    r"(?:start date|last edited:?) [\w ,.:/-]{4,30}",
    r"report inappropriate content",
    r"[\d.,]+k? helpful votes?",
    # An image's address written out as text (a shop template's colour swatches).
    r"https?://\S+\.(?:jpe?g|png|gif|webp|avif)(?:\?\S*)?",
    # A question-and-answer site's interface: "Viewed 11k times", "Asked 13 years ago".
    r"(?:asked|modified|viewed|active) [\w ,.]{1,30} (?:ago|times)",
    # A phpBB board's footer under each topic: who is online, the jump box, the time zone.
    r"who is online|users browsing this (?:forum|topic|thread): .{1,300}|jump to"
    r"|all times are (?:utc|gmt)(?: ?[+-] ?\d{1,2}(?::\d{2})?)?(?: hours?)?(?: \[ dst \])?"
    r"(?:\.? the time now is \d{1,2}:\d{2}(?: ?[ap]m)?\.?)?"
    r"|return to [“\"].{1,60}[”\"](?: ?jump to)?",
    # A board's post furniture: phpBB's edit notice and attachment counter, Invision's
    # "Edited by" with its member's name, vBulletin's posting rules, a topic starter's
    # label. (A post's author and score line stays: it says who wrote the post.)
    r"last edited by .{1,60} on .{4,40}, edited \d+ times? in total\.?",
    r"edited by [^\s;,]+",
    r"\([\d.,]+ [kmg]i?b\) (?:downloaded|viewed) [\d,]+ times?",
    r"posting rules|you may not post new threads.{0,300}",
    r"topic author",
    r"sorted by:.{0,40}",
    r"(?:start asking to get answers|find the answer to your question by asking\.?|"
    r"explore related questions|see similar questions with these tags\.?)",
)
# The same kinds of line on Chinese, Japanese and Korean pages, where a portal's theme
# lets them through without classes; matched whole, and only on lines that hold East Asian
# characters (`_is_boilerplate_wording`), so other pages pay nothing for them. Those pages
# write labels with full-width colons and brackets, and no space between words.
_CJK_LINES = (
    # A breadcrumb trail: "当前位置：首页 > 科技", "首页 > 新闻中心 > 正文", "ホーム > 国内", "홈 > 뉴스".
    r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|現在位置|現在地|현재 ?위치)\s?[:：].{0,100}",
    r"(?:首页|首頁|网站首页|主页|ホーム|トップ|홈)(?:\s?[›»>＞/／]\s?[^›»>＞/／]{1,40}){1,6}",
    r"(?:[^›»>＞]{1,30}\s?[>＞]\s?){1,6}正文",
    # An editor's, proofreader's or source's credit: "责任编辑：赵六", "[责任编辑：alonliu]",
    # "（编辑：李四 校对：王五）", "来源：新华社".
    r"[\[【(（]?(?:(?:责任编辑|責任編輯|责编|責編|编辑|編輯|編集|校对|校對|审核|審核|审校|监制|監製"
    r"|实习编辑|實習編輯|(?:本文|文章|新闻|新聞|信息)?来源|來源|出处|出處)\s?[:：]\s?[^:：。，！？]{1,30}?\s*)+"
    r"[\]】)）]?",
    # A byline of its own: "作者：王小明", "记者 王小明 李华", "文/王小明", "（記者：山田太郎）",
    # "홍길동 기자 hong@example.com".
    r"[\[【(（]?(?:作者|记者|記者|本报记者|本報記者|特约记者|特約記者|通讯员|通訊員|撰文|撰稿|文字|文|图|圖|摄影"
    r"|攝影|写真|筆者|著者|取材・文|文・写真|글|사진)\s?[:：/／|｜丨]\s?[^\s:：。，！？]{1,12}"
    r"(?:[\s、,，/]+[^\s:：。，！？]{1,12}){0,3}[\]】)）]?",
    r"(?:本报记者|本報記者|记者|記者)\s[^\s。，！？]{2,4}(?:\s[^\s。，！？]{2,4}){0,3}",
    r"[\[(]?[가-힣]{2,4}(?:\s?[·,]\s?[가-힣]{2,4})*\s?(?:기자|특파원|객원기자)[\])]?(?:\s?[\w.+-]+@[\w.-]+)?",
    # A share row or button: "分享到：微信 微博 QQ空间", "转播到腾讯微博", "シェア", "LINEで送る", "공유하기".
    r"(?:分享到|分享至|分享|一键分享|转发到|转播到|轉發到|分享本文)\s?[:：]?"
    r"(?:\s?(?:微信|朋友圈|微博|新浪微博|腾讯微博|qq空间|qq好友|qq|豆瓣|人人网|百度|复制链接|facebook|twitter|line)){0,10}",
    r"(?:(?:微信|朋友圈|微博|新浪微博|腾讯微博|qq空间|qq好友|豆瓣|人人网|复制链接)\s?){2,10}",
    r"(?:微信)?扫一扫.{0,30}|(?:扫描|扫码|掃描)(?:二维码|二維碼)?(?:关注|分享|下载|閱讀|阅读).{0,30}"
    r"|(?:关注|關注)(?:我们|我們|微信公众号|官方微信|公众号).{0,20}",
    r"(?:この記事を)?(?:シェア|シェアする|ツイート|ポスト|共有)(?:する)?|lineで送る|はてなブックマーク(?:に追加)?"
    r"|(?:facebook|x|line|はてな|pocket)(?:で|に)(?:シェア|共有|送る|ポスト)(?:する)?",
    r"(?:(?:공유하기|공유|스크랩|카카오톡|카카오스토리|페이스북|트위터"
    r"|네이버 ?블로그|밴드|url ?복사|링크 ?복사)\s?){1,8}",
    # A story page's controls: print, close, font size, back to top, previous/next, read more.
    r"(?:[【\[]?(?:打印|打印本页|打印本文|关闭|关闭窗口|關閉|關閉視窗|收藏|收藏本文|纠错|我要纠错"
    r"|(?:字号|字號|字体|字體)\s?[:：]?(?:\s?[大中小])*|返回顶部|回到顶部|返回首页|返回列表|返回|顶部)[】\]]?\s?){1,6}",
    r"(?:上一篇|下一篇|上一頁|下一頁|上一页|下一页)\s?[:：]?.{0,60}",
    r"(?:查看|阅读|閱讀)?(?:全文|原文|更多)(?:>>|»|>)?|点击(?:查看|进入|阅读).{0,30}|(?:更多|more)\s?>>",
    r"ページ(?:の)?(?:先頭|トップ)へ(?:戻る)?|トップへ戻る|一覧へ戻る|(?:記事)?一覧(?:を見る)?|印刷(?:する)?"
    r"|続きを読む|もっと見る|次のページ|前のページ|次へ|前へ|(?:記事|全文)を読む",
    # A paywall's and an app's prompts: "残り1234文字（全文2345文字）", "この記事は有料記事です…",
    # "展开全文", "打开APP阅读全文", "▶ 네이버에서 …를 구독하세요".
    r"(?:有料記事|会員限定(?:記事)?|残り\d[\d,]*文字(?:\s?[(（]全文\d[\d,]*文字[)）])?|この記事は(?:有料|会員限定)記事です.{0,60}"
    r"|(?:この記事の)?続きを読むには.{0,60}|(?:この記事の)?写真を(?:見る|みる)(?:\s?[(（]\d+枚[)）])?)",
    r"(?:展开全文|打开app(?:阅读全文|查看更多|看更多)?|下载(?:app|客户端).{0,30}|app内(?:阅读|查看).{0,20})",
    r"[▶☞]\s?.{1,60}(?:구독|제보|바로가기|다운로드)\S{0,10}.{0,20}",
    r"맨 ?위로|이전 ?글|다음 ?글|더 ?보기|목록|인쇄|글자 ?크기(?: ?조절)?"
    r"|기사 ?원문 ?보기|구독(?:하기)?|좋아요",
    # A comment section's heading, counters and prompts: "网友评论", "已有0条评论，登录后发表评论",
    # "コメント（12）", "댓글 3개"; WordPress's comment form and Akismet's note in those locales.
    r"(?:网友评论|网友跟帖|我要评论|发表评论|發表評論|查看评论|更多评论|全部评论|热门评论|最新评论|精彩评论|评论区"
    r"|发表您的评论|评论|評論|跟帖|留言|發表留言|我要留言|发表回复|發佈留言|發表迴響|回应|回應)"
    r"(?:\s?[(（]\d+[)）])?",
    r"(?:已有|共有)?\d+(?:条|條|人)(?:评论|評論|参与|參與|留言).{0,40}|(?:请|請)?(?:登录|登入|登錄)后?"
    r"(?:发表评论|评论|發表評論|留言|参与讨论).{0,20}|文明上网.{0,40}",
    r"コメント(?:する|を書く|を投稿(?:する)?|を残す|一覧|非表示|を表示|を見る)?(?:\s?[(（]?\d+(?:件)?[)）]?)?"
    r"|\d+件のコメント",
    r"댓글(?:\s?\d+개?)?|댓글 ?(?:쓰기|달기|남기기|보기)|답글 ?(?:남기기|취소)",
    r"(?:取消回复|取消回覆|返信をキャンセルする)",
    r"(?:(?:您的)?(?:电子邮箱|电子邮件|邮箱)地址不会被公开|(?:你|您)的電子郵件(?:位址|地址)並?不會被公開"
    r"|メールアドレスが公開されることはありません|이메일 주소는 공개되지 않습니다).{0,60}",
    r"(?:必填项已用|必填欄位標示為|※ ?が付いている欄は必須項目です|필수 필드는).{0,20}",
    r"(?:本站|本网站|這個網站|这个网站|このサイト|이 사이트)[^。]{0,20}"
    r"(?:akismet|アキスメット|아키스밋).{0,120}",
    # Related and popular headings: "相关阅读", "猜你喜欢", "関連記事", "あわせて読みたい", "많이 본 뉴스",
    # and with the colon of a label over its list: "相关新闻：".
    r"(?:[【\[]?(?:相关|相關)(?:阅读|閱讀|新闻|新聞|文章|报道|報導|推荐|推薦|链接|連結|专题|視頻|视频)[】\]]?"
    r"|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐|精彩推薦|精彩视频推荐|热点新闻"
    r"|热门文章|热门新闻|热点推荐|更多新闻|最新文章|最新新闻|编辑推荐|大家都在看|为你推荐|為你推薦|看了本文的人还看了)"
    r"(?:\s?[:：])?",
    r"[【\[]?関連(?:記事|ニュース|リンク|情報|キーワード)[】\]]?|おすすめ(?:記事|の記事|ニュース)?|人気(?:記事|のニュース)"
    r"|アクセスランキング|あわせて読みたい|こちらもおすすめ|こんな記事も読まれています|注目(?:記事|ニュース)|新着記事",
    r"관련 ?(?:기사|뉴스)|많이 본 ?(?:뉴스|기사)|추천 ?기사|인기 ?기사|최신 ?기사"
    r"|이 시각 주요 ?뉴스|함께 ?볼만한 ?뉴스",
    # A loading placeholder, an ad label, a copyright line and the licence numbers a Chinese
    # site must show in its footer.
    r"(?:正在加载|加载中|載入中|読み込み中|로딩 ?중)(?:\.*|…)?|(?:广告|廣告|広告|광고|推广|sponsored)",
    r"(?:版权所有|版權所有)\s?(?:©|ⓒ|\(c\))?.{0,100}|저작권자\s?(?:©|ⓒ|\(c\)).{0,80}",
    r".{0,60}(?:icp备|icp証|icp证|公网安备|公網安備|新出网证|许可证编号).{0,80}",
    r"[【\[(（<〈]?(?:[^。]{0,80}[。，、\s])?(?:未经(?:书面)?授权|未經授權)[，,、]?(?:不得|禁止|严禁|請勿|请勿)"
    r".{0,60}[】\])）>〉]?",
    r".{0,60}(?:转载请注明|轉載請註明|禁止转载|严禁转载|版权归.{1,30}所有).{0,60}",
    r".{0,80}無断(?:転載|複製|転用).{0,40}",
    r"[<〈(\[]?.{0,40}(?:무단 ?전재|무단 ?복제|재배포 ?금지).{0,80}",
)
_CJK_BOILERPLATE = re.compile(r"^(?:" + "|".join(_CJK_LINES) + r")$", re.IGNORECASE)


# Calls to action and contact taglines: matched anywhere in a short line.
CALL_TO_ACTION = (
    r"\b(?:sign up|subscribe|join|register)\b.{0,80}\b(?:newsletters?|inbox|mailing list)\b",
    r"\b(?:get|have)\b.{0,100}\b(?:delivered|straight|right) (?:to|in|into|through) "
    r"(?:your|ur) (?:inbox|email|letterbox)",
    r"\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b",
    r"\b(?:may|can) be reached at\b",
    r"^have a (?:news )?tip\b",
    r"^(?:follow|like) us on\b",
    r"\bfollow (?:us|him|her|them|[\w.@'’ ]{2,60}?) on "
    r"(?:twitter|facebook|instagram|youtube|linkedin|tiktok|x)\b",
    r"^subscribe to (?:the |our )?[\w' ]{0,40}(?:channel|podcast|newsletter)",
    # Wire-service credits: "Reporting by A; additional reporting by B; Editing by C".
    r"^\(?(?:additional )?reporting by\b.{0,250}\b(?:editing|writing) by\b",
    r"^follow\b.{0,60}\bcoverage of\b",
    # Affiliate disclosures: "As an Amazon Associate we earn from qualifying purchases".
    r"\bas an amazon associate\b",
    r"\b(?:we|i)(?: may| might| will)? (?:earn|receive|get) (?:a )?(?:small )?(?:affiliate )?commissions?\b",
    r"\b(?:post|article|page|site|video) (?:may )?contains? affiliate links\b",
    # Comment-moderation notices, in the languages of the comment forms above.
    r"\b(?:comments?|comentários|comentarios|commentaires|kommentare)\b.{0,150}\bmodera",
    r"\bmoderat\w*\b.{0,60}\bcomments\b",
)
_CALL_TO_ACTION_RE = re.compile("|".join(CALL_TO_ACTION), re.IGNORECASE)
# Each call to action above holds one of these (lower-cased): a line without
# any is passed over without the search, which costs ten times the check.
CALL_TO_ACTION_WORDS = (
    "newsletter", "inbox", "mailing list", "email", "letterbox", "reached at", "tip", "us on",
    "follow", "subscribe", "reporting by", "amazon associate", "commission", "affiliate link", "modera",
)  # fmt: skip
# A news wire's legal footer, however long: "This document is subject to copyright. Apart
# from any fair dealing…", "Citation: <headline> (2019, November 18) retrieved 20 November
# 2019 from https://…".
_LEGAL_FOOTER = re.compile(
    r"this (?:document|article|material) is subject to copyright\b.{0,400}"
    r"|citation: .{5,300}\bretrieved .{5,60}\bfrom https?://\S+",
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
    r"|\bplease consider\b.{0,40}\b(?:shar|subscrib|lik|support|donat)"
    r"|\bif you(?:'ve|’ve| have)? (?:liked|enjoyed) this (?:article|post|piece|story|interview|episode)\b",
    re.IGNORECASE,
)
# Every appeal above holds one of these (lower-cased): most lines skip the search.
APPEAL_WORDS = (
    "affiliate", "commission", "associate", "promotion", "opinions", "policy", "statement", "donat",
    "become a", "patreon", "ko-fi", "coffee", "support us", "support our", "support indep", "need your",
    "please consider", "enjoyed this", "liked this",
)  # fmt: skip
# ...said to the reader: in the first or second person, or bidding.
_ADDRESSED = re.compile(
    r"\b(?:you|your|we|our|us|i|my|me)\b"
    r"|^\W*(?:please )?"
    r"(?:support|donate|join|become|subscribe|follow|share|visit|give|consider|help|read|see)\b",
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

# The same kinds of line in Turkish, Vietnamese, Indonesian and Malay, Arabic, Persian, Czech,
# Ukrainian and Hindi, and WordPress's comment form in Swedish, Danish, Norwegian, Finnish,
# Hungarian, Romanian, Greek, Hebrew and Thai. As alternatives of the line regex below they cost
# every line of every page 8% more of its matching; looked up in a set (labels standing alone,
# lower-cased, without their count and trailing marks) and by their opening words (a form's
# notes), they cost a line the same whatever their number.
_COMMENT_HEADINGS = (
    "bir yanıt yazın", "bir yorum yazın", "yorum yap", "yorum bırak", "để lại một bình luận",
    "để lại bình luận", "để lại một trả lời", "tinggalkan balasan", "tinggalkan komentar",
    "أترك تعليقاً", "اترك تعليقاً", "اترك تعليقا", "اترك تعليق", "اترك رداً", "اترك ردا",
    "دیدگاهتان را بنویسید", "napsat komentář", "zanechat komentář", "zanechte komentář",
    "залишити коментар", "залишити відповідь", "додати коментар", "एक उत्तर दें", "एक टिप्पणी छोड़ें",
    "lämna ett svar", "lämna en kommentar", "skriv et svar", "skriv en kommentar", "legg igjen en kommentar",
    "legg igjen et svar", "jätä kommentti", "kirjoita kommentti", "vélemény, hozzászólás?", "szólj hozzá",
    "lasă un răspuns", "lasă un comentariu", "adaugă un comentariu", "αφήστε μια απάντηση",
    "αφήστε ένα σχόλιο", "כתיבת תגובה", "השארת תגובה", "ใส่ความเห็น", "แสดงความคิดเห็น",
)  # fmt: skip
_CANCEL_REPLY = (
    "yanıtı iptal et", "hủy trả lời", "batalkan balasan", "إلغاء الرد", "لغو پاسخ", "zrušit odpověď",
    "скасувати відповідь", "जवाब रद्द करें", "avbryt svar", "annuller svar", "peru vastaus",
    "válasz megszakítása", "anulează răspunsul", "ακύρωση απάντησης", "ביטול", "ยกเลิกการตอบ",
)  # fmt: skip
OTHER_LANGUAGE_LABELS = frozenset(
    {
        *_COMMENT_HEADINGS,
        *_CANCEL_REPLY,
        # WordPress's reply title while a reply is open: "Bir Yanıt Yazın Yanıtı iptal et".
        *(f"{heading} {cancel}" for heading in _COMMENT_HEADINGS for cancel in _CANCEL_REPLY),
        # Reply.
        "yanıtla", "trả lời", "balas", "الرد", "رد", "پاسخ", "odpovědět", "відповісти", "जवाब दें", "svara",
        "vastaa", "răspunde", "להגיב", "ตอบกลับ",
        # Read more, read also.
        "devamını oku", "haberin devamı", "xem thêm", "đọc tiếp", "đọc thêm", "baca selengkapnya",
        "selengkapnya", "baca juga", "اقرأ المزيد", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضًا", "ادامه مطلب",
        "بیشتر بخوانید", "číst dál", "čtěte také", "čtěte též", "čtěte dále", "читати далі",
        "читайте також", "और पढ़ें", "ये भी पढ़ें", "यह भी पढ़ें",
        # Share.
        "paylaş", "chia sẻ", "bagikan", "شارك", "مشاركة", "اشتراک گذاری", "اشتراک‌گذاری", "sdílet",
        "поділитися", "शेयर करें",
        # Comments, with or without their count.
        "yorum", "yorumlar", "bình luận", "komentar", "تعليقات", "تعليق", "دیدگاه", "دیدگاه‌ها", "نظرات",
        "komentáře", "komentář", "коментарі", "коментар", "टिप्पणियाँ", "टिप्पणी",
        # Related and most read.
        "ilgili haberler", "ilgili yazılar", "ilgili içerikler", "benzer haberler", "benzer yazılar",
        "bunlar da ilginizi çekebilir", "en çok okunanlar", "bài viết liên quan", "tin liên quan",
        "có thể bạn quan tâm", "tin đọc nhiều", "artikel terkait", "berita terkait", "artikel lainnya",
        "berita lainnya", "terpopuler", "مقالات ذات صلة", "أخبار ذات صلة", "الأكثر قراءة", "مطالب مرتبط",
        "اخبار مرتبط", "پربازدیدترین ها", "پربازدیدترین‌ها", "související články", "podobné články",
        "nejčtenější", "схожі статті", "популярне", "संबंधित खबरें", "संबंधित ख़बरें", "संबंधित लेख",
        "सबसे ज़्यादा पढ़ी गई",
        # Ad labels.
        "reklam", "sponsorlu içerik", "quảng cáo", "إعلان", "تبلیغات", "विज्ञापन",
        # All rights reserved.
        "tüm hakları saklıdır", "bảo lưu mọi quyền", "hak cipta dilindungi",
        "hak cipta dilindungi undang-undang", "جميع الحقوق محفوظة", "všechna práva vyhrazena",
        "всі права захищені", "सर्वाधिकार सुरक्षित",
    }
)  # fmt: skip
# The comment form's notes, by their opening words: the e-mail address will not be published,
# required fields are marked, the site uses Akismet.
OTHER_LANGUAGE_NOTES = (
    "e-posta adresiniz yayınlanmayacak", "email của bạn sẽ không được hiển thị công khai",
    "alamat email anda tidak akan", "alamat email tidak akan", "لن يتم نشر عنوان بريدك الإلكتروني",
    "نشانی ایمیل شما منتشر نخواهد شد", "vaše e-mailová adresa nebude zveřejněna",
    "ваша адреса електронної пошти не буде", "ваша e-mail адреса не", "ваша email адреса не",
    "आपका ईमेल पता प्रकाशित नहीं किया जाएगा", "gerekli alanlar * ile", "zorunlu alanlar * ile",
    "các trường bắt buộc được đánh dấu", "ruas yang wajib ditandai", "الحقول الإلزامية مشار إليها",
    "الحقول المطلوبة محددة", "بخش‌های موردنیاز علامت‌گذاری شده‌اند", "povinná pole jsou označena",
    "povinné položky jsou označeny", "povinné údaje jsou označeny", "обов'язкові поля позначені",
    "обов’язкові поля позначені", "आवश्यक फ़ील्ड चिह्नित हैं", "bu site, istenmeyenleri azaltmak için akismet",
    "bu site istenmeyenleri azaltmak için akismet", "trang này sử dụng akismet",
    "trang web này sử dụng akismet",
    "situs ini menggunakan akismet", "يستخدم هذا الموقع akismet", "هذا الموقع يستخدم akismet",
    "يستخدم هذا الموقع أكيسميت", "این سایت از اکیسمت", "این سایت از akismet", "tato stránka používá akismet",
    "tato webová stránka používá akismet", "tento web používá akismet", "цей сайт використовує akismet",
    "यह साइट स्पैम कम करने के लिए akismet",
    "din e-postadress kommer inte publiceras", "obligatoriska fält är märkta",
    "din e-mailadresse vil ikke blive publiceret", "krævede felter er markeret med",
    "påkrævede felter er markeret med", "din e-postadresse vil ikke bli publisert",
    "obligatoriske felt er merket med", "sähköpostiosoitettasi ei julkaista", "pakolliset kentät on merkitty",
    "az e-mail címet nem tesszük közzé", "a kötelező mezőket * karakterrel",
    "adresa ta de email nu va fi publicată",
    "câmpurile obligatorii sunt marcate cu", "η ηλ. διεύθυνση σας δεν δημοσιεύεται",
    "η διεύθυνση email σας δεν θα δημοσιευθεί", "τα υποχρεωτικά πεδία σημειώνονται με",
    "האימייל לא יוצג באתר", "שדות החובה מסומנים", "อีเมลของคุณจะไม่แสดงให้คนอื่นเห็น",
    "ช่องข้อมูลจำเป็นถูกทำเครื่องหมาย", "denna webbplats använder akismet", "dette websted bruger akismet",
    "dette nettstedet bruker akismet", "tämä sivusto käyttää akismet", "ez a weboldal az akismet",
    "acest site folosește akismet", "αυτός ο ιστότοπος χρησιμοποιεί akismet", "เว็บไซต์นี้ใช้ akismet",
)  # fmt: skip
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


_BOILERPLATE_RE = re.compile(r"^(?:" + "|".join(BOILERPLATE_LINES) + r")$", re.IGNORECASE)
# The same without IGNORECASE, for ASCII lines lower-cased first: the patterns are written in
# lower case (a test checks), so it matches exactly where the original does, at two fifths of
# the cost. Other lines keep the original, whose case folding goes past `str.lower`.
_BOILERPLATE_LOWER = re.compile(_BOILERPLATE_RE.pattern)


def _is_boilerplate_wording(text: str) -> bool:
    text = text.strip().rstrip(".!")
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

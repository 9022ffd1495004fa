"""The wording of boilerplate lines: named tables, by kind of line and by language.

`scraper.lines` compiles and applies them (whole lines, short lines only, a
set lookup for the labels of languages the regexes leave out); a table here
is extended without reading the filters. Each table says how it is matched:

    BOILERPLATE_LINES     regex alternatives, each matching a whole line, written
                          in lower case (ASCII lines are lower-cased, then matched)
    CJK_LINES             the same, tried only on lines holding Chinese, Japanese
                          or Korean characters
    CALL_TO_ACTION        regexes found anywhere in a short line, each holding one
                          of CALL_TO_ACTION_WORDS, which gate the search
    OTHER_LANGUAGE_LABELS a line standing alone, lower-cased, less its count and
                          trailing marks, looked up in a set
    OTHER_LANGUAGE_NOTES  a line's opening words, lower-cased

and, for `scraper.clean`'s inline related-content boxes, INLINE_RELATED_PREFIXES
and CJK_RELATED_PREFIXES: the wording a box's text opens with.
"""

from __future__ import annotations

# A comment form's heading: WordPress's "Leave a Reply" in its large locales.
COMMENT_HEADING = (
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
    COMMENT_HEADING,
    r"(?:comparte|deja|escribe) tu (?:opinión|comentario)|ajouter un commentaire",
    r"this site uses akismet to reduce spam.*",
    r"your email address will not be published.*",
    r"required fields are marked.*",
    rf"(?:{COMMENT_HEADING})? ?(?:cancel reply|antworten abbrechen|annuler la réponse"
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
    # A portal's or a blog's tools of the 2000s: "E-mail this story", "Email this entry",
    # "TrackBack (3)", "Rate this recipe: 1 2 3 4 5", "Версия для печати", "Отправить по почте".
    r"(?:e-?mail|send|forward) this (?:story|article|entry|post|page)(?: to a friend)?",
    r"trackbacks?(?: \(\d+\))?",
    r"rate this (?:recipe|article|story|post|entry)\b.{0,40}",
    r"(?:версия для печати|распечатать|отправить (?:по почте|другу|ссылку)|ссылки по теме)",
    # ...and what such a page printed around the story: a wiki's "Jump to: navigation, search"
    # and "Retrieved from "…"", a hit counter, the note beside outside links, a print view's
    # "Find this article at: <address>", LiveJournal's mood and music.
    r"jump to: navigation, search",
    r"retrieved from [\"“].{1,200}[\"”]\.?",
    r"you are visitor (?:number |no\.? |#)?[\d,.]*\b.{0,40}",
    r"(?:note: )?(?:all )?(?:pages|links|sites) (?:will )?open in a new (?:browser )?window\.?",
    r"find this article at:?.{0,200}",
    # ...and a story's link to its video, an arrow after it: "Watch the rescue swimmer describe the hoist »".
    r"watch .{3,120} [»›]",
    # ...an old forum's controls and notices (phpBB 2, vBulletin 3), a mailing-list archive's
    # footer, a home page's way back, the note that PDFs need Adobe Reader.
    r"(?:post new (?:topic|thread)|reply to (?:topic|thread)|view (?:previous|next) topic"
    r"(?: :: view (?:previous|next) topic)?|display posts from previous:?.{0,60})",
    r"you (?:cannot|can|may not|may) (?:post new topics|reply to topics|edit your posts|delete your posts"
    r"|vote in polls|post attachments)(?: in this forum)?\.?",
    r".{1,60} forum index(?: (?:->|»|>) .{1,80})?",
    r"(?:vb code|smilies|\[img\] code|html code|bb code) (?:is|are) (?:on|off)",
    r"powered by (?:vbulletin|phpbb|invision|smf|mybb|xenforo)\b.{0,80}",
    r"more information about the .{1,80} mailing list",
    r"(?:back|return) to .{1,60}\bhome ?page\.?",
    r"(?:you (?:will )?need (?:the )?(?:free )?adobe (?:acrobat )?reader\b"
    r"|to view (?:the )?pdf files?\b).{0,120}",
    r"current (?:mood|music|location): .{1,80}",
    # A portal's appeals on every story: the Cyrillic press's "spotted an error? Select it and
    # press Ctrl+Enter", "follow us on Google News" in other languages, a WhatsApp channel,
    # "got news? send it to us" (WP.pl), "see more news from the region on g1", and the
    # marker a video leaves in a Polish story ("Dalsza część artykułu pod materiałem wideo").
    r".{0,120}(?:помилк|ошибк|опечатк|error|typo|mistake|błąd|chyb).{0,120}ctrl ?\+ ?enter.{0,120}",
    r"\W{0,3}(?:follow|ακολουθήστε|folgen sie|suivez|siga|segui|seguici|ikuti|sledujte|obserwuj|volg"
    r"|підписуйтесь|подписывайтесь|takip edin)\b.{0,80}\bgoogle news\b.{0,40}",
    r"\W{0,3}(?:participe|entre|siga|join|follow|ikuti|simak)\b"
    r"(?=.{0,160}\b(?:canal|channel|grupo|group|saluran|comunidade|community)\b).{0,120}\bwhatsapp\b.{0,60}",
    r"masz newsa, zdjęcie lub filmik\?.{0,120}",
    r"veja mais notícias d[ao] .{1,60}",
    r"dalsz[aey] (?:część|ciąg) (?:artykułu|materiału) (?:pod|poniżej) .{0,30}",
    # ...an Indonesian portal's: its video teaser and embed placeholder, its editors' initials
    # closing the story ("(ada/das)"), its WhatsApp channel; a plea to support journalism in
    # other languages ("Підтримайте незалежну журналістику", "Apoie o jornalismo").
    r"simak video\b.{0,150}|\[gambas:.{1,40}\]|\((?:[a-z]{2,4}/){1,3}[a-z]{2,4}\)",
    r"simak breaking news\b.{0,200}"
    r"|pastikan kamu sudah (?:install|instal|unduh|download) aplikasi whatsapp.{0,20}",
    # ...and an Israeli one's WhatsApp group and its link to the talkbacks, g1's video link.
    r"הצטרפו ל(?:קבוצת|ערוץ) ה?(?:וואטסאפ|טלגרם).{0,100}|לכל התגובות|vídeos: tudo sobre .{1,60}",
    r".{0,80}\b(?:підтримайте|поддержите|wesprzyj|unterstützen sie|soutenez|apoie|apoya|sostieni|steun)\b"
    r".{0,40}(?:журналістик|журналистик|dziennikarstw|journalismus|journalisme|jornalismo|periodismo"
    r"|giornalismo|journalistiek).{0,120}",
    # The BBC's Persian byline as its pages lay it out, label and value with a Latin comma
    # ("نویسنده, …": author, "شغل, …": role), its podcast promotion's skip link, and an Arabic
    # story's stamp ("آخر تحديث: 13/5/2024 13:05": last updated).
    r"(?:نویسنده|شغل), .{1,60}",
    r"skip (?:podcast|video|audio)(?: promotion)? and continue reading|پرش از روی پادکست و ادامه مطلب",
    r"\|?\s?(?:آخر تحديث|تاريخ النشر|تاريخ التحديث|نشر في|نُشر في)\s?:.{0,60}",
    r"(?:like|share) this:?",
    r"please follow (?:and|&) like us:?",
    r"click to (?:share|email|print) .*",
    r"(?:follow|subscribe to) us(?: on .*)?",
    r"sign up (?:for|to) (?:our|the) newsletter.*",
    r"subscribe(?: now)?(?: to (?:our|the) newsletter)?[.!]?",
    r"(?:advertisements?|advertising|adverts?|anzeige|publicité|реклама|werbung|sponsored|iklan|publicidad|"
    r"pubblicità|publicidade|reklama|advertentie|annonse|annons|mainos|διαφήμιση|פרסומת|โฆษณา"
    r"|広告|广告|광고)",
    # An ad network's button beside its slot (WordPress.com's WordAds, Ezoic).
    r"report this ad",
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
    # A Q&A post's stamp, the year left out within the year: "asked Mar 1 at 10:11".
    r"(?:asked|answered|edited|modified) (?:[a-z]{3,9}\.? \d{1,2}(?:, \d{4})?(?: at \d{1,2}:\d{2})?"
    r"|\d+ (?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?) ago|today|yesterday)",
    # ...and a counter with nothing but its number, abbreviated: Medium's claps ("1.3K").
    r"\d{1,3}[.,]\d\s?[km]",
    r"(?:sort(?:ed)?(?: by)? ?:?\s*)+",
    r"(?:tell us what you think|what do you think)\W*",
    # An appeal to sponsor the writer (Hashnode's, GitHub Sponsors' buttons beside it).
    r"did you find this (?:article|post|story|tutorial) (?:valuable|helpful|useful)\?"
    r"|support .{1,60} by becoming a sponsor\b.{0,60}",
    # A newsroom's line about the standards it keeps, under the story.
    r".{0,60}\b(?:the )?trust project\b.{0,60}",
    # A wire story's dateline left alone on its line ("WASHINGTON (AP) —", "London CNN —").
    r"[\w .,'’-]{2,60}? \(?(?:cnn|ap|reuters|afp|upi|dpa|bloomberg)\)? ?[—–-]{1,2}",
    # A news site's labels over media and its notice under outside links (the BBC's, the
    # Guardian's), and a Q&A site's prompt under the answers.
    r"(?:image source|media caption|image caption), .{1,80}",
    r"the .{2,30} is not responsible for the content of external (?:sites|websites|links)\.?",
    r"explore more on (?:these|this) topics?",
    r"not the answer you(?:'|’)?re looking for\?.{0,120}",
    # A news page's corrections link under the story.
    r"(?:share your feedback,? (?:or|and) )?(?:report|flag) an? (?:error|typo|mistake|correction)"
    r"|suggest a correction|(?:spotted|found|see) an? (?:error|typo|mistake)\?(?: (?:let us know|tell us))?",
    r"(?:don'?t miss|must read|recommended|more|also|see more|related|trending)(?::.{0,80})?",
    # The heading over other stories, standing alone: "You may also be interested in the following articles:".
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)(?: (?:the )?following(?: [\w ]{1,30})?)?"
    r"(?: as well)?:?(?:\.\.|…)?",
    # An author box's link to the author's other posts.
    r"(?:view|see|read|browse) (?:all|more) (?:posts|articles|stories) (?:by|from) .{1,60}",
    # The heading over a block of other stories: "Recommended Stories", "Latest News".
    r"(?:recommended|related|more|trending|popular|latest|top|suggested|other) "
    r"(?:stories|articles|posts|reads|videos|news|content|for you|sites|links):?",
    # ...and the headings over a story's summary and its revision history.
    r"(?:story highlights|article history)",
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
# characters (`scraper.lines`), so other pages pay nothing for them. Those pages
# write labels with full-width colons and brackets, and no space between words.
CJK_LINES = (
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
    # ...a portal's plug for its app and its account, and the story's keywords: "新浪新闻客户端",
    # "海量资讯、精准解读，尽在新浪新闻APP", "新浪新闻公众号", "更多热点速递…，欢迎关注。", "文章关键词：…".
    r".{0,12}(?:客户端|客戶端|公众号|公眾號)|.{0,30}尽在.{0,12}(?:app|客户端)|.{0,40}欢迎关注[。！!]?",
    r"(?:文章|本文)?(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|タグ|キーワード)\s?[:：].{0,60}",
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
    # A city hall page's contact box heading and its note on PDFs.
    r"(?:この|本)ページ(?:に関する|についての)お問い合わせ(?:先)?|.{0,10}pdf.{0,30}(?:ご覧|閲覧).{0,40}adobe.{0,40}",
    # A blog post's footer: "投稿者 うめきち 時刻 15:22｜コメント(3)｜トラックバック(0)".
    r"(?:投稿者|posted by).{1,60}(?:コメント|トラックバック).{0,60}|トラックバック(?:\s?[(（]\d+[)）])?",
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
# Each call to action above holds one of these (lower-cased): a line without
# any is passed over without the search, which costs ten times the check.
CALL_TO_ACTION_WORDS = (
    "newsletter", "inbox", "mailing list", "email", "letterbox", "reached at", "tip", "us on",
    "follow", "subscribe", "reporting by", "amazon associate", "commission", "affiliate link", "modera",
)  # fmt: skip

# The same kinds of line in Turkish, Vietnamese, Indonesian and Malay, Arabic, Persian, Czech,
# Ukrainian and Hindi, and WordPress's comment form in Swedish, Danish, Norwegian, Finnish,
# Hungarian, Romanian, Greek, Hebrew and Thai. As alternatives of BOILERPLATE_LINES they cost
# every line of every page 8% more of its matching; looked up in a set (labels standing alone,
# lower-cased, without their count and trailing marks) and by their opening words (a form's
# notes), they cost a line the same whatever their number.
COMMENT_HEADINGS = (
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
CANCEL_REPLY = (
    "yanıtı iptal et", "hủy trả lời", "batalkan balasan", "إلغاء الرد", "لغو پاسخ", "zrušit odpověď",
    "скасувати відповідь", "जवाब रद्द करें", "avbryt svar", "annuller svar", "peru vastaus",
    "válasz megszakítása", "anulează răspunsul", "ακύρωση απάντησης", "ביטול", "ยกเลิกการตอบ",
)  # fmt: skip
OTHER_LANGUAGE_LABELS = frozenset(
    {
        *COMMENT_HEADINGS,
        *CANCEL_REPLY,
        # WordPress's reply title while a reply is open: "Bir Yanıt Yazın Yanıtı iptal et".
        *(f"{heading} {cancel}" for heading in COMMENT_HEADINGS for cancel in CANCEL_REPLY),
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
    "przeczytaj również",
    "przeczytaj także",
    "läs också",
    "les også",
    "læs også",
    "lue myös",
    "zobacz też",
    "читайте также",
    "читать также",
    # ...and in Indonesian and Malay, Vietnamese, Czech, Ukrainian, Arabic ("اقرأ أيضا", "اقرأ أيضاً"),
    # Persian and Hindi.
    "baca juga",
    "xem thêm",
    "đọc thêm",
    "čtěte také",
    "čtěte též",
    "читайте також",
    "اقرأ أيض",
    "بیشتر بخوانید",
    "ये भी पढ़ें",
    # ...and Bengali, Hebrew, Greek (with and without its accents: headings are set in
    # capitals, which drop them), more Hindi, Polish, Dutch, Turkish and Thai.
    "আরও পড়ুন",
    "আরো পড়ুন",
    "קראו גם",
    "קרא גם",
    "διαβάστε επίσης",
    "διαβαστε επισης",
    "διαβάστε ακόμη",
    "διαβαστε ακομη",
    "ये खबर भी पढ़",
    "यह भी पढ़ें",
    "इसे भी पढ़ें",
    "zobacz także",
    "zobacz również",
    "bekijk ook",
    "ilgili haber",
    "i\u0307lgili haber",  # "İlgili" lower-cased: Python keeps the capital İ's dot as a combining mark
    "อ่านเพิ่มเติม",
    "อ่านข่าวที่เกี่ยวข้อง",
    # A newsroom's teaser label: "[Read: …]". ("Watch: …" stays: on a front page it is
    # the title of a video story.)
    "read:",
    # ...and "you may be interested", "read more" in Spanish, Portuguese, Italian,
    # French, German and Dutch.
    "te puede interesar",
    "también te puede interesar",
    "le puede interesar",
    "puede interesarte",
    "leia mais",
    "você pode gostar",
    "ti potrebbe interessare",
    "potrebbe interessarti",
    "à voir aussi",
    "sur le même sujet",
    "lesen sie mehr",
    "lees meer",
    "читайте еще",
    "смотрите также",
    "см. также",
    "по теме",
)
# ...and on Chinese, Japanese and Korean pages: "相关阅读", "延伸阅读", "関連記事", "あわせて読みたい",
# "관련기사". Searched for only in text that holds those scripts.
CJK_RELATED_PREFIXES = (
    "相关阅读",
    "相關閱讀",
    "延伸阅读",
    "延伸閱讀",
    "推荐阅读",
    "関連記事",
    "あわせて読みたい",
    "관련기사",
    "관련 기사",
)

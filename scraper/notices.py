"""Cookie-consent notices found by their wording, for the banners no selector names.

`scraper.markup` names the consent managers it knows by their markup
(Cookiebot, OneTrust, Complianz, ...). Sites that roll their own banner, or
whose CSS-in-JS classes say nothing, still write the same thing: a sentence
about cookies beside a button to accept or refuse them. That pair is the rule:

1. an element whose own text mentions cookies, in a block of at most
   `MAX_SENTENCE_CHARS` that also says what is done with them ("we use",
   "accept", "preferences", "privacy", ... in several languages);
2. climbing from that block while the text stays under `MAX_NOTICE_CHARS`,
   the smallest box that holds a short consent control ("Accept all",
   "Reject", "Manage settings", "Got it") is the notice, and goes.

An article paragraph about cookies has no "Accept" button beside it, and the
climb never leaves the notice's size, so the article is not at risk. The
same rule takes the placeholders that stand in for blocked embeds ("This
content isn't visible due to your cookie preferences ... Allow").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import BLOCK_TAGS, collapse, is_root, remove_all, text_length

# Innermost elements whose own text says "cookie", in any case.
_MENTIONS = ":lexbor-contains('cookie' i)"
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "title", "head"})
# Words a notice uses around "cookies", in several languages; a recipe's
# cookies come with none of them.
_CONSENT_CONTEXT = re.compile(
    r"\b(?:consent\w*|preferences|settings|accept\w*|agree\w*|allow|partners|privacy|policy|"
    r"tracking|analytics|advertising|personali[sz]\w*|browsing|website|third[- ]part\w*|"
    r"datenschutz\w*|einwilligung|zustimm\w*|akzeptier\w*|einstellungen|consentement|"
    r"confidentialité|paramètres|privacidad|aceptar|configuración|consenso|accett\w*|"
    r"privacidade|aceitar)\b",
    re.IGNORECASE,
)
# A control's label starts with a consent action. A link must say so plainly;
# a button may just say "OK", "Close" or "No" (an article links to "No Man's Sky").
_LINK_ACTION = (
    r"accept|agree|allow|reject|decline|deny|refuse|manage|customi[sz]e|got it|i understand|dismiss|"
    r"akzeptieren|alle akzeptieren|zustimmen|ablehnen|accepter|tout accepter|refuser|personnaliser|"
    r"aceptar|rechazar|accetta|rifiuta|aceitar|rejeitar"
)
_BUTTON_ACTION = (
    _LINK_ACTION
    + r"|settings|preferences|options|ok|okay|close|continue|understood|yes|no|save|confirm|details|"
    r"einstellungen|paramètres|configurar|"
    # A blocked embed's placeholder: "Load content", "Inhalt laden", "Afficher le contenu".
    r"(?:load|show|display|unblock|enable|activate) (?:the )?(?:content|video|map|embed|tweet|post)|"
    r"(?:externe )?inhalte? (?:laden|anzeigen|aktivieren|entsperren)|(?:video|karte) (?:laden|anzeigen)|"
    r"(?:charger|afficher|activer) (?:le )?contenu|(?:cargar|mostrar|activar) (?:el )?contenido|"
    r"(?:carica|mostra|attiva) (?:il )?contenuto|(?:carregar|mostrar|ativar) (?:o )?conteúdo"
)
_LINK_LABEL = re.compile(rf"(?:{_LINK_ACTION})\b", re.IGNORECASE)
_BUTTON_LABEL = re.compile(rf"(?:{_BUTTON_ACTION})\b", re.IGNORECASE)
_CONTROLS = "button, a, input[type=submit], input[type=button], [role=button]"
# A sentence, not a menu's "Cookie policy" link.
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_CHARS = 1_000
MAX_NOTICE_CHARS = 3_000
MAX_CONTROL_CHARS = 40
# Mentions looked at, in document order: each climb may measure one large
# ancestor, and a page naming cookies more often than this is about them.
MAX_MENTIONS = 100
# The climb stops at these: a notice sits beside the content, never around it.
_CONTAINERS = frozenset({"body", "main", "article"})


def remove_consent_notices(tree: LexborHTMLParser) -> None:
    """Remove each box holding a sentence about cookies and a control to answer it."""
    body = tree.body
    if body is None:
        return
    notices: list[LexborNode] = []
    judged: set[int] = set()  # a sentence with several mentions is judged once
    for node in body.css(_MENTIONS)[:MAX_MENTIONS]:
        if node.tag in _NOT_TEXT:
            continue
        block = _block_of(node)
        if block is None or block.mem_id in judged:
            continue
        judged.add(block.mem_id)
        text = block.text(deep=True, separator=" ") or ""
        if (
            len(text) > MAX_SENTENCE_CHARS
            or len(text.split()) < MIN_SENTENCE_WORDS
            or not _CONSENT_CONTEXT.search(text)
        ):
            continue
        notice = _notice_around(block)
        if notice is not None:
            notices.append(notice)
    remove_all(notices)


def _block_of(node: LexborNode) -> LexborNode | None:
    """The nearest block-level element holding `node`: its sentence."""
    current: LexborNode | None = node
    while current is not None and current.tag not in BLOCK_TAGS:
        current = current.parent
    if current is None or current.tag in _CONTAINERS:
        return None
    return current


def _notice_around(block: LexborNode) -> LexborNode | None:
    box: LexborNode | None = block
    while box is not None and box.tag not in _CONTAINERS and not is_root(box):
        if text_length(box) > MAX_NOTICE_CHARS:
            return None
        if any(_is_consent_control(control) for control in box.css(_CONTROLS)):
            return box
        box = box.parent
    return None


def _is_consent_control(control: LexborNode) -> bool:
    label = collapse(control.text(deep=True) or control.attributes.get("value") or "")
    if not label:
        label = control.attributes.get("aria-label") or ""
    if not 0 < len(label) <= MAX_CONTROL_CHARS:
        return False
    pattern = _LINK_LABEL if control.tag == "a" else _BUTTON_LABEL
    return pattern.match(label) is not None

"""Parts of a page the server streamed after the rest (React's streaming SSR).

A page rendered by React 18 or later (Next.js's app router, Remix) is sent
in pieces: first the page with a slot where a slow part goes, then that part
at the end of the body, hidden, with an inline script that moves it into
its slot:

    <!--$?--><template id="B:0"></template><p>Loading…</p><!--/$-->
    …
    <div hidden id="S:0"><article>…</article></div>
    <script>$RC("B:0", "S:0")</script>

(`P:` slots take a part the same way, without a fallback). No script runs
here: left as sent, the article sits hidden at the bottom of the page and
pruning drops it as hidden. `reveal_streamed` makes the move the script
would have made.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dom import has_ancestor_in

STREAMED_PARTS = 'div[hidden][id^="S:"]'
SLOTS = 'template[id^="B:"], template[id^="P:"]'
# The comment that closes a Suspense boundary's fallback.
BOUNDARY_END = "/$"


def reveal_streamed(tree: LexborHTMLParser) -> int:
    """Move each streamed part into its slot, in place of the fallback; how many moved."""
    parts = tree.css(STREAMED_PARTS)
    if not parts:
        return 0
    slots = {slot.attributes.get("id"): slot for slot in tree.css(SLOTS)}
    moved = 0
    for part in parts:
        key = (part.attributes.get("id") or "")[2:]
        # Each slot takes one part: a second part of the same name stays hidden.
        slot = slots.pop(f"B:{key}", None) or slots.pop(f"P:{key}", None)
        if slot is None or has_ancestor_in(slot, {part.mem_id}):
            continue  # no slot to go to, or one inside the part itself: a script would fail too
        if (slot.attributes.get("id") or "").startswith("B:"):
            _remove_fallback(slot)
        del part.attrs["hidden"]
        slot.insert_before(part, move=True)
        part.unwrap()
        slot.decompose()
        moved += 1
    return moved


def _remove_fallback(slot: LexborNode) -> None:
    """Remove what stands between a boundary's slot and the comment that closes it
    (a spinner, a skeleton); nothing if the boundary is not closed, or if what
    stands there holds a part or a slot (markup no server sends: the parts and
    slots still to move must not be freed under them)."""
    fallback: list[LexborNode] = []
    node = slot.next
    while node is not None:
        if node.is_comment_node and (node.comment_content or "").strip() == BOUNDARY_END:
            for extra in fallback:
                extra.decompose()
            return
        if node.is_element_node and node.css_first(f"{STREAMED_PARTS}, {SLOTS}") is not None:
            return
        fallback.append(node)
        node = node.next

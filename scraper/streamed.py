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
        slot = slots.get(f"B:{key}") or slots.get(f"P:{key}")
        if slot is None:
            continue  # no slot to go to: a script would leave it hidden too
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
    (a spinner, a skeleton); nothing if the boundary is not closed."""
    fallback: list[LexborNode] = []
    node = slot.next
    while node is not None:
        if node.is_comment_node and (node.comment_content or "").strip() == BOUNDARY_END:
            for extra in fallback:
                extra.decompose()
            return
        fallback.append(node)
        node = node.next

"""KakaoTalk translation, no I/O: a SkillPayload to an Inbound, replies to a SkillResponse within Kakao's limits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from bot.dialog import texts
from bot.dialog.core import Address, Channel, Choice, Inbound, Reply

# -- Kakao limits (SkillResponse reference) --------------------------------------------------------
MAX_OUTPUTS = 3
MAX_TEXT = 1000
MAX_QUICK_REPLIES = 10
MAX_LABEL = 14
MAX_BUTTONS = 3
MAX_CARD_TITLE = 50
MAX_CARD_DESCRIPTION = 400
MAX_CAROUSEL = 10
MAX_TAIL = 200
"""When text must be cut, a last paragraph up to this long (usually the question) is kept after the mark."""

_PARENS = re.compile(r"\s*[(\[（][^)\]）]*[)\]）]")
_SENTENCE_END = re.compile(r"[.!?。…](?=\s)")


class PayloadError(ValueError):
    """A SkillPayload we cannot read (answered with 400)."""


# -- pure translation: payload -> Inbound ---------------------------------------------------------
def parse_payload(payload: object) -> Inbound:
    """The parent's message; a tapped quick reply's ``extra.choice`` (in ``action.clientExtra``) becomes the choice."""
    request = payload.get("userRequest") if isinstance(payload, dict) else None
    if not isinstance(request, dict):
        raise PayloadError("missing userRequest")
    user = request.get("user")
    user_id = user.get("id") if isinstance(user, dict) else None
    if not isinstance(user_id, str) or not user_id.strip():
        raise PayloadError("missing userRequest.user.id")
    utterance = request.get("utterance")
    if not isinstance(utterance, str):
        raise PayloadError("missing userRequest.utterance")
    action = payload.get("action")
    extra = action.get("clientExtra") if isinstance(action, dict) else None
    choice = extra.get("choice") if isinstance(extra, dict) else None
    return Inbound(
        address=Address(Channel.KAKAO, user_id.strip()),
        text=utterance.strip(),
        choice=choice if isinstance(choice, str) and choice else None,
    )


# -- pure translation: replies -> SkillResponse ---------------------------------------------------
def build_response(replies: Sequence[Reply]) -> dict[str, object]:
    """A SkillResponse within Kakao's limits: 1-3 outputs, <= 10 quick replies, short labels."""
    asking = next((r for r in reversed(replies) if r.choices), None)
    shown: tuple[Choice, ...] = asking.choices[:MAX_QUICK_REPLIES] if asking else ()
    pre: list[str] = []
    post: list[str] = []
    cards: list[dict[str, object]] = []
    for reply in replies:
        text = reply.text.strip()
        if reply is asking and len(asking.choices) > MAX_QUICK_REPLIES:
            # The dialog reads typed text too, so choices without a button stay reachable.
            rest = ", ".join(c.label for c in asking.choices[MAX_QUICK_REPLIES:])
            text = f"{text}\n\n{texts.KAKAO_MORE_CHOICES.format(labels=rest)}".strip()
        # All cards share one output (a carousel if several); a card's text too long for it goes before it,
        # other text keeps its place before or after the cards.
        if reply.card_title or reply.links or reply.venue:
            card, text = build_card(reply, text)
            cards.append(card)
            pre.append(text)
        else:
            (post if cards else pre).append(text)
    outputs = layout("\n\n".join(t for t in pre if t), cards, "\n\n".join(t for t in post if t))
    template: dict[str, object] = {"outputs": outputs or [simple_text(texts.KAKAO_EMPTY_TEXT)]}
    if shown:
        template["quickReplies"] = [quick_reply(c) for c in shown]
    return {"version": "2.0", "template": template}


def layout(pre: str, cards: list[dict[str, object]], post: str) -> list[dict[str, object]]:
    """Text before the cards gets the spare output slots; text after them (the next question) keeps one."""
    slots = MAX_OUTPUTS - (1 if cards else 0)
    post_n = len(split_text(post))
    pre_slots = max(1, slots - post_n) if post_n else slots
    before = fit_text(pre, pre_slots)
    after = fit_text(post, slots - len(before))
    outputs = [simple_text(t) for t in before]
    if len(cards) == 1:
        outputs.append({"textCard": cards[0]})
    elif cards:
        outputs.append({"carousel": {"type": "textCard", "items": cards[:MAX_CAROUSEL]}})
    return outputs + [simple_text(t) for t in after]


def build_card(reply: Reply, text: str) -> tuple[dict[str, object], str]:
    """A textCard (basicCard needs an image we do not have) and any text too long for its description."""
    venue = reply.venue
    if venue and venue.address not in text:
        text = f"{text}\n{venue.address}".strip()
    title = reply.card_title or (venue.title if venue else None)
    card: dict[str, object] = {}
    if title:
        card["title"] = shorten_label(title, MAX_CARD_TITLE)
    if text and len(text) <= MAX_CARD_DESCRIPTION:
        card["description"], text = text, ""
    if not card:
        card["title"] = texts.KAKAO_LINKS_TITLE
    buttons = [b for b in (link_button(link.label, link.phone, link.url) for link in reply.links) if b]
    if venue and venue.phone and all(b.get("phoneNumber") != venue.phone for b in buttons):
        buttons.append({"action": "phone", "label": texts.KAKAO_CALL_LABEL, "phoneNumber": venue.phone})
    if venue:
        place = quote(venue.title.replace(",", " "), safe="")
        buttons.append({"action": "webLink", "label": texts.KAKAO_MAP_LABEL,
                        "webLinkUrl": f"https://map.kakao.com/link/map/{place},{venue.lat},{venue.lon}"})
    if buttons:
        card["buttons"] = buttons[:MAX_BUTTONS]
    return card, text


def link_button(label: str, phone: str | None, url: str | None) -> dict[str, object] | None:
    if phone:
        return {"action": "phone", "label": shorten_label(label), "phoneNumber": phone}
    if url:
        return {"action": "webLink", "label": shorten_label(label), "webLinkUrl": url}
    return None


def quick_reply(choice: Choice) -> dict[str, object]:
    """The full label is what the parent 'says'; the value rides in ``extra`` so a short label never changes it."""
    return {
        "label": shorten_label(choice.label),
        "action": "message",
        "messageText": choice.label,
        "extra": {"choice": choice.value},
    }


def simple_text(text: str) -> dict[str, object]:
    return {"simpleText": {"text": text}}


def shorten_label(label: str, limit: int = MAX_LABEL) -> str:
    """Drop parentheses, then spaces (Korean stays readable without them), then cut at a word with '…'."""
    text = " ".join(label.split())
    if len(text) <= limit:
        return text
    text = _PARENS.sub("", text).strip() or text
    if len(text) <= limit:
        return text
    if len(compact := text.replace(" ", "")) <= limit:
        return compact
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= limit // 2 else cut).rstrip() + "…"


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Pieces of at most ``limit`` chars, cut at a paragraph, line, sentence or word, in that order of preference."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = find_cut(rest, limit)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def find_cut(text: str, limit: int) -> int:
    window = text[:limit]
    for sep in ("\n\n", "\n"):
        if (i := window.rfind(sep)) >= limit // 2:
            return i
    ends = [m.end() for m in _SENTENCE_END.finditer(text[: limit + 1]) if m.end() <= limit]
    if ends and ends[-1] >= limit // 2:
        return ends[-1]
    if (i := window.rfind(" ")) >= limit // 2:
        return i
    return limit


def fit_text(text: str, slots: int) -> list[str]:
    """At most ``slots`` pieces. If the text is longer, keep its beginning, mark the cut, and keep the last
    paragraph when it is short: that is usually the question the quick replies answer."""
    pieces = split_text(text)
    if len(pieces) <= max(slots, 0):
        return pieces
    if slots <= 0:
        return []
    head, _, tail = text.strip().rpartition("\n")
    if not head or len(tail.strip()) > MAX_TAIL:
        head, tail = text, ""
    suffix = f"{texts.KAKAO_TRUNCATED_MARK}\n\n{tail.strip()}" if tail.strip() else texts.KAKAO_TRUNCATED_MARK
    kept = split_text(head)[:slots]
    kept[-1] = f"{split_text(kept[-1], MAX_TEXT - len(suffix) - 1)[0]}\n{suffix}"
    return kept


# -- pure translation: an event block's request -> the message ref it came for ----------------------
EVENT_PARAM = "ref"
"""The event block's parameter that carries the Event API's ``event.data.ref`` (an opaque message id)."""


def event_ref(payload: object) -> str | None:
    """The ref if this SkillPayload comes from our event block (Kakao ran it after an Event API push), else
    None. Read where Kakao puts block parameters and event data: ``action.params``, ``action.detailParams``,
    ``userRequest.params`` and ``userRequest.event.data``."""
    if not isinstance(payload, dict):
        return None
    action = payload.get("action") if isinstance(payload.get("action"), dict) else {}
    request = payload.get("userRequest") if isinstance(payload.get("userRequest"), dict) else {}
    event = request.get("event") if isinstance(request.get("event"), dict) else {}
    detail = action.get("detailParams") if isinstance(action.get("detailParams"), dict) else {}
    found = detail.get(EVENT_PARAM)
    for place in (action.get("params"), request.get("params"), event.get("data"),
                  {EVENT_PARAM: found.get("value")} if isinstance(found, dict) else None):
        value = place.get(EVENT_PARAM) if isinstance(place, dict) else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None

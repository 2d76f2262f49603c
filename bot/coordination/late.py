"""Late replies: a Kakao turn that outlasted the skill's time budget, kept as a parent message of kind 'late'."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace

from bot.coordination import texts as queue_texts
from bot.dialog.core import Choice, Link, Reply, Venue
from db import retention
from db.contract import Late

KIND = "late"


def dump(replies: Sequence[Reply]) -> str:
    """The replies as JSON (the row's ``text``): every field, so cards, links and places come back whole."""
    return json.dumps([asdict(r) for r in replies], ensure_ascii=False, separators=(",", ":"))


def load(text: str | None) -> list[Reply]:
    out = []
    for item in json.loads(text or "[]"):
        venue = item.get("venue")
        out.append(Reply(
            text=item["text"], choices=tuple(Choice(**c) for c in item.get("choices", ())),
            links=tuple(Link(**k) for k in item.get("links", ())), card_title=item.get("card_title"),
            venue=None if venue is None else Venue(**venue), ask_location=bool(item.get("ask_location")),
            ask_contact=bool(item.get("ask_contact"))))
    return out


def render(row: Mapping[str, object] | sqlite3.Row) -> list[Reply]:
    """What the parent sees: a line saying these answer an earlier message, then the replies. Their buttons are
    dropped: they come before the answer that now counts (the next message's, whose buttons the state keeps), and
    Kakao shows one set of quick replies per answer; the question's words stay, and typed answers work."""
    replies = [replace(r, choices=(), ask_location=False, ask_contact=False) for r in load(str(row["text"] or "[]"))]
    if not replies:
        return []
    first = replies[0]
    if first.card_title is None:
        replies[0] = replace(first, text=f"{queue_texts.LATE_LEAD}\n\n{first.text}")
    else:
        replies.insert(0, Reply(queue_texts.LATE_LEAD))
    return replies


def kept(channel: str, replies: Sequence[Reply], at: str) -> Late:
    """The replies as the row keeps them (db/contract.py's ``Store.keep_late`` writes it): due for a push at once (an
    Event API push, where one is set up, brings them in our event block's answer)."""
    return Late(channel, dump(replies), secrets.token_urlsafe(12), at)


forget = retention.forget_late
"""The parent's late replies lose the parent and the words (rows stay: pushes refer to them, reports count them)."""

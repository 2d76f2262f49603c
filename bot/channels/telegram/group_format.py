"""The coordinator group's buttons and texts on Telegram: pure functions of cases, events and taps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.telegram import texts
from bot.coordination import desks
from bot.coordination import texts as queue_texts
from bot.coordination.dispatch import Action
from db.models import CaseRow, Event, Outcome


@dataclass(frozen=True, slots=True)
class Press:
    """A tapped group button: ``q:<action>:<case>[:<outcome>]``, or ``q:back:<case>`` to leave the outcome list."""

    case_id: int
    action: Action | None
    outcome: Outcome | None = None


def button_data(case_id: int, action: Action | None, outcome: Outcome | None = None) -> str:
    return ":".join(["q", str(action or "back"), str(case_id), *([str(outcome)] if outcome else [])])


def parse_press(data: str) -> Press | None:
    parts = data.split(":")
    if len(parts) not in (3, 4) or parts[0] != "q" or not parts[2].isdigit():
        return None
    try:
        action = None if parts[1] == "back" else Action(parts[1])
        outcome = Outcome(parts[3]) if len(parts) == 4 else None
    except ValueError:
        return None
    return Press(int(parts[2]), action, outcome)


def action_keyboard(case_id: int, actions: Sequence[Action]) -> InlineKeyboardMarkup | None:
    buttons = [InlineKeyboardButton(texts.ACTION_BUTTONS[a], callback_data=button_data(case_id, a)) for a in actions]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)]) if buttons else None


def outcome_keyboard(case_id: int, action: Action) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(label, callback_data=button_data(case_id, action, outcome))]
        for outcome, label in queue_texts.OUTCOME.items()
    ]
    return InlineKeyboardMarkup([*rows, [InlineKeyboardButton(texts.BACK, callback_data=button_data(case_id, None))]])


def queue_text(cases: Sequence[CaseRow], tz: tzinfo, service: Callable[[str | None], str]) -> str:
    if not cases:
        return texts.QUEUE_EMPTY
    lines = [texts.QUEUE_HEAD.format(n=len(cases))]
    for c in cases:
        flags = "".join(f for f, on in (("[위험] ", c.danger), ("[긴급] ", c.urgent)) if on)
        owner = f" · 담당 {c.claimed_by}" if c.claimed_by else ""
        lines.append(
            texts.QUEUE_LINE.format(
                id=c.id,
                flags=flags,
                service="+".join(service(s) for s in desks.services(c)) or service(None),  # both children's
                owner=owner,
                status=queue_texts.STATUS[c.status],
                when=queue_texts.when(c.created_at, tz),
            )
        )
    return "\n".join(lines)


def history_text(events: Sequence[Event], tz: tzinfo, last: int = 8) -> str:
    lines = [
        f"{queue_texts.when(e.at, tz)} {e.actor}: {texts.EVENT_KINDS.get(e.kind, e.kind)}"
        + (f" ({e.note})" if e.note else "")
        for e in events[-last:]
    ]
    return "\n".join([texts.HISTORY_HEAD, *lines])

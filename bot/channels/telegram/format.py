"""Pure Telegram translation, no I/O: an Update becomes an Inbound, a Reply becomes Bot API send calls."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)

from bot.channels.edge import cleaned
from bot.channels.telegram import texts
from bot.dialog.core import Address, Channel, Inbound, Reply

TEXT_LIMIT = 4096  # UTF-16 code units, as Telegram counts them
CALLBACK_LIMIT = 64  # bytes of callback_data
_B = TypeVar("_B", InlineKeyboardButton, KeyboardButton)


@dataclass(frozen=True, slots=True)
class SendCall:
    """One Bot API call: a ``telegram.Bot`` method name and its keyword arguments."""

    method: str
    kwargs: Mapping[str, Any]


class ChoiceCodec:
    """callback_data for a choice value: ``c:<value>`` when it fits in 64 bytes, else a short hash token
    remembered here (a token unknown after a restart decodes to None and the button label is used instead)."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._long: OrderedDict[str, str] = OrderedDict()
        self._capacity = capacity

    def encode(self, value: str) -> str:
        data = f"c:{value}"
        if len(data.encode()) <= CALLBACK_LIMIT:
            return data
        token = "h:" + hashlib.sha256(value.encode()).hexdigest()[:24]
        self._long[token] = value
        self._long.move_to_end(token)
        while len(self._long) > self._capacity:
            self._long.popitem(last=False)
        return token

    def decode(self, data: str) -> str | None:
        if data.startswith("c:"):
            return data[2:]
        return self._long.get(data)


def address_of(chat_id: int) -> Address:
    return Address(Channel.TELEGRAM, str(chat_id))


def inbound_from_update(update: Update, codec: ChoiceCodec, offered: Mapping[str, str]) -> Inbound | None:
    """What the parent said, or None for updates the dialog has no use for. ``offered`` maps the labels of
    the reply-keyboard buttons last shown in this chat to their choice values."""
    inbound = _inbound(update, codec, offered)
    return None if inbound is None else cleaned(inbound)


def _inbound(update: Update, codec: ChoiceCodec, offered: Mapping[str, str]) -> Inbound | None:
    query = update.callback_query
    if query is not None:
        if query.message is None:
            return None
        value = codec.decode(query.data or "")
        label = button_label(query.message, query.data or "")
        return Inbound(address_of(query.message.chat.id), text=label or value or "", choice=value)
    message = update.message
    if message is None:
        return None
    address = address_of(message.chat.id)
    if message.location is not None:
        return Inbound(address, location=(message.location.latitude, message.location.longitude))
    if message.contact is not None:
        return Inbound(address, phone=domestic_phone(message.contact.phone_number))
    text = (message.text or "").strip()
    if not text:
        return None
    if text.startswith("/"):
        command = text.split()[0][1:].split("@")[0].lower()
        return Inbound(address, text=texts.COMMANDS.get(command, texts.COMMANDS["help"]))
    return Inbound(address, text=text, choice=offered.get(text))


def send_calls(chat_id: int, reply: Reply, codec: ChoiceCodec) -> list[SendCall]:
    """The Bot API calls that show ``reply``: its text in <= 4096-unit parts, the keyboard on the last part,
    then the venue."""
    calls: list[SendCall] = []
    markup = _markup(reply, codec)
    # Telegram refuses an empty text; buttons still need a message to ride on.
    parts = split_text(_body(reply)) or ([texts.BUTTONS_ONLY] if not isinstance(markup, ReplyKeyboardRemove) else [])
    for i, part in enumerate(parts):
        kwargs: dict[str, Any] = {"chat_id": chat_id, "text": part}
        if i == len(parts) - 1:
            kwargs["reply_markup"] = markup
        calls.append(SendCall("send_message", kwargs))
    if reply.venue is not None:
        venue = reply.venue
        where = f"{venue.address} ☎ {venue.phone}" if venue.phone else venue.address
        calls.append(
            SendCall(
                "send_venue",
                {
                    "chat_id": chat_id,
                    "latitude": venue.lat,
                    "longitude": venue.lon,
                    "title": venue.title,
                    "address": where,
                },
            )
        )
    return calls


def offered_choices(reply: Reply) -> dict[str, str] | None:
    """Labels of reply-keyboard buttons -> choice values after ``reply`` is shown; {} when the keyboard is
    removed, None when ``reply`` leaves it as it was (an inline keyboard cannot remove it)."""
    if reply.ask_location or reply.ask_contact:
        return {c.label: c.value for c in reply.choices}
    if reply.choices or any(link.url for link in reply.links):
        return None
    return {}


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Parts of at most ``limit`` UTF-16 units, cut at a line break or space where one is near."""
    parts: list[str] = []
    while utf16_units(text) > limit:
        cut = max(_fits(text, limit), 1)  # never an empty part, so the loop always advances
        for sep in ("\n", " "):
            at = text.rfind(sep, 0, cut)
            if at > cut // 2:
                cut = at
                break
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n ")
    parts.append(text)
    return [p for p in parts if p.strip()]


def domestic_phone(phone: str) -> str:
    """Telegram shares numbers internationally (``+82 10 ...``, ``821012345678``); the dialog wants ``010...``."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return "0" + digits[2:].removeprefix("0") if digits.startswith("82") else digits


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fits(text: str, limit: int) -> int:
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def _body(reply: Reply) -> str:
    # Telegram has no call buttons; a number the text does not already show becomes a (tappable) line.
    lines = [
        texts.PHONE_LINE.format(label=link.label, phone=link.phone)
        for link in reply.links
        if link.phone and link.phone not in reply.text
    ]
    if reply.ask_location or reply.ask_contact:  # a reply keyboard leaves no room for url buttons
        lines += [f"🔗 {link.label}: {link.url}" for link in reply.links if link.url and not link.phone]
    parts = [reply.card_title or "", reply.text, "\n".join(lines)]
    return "\n\n".join(p for p in parts if p)


def _markup(reply: Reply, codec: ChoiceCodec) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove:
    if reply.ask_location or reply.ask_contact:
        rows: list[list[KeyboardButton]] = []
        if reply.ask_location:
            rows.append([KeyboardButton(texts.SHARE_LOCATION, request_location=True)])
        if reply.ask_contact:
            rows.append([KeyboardButton(texts.SHARE_CONTACT, request_contact=True)])
        rows += _rows([KeyboardButton(c.label) for c in reply.choices])
        return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
    buttons = [InlineKeyboardButton(c.label, callback_data=codec.encode(c.value)) for c in reply.choices]
    buttons += [InlineKeyboardButton(link.label, url=link.url) for link in reply.links if link.url]
    return InlineKeyboardMarkup(_rows(buttons)) if buttons else ReplyKeyboardRemove()


def _rows(buttons: list[_B]) -> list[list[_B]]:
    # Short labels share a row so a phone screen shows all choices without scrolling.
    longest = max((len(b.text) for b in buttons), default=0)
    width = 3 if longest <= 5 else 2 if longest <= 10 else 1
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def button_label(message: object, data: str) -> str | None:
    markup = message.reply_markup if isinstance(message, Message) else None
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.callback_data == data:
                return button.text
    return None

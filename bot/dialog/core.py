"""The core vocabulary every channel translates to and from: inbound messages, replies, addresses."""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Channel(StrEnum):
    CONSOLE = "console"
    TELEGRAM = "telegram"
    KAKAO = "kakao"


@dataclass(frozen=True, slots=True)
class Address:
    """Who a message comes from or goes to: one user on one channel."""

    channel: Channel
    user: str

    @property
    def key(self) -> str:
        """Stable storage key, e.g. ``kakao:abc123``."""
        return f"{self.channel}:{self.user}"


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message from a parent. ``choice`` is the value of a tapped button, if any;
    ``location`` is (lat, lon) when a channel shares coordinates; ``phone`` a shared contact."""

    address: Address
    text: str = ""
    choice: str | None = None
    location: tuple[float, float] | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """A button: ``label`` is shown, ``value`` comes back as ``Inbound.choice`` (and as text where
    the channel can only send text back)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Link:
    """A button that does not answer the bot: a phone number to call or a page to open."""

    label: str
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Venue:
    """A place to show on a map (Telegram sends it as a venue)."""

    title: str
    address: str
    lat: float
    lon: float
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to the user. ``card_title`` marks a recommendation card (Kakao basicCard);
    ``ask_location``/``ask_contact`` ask the channel for its share buttons where it has them."""

    text: str
    choices: tuple[Choice, ...] = ()
    links: tuple[Link, ...] = ()
    card_title: str | None = None
    venue: Venue | None = None
    ask_location: bool = False
    ask_contact: bool = False


@dataclass(slots=True)
class Overdue:
    """Set around one turn by a channel that must answer within a time budget (the Kakao skill): ``passed`` once
    its answer went out without this turn's replies. The engine then hands the replies to the desk
    (``keep_late``) before the turn commits, so the user's next turn, on any worker, finds them, and sets
    ``handled``; a turn that passed its budget later than that is left to the channel."""

    passed: bool = False
    handled: bool = False


OVERDUE: ContextVar[Overdue | None] = ContextVar("dolbom_overdue", default=None)


class Dialog(Protocol):
    """What every channel talks to: one inbound message in, the replies out (never sent by the dialog)."""

    async def handle(self, inbound: Inbound) -> list[Reply]: ...


class Push(Protocol):
    """A channel that can send unprompted (Telegram, the console). A Kakao skill cannot, so it has none."""

    channel: Channel

    async def send(self, address: Address, replies: Sequence[Reply]) -> None: ...

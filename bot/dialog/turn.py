"""One message being handled, and what the steps may consult and decide besides replies (the effects)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.dialog import present
from bot.dialog.core import Choice, Inbound, Reply
from bot.dialog.intake import Intake, Kid
from bot.dialog.present import rankings
from knowledge.schema import Knowledge
from routing.match import Ranking
from routing.need import Understanding


@dataclass(frozen=True, slots=True)
class Context:
    """What the steps may consult besides the turn itself, each a plain function (tests pass their own)."""

    retention_days: int = 90
    map_url: Callable[[Ranking, Intake], str | None] = lambda ranking, intake: None
    """A link to the care map focused on a recommendation, or None."""
    suggest_places: Callable[[str], list[str]] = lambda text: []
    """Place names close to an unreadable answer (typos)."""
    when_answered: Callable[[str | None, datetime, bool], str | None] = lambda service, at, danger: None
    """For the parent: when a person will answer a new case of that service, if not now."""
    answer_at: Callable[[str | None, datetime, bool], datetime | None] = lambda service, at, danger: None
    """When a coordinator of that service (the control tower for danger) is next on duty; None while on duty."""


@dataclass(frozen=True, slots=True)
class OpenCase:
    """Effect: the turn ends by opening a case from its intake; ``announce`` carries ``CASE_NUMBER``, which the
    engine fills in once the case is written together with the turn."""

    announce: Reply


@dataclass(frozen=True, slots=True)
class Forget:
    """Effect: delete the parent's data; the engine puts the desk's answer where ``at`` says among the replies."""

    at: int


@dataclass(frozen=True, slots=True)
class NoteCase:
    """Effect: the filed case's coordinators hear what the parent changed after filing ('아 아니다 목요일이요')."""

    case_id: int
    note: str
    days: tuple[date, ...] = ()
    """The care days after the change, when they changed: the parent's follow-up moves to after the last one."""


Effect = OpenCase | Forget | NoteCase


@dataclass
class Turn:
    """One message being handled: what it said, the intake as it evolves, and the replies so far."""

    ctx: Context
    inbound: Inbound
    text: str
    u: Understanding
    intake: Intake
    now: datetime
    knowledge: Knowledge
    label: str | None = None
    """The button label when the parent tapped one (e.g. '3~5살'), kept for the summary."""
    pick: str | None = None
    """The child button tapped for an age that could be any child's: its place ('0', '1') or 'only'."""
    replies: list[Reply] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    compact: str = field(init=False)
    """The text without whitespace, for the word lists (read two or three times a turn)."""
    _ranked: tuple[Intake, list[tuple[str, Ranking]]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.compact = "".join(self.text.split())

    def rankings(self, intake: Intake | None = None) -> list[tuple[str, Ranking]]:
        """Each child's ranking for ``intake`` (default: the turn's), computed once per intake per turn."""
        intake = intake or self.intake
        if self._ranked is None or self._ranked[0] is not intake:
            self._ranked = (intake, rankings(intake, self.knowledge, self.now))
        return self._ranked[1]

    def shown(self) -> list[tuple[str, Ranking, Kid | None]]:
        """The rankings as the parent reads them: twins with the same advice on one card."""
        return present.grouped(self.rankings(), self.intake.kids)

    def say(self, text: str, choices: tuple[Choice, ...] = (), **kw: object) -> None:
        self.replies.append(Reply(text, choices=choices, **kw))  # type: ignore[arg-type]

    @property
    def says_facts(self) -> bool:
        n = self.u.need
        return bool(
            self.u.children or n.day or n.start is not None or n.end is not None or n.area or n.coords or n.night
            or n.situations
        )

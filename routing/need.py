"""What is known about a family's request: the input of the rules engine and the output of understanding."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Child:
    age_months: int | None = None
    school_grade: int | None = None
    """Elementary grade 1-6 when known."""
    school: bool | None = None
    """Whether the child is at elementary school when neither age nor grade is said: True for "초등학생",
    False for "유치원 다니는 딸"."""


@dataclass(frozen=True, slots=True)
class Need:
    """One request for care. Times are minutes from midnight on ``day``; ``end`` may exceed 1440
    when care runs past midnight. ``None`` means unknown: the engine never guesses."""

    child: Child = Child()
    day: date | None = None
    start: int | None = None
    end: int | None = None
    night: bool | None = None
    holiday: bool | None = None
    urgent: bool = False
    topics: tuple[str, ...] = ()
    """Service ids whose topic words the parent used, in order of appearance."""
    situations: frozenset[str] = frozenset()
    """Situation ids from the knowledge (emergency, sick, at_home, danger)."""
    area: str | None = None
    """Canonical 읍면동 name."""
    coords: tuple[float, float] | None = None
    now: datetime | None = None
    """Reference time (Asia/Seoul) for lead times; None skips lead-time checks."""
    vacation: bool = False
    """The parent asks about school-vacation (방학) days: services' vacation hours apply."""
    overnight: bool = False
    """Care through the night to the next morning with no end said (밤새, 하룻밤, 외박)."""
    visit: bool = False
    """The hours said are for visiting a service the parent asked about ("토요일 10시에 장난감 빌리러 가도 되나요"),
    not for care: that service stays first."""
    cared: bool = False
    """The message asks for care ("맡길 곳", "봐줄 분") and asks nothing about the topics it names ("한부모인데 밤에 5살
    맡길 곳"): the care comes first and the topics' services follow it, as with hours said."""


@dataclass(frozen=True, slots=True)
class Understanding:
    """Everything one message says. Fields left None were not said. ``children`` lists every child
    mentioned (``"7살, 4살 두 아이"`` gives two); ``child`` in ``need`` is the first."""

    need: Need
    children: tuple[Child, ...] = ()
    danger: bool = False
    yes: bool | None = None
    """An answer to a yes/no question (네/예/좋아요 -> True, 아니요/싫어요 -> False), if the message is one."""
    negated: bool = False
    """The message corrects something ("아니요, 5살이에요")."""
    period: str | None = None
    """'am' or 'pm' when the message's words point at a half of the day (저녁, 퇴근 -> 'pm'; 새벽, 출근 전 -> 'am').
    The dialog carries it and passes it back as ``read(..., hint=...)`` so that "7시부터 10시까지" in the next
    message is read in the evening."""
    ambiguous_hour: int | None = None
    """A bare hour (6-8) with no word deciding morning or evening: the dialog asks 오전/오후 with two buttons
    and reads the message again with ``hint='am'`` or ``'pm'``. The need holds the reading taken meanwhile."""
    past: bool = False
    """The day and hours named had already ended (at 23:00, "오늘 밤 10시까지"): they were dropped from the
    need and the dialog should ask again. Weekday names move to next week instead and are not past."""
    unnamed: tuple[Child, ...] = ()
    """Children named without age, grade or count ("아들이 독감이에요": one, "아들이랑 딸": two) when ``children`` is
    empty: counted by `dolbom understand`, while the dialog still asks their ages."""
    day_assumed: bool = False
    """``need.day`` is today taken for hours said with no day ("6시부터 11시 반까지"), still ahead today: not said.
    The dialog keeps a day said in another message over it and tells the parent the day it took."""
    asked_day: date | None = None
    """A weekday asked about as a service's opening day ("토요일에도 여나요?", "일요일도 하나"): no care day, so not
    ``need.day``; the dialog answers that day's hours."""


def maker(cls: type[T]) -> Callable[..., T]:
    """A function making a frozen slotted dataclass from all its fields, in order, as its __init__ does, in half
    the time: the __init__ sets each field by name through ``object.__setattr__``, this through the slot's own
    setter (for the Need and the Understanding made for every message read)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    env: dict[str, Any] = {f"_{n}": cls.__dict__[n].__set__ for n in names}
    env.update(_new=object.__new__, _cls=cls)
    body = "".join(f"    _{n}(made, {n})\n" for n in names)
    exec(f"def make({', '.join(names)}):\n    made = _new(_cls)\n{body}    return made\n", env)
    return env["make"]  # type: ignore[no-any-return]


def tuple_maker(cls: type[T]) -> Callable[[tuple[Any, ...]], T]:
    """A function making a NamedTuple from the tuple of all its fields, in order: ``cls(*fields)`` runs the class's
    generated __new__ in Python first, this only tuple's own, in half the time (for the times and readings made for
    nearly every message)."""
    return partial(tuple.__new__, cls)  # type: ignore[return-value]

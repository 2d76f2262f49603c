"""The intake answers of one conversation: one typed, frozen dataclass stored as JSON, never pickled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

import orjson

from bot.dialog.kids import Kid, age_rank, filled, marked
from routing.need import Child, Need, Understanding

__all__ = ["Intake", "Kid", "Step", "age_rank"]

_NO_CHILD = Child()


class Step(StrEnum):
    """Where the conversation stands. Each step's handler returns the next one (see bot/dialog/steps.py)."""

    COLLECT = "collect"
    """Gathering age, day, time and place: asks for the first thing still missing."""
    CONSENT = "consent"
    PHONE = "phone"
    CONFIRM = "confirm"
    DONE = "done"
    FORGET = "forget"


@dataclass(frozen=True, slots=True)
class Intake:
    step: Step = Step.COLLECT
    kids: tuple[Kid, ...] = ()
    day: date | None = None
    start: int | None = None
    end: int | None = None
    night: bool | None = None
    holiday: bool | None = None
    time_skipped: bool = False
    urgent: bool = False
    situations: tuple[str, ...] = ()
    area: str | None = None
    coords: tuple[float, float] | None = None
    consent_at: datetime | None = None
    phone: str | None = None
    chat_route: bool = False
    case_id: int | None = None
    danger_case: int | None = None
    """The urgent case a danger message opened; later danger words in this conversation repeat it, not add one."""
    period: str | None = None
    """'am' or 'pm' once a message said which half of the day ("저녁에"): bare hours said later are read in it."""
    month: int | None = None
    """A month said without a day ("12월에요"): a bare day of the month said later ("24일") is in it."""
    ask_half: str | None = None
    """The message whose bare hour waits for the parent's 오전/오후 button; read again with the answer."""
    ask_kid: str | None = None
    """The message whose one age could be any of the children's ('4살이요' with two known): read again once the
    parent's button says which child it is for."""
    vacation: bool = False
    """The parent asked about school-vacation days (방학): services' vacation hours apply."""
    overnight: bool = False
    """Care through the night with no end said (밤새, 하룻밤): places that close at midnight do not fit."""
    topics: tuple[str, ...] = ()
    """The topic last answered ('toys'): a place said next asks for that topic near it."""
    back_to: Step | None = None
    """The step a detour (the forget question) returns to."""
    offered: tuple[tuple[str, str], ...] = ()
    """(label, value) of the buttons last shown, so a label typed or sent back as text picks its button."""
    also: tuple[tuple[date, int | None, int | None], ...] = ()
    """More days of care said after the first ('내일도 같은 시간에'): (day, start, end), kept beside the window."""
    repeat: str | None = None
    """Care said to repeat, in the parent's short words ('매주 화요일'), for the coordinator."""
    set_aside: tuple[Kid, ...] = ()
    """Children taken out ('큰애만요'), kept so that '다 맡길게요' brings them back."""
    assumed_day: date | None = None
    """The day taken as today for hours said with no day ('7시부터 10시까지'): while ``day`` is still it, the
    recommendation says which day it was made for. A day said, before or after, wins over it."""

    # -- what is still missing, in the order the bot asks ---------------------------------
    @property
    def has_age(self) -> bool:
        return bool(self.kids) and all(k.age_months is not None or k.school_grade is not None for k in self.kids)

    @property
    def has_day(self) -> bool:
        return self.day is not None

    @property
    def has_time(self) -> bool:
        return self.start is not None or self.end is not None or self.time_skipped or self.night is not None

    @property
    def has_place(self) -> bool:
        return self.area is not None or self.coords is not None

    @property
    def care_days(self) -> tuple[date, ...]:
        """Every day of care asked for: the window's day and the days added to it, in the order said."""
        return (self.day, *(d for d, _, _ in self.also)) if self.day is not None else ()

    def ended(self, now: datetime) -> bool:
        """The care window is over at ``now``: its day is past, or it is today and its end has gone by. A window
        with no end said ('지금부터') goes on; one through the night (the end before the start) ends tomorrow."""
        if self.day is None:
            return False
        today, minute = now.date(), now.hour * 60 + now.minute
        if self.day == today - timedelta(days=1) and self.end is not None and self.end > 1440:
            return self.end - 1440 <= minute  # last night's window, to 02:00 this morning (end 26:00)
        if self.day != today:
            return self.day < today
        if self.end is None or (self.start is not None and self.end <= self.start):
            return False
        return self.end <= minute

    def needs(self, now: datetime) -> list[Need]:
        """One routing request per child (a single unknown child when none was named)."""
        situations = frozenset(self.situations)
        day, start, end, night, holiday, urgent = self.day, self.start, self.end, self.night, self.holiday, self.urgent
        # Positional (in Need's field order): this runs for every ranking, and keywords cost a fifth more.
        return [
            Need(child, day, start, end, night, holiday, urgent, (), situations, self.area, self.coords, now,
                 self.vacation, self.overnight)
            for child in ([k.as_child() for k in self.kids] or [_NO_CHILD])
        ]

    def merge(self, u: Understanding, label: str | None = None, more_kids: bool = False,
              which: str | int | None = None, school: int = 0, twins: bool = False) -> Intake:
        """Fold in what one message said; new facts replace old ones (that is how corrections work), except
        children said to come too (``more_kids``: '동생도 있어요 2살이요'), who join the ones already known,
        one child of several named by rank (``which``: 'oldest' for '큰애는 6살', 'youngest', 'one' for '하나는', or
        its place among the children when the parent tapped it), who alone changes,
        and ages that answer for children known without one ('초4요' after '첫째는 초등학생'), which fill those in.
        ``school`` children of the message whose age is not said are at school; ``twins``: they are twins."""
        n = u.need
        changes: dict[str, object] = {}
        if u.children:
            said = label if label and len(u.children) == 1 else None
            kids = marked(tuple(Kid(c.age_months, c.school_grade, said) for c in u.children), school, twins)
            if more_kids:
                kids = self.kids + kids
            elif (which is not None and len(kids) == 1 and len(self.kids) > 1 and kids[0].known
                  and not (which == "one" and any(not k.known for k in self.kids))):
                order = sorted(range(len(self.kids)), key=lambda i: age_rank(self.kids[i]))
                # '하나는 5살이에요' among twins: the last one changes, the others keep their age
                at = (which if isinstance(which, int) and which < len(self.kids) else order[-1] if which == "oldest"
                      else order[0] if which == "youngest" else len(self.kids) - 1)
                kids = self.kids[:at] + kids + self.kids[at + 1:]
            elif (filled_in := filled(self.kids, kids, u.negated)) is not None:
                kids = filled_in
            changes["kids"] = kids
        # hours with no day after a day said ('토요일이요', then '7시부터 10시까지'): the day said stays
        held = u.day_assumed and self.day is not None and self.assumed_day != self.day
        if n.day is not None and not held:
            # Same-day care is what makes a need urgent (routing.when): '아 아니 내일이요' after '오늘' is not.
            changes.update(day=n.day, holiday=n.holiday, urgent=n.urgent, assumed_day=n.day if u.day_assumed else None)
        elif n.holiday is not None and not held:
            changes["holiday"] = n.holiday
        # Times the message does not restate are kept: "아니 내일이요" corrects only the day.
        if n.start is not None or n.end is not None:
            start, end = n.start, n.end
            # "아니 6시 반까지요" after "10시부터 3시까지" moves the end and keeps the start (and the other way).
            if start is None and self.start is not None and self.start < end:
                start = self.start
            if end is None and self.end is not None and start < self.end:
                end = self.end
            changes.update(start=start, end=end, night=n.night or (self.night if (start, end) != (n.start, n.end)
                                                                   else n.night), time_skipped=False,
                           overnight=n.overnight)
        elif n.night is not None:
            changes.update(night=n.night, time_skipped=False)
        if n.overnight:
            changes["overnight"] = True
        if n.vacation:
            changes["vacation"] = True
        if n.urgent:
            changes["urgent"] = True
        if n.situations:
            changes["situations"] = tuple(dict.fromkeys((*self.situations, *sorted(n.situations))))
        if n.area is not None:
            changes.update(area=n.area, coords=None)
        if n.coords is not None:
            changes["coords"] = n.coords
        return self.evolve(**changes) if changes else self

    def evolve(self, **changes: object) -> Intake:
        """A copy with ``changes``, like ``dataclasses.replace`` but without its walk over the field definitions:
        every turn makes two or three. The body is generated below (``_compile_evolve``)."""
        raise NotImplementedError  # replaced right after the class

    # -- JSON ------------------------------------------------------------------------------
    def to_json(self) -> str:
        # orjson writes dataclasses, dates and enums itself, about 3x faster than building a dict for json.dumps;
        # this runs on every turn.
        return orjson.dumps(self).decode()

    @classmethod
    def from_json(cls, text: str) -> Intake:
        data = orjson.loads(text)
        data["step"] = Step(data["step"])
        data["back_to"] = Step(data["back_to"]) if data.get("back_to") else None
        data["kids"] = tuple(Kid(**k) for k in data.get("kids", ()))
        data["set_aside"] = tuple(Kid(**k) for k in data.get("set_aside", ()))
        data["day"] = date.fromisoformat(data["day"]) if data.get("day") else None
        data["assumed_day"] = date.fromisoformat(data["assumed_day"]) if data.get("assumed_day") else None
        data["consent_at"] = datetime.fromisoformat(data["consent_at"]) if data.get("consent_at") else None
        data["coords"] = tuple(data["coords"]) if data.get("coords") else None
        data["situations"] = tuple(data.get("situations", ()))
        data["offered"] = tuple(tuple(pair) for pair in data.get("offered", ()))
        data["topics"] = tuple(data.get("topics", ()))
        data["also"] = tuple((date.fromisoformat(d), s, e) for d, s, e in data.get("also", ()))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


_FIELDS = tuple(Intake.__dataclass_fields__)


def _compile_evolve() -> Callable[..., Intake]:
    """``Intake.evolve`` as straight-line code, one line per field, the way ``dataclasses`` writes ``__init__``:
    a loop over the field names with ``getattr`` and ``object.__setattr__`` cost about 3 µs a call, this about
    1 µs. Each field is set through its slot descriptor, which a frozen dataclass's ``__setattr__`` cannot veto.
    Generated from the fields, so a new field cannot be forgotten."""
    lines = [f"def evolve(self, *, {', '.join(f'{name}=_KEEP' for name in _FIELDS)}, **unknown):",
             "    if unknown:",
             "        raise TypeError(f'Intake has no field(s) {sorted(unknown)}')",
             "    new = _new(Intake)"]
    lines += [f"    _set_{name}(new, self.{name} if {name} is _KEEP else {name})" for name in _FIELDS]
    lines.append("    return new")
    scope: dict[str, object] = {"_KEEP": object(), "_new": object.__new__, "Intake": Intake}
    scope.update({f"_set_{name}": getattr(Intake, name).__set__ for name in _FIELDS})
    exec("\n".join(lines), scope)  # our own source, built from the field names above
    evolve = scope["evolve"]
    evolve.__doc__ = Intake.evolve.__doc__
    return evolve  # type: ignore[return-value]


Intake.evolve = _compile_evolve()  # type: ignore[method-assign]

"""Who handles which cases, when coordinators work, and the follow-up timings: coordinators.yaml, validated."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from pathlib import Path

import holidays
import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from knowledge.reloading import Reloading
from knowledge.schema import DAY_KEYS, Frozen, Hours

log = logging.getLogger(__name__)
DEFAULT_PATH = Path(__file__).resolve().parent / "coordinators.yaml"


class CoordinatorsError(ValueError):
    """coordinators.yaml cannot be used; the message names the file, the entry and the field."""


class Coordinator(Frozen):
    name: str = Field(min_length=1)
    title: str = ""
    services: tuple[str, ...] = ()
    control: bool = False
    """Control tower (가족행복과 가족여성팀): sees and may act on every case, gets escalations."""
    telegram_user_id: int | None = None
    phone: str | None = None

    def handles(self, service_id: str | None) -> bool:
        return self.control or (service_id is not None and service_id in self.services)


class Timings(Frozen):
    """Minutes until the first (and each further) reminder of an unclaimed case, by urgency."""

    urgent: int = Field(10, ge=1)
    today: int = Field(30, ge=1)
    normal: int = Field(120, ge=1)
    escalate_after: int = Field(2, ge=1)
    """From this reminder on, the control tower is told too."""
    max_reminders: int = Field(6, ge=1)
    not_contacted: int = Field(120, ge=1)
    """Minutes after a claim without 'contacted' before the claimer is reminded."""
    parent_followup_days: int = Field(1, ge=0)
    parent_followup_hour: int = Field(10, ge=0, le=23)


class Coordinators(Frozen):
    coordinators: tuple[Coordinator, ...]
    hours: Hours = Hours.model_validate({"weekdays": "09:00-18:00"})
    always_open: tuple[str, ...] = ("emergency-119",)
    """Services answered at any hour (their cases count as urgent whenever they come)."""
    timings: Timings = Timings()

    @field_validator("coordinators")
    @classmethod
    def _names_unique(cls, value: tuple[Coordinator, ...]) -> tuple[Coordinator, ...]:
        names = [c.name for c in value]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"coordinator names repeat: {', '.join(dup)}")
        return value

    @model_validator(mode="after")
    def _has_control(self) -> Coordinators:
        if not any(c.control for c in self.coordinators):
            raise ValueError("no coordinator has control: true (the control tower must receive escalations)")
        return self

    def named(self, name: str) -> Coordinator | None:
        return next((c for c in self.coordinators if c.name == name), None)

    def by_telegram(self, user_id: int) -> Coordinator | None:
        return next((c for c in self.coordinators if c.telegram_user_id == user_id), None)

    def control(self) -> tuple[Coordinator, ...]:
        return tuple(c for c in self.coordinators if c.control)

    def for_service(self, service_id: str | None) -> tuple[Coordinator, ...]:
        """The service's own coordinators (without the control tower)."""
        return tuple(c for c in self.coordinators if not c.control and service_id in c.services)

    def is_open(self, at: datetime) -> bool:
        span = self.hours.on(_day_key(at.date()))
        minute = at.hour * 60 + at.minute
        return span is not None and span.open <= minute < span.close

    def next_open(self, at: datetime) -> datetime:
        """``at`` itself during working hours, else the start of the next working span (in ``at``'s zone)."""
        if self.is_open(at):
            return at
        for days in range(0, 15):
            day = at.date() + timedelta(days=days)
            span = self.hours.on(_day_key(day))
            if span is None:
                continue
            start = datetime.combine(day, time(span.open // 60, span.open % 60), at.tzinfo)
            if start > at:
                return start
        raise CoordinatorsError("coordinators.yaml hours: no working hours in the next two weeks")


@cache
def _kr_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KR", years=year)


@lru_cache(maxsize=1024)
def _day_key(day: date) -> str:
    return "holiday" if day in _kr_holidays(day.year) else DAY_KEYS[day.weekday()]


def load(path: Path = DEFAULT_PATH) -> Coordinators:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CoordinatorsError(f"{path}: cannot read: {exc.strerror}") from None
    return parse(raw, path)


def parse(raw: bytes | None, path: Path = DEFAULT_PATH) -> Coordinators:
    """Validate the content of coordinators.yaml; ``path`` only names it in errors."""
    if raw is None:
        raise CoordinatorsError(f"{path}: cannot read: the file is missing")
    try:
        data = yaml.safe_load(raw.decode("utf-8")) or {}
    except UnicodeDecodeError:
        raise CoordinatorsError(f"{path}: not saved as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise CoordinatorsError(f"{path}{where}: not valid YAML: {exc}") from None
    try:
        return Coordinators.model_validate(data)
    except ValidationError as exc:
        raise CoordinatorsError(f"{path}: {_describe(exc, data)}") from None


def _describe(exc: ValidationError, data: object) -> str:
    """'coordinators[3] (name 박담당) field telegram_user_id: ...' for each error."""
    parts = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = ".".join(str(p) for p in loc) or "(top)"
        if len(loc) >= 2 and loc[0] == "coordinators" and isinstance(loc[1], int) and isinstance(data, dict):
            entry = (data.get("coordinators") or [None] * (loc[1] + 1))[loc[1]]
            name = entry.get("name") if isinstance(entry, dict) else None
            field = f" field {'.'.join(map(str, loc[2:]))}" if loc[2:] else ""
            where = f"coordinators[{loc[1]}] (name {name}){field}"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


class CoordinatorsSource(Reloading[Coordinators]):
    """The last good coordinators.yaml, reloaded when staff save it; a broken save is refused and logged."""

    what = "코디네이터 설정 (coordinators.yaml)"
    refused = (CoordinatorsError,)

    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        self.path = path
        super().__init__()

    def _read(self) -> dict[str, bytes | None]:
        try:
            return {self.path.name: self.path.read_bytes()}
        except OSError:
            return {self.path.name: None}

    def _parse(self, raw: dict[str, bytes | None]) -> Coordinators:
        return parse(raw[self.path.name], self.path)

"""routing.need: the fast maker of the values read for every message makes the same frozen values as their __init__."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from routing.need import Child, Need, Understanding, maker


def test_the_maker_makes_what_the_init_makes_field_by_field() -> None:
    child = Child(48, None, False)
    values = (child, date(2026, 12, 7), 600, 1200, False, None, True, ("toys",), frozenset({"sick"}), "율곡동", None,
              datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Seoul")), False, False, True, False)
    made = maker(Need)(*values)
    assert made == Need(*values) and hash(made) == hash(Need(*values))
    assert [getattr(made, f.name) for f in dataclasses.fields(Need)] == list(values)
    understood = maker(Understanding)(made, (child,), False, True, False, "pm", None, False, (), True, None)
    assert understood == Understanding(made, (child,), False, True, False, "pm", None, False, (), True, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        maker(Need)(child)  # every field is said

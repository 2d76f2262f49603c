"""Care hours from the thirteenth round of dev sets: a drop-off said with 데려다 (not a correction), the gap between a
child's day ending and the parent arriving, the current clock said in passing, the parent's work told before the
care's own hours, a bare evening range for a small child, a place asked for by its opening hours, and a service's
hours told as hearsay."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

MORNING = datetime(2027, 3, 9, 10, 30, tzinfo=KST)  # a Tuesday
AFTERNOON = datetime(2027, 3, 9, 14, 0, tzinfo=KST)


def _hours(text: str, now: datetime = MORNING) -> tuple[str | None, str | None]:
    got = described(text, now)
    return got["start"], got["end"]


@pytest.mark.parametrize("text, hours", [
    ("2시에 데려다 줄게요 7시까지 5살 부탁해요", ("14:00", "19:00")),
    ("4시에 데려다 줄 테니 8시까지만 봐주세요 6살", ("16:00", "20:00")),
    ("낮잠 재우고 1시에 데려다 드릴게요 6시까지 4살", ("13:00", "18:00")),
])
def test_a_drop_off_with_deryeoda_is_the_start_not_a_correction(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("3시 하려다가 4시부터 8시까지로 할게요 5살", ("16:00", "20:00")),
    ("5시 아니 6시부터 9시까지 4살 봐주세요", ("18:00", "21:00")),
])
def test_a_real_correction_still_replaces_the_hour(text: str, hours: tuple) -> None:
    assert _hours(text) == hours

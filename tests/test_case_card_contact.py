"""The coordinator's case card shows the parent's number as the parent confirmed it (010-3333-4444), not raw digits."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coordination.texts import case_card
from db.models import CaseRow, Status

SEOUL = ZoneInfo("Asia/Seoul")
AT = datetime(2026, 12, 8, 10, 0, tzinfo=SEOUL)


def _case(contact: dict[str, str]) -> CaseRow:
    return CaseRow(
        id=7, user_key="kakao:x", channel="kakao", service_id="daycare-365", site_id=None, urgent=False, danger=False,
        area="율곡동", children=({"label": "5살 아이", "service_id": "daycare-365"},), summary=None, summary_text=None,
        contact=contact, consent_at=AT, care_date=AT.date(), created_at=AT, status=Status("new"), claimed_by=None,
        claimed_at=None, contacted_at=None, resolved_at=None, closed_at=None, outcome=None, outcome_note=None,
        reopened=0, escalated=False, updated_at=AT, purged_at=None,
    )


def test_the_card_writes_a_mobile_number_with_hyphens() -> None:
    card = case_card(_case({"route": "phone", "phone": "01033334444"}), SEOUL, "365어린이집")
    assert "연락: 전화 010-3333-4444" in card
    assert "01033334444" not in card


def test_a_seoul_number_and_a_chat_route_stay_readable() -> None:
    assert "연락: 전화 02-123-4567" in case_card(_case({"route": "phone", "phone": "021234567"}), SEOUL, "365어린이집")
    assert "연락: 채팅으로 답장" in case_card(_case({"route": "chat"}), SEOUL, "365어린이집")

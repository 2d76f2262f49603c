"""Every Korean word of the care map page (돌봄 지도), in one place, so wording changes never touch page code."""

from __future__ import annotations

# Opening hours and ages in words are the dialog's; the map shows the same words (re-exported).
from bot.dialog.wording import (  # noqa: F401 (re-exported for the page)
    AGE_MONTHS,
    AGE_YEARS,
    AGES_ANYONE,
    AGES_BEFORE_SCHOOL,
    AGES_FROM,
    AGES_SCHOOL_ONLY,
    AGES_UNTIL,
    ALWAYS,
    CLOSED,
    CLOSED_NOW,
    DAY_NAMES,
    EVERY_DAY,
    ON_WEEKDAYS,
    OPEN_NOW,
    TODAY,
    WEEKEND,
)

TITLE = "김천시 돌봄 지도"
INTRO = "김천시의 돌봄 서비스를 한눈에 보고, 지금 여는 곳과 연락처를 찾아보세요."
AS_OF = "{when} 기준"
SKIP_TO_LIST = "목록으로 건너뛰기"
MAP_LABEL = "돌봄 기관 지도 (목록은 아래에 있습니다)"
NOSCRIPT = "지도를 보려면 자바스크립트를 켜 주세요. 아래 목록과 연락처는 그대로 볼 수 있어요."

FILTERS = "지도 필터"
FILTER_SERVICES = "서비스"
FILTER_OPEN_NOW = "지금 운영 중인 곳만"
SHOWN = "{total}곳 중 {shown}곳 표시"

LEGEND = "범례"
LEGEND_HOME = "{name}: 가정 방문 (지도에 표시 없음)"

LIST = "돌봄 기관 목록"
HOME_VISIT = "가정 방문"
HOME_VISIT_ADDRESS = "아이돌보미가 집으로 찾아갑니다"
SHOW_ON_MAP = "지도에서 보기"
FOCUS = "추천된 곳: {what}"

FIELD_SERVICE = "서비스"
FIELD_AGES = "대상"
FIELD_HOURS = "운영 시간"
FIELD_TODAY = "오늘"
FIELD_PHONE = "전화"
FIELD_ADDRESS = "주소"
FIELD_FEE = "이용료"
FIELD_NOTE = "참고"
BOOKING_LEAD = "이용 {hours}시간 전까지 예약"
BOOKING_MIN = "최소 {hours}시간"

CONTACTS = "통합 접수 창구 · 문의처"
CONTACTS_INTRO = "어느 서비스가 맞는지 모르시면 아래 담당자에게 전화하시거나 돌봄이음 챗봇에 물어보세요."
CONTACTS_CAPTION = "서비스별 담당자"
COL_SERVICE = "서비스"
COL_PERSON = "담당"
COL_PHONE = "전화"
NO_PHONE = "시청 대표 번호로 문의"

TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> 기여자'

CLI_OUTPUT = "저장할 파일 ('-' 이면 화면에 출력)"
CLI_SERVICE = "이 서비스(id)에 맞춘 지도"
CLI_AREA = "이 읍면동에 맞춘 지도 (--service 와 함께)"
CLI_NOW = "이 시각 기준으로 \"지금 운영 중\" 표시 (기본: 지금)"
CLI_SAVED = "돌봄 지도를 저장했습니다: {path} (인터넷 없이도 열립니다)"
CLI_FAILED = "돌봄 지도를 만들지 못했습니다: {error}"

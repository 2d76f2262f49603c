"""Korean texts of the web console and its commands (coordinators read 합니다체)."""

from __future__ import annotations

TITLE = "돌봄이음 코디네이터 콘솔"
BRAND = "돌봄이음"
MENU = "메뉴"
# -- accounts and login ---------------------------------------------------------------------------------
NOT_IN_YAML = "{name}: coordinators.yaml에 없는 사람입니다. 먼저 그 파일에 코디네이터로 등록하세요."
PASSWORD_SHORT = "비밀번호는 {n}자 이상이어야 합니다."
NO_ACCOUNT = "{name}: 콘솔 계정이 없습니다."
ACCOUNT_SET = "{name}: 콘솔 계정을 만들었습니다(또는 비밀번호를 바꿨습니다)."
ACCOUNT_DISABLED = "{name}: 계정을 사용 중지했습니다."
PASSWORD_PROMPT = "비밀번호를 표준 입력으로 주세요 (--password-stdin)."
NO_ACCOUNTS = "콘솔 계정이 없습니다."
ACCOUNT_LINE = "{name}\t{role}\t{state}"
STATE_ACTIVE = "사용 중"
STATE_DISABLED = "사용 중지"
STATE_LOCKED = "잠김 ({until}까지)"
ROLE_CONTROL = "관제탑"
LOGIN_TITLE = "로그인"
USERNAME = "이름"
PASSWORD = "비밀번호"
LOGIN_BUTTON = "로그인"
LOGOUT = "로그아웃"
LOGIN_WRONG = "이름 또는 비밀번호가 맞지 않습니다."
LOGIN_DISABLED = "사용 중지된 계정입니다. 관제탑(가족여성팀)에 문의하세요."
LOGIN_LOCKED = "비밀번호가 5번 연속 틀려 계정이 잠겼습니다. {minutes}분 뒤에 다시 시도하세요."
LOGGED_OUT_IDLE = "30분 동안 사용하지 않아 로그아웃되었습니다. 다시 로그인하세요."
FORBIDDEN = "권한이 없습니다."
CSRF_REFUSED = "요청을 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도하세요."
NOT_FOUND = "찾을 수 없습니다."
# -- queue ----------------------------------------------------------------------------------------------
VIEWS = {
    "unclaimed": "미배정",
    "mine": "내 사례",
    "urgent": "긴급·위험",
    "overdue": "알림 기한 지남",
    "followup": "후속 확인 대기",
    "closed": "종결",
    "all": "전체 열린 사례",
}
QUEUE = "접수 목록"
DASHBOARD = "관제 현황"
AUDIT = "접속기록 점검"
FILTER_SERVICE = "서비스"
FILTER_AREA = "읍·면·동"
FILTER_STATUS = "상태"
FILTER_DATE = "돌봄 날짜"
SEARCH = "접수 번호"
APPLY = "찾기"
ANY = "전체"
NO_ROWS = "해당하는 접수가 없습니다."
MORE_ROWS = "처음 {n}건만 보여 줍니다. 조건을 좁혀 보세요."
DANGER = "위험"
URGENT = "긴급"
COLUMNS = ("번호", "표시", "서비스·기관", "아이", "돌봄 날짜·시간", "지역", "경과", "담당")
UNDECIDED = "미정 (관제탑 판단)"
NOBODY = "—"
TAB_TITLE = "({n}) 미배정 · 돌봄이음"
NOTIFY = "돌봄이음: 긴급·위험 접수 #{ids}"
SHORTCUTS = "단축키: j/k 다음·이전 사례, Enter 열기, c 담당하기, r 답장"
# -- case page ------------------------------------------------------------------------------------------
CASE = "접수 #{id}"
SUMMARY = "접수 요약"
RECOMMENDATION = "추천과 이유"
ALTERNATIVES = "다른 선택지"
WHY_NOT = "맞지 않는 이유"
CONVERSATION = "부모님과의 대화"
TIMELINE = "기록"
CONTACT = "연락"
ROUTE = {"phone": "전화", "chat": "채팅"}
OWNER = "담당 {name}"
ACTIONS = "처리"
PURGED = "보관 기간이 지나 개인정보를 지웠습니다."
CLAIM = "담당하기"
ASSIGN = "배정"
ASSIGN_TO = "배정할 코디네이터"
CONTACTED = "연락 완료"
RESOLVE = "처리 완료"
OUTCOME_LABEL = "결과"
CLOSE = "종결"
REOPEN = "다시 열기"
NOTE = "메모 (내부용, 부모님께 보이지 않음)"
SAVE_NOTE = "메모 남기기"
REMIND = "다시 알림"
REMIND_AT = "알림 날짜·시간"
REMIND_SET = "{when}에 다시 알립니다."
REPLY = "부모님께 답장"
REPLIES = "부모님께 보낸 답장"
REPLY_HOW = {
    "telegram": "텔레그램으로 바로 보냅니다.",
    "kakao": "카카오톡: 부모님이 다음에 메시지를 보낼 때 함께 보입니다.",
    "kakao_push": "카카오톡 알림(이벤트 API)으로 보냅니다.",
    "console": "부모님이 다음에 메시지를 보낼 때 함께 보입니다.",
}
REPLY_TEXT = "답장 내용"
SEND = "보내기"
DONE = "처리했습니다."
CLAIM_FIRST = "먼저 담당하기를 누르세요."
NOT_HANDLER = "{name}님은 이 서비스 담당이 아닙니다."
EVENT = {
    "created": "접수", "claimed": "담당", "contacted": "연락 완료", "resolved": "처리 완료", "closed": "종결",
    "reopened": "다시 열림", "released": "담당 해제", "note": "메모", "reminded": "알림", "escalated": "관제탑 보고",
    "followup_sent": "후속 확인 보냄", "followup_answered": "후속 확인 답", "purged": "개인정보 삭제",
    "assigned": "배정", "remind_set": "다시 알림 예약", "reply": "답장",
}
DIRECTION = {"in": "부모님", "out": "돌봄이음"}
DELIVERY = {"waiting": "전달 대기", "pushed": "보냄", "shown": "부모님께 전달됨",
            "failed": "바로 보내기 실패 (다음 메시지 때 전달)"}
# -- knowledge ------------------------------------------------------------------------------------------
KNOWLEDGE = "서비스 정보"
KNOWLEDGE_CHECK = "지식 파일 검사"
KNOWLEDGE_OK = "services.yaml 과 places.yaml 에 문제가 없습니다."
KNOWLEDGE_UPLOAD = "새 파일 올리기"
KNOWLEDGE_FILE = "바꿀 파일"
KNOWLEDGE_CHOOSE = "올릴 파일 (YAML)"
KNOWLEDGE_CHECK_BUTTON = "검사하기"
KNOWLEDGE_REFUSED = "이 파일은 쓸 수 없습니다. 아래 문제를 고친 뒤 다시 올리세요. 지금 정보는 그대로입니다."
KNOWLEDGE_DIFF = "바뀌는 내용"
KNOWLEDGE_SAME = "지금 파일과 같습니다."
KNOWLEDGE_APPLY = "{name} 적용하기"
KNOWLEDGE_APPLIED = ("{name} 을(를) 버전 {id} 로 적용했습니다. 이전 파일은 {kept} 에 보관했습니다. "
                     "다른 서버(워커)에도 몇 초 안에 적용됩니다.")
KNOWLEDGE_VERSIONS = "적용된 버전"
KNOWLEDGE_VERSION_COLUMNS = ("파일", "버전", "적용한 사람", "적용 시각")
KNOWLEDGE_NO_VERSION = "콘솔에서 적용한 버전 없음 (서버 폴더의 파일을 씁니다)"
KNOWLEDGE_VERSION_REFUSED = ("버전 {id} ({who}, {name}) 은(는) 이 서버의 검사를 통과하지 못해 쓰지 않습니다. "
                             "이전 버전을 계속 씁니다.")
KNOWLEDGE_NO_DRAFT = "적용할 파일이 없습니다. 다시 올려 주세요."
KNOWLEDGE_PICK = "바꿀 파일과 올릴 파일을 고르세요."
KNOWLEDGE_TOO_BIG = "파일이 너무 큽니다."
KNOWLEDGE_IN_FORCE = "지금 쓰는 정보"
KNOWLEDGE_COLUMNS = ("서비스", "나이", "운영 시간", "연락처", "기관")
# -- dashboard and audit --------------------------------------------------------------------------------
OPEN_BY_STATUS = "열린 사례 (상태·서비스별)"
OVERDUE = "기한 지남·관제탑 보고"
ESCALATED = "관제탑 보고"
OPEN_COLUMNS = ("서비스", "상태", "건수")
TODAY_COLUMNS = ("서비스", "지역", "건수")
TODAY_DEMAND = "오늘 접수 (서비스·지역별)"
UNMET = "맞는 서비스가 없던 요청"
UNMET_COLUMNS = ("연령대", "시간대", "요일", "지역", "건수")
REPORT_DOWNLOAD = "기간 보고서 내려받기 (CSV)"
REPORT_FROM = "시작일"
REPORT_TO = "종료일"
REPORT_REASON = "내려받는 이유"
REPORT_REASONS = {"meeting": "정례회의 자료", "evaluation": "평가·수요조사", "inspection": "감사·점검",
                  "other": "기타 업무"}
REPORT_REASON_NEEDED = "내려받는 이유를 고르세요."
AUDIT_MONTH = "점검할 달"
AUDIT_COLUMNS = ("시각", "사용자", "주소", "행위", "접수")
AUDIT_SUMMARY = "사용자별 건수"
AUDIT_COUNT_COLUMNS = ("사용자", "행위", "건수")
AUDIT_ENTRIES = "기록"
AGE_BANDS = (("0-2세", 0, 36), ("3-5세", 36, 72), ("초등", 72, 156), ("그 밖", 156, 10_000))
TIME_BANDS = (("오전", 0, 12 * 60), ("오후", 12 * 60, 18 * 60), ("저녁", 18 * 60, 22 * 60), ("야간", 22 * 60, 48 * 60))
DAY_TYPES = {"weekday": "평일", "weekend": "주말"}
UNKNOWN = "모름"
NONE = "없음"


def age(months: int | None) -> str:
    if months is None:
        return "?"
    return f"{months}개월" if months < 36 else f"{months // 12}세"


def clock(minutes: int | None) -> str:
    if minutes is None:
        return ""
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def elapsed(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes}분"
    if minutes < 48 * 60:
        return f"{minutes // 60}시간"
    return f"{minutes // (24 * 60)}일"

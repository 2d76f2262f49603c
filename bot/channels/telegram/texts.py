"""Korean words only the Telegram channel says: share buttons, commands, the apology, the coordinator group."""

from __future__ import annotations

# Commands a parent can type in a private chat, mapped to the words the dialog understands.
COMMANDS: dict[str, str] = {
    # Empty, like opening the terminal chat: a new parent gets the welcome (what 돌봄이음 does) before any
    # question; a parent mid-intake gets the question they were at again (/reset starts over).
    "start": "",
    "reset": "처음부터",
    "help": "도움말",
    "status": "접수 확인",
    "forget": "내 정보 삭제",
}
# Shown in Telegram's command menu (setMyCommands), same order as above.
COMMAND_MENU: tuple[tuple[str, str], ...] = (
    ("start", "처음부터 시작"),
    ("help", "사용법"),
    ("status", "내 접수 확인"),
    ("reset", "처음부터 다시"),
    ("forget", "내 정보 삭제"),
)
GROUP_COMMAND_MENU: tuple[tuple[str, str], ...] = (
    ("queue", "열린 접수 목록"),
    ("case", "접수 한 건 보기: /case 번호"),
    ("report", "최근 30일 보고 요약"),
)
SHARE_LOCATION = "📍 위치 보내기"
SHARE_CONTACT = "📞 연락처 공유"
BUTTONS_ONLY = "아래에서 골라 주세요."
CHOSEN = "\n\n👉 {label}"
PHONE_LINE = "☎ {label}: {phone}"
APOLOGY = (
    "죄송해요, 잠시 문제가 생겼어요. 조금 뒤에 다시 말씀해 주세요.\n"
    "아이가 위험한 상황이라면 바로 112(경찰·아동학대 신고), 119(응급)에 전화하세요."
)

# --- the coordinator group ---
ACTION_BUTTONS = {
    "claim": "🙋 담당하기",
    "contacted": "📞 연락 완료",
    "resolve": "✅ 처리 완료",
    "close": "🗂 종결",
    "reopen": "↩️ 다시 열기",
}
BACK = "◀ 취소"
PICK_OUTCOME = "접수 #{id}: 결과를 골라 주세요."
NOTIFY_WHO = "알림: {names}"
STRANGER = (
    "죄송해요, 등록된 코디네이터만 접수를 보고 처리할 수 있어요.\n"
    "담당자라면 관리자에게 텔레그램 사용자 번호 {user_id:을} coordinators.yaml에 등록해 달라고 해 주세요."
)
DONE = "접수 #{id}: {status}"
QUEUE_EMPTY = "지금 열린 접수가 없어요."
QUEUE_HEAD = "열린 접수 {n}건 (위험·긴급, 오래된 순)"
QUEUE_LINE = "#{id} {flags}{service} · {status}{owner} · {when}"
CASE_USAGE = "접수 번호를 함께 적어 주세요. 예) /case 12"
HISTORY_HEAD = "처리 기록"
EVENT_KINDS = {
    "created": "접수",
    "claimed": "담당",
    "contacted": "연락 완료",
    "resolved": "처리 완료",
    "closed": "종결",
    "reopened": "다시 열림",
    "released": "담당 해제",
    "note": "메모",
    "reminded": "알림",
    "escalated": "관제탑 보고",
    "followup_sent": "부모님께 결과 질문",
    "followup_answered": "부모님 답변",
    "purged": "개인정보 삭제",
}
COORD_APOLOGY = "죄송해요, 처리 중 문제가 생겼어요. 잠시 뒤 다시 해 주세요."

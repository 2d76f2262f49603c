"""Korean words only the Telegram channel says: share buttons, commands, the apology, the coordinator group."""

from __future__ import annotations

# Commands a parent can type in a private chat, mapped to the words the dialog understands.
COMMANDS: dict[str, str] = {
    "start": "처음부터",
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
SHARE_LOCATION = "📍 위치 보내기"
SHARE_CONTACT = "📞 연락처 공유"
CHOSEN = "\n\n👉 {label}"
PHONE_LINE = "☎ {label}: {phone}"
APOLOGY = (
    "죄송해요, 잠시 문제가 생겼어요. 조금 뒤에 다시 말씀해 주세요.\n"
    "아이가 위험한 상황이라면 바로 112(경찰·아동학대 신고), 119(응급)에 전화하세요."
)

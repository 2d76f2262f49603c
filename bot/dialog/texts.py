"""Every Korean sentence the dialog says, in one place, so wording changes never touch flow code."""

from __future__ import annotations

import re

from bot.dialog.core import Choice

WELCOME = (
    "안녕하세요, 김천시 돌봄 통합 접수 창구 '돌봄이음'이에요.\n"
    "아이 나이, 돌봄이 필요한 때, 사는 동네를 알려 주시면 맞는 돌봄 서비스와 가까운 기관을 찾아 드려요.\n"
    "한 번에 적어 주셔도 돼요. 예) 4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요"
)
HELP = (
    "돌봄이음 사용법\n"
    "· 아이 나이, 필요한 날짜와 시간, 사는 동네(읍·면·동)를 알려 주세요. 한 번에 적어도 돼요.\n"
    "· 장난감 대여, 수당·예방접종 문의, 육아 상담도 바로 안내해 드려요.\n"
    "· '처음부터': 새로 시작 · '취소': 지금 접수 취소 · '접수 확인': 내 접수 상태\n"
    "· '내 정보 삭제': 저장된 내 개인정보 삭제\n"
    "· 아이가 위험하면 바로 112(경찰·아동학대 신고), 119(응급)에 전화하세요."
)
RESTARTED = "처음부터 다시 시작할게요."
CANCELLED = "진행 중이던 접수를 취소했어요. 필요하시면 언제든 다시 말씀해 주세요."
CANCEL_FILED = (
    "접수 #{case_id:은} 이미 담당자에게 전달됐어요. 취소하시려면 연락드리는 담당자에게 말씀해 주세요.\n"
    "접수와 개인정보를 지금 모두 지우시려면 '내 정보 삭제'라고 보내 주세요."
)

DANGER = (
    "아이가 지금 위험하면 바로 전화하세요.\n"
    "· 112: 경찰, 아동학대 신고\n"
    "· 119: 다쳤거나 숨쉬기 힘들거나 의식이 없을 때, 구급차\n"
    "지금은 전화 안내에 따라 주세요. 다치거나 떨어진 아이가 곁에 있으면 옮기지 말고 지켜 주세요.\n"
    "가족여성팀(관제탑)에 긴급 건으로 알렸어요 (접수번호 {case_id}번)."
)
# Not '안전한 곳으로 데려가': a child fallen and not moving, or with a head injury, must not be moved before help.
DANGER_THEN = "아이를 맡길 곳도 필요하시면 이어서 알려 주세요. 담당자에게 함께 전할게요."
DANGER_THEN_CARE = "맡길 곳도 같이 찾아 볼게요. 위험 신고와 함께 담당자에게 전할게요."
"""After 112/119 when the same message asked for care ('동생 봐줄 곳 있나요'): its question follows."""
DANGER_CARE_CHOICES = (Choice("맡길 곳 찾기", "아이 맡길 곳을 찾아 주세요"),)
"""After a report of danger alone: the intake begins when the parent asks for it, not with a question at once."""
DANGER_LATER = "관제탑은 {when}부터 확인해요. 그 전에는 112·119가 도와드려요."
DANGER_CLOSING = ("관제탑 근무 시간이 얼마 남지 않아, 오늘 확인하지 못하면 {when}부터 확인해요. "
                  "그 전에는 112·119가 도와드려요.")
DANGER_LINKED = "[위험 신고 #{case_id:과} 연결된 접수]"
DANGER_LINK_NOTE = "부모님이 이어서 돌봄 접수 #{case_id:을} 했습니다.\n{summary}"

ASK_AGE = "아이가 몇 살인가요? (예: 4살, 18개월, 초2)"
AGE_CHOICES = (
    Choice("6개월 미만", "6개월 미만"),
    Choice("6개월~2살", "18개월"),
    Choice("3~5살", "4살"),
    Choice("6살 (취학 전)", "6살"),
    Choice("초등 1~3학년", "초2"),
    Choice("초등 4~6학년", "초5"),
)
ASK_GRADE = "초등학생 아이는 몇 학년인가요?"
ASK_GRADES = "초등학생 아이들은 각각 몇 학년인가요? (예: 초4, 초2)"
GRADE_CHOICES = tuple(Choice(f"초{n}", f"초{n}") for n in range(1, 7))
ASK_OTHER_AGE = "다른 아이는 몇 살인가요? (예: 4살, 18개월, 초2)"
ASK_TWINS_AGE = "쌍둥이는 몇 살인가요? (예: 4살, 18개월, 초2)"
ASK_AGES = "{rest}{count} 아이의 나이를 알려 주세요. (예: 7살, 4살, 18개월)"
REST = "나머지 "
ASK_WHICH_KID = "{age:은} 어느 아이의 나이인가요? 지금 적힌 아이: {kids}"
"""One age said while several children are known and none is asked: which child it is for, never all of them."""
KID_BUTTON = "{label} 아이"
KID_BUTTON_NTH = "{nth}({label})"
KID_ONLY = "아이는 {age} 한 명"
KID_PICK = "kid:"
"""Button values of that question: 'kid:0' for the first child, 'kid:only' when there is one child after all."""
KID_PICK_ONLY = "only"
UNDER_6_MONTHS = "개월미만"
"""The compact form of the '6개월 미만' button (or the same words typed): the months are asked, never guessed."""
ASK_MONTHS = "아기가 몇 개월인가요? (예: 2개월, 5개월)"
MONTH_CHOICES = tuple(Choice(f"{n}개월", f"{n}개월") for n in range(1, 6))
ASSUMED_DAY = "오늘({month}월 {day}일) 기준으로 찾았어요. 다른 날이면 날짜를 알려 주세요."
"""After the cards made for hours said with no day, read as today's (routing.when): the parent can correct it."""
ASK_DAY = "언제 돌봄이 필요하세요? (예: 오늘 밤 10시까지, 내일 오후 2시부터 6시까지, 토요일 낮)"
DAY_CHOICES = (
    Choice("지금 바로", "지금 바로"),
    Choice("오늘", "오늘"),
    Choice("내일", "내일"),
    Choice("이번 주말", "주말"),
)
DAY_ONLY_CHOICES = DAY_CHOICES[1:]
ASK_MONTH_DAY = "{month}월 며칠에 필요하세요? (예: {month}월 24일, 24일 오후 2시부터)"
ASK_HALF = "{hour}시는 오전인가요, 오후인가요?"
HALF_AM = "오전 {hour}시"
HALF_PM = "오후 {hour}시"
HALF_VALUES = {"half:am": "am", "half:pm": "pm"}
HALF_TYPED = {"오전": "am", "아침": "am", "새벽": "am", "오후": "pm", "저녁": "pm", "밤": "pm"}
"""The 오전/오후 question answered in words instead of a button ('오후요', '저녁 7시요')."""
"""Button values of the 오전/오후 question, and the period each gives."""
PAST = "말씀하신 시간은 이미 지났어요."
PAST_WHEN = "말씀하신 시간({when})은 이미 지났어요. 제가 잘못 읽었다면 다시 알려 주세요."
"""The window read, so a misreading ('10시' read as 10:00, not 22:00) shows and can be corrected."""
PAST_KEPT = "전에 말씀하신 때({when})는 이미 지났어요. 다시 알려 주시면 이어서 접수할게요."
"""A parent back after the window they gave is over (declined yesterday, consents today): never filed as it was."""
NIGHT_WORD = "밤"
"""Written before an end said alone after '오늘 밤', so the reader takes the small hours after that night."""
PAST_AGAIN = "언제, 몇 시부터 몇 시까지 필요하신지 다시 알려 주세요. (예: 내일 오후 2시부터 6시까지)"
"""After a window already over at the consent, phone or confirm step: the answer comes back as a correction."""
ASK_TIME = "몇 시부터 몇 시까지 필요하세요? (예: 오후 6시부터 10시까지)"
ASK_TIME_HALF = "{half} 몇 시부터 몇 시까지 필요하세요? (예: {half} 6시부터 9시까지)"
HALF_NAMES = {"am": "오전", "pm": "오후"}
TIME_CHOICES = (
    Choice("낮 (9시~18시)", "오전 9시부터 오후 6시까지"),
    Choice("저녁 (18시~22시)", "오후 6시부터 밤 10시까지"),
    Choice("밤 늦게 (24시까지)", "저녁 7시부터 밤 12시까지"),
    Choice("시간은 모르겠어요", "시간 모름"),
)
SKIP_TIME_WORDS = ("시간모름", "모르겠", "몰라", "모름", "상관없", "아무때나", "아무시간", "미정", "안정해", "정해지지")
ASK_PLACE = "어느 동네에 사세요? 읍·면·동 이름을 알려 주세요. (예: 율곡동, 아포읍)"
PLACE_CHOICES = (
    *(Choice(name, name) for name in ("율곡동", "대곡동", "자산동", "평화남산동", "대신동", "양금동", "지좌동")),
    Choice("읍·면 지역", "읍면 목록"),
)
TOWNSHIP_WORDS = ("읍면목록", "읍·면지역", "읍면지역")
ASK_TOWNSHIP = "어느 읍·면이세요?"
PLACE_NOT_FOUND = "김천시 읍·면·동 이름에서 말씀하신 곳을 찾지 못했어요."
PLACE_GUESS = "혹시 이 중에 사시는 곳이 있나요? 없으면 읍·면·동 이름을 다시 적어 주세요."
NOT_UNDERSTOOD = "말씀을 잘 이해하지 못했어요."
CARE_WORDS = ("봐줄", "봐주", "봐 줄", "맡길", "맡기", "맡겨", "맡아", "돌봐", "돌봄", "봐줘", "데려가", "데리러")
"""A message asking for care with no fact in it yet ('애기 봐줄 사람이 없어요'): heard, never 'not understood'."""
CARE_HEARD = "네, 맡길 곳을 같이 찾아 볼게요."
ASKS_CARE = re.compile(r"봐\s*줄|봐\s*주(?:세|실|시|셔|면|는\s*(?:곳|데))|봐\s*줘|맡길|맡기(?:고|려|면|는)"
                       r"|맡겨(?:야|도|요)|맡아\s*주|돌봐\s*주|돌봄\s*(?:이\s*)?(?:필요|신청|구|찾)|데리러|데려가\s*주")
"""Care asked for ('동생 봐줄 곳', '맡길 데 있나요'), not only care words ('동생 봐주다가 큰애가 데었어요')."""
ASKS_OPEN = re.compile(r"하나요|하나\?|해요\?|여나요|열어요|열려|운영(?:하|해|되)|문\s*(?:여|열)|몇\s*시까지")
"""A question whether a place is open ('토요일도 하나요', '몇시까지예'): answered with its hours."""
THANKS_WORDS = ("감사", "고맙", "고마워", "땡큐")
THANKS = "도움이 되었으면 좋겠어요. 돌봄이 필요하시면 언제든 다시 말씀해 주세요."

MORE_OTHERS = "다른곳보기"
MORE_DETAIL = "자세히"
MORE_CHOICES = (Choice("다른 곳 보기", "다른 곳 보기"), Choice("자세히", "자세히"))
STILL_SAME = "추천은 그대로예요: {places}"
CHANGED = "{what} 바꿨어요."
NOTHING_CHANGED = "말씀하신 내용은 이미 그대로 적혀 있어요."
MORE_CHILD_WORDS = ("동생도", "둘째도", "셋째도", "첫째도", "큰애도", "큰아이도", "작은애도", "막내도", "언니도",
                    "오빠도", "형도", "누나도", "한명더", "하나더", "애도있", "아이도있")
"""A child said to come too: added to the children already known instead of replacing them."""
CHILD_RANK_WORDS = {
    "oldest": ("큰애", "큰아이", "첫째", "큰딸", "큰아들", "형은", "오빠는", "언니는", "누나는"),
    "youngest": ("작은애", "작은아이", "막내", "동생", "둘째", "작은딸", "작은아들"),
    "one": ("하나는", "한명은", "한애는", "한아이는", "한놈은"),
}
"""Words naming one of several children, so '큰애는 6살이에요' changes that child alone."""
NOTED = "{what} 적어 둘게요."
"""A fact given while another was asked: said back, so the same question again does not read as not understood."""
NAME_WORDS = ("이름", "성함", "실명")
NAME_NOT_ASKED = "이름은 받지 않아요. 아이 나이·날짜·동네와 연락받을 방법만 있으면 돼요."
CONSENT_AGAIN = "연결을 원하시면 '동의하고 접수'를 눌러 주세요."
CONFIRM_AGAIN = "이대로 접수하시려면 '네, 접수할게요'를 눌러 주세요."
AGE_OUT_YOUNG = (
    "{child}: 이 나이의 아기를 맡는 돌봄 서비스는 아직 없어요 (아이돌봄서비스도 {youngest}개월부터예요).\n"
    "· 산후·영아 돌봄 상담: {guide}\n"
    "· 육아종합지원센터: {center}"
)
AGE_OUT_OLD = (
    "{child}: 김천 돌봄 클러스터 서비스는 초등학생(만 12세)까지라 이 나이는 맡지 않아요.\n"
    "· 청소년 돌봄·방과 후 프로그램 문의: {guide}"
)
AGE_OUT_MORE = "다른 아이의 돌봄이 필요하시면 '처음부터'라고 말씀해 주세요."
GUIDE_LINE = "{name} {person} {phone} ({hours})"
NOT_KOREAN = (
    "돌봄이음은 한국어로 안내해요. 통합 접수 창구에 전화하시면 도와드려요: {phone} ({hours})\n"
    "Dolbom-ieum answers in Korean only. Please call the integrated care desk: {phone} ({hours_en})"
)
NOT_KOREAN_ALWAYS = "지금 바로 아이를 맡겨야 하면 / Care needed right now (24 h): {name} {phone}"
NOT_KOREAN_DANGER = "아이가 위험하면 / If a child is in danger: 112 (경찰 police), 119 (구급 ambulance)"
PERSON_WORDS = ("상담원", "상담사", "상담선생님", "사람바꿔", "사람연결", "직원분", "직원이랑", "직원하고", "담당자랑",
                "담당자와", "담당자하고", "담당자연결", "담당자분", "직접통화", "전화상담", "사람이랑", "사람하고",
                "사람과", "사람한테")
COORDINATOR_WORD = "담당자"
PERSON_TALK = ("얘기", "이야기", "통화", "대화", "상담", "말하", "연결", "바꿔", "없어", "있어", "있나", "없나")
"""A parent asking for a person, not a bot: the desk's phone, whatever step the conversation is at."""
PERSON = "사람과 직접 이야기하시려면 통합 접수 창구로 전화하세요.\n· {person} {phone} ({hours})"
PERSON_OPEN = "지금 전화 받는 시간이에요."
PERSON_CLOSED = "지금은 전화 받는 시간이 아니에요. 여기 남기신 접수는 담당자가 근무시간에 확인해요."
EMERGENCY_NOW = "지금 바로 맡겨야 하면 {name}에 전화하세요: {phone} (24시간, 긴급 돌봄)."
PERSON_ALWAYS = "지금 바로 아이를 맡겨야 하면: {name} {phone} (24시간)"
PERSON_DANGER = "아이가 위험하면: 112(경찰·아동학대 신고), 119(응급)"
PERSON_CASE = "접수 #{case_id:은} 담당자가 확인하고 연락드려요. 상태는 '접수 확인'으로 보실 수 있어요."

ASK_CONSENT = (
    "담당자 연결을 원하시면 개인정보 수집·이용에 동의해 주세요.\n"
    "· 아이 나이·날짜·동네·연락처를 돌봄 연결과 결과 확인에만 쓰고, 접수 종결 {days}일 뒤 지워요.\n"
    "· 동의하지 않으셔도 돼요. 그러면 이 대화의 기록은 대화가 멈추고 {hours}시간이 지나면 모두 지워요."
)
CONSENT_CHOICES = (Choice("동의하고 접수", "동의"), Choice("동의하지 않음", "아니요"), *MORE_CHOICES)
CONSENT_DECLINED = (
    "알겠어요. 접수하지 않고, 이 대화의 기록은 대화가 멈추고 {hours}시간이 지나면 모두 지워요.\n"
    "위에 안내한 연락처로 직접 문의하시면 돼요.\n"
    "마음이 바뀌시면 '동의하고 접수'를 눌러 주세요."
)
ASK_PHONE = (
    "연락받으실 전화번호를 알려 주세요. (예: 010-1234-5678)\n"
    "전화 대신 이 채팅으로 연락받으시려면 '채팅으로 받기'를 눌러 주세요."
)
PHONE_CHOICES = (Choice("채팅으로 받기", "채팅으로 받기"),)
CHAT_ROUTE_WORDS = ("채팅으로", "채팅", "톡으로", "메시지로")
PHONE_INVALID = "전화번호 형식이 아니에요. 010-1234-5678처럼 적어 주시거나 '채팅으로 받기'를 눌러 주세요."

CONFIRM = "이대로 접수할까요?\n{summary}"
CONFIRM_CHOICES = (Choice("네, 접수할게요", "네"), Choice("고칠게요", "고칠게요"), *MORE_CHOICES)
ASK_CORRECTION = "고칠 내용을 말씀해 주세요. (예: 5살이에요, 내일 저녁 7시부터, 대곡동이에요)"
CASE_CREATED = (
    "접수되었어요. 접수번호는 {case_id}번이에요.\n"
    "{next_step}\n"
    "진행 상황은 '접수 확인'으로 언제든 보실 수 있어요."
)
NEXT_STEP_URGENT = "긴급 건이라 담당자가 곧 연락드려요."
NEXT_STEP = "담당 코디네이터가 확인하고 연락드릴게요."
NEXT_STEP_LATER = "지금은 담당자 근무시간이 아니에요. {when}부터 확인하고 연락드려요."
NEXT_STEP_CLOSING = "담당자 근무가 곧 끝나요. 오늘 연락드리지 못하면 {when}부터 확인하고 연락드려요."
NEXT_EACH_SOON = "· {who}: {service} 담당자가 곧 연락드려요."
NEXT_EACH_CLOSING = "· {who}: {service} 담당자가 오늘 연락드리지 못하면 {when}부터 확인하고 연락드려요."
NEXT_EACH_LATER = "· {who}: {service} 담당자가 {when}부터 확인하고 연락드려요."
TOLD_EACH = "{first:과} {second} 담당자에게 모두 알렸어요."
"""Children sent to two services: both desks get the case (bot/coordination/desks.py)."""
NOW_WAY = "돌봄이 그 전에 필요하시면 지금 바로 연락하세요:"
NOW_LINE = "· {name} {phone}{note}"
NOW_FOR = "{who}: {name}"
NOW_ALWAYS = " (24시간)"
NOW_HOURS = " (오늘 {hours})"
NOW_HOURS_ON = " ({day} {hours})"
STATUS_IN_PROGRESS = "지금 상담은 아직 접수 전이에요. 아래 질문에 답해 주시면 접수돼요."
STATUS_START = "돌봄이 필요하시면 아이 나이와 필요한 때를 알려 주세요."
ALSO_NOTED = "{what}도 함께 적어 둘게요."
ALSO_NOTE = "부모님이 접수 뒤 더 필요한 때를 알림: {what}"
ALSO_FILED = "접수 #{case_id}에 더 필요한 때({what})를 적어 담당자에게 전했어요. 새로 접수하지 않으셔도 돼요."
ALSO_OTHER_SERVICE = "{day}에는 {name:이} 더 맞을 수 있어요. 담당자가 함께 안내해 드려요."
DROPPED = "{days:은} 뺐어요."
DROPPED_FILED = "접수 #{case_id}에서 {days:을} 빼 달라고 담당자에게 전했어요."
DROP_NOTE = "부모님이 접수 뒤 뺀 날: {days}"
DROP_NONE = "{days:은} 적혀 있지 않아요."
REPEAT_NOTED = "반복해서 필요하신 것('{repeat}')도 적어 둘게요."
ALSO_HELD = "말씀하신 날은 이미 적혀 있어요."
ALSO_OPEN = "{place:은} {day} {hours}에 열어요."
ALSO_CLOSED = "{place:은} {day}에는 쉬어요."
ALSO_HOW = "{day}에도 맡기시려면 '그날도 맡기기', 그날로 바꾸시려면 '그날로 바꾸기'를 눌러 주세요."
ALSO_ADD = "그날도 맡기기"
ALSO_MOVE = "그날로 바꾸기"
ALSO_DAY_WORDS = "{month}월 {day}일"
ALSO_ADD_VALUE = "{day}도 필요해요"
ALSO_MOVE_VALUE = "아니 {day}로 바꿀게요"
"""'주말에도 하나요?': the day's hours, and buttons whose values read as the added day or the new day."""
READ_LATER = "지금은 담당자 근무시간이 아니라서 {when}부터 확인해요."
READ_CLOSING = "담당자 근무 시간이 얼마 남지 않아, 오늘 확인하지 못하면 {when}부터 확인해요."
FILED_FIX = "접수 #{case_id:은} 담당자에게 넘어갔어요. 바뀐 내용({what} 바꿈)을 담당자에게 전했어요."
FILED_FIX_NOTE = "부모님이 접수 뒤 고침: {what} 바꿈"
AFTER_DONE = "접수가 끝났어요. 새로 상담하시려면 '처음부터', 접수 상태는 '접수 확인'이라고 말씀해 주세요."
DONE_CHOICES = (Choice("접수 확인", "접수 확인"), Choice("처음부터", "처음부터"))
RESTART_CHOICES = (Choice("처음부터", "처음부터"),)
DECLINED_CHOICES = (Choice("동의하고 접수", "동의"), Choice("처음부터", "처음부터"))
AFTER_NOTHING_FILED = "이 상담은 접수하지 않았어요. 새로 상담하시려면 '처음부터'라고 말씀해 주세요."

ASK_FORGET = (
    "저장된 대화와 연락처 등 개인정보를 모두 지울까요? 지우면 되돌릴 수 없어요.\n"
    "진행 중인 접수가 있으면 담당자가 더는 연락드릴 수 없어요."
)
FORGET_CHOICES = (Choice("네, 지워 주세요", "네"), Choice("아니요", "아니요"))
FORGET_KEPT = "지우지 않았어요. 하던 이야기를 이어서 할게요."

TOPIC_MORE = "돌봄 신청도 필요하시면 아이 나이와 필요한 때를 알려 주세요."
YES_NO_AGAIN = "'네' 또는 '아니요'로 답해 주세요."
CONSENT_UNCLEAR = "담당자 연결을 원하시면 '동의하고 접수', 원하지 않으시면 '동의하지 않음'을 눌러 주세요."
CONFIRM_UNCLEAR = "이대로 접수하시려면 '네, 접수할게요', 고칠 것이 있으면 '고칠게요'를 눌러 주세요."
TOO_LONG = "메시지가 너무 길어요. 앞부분만 읽었어요."
SLOW_DOWN = "메시지가 너무 빨리 오고 있어요. 천천히 보내 주시면 차례대로 답할게요."

# Words that work at any point; matched on the message with spaces removed.
RESTART_WORDS = ("처음부터", "처음으로", "다시시작", "새로시작", "다시할게", "다시할래", "다시하기", "/start", "/reset")
CANCEL_WORDS = ("취소",)
HELP_WORDS = ("도움말", "사용법", "/help")
STATUS_WORDS = ("접수확인", "접수상태", "진행상황", "접수됐나", "접수되었나", "/status")
FORGET_WORDS = ("내정보삭제", "개인정보삭제", "정보삭제", "/forget")
CORRECT_WORDS = ("고칠게요", "수정", "고칠래요", "바꿀게요", "바꿀래요", "바꿔", "틀렸", "틀려", "잘못", "달라요",
                 "다릅니다")
CONSENT_WORDS = ("동의할게", "동의해요", "동의합니다", "동의함", "동의하고", "동의할래")
NOT_CONSENT_WORDS = ("동의안", "동의하지않", "동의못", "비동의", "동의는안", "동의못해", "싫", "안할래", "안할게",
                     "주기싫", "안줄래", "전화로할게", "직접전화", "제가전화", "접수안")
FIX_FIELDS = (
    (("주소", "동네", "사는곳", "지역", "위치"), (
        "사시는 동네를 알려 주세요. (예: 율곡동, 아포읍)",
        PLACE_CHOICES[:-1],
    )),
    (("나이", "개월", "학년", "살이"), ("아이 나이를 다시 알려 주세요. (예: 4살, 18개월, 초2)", ())),
    (("날짜", "요일", "날을", "날이"), ("언제 돌봄이 필요하세요? (예: 내일, 12월 20일, 토요일)", ())),
    (("시간", "시각"), ("몇 시부터 몇 시까지 필요하세요? (예: 오후 6시부터 10시까지)", ())),
)
"""What a correction names, and the question (with buttons) that asks for that fact alone."""

CONSOLE_PROMPT = "나> "
CONSOLE_BOT = "돌봄이음> "

# Kakao skill: what the channel itself says when the dialog cannot answer in time or at all.
# The slow turn's answer is kept (bot/channels/kakao/skill.py): shown first at the next message; with the Event API a
# notice may come first, but not always (a daily cap per parent), so the next message is always named.
KAKAO_TIMEOUT_TEXT = ("잠시만요, 답을 준비하고 있어요. 준비된 답은 저장해 두었다가, 조금 뒤에 아무 말이나 보내 주시면 "
                      "가장 먼저 보여 드릴게요.")
KAKAO_TIMEOUT_PUSH_TEXT = ("잠시만요, 답을 준비하고 있어요. 준비되면 카카오톡 메시지로 알려 드릴게요. "
                           "알림이 없으면 조금 뒤에 아무 말이나 보내 주세요. 준비된 답을 가장 먼저 보여 드릴게요.")
KAKAO_ERROR_TEXT = "죄송해요, 잠시 문제가 생겼어요. 조금 뒤에 다시 말씀해 주세요."
KAKAO_EMPTY_TEXT = "무엇을 도와드릴까요?"
KAKAO_TRUNCATED_MARK = "…(이어서)"
KAKAO_MORE_CHOICES = "다른 선택: {labels} (그대로 입력해 주세요)"
KAKAO_LINKS_TITLE = "바로 연결"
KAKAO_CALL_LABEL = "전화하기"
KAKAO_MAP_LABEL = "지도 보기"


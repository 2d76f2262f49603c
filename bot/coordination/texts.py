"""Korean texts of the coordinator queue: notifications, parent status and follow-ups, CLI messages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo

from bot.dialog import wording
from bot.dialog.labels import phone_label
from db.models import CaseRow, Outcome, Status

STATUS = {
    Status.NEW: "접수됨 (담당자 배정 전)",
    Status.CLAIMED: "담당자 배정됨",
    Status.CONTACTED: "담당자가 연락함",
    Status.RESOLVED: "처리 완료",
    Status.CLOSED: "종료",
}
OUTCOME = {
    Outcome.PLACED: "돌봄 연결됨",
    Outcome.REFERRED: "다른 기관으로 안내",
    Outcome.NOT_PLACED: "연결되지 못함",
    Outcome.UNREACHABLE: "연락이 닿지 않음",
    Outcome.WITHDRAWN: "부모님이 취소함",
}
# What parents read is in the dialog's polite 해요체; coordinators' texts stay in 합니다체.
NEXT_STEP = {
    Status.NEW: "담당자가 곧 접수를 맡아 연락드릴 거예요.",

    Status.CLAIMED: "{who} 님이 맡았어요. 곧 연락드릴게요.",  # not "최담당 담당자가": the name says it
    Status.CONTACTED: "담당자와 연락이 닿았어요. 안내에 따라 이용하시면 돼요.",
    Status.RESOLVED: "처리가 끝났어요. 다시 도움이 필요하면 언제든 말씀해 주세요.",
    Status.CLOSED: "종료된 접수예요. 다시 도움이 필요하면 언제든 말씀해 주세요.",
}
HEADLINE = {
    "new_case": "🆕 새 돌봄 접수",
    "reminder": "⏰ 아직 아무도 맡지 않은 접수",
    "escalation": "🚨 관제탑 확인 필요: 오래 대기 중인 접수",
    "not_contacted": "⏰ 맡았지만 아직 연락하지 않은 접수",
    "console_reminder": "⏰ 코디네이터가 정한 다시 알림",
    "reopened": "↩️ 다시 열린 접수",
    "withdrawn": "🗑 부모님이 취소·삭제한 접수",
    "followup_no": "❗ 부모님 답변: 돌봄 연결이 되지 않음",
    "purged": "🔒 개인정보를 지운 접수",
    "status": "📝 접수 상태 변경",
}
PARENT_SAID = "\n✏️ {note}"
"""A parent's note after filing, on the card its coordinators are sent ('부모님이 접수 뒤 더 필요한 때를 알림: …')."""
ROUTE = {"chat": "채팅으로 답장", "phone": "전화"}

NO_CASES = "아직 접수된 내용이 없어요."  # the dialog adds what to do next, which depends on where the parent is
FORGET_DONE = "개인정보를 삭제했어요. 진행 중이던 접수 {n}건은 취소되었고, 통계용 익명 정보만 남아요."
FORGET_DONE_NO_OPEN = "저장된 대화와 개인정보를 삭제했어요."
FORGET_NOTHING = "삭제할 개인정보가 없어요."
PARENT_QUESTION = "접수 #{id} 관련해 여쭤볼게요. 돌봄 연결이 잘 되셨나요?"
PARENT_YES = "다행이에요! 알려 주셔서 고마워요. 다시 도움이 필요하면 언제든 말씀해 주세요."
PARENT_NO = "불편을 드려 죄송해요. 접수번호 {id}번을 다시 열어 담당자에게 알렸어요. 곧 연락드릴게요."
PARENT_NO_LATER = (
    "불편을 드려 죄송해요. 접수번호 {id}번을 다시 열어 담당자에게 알렸어요. 담당자가 {when}부터 확인하고 연락드려요."
)
PARENT_NO_CLOSING = (
    "불편을 드려 죄송해요. 접수번호 {id}번을 다시 열어 담당자에게 알렸어요. 담당자 근무 시간이 얼마 남지 않아, 오늘 "
    "연락드리지 못하면 {when}부터 확인하고 연락드려요."
)
STATUS_LATER = "지금은 담당자 근무시간이 아니에요. {when}부터 확인하고 연락드려요."
CHILD_SERVICE = "· {who}: {service}"
NO_SERVICE = "맞는 서비스 없음"
DANGER_STATUS = "위험 신고: 가족여성팀(관제탑)이 확인해요"
STATUS_CLOSING = "담당자 근무가 곧 끝나요. 오늘 연락드리지 못하면 {when}부터 확인하고 연락드려요."
EACH_CLOSING = "· {who}: {service} 담당자가 오늘 연락드리지 못하면 {when}부터 확인하고 연락드려요."
EACH_SOON = "· {who}: {service} 담당자가 곧 연락드릴 거예요."
EACH_LATER = "· {who}: {service} 담당자가 {when}부터 확인하고 연락드려요."
EACH_NONE = "· {who}: 맞는 서비스가 없어 관제탑(가족여성팀)이 확인해요."
CARD_EACH = "아이별 서비스: {each} (각 서비스 담당자에게 알림)"
CLAIMED_ALL = "{who} 님이 맡았어요. {count} 아이 모두 곧 연락드릴게요."
CLAIMED_ALL_CLOSING = "{who} 님이 맡았어요. 오늘 연락드리지 못하면 {when}부터 {count} 아이 모두 확인하고 연락드려요."
CLAIMED_ALL_LATER = "{who} 님이 맡았어요. {when}부터 {count} 아이 모두 확인하고 연락드려요."
"""Children sent to different services: each service's desk is told (bot/coordination/desks.py), and each child's
line says whose desk acts and when; once a coordinator claims the case, that one person arranges every child."""
AFTER_HOURS = "지금은 코디네이터 근무시간이 아니라서, 담당자가 {when}부터 확인하고 연락드려요."
WEEKDAYS = "월화수목금토일"

# '#21를', '#1는': after a number the particle depends on how it is read, so these texts need none.
CLAIM_WON = "접수 #{id}: {who} 님이 맡았습니다."
CLAIM_LOST = "접수 #{id}: 이미 {who} 님이 맡았습니다."
NOT_A_COORDINATOR = (
    "'{name}' 님은 coordinators.yaml에 등록된 코디네이터가 아닙니다. 등록된 사람만 사례를 보고 처리할 수 있습니다."
)
NOT_YOURS = (
    "접수 #{id}({service}): {name} 님의 담당 서비스가 아닙니다. 담당자나 관제탑({control})만 처리할 수 있습니다."
)
NO_SUCH_CASE = "접수 #{id}: 찾을 수 없습니다."
BAD_TRANSITION = "접수 #{id}: 지금 '{now}' 상태라서 '{to}' 상태로 바꿀 수 없습니다. 가능한 다음 상태: {allowed}"
OUTCOME_NEEDED = "처리 완료(resolved)에는 결과가 필요합니다: --outcome {choices}"
NO_NAME = "누구로 처리할지 알려 주세요: --as 이름 (또는 .env의 DOLBOM_COORDINATOR)"


def when(at: datetime, tz: tzinfo) -> str:
    """'11월 25일(수) 09:00'."""
    local = at.astimezone(tz)
    return f"{local.month}월 {local.day}일({WEEKDAYS[local.weekday()]}) {local:%H:%M}"


def case_status(case: CaseRow, tz: tzinfo, service_name: str | None = None, later: datetime | None = None,
                names: Mapping[str, str] | None = None,
                later_of: Mapping[str, datetime | None] | None = None,
                closing_of: Mapping[str | None, datetime | None] | None = None) -> str:
    """One case as a parent sees it: number, service, status, what comes next (``later``: when a coordinator is
    next on duty, if nobody is now: then no '곧'). Children sent to different services each get their line
    (``names``: service id -> name) saying whose desk acts and when (``later_of``: service id -> when its desk is
    next on duty, None while on duty now): every service's desk is told of the case (bot/coordination/desks.py)."""
    lines = [f"접수 #{case.id} · {when(case.created_at, tz)} 접수"]
    groups = _by_service(case)
    waiting = case.status in (Status.NEW, Status.CLAIMED)
    if case.danger:
        lines.append(DANGER_STATUS)  # without it the parent cannot tell this case from the care intake beside it
    elif not groups:
        if service_name:
            lines.append(f"서비스: {service_name}")
    elif not (waiting and case.status == Status.NEW):
        lines += [CHILD_SERVICE.format(who=_children(kids), service=names_of(sid, names)) for sid, kids in groups]
    lines.append(f"상태: {STATUS[case.status]}")
    if case.outcome is not None:
        lines.append(f"결과: {OUTCOME[case.outcome]}")
    closing = closing_of or {}
    if groups and case.status == Status.NEW:
        timing = later_of or {}
        for sid, kids in groups:
            who = _children(kids)
            if sid is None:
                lines.append(EACH_NONE.format(who=who))
            elif (at := timing.get(sid, later)) is not None:
                lines.append(EACH_LATER.format(who=who, service=names_of(sid, names), when=when(at, tz)))
            elif (shut := closing.get(sid)) is not None:
                lines.append(EACH_CLOSING.format(who=who, service=names_of(sid, names), when=when(shut, tz)))
            else:
                lines.append(EACH_SOON.format(who=who, service=names_of(sid, names)))
    elif groups and case.status == Status.CLAIMED and case.claimed_by:
        count = wording.COUNTS[min(len(case.children), len(wording.COUNTS)) - 1]
        if later is not None:
            lines.append(CLAIMED_ALL_LATER.format(who=case.claimed_by, count=count, when=when(later, tz)))
        elif (shut := closing.get(case.service_id)) is not None:  # no '곧' ten minutes before the desk closes
            lines.append(CLAIMED_ALL_CLOSING.format(who=case.claimed_by, count=count, when=when(shut, tz)))
        else:
            lines.append(CLAIMED_ALL.format(who=case.claimed_by, count=count))
    elif later is not None and waiting:
        lines.append(STATUS_LATER.format(when=when(later, tz)))
    elif waiting and (shut := closing.get(case.service_id)) is not None:
        lines.append(STATUS_CLOSING.format(when=when(shut, tz)))
    else:
        lines.append(NEXT_STEP[case.status].format(who=case.claimed_by or ""))
    return "\n".join(lines)


def names_of(service_id: str | None, names: Mapping[str, str] | None) -> str:
    """The service's name without its explanation in brackets ('119돌봄센터', not '119돌봄센터 (경북 …)')."""
    if service_id is None:
        return NO_SERVICE
    return (names or {}).get(service_id, service_id).split(" (")[0]


def _by_service(case: CaseRow) -> list[tuple[str | None, list[str]]]:
    """(service id, its children's labels) in the children's order, when the children were sent to more than one
    service; else [] (one service: the case's line says it)."""
    groups: dict[str | None, list[str]] = {}
    for child in case.children:
        groups.setdefault(child.get("service_id"), []).append(child.get("label") or wording.CHILD_UNKNOWN)
    if case.danger or len(groups) < 2:
        return []
    return list(groups.items())


def _children(labels: list[str]) -> str:
    """'4살 아이', '두 아이(4살)' for twins, '두 아이(4살, 6살)'."""
    if len(labels) == 1:
        return wording.CHILD_ONE.format(label=labels[0])
    count = wording.COUNTS[min(len(labels), len(wording.COUNTS)) - 1]
    return wording.CHILD_GROUP.format(count=count, label=", ".join(dict.fromkeys(labels)))


def each_child(case: CaseRow, names: Mapping[str, str]) -> list[str]:
    """'· 7살 아이: 다함께돌봄센터' per group of children, when they were sent to more than one service; else []."""
    return [CHILD_SERVICE.format(who=_children(kids), service=names_of(sid, names))
            for sid, kids in _by_service(case)]


def case_card(case: CaseRow, tz: tzinfo, service_name: str, kind: str = "new_case",
              site_name: str | None = None, area: str | None = None, names: Mapping[str, str] | None = None) -> str:
    """What a coordinator reads: everything needed to act without asking the parent again. ``area``: the
    읍·면·동 nearest to a location the parent shared, shown instead of "공유한 위치"."""
    flags = " ".join(f for f, on in (("[위험]", case.danger), ("[긴급]", case.urgent)) if on)
    lines = [f"{HEADLINE.get(kind, HEADLINE['status'])} #{case.id} {flags}".rstrip()]
    site = site_name or case.site_id
    lines.append(f"서비스: {service_name}" + (f" · {site}" if site else ""))
    if len(groups := _by_service(case)) > 1:  # every desk named here got this card (bot/coordination/desks.py)
        lines.append(CARD_EACH.format(each=" / ".join(f"{_children(kids)} {names_of(sid, names)}"
                                                      for sid, kids in groups)))
    if case.summary_text:
        shared = wording.SUMMARY_PLACE.format(place=wording.SHARED_LOCATION)
        contact = wording.SUMMARY_CONTACT.split("{")[0]
        for line in case.summary_text.splitlines():
            if case.contact and line.startswith(contact):
                continue  # the contact has its own line below, once
            if area and line == shared:
                line = wording.SUMMARY_PLACE.format(place=SHARED_NEAR.format(area=area))
            lines.append(line)
    if case.contact:
        route = ROUTE.get(str(case.contact.get("route")), str(case.contact.get("route")))
        phone = case.contact.get("phone")
        lines.append(f"연락: {route}" + (f" {phone_label(str(phone))}" if phone else ""))  # as the parent confirmed it
    lines.append(f"접수: {when(case.created_at, tz)} · 상태: {STATUS[case.status]}")
    if case.claimed_by:
        lines.append(f"담당: {case.claimed_by}")
    if case.outcome is not None:
        lines.append(f"결과: {OUTCOME[case.outcome]}" + (f" ({case.outcome_note})" if case.outcome_note else ""))
    return "\n".join(lines)

# -- words the queue writes into case history and cards -------------------------------------------------
UNDECIDED = "미정"
SHARED_NEAR = "{area} 부근 (공유한 위치)"
UNDECIDED_CONTROL = "미정 (관제탑 판단)"
FOLLOWUP_NOT_PLACED = "부모님 후속 확인: 연결되지 않음"
FOLLOWUP_YES_NOTE = "예"
FOLLOWUP_NO_NOTE = "아니오"
REMINDER_NOTE = "{seq}번째 알림"
CONSOLE_REMINDER_NOTE = "웹 콘솔에서 정한 다시 알림"
NOT_CONTACTED_NOTE = "연락 전 알림"
LOG_NOTE = "\n[코디네이터 알림 → {who}]\n{text}\n가능한 처리: {actions}\n"
FLAG_DANGER = "[위험]"
FLAG_URGENT = "[긴급]"
NO_OPEN_CASES = "열린 접수가 없습니다."
MORE_OPEN = "… 열린 접수는 모두 {n}건입니다. 다음 쪽: dolbom queue --after {after}"
HISTORY = "\n기록:"
OWNER = "담당: {name}"
CASE_STATUS_LINE = "접수 #{id}: {status}"

# -- messages to parents (replies, reopened cases) and their delivery ----------------------------------
PARENT_REPLY = "[접수 #{id}] 담당 코디네이터 {by} 님의 메시지예요.\n\n{text}"
PARENT_REOPENED = "접수번호 {id}번을 담당 코디네이터가 다시 열었어요. 코디네이터가 연락드릴게요."
LATE_LEAD = "앞서 보내신 메시지에 대한 답이에요."
EVENT_NOTHING_NEW = "새로 전해 드릴 소식은 이미 모두 보여 드렸어요. 궁금한 점이 있으면 말씀해 주세요."
CASE_PURGED = "접수 #{id}: 개인정보가 삭제되어 부모님께 메시지를 보낼 수 없습니다."
REPLY_EMPTY = "보낼 내용을 적어 주세요."
REPLY_STATE = {"waiting": "다음 메시지 때 보여 줌 (대기)", "pushed": "보냄", "shown": "부모님께 보여 줌",
               "failed": "보내기 실패 (다음 메시지 때 보여 줌)"}
PARENT_MESSAGES = "\n부모님께 보낸 메시지:"
REPLY_LINE = ("접수 #{id}에 답장을 남겼습니다 (메시지 {n}). 보낼 수 있는 채널이면 실행 중인 봇이 바로 보내고,"
              " 아니면 부모님의 다음 메시지 때 보여 드립니다.")

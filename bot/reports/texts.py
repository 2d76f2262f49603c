"""Korean wording of the report for the city's regular meeting (정례회의 성과 공유), plus ASCII chart fallbacks."""

from __future__ import annotations

from bot.coordination.texts import OUTCOME as OUTCOME  # re-exported: the words coordinators see on their cases

TITLE = "# 돌봄이음 성과 보고 ({start} ~ {end})"
MADE = "정례회의 성과 공유용 · 작성 {made} · 개인정보 없이 익명 통계만 담았습니다."
PERIOD_NOTE = "기간: {start} 00:00 ~ {end} 24:00 (한국 시간), 이 기간에 접수된 사례 기준"

SUMMARY = "## 요약"
TOTAL = "- 접수 {total}건: 긴급 {urgent}건, 아동 위험 신호 {danger}건"
NO_CASES = "- 이 기간에는 접수가 없습니다."
CLAIM = "- 담당자 배정까지: 중앙값 {median}, 90% {p90} (배정된 {n}건 기준)"
CLOSE = "- 처리 완료까지: 중앙값 {median}, 90% {p90} (완료된 {n}건 기준)"
OPEN = "- 아직 진행 중: {open}건 (그중 담당자 배정 전 {new}건)"
ESCALATED = "- 아무도 맡지 않아 관제탑으로 올라간 접수: {n}건 (지금도 배정 전 {still}건)"
PUSHES = ("- 카카오톡으로 먼저 알린 메시지(Event API): 보냄 {sent}건, 보내지 못함 {failed}건, "
          "비용 {cost:,}원 (건당 {each}원, VAT 별도)")
FOLLOWUP = "- 부모님 후속 확인 「돌봄 연결이 잘 되셨나요?」: 예 {yes}, 아니오 {no}, 답 없음 {none}"

KPI = "## 공약 달성 확인 지표 (공약 5-2)"
KPI_HEAD = "| 지표 | 단위 | 목표 | 현황 | 근거 |\n|---|---|---:|---:|---|"
KPI_CLUSTER = "사업별 돌봄클러스터 구축"
KPI_CLUSTER_BASIS = "지식 파일에 등록된 서비스 {registered}개 중 이 기간에 접수가 연계된 서비스 수"
KPI_WINDOW = "통합 접수 창구 개설"
KPI_WINDOW_BASIS = "돌봄이음으로 이 기간에 접수 {total}건: {channels}"
KPI_MAP = "돌봄지도 구축"
MAP_PRESENT = "돌봄 지도 기능 있음: dolbom map, 웹 /map"
MAP_MISSING = "돌봄 지도 기능이 아직 없음"
KPI_UNIT = "개"
KPI_LINE = "- {name}: 현황 {value}{unit} / 목표 {target}{unit} ({basis})"
KPI_NOTE = ("지표의 현황은 이 시스템이 확인할 수 있는 것만 셉니다. 클러스터(시설) 구축 자체는 "
            "담당 부서의 실적으로 확인해 주세요.")

BY_SERVICE = "## 서비스별 접수"
BY_AREA = "## 지역(읍면동)별 접수"
BY_OUTCOME = "## 처리 결과"
BY_WEEK = "## 주별 접수"
COUNT_HEAD = "| {what} | 건수 | 비율 |\n|---|---:|---:|"
WHAT = {"service": "서비스", "area": "지역", "outcome": "결과", "week": "주"}

NOTES = (
    "## 산출 기준\n\n"
    "- 배정까지: 접수 시각부터 처음 담당자가 맡은 시각까지. 처리 완료까지: 접수부터 마지막으로 다시 열린 뒤 "
    "처음 완료·종료된 시각까지 (진행 중인 접수는 빼고 셉니다).\n"
    "- 90%: 10건 중 9건이 그 시간 안에 끝났다는 뜻입니다 (선형 보간).\n"
    "- 답 없음: 부모님께 질문이 전달되었지만 아직 답하지 않은 경우입니다.\n"
    "- 사례별 익명 자료(접수 번호, 날짜, 서비스, 지역, 상태, 결과, 소요 시간)는 같은 이름의 CSV 파일에 있습니다."
)

UNKNOWN_SERVICE = "미정 (관제탑 판단)"
UNKNOWN_AREA = "미상"
OPEN_OUTCOME = "진행 중"
CLOSED_NO_OUTCOME = "종료 (결과 기록 없음)"
CHANNELS = {"console": "터미널", "telegram": "텔레그램", "kakao": "카카오톡"}
NONE = "-"

CHART_TITLES = {"service": "서비스별 접수 (건)", "outcome": "처리 결과 (건)", "week": "주별 접수 (건)"}
CHART_TITLES_ASCII = {"service": "Cases per service", "outcome": "Outcomes", "week": "Cases per week"}
UNKNOWN_SERVICE_ASCII = "unassigned"
OPEN_OUTCOME_ASCII = "open"
CLOSED_NO_OUTCOME_ASCII = "closed"

# dolbom report (command line)
BAD_DATE = "날짜를 알아볼 수 없습니다: {option} {value} (예: 2026-11-01)"
BAD_RANGE = "기간이 거꾸로입니다: --from {start} 이 --to {end} 보다 늦습니다."
NO_DB = "데이터베이스가 없습니다: {path} (DOLBOM_DB_PATH를 확인해 주세요)"
NO_KNOWLEDGE = "지식 파일을 읽지 못해 서비스 이름 대신 id를 씁니다: {error}"
WRITTEN = "보고서를 만들었습니다:"


def duration(minutes: float | None) -> str:
    """'45분', '3시간 20분', '2일 4시간'; '-' when there is nothing to measure."""
    if minutes is None:
        return NONE
    m = round(minutes)
    if m < 60:
        return f"{m}분"
    if m < 24 * 60:
        return f"{m // 60}시간" + (f" {m % 60}분" if m % 60 else "")
    return f"{m // 1440}일" + (f" {m % 1440 // 60}시간" if m % 1440 // 60 else "")


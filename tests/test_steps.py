"""The dialog steps as pure decisions: a turn in, the next step, the replies and the effects out; no store."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.dialog import texts
from bot.dialog.casefile import UNCONSENTED_HOURS
from bot.dialog.core import Address, Channel, Inbound
from bot.dialog.intake import Intake, Step
from bot.dialog.steps import STEPS, Context, Forget, OpenCase, Turn
from db.models import CASE_NUMBER
from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")
TUE_2PM = datetime(2026, 11, 24, 14, 0, tzinfo=KST)
KNOWLEDGE = SHIPPED
ADDRESS = Address(Channel.CONSOLE, "steps")
EMPTY = Intake()
PLAIN = Context()


def turn(text: str, intake: Intake = EMPTY, ctx: Context = PLAIN, now: datetime = TUE_2PM) -> Turn:
    return Turn(ctx, Inbound(ADDRESS, text=text), text, READER.read(text, now), intake, now, KNOWLEDGE)


def complete(now: datetime = TUE_2PM) -> Intake:
    """An intake with every fact, as after '4살 내일 오후 3시부터 6시까지 율곡동'."""
    return Intake().merge(READER.read("4살 아이 내일 오후 3시부터 6시까지 율곡동", now))


def test_collect_asks_for_the_first_missing_fact_and_decides_nothing_else() -> None:
    t = turn("4살이에요")
    assert STEPS[Step.COLLECT](t) == Step.COLLECT
    assert t.intake.kids and t.intake.kids[0].age_months == 48
    assert [r.text for r in t.replies] == [texts.ASK_DAY]
    assert t.effects == []


def test_a_complete_intake_is_recommended_with_the_map_link_from_the_context_and_asks_consent() -> None:
    links: list[str] = []

    def map_url(ranking, intake) -> str:
        links.append(ranking.best.service.id)
        return "https://example.test/map"

    t = turn("율곡동", intake=Intake().merge(READER.read("4살 내일 오후 3시부터 6시까지", TUE_2PM)),
             ctx=Context(retention_days=30, map_url=map_url))
    assert STEPS[Step.COLLECT](t) == Step.CONSENT
    assert links == ["daycare-365"]
    assert t.replies[-1].text == texts.ASK_CONSENT.format(days=30, hours=UNCONSENTED_HOURS)


def test_a_place_nobody_knows_gets_the_contexts_guesses_as_buttons() -> None:
    intake = Intake().merge(READER.read("4살 내일 오후 3시부터 6시까지", TUE_2PM))
    t = turn("율곡똥네요", intake=intake, ctx=Context(suggest_places=lambda text: ["율곡동"]))
    assert STEPS[Step.COLLECT](t) == Step.COLLECT
    assert [c.value for c in t.replies[-1].choices] == ["율곡동"]


def test_confirming_decides_to_open_a_case_and_says_when_someone_answers() -> None:
    asked: list[tuple[str | None, bool]] = []

    def when(service: str | None, at: datetime, danger: bool) -> str:
        asked.append((service, danger))
        return "월요일 09:00에 담당자가 연락드려요."

    intake = complete().evolve(consent_at=TUE_2PM, phone="01012345678", step=Step.CONFIRM)
    t = turn("네", intake=intake, ctx=Context(when_answered=when))
    assert STEPS[Step.CONFIRM](t) == Step.DONE
    (effect,) = t.effects
    assert isinstance(effect, OpenCase) and effect.announce is t.replies[-1]
    assert CASE_NUMBER in effect.announce.text and "월요일 09:00" in effect.announce.text
    assert asked == [("daycare-365", False)]


def test_declining_consent_opens_nothing() -> None:
    t = turn("아니요", intake=complete().evolve(step=Step.CONSENT))
    assert STEPS[Step.CONSENT](t) == Step.DONE
    assert t.effects == [] and t.replies[-1].text == texts.CONSENT_DECLINED.format(hours=UNCONSENTED_HOURS)


@pytest.mark.parametrize(("answer", "step", "effects"),
                         [("네", Step.COLLECT, [Forget(at=0)]), ("아니요", Step.CONSENT, [])])
def test_forget_is_an_effect_for_the_engine_only_when_the_parent_says_yes(answer: str, step: Step,
                                                                          effects: list[Forget]) -> None:
    t = turn(answer, intake=complete().evolve(step=Step.FORGET, back_to=Step.CONSENT))
    assert STEPS[Step.FORGET](t) == step
    assert t.effects == effects
    assert (t.intake == Intake()) is (answer == "네")


@pytest.mark.parametrize(("said", "asked"), [
    ("주소 틀렸어요", "동네"), ("아니 동네가 달라요", "동네"), ("나이가 틀렸어요", "나이"),
    ("시간 잘못 말했어요", "몇 시"),
])
def test_a_correction_at_consent_asks_for_the_fact_named_and_never_declines(said: str, asked: str) -> None:
    t = turn(said, intake=complete().evolve(step=Step.CONSENT))
    assert STEPS[Step.CONSENT](t) == Step.CONSENT
    assert asked in t.replies[-1].text and t.intake == complete().evolve(step=Step.CONSENT)
    assert texts.CONSENT_DECLINED.format(hours=UNCONSENTED_HOURS) not in [r.text for r in t.replies]


def test_a_correction_while_the_phone_is_asked_is_taken_and_the_phone_asked_again() -> None:
    intake = complete().evolve(step=Step.PHONE, consent_at=TUE_2PM)
    t = turn("아 5살이에요", intake=intake)
    assert STEPS[Step.PHONE](t) == Step.PHONE
    assert t.intake.kids[0].age_months == 60
    assert t.replies[0].text == "나이를 4살에서 5살로 바꿨어요." and t.replies[-1].text == texts.ASK_PHONE
    t = turn("나이가 틀렸어요", intake=intake)
    assert STEPS[Step.PHONE](t) == Step.PHONE and "나이" in t.replies[-1].text
    assert texts.PHONE_INVALID not in [r.text for r in t.replies]



def test_a_half_of_the_day_without_hours_is_said_in_the_summary() -> None:
    from bot.dialog import labels

    intake = Intake().merge(READER.read("3살 내일 오후 율곡동", TUE_2PM))
    assert intake.has_time and intake.start is None
    assert "11월 25일(수) 오후" in labels.summary(intake.evolve(period="pm"), [], "율곡동")
    assert "11월 25일(수) 낮" in labels.summary(intake, [], "율곡동")


def test_keeping_the_data_goes_back_to_the_question_with_its_buttons() -> None:
    t = turn("아니요", intake=complete().evolve(step=Step.FORGET, back_to=Step.CONSENT))
    assert STEPS[Step.FORGET](t) == Step.CONSENT
    assert t.replies[0].text == texts.FORGET_KEPT and t.replies[-1].choices == texts.CONSENT_CHOICES
    t = turn("아니요", intake=EMPTY.evolve(step=Step.FORGET, back_to=Step.COLLECT))
    assert STEPS[Step.FORGET](t) == Step.COLLECT and [r.text for r in t.replies] == [texts.FORGET_KEPT]


def test_a_day_moved_from_today_to_tomorrow_is_no_longer_urgent() -> None:
    intake = Intake().merge(READER.read("초1 딸 오늘 4시부터 8시까지 율곡동", TUE_2PM))
    assert intake.urgent
    assert not intake.merge(READER.read("아 아니 내일이요", TUE_2PM)).urgent


@pytest.mark.parametrize("step", [Step.CONSENT, Step.CONFIRM])
def test_a_parent_asking_about_their_name_is_told_none_is_needed(step: Step) -> None:
    t = turn("이름도 적어야 하나요?", intake=complete().evolve(step=step, consent_at=TUE_2PM, chat_route=True))
    assert STEPS[step](t) == step
    assert t.replies[0].text == texts.NAME_NOT_ASKED and texts.YES_NO_AGAIN not in [r.text for r in t.replies]


@pytest.mark.parametrize(("said", "digits"), [("공일공 일이삼사 오육칠팔", "01012345678"),
                                              ("제 번호는 공일공 구팔칠육 오사삼이요", "01098765432")])
def test_a_phone_number_written_in_words_is_taken(said: str, digits: str) -> None:
    t = turn(said, intake=complete().evolve(step=Step.PHONE, consent_at=TUE_2PM))
    assert STEPS[Step.PHONE](t) == Step.CONFIRM and t.intake.phone == digits


def test_a_yes_while_the_phone_is_asked_asks_for_it_again_without_calling_it_wrong() -> None:
    t = turn("네 맞아요", intake=complete().evolve(step=Step.PHONE, consent_at=TUE_2PM))
    assert STEPS[Step.PHONE](t) == Step.PHONE
    assert [r.text for r in t.replies] == [texts.ASK_PHONE] and t.replies[0].choices == texts.PHONE_CHOICES


def test_the_dialog_ranks_with_what_understanding_ranks_with_overnight_and_vacation() -> None:
    """The intake keeps the facts `dolbom understand` ranks with: care through the night with no end, and
    school-vacation days. Ranked apart, the dialog would offer a place that closes at midnight for 밤새."""
    from routing.match import rank

    said = "4살 아이 내일 밤새 맡길 곳 있나요 율곡동"
    u = READER.read(said, TUE_2PM)
    assert u.need.overnight
    intake = Intake.from_json(Intake().merge(u).to_json())  # through the stored state, as between turns
    (need,) = intake.needs(TUE_2PM)
    assert need.overnight
    assert [v.service.id for v in rank(need, KNOWLEDGE).ranked][:1] == \
        [v.service.id for v in rank(u.need, KNOWLEDGE).ranked][:1]
    later = intake.merge(READER.read("아 아니 밤 10시까지만요", TUE_2PM))
    assert not later.needs(TUE_2PM)[0].overnight  # hours said again replace the night

    school = Intake().merge(READER.read("초2 방학 때 내일 9시부터 5시까지 율곡동", TUE_2PM))
    assert school.needs(TUE_2PM)[0].vacation

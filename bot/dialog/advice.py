"""What the bot says once the facts stand: the recommendation cards, a topic's answer, the summary to confirm and
what happens after filing."""

from __future__ import annotations

from bot.dialog import labels, outside, present, promise, texts
from bot.dialog.casefile import UNCONSENTED_HOURS, place_name
from bot.dialog.intake import Step
from bot.dialog.particles import ko
from bot.dialog.turn import Turn
from knowledge.schema import Kind
from routing.match import rank
from routing.need import Need


def ages_out(t: Turn) -> list[str]:
    """The answers for children no care service takes, when that is every child of the intake; else []."""
    if not any(outside.out_of_ages(kid, t.knowledge) for kid in t.intake.kids):
        return []  # the usual case, known without ranking every child to group the cards
    away = [outside.age_out(who, kid, t.knowledge) if kid else None for who, _, kid in t.shown()]
    return [a for a in away if a] if away and all(away) else []


def recommend(t: Turn) -> Step:
    cards = 0
    for who, ranking, kid in t.shown():
        away = outside.age_out(who, kid, t.knowledge) if kid else None
        if away:
            t.say(away)
            continue
        cards += 1
        t.replies.append(present.recommendation(who, ranking, t.ctx.map_url(ranking, t.intake), t.intake.day, t.now,
                                                t.intake.vacation))
    if not cards:
        t.say(texts.AGE_OUT_MORE, texts.DONE_CHOICES)
        return Step.DONE
    if (day := t.intake.day) is not None and day == t.intake.assumed_day:
        t.say(texts.ASSUMED_DAY.format(month=day.month, day=day.day))
    if t.intake.consent_at is not None:
        return confirm_or_phone(t)
    t.say(consent_text(t), texts.CONSENT_CHOICES)
    return Step.CONSENT


def consent_text(t: Turn) -> str:
    return texts.ASK_CONSENT.format(days=t.ctx.retention_days, hours=UNCONSENTED_HOURS)


def more(t: Turn) -> bool:
    """'다른 곳 보기' and '자세히' at the consent and confirm steps: what the short card leaves out."""
    if t.compact not in (texts.MORE_OTHERS, texts.MORE_DETAIL):
        return False  # asked at every consent and confirm turn: rank the children only when it is one of them
    per_age = present.grouped(t.rankings(), t.intake.kids, same_age=True)
    if t.compact == texts.MORE_OTHERS:
        t.say("\n\n".join(present.others(who, r) for who, r, _ in per_age))
    else:
        t.replies += [present.detail(who, r) for who, r, _ in per_age]
    return True


def summary(t: Turn) -> str:
    names = list(dict.fromkeys(r.best.service.name for _, r, _ in t.shown() if r.best))
    return labels.summary(t.intake, names, place_name(t.intake), t.now.date())


def next_step_text(t: Turn, urgent: bool) -> str:
    """What happens after the case is filed: '곧' only while someone is on duty; else when, and what works now.
    Children sent to different services: each desk is told, and '곧' only if every one of them is on duty."""
    bests = list({r.best.service.id: r.best for _, r in t.rankings() if r.best}.values()) or [None]
    short = [b.service.name.split(" (")[0] for b in bests if b]
    told = [ko(texts.TOLD_EACH, first=", ".join(short[:-1]), second=short[-1])] if len(short) > 1 else []
    times = [(t.ctx.answer_at(b.service.id if b else None, t.now, False), b) for b in bests]
    shown = [(who, r) for who, r, _ in t.shown()]
    # on duty now, but not in half an hour (17:50 on a Friday): no '곧' for that desk either
    shut = {b.service.id: t.ctx.answer_at(b.service.id, t.now + promise.CLOSING, False) if at is None else None
            for at, b in times if b}
    if told and len({at is None and shut.get(b.service.id if b else "") is None for at, b in times}) > 1:
        # one desk on duty now (119돌봄센터's, all hours), another not before Monday: each child's line, as
        # '접수 확인' says it, never one time for all
        return "\n".join([*told, *promise.each_desk(shown, t.intake, t.knowledge, t.now,
                                                    {b.service.id: at for at, b in times if b}, shut)])
    at, best = max(times, key=lambda pair: pair[0] or t.now)
    later = t.ctx.when_answered(best.service.id if best else None, t.now, False)
    if at is None and later:  # a desk that tells only the words: never '곧' beside them
        return "\n".join([*told, later])
    closing = max((c for c in shut.values() if c is not None), default=None) if at is None else None
    return "\n".join([*told, promise.next_step(shown, t.intake, t.knowledge, t.now, urgent, at, closing)])


def confirm_or_phone(t: Turn) -> Step:
    """After a correction once consent is given: the summary to confirm, or the phone question still unanswered."""
    if t.intake.phone or t.intake.chat_route:
        return confirm(t)
    t.say(texts.ASK_PHONE, texts.PHONE_CHOICES, ask_contact=True)
    return Step.PHONE


def confirm(t: Turn) -> Step:
    t.say(texts.CONFIRM.format(summary=summary(t)), texts.CONFIRM_CHOICES)
    return Step.CONFIRM


def asks_only(t: Turn, topics: tuple[str, ...]) -> bool:
    """A question about guidance, loans or benefits that names a day or a child without asking for care
    ('장난감 빌리러 가는데 토요일도 하나요', '21년생 아들 예방접종 어디서 맞아요'): answered, not an intake."""
    if t.u.danger or "emergency" in t.u.need.situations or texts.ASKS_CARE.search(t.text):
        return False
    # a care service named with a day, asked whether it is open then ('대체휴일에도 365어린이집 하나요'): its hours
    return all(t.knowledge.service(s).kind == Kind.INFO for s in topics) or (
        not t.u.children and texts.ASKS_OPEN.search(t.text) is not None)


def answer_topic(t: Turn) -> bool:
    """A question about toys, benefits or consultation is answered at once, without the care questions."""
    topics = t.u.need.topics
    n = t.u.need
    if (not topics and t.intake.topics and n.area and not (t.intake.kids or t.intake.day)
            and not (t.u.children or n.day or n.start or n.end or n.situations)):
        topics = t.intake.topics  # '율곡동이요' right after the toy library's answer: the one near 율곡동
    elif not topics or ((t.u.children or n.day or n.situations) and not asks_only(t, topics)):
        return False
    ranking = rank(Need(topics=topics, area=t.u.need.area or t.intake.area, now=t.now), t.knowledge)
    if ranking.best is None:
        return False
    t.replies.append(present.topic_answer(ranking, t.knowledge, t.ctx.map_url(ranking, t.intake)))
    t.say(texts.TOPIC_MORE)
    t.intake = t.intake.evolve(topics=tuple(topics), area=t.u.need.area or t.intake.area)
    return True

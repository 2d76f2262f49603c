"""The collecting step: the facts of a message merged into the intake, what was heard said, the next question."""

from __future__ import annotations

from bot.dialog import also, labels, texts
from bot.dialog.advice import answer_topic
from bot.dialog.answers import missing
from bot.dialog.aside import added_days
from bot.dialog.asking import ask_next
from bot.dialog.children import ask_which_kid, merged, recount, recounted, unclear_kid
from bot.dialog.core import Choice
from bot.dialog.intake import Step
from bot.dialog.reading import named_month
from bot.dialog.turn import Turn


def on_collect(t: Turn) -> Step:
    if answer_topic(t):
        return Step.COLLECT
    if (step := added_days(t)) is not None:
        return step
    said = {c.age_months for c in t.u.children}
    if texts.UNDER_6_MONTHS in t.compact and said <= {None, 6} and not t.u.need.day:
        t.say(texts.ASK_MONTHS, texts.MONTH_CHOICES)
        return Step.COLLECT
    if t.compact in texts.TOWNSHIP_WORDS:
        towns = [p.name for p in t.knowledge.places if p.name[-1] in "읍면"]
        t.say(texts.ASK_TOWNSHIP, tuple(Choice(name, name) for name in towns), ask_location=True)
        return Step.COLLECT
    if unclear_kid(t):
        return ask_which_kid(t)
    before = t.intake
    if (count := recount(t)) is not None:  # '아 아니 둘이에요' after '아이 셋인데요'
        t.intake = t.intake.evolve(kids=recounted(t.intake.kids, count))
    t.intake = merged(t, label=t.label)
    also.take_named(t)  # '다음 주 월요일부터 금요일까지': Monday, and the days after it kept beside
    if not before.has_time and before.has_day and any(w in t.compact for w in texts.SKIP_TIME_WORDS):
        t.intake = t.intake.evolve(time_skipped=True)
    elif t.intake != before and (asked := missing(before)) is not None:
        fields = labels.changed_fields(before, t.intake, t.now.date())
        if fixed := [text for had, text in fields if had]:  # '아 아니 4살이요', '아니 모레요 오후 2시부터'
            t.say(texts.CHANGED.format(what=", ".join(fixed)))
        noted = [text for had, text in fields if not had]
        if noted and asked == missing(t.intake):  # the same question again: say what was heard
            t.say(texts.NOTED.format(what=", ".join(noted)))
    elif t.intake == before and not t.replies:
        if before.has_age and before.has_day and before.has_time and not before.has_place and t.text:
            t.say(texts.PLACE_NOT_FOUND)
            guesses = t.ctx.suggest_places(t.text)
            if guesses:
                t.say(texts.PLACE_GUESS, tuple(Choice(name, name) for name in guesses), ask_location=True)
                return Step.COLLECT
        elif any(w in t.compact for w in texts.THANKS_WORDS):
            t.say(texts.THANKS)
            return Step.COLLECT
        elif any(w in t.text for w in texts.CARE_WORDS):
            t.say(texts.CARE_HEARD)
        elif t.u.period is not None and not before.has_time:
            pass  # '저녁' alone: the hours are asked in that half of the day
        elif t.text and named_month(t.text, t.now.date()) is None:  # '12월에요': the day of that month is asked next
            t.say(texts.NOT_UNDERSTOOD)
    return ask_next(t)

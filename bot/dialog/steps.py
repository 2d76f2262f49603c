"""The dialog steps, one pure handler each, laid out in one table: a handler reads the turn and returns the next
step, having added the replies and the effects (open a case, forget the parent) that the engine then performs."""

from __future__ import annotations

from collections.abc import Callable

from bot.dialog import texts
from bot.dialog.after import on_done
from bot.dialog.asking import ask_next, resume
from bot.dialog.collect import on_collect
from bot.dialog.filing import on_confirm, on_consent, on_phone
from bot.dialog.intake import Intake, Step
from bot.dialog.turn import Context, Effect, Forget, NoteCase, OpenCase, Turn

__all__ = ["STEPS", "Context", "Effect", "Forget", "NoteCase", "OpenCase", "Turn", "ask_next", "resume"]


def on_forget(t: Turn) -> Step:
    if t.u.yes is None:
        t.say(texts.YES_NO_AGAIN, texts.FORGET_CHOICES)
        return Step.FORGET
    if t.u.yes:
        t.effects.append(Forget(at=len(t.replies)))
        t.intake = Intake()
        return Step.COLLECT
    back = t.intake.back_to or Step.COLLECT
    t.intake = t.intake.evolve(back_to=None, step=back)
    t.say(texts.FORGET_KEPT)
    return resume(t)  # the question that was pending, with its buttons


STEPS: dict[Step, Callable[[Turn], Step]] = {
    Step.COLLECT: on_collect,
    Step.CONSENT: on_consent,
    Step.PHONE: on_phone,
    Step.CONFIRM: on_confirm,
    Step.DONE: on_done,
    Step.FORGET: on_forget,
}

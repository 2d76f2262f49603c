"""The coordinator group on Telegram: case cards with action buttons (an outbox Notifier), /queue, /case, /report."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, filters

from bot.channels.telegram import texts
from bot.channels.telegram.calls import DeliveryError, call_with_retry
from bot.channels.telegram.format import SendCall, split_text
from bot.channels.telegram.group_format import (
    Press,
    action_keyboard,
    history_text,
    outcome_keyboard,
    parse_press,
    queue_text,
)
from bot.coordination import desks
from bot.coordination import texts as queue_texts
from bot.coordination.dispatch import ACTIONS, Action, Note
from bot.coordination.queue import Queue, Refused
from bot.coordination.where import nearest_area
from bot.dialog.particles import ko
from bot.settings import Settings, SettingsError
from db.cases import Change, TransitionRefused
from db.models import CaseRow
from knowledge.schema import Knowledge

log = logging.getLogger(__name__)

# Reminders and escalations are new messages (so the group is pinged), threaded under the case's first card;
# every other kind reports a state change and edits that first card, so it always reads true.
POST_KINDS = frozenset({"new_case", "reminder", "escalation", "not_contacted"})
NEEDS_OUTCOME = (Action.RESOLVE, Action.CLOSE)
CHANGES = {
    Action.CONTACTED: Change.CONTACTED,
    Action.RESOLVE: Change.RESOLVED,
    Action.CLOSE: Change.CLOSED,
    Action.REOPEN: Change.REOPENED,
}
Report = Callable[[], Awaitable[str]]


class CoordinatorGroup:
    """Posts and edits case cards in the coordinators' group and turns button taps into queue operations.
    Only people whose Telegram user id is in coordinators.yaml may act; anyone else is refused, nothing changes."""

    name = "telegram"

    def __init__(
        self,
        application: Application,
        queue: Queue,
        chat_id: int,
        *,
        service_names: Mapping[str, str] | None = None,
        report: Report | None = None,
        knowledge: Callable[[], Knowledge] | None = None,
        retry_delays: Sequence[float] = (1.0, 3.0),
    ) -> None:
        self._bot = application.bot
        self._queue = queue
        self.chat_id = chat_id
        self._service_names = dict(service_names or {})
        self._report = report
        self._knowledge = knowledge
        self._delays = tuple(retry_delays)
        # One tap at a time: two quick taps on one card must edit it in the order they changed the case.
        self._taps = asyncio.Lock()
        application.add_handler(CallbackQueryHandler(self._on_button, pattern=r"^q:"))
        application.add_handler(
            CommandHandler(["queue", "case", "report"], self._on_command, filters=filters.Chat(chat_id=chat_id))
        )

    def menu(self) -> tuple[list[BotCommand], BotCommandScopeChat]:
        """The group's command menu (/queue, /case, /report), shown in this chat only."""
        return [BotCommand(name, about) for name, about in texts.GROUP_COMMAND_MENU], BotCommandScopeChat(self.chat_id)

    # --- the outbox Notifier ---------------------------------------------------------------------------
    async def notify(self, note: Note) -> str | None:
        """Post (new case, reminder, escalation) or edit the case's first card; returns the message id.
        Raises DeliveryError when Telegram cannot be reached, so the dispatcher keeps the note for later."""
        markup = action_keyboard(note.case.id, note.actions)
        editable = note.previous is not None and note.kind not in POST_KINDS
        if editable and await self._edit(int(note.previous or 0), note.text, markup):
            return note.previous
        text = note.text
        if note.recipients:
            text += "\n" + texts.NOTIFY_WHO.format(names=", ".join(c.name for c in note.recipients))
        kwargs: dict[str, Any] = {"chat_id": self.chat_id, "text": split_text(text)[0], "reply_markup": markup}
        if note.previous:
            kwargs["reply_parameters"] = ReplyParameters(int(note.previous), allow_sending_without_reply=True)
        message = await call_with_retry(self._bot, SendCall("send_message", kwargs), self._delays)
        return str(message.message_id)

    async def _edit(self, message_id: int, text: str, markup: InlineKeyboardMarkup | None) -> bool:
        """True once the message shows ``text``; False when it cannot be edited any more (deleted, too old)."""
        call = SendCall(
            "edit_message_text",
            {"chat_id": self.chat_id, "message_id": message_id, "text": split_text(text)[0], "reply_markup": markup},
        )
        try:
            await call_with_retry(self._bot, call, self._delays)
        except DeliveryError as exc:
            if "not modified" in str(exc):
                return True
            if not exc.permanent:
                raise
            log.warning("Coordinator card %s could not be edited (%s); posting a new one", message_id, exc)
            return False
        return True

    # --- buttons and commands ----------------------------------------------------------------------------
    async def _on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        async with self._taps:
            await self._tap(update)

    async def _tap(self, update: Update) -> None:
        query = update.callback_query
        assert query is not None
        press = parse_press(query.data or "")
        message = query.message if isinstance(query.message, Message) else None
        if press is None or message is None or message.chat.id != self.chat_id:
            await self._answer(query.id, "")
            return
        try:  # the group's error boundary: refusals are answered, anything else is logged and apologised for
            who = self._queue.coordinators.by_telegram(query.from_user.id)
            if who is None:
                log.warning("Refused group button %s from Telegram user %s", query.data, query.from_user.id)
                await self._answer(query.id, ko(texts.STRANGER, user_id=query.from_user.id), alert=True)
                return
            case, _ = await self._queue.show(press.case_id, who.name)  # also checks the case is theirs
            if press.action is not None and press.action not in ACTIONS[case.status]:
                raise TransitionRefused(case.id, case.status, CHANGES.get(press.action, Change.NOTE))
            if press.action is None or (press.action in NEEDS_OUTCOME and press.outcome is None):
                picking = press.action is not None
                markup = (
                    outcome_keyboard(case.id, press.action)
                    if press.action
                    else action_keyboard(case.id, ACTIONS[case.status])
                )
                await self._answer(query.id, texts.PICK_OUTCOME.format(id=case.id) if picking else "")
                await self._edit(message.message_id, message.text or "", markup)
                return
            answer, _ = await self._act(press, press.action, who.name)
            # No edit here: the change's outbox note (the dispatcher is kicked by the queue) edits the card once,
            # with the service's and the site's names; editing here too showed the card twice, once with ids.
            await self._answer(query.id, answer)
        except (Refused, LookupError, TransitionRefused) as exc:
            await self._answer(query.id, self._refusal(press, exc), alert=True)
        except Exception:
            log.exception("Coordinator button %s failed", query.data)
            await self._answer(query.id, texts.COORD_APOLOGY, alert=True)

    async def _act(self, press: Press, action: Action, name: str) -> tuple[str, CaseRow]:
        if action is Action.CLAIM:
            result = await self._queue.claim(press.case_id, name)
            return result.message, result.case
        case = await self._queue.update(press.case_id, name, CHANGES[action], outcome=press.outcome)
        return texts.DONE.format(id=case.id, status=queue_texts.STATUS[case.status]), case

    async def _on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None or not message.text:
            return
        command = message.text.split()[0][1:].split("@")[0].lower()
        markup: InlineKeyboardMarkup | None = None
        try:
            who = self._queue.coordinators.by_telegram(user.id)
            if who is None:
                log.warning("Refused /%s from Telegram user %s", command, user.id)
                text = ko(texts.STRANGER, user_id=user.id)
            elif command == "queue":
                text = queue_text(await self._queue.open_cases(who.name), self._queue.tz, self._service)
            elif command == "case":
                if not context.args or not context.args[0].lstrip("#").isdigit():
                    text = texts.CASE_USAGE
                else:
                    case, events = await self._queue.show(int(context.args[0].lstrip("#")), who.name)
                    text = self._card(case) + "\n\n" + history_text(events, self._queue.tz)
                    markup = action_keyboard(case.id, ACTIONS[case.status])
            else:
                text = await (self._report or self._summary)()
        except (Refused, LookupError) as exc:
            text = str(exc)
        except Exception:
            log.exception("Coordinator command %s failed", message.text)
            text = texts.COORD_APOLOGY
        parts = split_text(text)
        for i, part in enumerate(parts):
            kwargs = {"chat_id": self.chat_id, "text": part, "reply_markup": markup if i == len(parts) - 1 else None}
            try:
                await call_with_retry(self._bot, SendCall("send_message", kwargs), self._delays)
            except DeliveryError:
                log.exception("Could not answer /%s in the coordinator group", command)
                return

    # --- helpers ------------------------------------------------------------------------------------
    async def _summary(self) -> str:
        """/report: the city report's summary for the last 30 days, as plain text."""
        from bot.reports.report import build_report, render_summary

        queue = self._queue
        now = queue.clock().astimezone(queue.tz)
        knowledge = self._knowledge() if self._knowledge else None
        report = await build_report(
            queue.store, knowledge, now.date() - timedelta(days=29), now.date(), queue.tz, now=now
        )
        return render_summary(report)

    def _service(self, service_id: str | None) -> str:
        names = self._service_names
        if self._knowledge is not None:  # live, so a service renamed by staff reads right at once
            names = {**names, **{s.id: s.name for s in self._knowledge().services}}
        return names.get(service_id or "", service_id or "미정 (관제탑 판단)")

    def _card(self, case: CaseRow) -> str:
        site = area = None
        if self._knowledge is not None:
            knowledge = self._knowledge()
            site = next((x.name for s in knowledge.services for x in s.sites if x.id == case.site_id), None)
            area = nearest_area(knowledge, case.summary)
        return queue_texts.case_card(case, self._queue.tz, self._service(case.service_id), "status", site, area,
                                     {s: self._service(s) for s in desks.services(case)})

    def _refusal(self, press: Press | None, exc: Exception) -> str:
        if isinstance(exc, TransitionRefused):
            allowed = ", ".join(texts.ACTION_BUTTONS[a] for a in ACTIONS[exc.status]) or "-"
            wanted = texts.ACTION_BUTTONS[press.action] if press and press.action else str(exc.change)
            return queue_texts.BAD_TRANSITION.format(
                id=exc.case_id, now=queue_texts.STATUS[exc.status], to=wanted, allowed=allowed
            )
        if isinstance(exc, LookupError) and press is not None and not str(exc).startswith("접수"):
            return queue_texts.NO_SUCH_CASE.format(id=press.case_id)
        return str(exc)

    async def _answer(self, query_id: str, text: str, *, alert: bool = False) -> None:
        call = SendCall(
            "answer_callback_query", {"callback_query_id": query_id, "text": text[:200] or None, "show_alert": alert}
        )
        try:
            await call_with_retry(self._bot, call, self._delays)
        except DeliveryError as exc:  # the tap already did its work; only the little toast is lost
            log.warning("answerCallbackQuery failed: %s", exc)


def build_group(
    settings: Settings,
    application: Application,
    queue: Queue,
    *,
    service_names: Mapping[str, str] | None = None,
    report: Report | None = None,
    knowledge: Callable[[], Knowledge] | None = None,
) -> CoordinatorGroup | None:
    """The group from COORDINATOR_CHAT_ID (None when it is empty); add it to the dispatcher's notifiers."""
    raw = settings.coordinator_chat_id.strip()
    if not raw:
        return None
    try:
        chat_id = int(raw)
    except ValueError:
        raise SettingsError(f"Setting COORDINATOR_CHAT_ID has value '{raw}'. Not a valid int.") from None
    return CoordinatorGroup(
        application, queue, chat_id, service_names=service_names, report=report, knowledge=knowledge
    )

"""Telegram channel for parents in private chats: an adapter holding a PTB Application, plus the Push."""

from __future__ import annotations

import hmac
import logging
import secrets
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import BotCommand, BotCommandScope, BotCommandScopeAllPrivateChats, Message, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.telegram import texts
from bot.channels.telegram.calls import DeliveryError, Turns, build_application, call_with_retry
from bot.channels.telegram.format import (
    TEXT_LIMIT,
    ChoiceCodec,
    SendCall,
    button_label,
    inbound_from_update,
    offered_choices,
    send_calls,
    utf16_units,
)
from bot.dialog.core import Address, Channel, Dialog, Reply
from bot.settings import Settings

log = logging.getLogger(__name__)
__all__ = ["DeliveryError", "TelegramChannel", "build_application", "build_telegram", "call_with_retry"]

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CHOICE_PATTERN = r"^[ch]:"  # parent buttons; the coordinator group uses other prefixes
ALLOWED_UPDATES = ("message", "callback_query")


class TelegramChannel:
    """Parents' private chats on Telegram, and the Push that brings them follow-ups. Holds a PTB Application
    (shared with the coordinator group); polling when no webhook URL is set, a webhook route otherwise."""

    channel = Channel.TELEGRAM

    def __init__(
        self,
        application: Application,
        dialog: Dialog,
        *,
        webhook_url: str = "",
        webhook_secret: str = "",
        poll_timeout: int = 10,
        retry_delays: Sequence[float] = (1.0, 3.0),
    ) -> None:
        self.application = application
        self.retry_delays = tuple(retry_delays)
        self._dialog = dialog
        self._webhook_url = webhook_url
        # Telegram echoes whatever secret we register, so a random one is as good as a configured one.
        self._secret = webhook_secret or secrets.token_urlsafe(32)
        self._poll_timeout = poll_timeout
        self.polls = True
        """False: another worker polls (one poller per bot token); this one still sends and pushes."""
        self._codec = ChoiceCodec()
        self._offered: OrderedDict[int, dict[str, str]] = OrderedDict()
        self._turns = Turns()
        self.menus: list[tuple[list[BotCommand], BotCommandScope]] = [
            ([BotCommand(name, about) for name, about in texts.COMMAND_MENU], BotCommandScopeAllPrivateChats())
        ]
        """Command menus by scope: the parents' in private chats; the coordinator group adds its own."""
        private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
        application.add_handler(
            MessageHandler(private & (filters.TEXT | filters.LOCATION | filters.CONTACT), self._on_update)
        )
        application.add_handler(CallbackQueryHandler(self._on_update, pattern=CHOICE_PATTERN))
        application.add_error_handler(self._on_error)

    @property
    def webhook_mode(self) -> bool:
        return bool(self._webhook_url)

    async def start(self) -> None:
        """Connect (getMe), then poll or register the webhook; on failure everything opened is closed again."""
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise

    async def _start(self) -> None:
        app = self.application
        await app.initialize()
        # Menus by scope; the default-scope menu an older version set (parents' commands in every chat) goes.
        calls = [SendCall("delete_my_commands", {}),
                 *(SendCall("set_my_commands", {"commands": c, "scope": scope}) for c, scope in self.menus)]
        for call in calls:
            try:
                await call_with_retry(app.bot, call, ())
            except DeliveryError:
                log.warning("Could not set the Telegram command menu (%s)", call.method, exc_info=True)
        if self.webhook_mode:
            await app.bot.set_webhook(self._webhook_url, secret_token=self._secret, allowed_updates=ALLOWED_UPDATES)
        elif self.polls:
            await self.start_polling()
        await app.start()
        log.info("Telegram channel started (%s)", "webhook" if self.webhook_mode else
                 "polling" if self.polls else "not polling: another worker polls")

    async def start_polling(self) -> None:
        app = self.application
        assert app.updater is not None, "polling needs an Application built with an updater"
        await app.updater.start_polling(timeout=self._poll_timeout, allowed_updates=ALLOWED_UPDATES,
                                        bootstrap_retries=3)
        self.polls = True

    async def stop(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    async def __aenter__(self) -> TelegramChannel:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def routes(self) -> list[Route]:
        if not self.webhook_mode:
            return []
        return [Route(urlsplit(self._webhook_url).path or "/telegram", self._on_webhook, methods=["POST"])]

    async def send(self, address: Address, replies: Sequence[Reply]) -> None:
        """Push: deliver follow-ups to a parent; raises DeliveryError so the caller can keep them queued."""
        if address.channel != Channel.TELEGRAM:
            raise ValueError(f"not a Telegram address: {address.key}")
        chat_id = int(address.user)
        async with self._turns.of(chat_id):
            await self._deliver(chat_id, replies)

    async def _on_webhook(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            log.warning("Refused a Telegram webhook call with a wrong secret from %s", request.client)
            return Response(status_code=403)
        try:
            update = Update.de_json(await request.json(), self.application.bot)
        except (ValueError, TypeError, KeyError, AttributeError):
            return Response(status_code=400)
        await self.application.update_queue.put(update)
        return Response()

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None or chat.type != chat.PRIVATE:
            return
        async with self._turns.of(chat.id):
            try:  # the one error boundary: whatever fails, log it and answer politely
                if update.callback_query is not None:
                    await self._acknowledge(update.callback_query)
                inbound = inbound_from_update(update, self._codec, self._offered.get(chat.id, {}))
                if inbound is not None:
                    await self._deliver(chat.id, await self._dialog.handle(inbound))
            except Exception:
                log.exception("Telegram update %s in chat %s failed", update.update_id, chat.id)
                await self._apologise(chat.id)

    async def _acknowledge(self, query: Any) -> None:
        bot = self.application.bot
        calls = [SendCall("answer_callback_query", {"callback_query_id": query.id})]
        label = button_label(query.message, query.data or "")
        if isinstance(query.message, Message) and query.message.text and label:
            # Show what was chosen and drop the buttons, so an earlier step cannot be tapped again.
            text = query.message.text + texts.CHOSEN.format(label=label)
            if utf16_units(text) <= TEXT_LIMIT:
                where = {"chat_id": query.message.chat.id, "message_id": query.message.message_id}
                calls.append(SendCall("edit_message_text", {**where, "text": text}))
        for call in calls:
            try:
                await call_with_retry(bot, call, self.retry_delays)
            except DeliveryError as exc:  # cosmetic; the choice itself still goes to the dialog
                log.warning("Telegram %s failed: %s", call.method, exc)

    async def _deliver(self, chat_id: int, replies: Sequence[Reply]) -> None:
        for reply in replies:
            for call in send_calls(chat_id, reply, self._codec):
                await call_with_retry(self.application.bot, call, self.retry_delays)
            offered = offered_choices(reply)
            if offered is not None:
                self._offered[chat_id] = offered
                self._offered.move_to_end(chat_id)
                while len(self._offered) > 10_000:
                    self._offered.popitem(last=False)

    async def _apologise(self, chat_id: int) -> None:
        try:
            await call_with_retry(
                self.application.bot, SendCall("send_message", {"chat_id": chat_id, "text": texts.APOLOGY}), ()
            )
        except DeliveryError:
            log.exception("Could not send the apology to chat %s", chat_id)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Errors PTB meets outside our handlers (polling, webhook bookkeeping); handler errors never get here.
        log.error("Telegram error outside a handler", exc_info=context.error)


def build_telegram(settings: Settings, dialog: Dialog, *, poll_timeout: int = 10) -> TelegramChannel:
    """The channel as configured: polling unless TELEGRAM_WEBHOOK_URL is set."""
    webhook = bool(settings.telegram_webhook_url)
    application = build_application(
        settings.telegram_bot_token, base_url=settings.telegram_api_base_url, webhook=webhook
    )
    return TelegramChannel(
        application,
        dialog,
        webhook_url=settings.telegram_webhook_url,
        webhook_secret=settings.telegram_webhook_secret,
        poll_timeout=poll_timeout,
    )

"""A fake Telegram Bot API server on 127.0.0.1 for driving the real python-telegram-bot client in tests."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

TOKEN = "123456:TEST-TOKEN"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "돌봄이음", "username": "dolbom_test_bot"}
# Parameters PTB sends as plain strings; every other form field is JSON-encoded by PTB.
_STRING_PARAMS = {"text", "title", "address", "callback_query_id", "url", "secret_token", "description"}


class ApiError(Exception):
    """An error answer of the Bot API, as real Telegram gives it."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


@dataclass
class Call:
    """One request the bot made: the Bot API method name and its decoded parameters."""

    method: str
    params: dict[str, Any]


@dataclass
class FakeBotApi:
    """Serves queued updates over getUpdates, records every call, stores the messages the bot sent."""

    long_poll_cap: float = 0.2
    calls: list[Call] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=lambda: {"url": "", "secret_token": ""})
    menus: dict[str, list[str]] = field(default_factory=dict)
    """Command menus the bot set: its scope (as sorted JSON) -> the commands."""
    port: int = 0
    polls: int = 0
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _next_update_id: int = 1
    _next_message_id: int = 1
    _failures: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    _changed: asyncio.Condition | None = None
    _server: uvicorn.Server | None = None
    _task: asyncio.Task[None] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- lifecycle -------------------------------------------------------------------------------
    async def start(self) -> FakeBotApi:
        self._changed = asyncio.Condition()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        app = Starlette(routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])])
        config = uvicorn.Config(app, lifespan="off", log_level="warning", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        for _ in range(200):
            if self._server.started:
                return self
            await asyncio.sleep(0.01)
        raise RuntimeError("fake Bot API server did not start")

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await asyncio.wait_for(self._task, timeout=5)

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- test controls ---------------------------------------------------------------------------
    def fail_next(self, method: str, status: int = 429, retry_after: int = 1) -> None:
        """Answer the next call of ``method`` with an error (429 carries ``retry_after``)."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": f"fake error {status}"}
        if status == 429:
            body["description"] = f"Too Many Requests: retry after {retry_after}"
            body["parameters"] = {"retry_after": retry_after}
        self._failures.setdefault(method, []).append((status, body))

    async def push_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue one update (``update_id`` is assigned here) for the next getUpdates."""
        assert self._changed is not None
        update = {"update_id": self._next_update_id, **payload}
        self._next_update_id += 1
        async with self._changed:
            self._updates.append(update)
            self._changed.notify_all()
        return update

    async def send_text(self, chat: dict[str, Any], user: dict[str, Any], text: str) -> dict[str, Any]:
        message = self._user_message(chat, user, text=text)
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return await self.push_update({"message": message})

    async def send_location(self, chat: dict[str, Any], user: dict[str, Any], lat: float, lon: float) -> None:
        await self.push_update(
            {"message": self._user_message(chat, user, location={"latitude": lat, "longitude": lon})}
        )

    async def send_contact(self, chat: dict[str, Any], user: dict[str, Any], phone: str) -> None:
        contact = {"phone_number": phone, "first_name": user["first_name"], "user_id": user["id"]}
        await self.push_update({"message": self._user_message(chat, user, contact=contact)})

    async def press(self, chat: dict[str, Any], user: dict[str, Any], label: str) -> dict[str, Any]:
        """Tap the inline button labelled ``label`` on the newest bot message in ``chat`` that has one."""
        for (chat_id, _), message in sorted(self.messages.items(), key=lambda kv: -kv[0][1]):
            if chat_id != chat["id"]:
                continue
            for row in message.get("reply_markup", {}).get("inline_keyboard", []):
                for button in row:
                    if button.get("text") == label and "callback_data" in button:
                        query = {
                            "id": f"cq{self._next_update_id}",
                            "from": user,
                            "chat_instance": f"ci{chat['id']}",
                            "message": message,
                            "data": button["callback_data"],
                        }
                        await self.push_update({"callback_query": query})
                        return query
        raise AssertionError(f"no button {label!r} in chat {chat['id']}: {self.texts(chat['id'])}")

    def has_button(self, chat_id: int, label: str) -> bool:
        return any(
            button.get("text") == label
            for (cid, _), message in self.messages.items()
            if cid == chat_id
            for row in message.get("reply_markup", {}).get("inline_keyboard", [])
            for button in row
        )

    def texts(self, chat_id: int) -> list[str]:
        """The texts (or venue titles) the bot has sent to ``chat_id``, oldest first, as they read now."""
        ordered = sorted((mid, m) for (cid, mid), m in self.messages.items() if cid == chat_id)
        return [m.get("text") or m.get("venue", {}).get("title", "") for _, m in ordered]

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[FakeBotApi], bool], timeout: float = 5.0) -> None:
        """Wait (bounded) until ``predicate(self)`` holds; every recorded call re-checks it."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: predicate(self)), timeout)

    # --- the Bot API -----------------------------------------------------------------------------
    async def _endpoint(self, request: Request) -> JSONResponse:
        method = request.path_params["method"]
        if request.path_params["token"] != TOKEN:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        # PTB posts url-encoded forms (no files here); parsed by hand to need no python-multipart.
        params = _decode({**request.query_params, **dict(parse_qsl((await request.body()).decode()))})
        assert self._changed is not None
        if method == "getUpdates":
            self.polls += 1
            return JSONResponse({"ok": True, "result": await self._get_updates(params)})
        async with self._changed:
            self.calls.append(Call(method, params))
            self._changed.notify_all()
            if self._failures.get(method):
                status, body = self._failures[method].pop(0)
                return JSONResponse(body, status_code=status)
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                return JSONResponse({"ok": False, "error_code": 404, "description": "Not Found"}, status_code=404)
            try:
                return JSONResponse({"ok": True, "result": handler(params)})
            except ApiError as exc:
                body = {"ok": False, "error_code": exc.status, "description": exc.description}
                return JSONResponse(body, status_code=exc.status)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        assert self._changed is not None
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), self.long_poll_cap)
        async with self._changed:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and wait > 0:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._updates)), wait)
                except TimeoutError:
                    return []
            return list(self._updates[: int(params.get("limit") or 100)])

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False}

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._store(params, text=params["text"])

    def _api_sendVenue(self, params: dict[str, Any]) -> dict[str, Any]:
        location = {"latitude": params["latitude"], "longitude": params["longitude"]}
        venue = {"location": location, "title": params["title"], "address": params["address"]}
        return self._store(params, venue=venue, location=location)

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self.messages.get((int(params["chat_id"]), int(params["message_id"])))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message.get("text") == params["text"] and message.get("reply_markup") == params.get("reply_markup"):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message["text"] = params["text"]
        message["edit_date"] = int(time.time())
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        return message

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        scope = params.get("scope") or {"type": "default"}
        self.menus[json.dumps(scope, sort_keys=True)] = [c["command"] for c in params["commands"]]
        return True

    def _api_deleteMyCommands(self, params: dict[str, Any]) -> bool:
        self.menus.pop(json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True), None)
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {"url": params["url"], "secret_token": params.get("secret_token", "")}
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {"url": "", "secret_token": ""}
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook["url"], "has_custom_certificate": False, "pending_update_count": 0}

    # --- helpers ---------------------------------------------------------------------------------
    def _store(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": self._next_message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": BOT_USER,
            **content,
        }
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._next_message_id += 1
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _user_message(self, chat: dict[str, Any], user: dict[str, Any], **content: Any) -> dict[str, Any]:
        message_id = self._next_message_id
        self._next_message_id += 1
        return {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": user, **content}


def _decode(form: dict[str, Any]) -> dict[str, Any]:
    decoded: dict[str, Any] = {}
    for key, value in form.items():
        if key in _STRING_PARAMS or not isinstance(value, str):
            decoded[key] = value
            continue
        try:
            decoded[key] = json.loads(value)
        except ValueError:
            decoded[key] = value
    return decoded


def private_chat(user_id: int, name: str = "부모") -> tuple[dict[str, Any], dict[str, Any]]:
    """A private chat and its user, as Telegram shapes them."""
    user = {"id": user_id, "is_bot": False, "first_name": name}
    return {"id": user_id, "type": "private", "first_name": name}, user


def group_chat(chat_id: int, title: str = "돌봄 코디네이터") -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": title}


def user(user_id: int, name: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": name}

"""Kakao Event API: tells Kakao to run our event block for one parent; no personal data or text leaves."""

from __future__ import annotations

import httpx

from bot.dialog.core import Channel
from bot.settings import Settings


class PushRefused(RuntimeError):
    """The Event API did not accept the push (an HTTP error, or ``"status": "FAIL"``); the caller retries,
    except when ``permanent`` (a 4xx other than 429: a wrong key or bot id will not heal by waiting)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def event_request(event: str, user: str, ref: str) -> dict[str, object]:
    """The request body: the event block's name, an opaque message id, and the parent's botUserKey. Nothing
    else: the words reach the parent only in our skill's answer when Kakao runs the block."""
    return {"event": {"name": event, "data": {"ref": ref}}, "user": [{"type": "botUserKey", "id": user}]}


def accepted(status: int, body: object) -> str | None:
    """The task id of an accepted push; raises PushRefused for a non-2xx answer or a FAIL status."""
    if not 200 <= status < 300:
        raise PushRefused(f"HTTP {status}", permanent=400 <= status < 500 and status != 429)
    data = body if isinstance(body, dict) else {}
    if str(data.get("status", "")).upper() == "FAIL":
        raise PushRefused(f"status FAIL: {data.get('message', '')}"[:300])
    task = data.get("taskId")
    return None if task is None else str(task)


class KakaoPush:
    """An EventPush (bot/coordination/delivery.py) over httpx: one POST per message, never retried here (the
    delivery runner owns retries, so one message can never cause two pushes at once)."""

    channel = Channel.KAKAO

    def __init__(self, settings: Settings, *, timeout: float = 10.0, client: httpx.AsyncClient | None = None) -> None:
        self.url = f"{settings.kakao_event_api_url.rstrip('/')}/v2/bots/{settings.kakao_bot_id}/talk"
        self.event = settings.kakao_event_name
        self._headers = {"Authorization": f"KakaoAK {settings.kakao_rest_api_key}",
                         "Content-Type": "application/json"}
        self._client = client or httpx.AsyncClient(timeout=timeout)

    async def trigger(self, user: str, ref: str) -> str | None:
        try:
            response = await self._client.post(self.url, headers=self._headers,
                                               json=event_request(self.event, user, ref))
        except httpx.HTTPError as exc:
            raise PushRefused(f"{type(exc).__name__}: {exc}") from exc
        try:
            body = response.json()
        except ValueError:
            body = None
        return accepted(response.status_code, body)

    async def close(self) -> None:
        await self._client.aclose()

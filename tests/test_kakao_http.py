"""The Kakao skill over HTTP: secret, bad requests, the error boundary and the time budget, on the shared app."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import httpx
import pytest

from bot.channels.kakao.skill import kakao_routes
from bot.dialog import texts as ko
from bot.dialog.core import Choice, Inbound, Reply
from bot.settings import Settings
from bot.shell.web import build_web

FIXTURES = Path(__file__).parent / "fixtures" / "kakao"
SECRET = "s3cret-for-tests"


def payload(name: str = "text.json", **request: object) -> dict:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    data["userRequest"].update(request)
    return data


class EchoDialog:
    """Answers with what it understood, so a test sees the Inbound the channel built."""

    def __init__(self) -> None:
        self.seen: list[Inbound] = []

    async def handle(self, inbound: Inbound) -> list[Reply]:
        self.seen.append(inbound)
        return [Reply(f"받음: {inbound.choice or inbound.text}", choices=(Choice("다시", "again"),))]


class BrokenDialog:
    async def handle(self, inbound: Inbound) -> list[Reply]:
        raise RuntimeError("store is gone")


class SlowDialog:
    """Its first turn waits until the test releases it; later turns answer at once."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.finished: list[str] = []

    async def handle(self, inbound: Inbound) -> list[Reply]:
        if not self.finished and not self.release.is_set():
            await self.release.wait()
        self.finished.append(inbound.text)
        return [Reply(f"답: {inbound.text}")]


def client(dialog: object, **settings: object) -> httpx.AsyncClient:
    app = build_web(kakao_routes(dialog, Settings(**settings)))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def texts(response: httpx.Response) -> list[str]:
    return [o["simpleText"]["text"] for o in response.json()["template"]["outputs"]]


async def test_text_and_quick_reply_reach_the_dialog() -> None:
    dialog = EchoDialog()
    async with client(dialog) as http:
        plain = await http.post("/kakao/skill", json=payload())
        tapped = await http.post("/kakao/skill", json=payload("quick_reply.json"))
    assert plain.status_code == 200
    assert plain.headers["content-type"] == "application/json"
    assert texts(plain) == ["받음: 내일 저녁에 4살 아이 맡길 곳이 있을까요?"]
    assert plain.json()["template"]["quickReplies"][0]["extra"] == {"choice": "again"}
    assert texts(tapped) == ["받음: 오후 6시부터 밤 10시까지"]
    assert dialog.seen[1].address.key.startswith("kakao:9f3c2a7b")


async def test_secret_is_required_when_configured() -> None:
    dialog = EchoDialog()
    async with client(dialog, kakao_secret=SECRET, kakao_secret_header="X-Skill-Secret") as http:
        missing = await http.post("/kakao/skill", json=payload())
        wrong = await http.post("/kakao/skill", json=payload(), headers={"X-Skill-Secret": "guess"})
        right = await http.post("/kakao/skill", json=payload(), headers={"X-Skill-Secret": SECRET})
    assert missing.status_code == wrong.status_code == 401
    assert missing.json() == {"error": "unauthorized"}
    assert right.status_code == 200
    assert len(dialog.seen) == 1


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"{not json", "invalid JSON"),
        (b"\xff\xfe", "invalid JSON"),
        (json.dumps({"userRequest": {"utterance": "hi"}}).encode(), "missing userRequest.user.id"),
        (json.dumps({"userRequest": {"user": {"id": "u1"}}}).encode(), "missing userRequest.utterance"),
    ],
)
async def test_bad_requests_get_400_json(body: bytes, error: str) -> None:
    dialog = EchoDialog()
    async with client(dialog) as http:
        response = await http.post("/kakao/skill", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {"error": error}
    assert dialog.seen == []


async def test_dialog_failure_is_logged_and_answered_politely(caplog: pytest.LogCaptureFixture) -> None:
    async with client(BrokenDialog()) as http:
        with caplog.at_level(logging.ERROR, logger="bot.channels.kakao.skill"):
            response = await http.post("/kakao/skill", json=payload())
    assert response.status_code == 200
    assert response.json()["version"] == "2.0"
    assert texts(response) == [ko.KAKAO_ERROR_TEXT]
    assert "store is gone" in caplog.text  # the traceback is in the log


async def test_slow_turn_answers_within_budget_and_completes_in_background() -> None:
    dialog = SlowDialog()
    loop = asyncio.get_running_loop()
    async with client(dialog, kakao_budget_seconds=0.05) as http:
        started = loop.time()
        first = await http.post("/kakao/skill", json=payload(utterance="4살이에요"))
        elapsed = loop.time() - started
        assert first.status_code == 200
        assert texts(first) == [ko.KAKAO_TIMEOUT_TEXT]
        assert elapsed < 2
        assert dialog.finished == []

        dialog.release.set()
        for _ in range(100):  # let the background turn finish; no sleeping on the clock
            if dialog.finished:
                break
            await asyncio.sleep(0)
        assert dialog.finished == ["4살이에요"]

        # Kakao cannot push: the late answer comes before the answer to the next message.
        second = await http.post("/kakao/skill", json=payload(utterance="내일이요"))
        third = await http.post("/kakao/skill", json=payload(utterance="저녁이요"))
    assert texts(second) == ["답: 4살이에요\n\n답: 내일이요"]
    assert texts(third) == ["답: 저녁이요"]


async def test_late_answers_are_kept_per_user() -> None:
    dialog = SlowDialog()
    async with client(dialog, kakao_budget_seconds=0.05) as http:
        await http.post("/kakao/skill", json=payload(utterance="첫 말"))
        dialog.release.set()
        for _ in range(100):
            if dialog.finished:
                break
            await asyncio.sleep(0)
        other = await http.post("/kakao/skill", json=payload("callback.json", utterance="다른 부모"))
    assert texts(other) == ["답: 다른 부모"]


async def test_healthz_and_no_html_error_pages() -> None:
    async with client(EchoDialog()) as http:
        health = await http.get("/healthz")
        wrong_method = await http.get("/kakao/skill")
    assert health.json() == {"status": "ok"}
    assert wrong_method.status_code == 405


class KakaoParent:
    """Talks to the skill as KakaoTalk does: posts utterances and taps quick replies (their text and extra)."""

    def __init__(self, http: httpx.AsyncClient, user_id: str) -> None:
        self.http = http
        self.user_id = user_id
        self.last: dict = {}

    async def say(self, text: str, extra: dict | None = None) -> dict:
        body = payload(utterance=text, user={"id": self.user_id, "type": "botUserKey", "properties": {}})
        body["action"]["clientExtra"] = extra
        response = await self.http.post("/kakao/skill", json=body)
        assert response.status_code == 200, response.text
        self.last = response.json()
        return self.last

    async def tap(self, text: str) -> dict:
        quick = self.last["template"].get("quickReplies", [])
        found = next((q for q in quick if q["messageText"] == text), None)
        assert found, f"no quick reply {text!r} in {[q['messageText'] for q in quick]}"
        assert len(found["label"]) <= 14
        return await self.say(found["messageText"], found["extra"])

    @property
    def cards(self) -> list[dict]:
        return [o["textCard"] for o in self.last["template"]["outputs"] if "textCard" in o]

    @property
    def text(self) -> str:
        parts = []
        for output in self.last["template"]["outputs"]:
            if "simpleText" in output:
                parts.append(output["simpleText"]["text"])
            for card in [output.get("textCard", {}), *output.get("carousel", {}).get("items", [])]:
                parts += [card.get("title", ""), card.get("description", "")]
        return "\n".join(parts)


async def test_full_intake_over_http_creates_a_case(engine, store, settings) -> None:
    app = build_web(kakao_routes(engine, settings))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        parent = KakaoParent(http, "botuser-intake-1")
        await parent.say("안녕하세요")
        assert "몇 살" in parent.text
        await parent.tap("3~5살")
        assert "언제" in parent.text
        await parent.tap("내일")
        assert "몇 시부터" in parent.text
        await parent.tap("저녁 (18시~22시)")
        assert "동네" in parent.text
        await parent.tap("대곡동")
        (card,) = parent.cards
        assert card["title"].startswith("365어린이집")
        assert any(b["action"] == "phone" and b["phoneNumber"] for b in card["buttons"])
        assert "365어린이집 센트럴자이" in parent.text
        assert "개인정보" in parent.text
        await parent.tap("동의하고 접수")
        await parent.tap("채팅으로 받기")
        assert "이대로 접수할까요" in parent.text
        await parent.tap("네, 접수할게요")
        assert "접수번호" in parent.text
    (case,) = await store.cases_for_user("kakao:botuser-intake-1")
    assert case.channel == "kakao"
    assert case.contact == {"route": "chat", "phone": None}
    assert case.care_date is not None and case.care_date.isoformat() == "2026-11-25"

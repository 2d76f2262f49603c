"""The Kakao skill's bounds: id length, body size, nesting depth and methods, every answer JSON."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.channels.kakao.skill import MAX_BODY_BYTES
from tests.test_kakao_http import EchoDialog, client, payload


async def test_a_user_id_over_70_characters_is_refused_with_json() -> None:
    dialog = EchoDialog()
    async with client(dialog) as http:
        ok = await http.post("/kakao/skill", json=payload(user={"id": "k" * 70}))
        long = await http.post("/kakao/skill", json=payload(user={"id": "k" * 71}))
        huge = await http.post("/kakao/skill", json=payload(user={"id": "k" * 900_000}))
    assert ok.status_code == 200
    assert long.status_code == 400 and "70" in long.json()["error"]
    assert huge.status_code == 413 and huge.json()["error"]
    assert [i.address.user for i in dialog.seen] == ["k" * 70]


async def chunks(data: bytes, size: int = 65536) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


@pytest.mark.parametrize("size", [MAX_BODY_BYTES + 1, 10_000_000])
async def test_a_body_over_the_limit_gets_a_json_413(size: int) -> None:
    body = json.dumps(payload(utterance="가" * size))
    async with client(EchoDialog()) as http:
        answer = await http.post("/kakao/skill", content=body, headers={"content-type": "application/json"})
        # Without a Content-Length: the limit holds while the body arrives.
        streamed = await http.post("/kakao/skill", content=chunks(body.encode()))
    for a in (answer, streamed):
        assert a.status_code == 413 and a.headers["content-type"] == "application/json" and a.json()["error"]


async def test_deeply_nested_json_gets_a_json_400() -> None:
    async with client(EchoDialog()) as http:
        answer = await http.post("/kakao/skill", content=b"[" * 60_000 + b"]" * 60_000)
        nested = await http.post("/kakao/skill", content=b'{"a":' * 6_000 + b"1" + b"}" * 6_000)
    assert answer.status_code == 400 and answer.json() == {"error": "invalid JSON"}
    assert nested.status_code == 400 and nested.headers["content-type"] == "application/json"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
async def test_wrong_methods_get_a_json_405(method: str) -> None:
    async with client(EchoDialog()) as http:
        answer = await http.request(method, "/kakao/skill")
    assert answer.status_code == 405 and answer.json()["error"] and answer.headers["allow"] == "POST"


async def test_unknown_paths_answer_json_too() -> None:
    async with client(EchoDialog()) as http:
        answer = await http.get("/kakao/nothing")
    assert answer.status_code == 404 and answer.json()["error"]


def test_client_is_reused_from_the_http_tests() -> None:
    assert isinstance(client(EchoDialog()), httpx.AsyncClient)

"""`dolbom queue/case/claim/update`: what a coordinator sees, and refusals for anyone else."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.coordination import command as coordcli
from bot.settings import Settings
from db import NewCase
from db.sqlite.store import SQLiteStore

T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
YAML = """
coordinators:
  - {name: 가족여성팀, control: true}
  - {name: 이담당, services: [daycare-365]}
  - {name: 박담당, services: [home-care]}
"""


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dolbom")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("queue", "case", "claim", "update"):
        coordcli.add_arguments(sub.add_parser(name))
    return parser.parse_args(argv)


@pytest.fixture
async def settings(tmp_path: Path) -> Settings:
    (tmp_path / "coordinators.yaml").write_text(YAML, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "c.sqlite3", coordinators_path=tmp_path / "coordinators.yaml")
    store = await SQLiteStore.open(settings.db_path)
    for user, service, urgent in (("telegram:1", "daycare-365", False), ("kakao:2", "home-care", True)):
        await store.create_case(NewCase(
            user_key=user, channel=user.split(":")[0], service_id=service, site_id=None, urgent=urgent, danger=False,
            area="율곡동", children=({"age_months": 30},), summary={"why": "x"}, summary_text="만 2세, 내일 오전",
            contact={"route": "phone", "phone": "010-2222-3333"}, consent_at=T0, created_at=T0,
            care_date=date(2026, 11, 25)), "{}")
    await store.close()
    return settings


async def test_queue_lists_the_coordinators_open_cases(settings: Settings, capsys: pytest.CaptureFixture) -> None:
    assert await coordcli.run(parse("queue", "--as", "가족여성팀"), settings) == 0
    out = capsys.readouterr().out
    assert "#2" in out and "[긴급]" in out and "#1" in out
    assert out.index("#2") < out.index("#1"), "urgent cases first"

    assert await coordcli.run(parse("queue", "--as", "이담당", "--json"), settings) == 0
    [case] = json.loads(capsys.readouterr().out)
    assert (case["id"], case["service_id"], case["contact"]["phone"]) == (1, "daycare-365", "010-2222-3333")

    assert await coordcli.run(parse("queue", "--as", "가족여성팀", "--urgent", "--json"), settings) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [2]


async def test_queue_pages_with_a_keyset(settings: Settings, capsys: pytest.CaptureFixture) -> None:
    assert await coordcli.run(parse("queue", "--as", "가족여성팀", "--limit", "1"), settings) == 0
    out = capsys.readouterr().out
    assert "#2" in out and "#1 " not in out
    assert "열린 접수는 모두 2건입니다. 다음 쪽: dolbom queue --after 2" in out
    assert await coordcli.run(parse("queue", "--as", "가족여성팀", "--limit", "1", "--after", "2"), settings) == 0
    out = capsys.readouterr().out
    assert "#1" in out and "#2" not in out and "다음 쪽" not in out
    assert await coordcli.run(parse("queue", "--as", "가족여성팀", "--after", "1", "--json"), settings) == 0
    assert json.loads(capsys.readouterr().out) == []


async def test_claim_update_and_history(settings: Settings, capsys: pytest.CaptureFixture) -> None:
    assert await coordcli.run(parse("claim", "1", "--as", "이담당"), settings) == 0
    assert "접수 #1: 이담당 님이 맡았습니다." in capsys.readouterr().out
    assert await coordcli.run(parse("claim", "1", "--as", "가족여성팀"), settings) == 1
    assert "이미 이담당 님이 맡았습니다" in capsys.readouterr().out
    assert await coordcli.run(parse("update", "1", "--as", "이담당", "--status", "resolved"), settings) == 1
    assert "--outcome" in capsys.readouterr().err
    assert await coordcli.run(parse("update", "1", "--as", "이담당", "--status", "contacted", "--note", "통화함"),
                              settings) == 0
    assert await coordcli.run(parse("update", "1", "--as", "이담당", "--status", "resolved", "--outcome", "placed"),
                              settings) == 0
    assert "처리 완료" in capsys.readouterr().out
    assert await coordcli.run(parse("case", "1", "--as", "이담당"), settings) == 0
    out = capsys.readouterr().out
    assert "만 2세, 내일 오전" in out and "010-2222-3333" in out
    assert "이담당  contacted claimed→contacted  (통화함)" in out

    assert await coordcli.run(parse("case", "1", "--as", "이담당", "--json"), settings) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["kind"] for e in data["history"]] == ["created", "claimed", "contacted", "resolved"]


async def test_a_bad_transition_says_what_is_possible(settings: Settings, capsys: pytest.CaptureFixture) -> None:
    assert await coordcli.run(parse("update", "1", "--as", "이담당", "--status", "contacted"), settings) == 1
    assert "'접수됨 (담당자 배정 전)' 상태라서 'contacted' 상태로 바꿀 수 없습니다. 가능한 다음 상태: closed" in (
        capsys.readouterr().err
    )
    assert await coordcli.run(parse("update", "1", "--as", "이담당", "--status", "closed"), settings) == 0
    assert await coordcli.run(parse("claim", "1", "--as", "이담당"), settings) == 1
    assert "'종료' 상태라서 'claimed' 상태로 바꿀 수 없습니다. 가능한 다음 상태: reopened" in capsys.readouterr().err


async def test_refusals(settings: Settings, capsys: pytest.CaptureFixture) -> None:
    assert await coordcli.run(parse("queue", "--as", "아무개"), settings) == coordcli.EXIT_REFUSED
    assert "등록된 코디네이터가 아닙니다" in capsys.readouterr().err
    assert await coordcli.run(parse("queue"), settings) == coordcli.EXIT_REFUSED
    assert "--as" in capsys.readouterr().err
    assert await coordcli.run(parse("case", "1", "--as", "박담당"), settings) == coordcli.EXIT_REFUSED
    err = capsys.readouterr().err
    assert "담당 서비스가 아닙니다" in err and "010-2222-3333" not in err
    assert await coordcli.run(parse("claim", "1", "--as", "박담당"), settings) == coordcli.EXIT_REFUSED
    assert await coordcli.run(parse("case", "99", "--as", "가족여성팀"), settings) == 1
    assert "접수 #99: 찾을 수 없습니다." in capsys.readouterr().err
    store = await SQLiteStore.open(settings.db_path)
    try:
        assert (await store.case(1)).claimed_by is None  # type: ignore[union-attr]
    finally:
        await store.close()


async def test_the_command_line_writes_the_access_log_without_personal_content(settings: Settings,
                                                                               capsys: pytest.CaptureFixture) -> None:
    import sqlite3

    assert await coordcli.run(parse("claim", "1", "--as", "이담당"), settings) == 0
    assert await coordcli.run(parse("case", "1", "--as", "이담당"), settings) == 0
    assert await coordcli.run(parse("update", "1", "--as", "이담당", "--status", "note", "--note", "어머니 통화"),
                              settings) == 0
    assert await coordcli.run(parse("case", "2", "--as", "이담당"), settings) == 3  # another service's case
    with sqlite3.connect(settings.db_path) as conn:
        rows = conn.execute("SELECT who, ip, action, case_id FROM access_log ORDER BY id").fetchall()
    assert rows == [("이담당", "cli", "claim", 1), ("이담당", "cli", "view_case", 1),
                    ("이담당", "cli", "update:note", 1), ("이담당", "cli", "refused", 2)]
    assert not any("통화" in str(r) or "010" in str(r) for r in rows)

"""The terminal channel: numbered choices, piped input one message per line, clean exit at end of input."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from bot.channels.terminal import TerminalChat, render, to_inbound
from bot.dialog.core import Address, Channel, Choice, Link, Reply
from bot.dialog.engine import Engine
from db.store import Store

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = Address(Channel.CONSOLE, "t")


def test_choices_print_as_numbers_and_a_number_picks_one() -> None:
    text, choices = render([Reply("몇 살?", choices=(Choice("3~5살", "4살"), Choice("초등", "초2")))])
    assert "1) 3~5살  2) 초등" in text and len(choices) == 2
    picked = to_inbound("2", choices, ADDRESS)
    assert (picked.text, picked.choice) == ("초등", "초2")
    assert to_inbound("7", choices, ADDRESS).choice is None  # out of range stays a message
    assert to_inbound("율곡동", choices, ADDRESS).text == "율곡동"
    # numbers int() refuses or would take long to read stay messages (found by the hypothesis input suite)
    assert to_inbound("0" * 4301, choices, ADDRESS).text == "0" * 4301
    assert to_inbound("²", choices, ADDRESS).choice is None


def test_cards_show_their_title_and_phone_links() -> None:
    text, _ = render([Reply("추천", card_title="365어린이집", links=(Link("전화", phone="042-234-5678"),))])
    assert "[365어린이집]" in text and "042-234-5678" in text


async def test_piped_conversation_reaches_a_case(engine: Engine, store: Store) -> None:
    stdin = io.StringIO("4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요\n1\n채팅으로 받기\n1\n")
    stdout = io.StringIO()
    await TerminalChat(engine, user="pipe", stdin=stdin, stdout=stdout).run()
    out = stdout.getvalue()
    assert "365어린이집 율곡" in out and "접수번호는 1번" in out
    (case,) = await store.cases_for_user("console:pipe")
    assert case.service_id == "daycare-365"


def test_dolbom_chat_runs_from_a_pipe_and_exits_at_end_of_input(tmp_path: Path) -> None:
    env = {"DOLBOM_DB_PATH": str(tmp_path / "chat.sqlite3"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot.shell.cli", "chat", "--now", "2026-11-24T14:00"],
        input="장난감 빌리고 싶어요\n초2 아이 내일 오후 3시부터 7시까지 율곡동\n",
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "장난감도서관" in done.stdout and "다함께돌봄센터" in done.stdout
    assert (tmp_path / "chat.sqlite3").exists()


def test_ctrl_c_in_dolbom_chat_ends_without_a_traceback(tmp_path: Path) -> None:
    import signal
    import time

    env = {"DOLBOM_DB_PATH": str(tmp_path / "c.sqlite3"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "bot.shell.cli", "chat", "--now", "2026-11-24T14:00"], cwd=ROOT,
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("4살\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    seen = ""
    while "언제" not in seen:  # the first answer is out: the chat waits for the next line
        assert time.monotonic() < deadline, seen
        seen += proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err and "KeyboardInterrupt" not in err, err


async def test_numbered_choices_still_work_after_a_restart(store: Store, queue, settings, clock, knowledge) -> None:  # type: ignore[no-untyped-def]
    from bot.dialog.engine import FixedKnowledge

    def fresh() -> Engine:  # a new engine: nothing of the last run in memory
        return Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge), settings=settings, clock=clock)

    first = io.StringIO()
    await TerminalChat(fresh(), user="again", stdin=io.StringIO("4살\n"), stdout=first).run()
    assert "3) 내일" in first.getvalue()
    again = io.StringIO()
    await TerminalChat(fresh(), user="again", stdin=io.StringIO("3\n"), stdout=again).run()
    assert "몇 시부터" in again.getvalue()


def test_no_parent_session_shows_a_coordinator_alert(tmp_path: Path) -> None:
    env = {"DOLBOM_DB_PATH": str(tmp_path / "two.sqlite3"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def session(user: str, text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot.shell.cli", "chat", "--user", user, "--now",
                               "2026-11-24T14:00"], input=text, capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=60)

    first = session("a", "4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요\n1\n전화로 받기\n010-4321-8765\n1\n")
    assert "접수번호는 1번" in first.stdout, first.stdout + first.stderr
    second = session("b", "4살\n")
    assert "4321" not in second.stdout + second.stderr  # the other parent's number, in any form
    for done in (first, second):  # the alert goes to coordinators (`dolbom serve`), not into a parent's terminal
        assert done.returncode == 0 and "코디네이터 알림" not in done.stdout + done.stderr

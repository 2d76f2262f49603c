"""The console over HTTP (httpx ASGITransport): every route against every role, CSRF, lockout, idle logout, log."""

from __future__ import annotations

import re

import pytest
from test_console_setup import (
    CONTROL,
    DAYCARE,
    HOMECARE,
    PASSWORD,
    Setup,
    a_case,
    build,
    client,
    csrf_of,
    form,
    logged_in,
    login,
)

from bot.console.access import ROUTES, Rule
from bot.console.sessions import COOKIE

ROLES = (None, DAYCARE, HOMECARE, CONTROL)


@pytest.fixture
async def s(store, queue, knowledge, settings, clock) -> Setup:
    setup = await build(store, queue, knowledge, settings)
    await store.create_case(a_case("daycare-365", clock(), user="kakao:day"), "{}")   # 1
    await store.create_case(a_case("home-care", clock(), user="kakao:home"), "{}")    # 2
    await store.create_case(a_case(None, clock(), user="kakao:none", months=20, area="개령면"), "{}")  # 3
    return setup


def allowed(rule: Rule, role: str | None) -> bool:
    """Case routes are asked for case 1 (365어린이집): its coordinator and the control tower only."""
    if rule is Rule.PUBLIC:
        return True
    if role is None:
        return False
    if rule in (Rule.CONTROL, Rule.CONTROL_CASE):
        return role == CONTROL
    if rule is Rule.CASE:
        return role in (DAYCARE, CONTROL)
    return True


BODY = {"claim": {}, "update": {"change": "note", "note": "메모"}, "remind": {"at": "2026-11-25T09:00"},
        "reply": {"text": "안녕하세요"}, "assign": {"to": DAYCARE}, "logout": {}}


@pytest.mark.parametrize("role", ROLES, ids=["anonymous", "daycare", "homecare", "control"])
@pytest.mark.parametrize("spec", [r for r in ROUTES if r.name not in ("login", "login_page")], ids=lambda r: r.name)
async def test_every_route_checks_the_role_from_the_table(s: Setup, spec, role) -> None:
    path = spec.path.replace("{case_id:int}", "1")
    async with client(s.web) as c:
        csrf = ""
        if role is not None:
            assert (await login(c, role)).status_code == 303
            csrf = await csrf_of(c)
        if spec.name == "events":
            async def one_event():  # the real stream never ends; the browser tests use it
                yield {"event": "hello", "data": "ok"}

            s.console.live.stream = one_event  # type: ignore[method-assign]
        if spec.method == "GET":
            r = await c.get(path)
        else:
            r = await c.post(path, data=form(csrf, **BODY.get(spec.name, {})))
    if role is None:
        assert r.status_code in (303, 401) and "login" in (r.headers.get("location", "") + r.headers.get(
            "hx-redirect", ""))
    elif allowed(spec.rule, role):
        assert r.status_code in (200, 303, 400, 409), r.text[:300]
    else:
        assert r.status_code in (403, 404)
        assert "비밀요약" not in r.text and "010-1234-5678" not in r.text


async def test_a_home_care_coordinator_sees_nothing_of_a_daycare_case(s: Setup) -> None:
    async for c, _ in logged_in(s.web, HOMECARE):
        page = await c.get("/console/cases/1")
        assert page.status_code == 404 and "kakao:day" not in page.text and "비밀요약" not in page.text
        rows = await c.get("/console/rows?view=all")
        assert "#2" in rows.text and "#1<" not in rows.text and "#3<" not in rows.text
        assert (await c.get("/console/rows?number=1")).text.count('data-case="') == 0
    log = await s.console.access.entries()
    assert [(e.who, e.action, e.case) for e in log if e.action.startswith("refused")] == [
        (HOMECARE, "refused:case_page", 1)]


async def test_state_changes_without_the_csrf_token_are_refused(s: Setup) -> None:
    async for c, csrf in logged_in(s.web, DAYCARE):
        assert (await c.post("/console/cases/1/claim", data={})).status_code == 403
        assert (await c.post("/console/cases/1/claim", data={"csrf": "forged"})).status_code == 403
        assert (await s.store.case(1)).status == "new"  # type: ignore[union-attr]
        assert (await c.post("/console/cases/1/claim", data={"csrf": csrf})).status_code == 303
        assert (await s.store.case(1)).claimed_by == DAYCARE  # type: ignore[union-attr]
    async with client(s.web) as c:
        r = await c.post("/console/login", data={"username": DAYCARE, "password": PASSWORD})
        assert r.status_code == 403 and COOKIE not in r.headers.get("set-cookie", "")


async def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(s: Setup, clock) -> None:
    async with client(s.web) as c:
        for _ in range(4):
            r = await login(c, DAYCARE, "wrong-password-x")
            assert r.status_code == 401 and "맞지 않습니다" in r.text
        r = await login(c, DAYCARE, "wrong-password-x")
        assert r.status_code == 423 and "계정이 잠겼습니다. 15분 뒤" in r.text
        r = await login(c, DAYCARE)
        assert r.status_code == 423 and COOKIE not in r.headers.get("set-cookie", "")
        clock.advance(minutes=16)
        assert (await login(c, DAYCARE)).status_code == 303
    actions = [e.action for e in await s.console.access.entries(who=DAYCARE)]
    assert actions == ["login_failed"] * 4 + ["lockout", "lockout", "login"]


async def test_thirty_idle_minutes_log_out_and_the_login_page_says_so(s: Setup, clock) -> None:
    async with client(s.web) as c:
        await login(c, DAYCARE)
        clock.advance(minutes=29)
        assert (await c.get("/console/")).status_code == 200
        clock.advance(minutes=29)
        assert (await c.get("/console/")).status_code == 200  # activity restarted the timer
        clock.advance(minutes=31)
        r = await c.get("/console/")
        assert r.status_code == 303 and r.headers["location"] == "/console/login?idle=1"
        assert "30분 동안 사용하지 않아" in (await c.get("/console/login?idle=1")).text
        assert (await c.get("/console/")).status_code == 303
    assert [e.action for e in await s.console.access.entries(who=DAYCARE)] == ["login", "logout_idle"]


async def test_live_reloads_do_not_keep_an_idle_console_logged_in(s: Setup, clock) -> None:
    async with client(s.web) as c:
        await login(c, DAYCARE)
        live = {"HX-Request": "true", "HX-Trigger": "rows"}
        for _ in range(2):
            clock.advance(minutes=12)
            assert (await c.get("/console/rows?view=unclaimed", headers=live)).status_code == 200
        clock.advance(minutes=12)  # 36 minutes since the person last did anything
        r = await c.get("/console/rows?view=unclaimed", headers=live)
        assert r.status_code == 401 and r.headers["hx-redirect"] == "/console/login?idle=1"


async def test_a_failed_login_under_an_unknown_name_is_logged_without_that_name(s: Setup) -> None:
    async with client(s.web) as c:
        await login(c, "dolbom-test-pass-1", "x")
    assert [(e.who, e.action) for e in await s.console.access.entries()] == [("(unknown)", "login_failed")]


async def test_a_disabled_account_cannot_log_in_and_its_open_session_ends(s: Setup) -> None:
    async for c, _ in logged_in(s.web, DAYCARE):
        await s.console.accounts.disable(DAYCARE)
        assert (await c.get("/console/")).status_code == 303
        r = await login(c, DAYCARE)
        assert r.status_code == 401 and "사용 중지된 계정" in r.text


async def test_session_cookie_is_httponly_lax_and_secure_behind_https(store, queue, knowledge, settings) -> None:
    import dataclasses

    async with client((await build(store, queue, knowledge, settings)).web) as c:
        cookie = (await login(c, DAYCARE)).headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    https = dataclasses.replace(settings, public_url="https://dolbom.example.kr")
    async with client((await build(store, queue, knowledge, https)).web, scheme="https") as c:
        cookie = (await login(c, DAYCARE)).headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie


async def test_queue_views_filters_and_the_unclaimed_count(s: Setup, clock) -> None:
    await s.store.create_case(a_case("daycare-365", clock(), user="kakao:d2", danger=True, area="자산동"), "{}")  # 4
    async for c, csrf in logged_in(s.web, DAYCARE):
        page = await c.get("/console/")
        assert "<title>(2) 미배정 · 돌봄이음</title>" in page.text
        assert 'data-case="4"' in page.text and 'data-case="1"' in page.text and "위험" in page.text
        await c.post("/console/cases/1/claim", data={"csrf": csrf})
        mine = await c.get("/console/rows?view=mine")
        assert 'data-case="1"' in mine.text and 'data-case="4"' not in mine.text
        assert "<title>(1) 미배정" in mine.text
        urgent = await c.get("/console/rows?view=urgent")
        assert 'data-case="4"' in urgent.text and 'data-case="1"' not in urgent.text
        area = await c.get("/console/rows?view=all&area=자산동")
        assert 'data-case="4"' in area.text and 'data-case="1"' not in area.text
        row = (await c.get("/console/rows?number=1")).text
        assert "#1" in row and "4세" in row and "2026-11-24 19:00-22:00" in row and "율곡동" in row
        assert "010-1234-5678" not in row and "비밀요약" not in row  # personal data only on the logged case page


async def test_case_page_actions_follow_the_lifecycle_and_are_logged(s: Setup, clock) -> None:
    async for c, csrf in logged_in(s.web, DAYCARE):
        page = await c.get("/console/cases/1")
        assert "비밀요약" in page.text and "밤 10시까지 운영" in page.text and "초등학생만" in page.text
        for change in ({"change": "contacted"},):
            assert (await c.post("/console/cases/1/update", data=form(csrf, **change))).status_code == 409
        await c.post("/console/cases/1/claim", data=form(csrf))
        await c.post("/console/cases/1/update", data=form(csrf, change="contacted"))
        await c.post("/console/cases/1/update", data=form(csrf, change="note", note="내일 다시 전화"))
        r = await c.post("/console/cases/1/remind", data=form(csrf, at="2026-11-25T10:30"))
        assert "10:30" in (await c.get(r.headers["location"])).text
        await c.post("/console/cases/1/update", data=form(csrf, change="resolved", outcome="placed"))
        case = await s.store.case(1)
        assert case is not None and case.status == "resolved" and case.outcome == "placed"
        await c.post("/console/cases/1/update", data=form(csrf, change="reopened"))
        assert (await s.store.case(1)).status == "claimed"  # type: ignore[union-attr]
    due = await s.store.fetch("SELECT due_at FROM followups WHERE case_id = 1 AND kind = 'console'")
    assert [r[0] for r in due] == ["2026-11-25T01:30:00.000000+00:00"]
    log = [(e.action, e.case, e.ip) for e in await s.console.access.entries(who=DAYCARE)]
    assert log == [("login", None, "10.0.0.7"), ("view_case", 1, "10.0.0.7"), ("claim", 1, "10.0.0.7"),
                   ("update:contacted", 1, "10.0.0.7"), ("update:note", 1, "10.0.0.7"), ("remind", 1, "10.0.0.7"),
                   ("view_case", 1, "10.0.0.7"), ("update:resolved", 1, "10.0.0.7"),
                   ("update:reopened", 1, "10.0.0.7")]
    assert not any("내일" in str(v) for v in log)


async def test_a_reminder_that_came_due_shows_the_case_as_overdue_until_someone_acts(s: Setup, clock) -> None:
    async for c, csrf in logged_in(s.web, DAYCARE):
        await c.post("/console/cases/1/claim", data=form(csrf))
        await c.post("/console/cases/1/update", data=form(csrf, change="contacted"))
        await c.post("/console/cases/1/remind", data=form(csrf, at="2026-11-24T14:20"))
        assert 'data-case="1"' not in (await c.get("/console/rows?view=overdue")).text
        clock.advance(minutes=21)
        assert 'data-case="1"' in (await c.get("/console/rows?view=overdue")).text
        await c.post("/console/cases/1/update", data=form(csrf, change="note", note="아직 답 없음"))
        assert 'data-case="1"' in (await c.get("/console/rows?view=overdue")).text
        await c.post("/console/cases/1/update", data=form(csrf, change="resolved", outcome="placed"))
        await c.post("/console/cases/1/update", data=form(csrf, change="reopened"))
        assert 'data-case="1"' not in (await c.get("/console/rows?view=overdue")).text


async def test_the_control_tower_assigns_and_reassigns(s: Setup, knowledge) -> None:
    async for c, csrf in logged_in(s.web, CONTROL):
        assert (await c.post("/console/cases/1/assign", data=form(csrf, to=HOMECARE))).status_code == 409
        assert (await c.post("/console/cases/1/assign", data=form(csrf, to=DAYCARE))).status_code == 303
        case = await s.store.case(1)
        assert case is not None and case.status == "claimed" and case.claimed_by == DAYCARE
        kinds = [r[0] for r in await s.store.fetch("SELECT kind FROM events WHERE case_id = 1 ORDER BY id")]
        assert kinds[-2:] == ["claimed", "assigned"]


async def test_dashboard_counts_and_unmet_needs_and_the_logged_report_download(s: Setup) -> None:
    async for c, _ in logged_in(s.web, CONTROL):
        page = await c.get("/console/dashboard")
        assert page.status_code == 200
        assert "<td>0-2세</td><td>저녁</td><td>평일</td><td>개령면</td><td>1</td>" in page.text
        assert (await c.get("/console/report?start=2026-11-01&end=2026-11-30")).status_code == 400
        r = await c.get("/console/report?start=2026-11-01&end=2026-11-30&reason=meeting")
        assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
        audit = await c.get("/console/audit?month=2026-11")
        assert "download_report:2026-11-01..2026-11-30:meeting" in audit.text
    assert "view_audit:2026-11" in [e.action for e in await s.console.access.entries(who=CONTROL)]


async def test_the_access_log_outlives_purged_cases(s: Setup, clock) -> None:
    async for c, _ in logged_in(s.web, DAYCARE):
        await c.get("/console/cases/1")
    await s.queue.forget("kakao:day")
    clock.advance(days=400)
    await s.queue.purge_expired()
    assert (1, "view_case") in [(e.case, e.action) for e in await s.console.access.entries()]


async def test_reply_to_the_parent_with_its_delivery_state_and_refused_for_other_services(s: Setup) -> None:
    async for c, csrf in logged_in(s.web, DAYCARE):
        assert (await c.post("/console/cases/2/reply", data=form(csrf, text="안녕하세요"))).status_code == 404
        assert (await c.post("/console/cases/1/reply", data=form(csrf, text="  "))).status_code == 409
        r = await c.post("/console/cases/1/reply", data=form(csrf, text="내일 오전에 전화드릴게요"))
        assert r.status_code == 303
        page = await c.get(r.headers["location"])
        assert "내일 오전에 전화드릴게요" in page.text and "전달 대기" in page.text
        assert "부모님이 다음에 메시지를 보낼 때 함께 보입니다" in page.text
    shown = await s.queue.pending_for_parent("kakao:day")
    assert any("내일 오전에 전화드릴게요" in r.text for r in shown)
    async for c, _ in logged_in(s.web, DAYCARE):
        assert "부모님께 전달됨" in (await c.get("/console/cases/1")).text
    log = [(e.action, e.case) for e in await s.console.access.entries(who=DAYCARE)]
    assert ("reply", 1) in log and ("refused:reply", 2) in log
    assert not any("전화" in a for a, _ in log)


async def test_role_changes_in_the_yaml_go_to_the_access_log(s: Setup, coordinators) -> None:
    import asyncio

    moved = coordinators.model_copy(update={"coordinators": tuple(
        c.model_copy(update={"services": ("home-care", "daycare-365")}) if c.name == HOMECARE else c
        for c in coordinators.coordinators if c.name != "강담당")})
    s.console.roles_changed(moved)
    await asyncio.gather(*s.console.logging)
    found = [e.action for e in await s.console.access.entries(who="coordinators.yaml")]
    assert sorted(found) == [f"role_changed:{HOMECARE}", "role_removed:강담당"]


async def test_knowledge_upload_refuses_a_broken_file_and_applies_a_good_one_keeping_the_old(s: Setup) -> None:
    folder = s.console.settings.knowledge_dir
    before = (folder / "services.yaml").read_bytes()
    async for c, csrf in logged_in(s.web, DAYCARE):
        page = await c.get("/console/knowledge")
        assert "365어린이집" in page.text and "문제가 없습니다" in page.text and "새 파일 올리기" not in page.text
        files = {"file": ("services.yaml", before, "application/yaml")}
        assert (await c.post("/console/knowledge/upload", data=form(csrf, name="services.yaml"),
                             files=files)).status_code == 403
    async for c, csrf in logged_in(s.web, CONTROL):
        broken = before.replace(b"min_months:", b"min_monthz:", 1)
        r = await c.post("/console/knowledge/upload", data=form(csrf, name="services.yaml"),
                         files={"file": ("services.yaml", broken, "application/yaml")})
        assert r.status_code == 422 and "services.yaml" in r.text and "min_monthz" in r.text
        assert (folder / "services.yaml").read_bytes() == before
        changed = before.replace(b"042-234-5678", b"042-234-9999")
        r = await c.post("/console/knowledge/upload", data=form(csrf, name="services.yaml"),
                         files={"file": ("services.yaml", changed, "application/yaml")})
        assert r.status_code == 200 and "+" in r.text and "042-234-9999" in r.text
        digest = re.search(r'name="digest" value="([0-9a-f]+)"', r.text)
        assert digest is not None and (folder / "services.yaml").read_bytes() == before
        r = await c.post("/console/knowledge/apply", data=form(csrf, digest=digest.group(1)))
        assert r.status_code == 200 and "적용했습니다" in r.text
    assert (folder / "services.yaml").read_bytes() == changed
    kept = list((folder / "history").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == before and kept[0].name.endswith(f".{CONTROL}")
    actions = [e.action for e in await s.console.access.entries(who=CONTROL)]
    assert actions[-3:] == ["knowledge_upload:services.yaml:bad", "knowledge_upload:services.yaml:ok",
                            "knowledge_apply:services.yaml"]


async def test_a_second_child_s_desk_sees_and_opens_the_case(s: Setup, clock) -> None:
    from dataclasses import replace
    two = a_case("daycare-365", clock(), user="kakao:two")
    two = replace(two, children=(*two.children, {"age_months": 20, "school_grade": None, "label": "둘째",
                                                 "service_id": "home-care"}))
    await s.store.create_case(two, "{}")  # 4: the home-care desk's too, through its second child
    async for c, _ in logged_in(s.web, HOMECARE):
        rows = await c.get("/console/rows?view=all")
        assert "#4<" in rows.text and "#2<" in rows.text and "#1<" not in rows.text
        page = await c.get("/console/cases/4")
        assert page.status_code == 200 and "kakao:two" in page.text
    async for c, _ in logged_in(s.web, DAYCARE):
        assert "#4<" in (await c.get("/console/rows?view=all")).text


async def test_the_case_page_writes_the_parent_s_number_with_hyphens(s: Setup, clock) -> None:
    from dataclasses import replace
    raw = replace(a_case("daycare-365", clock(), user="kakao:raw"), contact={"route": "phone", "phone": "01033334444"})
    await s.store.create_case(raw, "{}")  # 4: stored as the parent typed it
    async for c, _ in logged_in(s.web, DAYCARE):
        page = await c.get("/console/cases/4")
        assert "010-3333-4444" in page.text and "01033334444" not in page.text

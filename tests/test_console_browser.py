"""The console in a real headless Chromium: login, lockout, idle logout, claim and reply by keyboard, a live case,
another service's case refused, a forged form refused; the README's screenshots come from here."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import uvicorn
from test_console_setup import CONTROL, DAYCARE, HOMECARE, PASSWORD, Setup, a_case, build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it and runs these tests",
                allow_module_level=True)

from playwright.async_api import Page, async_playwright, expect  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture
async def s(store, queue, knowledge, settings, clock) -> Setup:
    setup = await build(store, queue, knowledge, settings)
    await store.create_case(a_case("daycare-365", clock(), user="kakao:day"), "{}")
    await store.commit_turn("kakao:day", "4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요",
                            ["365어린이집 율곡을 추천해요. 밤 10시까지 운영해요."], "{}", clock())
    await store.create_case(a_case("home-care", clock(), user="kakao:home", months=8, area="자산동"), "{}")
    await store.create_case(a_case("daycare-365", clock(), user="kakao:d2", urgent=True, area="개령면"), "{}")
    return setup


@asynccontextmanager
async def serving(s: Setup) -> AsyncIterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(s.web, lifespan="off", log_level="warning", timeout_graceful_shutdown=1))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task


@asynccontextmanager
async def browser(s: Setup, width: int = 1280, height: int = 800) -> AsyncIterator[tuple[Page, str]]:
    async with serving(s) as base, async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = await chromium.new_context(viewport={"width": width, "height": height}, locale="ko-KR")
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.route("http*://**", lambda route: route.continue_() if route.request.url.startswith(base)
                             else route.abort("internetdisconnected"))
            yield page, base
            assert errors == []
        finally:
            await chromium.close()


async def sign_in(page: Page, base: str, name: str, password: str = PASSWORD) -> None:
    await page.goto(f"{base}/console/")
    await page.get_by_label("이름").fill(name)
    await page.get_by_label("비밀번호").fill(password)
    await page.get_by_role("button", name="로그인").click()


def shot(tmp_path: Path, name: str) -> str:
    """The README's pictures are refreshed only on request, so a test run leaves the work tree clean."""
    return str(DOCS / name if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / name)


async def test_login_queue_and_a_new_case_appearing_live(s: Setup, clock, tmp_path: Path) -> None:
    async with browser(s) as (page, base):
        await sign_in(page, base, DAYCARE)
        await expect(page).to_have_title("(2) 미배정 · 돌봄이음")
        rows = page.locator("tr.case")
        await expect(rows).to_have_count(2)
        await expect(page.locator('tr[data-case="3"] .mark.urgent')).to_have_text("긴급")
        await expect(page.locator("body[data-live='1']")).to_have_count(1)
        await s.store.create_case(a_case("daycare-365", clock(), user="kakao:new", danger=True, area="율곡동"), "{}")
        await expect(page.locator('tr[data-case="4"]')).to_be_visible()
        await expect(page.locator('tr[data-case="4"] .mark.danger')).to_have_text("위험")
        await expect(page).to_have_title("(3) 미배정 · 돌봄이음")
        await s.store.create_case(a_case("home-care", clock(), user="kakao:other"), "{}")
        await s.queue.claim(3, DAYCARE)
        await expect(page.locator('tr[data-case="3"]')).to_have_count(0)
        await expect(rows).to_have_count(2)  # the home-care case never reaches this console
        await page.screenshot(path=shot(tmp_path, "console-queue.png"))


async def test_claim_with_the_keyboard_and_the_case_page(s: Setup, tmp_path: Path) -> None:
    async with browser(s) as (page, base):
        await sign_in(page, base, DAYCARE)
        await expect(page.locator("tr.case")).to_have_count(2)
        await page.locator(".hint").click()  # the page gets the keyboard, as with a coordinator's first click
        await page.keyboard.press("j")
        await page.keyboard.press("j")
        await expect(page.locator("tr.case.selected")).to_have_attribute("data-case", "1")
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="접수 #1")).to_be_visible()
        await expect(page.locator(".verdict")).to_contain_text("밤 10시까지 운영")
        await expect(page.locator(".conversation")).to_contain_text("4살 아이 오늘 밤 10시까지")
        await page.get_by_role("heading", name="접수 #1").click()
        await page.keyboard.press("c")
        await expect(page.locator("#done")).to_contain_text("맡았")
        await expect(page.locator("#status")).to_contain_text("담당 이담당")
        assert (await s.store.case(1)).claimed_by == DAYCARE  # type: ignore[union-attr]
        await page.get_by_label("메모 (내부용, 부모님께 보이지 않음)").fill("어머니와 통화 예정")
        await page.get_by_role("button", name="메모 남기기").click()
        await expect(page.locator(".timeline")).to_contain_text("이담당 · 메모어머니와 통화 예정")
        await page.get_by_role("heading", name="접수 #1").click()
        await page.keyboard.press("r")
        await expect(page.get_by_label("답장 내용")).to_be_focused()
        await page.keyboard.type("내일 오전 10시에 전화드릴게요.")
        await page.get_by_role("button", name="보내기").click()
        await expect(page.locator(".replies li")).to_contain_text("내일 오전 10시에 전화드릴게요.")
        await expect(page.locator(".replies .delivery")).to_have_text("전달 대기")
        assert [m.text for m in await s.queue.parent_messages(1)] != []
        await page.screenshot(path=shot(tmp_path, "console-case.png"), full_page=True)


async def test_lockout_message_after_five_wrong_passwords(s: Setup) -> None:
    async with browser(s) as (page, base):
        for _ in range(5):
            await sign_in(page, base, HOMECARE, "not-the-password")
        await expect(page.get_by_role("alert")).to_contain_text("5번 연속 틀려 계정이 잠겼습니다")
        await sign_in(page, base, HOMECARE)
        await expect(page.get_by_role("alert")).to_contain_text("잠겼습니다")


async def test_another_services_case_is_refused_and_idle_logout(s: Setup, clock) -> None:
    async with browser(s) as (page, base):
        await sign_in(page, base, HOMECARE)
        await expect(page.locator("tr.case")).to_have_count(1)
        response = await page.goto(f"{base}/console/cases/1")
        assert response is not None and response.status == 404
        await expect(page.get_by_role("alert")).to_have_text("찾을 수 없습니다.")
        assert "kakao:day" not in await page.content()
        clock.advance(minutes=31)
        await page.goto(f"{base}/console/cases/2")
        await expect(page.get_by_role("alert")).to_contain_text("30분 동안 사용하지 않아 로그아웃")


async def test_a_form_without_its_csrf_token_is_refused_and_the_control_tower_assigns(s: Setup) -> None:
    async with browser(s) as (page, base):
        await sign_in(page, base, CONTROL)
        await page.goto(f"{base}/console/cases/1")
        await page.get_by_label("배정할 코디네이터").select_option(DAYCARE)
        await page.eval_on_selector("form[action$='/assign'] input[name=csrf]", "e => e.value = 'forged'")
        await page.get_by_role("button", name="배정", exact=True).click()
        await expect(page.get_by_role("alert")).to_contain_text("요청을 확인할 수 없습니다")
        assert (await s.store.case(1)).status == "new"  # type: ignore[union-attr]
        await page.goto(f"{base}/console/cases/1")
        await page.get_by_label("배정할 코디네이터").select_option(DAYCARE)
        await page.get_by_role("button", name="배정", exact=True).click()
        await expect(page.locator("#status")).to_contain_text("담당 이담당")


async def test_usable_on_a_phone(s: Setup, tmp_path: Path) -> None:
    async with browser(s, 390, 844) as (page, base):
        await sign_in(page, base, DAYCARE)
        await expect(page.locator("tr.case")).to_have_count(2)
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        unlabelled = await page.evaluate(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
            ".filter(e => !e.labels || e.labels.length === 0).map(e => e.name)")
        assert unlabelled == []


async def test_the_knowledge_upload_refuses_a_broken_file(s: Setup, tmp_path: Path) -> None:
    broken = tmp_path / "services.yaml"
    broken.write_bytes((s.console.settings.knowledge_dir / "services.yaml").read_bytes() + b"\n  - : [\n")
    async with browser(s) as (page, base):
        await sign_in(page, base, CONTROL)
        await page.get_by_role("link", name="서비스 정보").click()
        await expect(page.locator("#disk-ok")).to_be_visible()
        await page.get_by_label("바꿀 파일").select_option("services.yaml")
        await page.get_by_label("올릴 파일 (YAML)").set_input_files(str(broken))
        await page.get_by_role("button", name="검사하기").click()
        await expect(page.get_by_role("alert")).to_contain_text("이 파일은 쓸 수 없습니다")
        await expect(page.get_by_role("alert")).to_contain_text("services.yaml")
        await expect(page.get_by_role("button", name="services.yaml 적용하기")).to_have_count(0)
        await page.screenshot(path=shot(tmp_path, "console-knowledge.png"), full_page=False)


async def test_an_idle_open_queue_goes_to_the_login_page_at_the_next_live_update(s: Setup, clock) -> None:
    async with browser(s) as (page, base):
        await sign_in(page, base, DAYCARE)
        await expect(page.locator("body[data-live='1']")).to_have_count(1)
        clock.advance(minutes=31)
        await s.store.create_case(a_case("daycare-365", clock(), user="kakao:late"), "{}")
        await expect(page.get_by_role("alert")).to_contain_text("30분 동안 사용하지 않아 로그아웃")
        assert "kakao:late" not in await page.content()


async def test_the_control_towers_dashboard_and_a_logged_report_download(s: Setup, clock, tmp_path: Path) -> None:
    await s.store.create_case(a_case(None, clock(), user="kakao:none", months=20, area="개령면"), "{}")
    async with browser(s) as (page, base):
        await sign_in(page, base, CONTROL)
        await page.get_by_role("link", name="관제 현황").click()
        await expect(page.locator("#unmet tbody tr")).to_have_text(["0-2세저녁평일개령면1"])
        await page.get_by_label("내려받는 이유").select_option("meeting")
        async with page.expect_download() as download:
            await page.get_by_role("button", name="기간 보고서 내려받기 (CSV)").click()
        assert (await download.value).suggested_filename.startswith("dolbom-report-")
        await page.screenshot(path=shot(tmp_path, "console-dashboard.png"))
        await page.get_by_role("link", name="접속기록 점검").click()
        await expect(page.locator("#audit-entries")).to_contain_text("download_report:")

"""The care map page as pure HTML: markers, colours, legend, cards, filters, list, contacts, focus, hours words."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from bot.caremap.page import colours, render_map
from bot.dialog.opening import ages_label, day_key, is_open, today_label, week_label
from knowledge.schema import Ages, Hours
from tests.shipped import SHIPPED

KST = ZoneInfo("Asia/Seoul")
KNOWLEDGE = SHIPPED
TUESDAY_9PM = datetime(2026, 11, 24, 21, 0, tzinfo=KST)
CHUSEOK = datetime(2026, 9, 25, 12, 0, tzinfo=KST)  # a Friday and a public holiday
VOID = {"meta", "link", "input", "br", "img", "hr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for c in self.children:
            if isinstance(c, Node):
                if (tag is None or c.tag == tag) and all(
                    (v in c.attrs.get(k.rstrip("_"), "").split()) if k == "class_" else c.attrs.get(k) == v
                    for k, v in attrs.items()
                ):
                    found.append(c)
                found.extend(c.all(tag, **attrs))
        return found

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"expected one {tag} {attrs}, found {len(found)}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def page_data(doc: Node) -> dict:
    return json.loads(doc.one("script", id="dolbom-data").text)


def all_sites() -> list[tuple[str, str]]:
    return [(s.id, site.id) for s in KNOWLEDGE.services for site in s.sites]


def test_one_marker_per_site_each_in_its_service_colour() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    markers = page_data(doc)["sites"]
    assert sorted((m["service"], m["id"]) for m in markers) == sorted(all_sites())
    assert len(markers) == 12
    colour = colours(KNOWLEDGE)
    assert all(m["color"] == colour[m["service"]] for m in markers)
    assert len(set(colour.values())) == len(KNOWLEDGE.services)
    site = next(m for m in markers if m["id"] == "emergency-119-yulgok")
    assert (site["lat"], site["lon"], site["glyph"]) == (36.1232, 128.1790, "119")


def test_page_is_korean_and_has_legend_with_home_visit() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    assert doc.one("html").attrs["lang"] == "ko"
    legend = doc.one("section", id="legend")
    items = {li.attrs["data-service"]: li.text for li in legend.all("li")}
    assert set(items) == {s.id for s in KNOWLEDGE.services}
    assert "아이돌봄서비스: 가정 방문" in items["home-care"]
    assert "365어린이집" in items["daycare-365"]
    swatch = legend.one("li", **{"data-service": "daycare-365"}).one("span", class_="swatch")
    assert colours(KNOWLEDGE)["daycare-365"] in swatch.attrs["style"]


def test_site_card_gives_name_ages_hours_today_phone_address() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    card = doc.one("li", id="entry-daycare-365-yulgok").one("div", class_="card")
    text = card.text
    assert "365어린이집 율곡" in text
    assert "6개월부터 초등학교 입학 전까지" in text
    assert "평일 07:30-24:00 · 토·일 09:00-18:00 · 공휴일 09:00-18:00" in text
    assert card.one("dd", class_="today").attrs["data-state"] == "open"
    assert "오늘(화) 07:30-24:00 · 지금 운영 중" in text
    assert card.one("a").attrs["href"] == "tel:0422345678"
    assert "042-234-5678 (이담당)" in text
    assert "김천시 율곡동" in text


def test_closed_site_says_so_and_site_hours_override_the_service() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    toy = doc.one("li", id="entry-toy-library-yulgok")
    assert toy.attrs["data-open"] == "0"
    assert "오늘(화) 10:00-17:00 · 지금 운영 안 함" in toy.text
    yulgok = doc.one("li", id="entry-after-school-yulgok")
    hwangsan = doc.one("li", id="entry-after-school-hwangsan")
    assert (yulgok.attrs["data-open"], hwangsan.attrs["data-open"]) == ("1", "0")
    assert "평일 14:00-24:00 · 토 09:00-18:00 · 공휴일 휴무" in yulgok.text
    assert "평일 밤 12시, 토요일도 운영" in yulgok.text


def test_public_holiday_uses_holiday_hours() -> None:
    doc = parse(render_map(KNOWLEDGE, CHUSEOK))
    assert "오늘(공휴일) 09:00-18:00 · 지금 운영 중" in doc.one("li", id="entry-daycare-365-moam").text
    assert "오늘(공휴일) 휴무" in doc.one("li", id="entry-toy-library-yulgok").text
    assert page_data(doc)["todayKey"] == "holiday"
    assert "2026-09-25" in page_data(doc)["holidays"]


def test_home_care_is_listed_as_home_visit_without_a_marker() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    home = doc.one("li", id="entry-home-care-home")
    assert "site" in home.attrs["class"] and "home" in home.attrs["class"]
    assert "아이돌봄서비스 (가정 방문)" in home.text
    assert "042-345-6789" in home.text and "24시간, 연중무휴" in home.text
    assert not [m for m in page_data(doc)["sites"] if m["service"] == "home-care"]
    assert page_data(doc)["weeks"]["home-care-home"]["holiday"] == [0, 1440]


def test_filters_offer_every_service_and_open_now() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    form = doc.one("form", id="filters")
    boxes = form.all("input", name="service")
    assert [b.attrs["value"] for b in boxes] == [s.id for s in KNOWLEDGE.services]
    assert all("checked" in b.attrs for b in boxes)
    assert form.one("input", id="open-now").attrs["type"] == "checkbox"
    assert "지금 운영 중인 곳만" in form.text


def test_list_view_has_a_section_per_service_and_an_entry_per_place() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    listing = doc.one("section", id="list")
    sections = listing.all("section", class_="service")
    assert [s.attrs["data-service"] for s in sections] == [s.id for s in KNOWLEDGE.services]
    entries = listing.all("li", class_="site")
    assert len(entries) == len(all_sites()) + 1  # plus the home visit
    for section in sections:
        assert section.one("h3").text.strip().endswith(KNOWLEDGE.service(section.attrs["data-service"]).name)
    assert doc.one("a", class_="skip").attrs["href"] == "#list"


def test_contacts_list_every_person_once_with_a_call_link() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM))
    rows = doc.one("section", id="contacts").one("tbody").all("tr")
    by_person = {r.all("td")[1].text: r for r in rows}
    assert len(rows) == 6
    kim = by_person["맘지원센터 김담당"]
    assert "맘지원센터(가칭), 장난감도서관" in kim.text
    assert kim.one("a").attrs["href"] == "tel:0421234567"
    assert "시청 대표 번호로 문의" in by_person["타부서돌봄 강담당"].text
    assert by_person["119돌봄센터 정담당"].one("a").text == "042-567-8901"


def test_focused_page_checks_only_the_service_and_marks_sites_in_the_area() -> None:
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM, "daycare-365", "율곡동"))
    checked = [b.attrs["value"] for b in doc.all("input", name="service") if "checked" in b.attrs]
    assert checked == ["daycare-365"]
    focus = page_data(doc)["focus"]
    assert focus["sites"] == ["daycare-365-yulgok"]
    assert focus["area"]["name"] == "율곡동"
    assert doc.one("li", id="entry-daycare-365-yulgok").attrs.get("aria-current") == "true"
    assert "aria-current" not in doc.one("li", id="entry-daycare-365-moam").attrs
    assert "추천된 곳: 365어린이집 · 율곡동" in doc.one("p", class_="focus-note").text


def test_focus_without_a_site_in_the_area_shows_every_site_of_the_service() -> None:
    data = page_data(parse(render_map(KNOWLEDGE, TUESDAY_9PM, "daycare-365", "아포읍")))
    assert len(data["focus"]["sites"]) == 4
    home = page_data(parse(render_map(KNOWLEDGE, TUESDAY_9PM, "home-care", "아포읍")))
    assert home["focus"]["sites"] == []
    doc = parse(render_map(KNOWLEDGE, TUESDAY_9PM, "home-care", "아포읍"))
    assert doc.one("li", id="entry-home-care-home").attrs.get("aria-current") == "true"


def test_focus_on_one_site_and_unknown_names_raise() -> None:
    data = page_data(parse(render_map(KNOWLEDGE, TUESDAY_9PM, site="after-school-hwangsan")))
    assert (data["focus"]["service"], data["focus"]["sites"]) == ("after-school", ["after-school-hwangsan"])
    for kwargs in ({"service": "nope"}, {"service": "daycare-365", "area": "서울"},
                   {"service": "daycare-365", "site": "after-school-yulgok"}):
        with pytest.raises(ValueError):
            render_map(KNOWLEDGE, TUESDAY_9PM, **kwargs)


def test_inline_page_needs_no_network_but_tiles_and_served_page_links_static_files() -> None:
    html = render_map(KNOWLEDGE, TUESDAY_9PM)
    doc = parse(html)
    assert not [s for s in doc.all("script") if "src" in s.attrs]
    assert not doc.all("link", rel="stylesheet")
    assert "sourceMappingURL" not in html
    assert "window.L" in html and ".leaflet-pane" in html
    # Links and comments may name other hosts; what the page fetches is checked in the browser test.
    hosts = set(re.findall(r"https?://([a-z0-9.-]+)", html))
    assert hosts <= {"tile.openstreetmap.org", "www.openstreetmap.org", "leafletjs.com", "www.w3.org",
                     "bugs.chromium.org", "bugzilla.mozilla.org"}
    served = parse(render_map(KNOWLEDGE, TUESDAY_9PM, static_url="map/static"))
    assert [s.attrs["src"] for s in served.all("script") if "src" in s.attrs] == [
        "map/static/leaflet/leaflet.js", "map/static/caremap.js"]
    assert len(render_map(KNOWLEDGE, TUESDAY_9PM, static_url="map/static")) < 60_000


def test_day_key_and_open_now() -> None:
    assert day_key(datetime(2026, 11, 24).date()) == "tue"
    assert day_key(datetime(2026, 9, 25).date()) == "holiday"
    assert day_key(datetime(2026, 9, 26).date()) == "sat"  # a holiday on Saturday keeps the Saturday hours
    hours = Hours.model_validate({"weekdays": "09:00-18:00"})
    assert is_open(hours, datetime(2026, 11, 24, 9, 0))
    assert not is_open(hours, datetime(2026, 11, 24, 18, 0))
    assert not is_open(hours, datetime(2026, 11, 29, 12, 0))
    assert today_label(hours, datetime(2026, 11, 29, 12, 0)) == "오늘(일) 휴무"


def test_week_and_age_words() -> None:
    toy = KNOWLEDGE.service("toy-library").hours
    assert week_label(toy) == "화~토 10:00-17:00 · 공휴일 휴무"
    assert week_label(Hours.model_validate("always")) == "24시간, 연중무휴"
    assert week_label(Hours.model_validate({"mon": "09:00-12:00", "tue": "09:00-12:00"})) == (
        "월·화 09:00-12:00 · 공휴일 휴무")
    assert ages_label(Ages()) == "누구나"
    assert ages_label(Ages(min_months=72, max_months=155, school="only")) == "초등학생"
    assert ages_label(Ages(min_months=3, max_months=155)) == "3개월부터 만 12세까지"
    assert ages_label(Ages(min_months=0, max_months=83, school="never")) == "초등학교 입학 전까지"


def test_markers_on_the_same_spot_fan_out_and_lone_ones_stay_put() -> None:
    offsets = {m["id"]: tuple(m["offset"]) for m in page_data(parse(render_map(KNOWLEDGE, TUESDAY_9PM)))["sites"]}
    dasu = [offsets[i] for i in ("mom-center-dasu", "toy-library-mom-center", "after-school-kkumjaram")]
    assert len(set(dasu)) == 3 and all(dx * dx + dy * dy >= 100 for dx, dy in dasu)
    assert offsets["daycare-365-gaeryeong"] == (0, 0)

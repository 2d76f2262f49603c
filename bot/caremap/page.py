"""The care map page (돌봄 지도): one self-contained HTML page rendered from the knowledge, a pure function."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from bot.caremap import texts as T
from bot.dialog.opening import ages_label, day_key, holiday_dates, is_open, today_label, week_label
from knowledge.schema import Contact, Hours, Knowledge, Service, Site

STATIC_DIR = Path(__file__).resolve().parent / "static"
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# Dark enough for white glyphs; distinct hues, and each marker also carries a glyph so colour is not the only cue.
PALETTE = ("#1f6fb2", "#c0392b", "#1e8449", "#8e44ad", "#d35400", "#117a8b", "#7b5e00", "#b03a7a", "#4d4d4d")
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


@dataclass(frozen=True, slots=True)
class Focus:
    """What a focused page (`/map?service=ID&area=NAME`) points at."""

    service: Service
    sites: tuple[Site, ...]
    area: str | None


def colours(knowledge: Knowledge) -> dict[str, str]:
    """Service id -> marker colour, by the services' order in the YAML."""
    return {s.id: PALETTE[i % len(PALETTE)] for i, s in enumerate(knowledge.services)}


def glyph(service: Service) -> str:
    """The short text on a marker: leading digits (365, 119) or the first letter of the name."""
    digits = re.match(r"\d+", service.name)
    return digits[0][:3] if digits else service.name[:1]


def resolve_focus(knowledge: Knowledge, service: str | None, area: str | None, site: str | None = None) -> Focus | None:
    """Raises ValueError naming the unknown service, area or site."""
    if service is None and site is None:
        return None
    svc = next((s for s in knowledge.services if s.id == service or any(x.id == site for x in s.sites)), None)
    if svc is None or (service is not None and svc.id != service):
        raise ValueError(f"unknown service '{service}'" if service else f"unknown site '{site}'")
    if area is not None and knowledge.place(area) is None:
        raise ValueError(f"unknown area '{area}'")
    if site is not None:
        chosen = tuple(x for x in svc.sites if x.id == site)
        if not chosen:
            raise ValueError(f"service {svc.id} has no site '{site}'")
    else:
        chosen = tuple(x for x in svc.sites if x.area == area) or svc.sites
    return Focus(svc, chosen, area)


def _phone(service: Service, site: Site | None) -> tuple[str | None, str]:
    contact = next((c for c in service.contacts if c.phone), None)
    if site is not None and site.phone:
        return site.phone, ""
    return (contact.phone, contact.person) if contact else (None, "")


def _tel(phone: str) -> str:
    return f'<a href="tel:{escape(re.sub(r"[^0-9+]", "", phone))}">{escape(phone)}</a>'


def _swatch(colour: str, text: str = "") -> str:
    return f'<span class="swatch" style="--c:{colour}" aria-hidden="true">{escape(text)}</span>'


def _row(label: str, value_html: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<dt>{escape(label)}</dt><dd{attr}>{value_html}</dd>"


def _card(service: Service, site: Site | None, hours: Hours, now: datetime, colour: str) -> str:
    """One place's details: the list entry and, cloned by the script, the marker's popup."""
    name = site.name if site else f"{service.name} ({T.HOME_VISIT})"
    phone, person = _phone(service, site)
    phone_html = (_tel(phone) + (f" ({escape(person)})" if person else "")) if phone else escape(T.NO_PHONE)
    state = "open" if is_open(hours, now) else "closed"
    rows = [
        _row(T.FIELD_SERVICE, escape(service.name)),
        _row(T.FIELD_AGES, escape(ages_label(service.ages))),
        _row(T.FIELD_HOURS, escape(week_label(hours))),
        f'<dt>{T.FIELD_TODAY}</dt><dd class="today" data-state="{state}">{escape(today_label(hours, now))}</dd>',
        _row(T.FIELD_PHONE, phone_html),
        _row(T.FIELD_ADDRESS, escape(site.address if site else T.HOME_VISIT_ADDRESS)),
    ]
    if site is not None and site.note:
        rows.append(_row(T.FIELD_NOTE, escape(site.note)))
    return (
        f'<div class="card"><h4 class="card-name">{_swatch(colour, glyph(service))} {escape(name)}</h4>'
        f'<dl>{"".join(rows)}</dl></div>'
    )


def _booking(service: Service) -> str:
    parts = []
    if service.lead_minutes:
        parts.append(T.BOOKING_LEAD.format(hours=f"{service.lead_minutes / 60:g}"))
    if service.min_minutes:
        parts.append(T.BOOKING_MIN.format(hours=f"{service.min_minutes / 60:g}"))
    return ", ".join(parts)


def _service_section(service: Service, now: datetime, colour: str, focus: Focus | None) -> str:
    entries = []
    places: list[Site | None] = list(service.sites) or ([None] if service.at_home else [])
    for site in places:
        hours = service.hours_at(site)
        focused = focus is not None and focus.service.id == service.id and (site is None or site in focus.sites)
        kind = "site" if site else "site home"
        ident = site.id if site else f"{service.id}-home"
        current = ' aria-current="true"' if focused else ""
        entries.append(
            f'<li class="{kind}{" focus" if focused else ""}" id="entry-{escape(ident)}" data-entry="{escape(ident)}"'
            f' data-service="{escape(service.id)}" data-open="{int(is_open(hours, now))}"{current}>'
            f"{_card(service, site, hours, now, colour)}</li>"
        )
    meta = [f"{T.FIELD_FEE}: {service.fee}" if service.fee else "", _booking(service)]
    meta_html = " · ".join(escape(m) for m in meta if m)
    return (
        f'<section class="service" id="service-{escape(service.id)}" data-service="{escape(service.id)}"'
        f' aria-labelledby="h-{escape(service.id)}"><h3 id="h-{escape(service.id)}">{_swatch(colour, glyph(service))}'
        f" {escape(service.name)}</h3><p>{escape(service.summary)}</p>"
        + (f'<p class="meta">{meta_html}</p>' if meta_html else "")
        + f'<ul class="entries">{"".join(entries)}</ul></section>'
    )


def _filters(knowledge: Knowledge, colour: dict[str, str], focus: Focus | None) -> str:
    boxes = []
    for s in knowledge.services:
        checked = " checked" if focus is None or focus.service.id == s.id else ""
        boxes.append(
            f'<label><input type="checkbox" name="service" value="{escape(s.id)}"{checked}> '
            f"{_swatch(colour[s.id], glyph(s))} {escape(s.name)}</label>"
        )
    return (
        f'<form id="filters" class="filters" aria-label="{T.FILTERS}"><fieldset><legend>{T.FILTER_SERVICES}</legend>'
        f'{"".join(boxes)}</fieldset><label class="open-now"><input type="checkbox" id="open-now" name="open">'
        f' {T.FILTER_OPEN_NOW}</label><p id="shown" role="status"></p></form>'
    )


def _legend(knowledge: Knowledge, colour: dict[str, str]) -> str:
    items = []
    for s in knowledge.services:
        text = T.LEGEND_HOME.format(name=s.name) if s.at_home and not s.sites else s.name
        items.append(f'<li data-service="{escape(s.id)}">{_swatch(colour[s.id], glyph(s))} {escape(text)}</li>')
    return f'<section id="legend" class="legend"><h2>{T.LEGEND}</h2><ul>{"".join(items)}</ul></section>'


def intake_contacts(knowledge: Knowledge) -> list[tuple[str, Contact]]:
    """(service names, contact) per distinct person and phone, in the YAML's order."""
    merged: dict[tuple[str, str | None], tuple[list[str], Contact]] = {}
    for s in knowledge.services:
        for c in s.contacts:
            merged.setdefault((c.person, c.phone), ([], c))[0].append(s.name)
    return [(", ".join(names), c) for names, c in merged.values()]


def _contacts(knowledge: Knowledge) -> str:
    rows = "".join(
        f"<tr><td>{escape(names)}</td><td>{escape(' '.join(x for x in (c.role, c.person) if x))}</td>"
        f"<td>{_tel(c.phone) if c.phone else escape(T.NO_PHONE)}</td></tr>"
        for names, c in intake_contacts(knowledge)
    )
    return (
        f'<section id="contacts" class="contacts"><h2>{T.CONTACTS}</h2><p>{T.CONTACTS_INTRO}</p>'
        f"<table><caption>{T.CONTACTS_CAPTION}</caption><thead><tr><th scope=\"col\">{T.COL_SERVICE}</th>"
        f'<th scope="col">{T.COL_PERSON}</th><th scope="col">{T.COL_PHONE}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def fan_offsets(sites: list[Site], near: float = 0.001, radius: int = 14) -> dict[str, tuple[int, int]]:
    """Pixel offsets that fan out markers standing on (almost) the same spot, e.g. a centre and the toy
    library on its second floor, so each stays clickable at every zoom while its coordinates stay true."""
    groups: list[list[Site]] = []
    for site in sites:
        group = next((g for g in groups if abs(g[0].lat - site.lat) < near and abs(g[0].lon - site.lon) < near), None)
        if group is None:
            groups.append([site])
        else:
            group.append(site)
    offsets = {}
    for group in groups:
        for i, site in enumerate(group):
            if len(group) == 1:
                offsets[site.id] = (0, 0)
            else:
                angle = 2 * math.pi * i / len(group) - math.pi / 2
                offsets[site.id] = (round(radius * math.cos(angle)), round(radius * math.sin(angle)))
    return offsets


def _week(hours: Hours) -> dict[str, list[int]]:
    return {k: [span.open, span.close] for k, span in hours.days.items()}


def page_data(knowledge: Knowledge, now: datetime, focus: Focus | None) -> dict:
    """What the page script needs: markers, weekly hours, holidays, texts; no HTML."""
    colour = colours(knowledge)
    sites, weeks = [], {}
    offsets = fan_offsets([site for s in knowledge.services for site in s.sites])
    for s in knowledge.services:
        for site in s.sites:
            weeks[site.id] = _week(s.hours_at(site))
            sites.append({"id": site.id, "service": s.id, "name": site.name, "lat": site.lat, "lon": site.lon,
                          "color": colour[s.id], "glyph": glyph(s), "offset": offsets[site.id]})
        if s.at_home and not s.sites:
            weeks[f"{s.id}-home"] = _week(s.hours)
    area = knowledge.place(focus.area) if focus and focus.area else None
    return {
        "tiles": TILE_URL,
        "attribution": T.TILES_ATTRIBUTION,
        "timezone": str(now.tzinfo) if now.tzinfo else "Asia/Seoul",
        "holidays": sorted(d.isoformat() for y in (now.year - 1, now.year, now.year + 1) for d in holiday_dates(y)),
        "todayKey": day_key(now.date()),
        "sites": sites,
        "weeks": weeks,
        "areas": [{"name": p.name, "lat": p.lat, "lon": p.lon} for p in knowledge.places],
        "focus": None if focus is None else {
            "service": focus.service.id, "sites": [x.id for x in focus.sites],
            "area": None if area is None else {"name": area.name, "lat": area.lat, "lon": area.lon},
        },
        "texts": {"days": T.DAY_NAMES, "today": T.TODAY, "closed": T.CLOSED, "openNow": T.OPEN_NOW,
                  "closedNow": T.CLOSED_NOW, "shown": T.SHOWN, "showOnMap": T.SHOW_ON_MAP, "asOf": T.AS_OF},
    }


def _asset(name: str, static_url: str | None) -> str:
    """Inline a static file (for a page opened from disk) or link it under ``static_url``."""
    if static_url is not None:
        url = f"{static_url.rstrip('/')}/{name}"
        return f'<link rel="stylesheet" href="{url}">' if name.endswith(".css") else f'<script src="{url}"></script>'
    text = _SOURCE_MAP.sub("", (STATIC_DIR / name).read_text(encoding="utf-8"))
    if name.endswith(".css"):
        return f"<style>{text}</style>"
    return "<script>" + text.replace("</script", "<\\/script") + "</script>"


def render_map(knowledge: Knowledge, now: datetime, service: str | None = None, area: str | None = None, *,
               site: str | None = None, static_url: str | None = None) -> str:
    """The whole page. ``now`` is the city's wall-clock time; ``static_url`` links Leaflet instead of inlining it."""
    focus = resolve_focus(knowledge, service, area, site)
    colour = colours(knowledge)
    data = json.dumps(page_data(knowledge, now, focus), ensure_ascii=False).replace("</", "<\\/")
    focus_html = ""
    if focus is not None:
        what = " · ".join(x for x in (focus.service.name, focus.area or "") if x)
        focus_html = f'<p class="focus-note">{escape(T.FOCUS.format(what=what))}</p>'
    sections = "".join(_service_section(s, now, colour[s.id], focus) for s in knowledge.services)
    assets = "".join(_asset(n, static_url) for n in ("leaflet/leaflet.css", "caremap.css"))
    scripts = "".join(_asset(n, static_url) for n in ("leaflet/leaflet.js", "caremap.js"))
    return (
        '<!doctype html>\n<html lang="ko" class="no-js"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{T.TITLE}</title>{assets}</head><body>"
        f'<a class="skip" href="#list">{T.SKIP_TO_LIST}</a>'
        f'<header><h1>{T.TITLE}</h1><p>{T.INTRO}</p>'
        f'<p class="as-of">{escape(T.AS_OF.format(when=now.strftime("%Y-%m-%d %H:%M")))}</p>{focus_html}</header>'
        f'<main><div class="map-wrap"><div id="map" role="region" aria-label="{T.MAP_LABEL}"></div>'
        f"<noscript><p>{T.NOSCRIPT}</p></noscript></div>"
        f'<div class="panel">{_filters(knowledge, colour, focus)}{_legend(knowledge, colour)}'
        f'<section id="list" class="list" tabindex="-1"><h2>{T.LIST}</h2>{sections}</section>'
        f"{_contacts(knowledge)}</div></main>"
        f'<script type="application/json" id="dolbom-data">{data}</script>{scripts}</body></html>\n'
    )

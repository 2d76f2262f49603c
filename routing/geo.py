"""Distances on the care map: the nearest site of a service and the 읍면동 near a parent's area (geodesic km)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from geopy.distance import geodesic

from knowledge.schema import Knowledge, Place, Service, Site

Point = tuple[float, float]

# Per-knowledge lookup of every name a parent may use for an area; keyed by id() while holding the Knowledge
# itself so the id cannot be reused by a newer object.
_NAMES: dict[int, tuple[Knowledge, dict[str, Place]]] = {}


@lru_cache(maxsize=65536)
def distance_km(a: Point, b: Point) -> float:
    """Geodesic distance; cached because area label points and sites repeat across messages."""
    return geodesic(a, b).km


def find_place(area: str, knowledge: Knowledge) -> Place | None:
    """The place for a canonical name, a legal dong (모암동 -> 자산동) or an alias (혁신도시 -> 율곡동)."""
    entry = _NAMES.get(id(knowledge))
    if entry is None or entry[0] is not knowledge:
        names: dict[str, Place] = {}
        for place in knowledge.places:
            for name in (*place.aliases, *place.legal):
                names.setdefault(name, place)
        names.update((p.name, p) for p in knowledge.places)
        if len(_NAMES) >= 8:
            _NAMES.clear()
        entry = _NAMES[id(knowledge)] = (knowledge, names)
    return entry[1].get(area)


def origin(knowledge: Knowledge, area: str | None, coords: Point | None) -> Point | None:
    """Where distances are measured from: shared coordinates beat the area's label point."""
    if coords is not None:
        return (float(coords[0]), float(coords[1]))
    place = find_place(area, knowledge) if area else None
    return (place.lat, place.lon) if place else None


def nearest_site(
    service: Service,
    knowledge: Knowledge,
    area: str | None,
    coords: Point | None,
    sites: Sequence[Site] | None = None,
) -> tuple[Site, float] | None:
    """The closest of ``sites`` (default: all the service's sites) with its distance in km, or None when
    there is no site or no known location."""
    candidates = service.sites if sites is None else sites
    start = origin(knowledge, area, coords) if candidates else None
    if start is None:
        return None
    return min(((s, distance_km(start, (s.lat, s.lon))) for s in candidates), key=lambda pair: pair[1])

"""Where a parent who shared a location is: the nearest 읍·면·동 of the knowledge, for the coordinator's card."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.schema import Knowledge
from routing.geo import distance_km


def nearest_area(knowledge: Knowledge, summary: Mapping[str, Any] | None) -> str | None:
    """The place whose label point is closest to the shared coordinates in a case's summary; None without them
    (the parent named an area instead, or the case was purged)."""
    coords = (summary or {}).get("coords")
    if not coords or not knowledge.places:
        return None
    point = (float(coords[0]), float(coords[1]))
    return min(knowledge.places, key=lambda p: distance_km(point, (p.lat, p.lon))).name

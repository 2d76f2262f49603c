"""Nearest sites and nearby areas on the shipped care map."""

from __future__ import annotations

from geopy.distance import geodesic

from routing.geo import find_place, nearest_site
from tests.shipped import SHIPPED

K = SHIPPED
DAYCARE = K.service("daycare-365")


def test_the_nearest_site_from_an_area_uses_its_label_point() -> None:
    found = nearest_site(DAYCARE, K, "율곡동", None)
    assert found is not None
    site, km = found
    assert site.id == "daycare-365-yulgok"
    assert abs(km - geodesic((36.1227, 128.1848), (site.lat, site.lon)).km) < 1e-9


def test_a_legal_dong_or_alias_finds_its_area() -> None:
    assert nearest_site(DAYCARE, K, "모암동", None)[0].id == "daycare-365-moam"  # type: ignore[index]
    assert nearest_site(DAYCARE, K, "혁신도시", None)[0].id == "daycare-365-yulgok"  # type: ignore[index]
    assert find_place("부곡동", K).name == "대곡동"  # type: ignore[union-attr]


def test_coordinates_beat_the_area() -> None:
    found = nearest_site(DAYCARE, K, "율곡동", (36.1700, 128.1860))
    assert found is not None and found[0].id == "daycare-365-gaeryeong" and found[1] < 0.01


def test_the_choice_can_be_limited_to_fitting_sites() -> None:
    yulgok = next(s for s in DAYCARE.sites if s.id == "daycare-365-yulgok")
    moam = next(s for s in DAYCARE.sites if s.id == "daycare-365-moam")
    found = nearest_site(DAYCARE, K, "율곡동", None, sites=[moam])
    assert found is not None and found[0] is moam
    assert nearest_site(DAYCARE, K, "율곡동", None, sites=[moam, yulgok])[0] is yulgok  # type: ignore[index]


def test_no_location_or_no_sites_gives_none() -> None:
    assert nearest_site(DAYCARE, K, None, None) is None
    assert nearest_site(DAYCARE, K, "서울", None) is None
    assert nearest_site(K.service("home-care"), K, "율곡동", None) is None

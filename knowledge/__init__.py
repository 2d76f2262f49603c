"""Staff-edited knowledge: services, sites, places and routing words, validated on load."""

from knowledge.schema import (
    Contact,
    DayHours,
    Knowledge,
    Place,
    Service,
    Site,
)

__all__ = ["Contact", "DayHours", "Knowledge", "Place", "Service", "Site"]

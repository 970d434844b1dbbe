"""A plain, readable summary of what the log says about trips, for golden tests.

Folds the log with the domain's own trip fold and reads the events' fields; it is test
support, not a projection, so expectations stay independent of the read models.
"""

from __future__ import annotations

from typing import Any

from calendar_svc.domain.events import (
    ClaimDisputed,
    DelegationArrived,
    DelegationDeparted,
    DelegationNamed,
    EngagementReported,
    LegConcluded,
    TripConcluded,
    TripEvent,
    VisitAnnounced,
    decode,
)
from calendar_svc.store import EventStore


def summarise(store: EventStore) -> dict[str, Any]:
    trips: dict[str, dict[str, Any]] = {}
    for stored in store.read_all():
        if not stored.stream_id.startswith("trip-"):
            continue
        event = decode(stored.event_type, stored.schema_version, stored.data)
        assert isinstance(event, TripEvent)
        trip = trips.setdefault(
            event.trip_id,
            {
                "principal": None,
                "window": None,
                "legs": {},
                "departures": [],
                "arrivals": [],
                "concluded": [],
                "returned": None,
                "spouse": None,
                "members": [],
                "disputes": [],
                "engagements": [],
            },
        )
        match event:
            case VisitAnnounced():
                trip["principal"] = trip["principal"] or event.principal.name
                leg = trip["legs"].setdefault(
                    event.country_code,
                    {
                        "country": event.country_code,
                        "sequence": event.sequence,
                        "visit_type": None,
                        "inviter": None,
                        "city": None,
                        "window": None,
                    },
                )
                if event.visit_type and leg["visit_type"] is None:
                    leg["visit_type"] = event.visit_type.value
                if event.inviter and leg["inviter"] is None:
                    leg["inviter"] = event.inviter.name
                if event.city and leg["city"] is None:
                    leg["city"] = event.city
                if event.window and leg["window"] is None:
                    leg["window"] = f"{event.window.start}/{event.window.end}"
                if event.trip_window and trip["window"] is None:
                    trip["window"] = f"{event.trip_window.start}/{event.trip_window.end}"
            case DelegationNamed():
                trip["spouse"] = trip["spouse"] or event.spouse
                trip["members"] += [m.name for m in event.members]
            case DelegationDeparted():
                trip["departures"].append(
                    {
                        "city": event.place.city,
                        "country": event.place.country_code,
                        "day": event.at.day.isoformat(),
                        "day_part": event.at.day_part,
                        "local_time": event.at.local_time.isoformat()
                        if event.at.local_time
                        else None,
                        "timezone": event.at.timezone,
                    }
                )
            case DelegationArrived():
                trip["arrivals"].append(
                    {
                        "country": event.place.country_code,
                        "city": event.place.city,
                        "day": event.at.day.isoformat(),
                    }
                )
            case LegConcluded():
                trip["concluded"].append(event.country_code)
            case TripConcluded():
                trip["returned"] = event.on.isoformat() if event.on else "yes"
            case EngagementReported():
                trip["engagements"].append(
                    {
                        "kind": event.kind.value,
                        "title": event.title,
                        "leg": event.leg_id.rsplit("/", 1)[-1].upper() if event.leg_id else None,
                        "counterparts": [c.name for c in event.counterparts],
                    }
                )
            case ClaimDisputed():
                trip["disputes"].append(
                    {
                        "fact": event.fact.split("/", 1)[-1],
                        "held": event.held,
                        "claimed": event.claimed,
                    }
                )
    for trip in trips.values():
        trip["legs"] = sorted(trip["legs"].values(), key=lambda leg: leg["sequence"])
    return trips

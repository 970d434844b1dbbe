"""The schedule's items as a feed sees them: their days, where they are held, and which
engagements are events of their own rather than lines of their leg's DESCRIPTION.

Apart from the writing (`events`) and the words (`wording`) because both ask the same
questions of an item, and must get the same answers: an engagement listed by its leg is
never also an event, and every engagement is shown once.
"""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.views import EPOCH, EngagementView, LegView, TripView


def dates(start: date | None, end: date | None) -> tuple[date, date] | None:
    """An item's first and last day (inclusive), either known end standing for both;
    None when neither is known (the item is not in any feed)."""
    if start is None and end is None:
        return None
    first = start or end
    last = end or start
    assert first is not None and last is not None
    return first, max(first, last)


def leg_country(trip: TripView, leg_id: str | None) -> str | None:
    for leg in trip.legs:
        if leg.leg_id == leg_id:
            return leg.country_code
    return None


def engagement_country(trip: TripView, engagement: EngagementView) -> str | None:
    """Where an engagement was held (upper case): its place's country, else its leg's."""
    if engagement.place is not None and engagement.place.country_code:
        return engagement.place.country_code.upper()
    code = leg_country(trip, engagement.leg_id)
    return code.upper() if code else None


def location(*parts: str | None) -> str | None:
    """The known parts of a place, each once, joined: "Kremlin, Moscow, Russia"."""
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or None


def day_known(engagement: EngagementView) -> bool:
    """Whether an engagement's day is known: one day, stated or inferred from its title
    (a commemoration). "During the visit" spans the leg: its day is not known."""
    return engagement.start_date is not None and engagement.start_date == engagement.end_date


def is_event(engagement: EngagementView, mode: str) -> bool:
    """Whether a feed showing engagements as `mode` makes this one an event."""
    return mode == "dated" and day_known(engagement)


def leg_of(trip: TripView, engagement: EngagementView) -> str | None:
    """The leg an engagement belongs to: its own, else the first leg in the country it
    was held in, else the trip's first leg (so that every engagement is listed once)."""
    ids = [leg.leg_id for leg in trip.legs]
    if engagement.leg_id in ids:
        return engagement.leg_id
    place = engagement.place
    code = place.country_code.upper() if place is not None and place.country_code else None
    for leg in trip.legs:
        if code is not None and leg.country_code.upper() == code:
            return leg.leg_id
    return ids[0] if ids else None


def listed(trip: TripView, leg: LegView, mode: str) -> list[EngagementView]:
    """The engagements a leg's DESCRIPTION lists: its own that are not events, the dated
    ones first (by day), then the others in the order the trip has them."""
    own = [e for e in trip.engagements if not is_event(e, mode) and leg_of(trip, e) == leg.leg_id]
    dated = sorted((e for e in own if day_known(e)), key=lambda e: e.start_date or EPOCH.date())
    return dated + [e for e in own if not day_known(e)]

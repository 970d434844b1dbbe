"""What a feed says, in English: titles, places, days, and each DESCRIPTION's lines.

The rules' own reasons ("dates stated by Nhân Dân (2025-05-11)") are read here into
plain words; the Vietnamese wording falls back to them for a reason it has no words for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from calendar_svc.api.feeds.listing import day_known, location
from calendar_svc.domain.values import Certainty, PersonRef
from calendar_svc.domain.views import EngagementView, LegView, Schedule, SourceRef, TripView
from calendar_svc.reference.countries import name as country_name

_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def day(value: date, year: bool = True) -> str:
    """ "9 May 2025" (or "9 May")."""
    text = f"{value.day} {_MONTHS[value.month - 1]}"
    return f"{text} {value.year}" if year else text


def span(start: date, end: date) -> str:
    """'9 May 2025', '5–8 May 2025', '30 April – 2 May 2025', '30 December 2025 – 2 January 2026'"""
    if start == end:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{day(start, year=False)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


@lru_cache(maxsize=1024)
def country(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return country_name(code, "en")
    except KeyError:
        return code.upper()


def name(value: str) -> str:
    """A person's name as an English feed writes it: as the schedule has it."""
    return value


def person(who: PersonRef) -> str:
    return f"{who.title} {who.name}" if who.title else who.name


_VISIT = {
    "state": "state visit",
    "official": "official visit",
    "working": "working visit",
    "visit": "visit",
}


def visit_phrase(visit_type: str | None, country: str) -> str:
    if visit_type == "attending_event":
        return f"attending an event in {country}"
    kind = visit_type or "visit"
    return f"{_VISIT.get(kind, kind.replace('_', ' '))} to {country}"


def visit_category(visit_type: str | None) -> str | None:
    if visit_type in (None, "visit"):
        return None
    if visit_type == "attending_event":
        return "Attending an event"
    return _VISIT.get(visit_type, visit_type.replace("_", " ")).capitalize()


def kind(value: str) -> str:
    """An engagement's kind as a category: "Press conference"."""
    return value.replace("_", " ").capitalize()


def flagged(summary: str, status: str) -> str:
    if status == "cancelled":
        return f"Cancelled: {summary}"
    if status == "postponed":
        return f"Postponed: {summary}"
    return summary


def sources(schedule: Schedule, article_ids: Iterable[str]) -> list[str]:
    """One line per source: its outlet, title, day and link, as far as they are known."""
    lines = []
    for article_id in article_ids:
        ref = schedule.sources.get(article_id) or SourceRef(article_id=article_id)
        parts = [ref.outlet] if ref.outlet else []
        if ref.title:
            parts.append(f"“{ref.title}”")
        if not parts:
            parts.append(f"article {article_id[:12]}")
        if ref.published_on:
            parts.append(day(ref.published_on))
        if ref.url:
            parts.append(ref.url)
        lines.append("- " + ", ".join(parts))
    return lines


#: How `rules.date_basis` writes each date: "starts 2025-05-08: <reason> (rule <name>)".
BASIS = re.compile(
    r"(?P<which>starts|ends) \d{4}-\d{2}-\d{2}: (?P<reason>.*?) \(rule [a-z_]+\)"
    r"(?=; (?:starts|ends) \d{4}-|$)"
)
RULE = re.compile(r"\s*\(rule [a-z_]+\)")
_DAY_IN_PARENS = re.compile(r" \((\d{4}-\d{2}-\d{2})\)")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def plain(reason: str) -> str:
    """A rule's reason as people write it: no rule names, days written out
    ("dates stated by Nhân Dân (2025-05-11)" -> "dates stated by Nhân Dân, 11 May 2025")."""

    def written(match: re.Match[str]) -> str:
        try:
            return day(date.fromisoformat(match[0].strip(" ()")))
        except ValueError:
            return match[0]

    text = RULE.sub("", reason)
    text = _DAY_IN_PARENS.sub(lambda m: ", " + written(m), text)
    return _ISO_DAY.sub(written, text)


def _sure(which: str, certainty: Certainty | None) -> str:
    """ "Start", or "Start inferred" / "Start disputed" when no source settles it."""
    if certainty is None or certainty.confirmed:
        return which
    return f"{which} {certainty.value}"


def how_sure(leg: LegView) -> list[str]:
    """How sure each of a leg's dates is and why, in plain words: "Dates stated by
    Nhân Dân, 11 May 2025." or "Start inferred: the delegation left home that day."."""
    reasons = {m["which"]: plain(m["reason"]) for m in BASIS.finditer(leg.date_basis)}
    start, end = reasons.get("starts"), reasons.get("ends")
    if start is not None and start == end and leg.start_certainty == leg.end_certainty:
        sure = leg.start_certainty
        if sure is None or sure.confirmed:
            return [f"{start[:1].upper()}{start[1:]}."]
        return [f"Both dates {sure.value}: {start}."]
    lines = []
    if start is not None:
        lines.append(f"{_sure('Start', leg.start_certainty)}: {start}.")
    if end is not None:
        lines.append(f"{_sure('End', leg.end_certainty)}: {end}.")
    return lines


def _who(schedule: Schedule, article_ids: Iterable[str]) -> str:
    """The sources of a date in a few words: "Viet Nam News (VNS), 11 May 2025"."""
    named: list[str] = []
    for article_id in article_ids:
        ref = schedule.sources.get(article_id) or SourceRef(article_id=article_id)
        who = ref.outlet or (f"“{ref.title}”" if ref.title else "a source")
        if ref.published_on:
            who += f", {day(ref.published_on)}"
        if who not in named:
            named.append(who)
    return "; ".join(named) or "a source"


def _engagement_sure(schedule: Schedule, engagement: EngagementView) -> str:
    """How sure an engagement's day is and why, in plain words."""
    if engagement.certainty is not None and engagement.certainty.confirmed:
        return f"Day stated by {_who(schedule, engagement.sources)}."
    reason = plain(engagement.date_basis).removeprefix("inferred: ")
    return f"Day inferred: {reason}."


#: How a leg's DESCRIPTION words the certainty of its dates.
CERTAINTY_WORDS = {
    Certainty.CORROBORATED: "confirmed by more than one source",
    Certainty.STATED: "confirmed",
    Certainty.INFERRED: "not confirmed: partly inferred",
    Certainty.DISPUTED: "not confirmed: sources disagree",
}


def reported(status: str, as_of: date | None) -> str:
    """A status as reported: "in progress (last reported 11 May 2025)", never implying
    that it still holds today."""
    words = status.replace("_", " ")
    if as_of is None:
        return words
    return f"{words} (last reported {as_of.day} {as_of.strftime('%B %Y')})"


def engagement_line(engagement: EngagementView) -> str:
    """ "- 9 May 2025, 10:00: Talks with … (with President …; at the Kremlin, Moscow)"."""
    what = flagged(engagement.title, engagement.status)
    known: list[str] = []
    if engagement.counterparts:
        known.append("with " + "; ".join(person(p) for p in engagement.counterparts))
    place = engagement.place
    if place is not None and (where := location(place.place, place.city)):
        known.append(f"at {where}")
    if known:
        what += f" ({'; '.join(known)})"
    if not day_known(engagement) or engagement.start_date is None:
        return f"- {what}"
    when = day(engagement.start_date)
    if engagement.local_time is not None:
        when += f", {engagement.local_time.strftime('%H:%M')}"
    elif engagement.day_part:
        when += f", {engagement.day_part}"
    return f"- {when}: {what}"


def engagement_list(listed: list[EngagementView]) -> list[str]:
    """The lines of a leg's DESCRIPTION that list its engagements (none: no lines)."""
    lines: list[str] = []
    dated = [e for e in listed if day_known(e)]
    undated = [e for e in listed if not day_known(e)]
    if dated:
        lines.append("Engagements:")
        lines.extend(engagement_line(e) for e in dated)
    if undated:
        lines.append("Engagements on days not reported:")
        lines.extend(engagement_line(e) for e in undated)
    return lines


def leg_text(
    schedule: Schedule,
    trip: TripView,
    leg: LegView,
    start: date,
    end: date,
    listed: list[EngagementView],
) -> list[str]:
    """The lines of a leg's DESCRIPTION."""
    where = country(leg.country_code) or leg.country_code
    text = [f"{person(trip.principal)}: {visit_phrase(leg.visit_type, where)}."]
    if leg.inviter is not None:
        text.append(f"At the invitation of {person(leg.inviter)}.")
    confirmed = CERTAINTY_WORDS[leg.certainty or Certainty.INFERRED]
    text.append(f"Dates: {span(start, end)} ({confirmed}).")
    text.extend(how_sure(leg))
    text.append(f"Status: {reported(leg.status, leg.status_as_of)}.")
    text.extend(engagement_list(listed))
    if leg.sources:
        text.append("Sources:")
        text.extend(sources(schedule, leg.sources))
    return text


def when(engagement: EngagementView, start: date, end: date, timed: bool) -> str:
    """An engagement's day (and part of day), and its local time when it is `timed`."""
    text = span(start, end)
    if engagement.day_part:
        text += f", {engagement.day_part}"
    if timed and engagement.local_time is not None:
        text += (
            f", {engagement.local_time.strftime('%H:%M')} local time ({engagement.timezone});"
            " the end time is not reported"
        )
    return text


def engagement_text(
    schedule: Schedule, trip: TripView, engagement: EngagementView, when: str
) -> list[str]:
    """The lines of an engagement's DESCRIPTION (`when`: its day and time in words)."""
    text = [f"{kind(engagement.kind)}: {engagement.title}."]
    text.append(f"Part of the trip of {person(trip.principal)}.")
    if engagement.counterparts:
        text.append("With: " + "; ".join(person(p) for p in engagement.counterparts) + ".")
    text.append(f"When: {when}.")
    text.append(_engagement_sure(schedule, engagement))
    text.append(f"Status: {engagement.status.replace('_', ' ')}.")
    if engagement.sources:
        text.append("Sources:")
        text.extend(sources(schedule, engagement.sources))
    return text


# -- the feeds' own names (NAME / X-WR-CALNAME, DESCRIPTION / X-WR-CALDESC) -----------------


def feed_title() -> tuple[str, str]:
    """The name and description of the feed of everything."""
    return "Diplomatic visits", "Leaders' diplomatic trips, from news reports (calendar-svc)"


def trip_feed_title(trip_id: str) -> tuple[str, str]:
    """A trip's feed, named by its id (in English in either language, as ids are)."""
    return f"Trip {trip_id}", f"The legs and engagements of trip {trip_id} (calendar-svc)"


def country_feed_title(country: str) -> tuple[str, str]:
    return (
        f"Diplomatic visits: {country}",
        f"Visits hosted by {country} and engagements held there (calendar-svc)",
    )


def person_feed_title(person: str) -> tuple[str, str]:
    return (
        f"Diplomatic visits: {person}",
        f"The trips of {person}, and the visits they hosted (calendar-svc)",
    )

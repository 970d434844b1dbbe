"""The schedule as an iCalendar feed (RFC 5545, with RFC 7986 calendar properties).

Pure: a `Schedule` and a `FeedSpec` in, bytes out. The same schedule always renders the
same bytes: nothing here reads the clock, and every stamp is the recorded time of the
event that last changed the item. What subscribers' clients need to update, and never
duplicate, an entry:

- UID: derived from the item's id only (``leg.<leg id>@calendar-svc``, ``engagement.…``),
  so an item keeps its UID for ever, whatever else is in the feed.
- SEQUENCE: the item's revision, which rises exactly when what is shown for it changes.
- DTSTAMP and LAST-MODIFIED: the item's ``updated_at`` in UTC.
- STATUS:CANCELLED items stay in the feed, so clients remove them.

Legs are all-day events with an exclusive DTEND (the day after the last day). Engagements
with a known local time and zone are timed (DTSTART;TZID plus a VTIMEZONE built here from
zoneinfo, one per zone used and covering whole years around the dates used); others are
all-day. Text is NFC-normalised, stripped of control characters and escaped.

How it is written, and why so: a feed of the whole schedule holds tens of thousands of
VEVENTs, and building an icalendar `Event` per item then serialising it costs about a
millisecond each (property objects, parameter dictionaries, a fold loop per character).
So icalendar builds what is small and done once: the calendar's own properties (one
header per feed description) and each VTIMEZONE (once per zone and span of years); it
also says, once per zone, how a DTSTART in that zone is written (``;TZID=…``, or UTC's
``Z``). The VEVENTs are written here as content lines, with the same TEXT escaping
(RFC 5545 3.3.11) and the same folding as icalendar 7: at most 74 octets of the line
per physical line, each continuation after CRLF and one space, never inside a UTF-8
sequence and never straight after a backslash (so ``\\n`` or ``\\,`` stays whole). The
output is byte for byte what icalendar writes for the same events; the tests check that
against a renderer built on icalendar objects, and read every feed back with icalendar,
vobject, ical and ical.js.

A trip's VEVENTs depend only on the trip, the sources its items cite and the feed's
base URL, so `EventCache` keeps them rendered, keyed by a digest of exactly those: after
an article moves the log, only the trips it changed are rendered again, and a feed is
its header, VTIMEZONEs and the cached VEVENTs joined in order.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
from babel.dates import format_date, format_interval
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vText,
)

from calendar_svc import __version__
from calendar_svc.domain.values import Certainty, PersonRef, PlaceRef, slug
from calendar_svc.domain.views import (
    EPOCH,
    EngagementView,
    LegView,
    Schedule,
    SourceRef,
    TripView,
)
from calendar_svc.reference.countries import name as country_name
from calendar_svc.reference.identity import person_id
from calendar_svc.reference.office_holders import OFFICE_HOLDERS, OfficeHolder

PRODID = f"-//calendar-svc//calendar-svc {__version__.rsplit('.', 1)[0]}//EN"
UID_DOMAIN = "calendar-svc"
#: An engagement whose end is not reported is shown for this long.
DEFAULT_ENGAGEMENT_LENGTH = timedelta(hours=1)
#: Default budget of an `EventCache`: comfortably more than the VEVENTs of the whole
#: schedule (about 17 MB for 16k events), so that a full feed never evicts its own trips.
EVENT_CACHE_BYTES = 96 * 1024 * 1024

__all__ = [
    "DEFAULT_ENGAGEMENT_LENGTH",
    "ENGAGEMENT_MODES",
    "EVENT_CACHE_BYTES",
    "LANGUAGES",
    "PRODID",
    "EventCache",
    "FeedSpec",
    "feed_last_modified",
    "item_uid",
    "name_in",
    "render_calendar",
    "vtimezone",
]


class FeedSpec(msgspec.Struct, frozen=True):
    """What one feed shows and how it names itself."""

    name: str  # NAME / X-WR-CALNAME
    description: str  # X-WR-CALDESC
    base_url: str  # e.g. "http://127.0.0.1:8000", for URL properties
    trip_id: str | None = None  # only this trip
    country: str | None = None  # only legs hosted by this country and engagements held there
    refresh: timedelta = timedelta(hours=6)
    #: "dated": each engagement whose day is known is an event, the others are listed in
    #: their leg's DESCRIPTION; "none": no engagement events, every engagement is listed.
    engagements: str = "dated"
    #: only trips whose principal's slug contains this (as `/trips?principal=` reads it)
    principal: str | None = None
    #: only items with a day in this period (inclusive; either end open)
    date_from: date | None = None
    date_to: date | None = None
    #: only these trips (a person's, as principal) and, of other trips, these legs (the
    #: legs the person hosted); None: every trip
    trip_ids: frozenset[str] | None = None
    leg_ids: frozenset[str] = frozenset()
    #: "en", or "vi": titles, countries, days and people's names in Vietnamese
    lang: str = "en"


#: The languages a feed is written in.
LANGUAGES = ("en", "vi")


#: The values of `FeedSpec.engagements`.
ENGAGEMENT_MODES = ("dated", "none")


def item_uid(kind: str, item_id: str) -> str:
    """``leg.to-lam-2025-05-05.kz@calendar-svc``: readable, stable, injective.

    The id is percent-encoded (so the UID is ASCII without spaces, commas or semicolons),
    then "." is encoded and "/" becomes ".", so different ids never share a UID.
    """
    return _uid(kind, item_id)[0]


#: What `quote(…, safe="/")` percent-encodes: everything but these.
_UNSAFE = re.compile(r"[^A-Za-z0-9_.~/-]+")


def _percent(match: re.Match[str]) -> str:
    return "".join([f"%{octet:02X}" for octet in match[0].encode()])


def _quote(text: str) -> str:
    """`urllib.parse.quote(text, safe="/")`, without its per-call overhead."""
    return _UNSAFE.sub(_percent, text)


def _uid(kind: str, item_id: str) -> tuple[str, str]:
    """The UID, and the id percent-encoded as the URL's fragment shows it."""
    if not item_id:
        raise ValueError(f"a {kind} without an id cannot have a stable UID")
    quoted = _quote(item_id)
    return f"{kind}.{quoted.replace('.', '%2E').replace('/', '.')}@{UID_DOMAIN}", quoted


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


def _dates(start: date | None, end: date | None) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    first = start or end
    last = end or start
    assert first is not None and last is not None
    return first, max(first, last)


def _leg_country(trip: TripView, leg_id: str | None) -> str | None:
    for leg in trip.legs:
        if leg.leg_id == leg_id:
            return leg.country_code
    return None


def _engagement_country(trip: TripView, engagement: EngagementView) -> str | None:
    if engagement.place is not None and engagement.place.country_code:
        return engagement.place.country_code.upper()
    code = _leg_country(trip, engagement.leg_id)
    return code.upper() if code else None


# -- content lines ----------------------------------------------------------------------------


_ESCAPED = re.compile(r"[\\;,\r\n]")


def _escape(text: str, opening: bool = True) -> str:
    r"""TEXT escaping (RFC 5545 3.3.11), replacement for replacement as icalendar's vText
    does it: ``\N`` is read as a line break, then backslash, semicolon and comma are
    escaped, and every line break (CRLF, LF, lone CR) becomes ``\n``. A byte order mark
    opening a value is dropped, as icalendar's UTF-8-SIG decoding of each value drops it
    (`opening=False`: the text follows others in the value, as a list's later item)."""
    if opening and text.startswith("\ufeff"):
        text = text[1:]
    if _ESCAPED.search(text) is None:
        return text
    return (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


#: Octets of a content line per physical line: icalendar folds before the 75th, and a
#: continuation line is one space and at most this many octets (75 in all).
_FOLD = 74
_BACKSLASH, _CARET = ord("\\"), ord("^")


def _fold(data: bytes) -> bytes:
    """One content line (UTF-8, no line break) as physical lines joined by CRLF + space.

    Greedy, like icalendar's fold: each piece is the longest run of whole characters
    that fits in 74 octets, except that a piece of more than one character never ends
    with a backslash or caret, which moves to the next piece, so that an escape sequence
    is never split across a fold.
    """
    size = len(data)
    if size <= _FOLD:
        return data
    pieces = []
    start = 0
    while size - start > _FOLD:
        end = start + _FOLD
        while data[end] & 0xC0 == 0x80:  # a continuation octet: back to the character start
            end -= 1
        if data[end - 1] in (_BACKSLASH, _CARET) and end - start > 1:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def _component(lines: list[str]) -> bytes:
    """Content lines (already escaped) as folded, CRLF-terminated bytes."""
    encoded = [line.encode() for line in lines]
    for i, data in enumerate(encoded):
        if len(data) > _FOLD:
            encoded[i] = _fold(data)
    encoded.append(b"")
    return b"\r\n".join(encoded)


def _date(day: date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _local(moment: datetime) -> str:
    return (
        f"{moment.year:04}{moment.month:02}{moment.day:02}"
        f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    )


class _ZoneForm(NamedTuple):
    params: str  # ";TZID=Europe/Paris", or "" for a zone icalendar writes as UTC
    suffix: str  # "" or "Z"
    tzid: str | None  # the VTIMEZONE this needs, if any


@lru_cache(maxsize=1024)
def _zone_form(name: str) -> _ZoneForm:
    """How icalendar writes a DTSTART in the zone `name`, asked once per zone: a TZID
    parameter naming it, or (for zones it takes for UTC, e.g. Etc/UTC) a time with
    ``Z`` and no VTIMEZONE."""
    zone = _zone(name)
    assert zone is not None
    probe = Event()
    probe.add("DTSTART", datetime(2000, 1, 1, tzinfo=zone))
    written: bytes = probe.to_ical()
    line = written.decode().replace("\r\n ", "").split("\r\n")[1]  # DTSTART;TZID=…:…
    head, _, value = line.rpartition(":")
    assert head.startswith("DTSTART") and value.startswith("20000101T000000"), line
    tzid = probe["DTSTART"].params.get("TZID")
    return _ZoneForm(head.removeprefix("DTSTART"), value[15:], str(tzid) if tzid else None)


# -- text ---------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # \r, \x85 included
_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def _text(value: str) -> str:
    """NFC (Vietnamese letters precomposed), every kind of line break as LF (escaped as
    \\n on the wire), no other control characters (RFC 5545 3.3.11 excludes them)."""
    if _UNCLEAN.search(value) is not None:
        value = _CONTROL.sub("", _NEWLINE.sub("\n", value))
    return unicodedata.normalize("NFC", value).strip()


def _vtext(value: str) -> str:
    """A TEXT value as written: cleaned by `_text`, then escaped."""
    return _escape(_text(value))


def _vtext_ical(value: str) -> vText:
    """The same, as an icalendar value (for the properties icalendar writes)."""
    return vText(_text(value))


def _day(day: date, year: bool = True) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _span(start: date, end: date) -> str:
    """'9 May 2025', '5–8 May 2025', '30 April – 2 May 2025', '30 December 2025 – 2 January 2026'"""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end)}"
    if start.year == end.year:
        return f"{_day(start, year=False)} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


@lru_cache(maxsize=1024)
def _country(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return country_name(code, "en")
    except KeyError:
        return code.upper()


def _person(person: PersonRef) -> str:
    return f"{person.title} {person.name}" if person.title else person.name


def _location(*parts: str | None) -> str | None:
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or None


_VISIT = {
    "state": "state visit",
    "official": "official visit",
    "working": "working visit",
    "visit": "visit",
}


def _visit_phrase(visit_type: str | None, country: str) -> str:
    if visit_type == "attending_event":
        return f"attending an event in {country}"
    kind = visit_type or "visit"
    return f"{_VISIT.get(kind, kind.replace('_', ' '))} to {country}"


def _visit_category(visit_type: str | None) -> str | None:
    if visit_type in (None, "visit"):
        return None
    if visit_type == "attending_event":
        return "Attending an event"
    return _VISIT.get(visit_type, visit_type.replace("_", " ")).capitalize()


def _sources(schedule: Schedule, article_ids: Iterable[str]) -> list[str]:
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
            parts.append(_day(ref.published_on))
        if ref.url:
            parts.append(ref.url)
        lines.append("- " + ", ".join(parts))
    return lines


#: How `rules.date_basis` writes each date: "starts 2025-05-08: <reason> (rule <name>)".
_BASIS = re.compile(
    r"(?P<which>starts|ends) \d{4}-\d{2}-\d{2}: (?P<reason>.*?) \(rule [a-z_]+\)"
    r"(?=; (?:starts|ends) \d{4}-|$)"
)
_RULE = re.compile(r"\s*\(rule [a-z_]+\)")
_DAY_IN_PARENS = re.compile(r" \((\d{4}-\d{2}-\d{2})\)")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _plain(reason: str) -> str:
    """A rule's reason as people write it: no rule names, days written out
    ("dates stated by Nhân Dân (2025-05-11)" -> "dates stated by Nhân Dân, 11 May 2025")."""

    def day(match: re.Match[str]) -> str:
        try:
            return _day(date.fromisoformat(match[0].strip(" ()")))
        except ValueError:
            return match[0]

    text = _RULE.sub("", reason)
    text = _DAY_IN_PARENS.sub(lambda m: ", " + day(m), text)
    return _ISO_DAY.sub(day, text)


def _sure(which: str, certainty: Certainty | None) -> str:
    """ "Start", or "Start inferred" / "Start disputed" when no source settles it."""
    if certainty is None or certainty.confirmed:
        return which
    return f"{which} {certainty.value}"


def _how_sure(leg: LegView) -> list[str]:
    """How sure each of a leg's dates is and why, in plain words: "Dates stated by
    Nhân Dân, 11 May 2025." or "Start inferred: the delegation left home that day."."""
    reasons = {m["which"]: _plain(m["reason"]) for m in _BASIS.finditer(leg.date_basis)}
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
            who += f", {_day(ref.published_on)}"
        if who not in named:
            named.append(who)
    return "; ".join(named) or "a source"


def _engagement_sure(schedule: Schedule, engagement: EngagementView) -> str:
    """How sure an engagement's day is and why, in plain words."""
    if engagement.certainty is not None and engagement.certainty.confirmed:
        return f"Day stated by {_who(schedule, engagement.sources)}."
    reason = _plain(engagement.date_basis).removeprefix("inferred: ")
    return f"Day inferred: {reason}."


def _machine(basis: str, certainty: Certainty | None) -> list[str]:
    """The rule names and certainty, for programs (people read the DESCRIPTION)."""
    lines = [f"X-CALENDAR-SVC-DATE-BASIS:{_vtext(basis)}"]
    if certainty is not None:
        lines.append(f"X-CALENDAR-SVC-CERTAINTY:{certainty.value}")
    return lines


def _leg_text(
    schedule: Schedule,
    trip: TripView,
    leg: LegView,
    start: date,
    end: date,
    listed: list[EngagementView],
) -> list[str]:
    """The lines of a leg's DESCRIPTION."""
    country = _country(leg.country_code) or leg.country_code
    text = [f"{_person(trip.principal)}: {_visit_phrase(leg.visit_type, country)}."]
    if leg.inviter is not None:
        text.append(f"At the invitation of {_person(leg.inviter)}.")
    confirmed = _CERTAINTY_WORDS[leg.certainty or Certainty.INFERRED]
    text.append(f"Dates: {_span(start, end)} ({confirmed}).")
    text.extend(_how_sure(leg))
    text.append(f"Status: {_reported(leg.status, leg.status_as_of)}.")
    text.extend(_engagement_list(listed))
    if leg.sources:
        text.append("Sources:")
        text.extend(_sources(schedule, leg.sources))
    return text


def _engagement_text(
    schedule: Schedule, trip: TripView, engagement: EngagementView, when: str
) -> list[str]:
    """The lines of an engagement's DESCRIPTION (`when`: its day and time in words)."""
    kind = engagement.kind.replace("_", " ").capitalize()
    text = [f"{kind}: {engagement.title}."]
    text.append(f"Part of the trip of {_person(trip.principal)}.")
    if engagement.counterparts:
        text.append("With: " + "; ".join(_person(p) for p in engagement.counterparts) + ".")
    text.append(f"When: {when}.")
    text.append(_engagement_sure(schedule, engagement))
    text.append(f"Status: {engagement.status.replace('_', ' ')}.")
    if engagement.sources:
        text.append("Sources:")
        text.extend(_sources(schedule, engagement.sources))
    return text


def _trip_url(base: str, trip: TripView, lang: str = "en") -> str:
    """The URL of a trip's page for people (``/ui/trips/{id}``, whose rows have the
    items' ids), up to the "#" of an item's fragment. A URI value is
    written as is (icalendar's vUri), and one with CR or LF is refused; the percent-encoded
    fragment added to it never has either."""
    query = "" if lang == "en" else f"?lang={lang}"
    url = f"{base}/ui/trips/{quote(trip.trip_id, safe='')}{query}#"
    if "\r" in url or "\n" in url:
        raise ValueError(f"A URI value may not contain CR or LF characters: {url!r}")
    return url


# -- events ------------------------------------------------------------------------------


class _Rendered(NamedTuple):
    """One VEVENT, written, with what a feed needs to place and filter it."""

    start: date
    uid: str
    country: str | None  # what a country feed compares with its (upper-case) code
    stamp: datetime  # LAST-MODIFIED
    zones: tuple[tuple[str, date], ...]  # (TZID, local date) of each zoned DTSTART/DTEND
    data: bytes  # BEGIN:VEVENT … END:VEVENT, folded, CRLF-terminated
    end: date  # the last day (inclusive), for a feed's period


_ORDER = itemgetter(0, 1)  # start date, then UID


def _confirmed(certainty: Certainty | None) -> bool:
    """CONFIRMED only for dates a source states (`stated`, `corroborated`); the rules
    decide the certainty, the feed only maps it."""
    return certainty is not None and certainty.confirmed


#: How a leg's DESCRIPTION words the certainty of its dates.
_CERTAINTY_WORDS = {
    Certainty.CORROBORATED: "confirmed by more than one source",
    Certainty.STATED: "confirmed",
    Certainty.INFERRED: "not confirmed: partly inferred",
    Certainty.DISPUTED: "not confirmed: sources disagree",
}


def _leg_status(leg: LegView) -> str:
    if leg.status == "cancelled":
        return "CANCELLED"
    if leg.status in ("in_progress", "concluded") and _confirmed(leg.certainty):
        return "CONFIRMED"
    return "TENTATIVE"


def _engagement_status(engagement: EngagementView) -> str:
    if engagement.status == "cancelled":
        return "CANCELLED"
    if engagement.status == "reported" and _confirmed(engagement.certainty):
        return "CONFIRMED"
    return "TENTATIVE"


def _reported(status: str, as_of: date | None) -> str:
    """A status as reported: "in progress (last reported 11 May 2025)", never implying
    that it still holds today."""
    words = status.replace("_", " ")
    if as_of is None:
        return words
    return f"{words} (last reported {as_of.day} {as_of.strftime('%B %Y')})"


def _flagged(summary: str, status: str) -> str:
    if status == "cancelled":
        return f"Cancelled: {summary}"
    if status == "postponed":
        return f"Postponed: {summary}"
    return summary


def _common(uid: str, revision: int, stamp: datetime, status: str) -> list[str]:
    at = _local(stamp) + "Z"
    return [
        "BEGIN:VEVENT",
        f"UID:{_escape(uid)}",
        f"SEQUENCE:{int(revision)}",
        f"DTSTAMP:{at}",
        f"LAST-MODIFIED:{at}",
        f"STATUS:{status}",
    ]


def _all_day(lines: list[str], start: date, end: date) -> None:
    lines.append(f"DTSTART;VALUE=DATE:{_date(start)}")
    lines.append(f"DTEND;VALUE=DATE:{_date(end + timedelta(days=1))}")  # exclusive (3.6.1)


def _geo(latitude: float, longitude: float) -> str:
    return f"GEO:{float(latitude)};{float(longitude)}"


def _leg_event(
    schedule: Schedule,
    url: str,
    trip: TripView,
    leg: LegView,
    start: date,
    end: date,
    listed: list[EngagementView],
    lang: str = "en",
) -> _Rendered:
    uid, fragment = _uid("leg", leg.leg_id)
    stamp = _leg_stamp(trip, leg, listed)
    vi = lang == "vi"
    country = (_country_vi if vi else _country)(leg.country_code) or leg.country_code
    principal = trip.principal
    phrase = (_visit_phrase_vi if vi else _visit_phrase)(leg.visit_type, country)
    lines = _common(uid, leg.revision, stamp, _leg_status(leg))
    _all_day(lines, start, end)
    name = _name_vi(principal.name) if vi else principal.name
    flag = _flagged_vi if vi else _flagged
    lines.append(f"SUMMARY:{_vtext(flag(f'{name}: {phrase}', leg.status))}")
    lines.append(f"LOCATION:{_vtext(_location(leg.city, country) or country)}")
    if leg.latitude is not None and leg.longitude is not None:
        lines.append(_geo(leg.latitude, leg.longitude))
    lines.append("TRANSP:TRANSPARENT")
    categories = "Chuyến thăm ngoại giao" if vi else "Diplomatic visit"
    if (category := (_visit_category_vi if vi else _visit_category)(leg.visit_type)) is not None:
        categories += "," + _escape(category, opening=False)
    lines.append(f"CATEGORIES:{categories}")
    lines.append(f"URL:{url}{fragment}")
    if vi:
        text = _leg_text_vi(schedule, trip, leg, start, end, listed)
    else:
        text = _leg_text(schedule, trip, leg, start, end, listed)
    lines.append(f"DESCRIPTION:{_vtext(chr(10).join(text))}")
    lines.extend(_machine(leg.date_basis, leg.certainty))
    lines.append("END:VEVENT")
    return _Rendered(start, uid, leg.country_code.upper(), stamp, (), _component(lines), end)


@lru_cache(maxsize=1024)
def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _engagement_event(
    schedule: Schedule,
    url: str,
    trip: TripView,
    engagement: EngagementView,
    start: date,
    end: date,
    lang: str = "en",
) -> _Rendered:
    uid, fragment = _uid("engagement", engagement.engagement_id)
    vi = lang == "vi"
    stamp = _utc(engagement.updated_at or trip.updated_at or EPOCH)
    zone = _zone(engagement.timezone)
    lines = _common(uid, engagement.revision, stamp, _engagement_status(engagement))
    zones: tuple[tuple[str, date], ...] = ()
    when = _span_vi(start, end) if vi else _span(start, end)
    if engagement.day_part and not vi:
        when += f", {engagement.day_part}"
    if engagement.local_time is not None and zone is not None:
        assert engagement.timezone is not None
        form = _zone_form(engagement.timezone)
        begins = datetime.combine(start, engagement.local_time.replace(tzinfo=None), zone)
        # An hour on the local clock. (An hour of elapsed time would end, on the night
        # clocks go back, at a repeated wall time that clients read as its first
        # occurrence: a zero-length event.)
        ends = begins + DEFAULT_ENGAGEMENT_LENGTH
        lines.append(f"DTSTART{form.params}:{_local(begins)}{form.suffix}")
        lines.append(f"DTEND{form.params}:{_local(ends)}{form.suffix}")
        lines.append("TRANSP:OPAQUE")
        if form.tzid:
            zones = ((form.tzid, begins.date()), (form.tzid, ends.date()))
        if vi:
            when += f", {engagement.local_time.strftime('%H:%M')} giờ địa phương"
        else:
            when += (
                f", {engagement.local_time.strftime('%H:%M')} local time ({engagement.timezone});"
                " the end time is not reported"
            )
    else:
        _all_day(lines, start, end)
        lines.append("TRANSP:TRANSPARENT")
    place: PlaceRef | None = engagement.place
    code = place.country_code if place else _leg_country(trip, engagement.leg_id)
    country = (_country_vi if vi else _country)(code)
    location = _location(place.place if place else None, place.city if place else None, country)
    flag = _flagged_vi if vi else _flagged
    lines.append(f"SUMMARY:{_vtext(flag(engagement.title, engagement.status))}")
    if location:
        lines.append(f"LOCATION:{_vtext(location)}")
    if place is not None and place.latitude is not None and place.longitude is not None:
        lines.append(_geo(place.latitude, place.longitude))
    kind = _kind_vi(engagement.kind) if vi else engagement.kind.replace("_", " ").capitalize()
    group = "Hoạt động ngoại giao" if vi else "Diplomatic engagement"
    lines.append(f"CATEGORIES:{group},{_escape(kind, opening=False)}")
    lines.append(f"URL:{url}{fragment}")
    if vi:
        text = _engagement_text_vi(schedule, trip, engagement, when)
    else:
        text = _engagement_text(schedule, trip, engagement, when)
    lines.append(f"DESCRIPTION:{_vtext(chr(10).join(text))}")
    lines.extend(_machine(engagement.date_basis, engagement.certainty))
    lines.append("END:VEVENT")
    held_in = _engagement_country(trip, engagement)
    return _Rendered(start, uid, held_in, stamp, zones, _component(lines), end)


# -- Vietnamese (?lang=vi) ---------------------------------------------------------------------

_VI_VISIT = {
    "state": "thăm cấp Nhà nước",
    "official": "thăm chính thức",
    "working": "thăm làm việc",
    "visit": "thăm",
}
_VI_KIND = {
    "talks": "Hội đàm",
    "meeting": "Hội kiến",
    "banquet": "Chiêu đãi",
    "forum": "Diễn đàn",
    "wreath_laying": "Đặt vòng hoa",
    "ceremony": "Lễ",
    "speech": "Phát biểu",
    "signing": "Ký kết",
    "press_conference": "Họp báo",
    "summit": "Hội nghị thượng đỉnh",
    "visit": "Thăm",
}
_VI_TITLE = {
    "General Secretary": "Tổng Bí thư",
    "Prime Minister": "Thủ tướng",
    "Deputy Prime Minister": "Phó Thủ tướng",
    "Chairman": "Chủ tịch",
    "Chairwoman": "Chủ tịch",
    "Speaker": "Chủ tịch",
    "King": "Quốc vương",
    "Queen": "Nữ hoàng",
    "Chancellor": "Thủ tướng",
    "First Secretary": "Bí thư thứ nhất",
    "Vice President": "Phó Tổng thống",
    "Foreign Minister": "Bộ trưởng Ngoại giao",
}
_VI_CERTAINTY = {
    Certainty.CORROBORATED: "đã xác nhận, nhiều nguồn",
    Certainty.STATED: "đã xác nhận",
    Certainty.INFERRED: "chưa xác nhận: một phần suy ra",
    Certainty.DISPUTED: "chưa xác nhận: các nguồn khác nhau",
}
_VI_SURE = {Certainty.INFERRED: "suy ra", Certainty.DISPUTED: "còn tranh cãi"}
_VI_STATUS = {
    "announced": "đã công bố",
    "in_progress": "đang diễn ra",
    "concluded": "đã kết thúc",
    "postponed": "hoãn",
    "cancelled": "hủy",
    "reported": "đã đưa tin",
}
#: The rules' reasons (`calendar_svc.domain.rules`), as a Vietnamese reader is told them.
_VI_REASON = {
    "the delegation left the previous leg for this one that day": (
        "đoàn rời chặng trước sang chặng này ngày hôm đó"
    ),
    "the previous leg concluded that day": "chặng trước kết thúc ngày hôm đó",
    "the delegation left home that day": "đoàn lên đường ngày hôm đó",
    "the trip starts that day": "chuyến đi bắt đầu ngày hôm đó",
    "the last leg ends with the trip": "chặng cuối kết thúc cùng chuyến đi",
    "no source states it; bounded by the legs before it": (
        "không nguồn nào nêu; suy từ các chặng trước"
    ),
    "no source states it; bounded by the legs after it": (
        "không nguồn nào nêu; suy từ các chặng sau"
    ),
    "the delegation arrived that day": "đoàn đến nơi ngày hôm đó",
    "the delegation arrived the evening before": "đoàn đến nơi tối hôm trước",
    "the leg was reported concluded": "chặng được đưa tin là đã kết thúc",
}
_STATED_BY = re.compile(r"^dates stated by (.+?)(?: \((\d{4}-\d{2}-\d{2})\))?$")


def _day_vi(day: date) -> str:
    """ "8 tháng 5, 2025" (CLDR's long date for Vietnamese)."""
    return str(format_date(day, "long", locale="vi"))


def _span_vi(start: date, end: date) -> str:
    """ "8 – 11 thg 5, 2025": CLDR's interval format for Vietnamese."""
    if start == end:
        return _day_vi(start)
    return str(format_interval(start, end, "yMMMd", locale="vi"))


@lru_cache(maxsize=1024)
def _country_vi(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return country_name(code, "vi")
    except KeyError:
        return code.upper()


@lru_cache(maxsize=4096)
def _holder(name: str) -> OfficeHolder | None:
    found = person_id(name)
    return next((row for row in OFFICE_HOLDERS if row.person_id == found), None)


def _name_vi(name: str) -> str:
    """A name as Vietnamese sources write it: the office-holder table's Vietnamese form
    (its forms that are not ASCII: "Vla-đi-mia Pu-tin", "Tập Cận Bình"), else as given."""
    row = _holder(name)
    if row is not None:
        for form in row.forms:
            if not form.isascii():
                return form
    return name


def name_in(name: str, lang: str) -> str:
    """A person's name as a feed in `lang` writes it."""
    return _name_vi(name) if lang == "vi" else name


def _person_vi(person: PersonRef) -> str:
    name = _name_vi(person.name)
    if not person.title:
        return name
    row = _holder(person.name)
    if person.title == "President":
        title = "Chủ tịch nước" if row is not None and row.country == "VN" else "Tổng thống"
    else:
        title = _VI_TITLE.get(person.title, person.title)
    return f"{title} {name}"


def _visit_phrase_vi(visit_type: str | None, country: str) -> str:
    if visit_type == "attending_event":
        return f"dự sự kiện tại {country}"
    return f"{_VI_VISIT.get(visit_type or 'visit', 'thăm')} {country}"


def _visit_category_vi(visit_type: str | None) -> str | None:
    if visit_type in (None, "visit"):
        return None
    if visit_type == "attending_event":
        return "Dự sự kiện"
    phrase = _VI_VISIT.get(visit_type, visit_type.replace("_", " "))
    return phrase[:1].upper() + phrase[1:]


def _kind_vi(kind: str) -> str:
    return _VI_KIND.get(kind, kind.replace("_", " ").capitalize())


def _flagged_vi(summary: str, status: str) -> str:
    if status == "cancelled":
        return f"Hủy: {summary}"
    if status == "postponed":
        return f"Hoãn: {summary}"
    return summary


def _status_vi(status: str, as_of: date | None) -> str:
    words = _VI_STATUS.get(status, status.replace("_", " "))
    return words if as_of is None else f"{words} (đưa tin lần cuối {_day_vi(as_of)})"


def _reason_vi(reason: str) -> str:
    """A rule's reason in Vietnamese where it is one the rules give, else in words as is."""
    text = _RULE.sub("", reason)
    if (said := _STATED_BY.match(text)) is not None:
        who, day = said[1], said[2]
        return f"ngày do {who} công bố" + (f", {_day_vi(date.fromisoformat(day))}" if day else "")
    return _VI_REASON.get(text, _plain(text))


def _how_sure_vi(leg: LegView) -> list[str]:
    reasons = {m["which"]: _reason_vi(m["reason"]) for m in _BASIS.finditer(leg.date_basis)}
    start = reasons.get("starts")
    same = start is not None and start == reasons.get("ends")
    if same and leg.start_certainty == leg.end_certainty:  # one reason for both dates
        how = _VI_SURE.get(leg.start_certainty) if leg.start_certainty else None
        return [f"Cả hai ngày{f' ({how})' if how else ''}: {start}."]
    lines = []
    for which, words, sure in (
        ("starts", "Bắt đầu", leg.start_certainty),
        ("ends", "Kết thúc", leg.end_certainty),
    ):
        if (reason := reasons.get(which)) is not None:
            how = _VI_SURE.get(sure) if sure is not None else None
            lines.append(f"{words}{f' ({how})' if how else ''}: {reason}.")
    return lines


def _sources_vi(schedule: Schedule, article_ids: Iterable[str]) -> list[str]:
    lines = []
    for article_id in article_ids:
        ref = schedule.sources.get(article_id) or SourceRef(article_id=article_id)
        parts = [ref.outlet] if ref.outlet else []
        if ref.title:
            parts.append(f"“{ref.title}”")
        if not parts:
            parts.append(f"bài {article_id[:12]}")
        if ref.published_on:
            parts.append(_day_vi(ref.published_on))
        if ref.url:
            parts.append(ref.url)
        lines.append("- " + ", ".join(parts))
    return lines


def _engagement_line_vi(engagement: EngagementView) -> str:
    what = _flagged_vi(engagement.title, engagement.status)
    if engagement.counterparts:
        what += f" (với {'; '.join(_person_vi(p) for p in engagement.counterparts)})"
    if not day_known(engagement) or engagement.start_date is None:
        return f"- {what}"
    when = _day_vi(engagement.start_date)
    if engagement.local_time is not None:
        when += f", {engagement.local_time.strftime('%H:%M')}"
    return f"- {when}: {what}"


def _leg_text_vi(
    schedule: Schedule,
    trip: TripView,
    leg: LegView,
    start: date,
    end: date,
    listed: list[EngagementView],
) -> list[str]:
    """The lines of a leg's DESCRIPTION, in Vietnamese."""
    country = _country_vi(leg.country_code) or leg.country_code
    text = [f"{_person_vi(trip.principal)}: {_visit_phrase_vi(leg.visit_type, country)}."]
    if leg.inviter is not None:
        text.append(f"Theo lời mời của {_person_vi(leg.inviter)}.")
    confirmed = _VI_CERTAINTY[leg.certainty or Certainty.INFERRED]
    text.append(f"Thời gian: {_span_vi(start, end)} ({confirmed}).")
    text.extend(_how_sure_vi(leg))
    text.append(f"Tình trạng: {_status_vi(leg.status, leg.status_as_of)}.")
    dated = [e for e in listed if day_known(e)]
    undated = [e for e in listed if not day_known(e)]
    if dated:
        text.append("Hoạt động:")
        text.extend(_engagement_line_vi(e) for e in dated)
    if undated:
        text.append("Hoạt động chưa rõ ngày:")
        text.extend(_engagement_line_vi(e) for e in undated)
    if leg.sources:
        text.append("Nguồn:")
        text.extend(_sources_vi(schedule, leg.sources))
    return text


def _engagement_text_vi(
    schedule: Schedule, trip: TripView, engagement: EngagementView, when: str
) -> list[str]:
    """The lines of an engagement's DESCRIPTION, in Vietnamese."""
    text = [f"{_kind_vi(engagement.kind)}: {engagement.title}."]
    text.append(f"Thuộc chuyến đi của {_person_vi(trip.principal)}.")
    if engagement.counterparts:
        text.append("Với: " + "; ".join(_person_vi(p) for p in engagement.counterparts) + ".")
    text.append(f"Thời gian: {when}.")
    if engagement.certainty is not None and engagement.certainty.confirmed:
        text.append("Ngày do nguồn tin nêu.")
    else:
        text.append(f"Ngày suy ra: {_reason_vi(engagement.date_basis.removeprefix('inferred: '))}.")
    text.append(f"Tình trạng: {_VI_STATUS.get(engagement.status, engagement.status)}.")
    if engagement.sources:
        text.append("Nguồn:")
        text.extend(_sources_vi(schedule, engagement.sources))
    return text


class _Form(NamedTuple):
    """What a trip's VEVENTs depend on besides the trip: the feed's base URL and how it
    shows engagements."""

    base: str
    engagements: str = "dated"
    lang: str = "en"


def day_known(engagement: EngagementView) -> bool:
    """Whether an engagement's day is known: one day, stated or inferred from its title
    (a commemoration). "During the visit" spans the leg: its day is not known."""
    return engagement.start_date is not None and engagement.start_date == engagement.end_date


def _is_event(engagement: EngagementView, mode: str) -> bool:
    return mode == "dated" and day_known(engagement)


def _leg_of(trip: TripView, engagement: EngagementView) -> str | None:
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


def _listed(trip: TripView, leg: LegView, mode: str) -> list[EngagementView]:
    """The engagements a leg's DESCRIPTION lists: its own that are not events, the dated
    ones first (by day), then the others in the order the trip has them."""
    own = [e for e in trip.engagements if not _is_event(e, mode) and _leg_of(trip, e) == leg.leg_id]
    dated = sorted((e for e in own if day_known(e)), key=lambda e: e.start_date or EPOCH.date())
    return dated + [e for e in own if not day_known(e)]


def _leg_stamp(trip: TripView, leg: LegView, listed: list[EngagementView]) -> datetime:
    """A leg's LAST-MODIFIED: its own change, or a later one of an engagement its
    DESCRIPTION lists (what the event shows changed then)."""
    stamps = [_utc(leg.updated_at or trip.updated_at or EPOCH)]
    stamps += [_utc(e.updated_at or trip.updated_at or EPOCH) for e in listed]
    return max(stamps)


def _engagement_line(engagement: EngagementView) -> str:
    """ "- 9 May 2025, 10:00: Talks with … (with President …; at the Kremlin, Moscow)"."""
    what = _flagged(engagement.title, engagement.status)
    known: list[str] = []
    if engagement.counterparts:
        known.append("with " + "; ".join(_person(p) for p in engagement.counterparts))
    place = engagement.place
    if place is not None and (where := _location(place.place, place.city)):
        known.append(f"at {where}")
    if known:
        what += f" ({'; '.join(known)})"
    if not day_known(engagement) or engagement.start_date is None:
        return f"- {what}"
    when = _day(engagement.start_date)
    if engagement.local_time is not None:
        when += f", {engagement.local_time.strftime('%H:%M')}"
    elif engagement.day_part:
        when += f", {engagement.day_part}"
    return f"- {when}: {what}"


def _engagement_list(listed: list[EngagementView]) -> list[str]:
    """The lines of a leg's DESCRIPTION that list its engagements (none: no lines)."""
    lines: list[str] = []
    dated = [e for e in listed if day_known(e)]
    undated = [e for e in listed if not day_known(e)]
    if dated:
        lines.append("Engagements:")
        lines.extend(_engagement_line(e) for e in dated)
    if undated:
        lines.append("Engagements on days not reported:")
        lines.extend(_engagement_line(e) for e in undated)
    return lines


def _render_trip(schedule: Schedule, trip: TripView, form: _Form) -> tuple[_Rendered, ...]:
    """Every event of a trip, written (whatever feed it is for: filters come later)."""
    out: list[_Rendered] = []
    url = ""  # made for the first dated item (an invalid base URL fails only then)
    mode = form.engagements
    for leg in trip.legs:
        if (span := _dates(leg.start_date, leg.end_date)) is not None:
            url = url or _trip_url(form.base, trip, form.lang)
            listed = _listed(trip, leg, mode)
            out.append(_leg_event(schedule, url, trip, leg, *span, listed, form.lang))
    for engagement in trip.engagements:
        if not _is_event(engagement, mode):
            continue
        if (span := _dates(engagement.start_date, engagement.end_date)) is not None:
            url = url or _trip_url(form.base, trip, form.lang)
            out.append(_engagement_event(schedule, url, trip, engagement, *span, form.lang))
    return tuple(out)


def _listed_trip(trip: TripView, form: _Form) -> tuple[_Rendered, ...]:
    """A trip's events as `_render_trip` gives them, but not written: enough to
    filter, order and date a feed (LAST-MODIFIED without a cache to hand)."""
    out: list[_Rendered] = []
    for leg in trip.legs:
        if (span := _dates(leg.start_date, leg.end_date)) is not None:
            stamp = _leg_stamp(trip, leg, _listed(trip, leg, form.engagements))
            uid = item_uid("leg", leg.leg_id)
            code = leg.country_code.upper()
            out.append(_Rendered(span[0], uid, code, stamp, (), b"", span[1]))
    for engagement in trip.engagements:
        if not _is_event(engagement, form.engagements):
            continue
        if (span := _dates(engagement.start_date, engagement.end_date)) is not None:
            stamp = _utc(engagement.updated_at or trip.updated_at or EPOCH)
            uid = item_uid("engagement", engagement.engagement_id)
            held_in = _engagement_country(trip, engagement)
            out.append(_Rendered(span[0], uid, held_in, stamp, (), b"", span[1]))
    return tuple(out)


# -- the cache of rendered trips --------------------------------------------------------------

_signer = msgspec.msgpack.Encoder()
#: What an entry costs beyond its VEVENT bytes (tuples, dates, strings), roughly.
_ENTRY_OVERHEAD = 256


def _signature(schedule: Schedule, trip: TripView) -> bytes:
    """A digest of everything a trip's VEVENTs are made of: the trip (its legs and
    engagements, principal, stamps) and the sources its items cite, as they are now (a
    source can be added without a new revision, and its title or outlet can change)."""
    sources = schedule.sources
    cited = [sources.get(a) for leg in trip.legs for a in leg.sources]
    cited += [sources.get(a) for e in trip.engagements for a in e.sources]
    return hashlib.blake2b(_signer.encode((trip, cited)), digest_size=16).digest()


class EventCache:
    """Each trip's rendered VEVENTs, keyed by (digest of the trip and its sources, base
    URL and how engagements are shown), least recently used first out once they weigh
    more than `max_bytes`.

    For the schedule last asked about, it also remembers which entry each trip object
    has, so the several feeds of one log position (everything, a trip, a country, and
    LAST-MODIFIED) digest each trip once. Thread-safe; at worst two threads render the
    same trip at once and one result is kept.
    """

    def __init__(self, max_bytes: int = EVENT_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.rendered = 0  # trips rendered, for tests and metrics
        self.reused = 0  # trips found rendered
        self._entries: OrderedDict[tuple[bytes, _Form], tuple[tuple[_Rendered, ...], int]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()
        self._schedule: Schedule | None = None  # held, so that ids of its trips stay unique
        self._known: dict[tuple[int, _Form], tuple[_Rendered, ...]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def trip(self, schedule: Schedule, trip: TripView, form: _Form) -> tuple[_Rendered, ...]:
        with self._lock:
            if self._schedule is not schedule:
                self._schedule = schedule
                self._known = {}
            known = self._known.get((id(trip), form))
        if known is not None:
            return known
        key = (_signature(schedule, trip), form)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.reused += 1
        if entry is None:
            items = _render_trip(schedule, trip, form)
            size = sum(len(item.data) for item in items) + _ENTRY_OVERHEAD * (len(items) + 1)
            entry = (items, size)
            with self._lock:
                self.rendered += 1
                if key not in self._entries:
                    self._entries[key] = entry
                    self.bytes += size
                    while self.bytes > self.max_bytes and self._entries:
                        _, (_, dropped) = self._entries.popitem(last=False)
                        self.bytes -= dropped
        with self._lock:
            if self._schedule is schedule:
                self._known[(id(trip), form)] = entry[0]
        return entry[0]


# -- which items a feed holds ----------------------------------------------------------------


def _items(
    schedule: Schedule, spec: FeedSpec, cache: EventCache | None, *, write: bool = True
) -> list[_Rendered]:
    """The feed's items in order; written unless `write` is false and no cache is given."""
    if spec.engagements not in ENGAGEMENT_MODES:
        raise ValueError(f"engagements must be one of {ENGAGEMENT_MODES}, not {spec.engagements!r}")
    country = spec.country.strip().upper() if spec.country else None
    if spec.lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {spec.lang!r}")
    form = _Form(spec.base_url.rstrip("/"), spec.engagements, spec.lang)
    items: list[_Rendered] = []
    hosted = {item_uid("leg", leg_id) for leg_id in spec.leg_ids}
    lo, hi = spec.date_from, spec.date_to
    for trip in schedule.trips:
        if spec.trip_id is not None and trip.trip_id != spec.trip_id:
            continue
        if spec.principal is not None and spec.principal not in slug(trip.principal.name):
            continue
        whole = spec.trip_ids is None or trip.trip_id in spec.trip_ids
        if not whole and not any(leg.leg_id in spec.leg_ids for leg in trip.legs):
            continue
        if cache is not None:
            rendered = cache.trip(schedule, trip, form)
        elif write:
            rendered = _render_trip(schedule, trip, form)
        else:
            rendered = _listed_trip(trip, form)
        items.extend(
            item
            for item in rendered
            if (whole or item.uid in hosted)
            and (country is None or item.country == country)
            and (lo is None or item.end >= lo)
            and (hi is None or item.start <= hi)
        )
    items.sort(key=_ORDER)
    seen: set[str] = set()
    for item in items:
        if item.uid in seen:
            raise ValueError(f"two items of the schedule share the UID {item.uid}")
        seen.add(item.uid)
    return items


def feed_last_modified(
    schedule: Schedule, spec: FeedSpec, *, cache: EventCache | None = None
) -> datetime | None:
    """The latest LAST-MODIFIED in the feed (UTC, whole seconds), None for an empty feed.

    Whole seconds because HTTP dates have no finer resolution: a sub-second value would
    never compare equal to the If-Modified-Since a client sends back. Two revisions
    recorded within one second share it, and a source added to an item changes its
    DESCRIPTION without a new revision, so serve a strong ETag of the body as well (and
    let If-None-Match win over If-Modified-Since, as RFC 9110 says).

    With the `cache` a feed was just rendered with, this costs no more than a lookup.
    """
    items = _items(schedule, spec, cache, write=False)
    return max((item.stamp for item in items), default=None)


# -- time zones ----------------------------------------------------------------------------


def _transitions(
    zone: tzinfo, start: datetime, end: datetime
) -> Iterator[tuple[datetime, datetime]]:
    """(instant of the change in UTC, previous local state) for each change in [start, end)."""

    def state(t: datetime) -> tuple[timedelta | None, timedelta | None, str | None]:
        local = t.astimezone(zone)
        return local.utcoffset(), local.dst(), local.tzname()

    step = timedelta(hours=6)  # shorter than any interval between two changes of offset
    t = start
    while t < end:
        nxt = min(t + step, end)
        if state(nxt) != state(t):
            lo, hi = t, nxt  # state(lo) != state(hi): bisect to the second
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if state(mid) == state(lo):
                    lo = mid
                else:
                    hi = mid
            yield hi, lo
        t = nxt


@dataclass(frozen=True)
class _Observance:
    daylight: bool
    onset: datetime  # local time, in the offset in force before it
    offset_from: timedelta
    offset_to: timedelta
    name: str


@lru_cache(maxsize=512)
def _observances(tzid: str, first_year: int, last_year: int) -> tuple[_Observance, ...]:
    zone = _zone(tzid)
    if zone is None:
        raise ValueError(f"unknown time zone {tzid!r}")
    # from local midnight on 1 January, so that the first observance covers the whole day
    start = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)

    def observance(at: datetime, offset_from: timedelta | None) -> _Observance:
        local = at.astimezone(zone)
        offset_to = local.utcoffset()
        assert offset_to is not None
        before = offset_to if offset_from is None else offset_from
        onset = (at + before).replace(tzinfo=None)
        return _Observance(bool(local.dst()), onset, before, offset_to, local.tzname() or "")

    found = [observance(start, None)]
    for changed_at, before in _transitions(zone, start, end):
        found.append(observance(changed_at, before.astimezone(zone).utcoffset()))
    return tuple(found)


def vtimezone(tzid: str, first: date, last: date) -> Timezone:
    """A VTIMEZONE for an IANA zone, exact from local midnight on 1 January of
    ``first``'s year to the end of ``last``'s year: one observance per change of offset,
    each DTSTART the local time of the change reckoned in the offset in force before it,
    as RFC 5545 requires. (icalendar's `Timezone.from_tzinfo` writes the wall time after
    the change for DAYLIGHT onsets, an hour late.) Whole years keep the component stable
    while a feed's dates move within the year. ValueError for an unknown zone.
    """
    tz = Timezone()
    tz.add("TZID", tzid)
    for observance in _observances(tzid, first.year, last.year):
        kind = TimezoneDaylight() if observance.daylight else TimezoneStandard()
        kind.add("DTSTART", observance.onset)
        kind.add("TZOFFSETFROM", observance.offset_from)
        kind.add("TZOFFSETTO", observance.offset_to)
        kind.add("TZNAME", observance.name)
        tz.add_component(kind)
    return tz


@lru_cache(maxsize=512)
def _vtimezone_ical(tzid: str, first_year: int, last_year: int) -> bytes:
    """`vtimezone` written by icalendar, once per zone and span of years."""
    component = vtimezone(tzid, date(first_year, 1, 1), date(last_year, 1, 1))
    data: bytes = component.to_ical(sorted=False)
    return data


# -- the calendar ---------------------------------------------------------------------------


def _duration(value: timedelta) -> vDuration:
    if value <= timedelta(0) or value % timedelta(seconds=1):
        raise ValueError(f"refresh must be a positive whole number of seconds, not {value}")
    return vDuration(value)


_END = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=256)
def _header(name: str, description: str, refresh: timedelta) -> bytes:
    """BEGIN:VCALENDAR and the calendar's properties, written by icalendar."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    # No METHOD: a feed people subscribe to is not an iTIP scheduling message. METHOD:PUBLISH
    # would require an ORGANIZER on every VEVENT (RFC 5546 3.2.1; libical's restriction
    # check fails without one), and an ORGANIZER makes Outlook and Apple Calendar present
    # each visit as an invitation from that address. Google, Outlook, Apple and
    # Thunderbird subscribe to a feed without METHOD as they do with one.
    # icalendar 7 types NAME and the X-WR-* properties as "unknown" and would write a plain
    # str unescaped (a newline would even break the line): always pass vText.
    calendar.add("NAME", _vtext_ical(name))
    calendar.add("X-WR-CALNAME", _vtext_ical(name))
    calendar.add("DESCRIPTION", _vtext_ical(description))
    calendar.add("X-WR-CALDESC", _vtext_ical(description))
    calendar.add("REFRESH-INTERVAL", _duration(refresh), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", _duration(refresh))
    data: bytes = calendar.to_ical(sorted=False)
    assert data.endswith(_END)
    return data[: -len(_END)]


def render_calendar(
    schedule: Schedule, spec: FeedSpec, *, cache: EventCache | None = None
) -> bytes:
    """The feed: VCALENDAR with its VTIMEZONEs, then one VEVENT per dated item, ordered by
    start date then UID. CRLF line endings, folded at 75 octets, UTF-8.

    With a `cache`, trips already rendered (unchanged, same sources, same base URL) are
    reused: the bytes are the same as without it.
    """
    header = _header(spec.name, spec.description, spec.refresh)
    items = _items(schedule, spec, cache)
    spans: dict[str, tuple[int, int]] = {}
    for item in items:
        for tzid, day in item.zones:
            first, last = spans.get(tzid, (day.year, day.year))
            spans[tzid] = (min(first, day.year), max(last, day.year))
    parts = [header]
    parts.extend(_vtimezone_ical(tzid, *spans[tzid]) for tzid in sorted(spans))
    parts.extend(item.data for item in items)
    parts.append(_END)
    return b"".join(parts)

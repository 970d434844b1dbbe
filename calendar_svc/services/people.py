"""People: the travellers, and the hosts and counterparts they met, each with their trips.

Articles write one person in several forms ("Vladimir Putin", "Putin", "Tập Cận
Bình" for Xi Jinping); the names on the schedule are grouped by the same rule that keeps
one traveller's trip one (`reference.identity.same_person`), under the office-holder
table's English form when the table knows them, else the longest form seen, and a
person is addressed by the slug of that form. The slug of any other form seen finds the
same person, so `/people/putin` is `/people/vladimir-putin`.

The routes (`/people`, a person's feed) and the pages ask these questions alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

import msgspec

from calendar_svc.domain.values import EngagementStatus, PersonRef, Status, slug
from calendar_svc.domain.views import Schedule, TripView
from calendar_svc.reference.identity import person_id, same_person, words
from calendar_svc.reference.office_holders import OFFICE_HOLDERS
from calendar_svc.services.schedule_query import hosted_by, overlaps


class PersonSummary(msgspec.Struct, frozen=True):
    slug: str
    name: str  # the office-holder table's English form, else the longest one seen
    title: str | None
    names: list[str]  # every form seen
    trips: int  # as the principal traveller
    hosted: int  # legs at their invitation
    met: int  # engagements with them as a counterpart


class PeoplePage(msgspec.Struct, frozen=True):
    items: list[PersonSummary]
    position: int


class HostedLeg(msgspec.Struct, frozen=True):
    """A leg of someone else's trip at this person's invitation."""

    trip_id: str
    leg_id: str
    principal: PersonRef
    country_code: str
    start_date: date | None
    end_date: date | None
    status: Status


class MetEngagement(msgspec.Struct, frozen=True):
    """An engagement of someone else's trip with this person as a counterpart."""

    trip_id: str
    engagement_id: str
    principal: PersonRef
    title: str
    country_code: str | None  # where it was held, or its leg's country
    start_date: date | None
    end_date: date | None
    status: EngagementStatus


class PersonView(msgspec.Struct, frozen=True):
    slug: str
    name: str
    title: str | None
    names: list[str]
    trips: list[TripView]  # as the principal traveller, in date order
    hosted: list[HostedLeg]  # as host (inviter), where the log knows it
    met: list[MetEngagement]  # as counterpart, where the log knows it
    position: int


@dataclass
class Person:
    """One person as the schedule names them, with where they appear."""

    name: str
    title: str | None
    names: list[str] = field(default_factory=list)
    trips: list[TripView] = field(default_factory=list)
    hosted: list[HostedLeg] = field(default_factory=list)
    met: list[MetEngagement] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug(self.name)

    def answers_to(self, wanted: str) -> bool:
        return any(slug(n) == wanted for n in self.names)

    def summary(self) -> PersonSummary:
        return PersonSummary(
            slug=self.slug,
            name=self.name,
            title=self.title,
            names=sorted(self.names),
            trips=len(self.trips),
            hosted=len(self.hosted),
            met=len(self.met),
        )


class _People:
    """Names grouped into people as they are met (principals first, so a traveller's
    own form is the one a host's short form joins). Only people sharing a word with a
    name are compared with it, so a long log is not a comparison of every pair."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_name: dict[str, Person] = {}
        self._by_word: dict[str, list[Person]] = {}
        self._ids: dict[str, str | None] = {}  # person_id of each name seen (a long log
        # names the same few people hundreds of thousands of times)

    def _id(self, name: str) -> str | None:
        if name not in self._ids:
            self._ids[name] = person_id(name)
        return self._ids[name]

    def _match(self, name: str) -> Person | None:
        known = self._by_name.get(name)
        if known is not None:
            return known
        candidates: dict[int, Person] = {}
        for word in words(name):
            for person in self._by_word.get(word, ()):
                candidates.setdefault(id(person), person)
        for person in candidates.values():
            if any(same_person(name, n) for n in person.names):
                return person
        # A transliteration shares no word with the form already seen ("Tập Cận Bình").
        if self._id(name) is not None:
            for person in self.people:
                if any(same_person(name, n) for n in person.names):
                    return person
        return None

    def of(self, ref: PersonRef) -> Person:
        person = self._match(ref.name)
        if person is None:
            person = Person(name=ref.name, title=ref.title)
            self.people.append(person)
        if ref.name not in person.names:
            person.names.append(ref.name)
            self._by_name[ref.name] = person
            for word in words(ref.name):
                self._by_word.setdefault(word, []).append(person)
        holder = _holder_names().get(self._id(ref.name) or "")
        if holder is not None:
            person.name = holder  # the office-holder table's English form names them
        elif (
            len(ref.name) > len(person.name)
            and _holder_names().get(self._id(person.name) or "") != person.name
        ):
            person.name = ref.name
        if person.title is None:
            person.title = ref.title
        return person


@functools.cache
def _holder_names() -> dict[str, str]:
    return {row.person_id: row.name for row in OFFICE_HOLDERS}


def people_of(schedule: Schedule) -> list[Person]:
    """Everyone the schedule names as traveller, host or counterpart, by name."""
    found = _People()
    met: dict[int, set[str]] = {}  # each person's engagements so far (not a scan of them)
    for trip in schedule.trips:
        found.of(trip.principal).trips.append(trip)
    for trip in schedule.trips:
        for leg in trip.legs:
            if leg.inviter is not None:
                found.of(leg.inviter).hosted.append(
                    HostedLeg(
                        trip_id=trip.trip_id,
                        leg_id=leg.leg_id,
                        principal=trip.principal,
                        country_code=leg.country_code,
                        start_date=leg.start_date,
                        end_date=leg.end_date,
                        status=leg.status,
                    )
                )
        countries = {leg.leg_id: leg.country_code for leg in trip.legs}
        for engagement in trip.engagements:
            where = (engagement.place.country_code if engagement.place else None) or (
                countries.get(engagement.leg_id or "")
            )
            for counterpart in engagement.counterparts:
                person = found.of(counterpart)
                seen = met.setdefault(id(person), set())
                if engagement.engagement_id in seen:
                    continue
                seen.add(engagement.engagement_id)
                person.met.append(
                    MetEngagement(
                        trip_id=trip.trip_id,
                        engagement_id=engagement.engagement_id,
                        principal=trip.principal,
                        title=engagement.title,
                        country_code=where,
                        start_date=engagement.start_date,
                        end_date=engagement.end_date,
                        status=engagement.status,
                    )
                )
    for person in found.people:
        person.trips.sort(key=lambda t: (t.start_date or date.max, t.trip_id))
    return sorted(found.people, key=lambda p: (-len(p.trips), p.slug))


def find_person(schedule: Schedule, wanted: str) -> Person | None:
    """The person whose name, or any form of it seen on the log, has this slug."""
    people = people_of(schedule)
    for person in people:
        if person.slug == wanted:
            return person
    return next((p for p in people if p.answers_to(wanted)), None)


def person_view(
    person: Person, position: int, code: str | None, lo: date | None, hi: date | None
) -> PersonView:
    """A person with their trips, hosted legs and engagements in `code` and [lo, hi]."""
    trips = [
        t for t in person.trips if hosted_by(t, code) and overlaps(t.start_date, t.end_date, lo, hi)
    ]
    hosted = [
        h
        for h in person.hosted
        if (code is None or h.country_code == code) and overlaps(h.start_date, h.end_date, lo, hi)
    ]
    met = [
        m
        for m in person.met
        if (code is None or m.country_code == code) and overlaps(m.start_date, m.end_date, lo, hi)
    ]
    return PersonView(
        slug=person.slug,
        name=person.name,
        title=person.title,
        names=sorted(person.names),
        trips=trips,
        hosted=hosted,
        met=met,
        position=position,
    )

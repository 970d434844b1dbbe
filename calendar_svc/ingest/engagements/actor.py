"""The actor (step 2 of the package's reading): who is the subject of each action verb, the
principal (with the people coordinated with them), a host of the principal, or someone else.
Kept apart from the items and the hosted claims, which only ask the verdict, so the rules of
who acts are read in one place; :class:`Subject` carries the verdict from verb to verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from calendar_svc.ingest.engagements.reader import Mention, Reader, VerbHit
from calendar_svc.ingest.people import Person

#: a pronoun: whose it is depends on who was named before it
PRONOUN = re.compile(r"[Hh]e|[Ss]he|Ông|Bà")
#: "the two leaders", "hai bên": the principal and the other one together
GROUP = re.compile(r"\b(?:two|both)\b|(?<!\w)(?:hai|Hai)(?!\w)")
#: what joins two people of one subject
COORDINATED = re.compile(
    r"^[\s,]*(?:and|và|cùng(?:\s+với)?|together\s+with|along\s+with)?[\s,]*$", re.IGNORECASE
)


@dataclass
class Subject:
    """Who acts for the verb being read; later verbs keep it unless a new subject stands
    right before them."""

    #: the principal is the subject
    principal: bool = False
    #: people coordinated with the principal as subject ("Tô Lâm *and Putin* held talks")
    co_subjects: list[Person] = field(default_factory=list)
    #: the subject, when it is a host of the principal
    hosts: list[Mention] = field(default_factory=list)
    #: the hosts are written right before this verb
    own: bool = False


def next_subject(reader: Reader, hits: list[VerbHit], i: int, subject: Subject) -> None:
    """Update ``subject`` for the verb ``hits[i]``: the first verb's subject is the text
    before it; a later verb's is a mention right before it, else the earlier subject."""
    hit = hits[i]
    if i == 0:
        subject.principal, subject.co_subjects = subject_ok(reader, 0, hit.start)
        subject.hosts = [] if subject.principal else _host_subject(reader, 0, hit.start)
        subject.own = bool(subject.hosts)
        return
    prev = hits[i - 1]
    verdict = _new_subject(reader, prev.end, hit.start, prev.start)
    subject.own = False
    if verdict is None:
        return
    subject.principal = verdict
    subject.hosts = []
    if verdict:
        _, co = subject_ok(reader, prev.end, hit.start, prev.start)
        subject.co_subjects = co or subject.co_subjects
    else:
        subject.hosts = _host_subject(reader, prev.end, hit.start)
        subject.own = bool(subject.hosts)


def _ungoverned(reader: Reader, region_start: int, m: Mention) -> bool:
    before = reader.s[region_start : m.start]
    if reader.cues.governed.search(before):
        return False
    return re.match(r"['’]s\b", reader.s[m.end :]) is None


def subject_ok(
    reader: Reader, start: int, verb_start: int, govern_from: int | None = None
) -> tuple[bool, list[Person]]:
    """Is the principal the subject of a verb at ``verb_start``, given the words from
    ``start``? Returns the verdict and the people coordinated with the principal.
    Mentions governed by a verb at ``govern_from`` (the previous one) are its objects."""
    s = reader.s
    gov = start if govern_from is None else govern_from
    inside = [
        m
        for m in reader.mentions
        if start <= m.start and m.end <= verb_start and _ungoverned(reader, gov, m)
    ]
    first_p = next((i for i, m in enumerate(inside) if m.principal), None)
    if first_p is None:
        return False, []
    # A pronoun after someone else in the same stretch is theirs ("Putin said he ...").
    pronoun = PRONOUN.fullmatch(s[inside[first_p].start : inside[first_p].end])
    if pronoun and any(not m.principal for m in inside[:first_p]):
        return False, []
    co: list[Person] = []
    head = inside[first_p]
    if GROUP.search(s[head.start : head.end]):
        # "the two leaders": the other one is named earlier in the sentence.
        co = [p for p in reader.people if p.span[1] <= head.start and reader.is_other(p)]
    prev_end = inside[first_p].end
    for m in inside[first_p + 1 :]:
        gap = s[prev_end : m.start]
        if m.principal:
            prev_end = m.end
            continue
        if COORDINATED.match(gap) or re.fullmatch(
            r"[\s,]*(?:his|her|their)?\s*(?:spouse|wife|husband)?[\s,]*(?:and|và)\s*",
            gap,
            re.IGNORECASE,
        ):
            if m.person is not None:
                co.append(m.person)
            prev_end = m.end
            continue
        return False, []
    return True, co


def _new_subject(
    reader: Reader, gap_start: int, verb_start: int, govern_from: int | None = None
) -> bool | None:
    """For a later verb: True if the principal stands right before it, False if someone
    else does, None if no subject is written (the verb shares the earlier subject).
    A mention governed by the previous verb (``govern_from`` is where it starts: "met
    *Putin* and attended ...", "received *Tô Lâm* and hosted ...") is its object."""
    last: Mention | None = None
    for m in reader.mentions:
        if gap_start <= m.start and m.end <= verb_start:
            last = m
    if last is None:
        return None
    if not reader.cues.bridge.match(reader.s[last.end : verb_start]):
        return None
    if not _ungoverned(reader, gap_start if govern_from is None else govern_from, last):
        return None
    return last.principal


def _host_subject(reader: Reader, start: int, verb_start: int) -> list[Mention]:
    """The hosts, when the subject of a verb at ``verb_start`` is someone who may host
    the principal (another named person, or another country's side) and the principal
    is not in the subject: "President Putin received ...", "Tổng thống Nga đón ...".
    People coordinated with the first host are hosts too; anything else, none."""
    s = reader.s
    inside = [
        m
        for m in reader.mentions
        if start <= m.start and m.end <= verb_start and _ungoverned(reader, start, m)
    ]
    if not inside or any(m.principal for m in inside) or not inside[0].host:
        return []
    if reader.cues.reported.search(s[start : inside[0].start]):
        return []  # "Putin said Xi had received ...": told, not seen
    hosts = [inside[0]]
    for m in inside[1:]:
        if not (m.host and COORDINATED.match(s[hosts[-1].end : m.start])):
            return []
        hosts.append(m)
    return hosts

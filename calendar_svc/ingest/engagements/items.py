"""Items (steps 3 and 4 of the package's reading): the object of an action verb whose subject
is the principal, split into list items, each with its kind, counterparts and places, and
made into one claim per item. Apart from the verbs and the actor, which only say where an
object starts and whose it is.
"""

from __future__ import annotations

import re

from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.engagements.claim import EngagementClaim
from calendar_svc.ingest.engagements.reader import REMOTE, Item, Reader, VerbHit, inside
from calendar_svc.ingest.engagements.titles import item_title, shorten
from calendar_svc.ingest.lexicon.verbs import Verb
from calendar_svc.ingest.people import Person
from calendar_svc.ingest.places import PlaceMention, find_places

K = EngagementKind

# In the tail of an item, the people after these are the hosts.
_HOSTED_BY = re.compile(
    r"\bguests?\s+of\b|\binvitation\s+of\b|\b(?:hosted|organi[sz]ed|chaired|given|offered|"
    r"thrown)\s+by\b|(?<!\w)(?:lời mời|do)(?!\w)",
    re.IGNORECASE,
)
# Kinds for which the honoured people of the item are not counterparts.
_NO_ITEM_COUNTERPARTS = frozenset({K.WREATH_LAYING})
# Kinds for which people sharing the subject with the principal are counterparts.
_JOINT_KINDS = frozenset(
    {K.TALKS, K.MEETING, K.SIGNING, K.PRESS, K.RECEPTION, K.BANQUET, K.FORUM, K.OTHER}
)
# Kinds whose items naming several people become one claim per person.
_PER_PERSON_KINDS = frozenset({K.TALKS, K.MEETING, K.RECEPTION})


def named_hosts(reader: Reader, obj_end: int, tail_end: int) -> list[Person]:
    """Hosts named in the tail cut off a verb's object ("as guests of President Putin")."""
    return [
        p
        for p in reader.people
        if obj_end <= p.span[0]
        and p.span[1] <= tail_end
        and reader.is_other(p)
        and _HOSTED_BY.search(reader.s[obj_end : p.span[0]])
    ]


def claims_for_verb(
    reader: Reader,
    hit: VerbHit,
    obj_end: int,
    planned: bool,
    co_subjects: list[Person],
    hosts: list[Person],
    places: list[PlaceMention],
) -> list[EngagementClaim]:
    """One claim per item of the object of ``hit``, which ends at ``obj_end``."""
    spans = _split(reader, hit.end, obj_end)
    if not spans or REMOTE.search(reader.s[hit.start : obj_end]):
        return []
    items = _topics_kept(reader, _items(reader, hit, spans))
    cue_seen = _assign_kinds(reader, hit.verb, items)
    if not _verb_counts(reader, hit, obj_end, cue_seen):
        return []
    expanded = _per_person(reader, _before_leg(reader, items))
    is_list = len(expanded) > 1
    out: list[EngagementClaim] = []
    for item in expanded:
        claim = _claim(reader, item, is_list, planned, co_subjects, hosts, places)
        if claim is not None:
            out.append(claim)
    return out


def _items(reader: Reader, hit: VerbHit, spans: list[tuple[int, int]]) -> list[Item]:
    """The items of the spans; a list header ("several leaders, including A; B") is marked
    and the next item starts after "including"."""
    items = [Item(a, b, hit, first=n == 0) for n, (a, b) in enumerate(spans)]
    for n in range(len(items) - 1):
        nxt = items[n + 1]
        m = reader.cues.header_next.match(reader.s[nxt.start : nxt.end])
        if m is not None:
            items[n].header = True
            nxt.start += m.end()
    return items


#: What opens a list of subjects after an engagement's cue ("talks on trade, investment
#: and climate", "documents on cooperation in energy, education and culture", "hội đàm về
#: thương mại, đầu tư", "hợp tác trong các lĩnh vực năng lượng, giáo dục").
_TOPICS = re.compile(
    r"(?i)\b(?:on|about|over|regarding|covering|concerning|in\s+the\s+(?:fields?|areas?)\s+of|"
    r"in)\s+\S|(?<!\w)(?:về|trong\s+(?:các\s+)?(?:lĩnh\s+vực|ngành))(?!\w)"
)


def _topics_kept(reader: Reader, items: list[Item]) -> list[Item]:
    """Items that only continue a list of subjects ("talks on trade, investment, the energy
    transition") rejoin the item that opened it: one engagement, not one per subject. An
    item that is only the traveller, the subject of the clause that follows ("...; Tổng
    thống Petrov đặt vòng hoa"), is no engagement of this verb."""
    kept: list[Item] = []
    topics = False
    for item in items:
        own_cue = reader.cue_kind(item.start, item.end) is not None
        people = [p for p in reader.people if inside(p.span, (item.start, item.end))]
        if kept and not own_cue and people and all(reader.is_principal(p) for p in people):
            topics = False
            continue
        if kept and topics and not own_cue and not people:
            kept[-1].end = item.end
            continue
        kept.append(item)
        # the first item's cue may be its verb's ("hội đàm về thương mại")
        start = item.hit.start if item.first else item.start
        cued = own_cue or (item.first and item.hit.verb.kind is not None)
        topics = bool(cued and _TOPICS.search(reader.s[start : item.end]))
    return kept


def _assign_kinds(reader: Reader, verb: Verb, items: list[Item]) -> bool:
    """Kinds: own cue, else the verb's, else the previous item's. True if any item has a
    cue word of its own."""
    prev: EngagementKind | None = verb.kind
    cue_seen = False
    for n, item in enumerate(items):
        cue = reader.cue_kind(item.start, item.end)
        if n == 0 and verb.forced:
            kind: EngagementKind | None = cue if cue is K.PRESS else verb.kind
        elif cue is not None:
            kind = cue
        else:
            kind = prev
        if cue is not None:
            cue_seen = True
        if kind is K.OTHER and cue is None and prev is not None and prev is not K.OTHER:
            kind = prev
        item.kind = kind
        prev = kind
    return cue_seen


def _verb_counts(reader: Reader, hit: VerbHit, obj_end: int, cue_seen: bool) -> bool:
    """Does the object hold what the verb needs ("held *talks*", "received *leaders*")?"""
    needs = hit.verb.needs
    if needs == "cue":
        return cue_seen
    if needs == "cue_or_people":
        return (
            cue_seen
            or bool(reader.named_others(hit.end, obj_end))
            or bool(reader.cues.people_noun.search(reader.s[hit.end : obj_end]))
        )
    return True


def _before_leg(reader: Reader, items: list[Item]) -> list[Item]:
    """Trip legs end the list."""
    kept: list[Item] = []
    for item in items:
        if _is_leg(reader, item):
            break
        kept.append(item)
    return kept


def _per_person(reader: Reader, items: list[Item]) -> list[Item]:
    """One item per named person in meeting-like items; list headers dropped."""
    expanded: list[Item] = []
    for item in items:
        if item.header:
            continue
        others = reader.named_others(item.start, item.end)
        if item.kind in _PER_PERSON_KINDS and others:
            for k, p in enumerate(others):
                a = item.start if k == 0 else p.span[0]
                b = others[k + 1].span[0] if k + 1 < len(others) else item.end
                a2, b2 = reader.trim(a, b)
                if a2 >= b2:
                    a2, b2 = p.span
                expanded.append(
                    Item(a2, b2, item.hit, first=item.first and k == 0, kind=item.kind, person=p)
                )
        else:
            expanded.append(item)
    return expanded


def _claim(
    reader: Reader,
    item: Item,
    is_list: bool,
    planned: bool,
    co_subjects: list[Person],
    hosts: list[Person],
    places: list[PlaceMention],
) -> EngagementClaim | None:
    """The claim of one item, or None for a summary or an item with nobody to meet."""
    s = reader.s
    lang = reader.lang
    hit = item.hit
    kind = item.kind or K.OTHER
    others = [item.person] if item.person else reader.named_others(item.start, item.end)
    if kind in _NO_ITEM_COUNTERPARTS:
        others = []
    others = [p for p in others if not any(inside(p.span, pm.span) for pm in places)]
    if item.person is None and kind in _PER_PERSON_KINDS | {K.PRESS}:
        obj = s[item.start : item.end]
        if not others and not co_subjects and reader.cues.vague.search(obj):
            return None
    if hit.verb.needs == "people" and (
        not others and not reader.cues.people_noun.search(s[item.start : item.end])
    ):
        return None
    joint = co_subjects if kind in _JOINT_KINDS else []
    counterparts: list[Person] = []
    for p in [*others, *joint, *(hosts if kind is not K.WREATH_LAYING else [])]:
        if p not in counterparts and reader.is_other(p):
            counterparts.append(p)
    # The verb's words belong to the first item, unless they are a whole clause
    # ("began the first day of the visit with ...").
    start = hit.start if item.first and hit.verb.name != "begin" else item.start
    span = (start, item.end)
    title = shorten(item_title(reader, item, kind, joint if item.person is None else []))
    if not title:
        return None
    return EngagementClaim(
        kind=kind,
        title=title,
        span=span,
        counterparts=counterparts,
        places=[pm for pm in places if inside(pm.span, span)],
        planned=planned,
        rule=f"{lang}.engagement.list_item" if is_list else f"{lang}.engagement.{kind}",
    )


def _split(reader: Reader, start: int, end: int) -> list[tuple[int, int]]:
    """Item spans of a verb's object: the lexicon's separators and our extra ones, never
    inside a person's mention or inside brackets."""
    text = reader.s[start:end]
    cuts: list[tuple[int, int]] = []
    brackets = _brackets(text)
    for pattern in (reader.lex.list_separator, reader.cues.extra_separators):
        for m in pattern.finditer(text):
            a, b = start + m.start(), start + m.end()
            if a == b:
                continue
            if any(p.span[0] < b and a < p.span[1] for p in reader.people):
                continue
            if any(x <= m.start() < y for x, y in brackets):
                continue
            if reader.lang == "en" and re.match(r"\s*\d", text[m.end() :]):
                continue  # "May 9, 2025"
            cuts.append((a, b))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    pos = start
    for a, b in cuts:
        if a < pos:
            continue
        spans.append((pos, a))
        pos = b
    spans.append((pos, end))
    return [t for t in (reader.trim(a, b) for a, b in spans) if t[0] < t[1]]


def _brackets(text: str) -> list[tuple[int, int]]:
    """The outermost bracketed stretches of ``text``."""
    depth = 0
    brackets: list[tuple[int, int]] = []
    open_at = 0
    for i, c in enumerate(text):
        if c in "([":
            if depth == 0:
                open_at = i
            depth += 1
        elif c in ")]" and depth:
            depth -= 1
            if depth == 0:
                brackets.append((open_at, i + 1))
    return brackets


def _is_leg(reader: Reader, item: Item) -> bool:
    """An item that is a leg of the trip rather than an engagement."""
    s = reader.s
    lang = reader.lang
    with_verb = item.first and item.hit.verb.name == "visit"
    text = s[item.hit.start : item.end] if with_verb else s[item.start : item.end]
    if any(p.search(text) for _, p in reader.lex.visit_types):
        return True
    if reader.cues.leg.search(s[item.start : item.end]):
        return True
    if item.kind is not K.SITE_VISIT and item.hit.verb.name != "visit":
        return False
    # "visited Moscow in 2025", "thăm Liên bang Nga": the object is a country or city, not
    # a site in it ("Moscow's Red Square").
    obj = s[item.start : item.end]
    lead = reader.cues.place_lead.match(obj)
    offset = lead.end() if lead else 0
    found = find_places(obj, lang)
    if not found or found[0].span[0] != offset or found[0].place.kind == "landmark":
        return False
    # "Moscow's Red Square", "the Vietnam National Museum": the place names only part of it.
    return not re.match(r"\s*['’]s\b|\s+[^\W\d_]*[^\W\d_a-zà-ỹ]", obj[found[0].span[1] :])

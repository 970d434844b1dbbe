"""The host as subject (step 5 of the package's reading): the principal received, welcomed or
honoured by a host who is the subject of the verb ("President Putin received Tô Lâm",
"hosted a state banquet in honour of Macron", "Tổng Bí thư được Tổng thống Putin đón"), or
meeting a host who is ("Putin held talks with Tô Lâm"), and
the passives that say the same with the principal as subject. One claim per such verb, the
hosts its counterparts. Apart from :mod:`.items` because these claims have one object, the
principal, where an item list has many.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.engagements.actor import COORDINATED, GROUP, PRONOUN, subject_ok
from calendar_svc.ingest.engagements.claim import EngagementClaim
from calendar_svc.ingest.engagements.reader import (
    REMOTE,
    Mention,
    Reader,
    VerbHit,
    capitalise,
    inside,
    norm,
    overlaps,
)
from calendar_svc.ingest.engagements.titles import host_label, host_lead, object_text, shorten
from calendar_svc.ingest.engagements.verbs import planned
from calendar_svc.ingest.people import Person
from calendar_svc.ingest.places import PlaceMention

K = EngagementKind

_HOSTED_KINDS = frozenset({K.BANQUET, K.RECEPTION, K.CEREMONY})
# A bare title as the object of a host: not the principal for sure ("Putin received the
# Prime Minister"), unlike "the visiting Prime Minister", "the Vietnamese leader", "the guest".
_EN_BARE_TITLE = re.compile(
    r"the\s+(?:President|Prime\s+Minister|Premier|PM|Chairman|Chairwoman|Chancellor|King|"
    r"Queen|Emperor)",
    re.IGNORECASE | re.UNICODE,
)
# Passive: "the delegation was received by ...", "Tổng Bí thư được Tổng thống Putin đón".
_EN_PASSIVE_HOST = re.compile(
    r"\b(?:was|were|is|are|been|be|being|get|gets|got)\s+(?:(?:[a-z]+ly|also|then|later|first)\s+)*"
    r"(?P<verb>received|welcomed|greeted|hosted)\s+by\s+",
    re.IGNORECASE | re.UNICODE,
)
_VI_PASSIVE_HOST = re.compile(r"(?<!\w)được\s+$", re.IGNORECASE | re.UNICODE)
_VI_PASSIVE_BRIDGE = re.compile(
    r"\s*(?:(?:đã|sẽ|cũng|trọng thể|long trọng|nồng nhiệt|thân mật)\s+)*",
    re.IGNORECASE | re.UNICODE,
)

#: What a hosting verb's object says: the kind, the principal's mention, the event's span.
_HostObject = tuple[EngagementKind, Mention, tuple[int, int] | None]


def told_in_passive(reader: Reader) -> bool:
    """An English passive of hosting ("was received by"): claims even without action verbs."""
    return reader.lang == "en" and _EN_PASSIVE_HOST.search(reader.s) is not None


def _principal_next(reader: Reader, hit: VerbHit, limit: int) -> Mention | None:
    """The principal's mention, the first after the verb, if it is surely the principal
    and the object itself (no pronoun, group, possessive or bare title of either side)."""
    first = next((m for m in reader.mentions if hit.end <= m.start and m.end <= limit), None)
    if first is None or not (first.principal and first.sure):
        return None
    text = reader.s[first.start : first.end]
    if PRONOUN.fullmatch(text) or GROUP.search(text):
        return None  # "him"/"he" may be anyone; "the two leaders" include the host
    if re.match(r"['’]s\b", reader.s[first.end :]):
        return None  # "welcomed Tô Lâm's proposal"
    if first.person is None and first.side is None and _EN_BARE_TITLE.fullmatch(text):
        return None  # "received the Prime Minister": whose? maybe the host's own
    return first


def _host_object(reader: Reader, hit: VerbHit, limit: int) -> _HostObject | None:
    """The principal as the object of a hosting verb, with the kind and, for an event
    hosted in the principal's honour, the span of its noun phrase: "received [the
    visiting] General Secretary Tô Lâm" (direct), "hosted a state banquet in honour of
    Macron", "chủ trì tiệc chiêu đãi trọng thể chào mừng Tổng Bí thư" (event)."""
    name = hit.verb.name
    direct = name in reader.cues.host_direct
    event = name in reader.cues.host_event
    if not (direct or event):
        return None
    first = _principal_next(reader, hit, limit)
    if first is None:
        return None
    gap = reader.s[hit.end : first.start]
    if direct and reader.cues.host_direct_gap.fullmatch(gap):
        return K.RECEPTION, first, None
    m = reader.cues.host_event_gap.fullmatch(gap) if event else None
    if m is None:
        return None
    np = (hit.end + m.start("np"), hit.end + m.end("np"))
    kind = reader.cue_kind(*np)
    if kind not in _HOSTED_KINDS:
        return None
    return kind, first, np


def _host_people(reader: Reader, hosts: Sequence[Mention]) -> list[Person]:
    out: list[Person] = []
    for m in hosts:
        if m.person is not None and reader.is_other(m.person) and m.person not in out:
            out.append(m.person)
    return out


def _host_end(reader: Reader, end: int, limit: int, places: list[PlaceMention]) -> int:
    """Where a hosted claim ends: after the last person it names (``end``), or after the
    places that follow in the same clause ("... Tô Lâm at the Kremlin", "tại sân bay Nội
    Bài"), never over a participial tail or the next clause ("before the two leaders ...")."""
    stop, _ = reader.region_end(end, limit)
    for pm in places:
        if end <= pm.span[0] and pm.span[1] <= stop:
            if re.search(r"[,;:(]", reader.s[end : pm.span[0]]) or pm.span[0] - end > 60:
                break
            end = pm.span[1]
    return end


def _host_places(
    reader: Reader, span: tuple[int, int], places: list[PlaceMention]
) -> list[PlaceMention]:
    """Places of the claim, not those inside someone's title ("Mayor of Moscow")."""
    return [
        pm
        for pm in places
        if inside(pm.span, span) and not any(overlaps(pm.span, p.span) for p in reader.people)
    ]


def hosted_claim(
    reader: Reader,
    hit: VerbHit,
    next_start: int,
    hosts: list[Mention],
    own_subject: bool,
    places: list[PlaceMention],
) -> EngagementClaim | None:
    """The principal received, welcomed or honoured by a host who is the subject."""
    s = reader.s
    lang = reader.lang
    found = _host_object(reader, hit, next_start)
    if found is None:
        return None
    kind, principal, np = found
    label = host_label(reader, hosts[0])
    verb_text = norm(s[hit.start : hit.end])
    if np is None:
        if lang == "vi":
            title = f"Được {label} {verb_text}"
        else:
            title = f"{host_lead(verb_text)} by {label}"
    else:
        event = object_text(s[np[0] : np[1]], lang)
        title = f"{event} do {label} {verb_text}" if lang == "vi" else f"{event} hosted by {label}"
    told = (hit, principal.end, next_start, hosts, own_subject)
    return _host_side_claim(reader, told, places, kind, title, f"{lang}.engagement.hosted")


def joint_claim(
    reader: Reader,
    hit: VerbHit,
    next_start: int,
    hosts: list[Mention],
    own_subject: bool,
    places: list[PlaceMention],
) -> EngagementClaim | None:
    """Talks or a meeting told from the host's side, the principal after "with": "Putin
    held talks with King Salman at the Kremlin", "Chủ tịch nước hội đàm với Tổng thống
    ...": the principal's talks with the host, as if told from the principal's side."""
    if hit.verb.name not in reader.cues.joint:
        return None
    principal = _principal_next(reader, hit, next_start)
    if principal is None:
        return None
    m = reader.cues.joint_gap.fullmatch(reader.s[hit.end : principal.start])
    if m is None:
        return None
    s, lang = reader.s, reader.lang
    label = host_label(reader, hosts[0])
    noun = m.group("noun") if lang == "en" else None
    talks = hit.verb.name == "talks" or bool(noun and re.search(r"talks|discussion", noun))
    if lang == "vi":
        title = f"Hội đàm với {label}" if talks else f"{norm(s[hit.start : hit.end])} {label}"
    else:
        title = f"{'Talks' if talks else 'Meeting'} with {label}"
    told = (hit, principal.end, next_start, hosts, own_subject)
    kind = K.TALKS if talks else K.MEETING
    return _host_side_claim(reader, told, places, kind, title, f"{lang}.engagement.joint")


#: Where a claim with the host as subject was told: the verb, where the principal's
#: mention ends, where the next verb starts, the hosts, and whether they stand right
#: before the verb.
_HostSide = tuple[VerbHit, int, int, list[Mention], bool]


def _host_side_claim(
    reader: Reader,
    told: _HostSide,
    places: list[PlaceMention],
    kind: EngagementKind,
    title: str,
    rule: str,
) -> EngagementClaim | None:
    """The claim of `hosted_claim` and `joint_claim`, spanning the hosts (when they stand
    right before the verb) to the principal and the places after; none told remotely."""
    hit, principal_end, next_start, hosts, own_subject = told
    end = _host_end(reader, principal_end, next_start, places)
    start, end = reader.trim(hosts[0].start if own_subject else hit.start, end)
    if start >= end or REMOTE.search(reader.s[hit.start : end]):
        return None
    span = (start, end)
    return EngagementClaim(
        kind=kind,
        title=shorten(capitalise(norm(title))),
        span=span,
        counterparts=_host_people(reader, hosts),
        places=_host_places(reader, span, places),
        planned=planned(reader, 0, hit.start),
        rule=rule,
    )


def passive_claims(
    reader: Reader, hits: list[VerbHit], places: list[PlaceMention]
) -> list[EngagementClaim]:
    """English passives with the principal as subject: "Macron was welcomed by Prime
    Minister Phạm Minh Chính at the airport"."""
    if reader.lang != "en":
        return []
    s = reader.s
    out: list[EngagementClaim] = []
    for m in _EN_PASSIVE_HOST.finditer(s):
        ok, _ = subject_ok(reader, 0, m.start())
        if not ok:
            continue
        first = next((x for x in reader.mentions if x.start >= m.end()), None)
        if first is None or first.start != m.end() or not first.host:
            continue
        hosts = [first]
        for x in reader.mentions:
            if x.start <= hosts[-1].end:
                continue
            if not (x.host and COORDINATED.match(s[hosts[-1].end : x.start])):
                break
            hosts.append(x)
        next_start = next((h.start for h in hits if h.start >= hosts[-1].end), len(s))
        end = _host_end(reader, hosts[-1].end, next_start, places)
        start, end = reader.trim(m.start("verb"), end)
        if start >= end or REMOTE.search(s[start:end]):
            continue
        lead = host_lead(m.group("verb"))
        span = (start, end)
        out.append(
            EngagementClaim(
                kind=K.RECEPTION,
                title=shorten(f"{lead} by {host_label(reader, first)}"),
                span=span,
                counterparts=_host_people(reader, hosts),
                places=_host_places(reader, span, places),
                planned=planned(reader, 0, m.start()),
                rule="en.engagement.hosted_passive",
            )
        )
    return out


def vi_passive_claim(
    reader: Reader, hit: VerbHit, next_start: int, places: list[PlaceMention]
) -> EngagementClaim | None:
    """Vietnamese passives: in "Tổng Bí thư được Tổng thống Putin đón tại sân bay" the
    principal is the subject and the host stands between "được" and the verb."""
    s = reader.s
    host = None
    for m in reader.mentions:
        if m.end <= hit.start:
            host = m
    if host is None or not host.host:
        return None
    if not _VI_PASSIVE_BRIDGE.fullmatch(s[host.end : hit.start]):
        return None
    before = _VI_PASSIVE_HOST.search(s[: host.start])
    if before is None:
        return None
    ok, _ = subject_ok(reader, 0, before.start())
    if not ok:
        return None
    end = _host_end(reader, hit.end, next_start, places)
    start, end = reader.trim(before.start(), end)
    if start >= end or REMOTE.search(s[start:end]):
        return None
    span = (start, end)
    verb_text = norm(s[hit.start : hit.end])
    return EngagementClaim(
        kind=K.RECEPTION,
        title=shorten(f"Được {host_label(reader, host)} {verb_text}"),
        span=span,
        counterparts=_host_people(reader, [host]),
        places=_host_places(reader, span, places),
        planned=planned(reader, 0, before.start()),
        rule="vi.engagement.hosted_passive",
    )

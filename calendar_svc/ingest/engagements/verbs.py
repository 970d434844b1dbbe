"""Action verbs (step 1 of the package's reading): where the sentence states something done,
read with the language's verb table, leaving out participles, passives, relative clauses and
wishes; and whether a future marker before a verb makes it a plan. Apart from the actor and
the items because both read the verbs this finds.
"""

from __future__ import annotations

from calendar_svc.ingest.budget import check
from calendar_svc.ingest.engagements.reader import Reader, VerbHit, overlaps


def verb_hits(reader: Reader) -> list[VerbHit]:
    """The action verbs of the sentence, in order, none inside another or a person's name."""
    s = reader.s
    cues = reader.cues
    hits: list[VerbHit] = []
    for verb in cues.verbs:
        for m in verb.pattern.finditer(s):
            if m.start() == m.end():
                continue
            hits.append(VerbHit(verb, m.start(), m.end()))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[VerbHit] = []
    for h in hits:
        check()
        if out and h.start < out[-1].end:
            continue
        if not _not_an_action(reader, h):
            out.append(h)
    return out


def _not_an_action(reader: Reader, h: VerbHit) -> bool:
    """A verb's form that states nothing done: in a name, an adjective, a relative clause,
    a wish or a passive."""
    s, cues = reader.s, reader.cues
    before = s[: h.start]
    if any(overlaps((h.start, h.end), p.span) for p in reader.people):
        return True
    if h.verb.name in ("attend", "receive", "visit", "host") and cues.determiner.search(before):
        return True
    if h.verb.name == "visit" and _before_a_person(reader, h):
        return True  # "received visiting Prime Minister Oli": an adjective
    if cues.relative.search(before):
        return True
    if h.verb.name in ("receive", "welcome") and cues.after_event_noun.search(before):
        return True
    if cues.wish.search(before):
        return True  # "hoping to meet": an intention, not an engagement
    # "were welcomed by", "was received"
    return bool(cues.passive.search(before)) and not (
        s[h.start : h.end].split()[0].lower().endswith("ing")
    )


def _before_a_person(reader: Reader, hit: VerbHit) -> bool:
    """A participle right before someone's mention ("visiting Nepalese Prime Minister")."""
    if not reader.s[hit.start : hit.end].lower().endswith("ing"):
        return False
    after = len(reader.s[hit.end :]) - len(reader.s[hit.end :].lstrip())
    return any(p.span[0] == hit.end + after for p in reader.people)


def planned(reader: Reader, start: int, verb_start: int) -> bool:
    """Does a future marker between ``start`` and the verb make it a plan?"""
    window = reader.s[start:verb_start]
    cues = reader.cues
    if cues.purpose.search(window) and cues.set_off.search(window):
        return True  # "left Santiago for Lima to attend ...": not yet happened
    for m in reader.lex.future.finditer(window):
        if m.group(0).lower() in cues.not_future:
            continue
        return True
    return cues.future_extra.search(window) is not None

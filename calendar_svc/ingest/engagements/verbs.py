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
        if any(overlaps((h.start, h.end), p.span) for p in reader.people):
            continue
        if h.verb.name in ("attend", "receive", "visit", "host") and cues.determiner.search(
            s[: h.start]
        ):
            continue
        if cues.relative.search(s[: h.start]):
            continue
        if h.verb.name in ("receive", "welcome") and cues.after_event_noun.search(s[: h.start]):
            continue
        if cues.wish.search(s[: h.start]):
            continue  # "hoping to meet": an intention, not an engagement
        if cues.passive.search(s[: h.start]) and not (
            s[h.start : h.end].split()[0].lower().endswith("ing")
        ):
            continue  # "were welcomed by", "was received"
        out.append(h)
    return out


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

"""The way home: a return ("returned to Hanoi", "về nước"), setting off for a place at
home ("set off for Buenos Aires", "before flying back to Paris") and the landing a return
verb tells ("arrived back in Tokyo on Sunday afternoon").

Apart from `movements` because the way home ends the journey rather than one leg: its day
is the homecoming's, which the schedule counts back from to the last stop's end.
"""

from __future__ import annotations

import re

from calendar_svc.domain.values import PlaceRef
from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.classify import someone_else
from calendar_svc.ingest.extract.facts import (
    Arrival,
    ArticleFacts,
    Sourced,
    moment,
    place_ref,
    provenance,
)
from calendar_svc.ingest.extract.move_days import day_of
from calendar_svc.ingest.extract.views import View, first_place_after
from calendar_svc.ingest.lexicon import Lexicon


def add_return(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    days: list[DateMention],
) -> bool:
    """A return home ("returned to Hanoi", "về nước", "set off for Buenos Aires"); True
    when the sentence tells one."""
    returned = lex.returned.search(view.sentence.text) or _homeward(view, lex, home)
    if not returned or someone_else(view, returned.start(), facts):
        return False  # "những máy bay chiến đấu đầu tiên của Nga đã rời Xy-ri về nước"
    # "left for A on May 17 ..., then back home on May 21": the day after the verb
    later = [d for d in days if d.span[0] >= returned.end()]
    earlier = [d.start for d in days if d.span[1] <= returned.start()]
    if later and any(day > later[0].start for day in earlier):
        # "visited a clinic on Saturday before flying back via São Paulo on Sunday", told on
        # the Saturday: a day read backwards, before the day the move followed; untold
        back = None
    else:
        back = later[0].start if later else (days[0].start if len(days) == 1 else None)
    prov = provenance(article_id, view.sentence, f"{lex.language}.return", returned.span())
    facts.returns.append(Sourced(back, prov))
    landed = _landed_home(view, lex, returned, home, days)
    if landed is not None:
        facts.homecomings.append(Sourced(landed, prov))
    return True


def _homeward(view: View, lex: Lexicon, home: str | None) -> re.Match[str] | None:
    """ "set off for Buenos Aires on Monday night at the end of a week-long trip", "lên
    đường về Hà Nội": setting off for a place in the traveller's own country. Not beside
    a leg's end ("ended his stay in China on Wednesday ..., before heading back to
    Moscow"): the day is the leg's, told as concluded."""
    if home is None or lex.conclusion.search(view.sentence.text):
        return None
    text = view.sentence.text
    for mention in view.places:
        if mention.place.country_code != home or view.in_person(mention.span):
            continue
        cue = _SET_OFF_FOR.search(text, max(0, mention.span[0] - 40), mention.span[0])
        if cue is not None and not _PROGRESSIVE.search(text, 0, cue.start()):
            return cue  # whose move it is, `add_return` asks (`someone_else`)
    return None


#: Right before a place: leaving for it ("set off for", "left for", "flew back to", "lên
#: đường về"); not "flew to", which a stop on the way is too ("flew to Anchorage for a
#: refuelling stop").
_SET_OFF_FOR = re.compile(
    r"(?i)(?:\b(?:set(?:s|ting)?\s+off|left|leaving)\s+(?:for|to)|\b(?:flew|flying|headed)\s+back\s+"
    r"(?:for|to)|(?<!\w)lên\s+đường\s+về)\s+(?:the\s+|thủ\s+đô\s+)?$"
)
#: Right before the cue: a move told as it goes ("He is leaving for Moscow on Friday").
_PROGRESSIVE = re.compile(r"(?i)\b(?:is|are|was|were)\s+$")


#: A return verb that tells the landing home ("returned to Hanoi", "arrived back in
#: Tokyo", "về tới Hà Nội"), not the setting off ("flew home", "rời Paris về nước").
_LANDED = {
    "en": re.compile(r"(?i)^(?:returned|returns|arrived back)\b"),
    "vi": re.compile(r"(?i)^về\s+(?:đến|tới)\b"),
}


def _landed_home(
    view: View,
    lex: Lexicon,
    returned: re.Match[str],
    home: str | None,
    days: list[DateMention],
) -> Arrival | None:
    """The landing a return verb tells, with the day (and time of day) it names: at the
    home place named after the verb, else at home ("returned home on Sunday")."""
    text = view.sentence.text
    if home is None or not days or not _LANDED[lex.language].match(returned.group()):
        return None
    target = first_place_after(view, returned.end())
    if target is not None and target.span[0] - returned.end() <= 40:
        if target.place.country_code != home:
            return None  # "returned to Manila": someone else's home
        place = place_ref(target.place)
    else:
        place = PlaceRef(country_code=home)
    day = day_of(returned.span(), days, lex, text)
    return Arrival(home, place, moment(day, place))

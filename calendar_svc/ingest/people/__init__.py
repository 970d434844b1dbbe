"""Who travels, who invites, who comes along and whom they meet.

People in diplomatic news are almost always introduced as "<title> [of <organisation>] <name>"
(English) or "<title> [<organisation/country>] <name>" (Vietnamese), so mentions are found by
matching a title lexicon and parsing the capitalised phrase after it. The hard part is where an
organisation ends and the name begins ("... of Việt Nam (CPV) Central Committee Tô Lâm"):
organisation words, country names and demonyms (from `reference.countries`: CLDR's names in
English and Vietnamese, the press's forms), acronyms and ranks cannot be part of a name, and
Vietnamese names start with one of a small, closed set of surnames.

Roles come from cue phrases around the mentions: travel verbs ("left", "will pay", "dẫn đầu",
"thăm") make the principal, invitation phrases ("at the invitation of", "theo lời mời của")
make inviters, delegation lists ("The delegation includes", "Đoàn gồm có", "cùng đi có") make
delegation members, and meeting verbs ("held talks", "hội đàm") make counterparts.

Spans returned by :func:`find_people` index into the sentence it was given; spans in
:class:`PeopleFacts` from :func:`extract_people` index into the article's full text.

The package follows those seams:

- `person`: the Person and PeopleFacts structs callers receive;
- `titles`: the title tables (per language, in `lexicon.people`) as patterns, and the
  normalised English title;
- `names`: what cannot be part of a name, and the shape of Vietnamese names;
- `mentions`: parsing one "<title> ... <name>" mention;
- `find`: every mention of one sentence, name-first and honorific forms included;
- `roles`: a mention's role in its sentence (traveller, host, invited, met);
- `principal`: who travels; `companions`: spouse, delegation and counterparts;
- `article`: the roles of one article; `references`: every span naming the principal.
"""

from calendar_svc.ingest.people.article import extract_people
from calendar_svc.ingest.people.find import find_people
from calendar_svc.ingest.people.names import looks_vietnamese, same_in_article
from calendar_svc.ingest.people.person import UNNAMED, PeopleFacts, Person
from calendar_svc.ingest.people.roles import Countries
from calendar_svc.ingest.people.short_forms import people_per_sentence
from calendar_svc.ingest.people.titles import title_forms

__all__ = [
    "UNNAMED",
    "Countries",
    "PeopleFacts",
    "Person",
    "extract_people",
    "find_people",
    "looks_vietnamese",
    "people_per_sentence",
    "same_in_article",
    "title_forms",
]

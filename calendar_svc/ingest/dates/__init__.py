"""Date grammar for English and Vietnamese press copy about leaders' trips.

dateparser handles one date at a time and cannot read ranges such as
"từ ngày 5-12/5/2025" or "May 30 to June 2", which is how trips are announced,
so the grammar is a table of hand-written, named regular expressions.  Each
match becomes a *core* mention; a second pass then widens it with the day part,
clock time and "(local time)" words around it, so those modifiers need not be
repeated in every rule.  Everything here is pure: text in, mentions out.

Judgement calls (see also the tests):

* Vietnamese numbers are day/month.  A bare "d/m" counts as a date when both
  numbers are a valid day and month (press copy writes "Quốc khánh 2/9"), unless
  fraction or document-number words surround it ("khoảng 1/3", "số 12/5").
  A bare "d-m" (dash) is a score or a count ("3-2", "5-6 người") unless
  something says it is a date: "ngày"/"mùng", a day part ("Sáng 26-6"), a
  clock time, "vào"/"hôm", "giờ địa phương", or a written year.
* English numeric dates ("5/5/2025") are not read: US and UK order differ.
* Vague dates ("mid-May", "đầu tháng 5") and relative words ("today",
  "hôm nay") are not dates here; callers decide what they mean. A part of the day
  of writing ("this afternoon", "chiều nay") is the publication day, but only when
  asked for (`find_days_of_writing`).

Where it lives: each language's rules, modifiers and duration rules in :mod:`.grammar_en`
and :mod:`.grammar_vi` (of the shape :mod:`.rules` gives), its month, weekday, number and
day-part words in the lexicon (:mod:`calendar_svc.ingest.lexicon.dates`); the parser in
:mod:`.parse`, placing days and years in :mod:`.resolve`, lengths in :mod:`.durations`.
"""

from calendar_svc.ingest.dates.durations import find_durations
from calendar_svc.ingest.dates.mentions import DateMention, DurationMention, Tense
from calendar_svc.ingest.dates.parse import find_dates, find_days_of_writing, infer_reference
from calendar_svc.ingest.lexicon.dates import DayPart

__all__ = [
    "DateMention",
    "DayPart",
    "DurationMention",
    "Tense",
    "find_dates",
    "find_days_of_writing",
    "find_durations",
    "infer_reference",
]

"""Engagements: what the principal did during a visit, one claim per item of a sentence.

News reports a leader's programme as lists hanging off action verbs: "the General Secretary
attended A, B, and C", "Tô Lâm and Putin held talks, witnessed the signing of cooperation
documents, and met with the press", "Tổng Bí thư hội kiến Thủ tướng A, Chủ tịch B và Chủ tịch
C". :func:`find_engagements` turns one sentence into one :class:`EngagementClaim` per item.

How a sentence is read:

1. **Action verbs** are found with a per-language verb table (``verbs``). Each verb has a
   default kind, whether its kind beats the cue words of its object ("laid flowers" is a
   wreath-laying whatever follows), whether it needs an engagement noun to count at all
   ("held talks" yes, "held the view" no) and how a title is made from it. Verbs used as
   adjectives or passives ("the visiting President", "the banquet hosted by ...") and verbs
   of relative clauses ("experts who had attended ...") are not action verbs.
2. **The actor**: the first action verb counts only when the text before it has the
   principal as subject: one of ``principal_names`` (or its short form), a pronoun, or a role
   phrase ("the Party chief", "the two leaders", "Tổng Bí thư", "Ông"), not governed by a
   preposition ("trips *by* Tô Lâm", "lời mời *của* ...") and not followed by another
   person who is not coordinated with it ("Lâm said *Putin* attended"). Later verbs keep the
   actor unless a new subject stands right before them.
3. **Items**: the words after a verb up to the next verb (cut before participial tails such
   as ", commemorating ...", "as guests of ...") are split with the lexicon's list separators
   (never inside a person's mention). An item's kind is its earliest cue word (the lexicon's
   table plus ``extra_cues``), else the verb's kind, else the previous item's kind.
   A list header ("several high-level leaders, including A; B") is dropped; meeting-like
   items naming several people become one claim per person; items that are really a leg
   of the trip ("a state visit to Belarus", "thăm chính thức Liên bang Nga") end the list.
4. **Counterparts** are the named people of the item (never the principal, the spouse or the
   honoured dead of a wreath-laying) plus people coordinated with the principal as subject
   ("Tô Lâm *and Putin* held talks") for joint engagements, and hosts named in the cut tail
   ("as guests of President Putin"). **Places** are the cities, landmarks and airports of
   the gazetteer inside the item. **planned** is set by a future marker before the verb.
5. **The host as subject.** News often tells the principal's engagement from the host's
   side. When the subject of a hosting verb is a host (another named person, or a role
   phrase of another country: "the Russian President", "phía Nga", "Tổng thống Nga") and the
   principal is its object, the sentence gives one claim with the hosts as counterparts
   (rule ``<lang>.engagement.hosted``):

   - the principal as direct object of receive / welcome / greet / host, or of tiếp, tiếp
     đón, đón tiếp, đón, chào đón ("President Putin received [the visiting] General
     Secretary Tô Lâm at the Kremlin", "Tổng thống Tokayev đón Tổng Bí thư tại sân bay"):
     a reception, titled "Received by <host>" / "Được <host> đón";
   - an event in the principal's honour, the object of host / hold / give / offer /
     organise, chủ trì, mở, tổ chức, thết: "hosted a state banquet in honour of Macron",
     "held an official welcome ceremony for ...", "chủ trì tiệc chiêu đãi trọng thể chào
     mừng Tổng Bí thư", "phía Lào tổ chức lễ đón chính thức Tổng Bí thư": the event's kind
     (banquet, reception or ceremony), titled "<event> hosted by <host>" / "<event> do
     <host> chủ trì";
   - passives with the principal as subject ("the delegation was received by President
     Putin", "Tổng Bí thư được Tổng thống Putin đón tiếp"; rule ``<lang>.engagement.
     hosted_passive``).

   - talks or a meeting with the principal after "with" (or right after a meeting verb):
     "Putin held talks with the visiting King Salman", "Quốc vương Ca-ta hội đàm với
     Tổng thống Erdogan", "Thủ tướng Nga hội kiến Tổng Bí thư": the principal's talks or
     meeting with the hosts (rule ``<lang>.engagement.joint``).

   Refused: a subject that includes the principal or that is reported ("Putin said Xi had
   received ..."); an object that is not the principal's mention right after the verb or
   its event ("received a phone call from Macron", "received Chinese President Xi
   Jinping", "welcomed Macron's proposal", "received him"); "the visit was warmly
   received"; a role phrase of another country, or a bare title, as object ("received the
   Chinese leader", "received the Prime Minister": the visiting one, the Vietnamese one, the
   guest or the delegation is the principal).
   A mention that is the object of one verb is never the subject of the next ("received
   Tô Lâm and hosted ...", "met Putin and attended ...").
6. **Sides.** With ``principal_country`` known, a role phrase that names a country by its
   demonym or name ("the Kazakh leader", "the Russian side", "Tổng thống Nga", "phía Nga",
   "người đồng cấp Kazakhstan") is the principal's when the country is the principal's and
   a possible host otherwise. Demonyms come from the gazetteer; they never become places,
   so they never make a leg of the trip.

Where each step lives: 1 in :mod:`.verbs`, 2 in :mod:`.actor`, 3 and 4 in :mod:`.items`, 5
in :mod:`.hosted`, 6 in :mod:`.reader` (the sentence's mentions, shared by all steps); titles
in :mod:`.titles`; :func:`find_engagements` walks the verbs in :mod:`.sentence`. Each
language's ``verbs`` and cues (``extra_cues``, the cues of the actor, the host and the items)
are its tables in the lexicon: :mod:`calendar_svc.ingest.lexicon.verbs` and
:mod:`calendar_svc.ingest.lexicon.engagements`.
Pure: text in, claims out; never raises on any string.
"""

from calendar_svc.ingest.engagements.claim import EngagementClaim
from calendar_svc.ingest.engagements.sentence import find_engagements

__all__ = ["EngagementClaim", "find_engagements"]

"""Sentences that tell of the traveller's next journey, not this one: a plan once the
article has brought them home (or set them off home, or called the tour over), a plan
for after a planned homecoming, and a paragraph that opens the next journey by name.
`mark_later_journeys` and `mark_next_journey_paragraphs` set `View.history` on them.

Apart from `extract.history` (times against the lead) because these are told by the
journey's own course, not by calendar arithmetic.
"""

from __future__ import annotations

import re
from datetime import date

from calendar_svc.ingest.extract.views import View, first_place_after
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.places import PlaceMention


def mark_later_journeys(views: list[View], lex: Lexicon, home: str | None) -> None:
    """Once an article has brought the traveller home, a plan is the next journey, not a
    leg of this one ("Tuần tới, ông Yoon dự kiến sang New York dự Đại hội đồng Liên hợp
    quốc", "He leaves on Tuesday for a three-day visit to Japan"). Landing at home ("hạ
    cánh xuống căn cứ không quân Seoul"), setting off for it ("left Singapore for New
    Delhi") and a summary of the tour as over ("chuyến công du ... vừa kết thúc") bring
    them home too."""
    back = False
    due_back: date | None = None  # the day a plan brings the traveller home
    later: int | None = None  # the paragraph a plan for after the homecoming opened
    for view in views:
        text = view.sentence.text
        if (
            later is not None
            and view.sentence.paragraph == later
            and (not view.dates or view.future)
        ):
            # "... dự kiến sẽ thăm Anh trước cuối tháng 7. Chuyến đi có thể được kết hợp với
            # chặng dừng tại Man-đi-vơ"; "Soon after coming home from China, Duterte will
            # travel again. ... he would make a three-day visit to Japan starting on Oct.
            # 25": the rest of its paragraph tells of that plan
            view.history = True
        if back and view.future:
            view.history = True
        if _AFTER_HOMECOMING.search(text) and lex.future.search(text):
            view.history = True  # "Sau khi về nước, ông dự kiến thăm Nhật Bản vào tuần tới"
        if view.history and (back or _AFTER_HOMECOMING.search(text)):
            later = view.sentence.paragraph
        if due_back is not None and view.future and view.dates:
            # "is due back at the White House late on Saturday. He returns to Europe on
            # Thursday, when he flies to Paris": a plan for after the planned homecoming
            view.history |= all(d.start > due_back for d in view.dates)
        planned = view.future or _DUE_BACK.search(text) is not None  # "is due back" is a plan
        if planned and due_back is None and view.dates and _going_home(view, lex, home):
            due_back = max(d.end for d in view.dates)
        if view.future:
            continue
        landed = lex.arrival.search(text)
        there = _place_reached(view, landed.end()) if landed is not None else None
        at_home = there is not None and there.place.country_code == home
        if lex.returned.search(text) or at_home or _set_off_home(view, lex, home):
            back = True
        back |= _TOUR_OVER.search(text) is not None


#: The journey told as over: "chuyến công du Đông Nam Á vừa kết thúc của Thủ tướng", "his
#: just-concluded tour" (a summary written after the homecoming).
_TOUR_OVER = re.compile(
    r"(?i)\bjust[\s-]+(?:concluded|ended|completed)\s+(?:[\w-]+\s+){0,2}?(?:tour|trip|journey)\b|"
    r"(?<!\w)chuyến\s+công\s+du\s+[^.;,]{0,40}?vừa\s+(?:kết\s+thúc|khép\s+lại)(?!\w)"
)


def _set_off_home(view: View, lex: Lexicon, home: str | None) -> bool:
    """ "left Singapore for New Delhi on Tuesday night": set off for home from the last stop."""
    text = view.sentence.text
    left = lex.departure.search(text)
    if left is None or (there := first_place_after(view, left.end())) is None:
        return False
    onward = first_place_after(view, there.span[1])
    return (
        onward is not None
        and onward.place.country_code == home
        and _FOR.fullmatch(text, there.span[1], onward.span[0]) is not None
    )


#: Between the place left and where the traveller went: "for", "về".
_FOR = re.compile(r"(?i)\s+(?:for|về)\s+(?:the\s+|thủ\s+đô\s+)?")


#: Before a country's name: its people, not the place ("gặp gỡ cộng đồng người Ấn Độ").
_ITS_PEOPLE = re.compile(r"(?i)(?<!\w)người\s+$")


def _place_reached(view: View, offset: int) -> PlaceMention | None:
    """The first place after a verb of arriving, passing over a country's people: "tới
    Quảng trường Gandhi đặt hoa ... và gặp gỡ cộng đồng người Ấn Độ" is no homecoming."""
    there = first_place_after(view, offset)
    while there is not None and _ITS_PEOPLE.search(
        view.sentence.text, max(0, there.span[0] - 8), there.span[0]
    ):
        there = first_place_after(view, there.span[1])
    return there


def mark_next_journey_paragraphs(views: list[View]) -> None:
    """A paragraph that opens the traveller's next journey (or another, under way) tells of
    it to its end ("Chuyến
    công du tiếp theo của ông Tập đã được ấn định. ... ông sẽ dự Hội nghị G20 tại Antalya
    ... Sau đó, ông tới Manila"; "His next trip abroad is already set: ..."): its later
    sentences are that journey's, not this one's."""
    opened: int | None = None
    for view in views:
        if opened is not None and view.sentence.paragraph != opened:
            opened = None
        if opened is not None:
            view.history = True
        elif _NEXT_JOURNEY.search(view.sentence.text):
            opened = view.sentence.paragraph


#: The traveller's next journey named as such: "his next trip abroad", "next foreign
#: tour", "chuyến công du tiếp theo", "chuyến thăm nước ngoài kế tiếp". Not "next stop" or
#: "next leg": those are this journey's.
_NEXT_JOURNEY = re.compile(
    r"(?i)\bnext\s+(?:(?:foreign|overseas|international|official|state)\s+)?"
    r"(?:trip|tour|journey)\b|"
    # another journey under way or done: "while the chancellor was on another three-day
    # trip, to the South Caucasus. She held talks in Georgia on Thursday, ..."
    r"\b(?:was|is|were)\s+on\s+another\s+(?:[\w-]+\s+){0,2}?(?:trip|tour|journey)\b|"
    r"(?<!\w)đang\s+(?:có\s+)?(?:một\s+)?chuyến\s+(?:công\s+du|thăm|đi)\s+[^.;]{0,40}?khác(?!\w)|"
    r"(?<!\w)chuyến\s+(?:công\s+du|thăm|đi|công\s+tác)(?:\s+nước\s+ngoài)?\s+"
    r"(?:tiếp\s+theo|kế\s+tiếp)(?!\w)"
)


def _going_home(view: View, lex: Lexicon, home: str | None) -> bool:
    """Whether a sentence plans the homecoming: "is due back at the White House", "will
    fly home on Friday", "dự kiến về nước ngày 8/7", "will return to Tokyo"."""
    text = view.sentence.text
    if _DUE_BACK.search(text):
        return True
    went = lex.returned.search(text)
    if went is None:
        return False
    there = first_place_after(view, went.end())
    near = there is not None and there.span[0] - went.end() <= 40
    if near and there is not None and there.place.country_code == home:
        return True
    return _HOME_WORD.search(went.group()) is not None


_DUE_BACK = re.compile(r"(?i)\b(?:due|expected|scheduled)\s+back\b")
_HOME_WORD = re.compile(r"(?i)\bhome\b|(?<!\w)nước(?!\w)")


#: A plan told as coming after the homecoming: "after returning home", "soon after coming
#: home from China", "sau khi về nước".
_AFTER_HOMECOMING = re.compile(
    r"(?i)\bafter\s+(?:returning|(?:coming|getting|flying)(?:\s+back)?|(?:he|she)\s+returns|"
    r"(?:his|her)\s+return)\s+home\b|"
    r"(?<!\w)sau\s+khi\s+(?:trở\s+)?về\s+nước(?!\w)"
)

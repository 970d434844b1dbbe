"""Words that set a journey before the one an article follows: "after Xi's visit to
Hanoi", "sau chuyến thăm ...", "hồi tháng 5", "last year", "who visited Madrid ... in
February". Whoever such a journey is told of is not the article's traveller now.

Apart from `people.principal` (which reads who travels) because these are cues of time,
one list to grow as the press finds new ways to tell of earlier journeys.
"""

from __future__ import annotations

import re

__all__ = ["AFTER_TRIPS", "AFTER_TRIPS_OF", "DONE_BEFORE", "PAST_RELATIVE", "RECALLED_VISIT"]


#: Before a name: the journey comes before this one ("a week after Xi's visit to Hanoi").
AFTER_TRIPS_OF = re.compile(r"(?i)\b(?:after|since|following|follows|followed)\s+$")


#: Right before a trip noun (or a list of them): the journeys this one came after ("sau
#: chuyến thăm ..."), which are past.
AFTER_TRIPS = re.compile(
    r"(?i)(?:(?<!\w)sau\s+(?:các\s+)?(?:chuyến\s+(?:thăm|công\s+du)[^.;]{0,120}?\s+(?:và|,)\s+)?|"
    r"\bafter\s+(?:the\s+|a\s+)?)$"
)


#: A relative clause telling a visit the one named made before: "Argentina's President
#: B, who visited Madrid on a state visit in February, has been ...".
PAST_RELATIVE = re.compile(
    r"(?i)\s*,\s*(?:who\s+(?:had\s+)?(?:visited|toured)\b[^,;.]{0,80}?"
    r"\b(?:in\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:19|20)\d\d)|last\s+(?:year|month|week))\b|"
    r"người\s+(?:đã\s+)?(?:thăm|tới|đến|sang)(?!\w)[^,;.]{0,80}?(?:hồi\s+tháng|năm\s+ngoái|"
    r"tháng\s+trước|năm\s+(?:19|20)\d\d))"
)
#: A journey told as done before now: "hồi tháng 5", "năm ngoái", "last year", "recalled
#: the results of the visit": its traveller is not the one the article follows.
DONE_BEFORE = re.compile(
    r"(?i)\b(?:last\s+(?:year|month)|a\s+year\s+ago|earlier\s+this\s+year|"
    r"recall(?:ed|ing)?\s+(?:the\s+)?(?:results|outcome))\b|"
    r"(?<!\w)(?:hồi\s+(?:tháng|năm|đầu|giữa|cuối)|năm\s+(?:ngoái|trước)|tháng\s+trước|"
    r"(?:nhắc\s+lại|điểm\s+lại|ôn\s+lại)\s+(?:kết\s+quả|chuyến))(?!\w)"
)


#: A visit someone recalls, owned by the one named before "'s": "recalled Prime Minister
#: A's official visit to the Netherlands in July 2017" (A's visit is past; the one who
#: recalls it may be abroad now).
RECALLED_VISIT = re.compile(
    r"(?i)\brecall(?:ed|ing|s)?\s+[^.;]{0,80}?['’]s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b"
)

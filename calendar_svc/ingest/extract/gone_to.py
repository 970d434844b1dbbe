"""Which places a sentence names as somewhere someone goes or stays: a place after a word of
place or travel ("flew on to Beijing", "thăm chính thức Việt Nam"), one naming a part of a
journey ("the Singapore summit") or its host, or one listed with such a place. Not a
country that is only a subject, a partner or the object of a deed ("a truce with China",
"Russia's invasion of Ukraine"): most extra legs were such mentions in travel sentences.

Apart because the itinerary asks it of every candidate stop, and the words that govern a
place are one concern.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.extract.views import View
from calendar_svc.ingest.places.place import PlaceMention


def goes_to(view: View, code: str) -> bool:
    """Whether any mention of the country `code` in the sentence is `governed`, leaving out
    those in a person's title: "for U.S. President Joe Biden" puts no one in the US."""
    return any(
        governed(view, m.span[0])
        for m in view.places
        if m.place.country_code == code and not view.in_person(m.span)
    )


#: Words that put the place after them as where someone goes or is: a preposition of place
#: or direction, a verb of visiting, arriving or leaving ("flew on to Beijing", "in Hanoi",
#: "left Brasilia", "flying home from Tashkent", "a tour of Algeria", "thăm chính thức Việt
#: Nam", "hạ cánh xuống sân bay Nội Bài", "chặng Xin-ga-po").
_GOVERNS = re.compile(
    r"(?i)(?:\b(?:to|in|at|into|for|via|through|across|towards?|outside|visit(?:s|ed|ing)?|"
    r"reach(?:es|ed|ing)?|"
    r"tour(?:s|ed|ing)?|leaves?|left|leaving|taking\s+in|capital\s+of|city\s+of|"
    # "on a tour of Algeria, Russia, Turkey and China"
    r"(?:tours?|trips?|visits?)\s+of|"
    r"(?:home|back|in|off|directly|fl[eoi]\w*|arriv\w*|return\w*|came|com(?:es|ing)|travel\w*)"
    r"\s+from)|"
    r"(?<!\w)(?:(?:bay|đến|tới)\s+từ|ngoại\s+ô|tới|đến|sang|thăm|tại|ở|qua|rời|vào|xuống|là|đi|"
    r"chọn|chặng|sau|công\s+du|công\s+tác|chính\s+thức|nhà\s+nước|sân\s+bay(?:\s+quốc\s+tế)?|thủ\s+đô|"
    r"thành\s+phố|Tòa\s+thánh|Cộng\s+hòa|Vương\s+quốc|Liên\s+bang|làm\s+việc|nước|"
    # a city the tables lack, then its country: "tới thủ đô Ri-át của A-rập Xê-út"
    r"(?:thủ\s+đô|thành\s+phố|thủ\s+phủ)\s+(?:[\w-]+\s+){1,3}?(?:của|thuộc)))"
    r"(?:\s+the)?"
    # a part of the country between: "to southern Italy", "in the north of", "ở miền nam"
    r"(?:\s+(?:(?:south|north)-?(?:east|west)?ern|eastern|western|central)|"
    r"\s+the\s+(?:south|north|east|west|centre|center)\s+of|"
    r"\s+(?:miền|phía|vùng)\s+(?:đông\s+|tây\s+)?(?:nam|bắc|trung|đông|tây)(?:\s+(?:nước|của))?)?"
    r"\s*$"
)
#: Before "to" / "tới": what is sent or ordered there, or spoken of, no one going ("a
#: message sent to Washington", "thông điệp gửi tới Washington", "ordered troops into
#: Ukraine", "liên quan tới Mi-an-ma").
_NO_MOVE = re.compile(
    r"(?i)(?:\b(?:send|sends|sent|sending|message|signal|letter|troops|forces|tanks|missiles?)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:to|into|toward|towards)|(?<!\w)gửi\s+(?:\S+\s+){0,4}?(?:tới|đến|cho)|"
    # what is given: "thanking Australia for its military and humanitarian support to Kyiv"
    r"\b(?:support|aid|assistance|weapons|arms|funding)\s+(?:[\w-]+\s+){0,2}?(?:to|for)|"
    # "Liên quan tới Mi-an-ma", "đề cập tới Pa-ki-xtan": what is spoken of
    r"(?<!\w)(?:liên\s+quan|đề\s+cập(?:\s+trực\s+tiếp)?|nhắc|nói|quan\s+tâm|ảnh\s+hưởng)\s+(?:tới|đến))"
    r"\s+(?:the\s+)?$"
)
#: An earlier event a time runs from, up to the place: "since his February meeting with B
#: in Hanoi", "since they held talks ... in Bali", "kể từ cuộc gặp ... tại Hà Nội".
SINCE_EVENT = re.compile(
    r"(?i)(?:\bsince\s+(?:his|her|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:meeting|summit|talks|"
    r"visit|trip|tour)|"
    # "since they held talks on the sidelines of the G20 summit in Bali"
    r"\bsince\s+(?:they|he|she|we|the\s+two(?:\s+[\w-]+)?|both(?:\s+[\w-]+)?)\s+(?:last\s+)?"
    r"(?:met|held|spoke|talked|sat\s+down)\b|"
    # "since U.S. President Donald Trump and North Korean leader Kim Jong Un ended their
    # second summit in Hanoi": a clause of what others did before
    r"\bsince\s+[^,;]{0,80}?\b(?:ended|held|met|hosted|attended|wrapped\s+up)\b|"
    # "since July 2015, when the Indian leader visited Russia", "kể từ tháng 7/2015, khi ..."
    r"\bsince\s+[^,;]{0,25}?\b(?:19|20)\d\d,?\s+when\b|"
    r"(?<!\w)kể\s+từ\s+[^,;]{0,25}?(?:19|20)\d\d,?\s+khi(?!\w)|"
    r"(?<!\w)kể\s+từ\s+(?:cuộc\s+gặp|hội\s+nghị|chuyến\s+thăm|chuyến\s+đi))"
    r"\b[^;]*$"
)
#: Right after a place: something of its ("China's embrace", "Russia's invasion"); not a
#: part of it ("Singapore's Changi Airport", "Germany's Bavarian Alps", "Japan's west coast").
_OWNS = re.compile(
    r"['’]s\b(?!\s+(?:capital|airport|port|city|coast|island|province|region|"
    r"(?:north|south|east|west)(?:ern)?\b|(?-i:[A-Z])))"
)
#: What may stand between a place and the one before it in a list, dates taken out
#: ("Serbia, Poland and Uzbekistan", "Hy Lạp từ ngày 15-16/11 và Đức", "Davos (Thụy Sĩ)").
_LIST_JOIN = re.compile(
    r"(?i)(?:[\s,()]|\b(?:from|on|then|the)\b|(?<!\w)(?:từ|ngày|rồi|sau\s+đó)(?!\w))*"
    r"(?:\b(?:and|or)\b|(?<!\w)(?:và|hoặc)(?!\w))?"
    r"(?:[\s,()]|\b(?:then|the)\b|(?<!\w)(?:sau\s+đó|rồi)(?!\w))*"
)
#: A city the gazetteer may not know, then its country: "in Davos, Switzerland", "tại
#: Davos, Thụy Sĩ", "tới đảo Ba-li của In-đô-nê-xi-a".
_UNKNOWN_CITY = re.compile(
    r"(?:\b(?:in|at|to)|(?<!\w)(?:tại|ở|tới|đến|xuống))\s+"
    r"(?:(?:đảo|thành\s+phố|thủ\s+đô|island\s+of)\s+)?"
    r"(?:[A-ZĐ][\w-]*\s+){0,2}[A-ZĐ][\w-]*(?:,\s*|\s+của\s+)$"
)
#: ... and the one after it ("the Papua New Guinea and Australia legs").
_LIST_NEXT = re.compile(r"(?i)\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
#: A journey's part named by its place ("the Singapore summit", "the Japan trip", "Vietnam,
#: the first stop", "Việt Nam là điểm dừng chân đầu tiên"), or the place as host ("Japan
#: will host Chilean President B").
_PART_OF_JOURNEY = re.compile(
    r"(?i)\s+(?:summit|trip|visit|legs?|stops?|stopover|tour|portion|(?:will\s+|is\s+to\s+)?"
    r"(?:host|hosts|hosted|is\s+hosting|welcomes?|welcomed|sẽ\s+đón|đón)\s)|"
    r",\s+(?:the|his|her|its)\s+(?:[\w-]+\s+)?(?:stop|leg|destination)\b|"
    r"\s+(?:sẽ\s+)?là\s+(?:điểm|chặng)(?!\w)"
)


def sends_only(text: str, cue: re.Match[str]) -> bool:
    """Whether a travel cue only sends something ("gửi lời chia buồn tới UAE", "a message
    sent to Washington"): nobody goes."""
    return _NO_MOVE.search(text[max(0, cue.start() - 50) : cue.end()] + " ") is not None


def governed(view: View, pos: int) -> bool:
    """Whether the place named at `pos` is where someone goes or stays: after a word of
    place or travel, naming a part of a journey ("the Singapore summit"), or listed with a
    place that is. A country that is only a subject, the object of a deed or a partner ("a
    truce with China", "Russia's invasion of Ukraine") is not."""
    text = view.sentence.text
    at = {m.span[0]: m for m in view.places}
    mention = at.get(pos)
    first = mention
    owns = _OWNS.match(text, mention.span[1]) if mention is not None else None
    if owns is not None and not any(m.span[0] - owns.end() in (0, 1) for m in view.places):
        return False  # "into China's embrace"; not "into Singapore's Changi Airport"
    while first is not None:  # back to the head of its list
        before = text[max(0, first.span[0] - 50) : first.span[0]]
        if _NO_MOVE.search(before):
            return False  # "a message sent to Washington", "troops into Ukraine"
        if SINCE_EVENT.search(text, max(0, first.span[0] - 120), first.span[0]):
            return False  # "his first summit since his February meeting ... in Hanoi"
        if _GOVERNS.search(before) or _UNKNOWN_CITY.search(before):
            return True
        first = _listed_before(view, first)
    last = mention
    while last is not None:  # on to the end of its list
        if _PART_OF_JOURNEY.match(text, last.span[1]):
            return True
        joined = _LIST_NEXT.match(text, last.span[1])
        last = at.get(joined.end()) if joined else None
    return False


def _listed_before(view: View, mention: PlaceMention) -> PlaceMention | None:
    """The place before `mention` in the same list, if only list words and dates stand
    between them."""
    earlier = [m for m in view.places if m.span[1] <= mention.span[0]]
    if not earlier:
        return None
    previous = earlier[-1]
    between = list(view.sentence.text[previous.span[1] : mention.span[0]])
    for day in view.dates:
        a, b = day.span[0] - previous.span[1], day.span[1] - previous.span[1]
        for i in range(max(0, a), min(len(between), b)):
            between[i] = " "
    gap = "".join(between)
    return previous if len(gap) <= 60 and _LIST_JOIN.fullmatch(gap) else None

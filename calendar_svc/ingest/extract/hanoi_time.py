"""Days the Vietnamese press tells in Hanoi's time beside, or instead of, the place's own
("chiều 30/11 (giờ địa phương, tức 3 giờ 52 phút sáng 1/12 giờ Hà Nội)", "Sáng 22/9 (giờ
Việt Nam), ... đã tới Niu Oóc"): not days of the stay there.

Apart from `views` because it is one question about clocks, asked of every day read.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.places import PlaceMention


def in_hanoi_time(text: str, day: DateMention) -> bool:
    """Whether a day is the local one told again in Hanoi's time ("chiều 30/11 (giờ địa
    phương, tức 3 giờ 52 phút sáng 1/12 giờ Hà Nội)"): the same moment, not another day of
    the trip; the local day dates the move."""
    before = text[max(0, day.span[0] - 40) : day.span[0]]
    return bool(_THAT_IS.search(before)) and _HANOI_TIME.match(text, day.span[1]) is not None


def hanoi_day_far_away(text: str, day: DateMention, places: list[PlaceMention]) -> bool:
    """Whether a day is told in Hanoi's time ("Sáng 22/9 (giờ Việt Nam), ... đã tới Niu
    Oóc") in a sentence about a place whose clock is so far from Hanoi's that the local day
    may be another (the evening of 21/9 in New York): no day of the stay there."""
    if not (
        _HANOI_TIME_AFTER.match(text, day.span[1])
        or _HANOI_TIME_BEFORE.search(text, max(0, day.span[0] - 40), day.span[0])
    ):
        return False
    zones = [m.place.timezone for m in places if m.place.timezone is not None]
    if day.clock_time is not None:
        # "at 6 a.m. on Sunday, Hà Nội time": the place's own day at that moment
        at = datetime.combine(day.start, day.clock_time, ZoneInfo("Asia/Ho_Chi_Minh"))
        return any(at.astimezone(ZoneInfo(zone)).date() != day.start for zone in zones)
    at = datetime.combine(day.start, time(12))
    hanoi = _offset_hours(at, "Asia/Ho_Chi_Minh")
    return any(abs(hanoi - _offset_hours(at, zone)) >= 8 for zone in zones)


def _offset_hours(at: datetime, zone: str) -> float:
    offset = at.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else 0.0


#: Right after a day: it is told in Hanoi's time ("22/9 (giờ Việt Nam)", "on Sunday, Hà Nội
#: time", "the morning of Nov. 13 (Việt Nam time)").
_HANOI_TIME_AFTER = re.compile(
    r"(?i)\s*\(\s*(?:theo\s+)?giờ\s+(?:Hà\s+Nội|Việt\s+Nam)\s*\)|"
    r"\s*[,(]?\s*(?:Hà\s+Nội|Hanoi|Việt\s+Nam|Viet\s*Nam)\s+time\b"
)
#: Right before a day: "at 6 a.m. Hà Nội time on Sunday", "(Hanoi time) on Sunday".
_HANOI_TIME_BEFORE = re.compile(
    r"(?i)\b(?:Hà\s+Nội|Hanoi|Việt\s+Nam|Viet\s*Nam)\s+time\)?\s*,?\s*(?:on\s+)?(?:the\s+)?$"
)
#: Inside the bracket, before the converted time: "tức".
_THAT_IS = re.compile(r"(?i)(?<!\w)tức(?!\w)[^()]*$")
#: Right after it: "giờ Hà Nội", "theo giờ Việt Nam".
_HANOI_TIME = re.compile(r"(?i)\s*(?:theo\s+)?giờ\s+(?:Hà\s+Nội|Việt\s+Nam)(?!\w)")

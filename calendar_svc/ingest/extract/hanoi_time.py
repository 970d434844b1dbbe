"""Days the Vietnamese press tells in Hanoi's time beside, or instead of, the place's own
("chiều 30/11 (giờ địa phương, tức 3 giờ 52 phút sáng 1/12 giờ Hà Nội)", "Sáng 22/9 (giờ
Việt Nam), ... đã tới Niu Oóc"): not days of the stay there.

Apart from `views` because it is one question about clocks, asked of every day read.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

import msgspec

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.lexicon.dates import DayPart
from calendar_svc.ingest.places import PlaceMention


def in_hanoi_time(text: str, day: DateMention) -> bool:
    """Whether a day is the local one told again in Hanoi's time ("chiều 30/11 (giờ địa
    phương, tức 3 giờ 52 phút sáng 1/12 giờ Hà Nội)"): the same moment, not another day of
    the trip; the local day dates the move."""
    before = text[max(0, day.span[0] - 40) : day.span[0]]
    return bool(_THAT_IS.search(before)) and _HANOI_TIME.match(text, day.span[1]) is not None


def day_there(text: str, day: DateMention, places: list[PlaceMention]) -> DateMention | None:
    """A day told in Hanoi's time ("Rạng sáng 23/9 (giờ Việt Nam), ... đã đến Niu Oóc",
    "arrived in Havana at 9 a.m. on Thursday, Hà Nội time") as the day of the places the
    sentence names: the same day when their clocks are near Hanoi's; the day there when
    the clock or the part of the day tells it (the evening of 22/9 in New York); None when
    it cannot be told (no day of the stay there). Any other day comes back unchanged."""
    if not (
        _HANOI_TIME_AFTER.match(text, day.span[1])
        or _HANOI_TIME_BEFORE.search(text, max(0, day.span[0] - 40), day.span[0])
    ):
        return day
    zones = {m.place.timezone for m in places if m.place.timezone is not None} - {_HANOI}
    if not zones:
        return day
    hours = _HOURS.get(day.day_part) if day.day_part is not None else None
    if day.clock_time is not None:
        moments = [day.clock_time]
    elif hours is not None:
        moments = [time(hours[0]), time(hours[1] - 1, 59)]
    else:
        noon = datetime.combine(day.start, time(12))
        hanoi = _offset_hours(noon, _HANOI)
        near = all(abs(hanoi - _offset_hours(noon, zone)) < 8 for zone in zones)
        return day if near else None
    if day.start != day.end:
        return None
    there = {
        datetime.combine(day.start, at, ZoneInfo(_HANOI)).astimezone(ZoneInfo(zone)).date()
        for at in moments
        for zone in zones
    }
    if len(there) != 1:
        return None
    (local,) = there
    return msgspec.structs.replace(day, start=local, end=local, clock_time=None)


_HANOI = "Asia/Ho_Chi_Minh"
#: The hours a part of the day may stand for (from, to), in the clock of who tells it.
_HOURS: dict[str, tuple[int, int]] = {
    DayPart.EARLY_MORNING: (0, 7),
    DayPart.MORNING: (5, 12),
    DayPart.NOON: (11, 14),
    DayPart.AFTERNOON: (12, 18),
    DayPart.LATE_AFTERNOON: (15, 19),
    DayPart.EVENING: (17, 23),
    DayPart.NIGHT: (19, 24),
}


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

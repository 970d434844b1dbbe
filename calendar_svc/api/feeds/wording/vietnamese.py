"""What a feed says in Vietnamese (``?lang=vi``): titles, places, days and people's names
as Vietnamese sources write them, and each DESCRIPTION's lines.

Days are CLDR's (Babel), names the office-holder table's Vietnamese forms; a rule's
reason the table below has no words for is given in English (`english.plain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from babel.dates import format_date, format_interval

from calendar_svc.api.feeds.listing import day_known
from calendar_svc.api.feeds.wording.english import BASIS, RULE, plain
from calendar_svc.domain.values import Certainty, PersonRef
from calendar_svc.domain.views import EngagementView, LegView, Schedule, SourceRef, TripView
from calendar_svc.reference.countries import name as country_name
from calendar_svc.reference.identity import person_id
from calendar_svc.reference.office_holders import OFFICE_HOLDERS, OfficeHolder

_VISIT = {
    "state": "thăm cấp Nhà nước",
    "official": "thăm chính thức",
    "working": "thăm làm việc",
    "visit": "thăm",
}
_KIND = {
    "talks": "Hội đàm",
    "meeting": "Hội kiến",
    "banquet": "Chiêu đãi",
    "forum": "Diễn đàn",
    "wreath_laying": "Đặt vòng hoa",
    "ceremony": "Lễ",
    "speech": "Phát biểu",
    "signing": "Ký kết",
    "press_conference": "Họp báo",
    "summit": "Hội nghị thượng đỉnh",
    "visit": "Thăm",
}
_TITLE = {
    "General Secretary": "Tổng Bí thư",
    "Prime Minister": "Thủ tướng",
    "Deputy Prime Minister": "Phó Thủ tướng",
    "Chairman": "Chủ tịch",
    "Chairwoman": "Chủ tịch",
    "Speaker": "Chủ tịch",
    "King": "Quốc vương",
    "Queen": "Nữ hoàng",
    "Chancellor": "Thủ tướng",
    "First Secretary": "Bí thư thứ nhất",
    "Vice President": "Phó Tổng thống",
    "Foreign Minister": "Bộ trưởng Ngoại giao",
}
_CERTAINTY = {
    Certainty.CORROBORATED: "đã xác nhận, nhiều nguồn",
    Certainty.STATED: "đã xác nhận",
    Certainty.INFERRED: "chưa xác nhận: một phần suy ra",
    Certainty.DISPUTED: "chưa xác nhận: các nguồn khác nhau",
}
_SURE = {Certainty.INFERRED: "suy ra", Certainty.DISPUTED: "còn tranh cãi"}
_STATUS = {
    "announced": "đã công bố",
    "in_progress": "đang diễn ra",
    "concluded": "đã kết thúc",
    "postponed": "hoãn",
    "cancelled": "hủy",
    "reported": "đã đưa tin",
}
#: The rules' reasons (`calendar_svc.domain.rules`), as a Vietnamese reader is told them.
_REASON = {
    "the delegation left the previous leg for this one that day": (
        "đoàn rời chặng trước sang chặng này ngày hôm đó"
    ),
    "the previous leg concluded that day": "chặng trước kết thúc ngày hôm đó",
    "the delegation left home that day": "đoàn lên đường ngày hôm đó",
    "the trip starts that day": "chuyến đi bắt đầu ngày hôm đó",
    "the last leg ends with the trip": "chặng cuối kết thúc cùng chuyến đi",
    "no source states it; bounded by the legs before it": (
        "không nguồn nào nêu; suy từ các chặng trước"
    ),
    "no source states it; bounded by the legs after it": (
        "không nguồn nào nêu; suy từ các chặng sau"
    ),
    "the delegation arrived that day": "đoàn đến nơi ngày hôm đó",
    "the delegation arrived the evening before": "đoàn đến nơi tối hôm trước",
    "the leg was reported concluded": "chặng được đưa tin là đã kết thúc",
}
_STATED_BY = re.compile(r"^dates stated by (.+?)(?: \((\d{4}-\d{2}-\d{2})\))?$")


def day(value: date) -> str:
    """ "8 tháng 5, 2025" (CLDR's long date for Vietnamese)."""
    return str(format_date(value, "long", locale="vi"))


def span(start: date, end: date) -> str:
    """ "8 – 11 thg 5, 2025": CLDR's interval format for Vietnamese."""
    if start == end:
        return day(start)
    return str(format_interval(start, end, "yMMMd", locale="vi"))


@lru_cache(maxsize=1024)
def country(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return country_name(code, "vi")
    except KeyError:
        return code.upper()


@lru_cache(maxsize=4096)
def _holder(name: str) -> OfficeHolder | None:
    found = person_id(name)
    return next((row for row in OFFICE_HOLDERS if row.person_id == found), None)


def name(value: str) -> str:
    """A name as Vietnamese sources write it: the office-holder table's Vietnamese form
    (its forms that are not ASCII: "Vla-đi-mia Pu-tin", "Tập Cận Bình"), else as given."""
    row = _holder(value)
    if row is not None:
        for form in row.forms:
            if not form.isascii():
                return form
    return value


def person(who: PersonRef) -> str:
    written = name(who.name)
    if not who.title:
        return written
    row = _holder(who.name)
    if who.title == "President":
        title = "Chủ tịch nước" if row is not None and row.country == "VN" else "Tổng thống"
    else:
        title = _TITLE.get(who.title, who.title)
    return f"{title} {written}"


def visit_phrase(visit_type: str | None, country: str) -> str:
    if visit_type == "attending_event":
        return f"dự sự kiện tại {country}"
    return f"{_VISIT.get(visit_type or 'visit', 'thăm')} {country}"


def visit_category(visit_type: str | None) -> str | None:
    if visit_type in (None, "visit"):
        return None
    if visit_type == "attending_event":
        return "Dự sự kiện"
    phrase = _VISIT.get(visit_type, visit_type.replace("_", " "))
    return phrase[:1].upper() + phrase[1:]


def kind(value: str) -> str:
    return _KIND.get(value, value.replace("_", " ").capitalize())


def flagged(summary: str, status: str) -> str:
    if status == "cancelled":
        return f"Hủy: {summary}"
    if status == "postponed":
        return f"Hoãn: {summary}"
    return summary


def _status(status: str, as_of: date | None) -> str:
    words = _STATUS.get(status, status.replace("_", " "))
    return words if as_of is None else f"{words} (đưa tin lần cuối {day(as_of)})"


def _reason(reason: str) -> str:
    """A rule's reason in Vietnamese where it is one the rules give, else in words as is."""
    text = RULE.sub("", reason)
    if (said := _STATED_BY.match(text)) is not None:
        who, stated = said[1], said[2]
        return f"ngày do {who} công bố" + (f", {day(date.fromisoformat(stated))}" if stated else "")
    return _REASON.get(text, plain(text))


def _how_sure(leg: LegView) -> list[str]:
    reasons = {m["which"]: _reason(m["reason"]) for m in BASIS.finditer(leg.date_basis)}
    start = reasons.get("starts")
    same = start is not None and start == reasons.get("ends")
    if same and leg.start_certainty == leg.end_certainty:  # one reason for both dates
        how = _SURE.get(leg.start_certainty) if leg.start_certainty else None
        return [f"Cả hai ngày{f' ({how})' if how else ''}: {start}."]
    lines = []
    for which, words, sure in (
        ("starts", "Bắt đầu", leg.start_certainty),
        ("ends", "Kết thúc", leg.end_certainty),
    ):
        if (reason := reasons.get(which)) is not None:
            how = _SURE.get(sure) if sure is not None else None
            lines.append(f"{words}{f' ({how})' if how else ''}: {reason}.")
    return lines


def _sources(schedule: Schedule, article_ids: Iterable[str]) -> list[str]:
    lines = []
    for article_id in article_ids:
        ref = schedule.sources.get(article_id) or SourceRef(article_id=article_id)
        parts = [ref.outlet] if ref.outlet else []
        if ref.title:
            parts.append(f"“{ref.title}”")
        if not parts:
            parts.append(f"bài {article_id[:12]}")
        if ref.published_on:
            parts.append(day(ref.published_on))
        if ref.url:
            parts.append(ref.url)
        lines.append("- " + ", ".join(parts))
    return lines


def _engagement_line(engagement: EngagementView) -> str:
    what = flagged(engagement.title, engagement.status)
    if engagement.counterparts:
        what += f" (với {'; '.join(person(p) for p in engagement.counterparts)})"
    if not day_known(engagement) or engagement.start_date is None:
        return f"- {what}"
    when = day(engagement.start_date)
    if engagement.local_time is not None:
        when += f", {engagement.local_time.strftime('%H:%M')}"
    return f"- {when}: {what}"


def leg_text(
    schedule: Schedule,
    trip: TripView,
    leg: LegView,
    start: date,
    end: date,
    listed: list[EngagementView],
) -> list[str]:
    """The lines of a leg's DESCRIPTION, in Vietnamese."""
    where = country(leg.country_code) or leg.country_code
    text = [f"{person(trip.principal)}: {visit_phrase(leg.visit_type, where)}."]
    if leg.inviter is not None:
        text.append(f"Theo lời mời của {person(leg.inviter)}.")
    confirmed = _CERTAINTY[leg.certainty or Certainty.INFERRED]
    text.append(f"Thời gian: {span(start, end)} ({confirmed}).")
    text.extend(_how_sure(leg))
    text.append(f"Tình trạng: {_status(leg.status, leg.status_as_of)}.")
    dated = [e for e in listed if day_known(e)]
    undated = [e for e in listed if not day_known(e)]
    if dated:
        text.append("Hoạt động:")
        text.extend(_engagement_line(e) for e in dated)
    if undated:
        text.append("Hoạt động chưa rõ ngày:")
        text.extend(_engagement_line(e) for e in undated)
    if leg.sources:
        text.append("Nguồn:")
        text.extend(_sources(schedule, leg.sources))
    return text


def when(engagement: EngagementView, start: date, end: date, timed: bool) -> str:
    """An engagement's day, and its local time when it is `timed`."""
    text = span(start, end)
    if timed and engagement.local_time is not None:
        text += f", {engagement.local_time.strftime('%H:%M')} giờ địa phương"
    return text


def engagement_text(
    schedule: Schedule, trip: TripView, engagement: EngagementView, when: str
) -> list[str]:
    """The lines of an engagement's DESCRIPTION, in Vietnamese."""
    text = [f"{kind(engagement.kind)}: {engagement.title}."]
    text.append(f"Thuộc chuyến đi của {person(trip.principal)}.")
    if engagement.counterparts:
        text.append("Với: " + "; ".join(person(p) for p in engagement.counterparts) + ".")
    text.append(f"Thời gian: {when}.")
    if engagement.certainty is not None and engagement.certainty.confirmed:
        text.append("Ngày do nguồn tin nêu.")
    else:
        text.append(f"Ngày suy ra: {_reason(engagement.date_basis.removeprefix('inferred: '))}.")
    text.append(f"Tình trạng: {_STATUS.get(engagement.status, engagement.status)}.")
    if engagement.sources:
        text.append("Nguồn:")
        text.extend(_sources(schedule, engagement.sources))
    return text


# -- the feeds' own names (NAME / X-WR-CALNAME, DESCRIPTION / X-WR-CALDESC) -----------------


def feed_title() -> tuple[str, str]:
    """The name and description of the feed of everything."""
    return (
        "Các chuyến thăm ngoại giao",
        "Các chuyến công du của lãnh đạo, theo tin báo chí (calendar-svc)",
    )


def country_feed_title(country: str) -> tuple[str, str]:
    return (
        f"Các chuyến thăm ngoại giao: {country}",
        f"Các chuyến thăm tới {country} và hoạt động tại đó (calendar-svc)",
    )


def person_feed_title(person: str) -> tuple[str, str]:
    return (
        f"Các chuyến thăm ngoại giao: {person}",
        f"Các chuyến đi của {person} và các chuyến thăm họ đón tiếp (calendar-svc)",
    )

"""The pages' words in English and Vietnamese, and which of the two a reader gets.

A reader's choice (`?lang=`) wins; without one, their browser's `Accept-Language`
decides; English otherwise. Country names and dates come from Babel's CLDR data, so
every country has its Vietnamese name without a list of ours.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from calendar_svc.domain.language import Language
from calendar_svc.reference import countries


def negotiate(accept_language: str | None) -> Language:
    """The first of our languages in the header's order of preference (q-values)."""
    if not accept_language:
        return "en"
    ranked: list[tuple[float, int, str]] = []
    for order, part in enumerate(accept_language.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, order, tag.strip().lower().split("-")[0]))
    for _q, _order, primary in sorted(ranked):
        if primary == "vi":
            return "vi"
        if primary == "en":
            return "en"
    return "en"


def country(code: str | None, lang: Language) -> str:
    """A country's name in the reader's language, from `reference.countries` (the one
    home of country names); the code itself when CLDR has none."""
    if not code:
        return ""
    try:
        return countries.name(code, lang)
    except KeyError:
        return code


def reported(status: str, as_of: date | None, lang: Language) -> str:
    """A status as reported, never implying it holds today: "in progress (last reported
    11 May 2025)"; a status that cannot change without news (concluded, cancelled) alone."""
    words = translate(status, lang)
    if as_of is None or status in ("concluded", "cancelled"):
        return words
    label = "last reported" if lang == "en" else "cập nhật lần cuối"
    return f"{words} ({label} {day(as_of, lang)})"


def day(value: date | None, lang: Language) -> str:
    """A day as people write it: "8 May 2025", "8 thg 5, 2025"."""
    if value is None:
        return ""
    pattern = "d MMM y" if lang == "en" else "d 'thg' M, y"
    return str(format_date(value, pattern, locale=lang))


def tick(value: date, lang: Language) -> str:
    """An axis label, short: "8 May", "8 thg 5"."""
    return str(format_date(value, "d MMM" if lang == "en" else "d 'thg' M", locale=lang))


def weekday(value: date, lang: Language) -> str:
    """A day heading: "Thursday 8 May 2025", "Thứ Năm, 8 tháng 5, 2025"."""
    return str(format_date(value, "EEEE d MMMM y" if lang == "en" else "full", locale=lang))


def span(start: date | None, end: date | None, lang: Language) -> str:
    if start is None and end is None:
        return WORDS["dates unknown"][lang]
    if start is None or end is None or start == end:
        return day(start or end, lang)
    return f"{day(start, lang)} – {day(end, lang)}"


#: English text -> its Vietnamese. Keys are the English words, so a template reads
#: `t("Trips")` and a missing translation shows English rather than nothing.
_VI: dict[str, str] = {
    "Diplomatic calendar": "Lịch ngoại giao",
    "Timeline": "Dòng thời gian",
    "Trips": "Chuyến đi",
    "Trip": "Chuyến đi",
    "Auditor": "Kiểm toán",
    "Audit": "Kiểm toán",
    "API": "API",
    "Language": "Ngôn ngữ",
    "Skip to content": "Chuyển đến nội dung",
    "Filter": "Lọc",
    "Leader": "Lãnh đạo",
    "Country": "Quốc gia",
    "From": "Từ",
    "To": "Đến",
    "As of log position": "Tại vị trí nhật ký",
    "Apply": "Áp dụng",
    "Clear": "Xoá lọc",
    "any": "tất cả",
    "Subscribe": "Đăng ký lịch",
    "Subscribe in your calendar": "Đăng ký vào lịch của bạn",
    "Legend": "Chú giải",
    "stated": "được nêu",
    "corroborated": "được xác nhận",
    "inferred": "suy ra",
    "disputed": "có tranh cãi",
    "postponed": "hoãn",
    "cancelled": "huỷ",
    "announced": "đã thông báo",
    "in_progress": "đang diễn ra",
    "concluded": "đã kết thúc",
    "reported": "đã đưa tin",
    "state": "thăm cấp nhà nước",
    "official": "thăm chính thức",
    "working": "thăm làm việc",
    "attending_event": "dự sự kiện",
    "visit": "chuyến thăm",
    "No trips match.": "Không có chuyến đi nào phù hợp.",
    "Legs": "Các chặng",
    "Leg": "Chặng",
    "Dates": "Thời gian",
    "Start": "Bắt đầu",
    "End": "Kết thúc",
    "Certainty": "Độ chắc chắn",
    "Status": "Trạng thái",
    "Type": "Loại",
    "Invited by": "Theo lời mời của",
    "City": "Thành phố",
    "Why these dates": "Căn cứ ngày",
    "Engagements": "Hoạt động",
    "Engagements by day": "Hoạt động theo ngày",
    "Day not stated": "Chưa rõ ngày",
    "during the leg in": "trong chặng tại",
    "Delegation": "Đoàn",
    "Spouse": "Phu nhân/phu quân",
    "Members": "Thành viên",
    "Disputes": "Tranh cãi",
    "Fact": "Dữ kiện",
    "Shown": "Đang hiển thị",
    "Also claimed": "Nguồn khác nêu",
    "Sources": "Nguồn",
    "No disputes.": "Không có tranh cãi.",
    "Named in passing by one source, nothing of a visit told, so not a leg:": (
        "Chỉ một nguồn nhắc qua, không nói gì về chuyến thăm, nên không tính là một chặng:"
    ),
    "dates unknown": "chưa rõ ngày",
    "the sentence that stated it": "câu đã nêu ngày này",
    "no sentence states it": "không câu nào nêu ngày này",
    "Article": "Bài báo",
    "Published": "Ngày đăng",
    "Outlet": "Cơ quan báo chí",
    "Original": "Bản gốc",
    "Text": "Nội dung",
    "Facts taken from it": "Dữ kiện rút ra",
    "Not understood": "Chưa hiểu được",
    "These sentences name a person or a country, yet gave no fact.": (
        "Các câu này nêu tên người hoặc quốc gia nhưng không cho dữ kiện nào."
    ),
    "Every sentence was understood or names no one.": (
        "Mọi câu đều đã được hiểu hoặc không nêu tên ai."
    ),
    "sentence": "câu",
    "rule": "quy tắc",
    "Highlighted: the sentence you followed.": "Được tô đậm: câu bạn vừa chọn.",
    "Marked: sentences facts were taken from.": "Được đánh dấu: các câu đã rút ra dữ kiện.",
    "Log position": "Vị trí nhật ký",
    "The schedule as of a point of the log": "Lịch tại một thời điểm của nhật ký",
    "A position, or an ISO date-time": "Một vị trí, hoặc thời điểm ISO",
    "Show the timeline then": "Xem dòng thời gian khi đó",
    "What changed between two points": "Những gì thay đổi giữa hai thời điểm",
    "Compare": "So sánh",
    "Item": "Mục",
    "Field": "Trường",
    "Before": "Trước",
    "After": "Sau",
    "Caused by": "Do",
    "added": "thêm mới",
    "No changes.": "Không có thay đổi.",
    "changes": "thay đổi",
    "The log holds": "Nhật ký có",
    "events": "sự kiện",
    "Shown as of log position": "Hiển thị tại vị trí nhật ký",
    "now": "hiện tại",
    "People": "Nhân vật",
    "Trips as traveller": "Chuyến đi (người đi)",
    "Hosted": "Đón tiếp",
    "Met": "Đã gặp",
    "with": "với",
    "page not found": "không tìm thấy trang",
    "Schedule": "Lịch trình",
    "days": "ngày",
    "more not shown": "mục khác không hiển thị",
    "Trips in the timeline": "Các chuyến đi trong dòng thời gian",
}

WORDS: dict[str, dict[Language, str]] = {en: {"en": en, "vi": vi} for en, vi in _VI.items()}


#: The schedule's own words (statuses, visit types) as English readers say them.
_EN: dict[str, str] = {
    "in_progress": "in progress",
    "attending_event": "attending an event",
    "state": "state visit",
    "official": "official visit",
    "working": "working visit",
}


def translate(text: str, lang: Language) -> str:
    if lang == "en":
        return _EN.get(text, text)
    return _VI.get(text, text)

"""Words of background, per language: a sentence that tells of another journey or sets
this one against something else ("His previous trip took him to A", "comes as ...",
"lần trước", "diễn ra khi"), so that no leg, date or movement of this trip is read from
it. Kept apart from :mod:`calendar_svc.ingest.lexicon` because the list is long and
grows with each way the press finds to tell of the traveller's record.
"""

from __future__ import annotations

__all__ = ["ACCEPTED_INVITATION", "BACKGROUND_EN", "BACKGROUND_VI"]

#: An invitation taken up, its time not yet set ("had accepted invitations to visit the
#: United States and India, with dates to be worked out"); not "..., who accepted an
#: invitation to visit, arrived", told beside this journey's own move. Background here,
#: and no traveller's verb in `people.roles`.
ACCEPTED_INVITATION = r"(?<!\bwho\s)\baccept(?:ed|s)\s+(?:an\s+|the\s+)?invitations?"

BACKGROUND_EN = (
    r"\b(?:previous|last|earlier)\s+(?:\w+\s+)?(?:trip|visit|tour)s?\b|"
    # what leaders usually do: "Canadian leaders traditionally visit Washington first"
    r"\b(?:usually|traditionally|typically|customarily)\s+(?:\w+\s+){0,2}?(?:visit|"
    r"travel|go|make|choose|pick)|"
    # a journey that may or may not come: "If it goes ahead, it would be the first
    # papal visit to North Korea"
    r"^if\s|"
    # another journey: "is weighing another overseas trip", "his next trip abroad"
    r"\banother\s+(?:[\w-]+\s+){0,2}?(?:trip|visit|tour|journey)\b|"
    r"\bnext\s+(?:[\w-]+\s+)?(?:trip|tour|journey)\b|"
    # "last visited Japan in 2019", "had previously visited"; a wish, not a plan
    r"\b(?:last|previously|first|once)\s+visited\b|"
    r"\b(?:hopes?|hoped|wish(?:es|ed)?|would\s+like|looks?\s+forward|looked\s+forward|"
    r"promised|promises|pledged|vowed)\s+to\s+(?:visit|visiting|travel|come|go|meet|attend)\b|"
    # an invitation, not a plan: "Modi invited Lee to visit India"
    r"\binvit(?:ed|es|ing)\s+(?:[\w.-]+\s+){1,4}?to\s+(?:visit|come\s+to|travel\s+to|attend)\b|"
    # an invitation taken up some other time (not "arrived ... after accepting an
    # invitation to visit": the participle is this journey's)
    + ACCEPTED_INVITATION
    + r"\s+to\s+(?:visit|pay|make|return|come)\b|"
    # a possibility, not a plan: "may soon visit Saudi Arabia"
    r"\b(?:may|might|could)\s+(?:also\s+|soon\s+)?(?:visit|travel\s+to|go\s+to)\b|"
    # a choice not yet made: "is weighing whether to attend the NATO summit"
    r"\b(?:weigh\w*|consider\w*|mull\w*|undecided)\s+(?:on\s+)?whether\s+to\s+(?:attend|visit|"
    r"travel|go|join|make\s+the\s+trip)\b|"
    # an intention told to someone, with no date: "told her he expected to visit London"
    r"\b(?:told|tells|telling)\s+\w+\s+(?:that\s+)?(?:he|she|they)\s+(?:expected|expects|"
    r"planned|plans|intended|intends|wanted|wants|would)\s+to\s+(?:visit|travel|come|go)\b|"
    r"\b(?:comes|came|come)\s+as\b|\bcoincided\s+with\b|"
    # the visit set against another event: "comes a day after the G20 summit in India",
    # "comes ahead of a G7 meeting in Italy", "follows a trip to Japan by ..."
    # (not "the second leader to come this month after Mexico's president")
    r"\b(?<!to\s)(?:comes|came|come)\s+(?:(?:\w+\s+){0,4}(?:after|before)|ahead\s+of)\b|"
    r"\bfollows\s+(?:a|an|the|his|her|their|[\w-]+['’]s?)\b|\bon\s+the\s+heels\s+of\b|"
    # "his first to Vietnam and followed trips earlier this month to Laos and Indonesia"
    # (not "followed by official visits to Hungary and Romania": the legs after)
    r"\bfollowed\s+(?!by\b)(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:trips?|visits?|stops?|tours?)\b|"
    # an intention with no day: "has said he intends to travel there"
    r"\b(?:intends|intended|intending)\s+to\s+(?:visit|travel|go)\b|"
    r"\bin\s+the\s+wake\s+of\b|"
    # the traveller's record: "has already made state visits to A and B", "Since taking
    # office he has ...", "On that trip he also ..."
    # another event days away: "just days before he meets Trump in Japan"
    # (not "nine days before a closely fought Israeli election": no journey set against it;
    # nor "arrived on Wednesday, a day before talks with Putin": this visit's programme)
    r"\b(?:days|weeks|a\s+day|a\s+week)\s+(?:before|after|ahead\s+of)\b"
    r"(?!\s+(?:(?:his|her|their|the|a|formal|official)\s+)?(?:talks|meeting\s+with)\b)"
    r"(?!\s+(?:(?:a|an|the)\s+|"
    r"[\w-]+['’]s\s+)(?:[\w-]+\s+){0,3}?(?:elections?|polls?|vote|referendum|holidays?|anniversary|"
    r"deadline)\b)|"
    # a count of visits is a record: "has visited China four times"
    r"\b(?:twice|(?:three|four|five|six|several|many|\d+)\s+times)\b|"
    r"\bhas\s+(?:already|since|previously)\s+(?:made|paid|visited|travell?ed|been\s+to|"
    r"attended|toured)\b|^since\s+(?:taking|assuming)\s+office\b|"
    r"\b(?:on|during)\s+that\s+(?:trip|visit|tour|journey)\b|"
    # "his fourth trip abroad this year, following stops in Russia and South Africa"
    r"\bfollowing\s+(?:(?:his|her|their|earlier)\s+)*(?:stops|visits|trips)\s+(?:in|to)\b|"
    # the journey counted among others, and those before it: "The trip was his third
    # overseas journey in a fortnight, after visits to Britain and to Turkey"
    # (told as what the journey is: "On his second tour, after a visit to Germany, he will
    # fly to Denmark" tells this journey's earlier stop)
    r"\b(?:is|was|marks|marked|be)\s+(?:his|her|their|[\w-]+['’]s)\s+"
    r"(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trip|tour|journey|visit)\b[^.;]{0,60}?\b(?:after|following)\s+(?:(?:his|her|their|"
    r"a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:visits?|trips?|stops?|tours?)\b|"
    # the anniversary of a past journey: "50 years since Nixon set foot in Beijing"
    r"\b(?:years?|decades?|century)\s+(?:since|after)\b|"
    r"\banniversary\s+of\s+(?:\w+\s+){0,4}?(?:visit|trip|journey|arrival)\b"
)

BACKGROUND_VI = (
    r"(?<!\w)(?:lần gần nhất|lần trước|trong bối cảnh|trùng với|"
    # what leaders usually do: "Các thủ tướng Canada thường thăm Mỹ đầu tiên"
    r"(?:thường|theo\s+truyền\s+thống)\s+(?:\S+\s+){0,2}?(?:thăm|tới|đến|sang|chọn)|"
    # a journey that may or may not come: "Nếu thành hiện thực, đây sẽ là chuyến thăm
    # Triều Tiên đầu tiên của một giáo hoàng"
    r"^nếu(?=\s)|"
    # the visit set against another event: "Chuyến thăm diễn ra đúng thời điểm xung
    # đột bùng phát tại U-crai-na", "diễn ra khi" (English "comes as")
    r"diễn\s+ra\s+(?:(?:đúng\s+)?(?:vào\s+)?(?:đúng\s+)?(?:thời\s+điểm|lúc)|khi)|"
    # another journey: "một chuyến công du nước ngoài khác"
    r"chuyến\s+(?:công\s+du|thăm|đi)\s+(?:nước\s+ngoài\s+)?khác|"
    r"chuyến\s+công\s+du\s+tiếp\s+theo|"
    # the journey counted among others, and those before it: "là chuyến đi nước ngoài
    # thứ ba của ông chỉ trong hai tuần, sau chuyến thăm Anh ngày 12-14/11"
    # (or the meeting: "là lần thứ ba ông A gặp Tổng thống B ..., sau cuộc gặp bên lề ...")
    r"(?<!\w)là\s+(?:chuyến\s+(?:đi|công\s+du|thăm)(?:\s+nước\s+ngoài)?|lần)\s+thứ\s+"
    r"(?:hai|ba|tư|năm|sáu|\d+)[^.;]{0,80}?(?<!\w)sau\s+(?:các\s+|những\s+)?"
    r"(?:chuyến|cuộc\s+(?:gặp|hội\s+đàm|hội\s+kiến))(?!\w)|"
    # the traveller's record: "Trước chuyến công du này, ông đã ...", "Kể từ khi nhậm
    # chức, ông ...", "Trong chuyến đi đó, ..."
    r"trước\s+chuyến\s+(?:công\s+du|thăm|đi|công\s+tác)\s+(?:lần\s+)?này|"
    # a count of visits is a record: "bốn lần thăm Trung Quốc"
    r"(?:\d+|hai|ba|bốn|năm|sáu|nhiều)\s+lần\s+(?:thăm|tới|sang|đến)|"
    r"^(?:kể\s+)?từ\s+khi\s+(?:nhậm\s+chức|lên\s+nắm\s+quyền)|"
    r"trong\s+chuyến\s+(?:đi|thăm|công\s+du)\s+(?:đó|ấy)|"
    # a possibility, not a plan: "có thể sớm thăm A-rập Xê-út"
    r"có\s+thể\s+(?:sẽ\s+)?(?:sớm\s+)?(?:sang\s+|tới\s+|đến\s+)?thăm|"
    # a choice not yet made: "đang cân nhắc việc có tham dự hội nghị NATO hay không"
    r"cân\s+nhắc\s+(?:việc\s+)?có\s+(?:nên\s+)?(?:tham\s+dự|dự|thăm|tới|sang|đến)|"
    # "diễn ra khoảng 6 tuần sau khi ông Modi thăm Mát-xcơ-va": another visit, weeks back
    r"(?:\d+|một|hai|ba|bốn|năm|sáu|vài|ít)\s+(?:ngày|tuần|tháng)\s+(?:sau|trước)(?:\s+khi)?|"
    # an invitation, not a plan: "mời ông Putin thăm Thái Lan", "nhận lời mời sớm thăm"
    r"(?<!lời\s)mời\s+(?:ông|bà|Tổng\s+thống|Thủ\s+tướng|Chủ\s+tịch|người\s+đồng\s+cấp)\s"
    r"[^.;]{0,40}?(?:thăm|tham\s+dự|dự)(?!\w)|"
    r"nhận\s+lời\s+mời\s+sớm\s+(?:sang\s+|tới\s+|đến\s+)?thăm|"
    r"nhận\s+lời\s+mời\s+(?:sang\s+|tới\s+|đến\s+)?thăm[^.;]{0,40}?"
    r"(?:sớm|thời\s+điểm\s+(?:thích|phù)\s+hợp)|"
    # the anniversary of a past journey: "tròn nửa thế kỷ kể từ khi ... đặt chân tới"
    r"(?:năm|thập\s+kỷ|thế\s+kỷ)\s+kể\s+từ\s+(?:khi|chuyến)|"
    r"(?:\d+\s+năm|kỷ\s+niệm(?:\s+\d+\s+năm)?)\s+chuyến\s+(?:thăm|đi|công\s+du)|"
    # a past visit ("từng thăm Nhật Bản năm 2019") or a wish ("mong muốn sớm đến thăm")
    r"(?:đã\s+)?từng\s+(?:đến\s+|tới\s+|sang\s+)?thăm|"
    # a promise, not a plan: "hứa sẽ sớm thăm lại I-xra-en"
    r"hứa\s+(?:sẽ\s+)?(?:sớm\s+)?(?:sang\s+|tới\s+|đến\s+)?thăm|"
    r"(?:mong\s+muốn|mong|hy\s+vọng|hi\s+vọng|sẵn\s+sàng|muốn)\s+(?:sớm\s+)?(?:được\s+)?"
    r"(?:đến\s+|sang\s+|tới\s+)?thăm)(?!\w)"
)

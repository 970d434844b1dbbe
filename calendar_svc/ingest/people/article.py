"""The people roles of one article: every sentence's mentions read once, then who invites,
who hosts, who travels, and who comes along or is met.

Inviters and hosts are found first because they are never the traveller; the spans of
:class:`PeopleFacts` index into the article's full text.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.people.companions import find_counterparts, find_delegation, find_spouse
from calendar_svc.ingest.people.mentions import Mention
from calendar_svc.ingest.people.names import same_in_article
from calendar_svc.ingest.people.person import PeopleFacts, Person
from calendar_svc.ingest.people.principal import find_principal
from calendar_svc.ingest.people.references import principal_mentions
from calendar_svc.ingest.people.roles import (
    INVITE,
    Countries,
    Invitations,
    NotTraveller,
    SentMentions,
    host_after,
    travel_after,
)
from calendar_svc.ingest.people.short_forms import in_full, mentions_per_sentence
from calendar_svc.ingest.text import ParsedArticle

#: A passive welcome, "was greeted at the airport by X, Y and other officials".
_HOSTED_BY = re.compile(
    r"\b(?:received|welcomed|greeted|met|seen\s+off|hosted)\b[^.;]{0,60}?\bby\b", re.I
)
#: Right before a title: an office held no longer ("then-President", "former Prime
#: Minister", "cựu Chủ tịch", "nguyên Thủ tướng", "cố Thủ tướng").
_PAST_OFFICE = re.compile(r"(?i)(?:\b(?:then|former|ex|late)[-\s]+|(?<!\w)(?:cựu|nguyên|cố)\s+)$")
#: Titles of people who reside where they serve, never the traveller of a trip.
_RESIDENT_TITLES = frozenset({"Ambassador"})


def extract_people(article: ParsedArticle, countries: Countries | None = None) -> PeopleFacts:
    """Assign roles to the people mentioned in the article body (see the package docstring).
    `countries`: where people and places belong, for the readings that need it."""
    lang = article.language
    sents = _read_sentences(article)
    # Inviters (needed first: an inviter is never the principal).
    inviters, inviter_spans = _inviters(sents, lang)
    not_traveller = _not_traveller(inviter_spans, _hosts(sents, lang), article.text)
    principal = find_principal(
        sents, lang, not_traveller, countries, article.title, dateline=article.dateline
    )
    if principal is not None:
        principal = in_full(principal, [sm.mentions for sm in sents])
    principal_person = principal.person if principal else None
    pname = principal_person.name if principal_person else ""
    spouse = find_spouse(sents, article.text, lang, pname) if principal_person is not None else None
    delegation = find_delegation(sents, pname, spouse, inviter_spans)
    return PeopleFacts(
        principal=principal_person,
        spouse=spouse,
        delegation=delegation,
        inviters=inviters,
        counterparts=find_counterparts(sents, pname, spouse, delegation),
        principal_mentions=principal_mentions(article, sents, principal_person),
    )


def _read_sentences(article: ParsedArticle) -> list[SentMentions]:
    """Every sentence's mentions, in order (`short_forms.mentions_per_sentence`)."""
    found = mentions_per_sentence(
        [(s.text, s.span[0]) for s in article.sentences], article.language
    )
    return [
        SentMentions(s.index, s.span[0], s.text, ms)
        for s, ms in zip(article.sentences, found, strict=True)
    ]


#: Right after an inviter: what they invite to do ("an invitation from B to travel").
_TO_DO = re.compile(r"\s+to\s+(?:travel|visit|come|attend|go)\b")


def _inviters(
    sents: list[SentMentions], lang: Language
) -> tuple[list[Person], set[tuple[int, int]]]:
    """The people after an invitation cue who are not themselves said to travel, once
    each, and the spans of all their mentions."""
    inviter_spans: set[tuple[int, int]] = set()
    inviters: list[Person] = []
    for sm in sents:
        if not INVITE.search(sm.text):
            continue
        invitations = Invitations(sm.text, lang)
        for m in sm.mentions:
            check()
            local = m.person.span[0] - sm.start
            end = m.person.span[1] - sm.start
            # "an invitation from B to travel to China": the invitation's content, not B's move
            asked = _TO_DO.match(sm.text, end) is not None
            # "travelling at the invitation of Prime Minister B and will be in India": the
            # verb after "and" is the subject's, B is still the one who invites
            asked = asked or _AND_THEN_VERB.match(sm.text, end) is not None
            if invitations.invited(local) and (
                asked or not travel_after(sm.text, end, lang, strict=True)
            ):
                inviter_spans.add(m.person.span)
                if not any(same_in_article(p.name, m.person.name) for p in inviters):
                    inviters.append(m.person)
    return inviters, inviter_spans


#: Right after an inviter: a second verb of the sentence's subject ("and will be in").
_AND_THEN_VERB = re.compile(r"\s+and\s+(?:will|would|is|was|has|had|then)\b", re.IGNORECASE)


def _hosts(sents: list[SentMentions], lang: Language) -> list[tuple[str, int]]:
    """Hosts: subjects of welcome verbs, and the people a passive welcome is "by", with
    where in the article each is said to host."""
    hosts: list[tuple[str, int]] = []
    for sm in sents:
        by = [h.end() for h in _HOSTED_BY.finditer(sm.text)]
        for m in sm.mentions:
            a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
            passive = any(
                e <= a and not re.search(r"[;.]|\b(?:before|then|after)\b", sm.text[e:a])
                for e in by
            )
            if passive or host_after(sm.text, b, lang):
                hosts.append((m.person.name, m.person.span[0]))
    return hosts


#: Right before a name: whose words are passed on ("chuyển lời thăm hỏi của Tổng Bí thư
#: Nguyễn Phú Trọng tới nhà lãnh đạo Nga", "conveyed greetings from President B to"):
#: the sender stays at home; the "tới" after the name is where the words go.
_SENDER = re.compile(
    r"(?i)(?:(?<!\w)(?:lời\s+(?:thăm\s+hỏi|chào|chúc(?:\s+mừng)?)|thư|thông\s+điệp|điện\s+mừng)"
    r"\s+(?:\S+\s+){0,3}?của|\b(?:greetings|regards|best\s+wishes|a\s+message|a\s+letter)"
    r"\s+from)\s+[^.;]{0,60}$"
)


#: After a name, in its sentence: the one named goes ahead of another's visit ("arrived in
#: Hà Nội on Sunday to prepare for President Xi Jinping's state visit", "ahead of the state
#: visit by President B", "người đã tới Hà Nội ... để chuẩn bị cho chuyến thăm ... của Tổng
#: thống B"): an envoy or advance party, not the traveller whose visit it is.
_ADVANCE = re.compile(
    r"(?i)[^.;]{0,120}?\b(?:ahead\s+of|to\s+prepare\s+for|in\s+preparation\s+for|preparing\s+for)"
    r"\s+(?:the\s+|a\s+)?(?:(?:[\w-]+\s+){0,4}?(?:visit|trip)\s+(?:by|of)\s+|"
    r"(?-i:[A-ZÀ-Ỹ])[\w.-]*(?:\s+(?-i:[A-ZÀ-Ỹ])[\w.-]*){0,5}['’]s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip)\b)|"
    r"[^.;]{0,120}?(?<!\w)chuẩn\s+bị\s+cho\s+chuyến\s+(?:thăm|công\s+du)[^.;]{0,80}?(?<!\w)của"
    r"\s+(?-i:[A-ZÀ-ỸĐ])"
)


def _not_traveller(
    inviter_spans: set[tuple[int, int]], hosts: list[tuple[str, int]], text: str
) -> NotTraveller:
    """Who cannot be the traveller: inviters, hosts, residents, and holders of a past
    office ("then-President Tran Dai Quang, who was received by Francis in 2016", "cựu
    Thủ tướng"). A host is one who has hosted by then: a visitor who arrives and later
    receives callers ("Chủ tịch Tập Cận Bình ... đã hạ cánh ... Ông Tập cũng sẽ tiếp Chủ
    tịch Quốc hội") still travels."""

    def not_traveller(m: Mention) -> bool:
        # An ambassador lives where they serve: their calls ("Đại sứ A đến chào từ biệt")
        # are no diplomatic trip of theirs
        a = m.person.span[0]
        return (
            m.person.span in inviter_spans
            or m.person.title in _RESIDENT_TITLES
            or _PAST_OFFICE.search(text, max(0, a - 12), a) is not None
            or _SENDER.search(text, max(0, a - 120), a) is not None
            or _ADVANCE.match(text, m.person.span[1]) is not None
            or any(same_in_article(h, m.person.name) and at <= m.person.span[0] for h, at in hosts)
        )

    return not_traveller

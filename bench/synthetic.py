"""Deterministic synthetic logs: a realistic mix of trips, articles and facts, streamed.

`generate(n, seed)` yields exactly `n` `NewEvent`s built from the real event classes and
encoded with the real `encode`, so the bytes on the log look like what ingestion writes:

- An `ArticleRecorded` (2-15 KB of English or Vietnamese text, median about 5 KB) opens
  each group of 5-13 trip events that cite it (one article per ~10 events).
- Each trip has a principal, 1-5 legs (mostly one or two), and plays out in order:
  announcements (with provenance sentences of 150-400 characters taken from the article,
  with their spans), a named delegation, departure from home, arrivals, engagements,
  departures between legs, leg conclusions, the return; corroborations, disputes,
  schedule revisions, postponements and cancellations are sprinkled in at realistic
  rates. About a dozen trips are in flight at once, so their events interleave.
- Ids, streams (`trip-<trip_id>`, `article-<sha256>`) and metadata follow
  `calendar_svc.services.ingestion`.

Memory stays flat: nothing is kept per emitted event, only the trips still in flight
and a set of trip ids (tens of thousands at 1M events). Run
``python -m bench.synthetic 100000`` to print the mix.
"""

from __future__ import annotations

import hashlib
import random
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import msgspec

from calendar_svc.domain.events import (
    ArticleRecorded,
    ClaimDisputed,
    DelegationArrived,
    DelegationDeparted,
    DelegationNamed,
    EngagementReported,
    FactCorroborated,
    LegConcluded,
    ScheduleRevised,
    TripConcluded,
    TripEvent,
    VisitAnnounced,
    VisitCancelled,
    VisitPostponed,
    encode,
)
from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
    slug,
)
from calendar_svc.store import NewEvent

DEFAULT_SEED = 20_240_501

# -- the world the log talks about ---------------------------------------------------------

_PRINCIPALS: list[tuple[str, str, str]] = [
    # (name, title, home country)
    ("Tô Lâm", "General Secretary", "VN"),
    ("Lương Cường", "President", "VN"),
    ("Phạm Minh Chính", "Prime Minister", "VN"),
    ("Trần Thanh Mẫn", "Chairman of the National Assembly", "VN"),
    ("Bùi Thanh Sơn", "Deputy Prime Minister", "VN"),
    ("Vladimir Putin", "President", "RU"),
    ("Xi Jinping", "President", "CN"),
    ("Narendra Modi", "Prime Minister", "IN"),
    ("Anwar Ibrahim", "Prime Minister", "MY"),
    ("Prabowo Subianto", "President", "ID"),
    ("Shigeru Ishiba", "Prime Minister", "JP"),
    ("Lee Jae-myung", "President", "KR"),
    ("Emmanuel Macron", "President", "FR"),
    ("Olaf Scholz", "Chancellor", "DE"),
    ("Kassym-Jomart Tokayev", "President", "KZ"),
    ("Alexander Lukashenko", "President", "BY"),
    ("Anthony Albanese", "Prime Minister", "AU"),
    ("Luiz Inácio Lula da Silva", "President", "BR"),
    ("Lawrence Wong", "Prime Minister", "SG"),
    ("Paetongtarn Shinawatra", "Prime Minister", "TH"),
    ("Hun Manet", "Prime Minister", "KH"),
    ("Sonexay Siphandone", "Prime Minister", "LA"),
    ("Ferdinand Marcos Jr.", "President", "PH"),
    ("Recep Tayyip Erdoğan", "President", "TR"),
]

_COUNTRIES: list[tuple[str, str, str, float, float]] = [
    # (code, capital, time zone, latitude, longitude)
    ("VN", "Hà Nội", "Asia/Ho_Chi_Minh", 21.0285, 105.8542),
    ("RU", "Moscow", "Europe/Moscow", 55.7558, 37.6173),
    ("CN", "Beijing", "Asia/Shanghai", 39.9042, 116.4074),
    ("IN", "New Delhi", "Asia/Kolkata", 28.6139, 77.2090),
    ("MY", "Kuala Lumpur", "Asia/Kuala_Lumpur", 3.1390, 101.6869),
    ("ID", "Jakarta", "Asia/Jakarta", -6.2088, 106.8456),
    ("JP", "Tokyo", "Asia/Tokyo", 35.6762, 139.6503),
    ("KR", "Seoul", "Asia/Seoul", 37.5665, 126.9780),
    ("FR", "Paris", "Europe/Paris", 48.8566, 2.3522),
    ("DE", "Berlin", "Europe/Berlin", 52.5200, 13.4050),
    ("KZ", "Astana", "Asia/Almaty", 51.1694, 71.4491),
    ("BY", "Minsk", "Europe/Minsk", 53.9006, 27.5590),
    ("AU", "Canberra", "Australia/Sydney", -35.2809, 149.1300),
    ("BR", "Brasília", "America/Sao_Paulo", -15.7939, -47.8828),
    ("SG", "Singapore", "Asia/Singapore", 1.3521, 103.8198),
    ("TH", "Bangkok", "Asia/Bangkok", 13.7563, 100.5018),
    ("KH", "Phnom Penh", "Asia/Phnom_Penh", 11.5564, 104.9282),
    ("LA", "Vientiane", "Asia/Vientiane", 17.9757, 102.6331),
    ("PH", "Manila", "Asia/Manila", 14.5995, 120.9842),
    ("TR", "Ankara", "Europe/Istanbul", 39.9334, 32.8597),
    ("US", "Washington", "America/New_York", 38.9072, -77.0369),
    ("GB", "London", "Europe/London", 51.5074, -0.1278),
    ("AE", "Abu Dhabi", "Asia/Dubai", 24.4539, 54.3773),
    ("EG", "Cairo", "Africa/Cairo", 30.0444, 31.2357),
]
_BY_CODE = {c[0]: c for c in _COUNTRIES}

_OUTLETS = [
    ("VnExpress International", "https://e.vnexpress.net/news/"),
    ("Vietnam News Agency", "https://en.vietnamplus.vn/"),
    ("Nhân Dân", "https://nhandan.vn/"),
    ("Tuổi Trẻ", "https://tuoitre.vn/"),
    ("Reuters", "https://www.reuters.com/world/"),
    ("TASS", "https://tass.com/politics/"),
    ("Xinhua", "https://english.news.cn/"),
]

_ENGAGEMENTS: list[tuple[EngagementKind, str]] = [
    (EngagementKind.TALKS, "Official talks with {host}"),
    (EngagementKind.MEETING, "Meeting with the {host_title} of {country}"),
    (EngagementKind.CEREMONY, "Official welcome ceremony in {city}"),
    (EngagementKind.SPEECH, "Policy speech at the national university in {city}"),
    (EngagementKind.FORUM, "{country}–{home} business forum"),
    (EngagementKind.SIGNING, "Signing of cooperation agreements"),
    (EngagementKind.WREATH_LAYING, "Wreath-laying at the Tomb of the Unknown Soldier"),
    (EngagementKind.BANQUET, "State banquet hosted by {host}"),
    (EngagementKind.PRESS, "Joint press conference with {host}"),
    (EngagementKind.SITE_VISIT, "Visit to an industrial park outside {city}"),
    (EngagementKind.RECEPTION, "Reception for the expatriate community in {city}"),
    (EngagementKind.OTHER, "Attendance at the Victory Day parade on Red Square"),
]

_EN_TEXT = (
    "the delegation visit official talks cooperation agreement bilateral relations "
    "comprehensive strategic partnership leaders discussed trade investment security "
    "defence energy education culture tourism ministers signed memorandum understanding "
    "framework economic regional international multilateral forum summit welcome ceremony "
    "press conference joint statement minister foreign affairs embassy ambassador "
    "invitation according announcement spokesperson said would will during between both "
    "countries sides further promote deepen expand connectivity infrastructure digital "
    "transformation green transition supply chains agriculture fisheries people exchange"
)
_VI_TEXT = (
    "đoàn đại biểu chuyến thăm chính thức hội đàm hợp tác thỏa thuận quan hệ song phương "
    "đối tác chiến lược toàn diện lãnh đạo thảo luận thương mại đầu tư an ninh quốc phòng "
    "năng lượng giáo dục văn hóa du lịch bộ trưởng ký kết biên bản ghi nhớ khuôn khổ kinh "
    "tế khu vực quốc tế đa phương diễn đàn hội nghị thượng đỉnh lễ đón họp báo tuyên bố "
    "chung ngoại giao đại sứ quán lời mời theo thông báo người phát ngôn cho biết sẽ trong "
    "giữa hai nước bên thúc đẩy làm sâu sắc mở rộng kết nối hạ tầng chuyển đổi số xanh "
    "chuỗi cung ứng nông nghiệp thủy sản giao lưu nhân dân"
)
_EN_WORDS = _EN_TEXT.split()
_VI_WORDS = _VI_TEXT.split()


@dataclass
class _Article:
    article_id: str
    sentences: list[tuple[str, int]]  # (sentence, offset into the text)
    next_sentence: int = 0


@dataclass
class _Trip:
    trip_id: str
    stream_id: str
    steps: deque[Callable[[list[Provenance]], TripEvent]] = field(default_factory=deque)
    announced: dict[str, str] = field(default_factory=dict)  # leg id -> event id


class _Generator:
    """One deterministic stream of events; all randomness comes from one seeded RNG."""

    ACTIVE_TRIPS = 12

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.trip_ids: set[str] = set()
        self.trip_count = 0
        self.article_count = 0
        self.active: list[_Trip] = []
        self.sentence_pool = {
            "en": [self._sentence(_EN_WORDS) for _ in range(3000)],
            "vi": [self._sentence(_VI_WORDS) for _ in range(3000)],
        }
        self.pending_event_id = ""

    # -- text ---------------------------------------------------------------------------

    def _sentence(self, words: list[str]) -> str:
        rng = self.rng
        target = rng.randint(150, 400)
        parts: list[str] = []
        length = 0
        while length < target:
            word = rng.choice(words)
            parts.append(word)
            length += len(word) + 1
        text = " ".join(parts)[: target - 1].rstrip()
        return text[0].upper() + text[1:] + "."

    def _article(self, trip: _Trip) -> tuple[_Article, ArticleRecorded]:
        rng = self.rng
        self.article_count += 1
        language = "vi" if rng.random() < 0.35 else "en"
        size = min(15_000, max(2_000, int(rng.lognormvariate(8.5, 0.55))))
        pool = self.sentence_pool[language]
        outlet, base_url = _OUTLETS[rng.randrange(len(_OUTLETS))]
        title = f"{trip.trip_id.replace('-', ' ').title()}: update {self.article_count}"
        header = f"{title}\n{outlet}, report no. {self.article_count}\n\n"
        chunks = [header]
        sentences: list[tuple[str, int]] = []
        offset = len(header)
        while offset < size:
            sentence = pool[rng.randrange(len(pool))]
            sentences.append((sentence, offset))
            chunks.append(sentence)
            chunks.append(" ")
            offset += len(sentence) + 1
        text = "".join(chunks)
        article_id = hashlib.sha256(text.encode()).hexdigest()
        published = date(2000, 1, 1) + timedelta(days=self.trip_count // 3)
        rng.shuffle(sentences)
        event = ArticleRecorded(
            article_id=article_id,
            text=text,
            language=language,
            language_detected=rng.random() < 0.2,
            published_on=published,
            published_on_inferred=False,
            published_on_basis="header",
            url=f"{base_url}{slug(title)}-{article_id[:8]}.html",
            outlet=outlet,
            title=title,
        )
        return _Article(article_id, sentences), event

    def _provenance(self, article: _Article, rule: str) -> Provenance:
        sentence, offset = article.sentences[article.next_sentence % len(article.sentences)]
        index = article.next_sentence
        article.next_sentence += 1
        return Provenance(
            article_id=article.article_id,
            sentence_index=index,
            span=(offset, offset + len(sentence)),
            sentence=sentence,
            rule=rule,
        )

    # -- trips ----------------------------------------------------------------------------

    def _new_trip(self) -> _Trip:
        rng = self.rng
        while True:
            name, title, home = _PRINCIPALS[rng.randrange(len(_PRINCIPALS))]
            start = date(2000, 1, 1) + timedelta(days=self.trip_count // 3 + rng.randint(0, 40))
            trip_id = f"{slug(name)}-{start.isoformat()}"
            if trip_id not in self.trip_ids:
                break
        self.trip_ids.add(trip_id)
        self.trip_count += 1
        trip = _Trip(trip_id=trip_id, stream_id=f"trip-{trip_id}")
        principal = PersonRef(name=name, title=title)
        abroad = [c for c in _COUNTRIES if c[0] != home]
        n_legs = rng.choices([1, 2, 3, 4, 5], weights=[40, 25, 15, 12, 8])[0]
        hosts = rng.sample(abroad, n_legs)
        legs: list[tuple[str, tuple[str, str, str, float, float], DateWindow]] = []
        day = start
        for code_row in hosts:
            days = rng.randint(1, 4)
            window = DateWindow(day, day + timedelta(days=days - 1))
            legs.append((f"{trip_id}/{code_row[0].lower()}", code_row, window))
            day = window.end + timedelta(days=rng.randint(0, 1))
        trip_window = DateWindow(start, legs[-1][2].end)
        home_row = _BY_CODE.get(home, _COUNTRIES[0])
        home_place = PlaceRef(
            country_code=home, city=home_row[1], timezone=home_row[2], place="airport"
        )
        steps = trip.steps
        stated_trip = rng.random() < 0.6

        def add(step: Callable[[list[Provenance]], TripEvent]) -> None:
            steps.append(step)

        for seq, (leg_id, row, window) in enumerate(legs, start=1):
            visit_type = rng.choice(list(VisitType))
            stated = rng.random() < 0.7
            duration = (window.end - window.start).days + 1

            def announce(
                prov: list[Provenance],
                leg_id: str = leg_id,
                row: tuple[str, str, str, float, float] = row,
                seq: int = seq,
                visit_type: VisitType = visit_type,
                window: DateWindow | None = window if stated else None,
                duration: int | None = None if stated else duration,
            ) -> TripEvent:
                trip.announced[leg_id] = self.pending_event_id
                return VisitAnnounced(
                    trip_id=trip_id,
                    provenance=prov,
                    principal=principal,
                    leg_id=leg_id,
                    country_code=row[0],
                    sequence=seq,
                    visit_type=visit_type,
                    inviter=PersonRef(name=f"Host of {row[0]}", title="President"),
                    city=row[1],
                    window=window,
                    duration_days=duration,
                    trip_window=trip_window if stated_trip else None,
                )

            add(announce)
        if rng.random() < 0.5:
            members = [
                PersonRef(name=f"Minister {rng.randrange(1000)}", title="Minister")
                for _ in range(rng.randint(2, 8))
            ]
            spouse = "Spouse of the principal" if rng.random() < 0.4 else None

            def name_delegation(prov: list[Provenance]) -> TripEvent:
                return DelegationNamed(
                    trip_id=trip_id,
                    provenance=prov,
                    principal=principal,
                    spouse=spouse,
                    members=members,
                )

            add(name_delegation)
        for _ in range(rng.choices([0, 1, 2, 3], weights=[35, 35, 20, 10])[0]):
            leg_id = rng.choice(legs)[0]

            def corroborate(prov: list[Provenance], leg_id: str = leg_id) -> TripEvent:
                return FactCorroborated(
                    trip_id=trip_id,
                    provenance=prov,
                    fact=f"leg:{leg_id.rsplit('/', 1)[1]}.visit_type",
                    value="state",
                    corroborates=trip.announced.get(leg_id, ""),
                )

            add(corroborate)
        if rng.random() < 0.08:
            disputed = rng.choice(legs)[0]

            def dispute(prov: list[Provenance], leg_id: str = disputed) -> TripEvent:
                return ClaimDisputed(
                    trip_id=trip_id,
                    provenance=prov,
                    fact=f"leg:{leg_id.rsplit('/', 1)[1]}.visit_type",
                    held="state",
                    claimed="official",
                    held_since=trip.announced.get(leg_id, ""),
                )

            add(dispute)
        if rng.random() < 0.10:
            revised_leg, _, previous = rng.choice(legs)
            revised = DateWindow(previous.start, previous.end + timedelta(days=1))

            def revise(prov: list[Provenance]) -> TripEvent:
                return ScheduleRevised(
                    trip_id=trip_id,
                    provenance=prov,
                    leg_id=revised_leg,
                    previous=previous,
                    revised=revised,
                )

            add(revise)
        fate = rng.random()
        first_leg = legs[0][0]

        def postpone(prov: list[Provenance]) -> TripEvent:
            return VisitPostponed(
                trip_id=trip_id, provenance=prov, reason="at the request of the host"
            )

        def cancel(prov: list[Provenance]) -> TripEvent:
            return VisitCancelled(
                trip_id=trip_id, provenance=prov, leg_id=first_leg, reason="weather"
            )

        def leave_home(prov: list[Provenance]) -> TripEvent:
            return DelegationDeparted(
                trip_id=trip_id,
                provenance=prov,
                place=home_place,
                at=Moment(day=start, day_part="morning", timezone=home_place.timezone),
                next_leg_id=first_leg,
            )

        if fate < 0.03:
            add(postpone)
        elif fate < 0.05:
            add(cancel)
        add(leave_home)
        counter = 0
        for i, (leg_id, row, window) in enumerate(legs):
            place = PlaceRef(
                country_code=row[0],
                city=row[1],
                place=f"{row[1]} International Airport",
                timezone=row[2],
                latitude=row[3],
                longitude=row[4],
            )

            def arrive(
                prov: list[Provenance],
                leg_id: str = leg_id,
                place: PlaceRef = place,
                day: date = window.start,
            ) -> TripEvent:
                return DelegationArrived(
                    trip_id=trip_id,
                    provenance=prov,
                    leg_id=leg_id,
                    place=place,
                    at=Moment(day=day, day_part="afternoon", timezone=place.timezone),
                )

            add(arrive)
            for _ in range(rng.randint(1, 5)):
                counter += 1
                kind, pattern = _ENGAGEMENTS[rng.randrange(len(_ENGAGEMENTS))]
                host = f"Host of {row[0]}"
                title = pattern.format(
                    host=host, host_title="President", country=row[0], city=row[1], home=home
                )
                offset = rng.randint(0, (window.end - window.start).days)
                dated = rng.random() < 0.7
                at = (
                    Moment(
                        day=window.start + timedelta(days=offset),
                        local_time=time(rng.randint(8, 20), rng.choice([0, 15, 30, 45])),
                        timezone=row[2],
                    )
                    if dated
                    else None
                )
                engagement = EngagementReported(
                    trip_id=trip_id,
                    provenance=[],
                    engagement_id=f"{leg_id}#e{counter}",
                    leg_id=leg_id,
                    kind=kind,
                    title=title,
                    counterparts=[PersonRef(name=host, title="President")],
                    place=PlaceRef(country_code=row[0], city=row[1], timezone=row[2]),
                    at=at,
                    window=None if dated else window,
                )

                def engage(
                    prov: list[Provenance], engagement: EngagementReported = engagement
                ) -> TripEvent:
                    return msgspec.structs.replace(engagement, provenance=prov)

                add(engage)
            following = legs[i + 1][0] if i + 1 < len(legs) else None

            def conclude(
                prov: list[Provenance],
                leg_id: str = leg_id,
                code: str = row[0],
                window: DateWindow = window,
            ) -> TripEvent:
                return LegConcluded(
                    trip_id=trip_id,
                    provenance=prov,
                    leg_id=leg_id,
                    country_code=code,
                    on=window.end,
                    window=window,
                )

            add(conclude)

            def depart(
                prov: list[Provenance],
                leg_id: str = leg_id,
                place: PlaceRef = place,
                day: date = window.end,
                following: str | None = following,
            ) -> TripEvent:
                return DelegationDeparted(
                    trip_id=trip_id,
                    provenance=prov,
                    place=place,
                    at=Moment(day=day, day_part="evening", timezone=place.timezone),
                    concluded_leg_id=leg_id,
                    next_leg_id=following,
                )

            add(depart)

        def come_home(prov: list[Provenance]) -> TripEvent:
            return TripConcluded(trip_id=trip_id, provenance=prov, on=trip_window.end)

        add(come_home)
        return trip

    # -- the stream -----------------------------------------------------------------------

    def _event_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def events(self, n: int) -> Iterator[NewEvent]:
        rng = self.rng
        emitted = 0
        while emitted < n:
            while len(self.active) < self.ACTIVE_TRIPS:
                self.active.append(self._new_trip())
            trip = self.active[rng.randrange(len(self.active))]
            article, recorded = self._article(trip)
            record_id = self._event_id()
            meta_source = (
                f'{{"source":{{"article_id":"{article.article_id}","url":'
                f'{msgspec.json.encode(recorded.url).decode()},"outlet":'
                f"{msgspec.json.encode(recorded.outlet).decode()}}},"
                f'"correlation_id":"{article.article_id}",'
            )
            kind, version, data = encode(recorded)
            yield NewEvent(
                event_id=record_id,
                stream_id=f"article-{article.article_id}",
                event_type=kind,
                data=data,
                schema_version=version,
                metadata=meta_source + '"causation_id":null,"producer":"calendar-svc 0.1.0"}',
            )
            emitted += 1
            metadata = (
                meta_source + f'"causation_id":"{record_id}","producer":"calendar-svc 0.1.0"}}'
            )
            # Mostly one trip per article; sometimes a round-up covers a second one.
            trips = [trip]
            if rng.random() < 0.2:
                trips.append(self.active[rng.randrange(len(self.active))])
            for _ in range(rng.randint(5, 13)):
                if emitted >= n:
                    return
                current = trips[rng.randrange(len(trips))]
                if not current.steps:
                    continue
                step = current.steps.popleft()
                self.pending_event_id = self._event_id()
                rule = "en.cue" if rng.random() < 0.5 else "vi.cue"
                prov = [self._provenance(article, rule)]
                if rng.random() < 0.15:
                    prov.append(self._provenance(article, rule))
                event = step(prov)
                kind, version, data = encode(event)
                yield NewEvent(
                    event_id=self.pending_event_id,
                    stream_id=current.stream_id,
                    event_type=kind,
                    data=data,
                    schema_version=version,
                    metadata=metadata,
                )
                emitted += 1
            self.active = [t for t in self.active if t.steps]


def generate(n: int, seed: int = DEFAULT_SEED) -> Iterator[NewEvent]:
    """Exactly `n` events, the same for the same seed, streamed (nothing kept per event)."""
    return _Generator(seed).events(n)


def batched(events: Iterable[NewEvent], size: int) -> Iterator[list[NewEvent]]:
    batch: list[NewEvent] = []
    for event in events:
        batch.append(event)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def describe(n: int, seed: int = DEFAULT_SEED) -> dict[str, object]:
    """The mix: events and mean data size per type, and the share of article bytes."""
    counts: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    trips: set[str] = set()
    for event in generate(n, seed):
        counts[event.event_type] += 1
        sizes[event.event_type] += len(event.data.encode())
        if event.stream_id.startswith("trip-"):
            trips.add(event.stream_id)
    total = sum(sizes.values())
    return {
        "events": n,
        "trips": len(trips),
        "data_mb": round(total / 1e6, 1),
        "mean_data_bytes": round(total / n),
        "article_byte_share": round(sizes["ArticleRecorded"] / total, 3),
        "types": {
            name: {"count": counts[name], "mean_bytes": round(sizes[name] / counts[name])}
            for name in sorted(counts, key=lambda k: -counts[k])
        },
    }


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(msgspec.json.format(msgspec.json.encode(describe(size)), indent=2).decode())

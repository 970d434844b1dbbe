"""`make accuracy`: how well the service reads news it was not tuned to (issue 12).

Every article of `tests/fixtures/corpus/` (all splits together, in publication order,
ties by path, as a real log mixes trips) is ingested into a fresh temporary SQLite log
with the publication date a manifest would give; the schedule projection is caught up
and its trips are compared with the gold `trip.json` files.

Matching. A produced trip matches a gold trip when the principals' names agree (see
`same_person`) and the produced trip cites that gold trip's articles (provenance, by
article id = SHA-256 of the bytes), or, for a trip that cites no gold trip's articles,
when their date spans overlap. A gold
trip matched by several produced trips is *split*; the one citing most of its articles
is scored, the others are only counted. A produced trip citing articles of two or more
gold trips is *merged*. A produced trip matching no gold trip is a *phantom* (a no-trip
article read as a trip, a host filed as the traveller, ...).

Scores, per split (a gold trip's split; a phantom's is that of most articles it cites)
and per field, micro-averaged: precision = correct produced values / produced values,
recall = correct produced values / gold values.
- principal: per trip; a produced trip is correct when it matches a gold trip.
- leg_country: the set of leg countries of each scored trip.
- visit_type, start, end, status: per leg of the scored trips; legs pair up by country
  (a country twice: nearest start first). A leg shown with no visit type counts as
  `visit` (unspecified), which is what the gold files call it.
- confirmed: legs shown with `dates_confirmed` vs gold legs whose start and end some
  article of the trip states (`start_stated` / `end_stated` in its sidecar).
- confidently wrong dates: a start or end of a leg shown as confirmed that differs from
  the gold (or belongs to a leg the gold trip does not have).

Prints a table, writes bench/accuracy.json and docs/accuracy.md. Exit codes: 0 done,
2 the corpus is invalid (one line says which file and why), 3 the service failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
JSON_OUT = ROOT / "bench" / "accuracy.json"
MD_OUT = ROOT / "docs" / "accuracy.md"

SPLITS = ("dev", "test")
FIELDS = ("principal", "leg_country", "visit_type", "start", "end", "confirmed", "status")
LANGUAGES = frozenset({"en", "vi"})
VISIT_TYPES = frozenset({"state", "official", "working", "visit", "attending_event"})
STATUSES = frozenset({"announced", "in_progress", "concluded", "postponed", "cancelled"})
UNSPECIFIED_VISIT = "visit"


class CorpusError(ValueError):
    """The corpus is not in the documented format; the message names the file."""


class ServiceError(RuntimeError):
    """The service could not ingest or project the corpus."""


def split_of(key: str) -> str:
    """The split rule, fixed before any tuning: a third of the keys (trip ids, or a
    no-trip article's path under the corpus without extension) go to `test`."""
    return "test" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0 else "dev"


# -- the corpus -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldLeg:
    country: str
    visit_type: str
    start: date | None
    end: date | None
    status: str
    start_stated: bool = False
    end_stated: bool = False

    @property
    def stated(self) -> bool:
        return self.start_stated and self.end_stated


@dataclass(frozen=True)
class GoldTrip:
    trip_id: str
    names: tuple[str, ...]  # the principal's name in every form the gold file gives
    home: str | None  # the principal's country
    split: str
    status: str
    legs: tuple[GoldLeg, ...]

    def span(self) -> tuple[date, date] | None:
        days = [d for leg in self.legs for d in (leg.start, leg.end) if d is not None]
        return (min(days), max(days)) if days else None


@dataclass(frozen=True)
class Article:
    path: str  # relative to the corpus root
    raw: bytes
    article_id: str
    trip: str | None
    language: str
    published_on: date
    split: str
    expect: dict[str, Any]


@dataclass(frozen=True)
class Corpus:
    trips: dict[str, GoldTrip]
    articles: list[Article]


def _day(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorpusError(f"{where}: date {value!r} is not an ISO string")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CorpusError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _json(path: Path, root: Path) -> dict[str, Any]:
    rel = path.relative_to(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{rel}: not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{rel}: expected a JSON object")
    return data


def _need(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise CorpusError(f"{where}: missing field {key!r}")
    return data[key]


def _gold_trip(path: Path, root: Path) -> GoldTrip:
    where = str(path.relative_to(root))
    data = _json(path, root)
    principal = _need(data, "principal", where)
    if not isinstance(principal, dict) or not principal.get("name"):
        raise CorpusError(f"{where}: principal needs a name")
    names = tuple(dict.fromkeys(str(principal[k]) for k in ("name", "name_vi") if principal.get(k)))
    split = _need(data, "split", where)
    status = _need(data, "status", where)
    if split not in SPLITS:
        raise CorpusError(f"{where}: split {split!r} is not one of {', '.join(SPLITS)}")
    if status not in STATUSES:
        raise CorpusError(f"{where}: status {status!r} is not one of {sorted(STATUSES)}")
    raw_legs = _need(data, "legs", where)
    if not isinstance(raw_legs, list) or not raw_legs:
        raise CorpusError(f"{where}: legs must be a non-empty list")
    legs = []
    for i, leg in enumerate(raw_legs):
        at = f"{where}: legs[{i}]"
        if not isinstance(leg, dict):
            raise CorpusError(f"{at}: expected an object")
        visit_type, leg_status = _need(leg, "visit_type", at), _need(leg, "status", at)
        if visit_type not in VISIT_TYPES:
            raise CorpusError(f"{at}: visit_type {visit_type!r} is not allowed")
        if leg_status not in STATUSES:
            raise CorpusError(f"{at}: status {leg_status!r} is not allowed")
        legs.append(
            GoldLeg(
                country=str(_need(leg, "country", at)),
                visit_type=visit_type,
                start=_day(leg.get("start"), at),
                end=_day(leg.get("end"), at),
                status=leg_status,
            )
        )
    return GoldTrip(
        trip_id=str(_need(data, "trip_id", where)),
        names=names,
        home=principal.get("country"),
        split=split,
        status=status,
        legs=tuple(legs),
    )


def load_corpus(root: Path = CORPUS) -> Corpus:
    """Every gold trip and article, articles in ingestion order (publication day, path).

    Raises `CorpusError` on the first file that breaks the format, naming it.
    """
    if not root.is_dir():
        raise CorpusError(f"{root}: no corpus folder there")
    trips: dict[str, GoldTrip] = {}
    for path in sorted(root.rglob("trip.json")):
        trip = _gold_trip(path, root)
        if trip.trip_id != path.parent.name:
            raise CorpusError(
                f"{path.relative_to(root)}: trip_id {trip.trip_id!r} is not its folder's name"
            )
        trips[trip.trip_id] = trip
    articles = []
    for txt in sorted(root.rglob("*.txt")):
        rel = str(txt.relative_to(root))
        sidecar = txt.with_suffix(".json")
        if not sidecar.is_file():
            raise CorpusError(f"{rel}: no sidecar {sidecar.name}")
        where = str(sidecar.relative_to(root))
        meta = _json(sidecar, root)
        trip = _need(meta, "trip", where)
        if trip is None:
            split = _need(meta, "split", where)
            if split not in SPLITS:
                raise CorpusError(f"{where}: split {split!r} is not one of {', '.join(SPLITS)}")
        elif trip not in trips:
            raise CorpusError(f"{where}: trip {trip!r} has no trip.json")
        else:
            split = trips[trip].split
        language = _need(meta, "language", where)
        if language not in LANGUAGES:
            raise CorpusError(f"{where}: language {language!r} is not en or vi")
        published = _day(_need(meta, "published_on", where), where)
        if published is None:
            raise CorpusError(f"{where}: published_on is required")
        expect = _need(meta, "expect", where)
        if not isinstance(expect, dict) or not isinstance(expect.get("legs"), list):
            raise CorpusError(f"{where}: expect needs principal and a legs list")
        raw = txt.read_bytes()
        articles.append(
            Article(
                path=rel,
                raw=raw,
                article_id=hashlib.sha256(raw).hexdigest(),
                trip=trip,
                language=language,
                published_on=published,
                split=split,
                expect=expect,
            )
        )
    articles.sort(key=lambda a: (a.published_on, a.path))
    return Corpus(trips=_with_stated(trips, articles), articles=articles)


def _with_stated(trips: dict[str, GoldTrip], articles: list[Article]) -> dict[str, GoldTrip]:
    """A gold leg's dates count as stated when some article of its trip states them."""
    starts: set[tuple[str, str]] = set()
    ends: set[tuple[str, str]] = set()
    for article in articles:
        if article.trip is None:
            continue
        for leg in article.expect["legs"]:
            key = (article.trip, str(leg.get("country")))
            if leg.get("start_stated"):
                starts.add(key)
            if leg.get("end_stated"):
                ends.add(key)
    out = {}
    for trip_id, trip in trips.items():
        legs = tuple(
            GoldLeg(
                **{
                    **asdict(leg),
                    "start_stated": (trip_id, leg.country) in starts,
                    "end_stated": (trip_id, leg.country) in ends,
                }
            )
            for leg in trip.legs
        )
        out[trip_id] = GoldTrip(**{**asdict(trip), "legs": legs})
    return out


# -- what the service produced ------------------------------------------------------------


@dataclass(frozen=True)
class Leg:
    country: str
    visit_type: str | None
    start: date | None
    end: date | None
    confirmed: bool
    status: str


@dataclass(frozen=True)
class Trip:
    trip_id: str
    principal: str
    legs: tuple[Leg, ...]
    sources: frozenset[str]  # article ids the trip or its legs cite

    def span(self) -> tuple[date, date] | None:
        days = [d for leg in self.legs for d in (leg.start, leg.end) if d is not None]
        return (min(days), max(days)) if days else None


@dataclass
class Run:
    trips: list[Trip]
    rejected: dict[str, str]  # corpus path -> why the service refused it
    seconds: float


def run_service(articles: Sequence[Article], workdir: Path | None = None) -> Run:
    """Ingest `articles` in the given order into a fresh SQLite log; the projected trips."""
    from calendar_svc.projections.schedule import ScheduleProjection
    from calendar_svc.services.ingestion import ArticleMeta, ArticleRejected, TripIndex, ingest
    from calendar_svc.store import StoreError, migrate, open_store

    started = time.perf_counter()
    rejected: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="calendar-svc-accuracy-", dir=workdir) as tmp:
        url = f"sqlite:///{Path(tmp) / 'accuracy.sqlite3'}"
        try:
            migrate.upgrade(url)
            store = open_store(url)
        except StoreError as exc:
            raise ServiceError(f"could not open a fresh log: {exc}") from None
        try:
            index = TripIndex(store)
            for article in articles:
                meta = ArticleMeta(
                    language="vi" if article.language == "vi" else "en",
                    published_on=article.published_on,
                )
                try:
                    ingest(store, article.raw, meta, index=index)
                except ArticleRejected as exc:
                    rejected[article.path] = str(exc)
            projection = ScheduleProjection(store)
            projection.catch_up()
            views = list(projection.load().trips)  # decoded while the store is open
        except StoreError as exc:
            raise ServiceError(f"the log failed: {exc}") from None
        finally:
            store.close()
    trips = [
        Trip(
            trip_id=view.trip_id,
            principal=view.principal.name,
            legs=tuple(
                Leg(
                    country=leg.country_code,
                    visit_type=leg.visit_type,
                    start=leg.start_date,
                    end=leg.end_date,
                    confirmed=leg.dates_confirmed,
                    status=leg.status,
                )
                for leg in view.legs
            ),
            sources=frozenset(view.sources).union(*(leg.sources for leg in view.legs)),
        )
        for view in views
    ]
    return Run(trips=trips, rejected=rejected, seconds=time.perf_counter() - started)


# -- matching -------------------------------------------------------------------------------


def _tokens(name: str) -> list[str]:
    from calendar_svc.domain.values import slug

    # the Arabic article is spelt al-, el- or apart ("el-Sisi", "al-Sisi", "Al Sisi")
    return [t for t in slug(name).split("-") if t and t not in ("al", "el")]


def _spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one transliterated word: "zelenskiy" / "zelensky" / "zelenskyy"
    (the same first four letters, a letter or two apart)."""
    if a == b:
        return True
    if a[:4] != b[:4]:
        return False
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = row
    return previous[-1] <= 2


def same_person(produced: str, gold: GoldTrip) -> bool:
    """Whether the produced principal is the gold one: equal slugs (a transliterated
    word may be spelt a letter or two apart: "Zelenskiy" for "Zelensky"), or, for a name
    that is not Vietnamese, one name's words within the other's ("Biden" in "Joe Biden").
    Vietnamese names (family name first, shared by many) must agree in full."""
    mine = _tokens(produced)
    if not mine:
        return False
    for name in gold.names:
        theirs = _tokens(name)
        if len(mine) == len(theirs) and all(map(_spelt_alike, mine, theirs)):
            return True
        if gold.home != "VN" and (set(mine) <= set(theirs) or set(theirs) <= set(mine)):
            return True
    return False


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


@dataclass
class Matching:
    match: dict[str, str]  # produced trip id -> gold trip id
    scored: dict[str, str]  # gold trip id -> the produced trip id that is scored
    phantoms: list[str]  # produced trip ids
    merged: dict[str, list[str]]  # produced trip id -> the gold trips it took articles from
    split: dict[str, list[str]]  # gold trip id -> the produced trips it is spread over


def match(gold: dict[str, GoldTrip], produced: Sequence[Trip], owner: dict[str, str]) -> Matching:
    """Pair produced trips with gold trips. `owner` maps article id -> gold trip id."""
    result = Matching(match={}, scored={}, phantoms=[], merged={}, split={})
    cited: dict[str, Counter[str]] = {}
    for trip in produced:
        fed = Counter(owner[a] for a in trip.sources if a in owner)
        cited[trip.trip_id] = fed
        if len(fed) > 1:
            result.merged[trip.trip_id] = sorted(fed)
        same = [g for g in gold.values() if same_person(trip.principal, g)]
        by_source = [g for g in same if fed[g.trip_id]]
        # Dates decide only for a trip no gold trip's article fed: a trip made from one
        # trip's articles under another person (a host, say) is a phantom, not a match.
        by_dates = [g for g in same if not fed and _overlap(trip.span(), g.span())]
        candidates = by_source or by_dates
        if not candidates:
            result.phantoms.append(trip.trip_id)
            continue
        span = trip.span()
        best = max(
            candidates,
            key=lambda g: (fed[g.trip_id], _overlap(span, g.span()), g.trip_id),
        )
        result.match[trip.trip_id] = best.trip_id
    spread: dict[str, list[str]] = {}
    for trip_id, gold_id in result.match.items():
        spread.setdefault(gold_id, []).append(trip_id)
    legs = {t.trip_id: len(t.legs) for t in produced}
    for gold_id, trip_ids in spread.items():
        trip_ids.sort(key=lambda t: (-cited[t][gold_id], -legs[t], t))
        result.scored[gold_id] = trip_ids[0]
        if len(trip_ids) > 1:
            result.split[gold_id] = trip_ids
    return result


def pair_legs(gold: Sequence[GoldLeg], produced: Sequence[Leg]) -> list[tuple[GoldLeg, Leg]]:
    """Legs pair by country; a country that occurs more than once pairs nearest start first."""
    pairs: list[tuple[int, int, int]] = []  # (distance in days, gold index, produced index)
    for i, g in enumerate(gold):
        for j, p in enumerate(produced):
            if g.country == p.country:
                distance = abs((g.start - p.start).days) if g.start and p.start else 10**6
                pairs.append((distance, i, j))
    used_gold: set[int] = set()
    used_produced: set[int] = set()
    out: list[tuple[int, GoldLeg, Leg]] = []
    for _, i, j in sorted(pairs):
        if i not in used_gold and j not in used_produced:
            used_gold.add(i)
            used_produced.add(j)
            out.append((i, gold[i], produced[j]))
    return [(g, p) for _, g, p in sorted(out, key=lambda x: x[0])]


# -- scoring --------------------------------------------------------------------------------


@dataclass
class Tally:
    correct: int = 0
    produced: int = 0
    gold: int = 0

    def add(self, correct: int, produced: int, gold: int) -> None:
        self.correct += correct
        self.produced += produced
        self.gold += gold

    @property
    def precision(self) -> float | None:
        return self.correct / self.produced if self.produced else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "correct": self.correct,
            "produced": self.produced,
            "gold": self.gold,
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
        }


@dataclass
class SplitScore:
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    gold_trips: int = 0
    produced_trips: int = 0
    phantom_trips: int = 0
    merged: int = 0
    split: int = 0
    confidently_wrong: int = 0
    articles: int = 0
    articles_unused: int = 0  # trip articles no produced trip cites


@dataclass
class Score:
    splits: dict[str, SplitScore]
    wrong_dates: list[dict[str, Any]]  # confidently wrong dates
    phantoms: list[dict[str, Any]]
    merged: list[dict[str, Any]]
    split: list[dict[str, Any]]
    unused: list[str]  # trip articles no produced trip cites


def _wrong(
    split: str, gold_id: str, trip: Trip, leg: Leg, gold: GoldLeg | None
) -> list[dict[str, Any]]:
    if not leg.confirmed:
        return []
    out = []
    for which in ("start", "end"):
        got: date | None = getattr(leg, which)
        want: date | None = None if gold is None else getattr(gold, which)
        if got is not None and got != want:
            out.append(
                {
                    "split": split,
                    "gold_trip": gold_id,
                    "trip": trip.trip_id,
                    "country": leg.country,
                    "field": which,
                    "gold": "no such leg" if gold is None else str(want),
                    "got": str(got),
                }
            )
    return out


def score(
    gold: dict[str, GoldTrip], produced: Sequence[Trip], articles: Sequence[Article]
) -> Score:
    """Field-by-field precision and recall per split, with the lists behind the counts."""
    owner = {a.article_id: a.trip for a in articles if a.trip is not None}
    article_split = {a.article_id: a.split for a in articles}
    by_id = {t.trip_id: t for t in produced}
    m = match(gold, produced, owner)
    splits = {s: SplitScore() for s in SPLITS}
    out = Score(splits=splits, wrong_dates=[], phantoms=[], merged=[], split=[], unused=[])

    def split_of_trip(trip: Trip) -> str:
        if trip.trip_id in m.match:
            return gold[m.match[trip.trip_id]].split
        votes = Counter(article_split[a] for a in trip.sources if a in article_split)
        # A tie goes to `test`: a phantom must show where it is measured.
        return max(SPLITS, key=lambda s: (votes[s], s == "test"))

    for article in articles:
        splits[article.split].articles += 1
    cited = set().union(*(t.sources for t in produced)) if produced else set()
    for article in articles:
        if article.trip is not None and article.article_id not in cited:
            splits[article.split].articles_unused += 1
            out.unused.append(article.path)

    for trip in produced:
        s = split_of_trip(trip)
        splits[s].produced_trips += 1
        # Right traveller, and not a split-off duplicate of a trip already counted.
        right = trip.trip_id in m.match and m.scored[m.match[trip.trip_id]] == trip.trip_id
        splits[s].fields["principal"].add(int(right), 1, 0)
    for gold_trip in gold.values():
        into = splits[gold_trip.split]
        into.gold_trips += 1
        into.fields["principal"].add(0, 0, 1)
        into.fields["leg_country"].add(0, 0, len({leg.country for leg in gold_trip.legs}))
        for name in ("visit_type", "start", "end", "status"):
            into.fields[name].add(
                0, 0, sum(getattr(leg, name) is not None for leg in gold_trip.legs)
            )
        into.fields["confirmed"].add(0, 0, sum(leg.stated for leg in gold_trip.legs))

    for trip_id in m.phantoms:
        trip = by_id[trip_id]
        s = split_of_trip(trip)
        splits[s].phantom_trips += 1
        out.phantoms.append(
            {
                "split": s,
                "trip": trip_id,
                "principal": trip.principal,
                "legs": [
                    f"{leg.country} {leg.start or '?'}..{leg.end or '?'}"
                    + (" confirmed" if leg.confirmed else "")
                    for leg in trip.legs
                ],
                "fed_by": sorted(
                    {owner.get(a, "no-trip article") for a in trip.sources if a in article_split}
                ),
            }
        )
    for trip_id, gold_ids in m.merged.items():
        s = split_of_trip(by_id[trip_id])
        splits[s].merged += 1
        out.merged.append({"split": s, "trip": trip_id, "gold_trips": gold_ids})
    for gold_id, trip_ids in m.split.items():
        s = gold[gold_id].split
        splits[s].split += 1
        out.split.append({"split": s, "gold_trip": gold_id, "trips": trip_ids})

    for trip_id, gold_id in m.match.items():
        g, trip, s = gold[gold_id], by_id[trip_id], gold[gold_id].split
        pairs = pair_legs(g.legs, trip.legs)
        paired = {id(p) for _, p in pairs}
        for gold_leg, leg in pairs:
            out.wrong_dates += _wrong(s, gold_id, trip, leg, gold_leg)
        for leg in trip.legs:
            if id(leg) not in paired:
                out.wrong_dates += _wrong(s, gold_id, trip, leg, None)
        if m.scored[gold_id] != trip_id:
            continue  # a split-off part: counted in `split`, not scored twice
        fields = splits[s].fields
        countries = {leg.country for leg in trip.legs}
        fields["leg_country"].add(len(countries & {leg.country for leg in g.legs}), 0, 0)
        fields["leg_country"].produced += len(countries)
        for leg in trip.legs:
            fields["visit_type"].produced += 1  # no type shown = unspecified `visit`
            fields["start"].produced += leg.start is not None
            fields["end"].produced += leg.end is not None
            fields["status"].produced += 1
            fields["confirmed"].produced += leg.confirmed
        for gold_leg, leg in pairs:
            shown_type = leg.visit_type or UNSPECIFIED_VISIT
            fields["visit_type"].correct += shown_type == gold_leg.visit_type
            fields["start"].correct += leg.start is not None and leg.start == gold_leg.start
            fields["end"].correct += leg.end is not None and leg.end == gold_leg.end
            fields["status"].correct += leg.status == gold_leg.status
            fields["confirmed"].correct += leg.confirmed and gold_leg.stated
    for wrong in out.wrong_dates:
        splits[wrong["split"]].confidently_wrong += 1
    return out


# -- the report -----------------------------------------------------------------------------

COUNTS = (
    ("gold trips", "gold_trips"),
    ("produced trips", "produced_trips"),
    ("phantom trips", "phantom_trips"),
    ("merged-when-separate", "merged"),
    ("split-when-one", "split"),
    ("confidently wrong dates", "confidently_wrong"),
    ("articles", "articles"),
    ("trip articles no trip cites", "articles_unused"),
)

#: Issue 12's bar, per split: F1 floors and counts that must be zero.
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("principal F1 >= 0.95", "principal", 0.95),
    ("leg country F1 >= 0.95", "leg_country", 0.95),
    ("start F1 >= 0.9", "start", 0.9),
    ("end F1 >= 0.9", "end", 0.9),
)


def corpus_summary(corpus: Corpus) -> dict[str, Any]:
    """Sizes, so a reader knows what the figures are over."""
    languages = Counter(a.language for a in corpus.articles)
    return {
        "trips": len(corpus.trips),
        "trips_per_split": dict(sorted(Counter(t.split for t in corpus.trips.values()).items())),
        "articles": len(corpus.articles),
        "articles_per_language": dict(sorted(languages.items())),
        "articles_per_split": dict(sorted(Counter(a.split for a in corpus.articles).items())),
        "no_trip_articles": sum(a.trip is None for a in corpus.articles),
    }


def targets(result: Score) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = {}
    for name, s in result.splits.items():
        met = {label: (s.fields[f].f1 or 0.0) >= floor for label, f, floor in TARGETS}
        met["0 confidently wrong dates"] = s.confidently_wrong == 0
        met["0 phantom trips"] = s.phantom_trips == 0
        out[name] = met
    return out


def revision() -> str:
    """The commit measured, and whether the service's code differed from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "calendar_svc"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    if not head:
        return "unknown"
    return f"{head} (calendar_svc/ with uncommitted changes)" if dirty else head


def report(corpus: Corpus, run: Run, result: Score) -> dict[str, Any]:
    return {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "revision": revision(),
        "command": "make accuracy",
        "corpus": corpus_summary(corpus),
        "seconds": round(run.seconds, 1),
        "python": platform.python_version(),
        "splits": {
            name: {
                "fields": {f: t.as_dict() for f, t in s.fields.items()},
                **{key: getattr(s, key) for _, key in COUNTS},
            }
            for name, s in result.splits.items()
        },
        "targets": targets(result),
        "confidently_wrong_dates": result.wrong_dates,
        "phantom_trips": result.phantoms,
        "merged_trips": result.merged,
        "split_trips": result.split,
        "unused_articles": result.unused,
        "rejected_articles": run.rejected,
    }


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def table(data: dict[str, Any]) -> str:
    """The figures as plain text, one block per split."""
    lines = []
    for name in SPLITS:
        s = data["splits"][name]
        lines.append(f"split {name}")
        lines.append(
            f"  {'field':<13}{'precision':>10}{'recall':>8}{'F1':>7}   correct/produced/gold"
        )
        for f in FIELDS:
            t = s["fields"][f]
            lines.append(
                f"  {f:<13}{_pct(t['precision']):>10}{_pct(t['recall']):>8}{_pct(t['f1']):>7}"
                f"   {t['correct']}/{t['produced']}/{t['gold']}"
            )
        for label, key in COUNTS:
            lines.append(f"  {label:<30}{s[key]:>6}")
        met = data["targets"][name]
        lines.append(
            "  targets: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in met.items())
        )
        lines.append("")
    return "\n".join(lines).rstrip()


def _md_rows(rows: Iterable[Sequence[Any]]) -> list[str]:
    return ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def markdown(data: dict[str, Any]) -> str:
    """docs/accuracy.md: the figures, how they were made, and what to teach the service."""
    c = data["corpus"]
    out = [
        "# Extraction accuracy on the corpus",
        "",
        "Generated by `bench/accuracy.py`; do not edit by hand. Issue 12, deliverable 2.",
        "",
        f"- Command: `{data['command']}` (or `.venv/bin/python -m bench.accuracy`)",
        f"- Measured: {data['measured_at']} at commit {data['revision']} "
        f"(Python {data['python']}, {data['seconds']} s)",
        f"- Corpus: `tests/fixtures/corpus/`, {c['trips']} trips "
        f"({', '.join(f'{k} {v}' for k, v in c['trips_per_split'].items())}), "
        f"{c['articles']} articles "
        f"({', '.join(f'{k} {v}' for k, v in c['articles_per_language'].items())}; "
        f"{', '.join(f'{k} {v}' for k, v in c['articles_per_split'].items())}), "
        f"of which {c['no_trip_articles']} describe no trip.",
        "- The `test` split is measured only, never tuned to (see the corpus README).",
        "",
        "All articles go into one fresh log in publication order; each gold trip is matched",
        "to the produced trips that cite its articles and name the same traveller. Precision",
        "= correct produced values / produced values; recall = correct produced values /",
        "gold values (definitions in the docstring of `bench/accuracy.py`). Confidently",
        "wrong dates are counted on matched trips; a phantom trip's legs are listed with it",
        "(`confirmed` marks the dates it shows as confirmed).",
    ]
    for name in SPLITS:
        s = data["splits"][name]
        out += ["", f"## Split `{name}`", ""]
        out += _md_rows(
            [("field", "precision", "recall", "F1", "correct", "produced", "gold"), ["---"] * 7]
        )
        out += _md_rows(
            (
                f,
                _pct(t["precision"]),
                _pct(t["recall"]),
                _pct(t["f1"]),
                t["correct"],
                t["produced"],
                t["gold"],
            )
            for f, t in ((f, s["fields"][f]) for f in FIELDS)
        )
        out += ["", *_md_rows([("count", "value"), ("---", "---")])]
        out += _md_rows((label, s[key]) for label, key in COUNTS)
        out += ["", "Issue 12 targets:", ""]
        out += [f"- {k}: {'met' if v else '**not met**'}" for k, v in data["targets"][name].items()]

    def listing(title: str, rows: list[dict[str, Any]], keys: Sequence[str]) -> list[str]:
        section = ["", f"## {title} ({len(rows)})", ""]
        if not rows:
            return [*section, "None."]
        return (
            section
            + _md_rows([keys, ["---"] * len(keys)])
            + _md_rows([_cell(row[k]) for k in keys] for row in rows)
        )

    out += listing(
        "Confidently wrong dates",
        data["confidently_wrong_dates"],
        ("split", "gold_trip", "trip", "country", "field", "gold", "got"),
    )
    out += listing(
        "Phantom trips", data["phantom_trips"], ("split", "trip", "principal", "legs", "fed_by")
    )
    out += listing("Merged when separate", data["merged_trips"], ("split", "trip", "gold_trips"))
    out += listing("Split when one", data["split_trips"], ("split", "gold_trip", "trips"))
    out += ["", f"## Trip articles no produced trip cites ({len(data['unused_articles'])})", ""]
    out += [f"- `{p}`" for p in data["unused_articles"]] or ["None."]
    out += ["", f"## Articles the service refused ({len(data['rejected_articles'])})", ""]
    out += [f"- `{p}`: {why}" for p, why in data["rejected_articles"].items()] or ["None."]
    return "\n".join(out) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "-"
    return str(value).replace("|", "\\|")


def measure(corpus: Corpus, workdir: Path | None = None) -> dict[str, Any]:
    """Ingest the corpus, score what came out, and return the report as plain data."""
    run = run_service(corpus.articles, workdir)
    return report(corpus, run, score(corpus.trips, run.trips, corpus.articles))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder")
    parser.add_argument("--json", type=Path, default=JSON_OUT, help="where the JSON goes")
    parser.add_argument("--markdown", type=Path, default=MD_OUT, help="where the report goes")
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.corpus)
        print(
            f"accuracy: {len(corpus.articles)} articles, {len(corpus.trips)} trips",
            file=sys.stderr,
        )
        data = measure(corpus)
    except CorpusError as exc:
        print(f"accuracy: invalid corpus: {exc}", file=sys.stderr)
        return 2
    except ServiceError as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 3
    print(table(data))
    try:
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        args.markdown.write_text(markdown(data))
    except OSError as exc:
        print(f"accuracy: could not write the report: {exc}", file=sys.stderr)
        return 3
    print(f"written {args.json} and {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

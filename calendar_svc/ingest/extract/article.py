"""The reading of one article, step by step: who travels, the sentences read once, the
legs in order, what each leg is (type, days), what happened (movements, engagements,
postponements), and who went along.

Apart from the readers so the order of the steps, which matters (the legs must be known
before anything is said of them; movements before the order of the legs), reads at a
glance.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from calendar_svc.ingest.budget import check
from calendar_svc.ingest.dates import infer_reference as infer_reference_date
from calendar_svc.ingest.extract.changes import add_changes
from calendar_svc.ingest.extract.classify import background
from calendar_svc.ingest.extract.dateline_arrival import add_dateline_arrival
from calendar_svc.ingest.extract.delegation import add_delegation, add_inviters, principal_fact
from calendar_svc.ingest.extract.durations import add_durations
from calendar_svc.ingest.extract.engagement_legs import (
    add_engagements,
    drop_engagements_of_other_times,
    engagement_claims,
    undate_engagements_on_the_way_home,
)
from calendar_svc.ingest.extract.fact_box import add_fact_box_legs
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced
from calendar_svc.ingest.extract.gaps import drop_legs_of_other_journeys
from calendar_svc.ingest.extract.history import mark_history
from calendar_svc.ingest.extract.home import Countries, principal_home
from calendar_svc.ingest.extract.itinerary import (
    add_dateline_leg,
    add_itinerary,
    drop_passing_mentions,
    order_in_time,
    retrospective,
)
from calendar_svc.ingest.extract.movements import (
    add_movements,
    drop_later_than,
    drop_moves_inside,
)
from calendar_svc.ingest.extract.plans import add_plans, plans_after_a_report
from calendar_svc.ingest.extract.status import forget_old_postponements, postponed_or_cancelled
from calendar_svc.ingest.extract.summit_cities import apart_by_city, event_ends_to_summit_legs
from calendar_svc.ingest.extract.summit_legs import summit_legs_apart
from calendar_svc.ingest.extract.views import View, read_sentences
from calendar_svc.ingest.extract.visit_types import add_visit_types
from calendar_svc.ingest.extract.windows import (
    add_windows,
    drop_legs_before_trip,
    one_day_visit,
    settle_trip_window,
)
from calendar_svc.ingest.lexicon import LEXICONS, Lexicon
from calendar_svc.ingest.people import extract_people
from calendar_svc.ingest.text import ParsedArticle


def extract(
    article: ParsedArticle, article_id: str, *, reference: date | None = None
) -> ArticleFacts:
    """Read every sentence of the article body once and collect the trip facts.

    Dates without a year are read against the publication date, else the `reference`
    the caller knows (a trip of the same principal), else the first full date written.
    """
    lang = article.language
    lex = LEXICONS[lang]
    body = article.text[article.body_span[0] : article.body_span[1]]
    reference = article.published_on or reference or infer_reference_date(body, lang)
    facts = ArticleFacts(article_id=article_id, language=lang, reference=reference)
    people = extract_people(article, Countries(lang))
    principal = people.principal
    if principal is None or not principal.is_named:
        return facts
    facts.principal = principal_fact(article, article_id, principal)

    views = read_sentences(article, lex, reference)
    facts.home, facts.home_basis = principal_home(principal, views, lang, article.title or "")
    if article.published_on is not None:
        mark_history(views, lex, article.published_on, facts.home)

    # Where the trip goes; every later fact is kept only for these destinations.
    add_itinerary(facts, views, lex)
    add_dateline_leg(facts, views, lex, article.dateline)
    boxed = add_fact_box_legs(facts, views, lex)
    destinations = {s.value for s in facts.itinerary}
    # Per sentence: (an earlier leg, the leg it came before), when told in retrospect.
    retrospect = [retrospective(view, lex, facts.home, destinations) for view in views]

    # What each leg is, and when.
    add_visit_types(facts, views, lex, destinations)
    one_day = one_day_visit(views, lex, facts.home, destinations, article_id)
    add_windows(facts, views, retrospect, lex, destinations, boxed)
    add_durations(facts, views, lex, destinations)

    # What happened: movements, postponements, engagements.
    claims = engagement_claims(views, lex, principal.name, facts.home)
    _movements_and_status(facts, views, lex, destinations)
    add_dateline_arrival(facts, views, lex, article.dateline)
    add_engagements(facts, claims, lex, article_id, facts.home, destinations)
    add_plans(facts, views, lex, destinations, article.published_on or reference)
    if article.published_on is not None:
        # A movement dated after the article was written is a plan, however it is worded
        # ("Theo Nhà Trắng, ông Biden ... sau đó trở về Mỹ ngay trong ngày 21/5"); a day's
        # grace, as the place's calendar may be a day ahead of the publisher's.
        drop_later_than(facts, article.published_on + timedelta(days=1))
    forget_old_postponements(facts)

    order_in_time(facts, views, lex, [pair for pair in retrospect if pair is not None])
    settle_trip_window(facts, destinations, one_day)
    drop_legs_before_trip(facts)
    drop_engagements_of_other_times(facts)
    undate_engagements_on_the_way_home(facts)
    add_inviters(facts, article, people, destinations)
    add_delegation(facts, article, people)
    summit_legs_apart(facts)
    apart_by_city(facts, views)
    drop_moves_inside(facts)
    event_ends_to_summit_legs(facts)
    drop_legs_of_other_journeys(facts)
    drop_passing_mentions(facts)
    return facts


def _no_moves_planned(facts: ArticleFacts, view: View) -> None:
    """Drop the moves a report read in its clauses that plan ("đến U-lan Ba-to tối 29/9 và
    sẽ rời Mông Cổ chiều 2/10"): the leaving had been shown done, its day stated, the visit
    concluded while it went on (`plans` reads those clauses)."""
    cut = plans_after_a_report(view)
    if cut is None:
        return
    index, at = view.sentence.index, view.sentence.span[0] + cut  # (spans are the article's)

    def told(items: list[Sourced[Any]]) -> list[Sourced[Any]]:
        return [
            i for i in items if i.provenance.sentence_index != index or i.provenance.span[0] < at
        ]

    facts.departures = told(facts.departures)
    facts.arrivals = told(facts.arrivals)
    facts.conclusions = told(facts.conclusions)
    facts.returns = told(facts.returns)
    facts.homecomings = told(facts.homecomings)


def _movements_and_status(
    facts: ArticleFacts, views: list[View], lex: Lexicon, destinations: set[str]
) -> None:
    """Sentence by sentence, in text order (a departure heads to the first leg not called
    off so far): plans give postponements and cancellations, but no movements; another
    journey, or the context of this one, gives neither."""
    for view in views:
        check()
        named_here = [c for _, c in view.countries(facts.home) if c in destinations]
        if view.future:
            postponed_or_cancelled(facts, view, lex, facts.article_id, named_here)
            add_changes(facts, view, lex, named_here)
            continue
        if background(view, lex):
            continue  # another journey, or the context of this one: no movement of it
        add_movements(facts, view, lex, facts.article_id, facts.home, destinations)
        _no_moves_planned(facts, view)
        postponed_or_cancelled(facts, view, lex, facts.article_id, named_here)
        add_changes(facts, view, lex, named_here)

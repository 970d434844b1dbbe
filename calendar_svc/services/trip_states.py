"""Every trip's state for ingestion, decoded only when an article needs it.

On a 1M-event log the stored snapshot holds 45k trip states, about 300 MB of JSON; decoding
them all took a new process about 3 s of the 8 s it needed to be ready. An article is only
ever matched against trips of its own traveller (`trip_match.match_trip` and the undated
report's reference both filter on `same_person` first), so a process starts from the
travellers' names alone and decodes a traveller's trips the first time an article about
them arrives (`of_person`), or any single trip a catch-up applies an event to.

The mapping keeps the order a full fold meets the trips in (the snapshot's rank, then new
trips as they appear), because ties in matching go to the first trip met.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping

from calendar_svc.domain.trip import TripState
from calendar_svc.reference.identity import same_person

#: Decodes the named trips' states (as of the index's position); every id given is known.
Loader = Callable[[list[str]], dict[str, TripState]]


class TripStates(MutableMapping[str, TripState]):
    """trip id -> TripState, with states not yet decoded fetched by `load` on first use."""

    def __init__(self, principals: dict[str, str | None], load: Loader) -> None:
        #: Every trip, in the index's order -> its traveller's name (None: not yet known).
        self._principals = dict(principals)
        self._states: dict[str, TripState] = {}
        self._load = load

    # -- the mapping ------------------------------------------------------------------

    def __getitem__(self, trip_id: str) -> TripState:
        state = self._states.get(trip_id)
        if state is None:
            if trip_id not in self._principals:
                raise KeyError(trip_id)
            self._materialise([trip_id])
            state = self._states[trip_id]
        return state

    def __setitem__(self, trip_id: str, state: TripState) -> None:
        self._states[trip_id] = state
        self._principals[trip_id] = state.principal.name if state.principal else None

    def __delitem__(self, trip_id: str) -> None:
        del self._principals[trip_id]
        self._states.pop(trip_id, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._principals)

    def __len__(self) -> int:
        return len(self._principals)

    def __contains__(self, trip_id: object) -> bool:
        return trip_id in self._principals

    # -- what ingestion asks ----------------------------------------------------------

    def of_person(self, name: str) -> dict[str, TripState]:
        """The trips whose traveller is `name` (by `same_person`), in the index's order."""
        # Each distinct name is compared once: a traveller has hundreds of trips.
        same = {who: same_person(who, name) for who in set(self._principals.values()) if who}
        ids = [t for t, who in self._principals.items() if who and same[who]]
        self._materialise(ids)
        return {t: self._states[t] for t in ids}

    def principal_names(self) -> set[str]:
        return {who for who in self._principals.values() if who}

    def decoded(self) -> int:
        """How many states are in memory (the rest are still only stored)."""
        return len(self._states)

    def everything(self) -> dict[str, TripState]:
        """Every state, decoded (a full walk: the snapshot writer after a fold change)."""
        self._materialise(list(self._principals))
        return {t: self._states[t] for t in self._principals}

    def _materialise(self, trip_ids: Iterable[str]) -> None:
        missing = [t for t in trip_ids if t not in self._states]
        if missing:
            self._states.update(self._load(missing))


def trips_of(trips: MutableMapping[str, TripState], name: str) -> dict[str, TripState]:
    """The trips of traveller `name` from any mapping of states, decoding only those."""
    if isinstance(trips, TripStates):
        return trips.of_person(name)
    return {
        trip_id: state
        for trip_id, state in trips.items()
        if state.principal is not None and same_person(state.principal.name, name)
    }

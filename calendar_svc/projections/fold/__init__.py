"""Fold the log into the schedule: trips, their legs in order, engagements, delegation,
disputes and sources, with what is stated and what is inferred. Pure and deterministic:
the same events give the same schedule, byte for byte, whenever they are folded.

The rules that decide what is shown (a leg's dates and their certainty, statuses, an
engagement's day, the trip's window) are pure functions in `calendar_svc.domain.rules`,
whose docstring lists them; the fold gathers each trip's evidence and calls them. What
it shows are the views of `calendar_svc.domain.views`.

Revisions: every leg, engagement and trip carries a revision that rises exactly when what
is shown for it changes, with the position and recorded time of the event that changed
it (`stamping`).

How the fold keeps this in bounded memory and time (nothing of it shows in the views):
- Each trip's facts are compact msgspec structs (`state`); article ids, people and places
  are numbers into tables the fold holds once (`tables`, `articles`). Trips not touched
  lately (beyond `hot_trips`) are kept as one msgpack blob each and decoded when an event
  or a reader needs them (`hot`): events of one trip cluster in time, so memory grows by
  ~2 KB a trip, not ~20 KB.
- An item's revision rises when its view differs from the one it was last stamped with.
  Those views are not kept: a trip's facts do not change between renders, so they are
  rendered again from them (`views_build`) when a comparison is due (with the source
  texts that render used). Signatures are only computed for snapshots, which keep their
  format (`snapshot`): stored snapshots restore, and compare by signature until their
  trip is rendered again.
- A trip first seen in a batch has nothing to compare with: a lean fold (no views kept,
  no `changes` tracked) stamps its items at revision 0 without rendering it.
- Item ids are a trip's own (ingestion prefixes every leg and engagement id with the
  trip's id); two items of one trip sharing an id share a stamp, as before.

Each event type has its handler (`gather`), found by the event's type (`engine`).
"""

from calendar_svc.projections.fold.engine import HOT_TRIPS, ScheduleFold

__all__ = ["HOT_TRIPS", "ScheduleFold"]

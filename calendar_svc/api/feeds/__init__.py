"""The schedule as an iCalendar feed (RFC 5545, with RFC 7986 calendar properties).

Pure: a `Schedule` and a `FeedSpec` in, bytes out. The same schedule always renders the
same bytes: nothing here reads the clock, and every stamp is the recorded time of the
event that last changed the item. Laid out as icalendar lays itself out, and as
tests/api/ics/ is:

- `contentlines`: TEXT escaping, folding, DATE, DATE-TIME and UID values;
- `timezones`: the VTIMEZONE of each zone used, and how a DTSTART names its zone;
- `wording`: every word of a feed, in English and in Vietnamese;
- `listing`: which of a trip's items are events, and which a leg's DESCRIPTION lists;
- `events`: the VEVENTs of a trip, written;
- `cache`: each trip's VEVENTs kept written (`EventCache`);
- `spec` and `calendar`: what a feed shows, and the VCALENDAR assembled from the above;
- `serving`: feeds over HTTP (rendered once per log position and filter, ETags, 304s),
  the one module here that knows about requests.

How it is written, and why so: a feed of the whole schedule holds tens of thousands of
VEVENTs, and building an icalendar `Event` per item then serialising it costs about a
millisecond each (property objects, parameter dictionaries, a fold loop per character).
So icalendar builds what is small and done once: the calendar's own properties (one
header per feed description) and each VTIMEZONE (once per zone and span of years); it
also says, once per zone, how a DTSTART in that zone is written (``;TZID=…``, or UTC's
``Z``). The VEVENTs are written here as content lines, with the same TEXT escaping
(RFC 5545 3.3.11) and the same folding as icalendar 7: at most 74 octets of the line
per physical line, each continuation after CRLF and one space, never inside a UTF-8
sequence and never straight after a backslash (so ``\\n`` or ``\\,`` stays whole). The
output is byte for byte what icalendar writes for the same events; the tests check that
against a renderer built on icalendar objects, and read every feed back with icalendar,
vobject, ical and ical.js.
"""

from __future__ import annotations

from calendar_svc.api.feeds.cache import EVENT_CACHE_BYTES, EventCache
from calendar_svc.api.feeds.calendar import PRODID, feed_last_modified, render_calendar
from calendar_svc.api.feeds.contentlines import item_uid
from calendar_svc.api.feeds.events import DEFAULT_ENGAGEMENT_LENGTH
from calendar_svc.api.feeds.spec import ENGAGEMENT_MODES, LANGUAGES, FeedSpec
from calendar_svc.api.feeds.timezones import vtimezone
from calendar_svc.api.feeds.wording import wording

__all__ = [
    "DEFAULT_ENGAGEMENT_LENGTH",
    "ENGAGEMENT_MODES",
    "EVENT_CACHE_BYTES",
    "LANGUAGES",
    "PRODID",
    "EventCache",
    "FeedSpec",
    "feed_last_modified",
    "item_uid",
    "render_calendar",
    "vtimezone",
    "wording",
]

// Parse an iCalendar file with ical.js (Mozilla's parser, the one Thunderbird uses) and
// print what a client would see as JSON, for tests/api/ics/test_parsers.py.
//
//   node tests/js/parse_ics.mjs FILE.ics     (or the ICS on stdin)
//
// Exits non-zero on any parse error. Every VTIMEZONE in the file is registered first,
// so TZID references resolve to the feed's own definitions, as in a client.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const path = process.argv[2];
const text = readFileSync(path && path !== "-" ? path : 0, "utf8");

const root = new ICAL.Component(ICAL.parse(text));
if (root.name !== "vcalendar") {
  throw new Error(`expected a VCALENDAR, found ${root.name}`);
}

const timezones = root.getAllSubcomponents("vtimezone");
for (const vtimezone of timezones) {
  ICAL.TimezoneService.register(vtimezone);
}

function time(value) {
  if (value === null || value === undefined) return null;
  return {
    value: value.toString(), // "2025-05-05" for a DATE, "2025-05-09T10:00:00" otherwise
    isDate: value.isDate,
    tzid: value.isDate ? null : value.zone ? value.zone.tzid : null,
    utc: value.isDate ? null : value.toJSDate().toISOString(),
  };
}

function text_of(component, name) {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

const events = root.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const categories = vevent
    .getAllProperties("categories")
    .flatMap((property) => property.getValues().map(String));
  const geo = vevent.getFirstPropertyValue("geo");
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: text_of(vevent, "status"),
    summary: event.summary,
    location: event.location,
    description: event.description,
    categories,
    url: text_of(vevent, "url"),
    geo: geo ? geo.map(Number) : null,
    transp: text_of(vevent, "transp"),
    dtstamp: time(vevent.getFirstPropertyValue("dtstamp")),
    lastModified: time(vevent.getFirstPropertyValue("last-modified")),
    start: time(event.startDate),
    end: time(event.endDate),
    durationSeconds: event.duration.toSeconds(),
  };
});

const refresh = root.getFirstProperty("refresh-interval");
process.stdout.write(
  JSON.stringify(
    {
      prodid: text_of(root, "prodid"),
      version: text_of(root, "version"),
      calscale: text_of(root, "calscale"),
      method: text_of(root, "method"),
      name: text_of(root, "name"),
      calname: text_of(root, "x-wr-calname"),
      caldesc: text_of(root, "x-wr-caldesc"),
      refreshInterval: refresh ? refresh.getFirstValue().toString() : null,
      refreshIntervalType: refresh ? refresh.type : null,
      publishedTtl: text_of(root, "x-published-ttl"),
      timezones: timezones.map((tz) => tz.getFirstPropertyValue("tzid")),
      events,
    },
    null,
    2,
  ) + "\n",
);

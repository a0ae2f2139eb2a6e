// Reads a calendar feed back with a real iCalendar parser (ical.js, Mozilla's, as Thunderbird uses),
// never with our own string matching: the events as plain values, and a recurring event's instants.
import ICAL from "ical.js";

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  /** All-day: the date; timed: null. */
  date: string | null;
  /** Timed: the TZID it was written in ("" for UTC or floating). */
  tzid: string | null;
  rrule: string | null;
  alarms: { action: string; trigger: string }[];
  /** The first `count` starts, as UTC instants (ISO), the zone's offsets applied by ical.js. */
  startsUtc: (count: number) => string[];
}

export interface ParsedFeed {
  calendar: { prodid: string; name: string | null; refreshInterval: string | null };
  timezones: string[];
  events: ParsedEvent[];
}

export function parseFeed(text: string): ParsedFeed {
  const root = ICAL.Component.fromString(text);
  if (root.name !== "vcalendar") throw new Error(`not a VCALENDAR: ${root.name}`);
  const timezones = root.getAllSubcomponents("vtimezone").map((tz) => {
    const zone = new ICAL.Timezone(tz);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const events = root.getAllSubcomponents("vevent").map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    const dtstart = component.getFirstProperty("dtstart");
    const rrule = component.getFirstPropertyValue("rrule");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: (component.getFirstPropertyValue("url") as string | null) ?? null,
      date: start.isDate ? start.toString() : null,
      tzid: start.isDate ? null : ((dtstart?.getParameter("tzid") as string | undefined) ?? ""),
      rrule: rrule ? rrule.toString() : null,
      alarms: component.getAllSubcomponents("valarm").map((alarm) => ({
        action: String(alarm.getFirstPropertyValue("action")),
        trigger: String(alarm.getFirstPropertyValue("trigger")),
      })),
      startsUtc: (count) => {
        const iterator = event.iterator();
        const starts: string[] = [];
        // ical.js's types say next() always gives a time; past an event's last occurrence it gives null.
        const step = () => iterator.next() as ReturnType<typeof iterator.next> | null;
        for (let next = step(); next && starts.length < count; next = step()) starts.push(next.toJSDate().toISOString());
        return starts;
      },
    };
  });
  const refresh = root.getFirstProperty("refresh-interval");
  return {
    calendar: {
      prodid: String(root.getFirstPropertyValue("prodid")),
      name: (root.getFirstPropertyValue("x-wr-calname") as string | null) ?? null,
      refreshInterval: refresh ? String(refresh.getFirstValue()) : null,
    },
    timezones,
    events,
  };
}

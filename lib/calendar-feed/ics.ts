// The private calendar feed as iCalendar text (RFC 5545). Pure: the dates come in already decided
// by the pacing model (getPacing's plannedMilestones and targetDate, the ones the dashboard shows).
//
// Written with ical-generator rather than `ics`: `ics` writes times only in UTC or floating, never
// with a TZID, so a weekly reminder written in UTC would move by an hour across every clock change.
// ical-generator writes DTSTART;TZID=<zone> and, with @touch4it/ical-timezones, the zone's
// VTIMEZONE; the RRULE then recurs at the same local hour all year. (ical-generator 10.2: 11 needs
// Node 22.)
import { createHash } from "node:crypto";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalEventTransparency, ICalWeekday } from "ical-generator";
import { dayOfIso, isoOfDay } from "../calendar/days";
import { zonedWallClock } from "../calendar/zones";

/**
 * How often a calendar app is asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL),
 * and how long it may keep a copy (Cache-Control max-age): planned dates move with ticks and
 * replans, a few times a week, not by the minute.
 */
export const FEED_TTL_SECONDS = 3600;

/** How long the weekly check-in event lasts: the check-in takes half a minute, the slot a quarter hour. */
const REMINDER_MINUTES = 15;

export interface FeedRoadmap {
  /** Stable and opaque (an enrolment id): makes the events' UIDs, which are hashed, never shown. */
  key: string;
  title: string;
  paused: boolean;
  /** "YYYY-MM-DD", local dates from the pacing model. */
  targetDate: string;
  milestones: readonly { id: string; title: string; phaseTitle: string; dueDate: string }[];
}

export interface FeedInput {
  /** The app's public URL (links in the events point here; UIDs use its host). */
  appUrl: string;
  /**
   * The weekly check-in: ISO weekday 1–7 and hour 0–23 in `timeZone`, first on `from` or the next
   * such weekday; `key` (the user's id) makes its UID. Null: none.
   */
  reminder: { weekday: number; hour: number; timeZone: string; from: string; key: string } | null;
  roadmaps: readonly FeedRoadmap[];
  now: Date;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; day 0, 1970-01-01, was a Thursday. */
const isoWeekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The first date on or after `iso` that falls on ISO weekday `weekday`. */
export function firstWeekdayOnOrAfter(iso: string, weekday: number): string {
  const day = dayOfIso(iso);
  return isoOfDay(day + ((weekday - isoWeekdayOf(day) + 7) % 7));
}

const ICAL_WEEKDAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
] as const;

/** An all-day date: midnight UTC, which ical-generator writes as VALUE=DATE without moving it to any zone. */
const allDay = (iso: string) => zonedWallClock(iso, 0, 0, "UTC");

export function renderCalendarFeed(input: FeedInput): string {
  const host = new URL(input.appUrl).host;
  // UIDs must stay the same from one fetch to the next (so calendar apps update events rather than
  // duplicate them) and say nothing: a hash of what the event is about.
  const uid = (...parts: string[]) => `${createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32)}@${host}`;
  const dashboard = new URL("/dashboard", input.appUrl).toString();
  const calendar = ical({
    name: "Waypoint plan",
    description: "Planned milestone dates, target dates and a weekly check-in, from Waypoint.",
    prodId: { company: "Waypoint", product: "calendar-feed", language: "EN" },
    ttl: FEED_TTL_SECONDS,
    // name null: the calendar itself has no zone, so DTSTAMP stays UTC ("…Z") and all-day dates are
    // written as given; the generator adds a VTIMEZONE for each zone an event names (the reminder's).
    timezone: { name: null, generator: getVtimezoneComponent },
  });

  for (const roadmap of input.roadmaps) {
    const pausedNote = roadmap.paused ? " Paused: the dates assume you resume today." : "";
    for (const m of roadmap.milestones) {
      calendar.createEvent({
        id: uid("milestone", roadmap.key, m.id),
        start: allDay(m.dueDate),
        allDay: true,
        stamp: input.now,
        summary: `Planned: ${m.title}`,
        description: `${roadmap.title}, ${m.phaseTitle}: planned done by this day.${pausedNote}`,
        url: dashboard,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
    calendar.createEvent({
      id: uid("target", roadmap.key),
      start: allDay(roadmap.targetDate),
      allDay: true,
      stamp: input.now,
      summary: `Target: finish ${roadmap.title}`,
      description: `The target date of your plan for ${roadmap.title}.${pausedNote}`,
      url: dashboard,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }

  const { reminder } = input;
  if (reminder) {
    const byDay = ICAL_WEEKDAYS[reminder.weekday - 1];
    if (!byDay) throw new RangeError(`Not an ISO weekday: ${reminder.weekday}`);
    const first = firstWeekdayOnOrAfter(reminder.from, reminder.weekday);
    const event = calendar.createEvent({
      id: uid("weekly-check-in", reminder.key),
      start: zonedWallClock(first, reminder.hour, 0, reminder.timeZone),
      end: zonedWallClock(first, reminder.hour, REMINDER_MINUTES, reminder.timeZone),
      timezone: reminder.timeZone,
      stamp: input.now,
      summary: "Waypoint check-in",
      description: `Log this week's hours, how confident you feel and what got done: ${new URL("/checkin", input.appUrl).toString()}`,
      url: new URL("/checkin", input.appUrl).toString(),
      repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [byDay] },
      transparency: ICalEventTransparency.TRANSPARENT,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: "Time for your weekly Waypoint check-in" });
  }
  return calendar.toString();
}

// Finding a zone by what a person types ("new york", "tokyo", "US/Pacific"): pure, used by the
// browser's picker. Only accepted zones come out, so whatever is chosen is storable as it is.
import { ACCEPTED_TIME_ZONES, TIME_ZONE_ALIASES } from "./data";
import type { TimeZoneName } from "./index";

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[_/\s-]+/g, " ")
    .trim();

const searchable = ACCEPTED_TIME_ZONES.map((zone) => ({ zone, text: normalise(zone), city: normalise(zone.split("/").at(-1) ?? zone) }));
const aliases = Object.entries(TIME_ZONE_ALIASES).map(([alias, zone]) => ({ text: normalise(alias), zone }));

/**
 * Accepted zones matching every word of `query`, best first: the city starts with the query, then a
 * word of the name does, then any match; a legacy or alias name ("US/Pacific") finds its zone. An
 * empty query gives every zone, alphabetically.
 */
export function searchTimeZones(query: string): TimeZoneName[] {
  const q = normalise(query);
  if (!q) return [...ACCEPTED_TIME_ZONES];
  const words = q.split(" ");
  const rank = new Map<TimeZoneName, number>();
  for (const { zone, text, city } of searchable) {
    if (!words.every((w) => text.includes(w))) continue;
    const score = city.startsWith(q) ? 0 : text.split(" ").some((part) => part.startsWith(words[0]!)) ? 1 : 2;
    rank.set(zone, score);
  }
  for (const { text, zone } of aliases) {
    if (words.every((w) => text.includes(w)) && !rank.has(zone)) rank.set(zone, 3);
  }
  return [...rank.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([zone]) => zone);
}

/** "UTC+05:30", "UTC−08:00" or "UTC" for the zone at `at`; from Intl, never from hand-kept offsets. */
export function utcOffsetLabel(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  // ICU writes "GMT" or "GMT+00:00" for a zero offset depending on its version.
  const offset = (part?.value ?? "GMT").replace(/^GMT/, "").replace(/^[+-]00:00$/, "");
  return offset ? `UTC${offset.replace("-", "−")}` : "UTC";
}

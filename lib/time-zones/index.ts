// The one time-zone rule: a zone is stored only as one of ACCEPTED_TIME_ZONES (lib/time-zones/data.ts,
// generated from the tz database, PostgreSQL and Intl), because both Intl and PostgreSQL's
// `at time zone` convert with it and they disagree on legacy IDs (STACK.md trap 10). Pure, no I/O:
// the browser's forms use it too.
import { ACCEPTED_TIME_ZONES, TIME_ZONE_ALIASES } from "./data";

export type TimeZoneName = (typeof ACCEPTED_TIME_ZONES)[number];
export { ACCEPTED_TIME_ZONES };

/** Where a stored zone is unusable and nothing better is known (the schema's default too). */
export const FALLBACK_TIME_ZONE: TimeZoneName = "Europe/London";

const accepted = new Set<string>(ACCEPTED_TIME_ZONES);
// Both PostgreSQL and Intl match zone names case-insensitively, so a hand-typed "europe/london" is
// the same zone; it is stored in the canonical spelling.
const byLowerCase = new Map<string, TimeZoneName>([
  ...ACCEPTED_TIME_ZONES.map((zone) => [zone.toLowerCase(), zone] as const),
  ...Object.entries(TIME_ZONE_ALIASES).map(([alias, zone]) => [alias.toLowerCase(), zone] as const),
]);

export function isAcceptedTimeZone(zone: string): zone is TimeZoneName {
  return accepted.has(zone);
}

/** The accepted zone `input` names (itself, a tz link, an older or legacy ID), or null when there is none. */
export function canonicalTimeZone(input: string): TimeZoneName | null {
  const trimmed = input.trim();
  if (isAcceptedTimeZone(trimmed)) return trimmed;
  return byLowerCase.get(trimmed.toLowerCase()) ?? null;
}

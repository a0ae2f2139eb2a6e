// The skills the rules name by slug, apart from ./rules.ts (which re-exports them) so that client
// code needing only a slug — the dashboard's milestone rows — doesn't bring the zone calendar
// (@date-fns/tz) that the completion rule uses. Pure.

/** The skill whose completion date stands in for the feature's launch date when there is no record. */
export const FEATURE_LAUNCH_SKILL = "ship-feature-at-work";

/** The "maintained 3+ months after launch" skill, which the shipped-feature record completes by itself. */
export const MAINTAIN_FEATURE_SKILL = "maintain-feature-3-months";

// How long a resource takes, as its row says it: apart from lib/roadmaps/resources.ts so the pages
// that show resources don't ship its catalogue and zod to the browser.

/** "≈ 20 h", "≈ 1 h 30", "≈ 15 min". */
export function resourceTimeLabel(minutes: number): string {
  if (minutes < 60) return `≈ ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `≈ ${hours} h` : `≈ ${hours} h ${rest}`;
}

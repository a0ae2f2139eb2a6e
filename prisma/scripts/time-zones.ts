// npm run tz:generate — writes lib/time-zones/data.ts: the time zones Waypoint accepts and the other
// names it canonicalises to them, from this machine's tz database, its PostgreSQL and Node's Intl.
//
// Why a committed list and not a runtime check: a zone is converted both by Intl (pacing, weeks, the
// pages) and by PostgreSQL (`at time zone` in the weekly email's due query), and the two disagree on
// legacy IDs (STACK.md trap 10: ICU takes AET, PostgreSQL refuses it; IST is +05:30 in ICU and Israel
// in PostgreSQL). Only names both know and read the same way may be stored.
//
// Accepted: the tz database's zone.tab (one zone per country region, the list tzselect offers) and UTC,
// each known to PostgreSQL (pg_timezone_names) and to Intl with the same local time at every sample
// instant. Aliases: any other name PostgreSQL or Intl knows (tz links, CLDR's older spellings such as
// Asia/Calcutta, ICU's legacy IDs such as AET) whose every reading matches one accepted zone; a name the
// two read differently (IST, BST, CST…) is left out, so it is refused. Review the diff before committing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDevDatabaseUrl } from "./dev-database";

const ZONEINFO = process.env.ZONEINFO_DIR ?? "/usr/share/zoneinfo";
const OUT = path.join(import.meta.dirname, "..", "..", "lib", "time-zones", "data.ts");

// ICU's legacy three-letter IDs (from Java) and names the tz database has since dropped; Intl still
// takes them, so a browser or a hand-typed setting may send them.
const ICU_LEGACY = [
  "ACT",
  "AET",
  "AGT",
  "ART",
  "AST",
  "BET",
  "BST",
  "CAT",
  "CNT",
  "CST",
  "CTT",
  "EAT",
  "ECT",
  "EST",
  "HST",
  "IET",
  "IST",
  "JST",
  "MIT",
  "MST",
  "NET",
  "NST",
  "PLT",
  "PNT",
  "PRT",
  "PST",
  "SST",
  "VST",
  "US/Pacific-New",
  "Canada/East-Saskatchewan",
];

// Jan and Jul of several years: DST rules and historical offset changes both show.
const SAMPLES = [2000, 2010, 2016, 2020, 2024, 2026].flatMap((y) => [`${y}-01-15T12:00:00Z`, `${y}-07-15T12:00:00Z`]);

function intlZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function intlLocal(name: string, iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: name,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

const zoneTab = readFileSync(path.join(ZONEINFO, "zone.tab"), "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => line.split("\t")[2]!)
  .filter(Boolean);
// tzdata.zi: "L <target> <link>" lines are the tz database's own aliases.
const links = new Map<string, string>();
for (const line of readFileSync(path.join(ZONEINFO, "tzdata.zi"), "utf8").split("\n")) {
  const [kind, target, name] = line.split(" ");
  if (kind === "L" && target && name) links.set(name, target);
}
const linkTarget = (name: string): string => {
  let current = name;
  for (let i = 0; i < 5 && links.has(current); i++) current = links.get(current)!;
  return current;
};

const { url, stop } = await resolveDevDatabaseUrl();
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const pgNames = new Set((await client.query<{ name: string }>("select name from pg_timezone_names")).rows.map((r) => r.name));
  const pgAbbrevs = new Set((await client.query<{ abbrev: string }>("select abbrev from pg_timezone_abbrevs")).rows.map((r) => r.abbrev));
  const pgKnows = (name: string) => pgNames.has(name) || pgAbbrevs.has(name) || pgAbbrevs.has(name.toUpperCase());

  const candidates = [...new Set([...pgNames, ...links.keys(), ...Intl.supportedValuesOf("timeZone"), ...ICU_LEGACY, ...zoneTab, "UTC"])]
    .filter((n) => !n.startsWith("posix/") && !n.startsWith("right/") && n !== "posixrules" && n !== "localtime" && n !== "Factory")
    .sort();

  // PostgreSQL's local time for every name it knows, at every sample.
  const pgLocal = new Map<string, string[]>();
  const known = candidates.filter(pgKnows);
  const { rows } = await client.query<{ name: string; i: number; local: string }>(
    `select n.name, s.i, to_char(s.t at time zone n.name, 'YYYY-MM-DD HH24:MI') as local
     from unnest($1::text[]) as n(name) cross join unnest($2::timestamptz[]) with ordinality as s(t, i)`,
    [known, SAMPLES],
  );
  for (const row of rows) {
    const list = pgLocal.get(row.name) ?? [];
    list[row.i - 1] = row.local;
    pgLocal.set(row.name, list);
  }
  const intlLocals = (name: string) => (intlZone(name) ? SAMPLES.map((s) => intlLocal(name, s)) : null);
  const same = (a: string[] | null | undefined, b: string[] | null | undefined) =>
    !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);

  const accepted = [...new Set([...zoneTab, "UTC"])]
    .filter((name) => pgNames.has(name) && same(pgLocal.get(name), intlLocals(name)))
    .sort();
  const acceptedSet = new Set(accepted);
  const refusedCanonical = [...new Set([...zoneTab, "UTC"])].filter((n) => !acceptedSet.has(n));

  const aliases: [string, string][] = [];
  const ambiguous: string[] = [];
  for (const name of candidates) {
    if (acceptedSet.has(name)) continue;
    // The accepted zone this name stands for: the tz database's link, else ICU's reading of it.
    const viaLink = linkTarget(name) === "Etc/UTC" ? "UTC" : linkTarget(name);
    const viaIcu = intlZone(name);
    const target = [viaLink, viaIcu, viaIcu ? linkTarget(viaIcu) : null, viaIcu && linkTarget(viaIcu) === "Etc/UTC" ? "UTC" : null].find(
      (t): t is string => !!t && acceptedSet.has(t),
    );
    if (!target) continue;
    const targetLocal = pgLocal.get(target);
    // Every system that reads the name must read it as the target: otherwise it is ambiguous.
    const pgOk = !pgKnows(name) || same(pgLocal.get(name), targetLocal);
    const icuOk = !viaIcu || same(intlLocals(name), targetLocal);
    if (pgOk && icuOk) aliases.push([name, target]);
    else ambiguous.push(name);
  }

  const { rows: versionRows } = await client.query<{ server_version: string }>("show server_version");
  const tzVersion = /# version (\S+)/.exec(readFileSync(path.join(ZONEINFO, "tzdata.zi"), "utf8"))?.[1] ?? "unknown";
  const source = `// Generated by \`npm run tz:generate\` (prisma/scripts/time-zones.ts): do not edit by hand.
// tz database ${tzVersion}, PostgreSQL ${versionRows[0]?.server_version ?? "?"}, Node ${process.versions.node} (ICU ${process.versions.icu}).
// Left out as read differently by PostgreSQL and Intl (refused): ${ambiguous.join(" ") || "none"}.
// zone.tab names left out (unknown to one of them, or read differently): ${refusedCanonical.join(" ") || "none"}.

/** The IANA zone names Waypoint stores: known to PostgreSQL and Intl alike, and read the same by both. */
export const ACCEPTED_TIME_ZONES = ${JSON.stringify(accepted, null, 2)
    .replace(/\n\s*/g, "\n  ")
    .replace(/\n {2}\]$/, "\n]")} as const;

/** Other names for an accepted zone (tz links, CLDR and ICU legacy IDs) → that zone. */
export const TIME_ZONE_ALIASES: Readonly<Record<string, (typeof ACCEPTED_TIME_ZONES)[number]>> = {
${aliases.map(([a, t]) => `  ${JSON.stringify(a)}: ${JSON.stringify(t)},`).join("\n")}
};
`;
  writeFileSync(OUT, source);
  console.log(
    `accepted ${accepted.length}, aliases ${aliases.length}, ambiguous ${ambiguous.length} (${ambiguous.join(" ")}); wrote ${path.relative(process.cwd(), OUT)}`,
  );
} finally {
  await client.end();
  await stop();
}

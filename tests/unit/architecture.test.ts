// Static checks of the house architecture: who may import what, no `any`, env read in one place.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE = /\.tsx?$/;

/** Repo-relative, forward-slashed paths of the .ts/.tsx files under `dir`. */
function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .filter((entry) => SOURCE.test(entry) && !entry.endsWith(".d.ts"))
    .map((entry) => path.posix.join(dir, entry.split(path.sep).join("/")))
    .sort();
}

const read = (file: string): string => readFileSync(path.join(ROOT, file), "utf8");

/** Source without comments, so prose like "such as any…" is not mistaken for code. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

interface ImportRef {
  specifier: string;
  /** Erased at compile time: `import type`, `export type`, or only `type` named specifiers. */
  typeOnly: boolean;
}

function importsOf(source: string): ImportRef[] {
  const code = withoutComments(source);
  const refs: ImportRef[] = [];
  const fromClause = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/g;
  for (const match of code.matchAll(fromClause)) {
    const [, , typeKeyword, clause = "", specifier = ""] = match;
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const namedAllTypes =
      named !== null &&
      named[1]!
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part.length > 0)
        .every((part) => part.startsWith("type "));
    refs.push({ specifier, typeOnly: typeKeyword !== undefined || namedAllTypes });
  }
  for (const match of code.matchAll(/(?:^|[;\n])\s*import\s*["']([^"']+)["']/g)) {
    refs.push({ specifier: match[1]!, typeOnly: false });
  }
  for (const match of code.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g)) {
    refs.push({ specifier: match[1]!, typeOnly: false });
  }
  return refs;
}

/** The repo file a specifier points at, or null for a package. */
function resolveInRepo(fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const absolute = path.join(ROOT, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate;
  }
  return base;
}

const isDbModule = (file: string | null): boolean => file === "lib/db.ts" || file === "lib/db" || file === "lib/db/index.ts";

/** Every repo file reachable from `entry` through imports that survive compilation, entry included. */
function valueImportClosure(entry: string): Map<string, ImportRef[]> {
  const seen = new Map<string, ImportRef[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !SOURCE.test(file) || !existsSync(path.join(ROOT, file))) continue;
    const refs = importsOf(read(file)).filter((ref) => !ref.typeOnly);
    seen.set(file, refs);
    for (const ref of refs) {
      const target = resolveInRepo(file, ref.specifier);
      if (target !== null) queue.push(target);
    }
  }
  return seen;
}

// `: any` not followed by a word, so JSX prose such as "Note: any time" is not flagged.
const ANY = /:\s*any\b(?!\s*[.\w])|\bas\s+any\b|<any>/;
const ENV_READ = /\bprocess\s*(?:\.\s*env\b|\[\s*["'`]env["'`]\s*\])/;

const appFiles = sourceFiles("app");
const componentFiles = sourceFiles("components");
const libFiles = sourceFiles("lib").filter((file) => !file.startsWith("lib/generated/"));

describe("the scan itself", () => {
  it("finds the source files it is meant to check", () => {
    expect(appFiles).toContain("app/layout.tsx");
    expect(componentFiles).toContain("components/providers.tsx");
    expect(libFiles).toContain("lib/db.ts");
    expect(libFiles.some((file) => file.startsWith("lib/generated/"))).toBe(false);
  });

  it("tells value imports from type-only imports", () => {
    expect(
      importsOf(
        [
          'import { db } from "@/lib/db";',
          'import type { Db } from "../lib/db";',
          'import { type A, type B } from "./x";',
          'import { type A, b } from "./y";',
          'export { c } from "./z";',
          'import "./side-effect";',
          'const lazy = await import("pg");',
          '// import { nope } from "./commented-out";',
        ].join("\n"),
      ),
    ).toEqual([
      { specifier: "@/lib/db", typeOnly: false },
      { specifier: "../lib/db", typeOnly: true },
      { specifier: "./x", typeOnly: true },
      { specifier: "./y", typeOnly: false },
      { specifier: "./z", typeOnly: false },
      { specifier: "./side-effect", typeOnly: false },
      { specifier: "pg", typeOnly: false },
    ]);
  });

  it("follows value imports through the repo and finds lib/db behind them", () => {
    expect([...valueImportClosure("app/api/health/route.ts").keys()]).toContain("lib/db.ts");
    expect([...valueImportClosure("components/dashboard/DashboardView.tsx").keys()]).toContain("lib/progress/summary.ts");
  });

  it("recognises the patterns it forbids", () => {
    for (const bad of ["function f(x: any) {}", "const y = x as any;", "useState<any>(null)", "let z: any[] = [];"]) {
      expect(ANY.test(bad), bad).toBe(true);
    }
    for (const fine of ["const company = 1;", "<p>Note: any time works.</p>", "const anyway: unknown = 1;"]) {
      expect(ANY.test(fine), fine).toBe(false);
    }
    expect(ENV_READ.test("const url = process.env.DATABASE_URL;")).toBe(true);
    expect(ENV_READ.test('const url = process["env"].DATABASE_URL;')).toBe(true);
    expect(ENV_READ.test("import { env } from '@/lib/env';")).toBe(false);
  });
});

describe("components/", () => {
  it("never imports lib/db except for types", () => {
    const offenders = componentFiles.flatMap((file) =>
      importsOf(read(file))
        .filter((ref) => !ref.typeOnly && isDbModule(resolveInRepo(file, ref.specifier)))
        .map((ref) => `${file} imports ${ref.specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it("does not reach lib/db through another module either", () => {
    const offenders = componentFiles.flatMap((file) =>
      [...valueImportClosure(file).keys()].filter(isDbModule).map((db) => `${file} → … → ${db}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe("data-access modules", () => {
  it('mark themselves server-only: every module importing lib/db at runtime imports "server-only"', () => {
    const dataAccess = [...appFiles, ...componentFiles, ...libFiles].filter(
      (file) =>
        !file.startsWith("lib/cli/") &&
        file.startsWith("lib/") &&
        importsOf(read(file)).some((ref) => !ref.typeOnly && isDbModule(resolveInRepo(file, ref.specifier))),
    );
    expect(dataAccess).toContain("lib/progress/index.ts");
    const unmarked = [...dataAccess, "lib/db.ts"].filter((file) => !importsOf(read(file)).some((ref) => ref.specifier === "server-only"));
    expect(unmarked).toEqual([]);
  });
});

describe("no any", () => {
  it("appears in app/, components/ or lib/ (outside lib/generated)", () => {
    const offenders = [...appFiles, ...componentFiles, ...libFiles].flatMap((file) =>
      withoutComments(read(file))
        .split("\n")
        .flatMap((line, index) => (ANY.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});

describe("pure modules", () => {
  const pureModules = [
    ...sourceFiles("lib/pacing"),
    "lib/progress/summary.ts",
    ...sourceFiles("lib/calendar"),
    "lib/checkins/streak.ts",
    "lib/checkins/streak-rules.ts",
    "lib/assessment/rules.ts",
    ...sourceFiles("lib/context"),
    ...sourceFiles("lib/validation"),
  ];

  const forbidden = (file: string, specifier: string): boolean => {
    if (isDbModule(resolveInRepo(file, specifier))) return true;
    return (
      specifier === "pg" ||
      specifier.startsWith("pg/") ||
      /^(node:)?fs(\/|$)/.test(specifier) ||
      specifier === "next" ||
      specifier.startsWith("next/")
    );
  };

  it("exist where expected", () => {
    for (const file of pureModules) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    expect(pureModules).toContain("lib/validation/common.ts");
    expect(pureModules).toContain("lib/pacing/index.ts");
  });

  it("import no database, file system or Next.js module, directly or through another module", () => {
    const offenders = pureModules.flatMap((entry) =>
      [...valueImportClosure(entry)].flatMap(([file, refs]) =>
        refs
          .filter((ref) => forbidden(file, ref.specifier))
          .map((ref) => (file === entry ? `${entry} imports ${ref.specifier}` : `${entry} → … → ${file} imports ${ref.specifier}`)),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe("process.env", () => {
  it("is read only in lib/env.ts (among app/, components/ and lib/ outside lib/cli and lib/generated)", () => {
    const offenders = [...appFiles, ...componentFiles, ...libFiles]
      .filter((file) => file !== "lib/env.ts" && !file.startsWith("lib/cli/"))
      .filter((file) => ENV_READ.test(withoutComments(read(file))));
    expect(offenders).toEqual([]);
  });
});

// Every route handler and page under app/, found from the files: the access-control table and the
// unauthenticated sweep both check that nothing is left out.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../../prisma/scripts/dev-database";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];
const isHttpMethod = (name: string): name is HttpMethod => (HTTP_METHODS as readonly string[]).includes(name);

/** app/api/enrollments/[enrollmentId]/route.ts → /api/enrollments/[enrollmentId]; route groups drop out. */
function urlPatternOf(file: string, fileName: RegExp): string {
  const segments = path
    .relative(path.join(repoRoot, "app"), file)
    .split(path.sep)
    .filter((segment) => !fileName.test(segment) && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function filesUnder(dir: string, fileName: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((relative) => fileName.test(path.basename(relative)))
    .map((relative) => path.join(dir, relative));
}

/** The HTTP methods a route module exports, in either `export const GET` or `export { handler as GET }` form. */
export function exportedMethods(source: string): HttpMethod[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const specifier of m[1]!.split(",")) {
      const exported = specifier
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (exported) names.add(exported);
    }
  }
  return [...names].filter(isHttpMethod).sort();
}

const ROUTE_FILE = /^route\.(ts|tsx|js|mjs)$/;
const PAGE_FILE = /^page\.(tsx|ts|jsx|js|mdx)$/;

export function discoverRoutes(): string[] {
  return filesUnder(path.join(repoRoot, "app", "api"), ROUTE_FILE).flatMap((file) =>
    exportedMethods(readFileSync(file, "utf8")).map((method) => `${method} ${urlPatternOf(file, ROUTE_FILE)}`),
  );
}

export function discoverPages(): string[] {
  return filesUnder(path.join(repoRoot, "app"), PAGE_FILE).map((file) => urlPatternOf(file, PAGE_FILE));
}

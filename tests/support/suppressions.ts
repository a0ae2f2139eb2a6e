// Every lint or type-check suppression in the source, listed by `npm test` so the count is visible
// and can only grow on purpose: each must say why (`-- reason` for ESLint, text after the directive
// for TypeScript), or the step fails.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "prisma/scripts", "tests", "proxy.ts", "public/sw.js"];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
/** A directive is one only at the start of a comment (not named in a string or a sentence). */
const DIRECTIVE = /(?:\/\/|\/\*)\s*(eslint-disable(?:-next-line|-line)?|@ts-expect-error|@ts-ignore)\b(.*)$/;

export interface Suppression {
  at: string;
  directive: string;
  reason: string | null;
}

function files(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return SOURCE.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) => (SKIP.has(name) ? [] : files(root, path.join(entry, name))));
}

/** The suppressions under `root` (the repository), each with its reason or null when it gives none. */
export function findSuppressions(root: string): Suppression[] {
  return ROOTS.flatMap((r) => files(root, r)).flatMap((file) =>
    readFileSync(path.join(root, file), "utf8")
      .split("\n")
      .flatMap((line, i) => {
        const match = DIRECTIVE.exec(line);
        if (!match) return [];
        const directive = match[1]!;
        const rest = match[2]!.replace(/\*\/\s*\}?\s*$/, "").trim();
        const reason = directive.startsWith("eslint") ? (/--\s*(\S.*)$/.exec(rest)?.[1] ?? null) : rest.replace(/^[:\s-]+/, "") || null;
        return [{ at: `${file}:${i + 1}`, directive, reason }];
      }),
  );
}

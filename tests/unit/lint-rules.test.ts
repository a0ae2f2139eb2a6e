// The lint rules that stand in for checks this suite once made by hand still find what they are for.
// import-x reads only .js files when it follows imports unless told otherwise, and its no-cycle rule
// then passes every TypeScript cycle in silence: that is what this catches.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = path.join(ROOT, "tests/unit/fixtures/import-cycle");

describe("import-x/no-cycle", () => {
  it("reports a two-file cycle between TypeScript modules", async () => {
    // The fixtures are in ESLint's ignores, so `npm run lint` passes; here they are linted anyway.
    const eslint = new ESLint({ cwd: ROOT, ignore: false });
    const results = await eslint.lintFiles([path.join(FIXTURES, "first.ts"), path.join(FIXTURES, "second.ts")]);
    const cycles = results.flatMap((r) => r.messages.filter((m) => m.ruleId === "import-x/no-cycle").map(() => path.basename(r.filePath)));
    expect(cycles.sort()).toEqual(["first.ts", "second.ts"]);
  });
});

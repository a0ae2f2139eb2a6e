import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findSuppressions } from "../support/suppressions";

// Spelled in pieces, so this file's own fixtures aren't counted as the repository's suppressions.
const D = ["eslint", "disable"].join("-");
const TS = "@ts";

describe("findSuppressions", () => {
  it("lists each directive with its reason, and none where a directive is only named", () => {
    const root = mkdtempSync(path.join(tmpdir(), "suppressions-"));
    mkdirSync(path.join(root, "lib", "generated"), { recursive: true });
    writeFileSync(
      path.join(root, "lib", "a.ts"),
      [
        `// ${D}-next-line no-control-regex -- control characters are the point`,
        "const re = /x/;",
        `// ${D}-next-line no-console`,
        `const s = "${D}-next-line in a string";`,
        `/* ${D} react-hooks/set-state-in-effect -- seeded once */`,
        `// ${TS}-expect-error the library's types lag its runtime`,
        `// ${TS}-ignore`,
      ].join("\n"),
    );
    writeFileSync(path.join(root, "lib", "generated", "b.ts"), `// ${D}-next-line no-console\n`);
    expect(findSuppressions(root)).toEqual([
      { at: "lib/a.ts:1", directive: "eslint-disable-next-line", reason: "control characters are the point" },
      { at: "lib/a.ts:3", directive: "eslint-disable-next-line", reason: null },
      { at: "lib/a.ts:5", directive: "eslint-disable", reason: "seeded once" },
      { at: "lib/a.ts:6", directive: "@ts-expect-error", reason: "the library's types lag its runtime" },
      { at: "lib/a.ts:7", directive: "@ts-ignore", reason: null },
    ]);
  });
});

import path from "node:path";
import { defineConfig } from "vitest/config";

// The tests are the server's code run in Node: "server-only" resolves to nothing, as in a Server
// Component (see lib/cli/server-only-outside-next.ts).
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // The property suites run thousands of cases in 2–4 s on a quiet machine: Vitest's default 5 s
        // limit failed them on a loaded one (CI's one red test), where nothing was wrong but the clock.
        // A limit catches a hang, it doesn't measure speed (tests/bench/ does).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        // Runs against the stack started by tests/run-all.ts (TEST_APP_URL, TEST_DATABASE_URL, MAIL_DIR).
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// Lint: typescript-eslint's strict type-checked rules, Next's own plugin, the rules of hooks, and no
// import cycles. `npm run lint` runs it, and so does `npm test`'s first step (so CI), with no warnings allowed.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "tests/unit/fixtures/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers read naturally in messages ("3 weeks behind"); objects and undefined still may not.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `onClick={() => void save()}` and `() => setOpen(false)` say what they mean.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // tsconfig's noUncheckedIndexedAccess types every in-bounds index as `T | undefined`; `!` marks
      // the ones a loop bound or a lookup just proved. A runtime branch at each would only add
      // untestable paths to the pacing loops (bench:pacing).
      "@typescript-eslint/no-non-null-assertion": "off",
      // Destructuring a field away (`const { series: _series, ...rest } = pacing`) is how a projection drops it.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // React's event props ignore a handler's return value, so `onSubmit={async (e) => …}` is fine;
      // a promise handed anywhere else that expects void is still an error.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  nextPlugin.configs["core-web-vitals"],
  // The rules of hooks for React code only: Playwright's fixtures also call a function named `use`.
  { files: ["app/**", "components/**"], ...reactHooks.configs.flat["recommended-latest"] },
  {
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
      // Without these, import-x reads only .js files when it follows imports, and no-cycle silently
      // finds no cycle through TypeScript (a two-file probe showed it).
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs", ".cjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      // A cycle can't run through a package: not following them takes 44 s of lint to 37 s.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // lib/cli holds the processes (start, worker, one-off commands, the icon renderer): the domain,
      // the pages and the components never import from it.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./app/**", "./components/**", "./lib/*.ts", "./lib/!(cli)/**"],
              from: "./lib/cli",
              except: [],
              message: "lib/cli is the entry points; the code they run lives in lib/.",
            },
          ],
        },
      ],
    },
  },
  // Small units (issue 16): a function that needs more room says why, in its eslint-disable comment.
  // Components get more lines than logic: their JSX is markup, read top to bottom.
  {
    files: ["app/**/*.ts", "lib/**/*.ts", "prisma/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 150, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ["tests/**"],
    rules: {
      // Test runners' callbacks are async by signature, whether or not a given one awaits.
      "@typescript-eslint/require-await": "off",
      // Playwright's fixtures take their dependencies as a destructured first argument, even none.
      "no-empty-pattern": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The service worker is a classic script for the browser's worker scope.
    files: ["public/sw.js"],
    languageOptions: {
      sourceType: "script",
      globals: {
        self: "readonly",
        caches: "readonly",
        fetch: "readonly",
        URL: "readonly",
        Response: "readonly",
        Request: "readonly",
        Headers: "readonly",
        console: "readonly",
      },
    },
  },
);

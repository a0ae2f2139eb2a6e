// Lint: typescript-eslint's strict type-checked rules, Next's own plugin, the rules of hooks, and no
// import cycles. `npm run lint` runs it; CI and `npm test`'s first step too.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers read naturally in messages ("3 weeks behind"); objects and undefined still may not.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `onClick={() => void save()}` and `() => setOpen(false)` say what they mean.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  nextPlugin.configs["core-web-vitals"],
  reactHooks.configs.flat["recommended-latest"],
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })] },
    rules: { "import-x/no-cycle": "error" },
  },
  {
    // Tests index into results they have just asserted on; a failed `!` there fails the test loudly.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The service worker is a classic script for the browser's worker scope.
    files: ["public/sw.js"],
    languageOptions: { sourceType: "script", globals: { self: "readonly", caches: "readonly", fetch: "readonly", URL: "readonly", Response: "readonly", Request: "readonly", console: "readonly" } },
  },
);

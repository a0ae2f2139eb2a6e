// Import first in every integration test file, for its side effect.
//
// Workaround: Vitest copies Vite's `import.meta.env` into `process.env` in each test worker, and Vite's
// env has a BASE_URL of its own ("/", the public base path). It overwrites the BASE_URL that
// tests/run-all.ts passes, so factories' baseUrl() would yield "/" and every call() would fetch
// "//api/...". Put the app's URL back, worked out as tests/support/stack.ts does (TEST_PORT, default 3100);
// TEST_BASE_URL overrides it when the app runs somewhere else.
if (!/^https?:\/\//.test(process.env.BASE_URL ?? "")) {
  process.env.BASE_URL = process.env.TEST_BASE_URL ?? `http://localhost:${process.env.TEST_PORT ?? 3100}`;
}

// The one answer to "which Chromium do the browser tests use?", for Playwright's config, `npm test`,
// the screenshots, the icon renderer and the Lighthouse bench: CHROME_PATH when set, else
// Playwright's own Chromium when it is installed, else the system's. `ensureChromium` is what
// `npm test` runs before anything else, so a machine without a browser gets one (or one clear
// message) at once, not ninety identical failures after the build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The flags every launch here needs: these machines have no sandbox, GPU or outside network (STACK.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface FoundChromium {
  /** undefined: Playwright's own, which it finds by itself. */
  executablePath: string | undefined;
  source: "CHROME_PATH" | "playwright" | "system";
}

export function findChromium(): FoundChromium | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { executablePath: fromEnv, source: "CHROME_PATH" } : null;
  if (existsSync(chromium.executablePath())) return { executablePath: undefined, source: "playwright" };
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  return system ? { executablePath: system, source: "system" } : null;
}

/** A path to a binary, for tools that launch Chrome themselves (Lighthouse). */
export function chromiumPath(): string | undefined {
  const found = findChromium();
  return found ? (found.executablePath ?? chromium.executablePath()) : undefined;
}

/** Launch options for Playwright: the browser found, with the flags above. */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const found = findChromium();
  return { ...(found?.executablePath ? { executablePath: found.executablePath } : {}), args: CHROMIUM_ARGS };
}

function attempt(label: string, command: string, args: string[], timeoutMs: number): boolean {
  console.log(`── no Chromium found: trying ${label} ──`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * Finds a Chromium, or gets one: Playwright's own download where it works, else Debian/Ubuntu's
 * package when running as root. Returns the one found, or throws with the command to run.
 */
export function ensureChromium(): FoundChromium {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH is ${process.env.CHROME_PATH}, but there is no browser there.`);
  const playwrightCli = "node_modules/@playwright/test/cli.js";
  if (
    existsSync(playwrightCli) &&
    attempt("Playwright's download (npx playwright install chromium)", process.execPath, [playwrightCli, "install", "chromium"], 5 * 60_000)
  ) {
    const downloaded = findChromium();
    if (downloaded) return downloaded;
  }
  if (isRoot() && existsSync("/usr/bin/apt-get")) {
    const installed =
      attempt("the system package (apt-get install -y chromium)", "apt-get", ["install", "-y", "-qq", "chromium"], 10 * 60_000) ||
      (attempt("apt-get update, then the package again", "apt-get", ["update", "-qq"], 5 * 60_000) &&
        attempt("the system package (apt-get install -y chromium)", "apt-get", ["install", "-y", "-qq", "chromium"], 10 * 60_000));
    const fromApt = installed ? findChromium() : null;
    if (fromApt) return fromApt;
  }
  throw new Error(
    [
      "The end-to-end tests need Chromium, and none was found or could be installed here.",
      "Install one, then run the tests again:",
      "  Debian/Ubuntu:  sudo apt-get install -y chromium",
      "  elsewhere:      npx playwright install chromium",
      "  or point CHROME_PATH at a Chrome or Chromium binary.",
    ].join("\n"),
  );
}

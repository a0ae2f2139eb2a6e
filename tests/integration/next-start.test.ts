// The security baseline holds under plain `next start` — how a host, a container or a platform runs a
// Next.js build — and not only behind `npm start`'s own server: proxy.ts sets it, for any server.
// Runs the stack's build with `next start` on a port of its own, on the stack's database.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, testDb } from "../support/factories";
import { TEST_AUTH_SECRET } from "../support/stack";
import { waitFor } from "../support/wait";

let app: ChildProcess | undefined;
let base = "";
const logs: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: TEST_AUTH_SECRET,
      // No SMTP_URL: the development outbox exists, so the address test below means something.
      SMTP_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  app.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  const started = app;
  try {
    await waitFor(async () => {
      if (started.exitCode !== null) throw new Error("next start exited");
      return fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    }, "next start to become healthy");
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${logs.join("")}`, { cause: error });
  }
});

afterAll(async () => {
  if (!app || app.exitCode !== null) return;
  const exited = new Promise((r) => app!.once("exit", r));
  app.kill("SIGTERM");
  await exited;
});

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("under plain next start", () => {
  it.each(["/roadmaps", "/api/health", "/no-such-page"])(
    "%s carries a CSP with a fresh nonce and the baseline headers",
    async (pathname) => {
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${base}${pathname}`, { redirect: "manual" });
        const policy = res.headers.get("content-security-policy");
        expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
        expect(policy).toContain("frame-ancestors 'none'");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        seen.add(nonceOf(policy)!);
        const html = await res.text();
        if (pathname === "/roadmaps") {
          const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
          expect(scripts.length).toBeGreaterThan(0);
          for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(policy)}"`);
        }
      }
      expect(seen.size).toBe(3);
    },
  );

  it("refuses a PATCH from another origin with a valid session, and lets the app's own through", async () => {
    const user = await createUser("next-start");
    const before = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    const patch = (origin: string) =>
      fetch(`${base}/api/me`, {
        method: "PATCH",
        headers: { cookie: user.cookie, origin, "content-type": "application/json" },
        body: JSON.stringify({ digestHour: 4 }),
      });
    const foreign = await patch("https://evil.example");
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect((await patch(base)).status).toBe(200);
  });

  it("doesn't take a client's word for its address: the loopback-only outbox stays hidden", async () => {
    // Over loopback, but without our server in front no one vouches for the address: a client-sent
    // header claiming loopback must not open the outbox.
    const res = await fetch(`${base}/dev/outbox`, { headers: { "x-waypoint-client-address": "127.0.0.1" } });
    expect(res.status).toBe(404);
  });
});

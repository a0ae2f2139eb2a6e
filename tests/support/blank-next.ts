// A blank App Router page (a layout and a heading) built with this repository's Next and React, for
// the benchmarks that measure Waypoint against what Next itself costs (bench:load's JavaScript,
// bench:lighthouse's LCP and TBT). It is a separate app in the system's temp directory, so it shares
// none of our layout, providers or CSS; built once per Next version (node_modules linked from this
// repository) and kept for later runs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { waitFor } from "./wait";

export interface BlankApp {
  url: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A blank App Router page (a layout and a heading) built with this repository's Next, served by `next start`. */
export async function startBlankApp(): Promise<BlankApp> {
  const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");
  const version = (JSON.parse(await readFile(path.join(repoRoot, "node_modules/next/package.json"), "utf8")) as { version: string })
    .version;
  const dir = path.join(os.tmpdir(), `waypoint-blank-next-${version}`);
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    console.log(`building a blank Next ${version} page in ${dir}…`);
    await mkdir(path.join(dir, "app"), { recursive: true });
    if (!existsSync(path.join(dir, "node_modules")))
      await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "blank", private: true, type: "module" }));
    // node_modules is a link out of the directory: Turbopack's root must contain both ends.
    await writeFile(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: "/" } };\n`);
    await writeFile(
      path.join(dir, "app", "layout.jsx"),
      `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
    );
    await writeFile(path.join(dir, "app", "page.jsx"), `export default function Page() {\n  return <main><h1>Blank</h1></main>;\n}\n`);
    const built = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: dir,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) throw new Error("the blank page's next build failed");
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://localhost:${port}/`;
  await waitFor(
    async () =>
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false),
    `the blank page on ${url}`,
    60_000,
  );
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

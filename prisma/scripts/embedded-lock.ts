// The decisions behind "one owner of the embedded database", as pure functions of what the files say
// and what the process table shows, so they can be tested without starting PostgreSQL.
// PostgreSQL re-reads its postmaster.pid about once a minute and shuts down when it is gone or changed:
// a lock file is removed only once its process is proven gone, never on a guess.
import path from "node:path";

/** What postmaster.pid says (PostgreSQL 10+: pid, data dir, start time, port, socket dir, listen address, shmem key, status). */
export interface PostmasterLock {
  pid: number;
  dataDir: string;
  port: number | null;
  /** "starting", "ready", "stopping", "standby"; null while PostgreSQL hasn't written it yet. */
  status: string | null;
}

/** What the process table says about one PID. `argv` is null where it can't be read (no /proc). */
export type ProcessInfo = { state: "gone" } | { state: "alive"; argv: string[] | null };

export function parsePostmasterPid(text: string): PostmasterLock | null {
  const lines = text.split("\n");
  // A standalone backend (single-user mode) writes its PID negated.
  const pid = Math.abs(Number(lines[0]?.trim()));
  const dataDir = lines[1]?.trim() ?? "";
  if (!Number.isSafeInteger(pid) || pid <= 0 || dataDir === "") return null;
  const port = Number(lines[3]?.trim());
  const status = lines[7]?.trim();
  return { pid, dataDir, port: Number.isInteger(port) && port > 0 ? port : null, status: status ? status : null };
}

export type PostmasterVerdict =
  | { kind: "absent" }
  /** Not parseable (being written, or damaged): look again before deciding. */
  | { kind: "unreadable" }
  | { kind: "stale"; pid: number; reason: string }
  | { kind: "live"; pid: number; port: number | null; status: string | null };

/**
 * Is the cluster in `dataDir` running? `text` is postmaster.pid's content (null: no file). Live when
 * its PID is a running postgres whose command line names this data directory — or names none we can
 * read, since a lock we can't prove stale must be left alone. Stale when the PID is gone, or was
 * reused by a process that isn't this cluster's postmaster.
 */
export function judgePostmasterLock(text: string | null, dataDir: string, processOf: (pid: number) => ProcessInfo): PostmasterVerdict {
  if (text === null) return { kind: "absent" };
  const lock = parsePostmasterPid(text);
  if (!lock) return { kind: "unreadable" };
  const proc = processOf(lock.pid);
  if (proc.state === "gone") return { kind: "stale", pid: lock.pid, reason: `process ${lock.pid} is not running` };
  const live = { kind: "live", pid: lock.pid, port: lock.port, status: lock.status } as const;
  if (proc.argv === null || proc.argv.length === 0) return live;
  // A postmaster keeps its own command line; its children retitle themselves "postgres: …".
  if (path.basename(proc.argv[0] ?? "") !== "postgres") {
    return { kind: "stale", pid: lock.pid, reason: `process ${lock.pid} is not a postmaster (${proc.argv[0]})` };
  }
  const d = proc.argv.indexOf("-D");
  const itsDir = d >= 0 ? proc.argv[d + 1] : undefined;
  if (itsDir !== undefined && path.resolve(itsDir) !== path.resolve(dataDir)) {
    return { kind: "stale", pid: lock.pid, reason: `process ${lock.pid} is the postmaster of ${itsDir}` };
  }
  return live;
}

/** Who holds the start/stop lock beside the data directory (its content is the holder's PID). */
export type StartLockVerdict = { kind: "held"; pid: number } | { kind: "stale"; reason: string };

export function judgeStartLock(text: string, processOf: (pid: number) => ProcessInfo): StartLockVerdict {
  // The lock is created with its content in place (a hard link of a written file), so an
  // unparseable one was not written by us: nothing can be waiting on it.
  const pid = Number(text.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return { kind: "stale", reason: "it names no process" };
  if (processOf(pid).state === "gone") return { kind: "stale", reason: `process ${pid} is not running` };
  return { kind: "held", pid };
}

/** Who started the running cluster (written by the command that started it). */
export interface ClusterOwner {
  pid: number;
  postmasterPid: number;
}

export type StopDecision = { stop: true } | { stop: false; reason: string };

/**
 * May this process stop the cluster now? Only a cluster a Waypoint command started (the owner file
 * names this very postmaster) — this process, or a starter that has since left it to the others, so
 * the last one out stops it rather than leaving a stray postmaster — and never while anyone else
 * uses it (`otherUsers`: other Waypoint processes still holding their connection, and any
 * connection from outside Waypoint).
 */
export function decideStop(input: { postmasterPid: number; owner: ClusterOwner | null; otherUsers: number }): StopDecision {
  const { postmasterPid, owner, otherUsers } = input;
  if (otherUsers > 0)
    return {
      stop: false,
      reason: `${otherUsers} other connection${otherUsers === 1 ? "" : "s"} still use${otherUsers === 1 ? "s" : ""} it`,
    };
  if (!owner || owner.postmasterPid !== postmasterPid) return { stop: false, reason: "no Waypoint command started it" };
  return { stop: true };
}

// The phone's outbox for check-ins: every submission is written to IndexedDB before it is sent and
// removed only once the server has stored it, so a check-in made on a train survives a dead
// connection, a reload or a closed tab. Each carries its idempotency key: sending one twice (a retry,
// two tabs flushing at once) still stores one row.
import { createStore, del, entries, set, type UseStore } from "idb-keyval";
import type { CheckInResult } from "@/lib/checkins";
import type { FieldErrors } from "@/lib/errors";
import type { CheckInCreateInput } from "@/lib/validation/checkin";
import { ApiError, apiFetch } from "../api-client";

export interface QueuedCheckIn {
  key: string;
  /** Entries belong to whoever made them: on a shared phone, another account never sends them. */
  userId: string;
  body: CheckInCreateInput & { idempotencyKey: string; madeAt: string };
  /** Pending: waiting for a connection. Rejected: the server said no; the user fixes or discards it. */
  state: "pending" | "rejected";
  error?: string;
  fields?: FieldErrors;
}

export type SendOutcome =
  | { kind: "sent"; result: Omit<CheckInResult, "replayed"> }
  | { kind: "offline" }
  | { kind: "signed_out" }
  | { kind: "rejected"; message: string; fields?: FieldErrors };

let store: UseStore | null = null;
// Opened on first use: this module is also evaluated on the server, where there is no IndexedDB.
const outbox = () => (store ??= createStore("waypoint", "checkin-outbox"));

export async function queued(userId: string): Promise<QueuedCheckIn[]> {
  const all = await entries<string, QueuedCheckIn>(outbox());
  return all
    .map(([, item]) => item)
    .filter((item) => item.userId === userId)
    .sort((a, b) => a.body.madeAt.localeCompare(b.body.madeAt));
}

export async function enqueue(item: QueuedCheckIn): Promise<void> {
  await set(item.key, item, outbox());
}

export async function discard(key: string): Promise<void> {
  await del(key, outbox());
}

/** Sends one queued check-in and settles its entry: gone when stored, kept when offline, marked when refused. */
export async function send(item: QueuedCheckIn): Promise<SendOutcome> {
  try {
    const result = await apiFetch<Omit<CheckInResult, "replayed">>("/api/checkins", { method: "POST", body: item.body });
    await discard(item.key);
    return { kind: "sent", result };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // No answer, or the server failing: the same key is safe to send again later.
    if (error.status === 0 || error.status >= 500) return { kind: "offline" };
    if (error.status === 401) return { kind: "signed_out" };
    await enqueue({ ...item, state: "rejected", error: error.message, fields: error.fields });
    return { kind: "rejected", message: error.message, fields: error.fields };
  }
}

/** Sends every pending check-in of the user, oldest first; stops at the first sign of no connection. */
export async function flush(userId: string): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const item of await queued(userId)) {
    if (item.state !== "pending") continue;
    const outcome = await send(item);
    outcomes.push(outcome);
    if (outcome.kind === "offline" || outcome.kind === "signed_out") break;
  }
  return outcomes;
}

/** Signing out: the cached offline pages (check-in, dashboard) hold this user's data. Queued check-ins stay (they are theirs). */
export async function forgetOfflinePages(): Promise<void> {
  if (typeof caches === "undefined") return;
  for (const name of await caches.keys()) if (name.startsWith("waypoint-pages-")) await caches.delete(name);
}

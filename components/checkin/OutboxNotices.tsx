"use client";

import type { QueuedCheckIn } from "./outbox";
import { big } from "./styles";

/** Check-ins kept on this phone that haven't reached the server yet. */
export function PendingCheckIns({ pending }: { pending: QueuedCheckIn[] }) {
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="waiting" className="rounded-lg border border-stone-300 px-4 py-3 dark:border-stone-700">
      <h2 id="waiting" className="font-semibold">
        Waiting to send ({pending.length})
      </h2>
      <ul className="mt-1 space-y-1 text-sm">
        {pending.map((item) => (
          <li key={item.key} data-pending-checkin={item.key}>
            {new Date(item.body.madeAt).toLocaleString("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit" })} ·{" "}
            {item.body.hours} h · confidence {item.body.confidence}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Check-ins the server refused, each to fix in the form or to throw away. */
export function RejectedCheckIns({
  rejected,
  onFix,
  onDiscard,
}: {
  rejected: QueuedCheckIn[];
  onFix: (item: QueuedCheckIn) => Promise<void>;
  onDiscard: (item: QueuedCheckIn) => Promise<void>;
}) {
  return (
    <>
      {rejected.map((item) => (
        <section key={item.key} role="alert" className="rounded-lg border border-red-300 px-4 py-3 text-sm dark:border-red-800">
          <p className="font-medium text-red-800 dark:text-red-300">A check-in wasn&apos;t accepted: {item.error}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={() => void onFix(item)} className={`${big} border-stone-400 px-3`}>
              Fix it
            </button>
            <button type="button" onClick={() => void onDiscard(item)} className={`${big} border-stone-400 px-3`}>
              Discard
            </button>
          </div>
        </section>
      ))}
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { usesDevOutbox } from "@/lib/env";
import { listOutbox } from "@/lib/mail";
import { requestIsFromLoopback } from "@/lib/peer";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

// Exists only without SMTP_URL, and only for requests from this machine: it shows sign-in links.
export default async function OutboxPage() {
  if (!usesDevOutbox || !(await requestIsFromLoopback())) notFound();
  const messages = await listOutbox();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Development outbox</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Mail the app would have sent. Newest first. Only shown to this machine, and only while SMTP_URL is unset.
      </p>
      {messages.length === 0 && <p>No mail yet.</p>}
      <ul className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <p className="text-sm text-stone-600 dark:text-stone-400">
              To <span className="break-all">{m.to}</span> · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
            </p>
            <p className="font-medium">{m.subject}</p>
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-all text-sm">{m.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-client";
import type { ReceivedNote } from "@/lib/partners/notes";
import { button } from "./styles";

/** Kudos and comments from the people who follow you, newest first; each can be hidden. */
export function PartnerNotesPanel({ initial }: { initial: ReceivedNote[] }) {
  const [notes, setNotes] = useState(initial);
  const hide = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/me/partner-notes/${id}`, { method: "DELETE" }),
    onMutate: (id) => {
      const before = notes;
      setNotes((all) => all.filter((n) => n.id !== id));
      return { before };
    },
    onError: (_e, _id, context) => context && setNotes(context.before),
  });
  if (notes.length === 0) return null;
  return (
    <section
      aria-labelledby="partner-notes-heading"
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="partner-notes-heading" className="text-lg font-semibold">
        From your partners
      </h2>
      <ul className="space-y-3">
        {notes.map((n) => (
          <li key={n.id} className="flex flex-wrap items-start justify-between gap-2" data-testid="partner-note">
            <p className="min-w-0 flex-1">
              <span className="font-medium">{n.from}</span> {n.kind === "kudos" ? "sent kudos" : "commented"} on {n.on}
              {n.body && <span className="block whitespace-pre-line break-words">“{n.body}”</span>}
            </p>
            <button type="button" className={button} onClick={() => hide.mutate(n.id)} aria-label={`Hide the note from ${n.from}`}>
              Hide
            </button>
          </li>
        ))}
      </ul>
      {hide.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {hide.error.message}
        </p>
      )}
    </section>
  );
}

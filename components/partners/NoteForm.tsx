"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { FieldError } from "@/components/ui/FieldError";
import { NOTE_MAX_CHARS } from "@/lib/validation/limits";
import { button, input } from "./styles";

/** Kudos (one click) or a short comment, on one milestone or one week of the person followed. */
export function NoteForm({
  ownerId,
  target,
  label,
}: {
  ownerId: string;
  target: { milestoneId: string } | { isoWeek: string };
  label: string;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (kind: "kudos" | "comment") =>
      apiFetch<{ id: string }>(`/api/following/${ownerId}/notes`, {
        method: "POST",
        body: { kind, ...target, ...(kind === "comment" ? { body } : {}) },
      }),
    onSuccess: (_r, kind) => {
      setSent(kind === "kudos" ? "Kudos sent." : "Comment sent.");
      setBody("");
      setOpen(false);
    },
  });
  const fields = send.error instanceof ApiError ? send.error.fields : undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={button}
          disabled={send.isPending}
          onClick={() => send.mutate("kudos")}
          aria-label={`Send kudos on ${label}`}
        >
          Kudos
        </button>
        <button type="button" className={button} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`Comment on ${label}`}>
          Comment
        </button>
      </div>
      {open && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate("comment");
          }}
        >
          <label htmlFor={`${id}-body`} className="block text-sm font-medium">
            Your comment on {label}
          </label>
          <textarea
            id={`${id}-body`}
            className={input}
            rows={3}
            maxLength={NOTE_MAX_CHARS}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            aria-describedby={`${id}-error`}
          />
          <p className="text-xs text-stone-700 dark:text-stone-300">
            {body.length} of {NOTE_MAX_CHARS} characters, plain text.
          </p>
          <FieldError id={`${id}-error`} messages={fields?.body} />
          <button type="submit" className={button} disabled={send.isPending}>
            Send the comment
          </button>
        </form>
      )}
      <p role="status" className="text-sm font-medium">
        {sent ?? (send.error && !fields ? send.error.message : "")}
      </p>
    </div>
  );
}

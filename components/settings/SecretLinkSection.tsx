"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type ReactNode } from "react";
import { apiFetch } from "@/components/api-client";

export interface SecretLinkTexts {
  /** For ids and test ids: "public-page", "calendar-feed". */
  name: string;
  intro: ReactNode;
  linkLabel: string;
  /** One line under the link, after "Copy it now…". */
  hint?: ReactNode;
  turnOn: string;
  turnOff: string;
  /** Shown with the link, next to the copy button; null for none. */
  openLabel: string | null;
}

/**
 * Turns an unguessable link on and off (the public progress page, the calendar feed). The link is
 * shown once, right after it is made: the server keeps only its hash, so "make a new link" is how
 * to get one again (the old one then stops).
 */
export function SecretLinkSection({
  endpoint,
  texts,
  initial,
}: {
  endpoint: string;
  texts: SecretLinkTexts;
  initial: { enabled: boolean; sinceLabel: string | null };
}) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "select" | null>(null);
  const linkInput = useRef<HTMLInputElement>(null);

  const makeLink = useMutation({
    mutationFn: () => apiFetch<{ path: string; since: string }>(endpoint, { method: "POST" }),
    onSuccess: ({ path }) => {
      setEnabled(true);
      setLink(new URL(path, window.location.origin).toString());
      setCopied(null);
    },
  });
  const turnOff = useMutation({
    mutationFn: () => apiFetch<{ enabled: false }>(endpoint, { method: "DELETE" }),
    onSuccess: () => {
      setEnabled(false);
      setLink(null);
      setCopied(null);
    },
  });
  const pending = makeLink.isPending || turnOff.isPending;
  const error = makeLink.error ?? turnOff.error;

  async function copy() {
    if (!link) return;
    try {
      // Absent outside secure contexts (plain http on a LAN address): fall back to selecting the text.
      await navigator.clipboard.writeText(link);
      setCopied("copied");
    } catch {
      linkInput.current?.select();
      setCopied("select");
    }
  }

  const button =
    "inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 py-2 text-sm font-medium hover:bg-stone-100 disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800";
  const primary =
    "inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";
  const linkId = `${texts.name}-link`;
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700 dark:text-stone-300">{texts.intro}</p>
      <p role="status" className="text-sm font-medium" data-testid={`${texts.name}-state`}>
        {!enabled ? "Off." : link || !initial.sinceLabel ? "On." : `On since ${initial.sinceLabel}.`}
      </p>
      {link && (
        <div className="space-y-2 rounded-lg border border-brand-700/40 bg-brand-50 p-3 dark:bg-stone-950">
          <label htmlFor={linkId} className="block text-sm font-medium">
            {texts.linkLabel}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id={linkId}
              ref={linkInput}
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="block min-h-11 w-full min-w-0 rounded-lg border border-stone-400 bg-white px-3 py-2 font-mono text-sm dark:border-stone-600 dark:bg-stone-950"
              aria-describedby={`${linkId}-hint`}
            />
            <button type="button" onClick={() => void copy()} className={`${primary} shrink-0 justify-center`}>
              Copy link
            </button>
          </div>
          <p id={`${linkId}-hint`} className="text-sm text-stone-700 dark:text-stone-300">
            Copy it now: Waypoint keeps only a fingerprint of it and can&apos;t show it again.{texts.hint ? <> {texts.hint}</> : null}{" "}
            {texts.openLabel && (
              <a href={link} target="_blank" rel="noreferrer" className="inline-flex min-h-11 items-center underline underline-offset-2">
                {texts.openLabel}
              </a>
            )}
          </p>
          {copied && (
            <p role="status" className="text-sm">
              {copied === "copied" ? "Copied." : "Selected: copy it with your device's copy command."}
            </p>
          )}
        </div>
      )}
      {enabled && !link && (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          The link was shown when you made it. To share it again, make a new link; the old one stops working.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          <>
            <button type="button" onClick={() => makeLink.mutate()} disabled={pending} className={button}>
              {makeLink.isPending ? "Making a link…" : "Make a new link"}
            </button>
            <button type="button" onClick={() => turnOff.mutate()} disabled={pending} className={button}>
              {turnOff.isPending ? "Turning off…" : texts.turnOff}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => makeLink.mutate()} disabled={pending} className={primary}>
            {makeLink.isPending ? "Turning on…" : texts.turnOn}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/api-client";

/**
 * Turns the public progress page on and off. The link is shown once, right after it is made: the
 * server keeps only its hash, so "make a new link" is how to get one again (the old one then stops).
 */
export function PublicPageSection({ initial }: { initial: { enabled: boolean; sinceLabel: string | null } }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "select" | null>(null);
  const linkInput = useRef<HTMLInputElement>(null);

  const makeLink = useMutation({
    mutationFn: () => apiFetch<{ path: string; since: string }>("/api/me/public-page", { method: "POST" }),
    onSuccess: ({ path }) => {
      setEnabled(true);
      setLink(new URL(path, window.location.origin).toString());
      setCopied(null);
    },
  });
  const turnOff = useMutation({
    mutationFn: () => apiFetch<{ enabled: false }>("/api/me/public-page", { method: "DELETE" }),
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

  const button = "inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 py-2 text-sm font-medium hover:bg-stone-100 disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800";
  const primary = "inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        A read-only page, at a link only you can hand out, with your roadmap, how far you are in each phase and your pace. It
        never shows your name, email, notes or check-ins. Turning it off, or making a new link, stops the old link at once.
      </p>
      <p role="status" className="text-sm font-medium" data-testid="public-page-state">
        {!enabled ? "Off." : link || !initial.sinceLabel ? "On." : `On since ${initial.sinceLabel}.`}
      </p>
      {link && (
        <div className="space-y-2 rounded-lg border border-brand-700/40 bg-brand-50 p-3 dark:bg-stone-950">
          <label htmlFor="public-link" className="block text-sm font-medium">Your public link</label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="public-link"
              ref={linkInput}
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="block min-h-11 w-full min-w-0 rounded-lg border border-stone-400 bg-white px-3 py-2 font-mono text-sm dark:border-stone-600 dark:bg-stone-950"
              aria-describedby="public-link-hint"
            />
            <button type="button" onClick={copy} className={`${primary} shrink-0 justify-center`}>
              Copy link
            </button>
          </div>
          <p id="public-link-hint" className="text-sm text-stone-700 dark:text-stone-300">
            Copy it now: Waypoint keeps only a fingerprint of it and can&apos;t show it again.{" "}
            <a href={link} target="_blank" rel="noreferrer" className="inline-flex min-h-11 items-center underline underline-offset-2">Open the page</a>
          </p>
          {copied && <p role="status" className="text-sm">{copied === "copied" ? "Copied." : "Selected: copy it with your device's copy command."}</p>}
        </div>
      )}
      {enabled && !link && (
        <p className="text-sm text-stone-700 dark:text-stone-300">The link was shown when you made it. To share it again, make a new link; the old one stops working.</p>
      )}
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          <>
            <button type="button" onClick={() => makeLink.mutate()} disabled={pending} className={button}>
              {makeLink.isPending ? "Making a link…" : "Make a new link"}
            </button>
            <button type="button" onClick={() => turnOff.mutate()} disabled={pending} className={button}>
              {turnOff.isPending ? "Turning off…" : "Turn off the public page"}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => makeLink.mutate()} disabled={pending} className={primary}>
            {makeLink.isPending ? "Turning on…" : "Turn on the public page"}
          </button>
        )}
      </div>
      {error && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">{error.message}</p>}
    </div>
  );
}

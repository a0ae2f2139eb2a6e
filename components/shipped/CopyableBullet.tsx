"use client";

import { useState } from "react";

/** Clipboard API where allowed; else a selected textarea and execCommand, which older browsers and plain http need. */
async function copyText(text: string): Promise<boolean> {
  try {
    // The DOM types promise a clipboard; plain-http pages and older browsers don't have one.
    if (window.isSecureContext && "clipboard" in navigator) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: fall through to the old way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback for browsers without the Clipboard API, on purpose
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyableBullet({ id, label, initial }: { id: string; label: string; initial: string }) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <li className="space-y-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setStatus("idle");
        }}
        rows={4}
        // Grows with its text where supported, so a long bullet is read whole on a phone.
        className="block w-full field-sizing-content rounded-lg border border-stone-400 bg-white px-3 py-2 text-sm dark:border-stone-600 dark:bg-stone-950"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={async () => setStatus((await copyText(text)) ? "copied" : "failed")}
          className="min-h-11 rounded-lg border border-brand-700 px-4 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-stone-800"
          aria-label={`Copy: ${label}`}
        >
          Copy
        </button>
        <span role="status" className="text-sm text-stone-700 dark:text-stone-300">
          {status === "copied" ? "Copied." : status === "failed" ? "Couldn't copy: select the text and copy it by hand." : ""}
        </span>
      </div>
    </li>
  );
}

"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { canonicalTimeZone } from "@/lib/time-zones";
import { searchTimeZones, utcOffsetLabel } from "@/lib/time-zones/search";

const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";

/**
 * A time zone chosen from the accepted list, never typed: a search box narrows a native <select>
 * (keyboard, screen readers and phone pickers all know it), and the browser's own zone is offered as
 * one tap. Whatever this yields is an accepted zone, so a typo can't reach the server.
 */
/** The device's zone as an accepted one (null when it isn't). It doesn't change while a page is open. */
const deviceTimeZone = () => canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
const neverChanges = () => () => {};

export function TimeZonePicker({
  id,
  label,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (zone: string) => void;
  describedBy?: string;
}) {
  const [query, setQuery] = useState("");
  // Null on the server and while hydrating (the server can't know the visitor's zone), then the device's.
  const deviceZone = useSyncExternalStore(neverChanges, deviceTimeZone, () => null);

  const matches = useMemo(() => searchTimeZones(query), [query]);
  // The chosen zone stays listed (first) even when the search leaves it out, so the select shows it.
  const options = (matches as string[]).includes(value) || !value ? matches : [value, ...matches];
  const now = useMemo(() => new Date(), []);
  const optionLabel = (zone: string) =>
    `${zone.replace(/_/g, " ")} (${utcOffsetLabel(zone, now)})${zone === deviceZone ? ", this device" : ""}`;

  function search(next: string) {
    setQuery(next);
    // Typing "new york" selects America/New_York at once; the select shows the choice.
    const found = searchTimeZones(next);
    if (next.trim() && found.length > 0 && !(found as string[]).includes(value)) onChange(found[0]!);
  }

  const countId = `${id}-matches`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        <input
          type="search"
          aria-label="Search the list by city or region"
          aria-describedby={countId}
          aria-controls={id}
          placeholder="Search: a city or region"
          value={query}
          onChange={(e) => search(e.target.value)}
          className={`${input} mt-0`}
          autoComplete="off"
          enterKeyHint="done"
          data-testid={`${id}-search`}
        />
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${input} mt-0`} aria-describedby={describedBy}>
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {optionLabel(zone)}
            </option>
          ))}
        </select>
      </div>
      <p id={countId} aria-live="polite" className="mt-1 text-xs text-stone-600 dark:text-stone-400">
        {query.trim()
          ? matches.length === 0
            ? "No zone matches; try a nearby large city."
            : `${matches.length} ${matches.length === 1 ? "zone matches" : "zones match"}.`
          : null}
      </p>
      {deviceZone && deviceZone !== value && (
        <button
          type="button"
          onClick={() => {
            setQuery("");
            onChange(deviceZone);
          }}
          className="mt-1 inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Use this device&apos;s zone: {deviceZone.replace(/_/g, " ")}
        </button>
      )}
    </div>
  );
}

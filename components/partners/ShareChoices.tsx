"use client";

import { DEFAULT_SHARES, OPT_IN_SHARES, SHARE_LABELS, type ShareField } from "@/lib/partners/share";

/** The field set as checkboxes: progress first (on by default), then the private ones (off by default). */
export function ShareChoices({
  idPrefix,
  value,
  onChange,
  disabled,
}: {
  idPrefix: string;
  value: readonly ShareField[];
  onChange: (next: ShareField[]) => void;
  disabled?: boolean;
}) {
  const chosen = new Set(value);
  const toggle = (field: ShareField, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(field);
    else next.delete(field);
    onChange([...next]);
  };
  const group = (legend: string, fields: readonly ShareField[]) => (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {fields.map((field) => (
        <label key={field} htmlFor={`${idPrefix}-${field}`} className="flex min-h-11 items-center gap-3 text-sm">
          <input
            id={`${idPrefix}-${field}`}
            type="checkbox"
            className="size-5"
            checked={chosen.has(field)}
            disabled={disabled}
            onChange={(e) => toggle(field, e.currentTarget.checked)}
          />
          {SHARE_LABELS[field]}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {group("Progress", DEFAULT_SHARES)}
      {group("Private unless you tick them", OPT_IN_SHARES)}
    </div>
  );
}

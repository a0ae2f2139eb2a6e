"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

const LABELS: Record<Theme, string> = { system: "Same as this device", light: "Light", dark: "Dark" };

/** Applies at once (a class on <html>) and is remembered on this device for a year. */
export function ThemePicker({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.classList.remove("light", "dark");
    if (next !== "system") document.documentElement.classList.add(next);
    // eslint-disable-next-line react-hooks/immutability -- a click handler writing the theme cookie, not a render-time mutation
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium">Theme</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {THEMES.map((t) => (
          <label
            key={t}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50 dark:border-stone-700 dark:has-checked:bg-brand-950"
          >
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} className="accent-brand-700" />
            <span className="text-sm">{LABELS[t]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

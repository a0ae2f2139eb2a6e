// The colour theme, chosen per device in Settings and kept in a cookie the root layout reads, so the
// first paint is already right. "system" follows the device's light/dark setting.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export function themeOf(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

// The app's main destinations, one list for the phone's bottom bar and the desktop header, so the two
// never offer different places.
export interface NavItem {
  href: string;
  label: string;
  /** Short label for the phone bar, where four items share 360 px. */
  short: string;
  icon: "home" | "dashboard" | "checkin" | "roadmap" | "settings" | "signin";
}

export const SIGNED_IN_NAV: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard", short: "Dashboard", icon: "dashboard" },
  { href: "/checkin", label: "Check in", short: "Check in", icon: "checkin" },
  { href: "/roadmaps", label: "Roadmaps", short: "Roadmap", icon: "roadmap" },
  { href: "/settings", label: "Settings", short: "Settings", icon: "settings" },
];

// Signed out, the places a visitor can use before having an account; the dashboard, check-in and
// settings would only bounce them to the sign-in page.
export const SIGNED_OUT_NAV: readonly NavItem[] = [
  { href: "/", label: "Home", short: "Home", icon: "home" },
  { href: "/roadmaps", label: "Roadmaps", short: "Roadmaps", icon: "roadmap" },
  { href: "/signin", label: "Sign in", short: "Sign in", icon: "signin" },
];

/** Whether `pathname` is at or under `href` ("/" only matches itself). */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

import type { NavItem } from "./nav-items";

// Simple stroke icons drawn inline (no icon font or sprite request); decorative, as each sits beside its label.
const paths: Record<NavItem["icon"], string> = {
  home: "M3 11l9-7 9 7M5 10v10h14V10",
  dashboard: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  checkin: "M5 12l4 4L19 6",
  roadmap: "M9 4L3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14",
  settings: "M4 7h10M18 7h2M4 17h4M12 17h8M14 4v6M8 14v6",
  signin: "M10 17l5-5-5-5M15 12H3M14 3h6v18h-6",
};

export function NavIcon({ icon }: { icon: NavItem["icon"] }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-6 w-6"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[icon]} />
    </svg>
  );
}

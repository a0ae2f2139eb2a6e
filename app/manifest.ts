import type { MetadataRoute } from "next";

// Served by Next at /manifest.webmanifest (and linked from every page). The installed app opens on the
// check-in, the one thing worth doing from a phone's home screen; `id` pins the app's identity to it so
// a later change of start_url doesn't make browsers treat it as a different app.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/checkin",
    name: "Waypoint",
    short_name: "Waypoint",
    description: "Check in on your pivot from software engineer to ML engineer, and see at a glance whether you are on pace.",
    start_url: "/checkin",
    scope: "/",
    display: "standalone",
    // The light theme colour from app/layout.tsx's viewport (stone-50), so the splash screen and title bar match the page.
    background_color: "#fafaf9",
    theme_color: "#fafaf9",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

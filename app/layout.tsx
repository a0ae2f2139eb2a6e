import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { RegisterServiceWorker } from "@/components/checkin/RegisterServiceWorker";
import { BottomNav } from "@/components/layout/BottomNav";
import { InstallHint } from "@/components/layout/InstallHint";
import { SIGNED_IN_NAV, SIGNED_OUT_NAV } from "@/components/layout/nav-items";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { Providers } from "@/components/providers";
import { getCurrentUser } from "@/lib/auth";
import { env } from "@/lib/env";
import { THEME_COOKIE, themeOf } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Waypoint", template: "%s · Waypoint" },
  description: "Track your pivot from software engineering to ML engineering, and know whether you are on pace.",
  icons: { icon: "/icons/icon.svg", apple: "/apple-touch-icon.png" },
  // Without this, iOS opens the home-screen app in Safari chrome and labels it with the page title.
  appleWebApp: { capable: true, title: "Waypoint" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // Lets the page draw under a phone's home indicator, so env(safe-area-inset-bottom) is non-zero and
  // the bottom bar pads itself clear of it.
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, cookieStore] = await Promise.all([getCurrentUser(), cookies()]);
  const theme = themeOf(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html lang="en-GB" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
        >
          Skip to content
        </a>
        <RegisterServiceWorker enabled={env.NODE_ENV === "production"} />
        <Providers>
          <SiteHeader user={user} />
          <main id="main" className="mx-auto max-w-5xl px-4 pt-6 pb-6 sm:pt-10 sm:pb-10">
            {children}
            <InstallHint />
          </main>
          <BottomNav items={user ? SIGNED_IN_NAV : SIGNED_OUT_NAV} />
        </Providers>
      </body>
    </html>
  );
}

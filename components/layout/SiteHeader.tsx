import Link from "next/link";
import type { CurrentUser } from "@/lib/auth";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { HeaderNavLinks } from "./HeaderNavLinks";
import { SIGNED_IN_NAV } from "./nav-items";

export function SiteHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className="border-b border-stone-200 bg-white/80 dark:border-stone-800 dark:bg-stone-900/80">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-1 gap-y-2 px-4 py-3 sm:gap-x-4">
        <Link
          href="/"
          className="mr-auto inline-flex min-h-11 items-center text-base font-semibold sm:text-lg text-brand-700 dark:text-brand-100"
        >
          Waypoint
        </Link>
        {/* On phones the destinations live in the bottom bar (BottomNav); the header keeps only the account action. */}
        {user ? (
          <>
            <nav aria-label="Main" className="hidden sm:block">
              <HeaderNavLinks items={SIGNED_IN_NAV} />
            </nav>
            {/* Months 12–18 only: on phones it is reached from the dashboard's phase-4 milestones. */}
            <Link href="/pivot" className="hidden min-h-11 items-center rounded px-2 py-2 text-sm hover:underline sm:inline-flex">
              Applications
            </Link>
            <span className="hidden max-w-48 truncate text-sm text-stone-600 lg:inline dark:text-stone-400" title={user.email}>
              {user.email}
            </span>
            <SignOutButton userId={user.id} />
          </>
        ) : (
          <>
            <nav aria-label="Main" className="hidden sm:block">
              <Link href="/roadmaps" className="inline-flex min-h-11 items-center rounded px-2 py-2 text-sm hover:underline">
                Roadmaps
              </Link>
            </nav>
            <Link
              href="/signin"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Sign in
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

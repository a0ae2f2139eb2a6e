"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NavIcon } from "./NavIcon";
import { isCurrent, type NavItem } from "./nav-items";

/**
 * Phones only: the main destinations in a bar along the bottom, where a thumb reaches. Its height is
 * --bottom-nav-height in app/globals.css, which also pads the page by it so it never covers content.
 */
export function BottomNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Main"
      data-testid="bottom-nav"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-stone-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur sm:hidden dark:border-stone-800 dark:bg-stone-900/95"
    >
      <ul className="mx-auto flex max-w-md">
        {items.map((item) => {
          const current = isCurrent(item.href, pathname);
          return (
            <li key={item.href} className="flex-1">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-(--bottom-nav-height) flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium ${
                  current ? "text-brand-700 dark:text-brand-100" : "text-stone-700 dark:text-stone-300"
                }`}
              >
                <NavIcon icon={item.icon} />
                <span className={current ? "underline decoration-2 underline-offset-4" : undefined}>{item.short}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent, type NavItem } from "./nav-items";

/** Desktop (sm and up): the same destinations as the phone's bottom bar, in the header. */
export function HeaderNavLinks({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="hidden items-center gap-x-1 sm:flex lg:gap-x-2">
      {items.map((item) => {
        const current = isCurrent(item.href, pathname);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded px-2 py-2 text-sm hover:underline ${
                current ? "font-semibold text-brand-700 underline decoration-2 underline-offset-4 dark:text-brand-100" : ""
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
